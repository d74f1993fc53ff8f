"""The pages' session also signs in to the API (so pages may call it), with CSRF enforced on changes."""

from __future__ import annotations

from django.test import Client

from tests.web_factory import make_evaluation, people  # noqa: F401


def test_session_reads_and_csrf_guards_changes(people):  # noqa: F811
    ev = make_evaluation(people, "draft")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["unit"])
    assert browser.get("/api/v1/me").json()["username"] == "unit"
    r = browser.post(f"/api/v1/evaluations/{ev.pk}/submit", "{}", content_type="application/json")
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"  # no CSRF token: refused
    assert "CSRF" in r.json()["error"]["message"]
    ev.refresh_from_db()
    assert ev.status == "draft"
    from django.middleware.csrf import _get_new_csrf_string

    token = _get_new_csrf_string()  # what the pages' cookie holds
    browser.cookies["csrftoken"] = token
    r = browser.post(f"/api/v1/evaluations/{ev.pk}/submit", "{}", content_type="application/json",
                     headers={"X-CSRFToken": token})
    assert r.status_code == 200 and r.json()["status"] == "submitted"
