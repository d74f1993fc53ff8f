"""Every page as every role: what each may open, and what answers 403 / 404 (another organisation's
evaluation is absent, not forbidden). The server checks, whatever the page shows."""

from __future__ import annotations

from typing import Any

import pytest

from jixiao.web.models import User
from tests.web_factory import make_evaluation, people  # noqa: F401

pytestmark = pytest.mark.django_db

ALL = ("admin", "finance", "dept", "unit", "unithead", "school")


def as_user(client: Any, username: str | None) -> Any:
    client.logout()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.parametrize("path", ["/evaluations/", "/queue/", "/evaluations/new/", "/manage/orgs/",
                                  "/manage/users/", "/manage/overview/", "/manage/publish/"])
def test_signed_in_pages_send_an_anonymous_visitor_to_sign_in(client: Any, people: dict, path: str) -> None:  # noqa: F811
    r = client.get(path)
    assert r.status_code == 302
    assert r["Location"].startswith("/login/?next=")


def test_public_pages_need_no_sign_in(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "published")
    r = client.get("/public/")
    assert r.status_code == 200
    assert ev.title in r.content.decode()
    r = client.get(f"/public/{ev.pk}/")
    assert r.status_code == 200
    body = r.content.decode()
    assert "97.84" in body and "复核发现" not in body  # report, score, grade; no findings


@pytest.mark.parametrize("status", ["draft", "submitted", "dept_approved", "returned", "approved"])
def test_unpublished_evaluations_are_absent_from_the_public_pages(client: Any, people: dict, status: str) -> None:  # noqa: F811
    ev = make_evaluation(people, status)
    assert client.get(f"/public/{ev.pk}/").status_code == 404
    assert ev.title not in client.get("/public/").content.decode()


EXPECTED = {  # path → {user: status}
    "/evaluations/": dict.fromkeys(ALL, 200),
    "/evaluations/new/": {"admin": 403, "finance": 403, "dept": 403, "unit": 200, "unithead": 200, "school": 200},
    "/queue/": {"admin": 403, "finance": 200, "dept": 200, "unit": 403, "unithead": 403, "school": 403},
    "/manage/orgs/": {"admin": 200, "finance": 403, "dept": 403, "unit": 403, "unithead": 403, "school": 403},
    "/manage/users/": {"admin": 200, "finance": 403, "dept": 403, "unit": 403, "unithead": 403, "school": 403},
    "/manage/publish/": {"admin": 200, "finance": 403, "dept": 403, "unit": 403, "unithead": 403, "school": 403},
    "/manage/overview/": {"admin": 200, "finance": 200, "dept": 200, "unit": 403, "unithead": 403, "school": 403},
}


@pytest.mark.parametrize("path", list(EXPECTED))
@pytest.mark.parametrize("user", ALL)
def test_lists_and_admin_pages_by_role(client: Any, people: dict, path: str, user: str) -> None:  # noqa: F811
    r = as_user(client, user).get(path)
    assert r.status_code == EXPECTED[path][user], (path, user, r.status_code)


EV_PAGES = ("/evaluations/{pk}/", "/evaluations/{pk}/diff/", "/evaluations/{pk}/indicators/0/",
            "/evaluations/{pk}/opinion.docx")
SEES_TRAFFIC = {"admin", "finance", "dept", "unit", "unithead"}


@pytest.mark.parametrize("user", ALL)
def test_an_evaluation_is_404_outside_the_callers_organisations(client: Any, people: dict, user: str) -> None:  # noqa: F811
    ev = make_evaluation(people, "submitted")  # 示范市公安局交通管理支队's
    as_user(client, user)
    for template in EV_PAGES:
        r = client.get(template.format(pk=ev.pk))
        if user not in SEES_TRAFFIC:
            assert r.status_code == 404, (template, user)
        elif template.endswith("opinion.docx"):
            assert r.status_code == (200 if user in ("finance", "dept", "admin") else 403), (user, r.status_code)
        else:
            assert r.status_code == 200, (template, user, r.status_code)


def test_the_opinion_is_a_word_document(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "submitted")
    r = as_user(client, "dept").get(f"/evaluations/{ev.pk}/opinion.docx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert r.content[:2] == b"PK"
    assert "attachment" in r["Content-Disposition"]


def test_the_edit_page_is_only_for_the_unit_while_draft_or_returned(client: Any, people: dict) -> None:  # noqa: F811
    draft = make_evaluation(people, "draft")
    submitted = make_evaluation(people, "submitted")
    assert as_user(client, "unit").get(f"/evaluations/{draft.pk}/edit/").status_code == 200
    r = client.get(f"/evaluations/{submitted.pk}/edit/")
    assert r.status_code == 302 and r["Location"] == f"/evaluations/{submitted.pk}/"
    r = as_user(client, "dept").get(f"/evaluations/{draft.pk}/edit/")
    assert r.status_code == 302  # seen, not editable: back to the evaluation
    assert as_user(client, "school").get(f"/evaluations/{draft.pk}/edit/").status_code == 404


def test_posting_an_action_the_page_did_not_offer_is_refused_by_the_server(client: Any, people: dict) -> None:  # noqa: F811
    from jixiao.web.models import Evaluation

    ev = make_evaluation(people, "submitted")
    # the unit cannot approve its own report, whatever it posts
    r = as_user(client, "unit").post(f"/evaluations/{ev.pk}/approve/", {"opinion": "同意"}, follow=True)
    assert "没有审核通过该评价的权限" in r.content.decode()
    assert Evaluation.objects.get(pk=ev.pk).status == "submitted"
    # finance cannot approve what the department has not approved yet (409: not their step)
    r = as_user(client, "finance").post(f"/evaluations/{ev.pk}/approve/", {}, follow=True)
    assert "不能审核通过" in r.content.decode()
    assert Evaluation.objects.get(pk=ev.pk).status == "submitted"
    # another organisation's evaluation answers 404, even to a POST
    assert as_user(client, "school").post(f"/evaluations/{ev.pk}/withdraw/").status_code == 404


def test_a_row_edit_is_refused_on_the_server_once_submitted(client: Any, people: dict) -> None:  # noqa: F811
    from jixiao.web.models import Evaluation

    ev = make_evaluation(people, "submitted")
    r = as_user(client, "unit").post(f"/evaluations/{ev.pk}/indicators/0/",
                                     {"name": "监控网络链路", "target": "23", "unit": "条", "actual": "1"},
                                     headers={"HX-Request": "true"})
    assert r.status_code == 409
    assert Evaluation.objects.get(pk=ev.pk).version == 1


def test_admin_pages_change_nothing_for_a_non_admin(client: Any, people: dict) -> None:  # noqa: F811
    from jixiao.web.models import Organization

    r = as_user(client, "finance").post("/manage/orgs/", {"op": "create", "name": "X", "code": "x",
                                                          "kind": "unit", "parent": "1"})
    assert r.status_code == 403
    assert not Organization.objects.filter(code="x").exists()


def test_error_pages_are_chinese_pages_not_debug_output(client: Any, people: dict) -> None:  # noqa: F811
    r = client.get("/no-such-page/")
    assert r.status_code == 404
    body = r.content.decode()
    assert "未找到" in body and "Traceback" not in body
    as_user(client, "unit")
    assert "未找到" in client.get("/evaluations/999999/").content.decode()
