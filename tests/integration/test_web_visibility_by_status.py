"""Visibility as web-api.md states it, literally and whatever the status: "a unit sees its own; a
department sees the units under it; a finance organisation sees everything under it". So a department
sees its units' drafts too (read only: it acts only on what is submitted to it), and another
department's unit answers 404 in every status — in the lists, the pages and the API alike."""

from __future__ import annotations

from typing import Any

import pytest

from jixiao.web.models import User
from tests.web_factory import api_as, make_evaluation, people  # noqa: F401

pytestmark = pytest.mark.django_db

STATUSES = ("draft", "submitted", "dept_approved", "returned", "approved", "published")
SEES = {"admin": True, "finance": True, "dept": True, "unit": True, "unithead": True, "school": False}


@pytest.mark.parametrize("status", STATUSES)
def test_who_sees_a_units_evaluation_in_each_status(client: Any, people: dict, status: str) -> None:  # noqa: F811
    ev = make_evaluation(people, status)  # 示范市公安局交通管理支队 (under 示范市公安局)
    for user, sees in SEES.items():
        api = api_as(client, user)
        r = api.get(f"/evaluations/{ev.pk}")
        assert r.status_code == (200 if sees else 404), (user, status, r.status_code)
        ids = [e["id"] for e in api.get("/evaluations").json()]
        assert (ev.pk in ids) is sees, (user, status)
        client.logout()
        client.force_login(User.objects.get(username=user))
        assert client.get(f"/evaluations/{ev.pk}/").status_code == (200 if sees else 404), (user, status)
        listed = f'href="/evaluations/{ev.pk}/"' in client.get("/evaluations/").content.decode()
        assert listed is sees, (user, status)


def test_a_department_sees_a_draft_but_can_do_nothing_with_it(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "draft")
    api = api_as(client, "dept")
    body = api.get(f"/evaluations/{ev.pk}").json()
    assert body["status"] == "draft" and body["allowed_actions"] == []
    assert api.post(f"/evaluations/{ev.pk}/approve", {}).status_code == 409  # a reviewer, but not at this step
    assert api.put(f"/evaluations/{ev.pk}", {"report": body["check"]["report"]}).status_code == 403
    client.force_login(User.objects.get(username="dept"))
    queue = client.get("/queue/")  # and a draft is never in the department's queue
    assert queue.status_code == 200 and f"/evaluations/{ev.pk}/" not in queue.content.decode()
    page = client.get(f"/evaluations/{ev.pk}/").content.decode()
    assert "审核通过" not in page and "退回修改" not in page
