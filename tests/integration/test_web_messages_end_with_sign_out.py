"""A page notice (已创建…) belongs to the person it was meant for: it is kept in the session, which
signing out ends, never in a cookie that the next person signing in on the same browser would read."""

from __future__ import annotations

import pytest

from jixiao.web.models import Evaluation
from tests.web_factory import people  # noqa: F401

pytestmark = pytest.mark.django_db


def test_an_unread_notice_does_not_reach_the_next_person(people: dict) -> None:  # noqa: F811
    from tests.integration.test_web_pages_workflow import Browser

    b = Browser().sign_in("unit")
    r = b.post("/evaluations/new/", {"blank": "1", "title": "空白自评", "fiscal_year": "2024"},
               page="/evaluations/new/")
    assert r.status_code == 302
    assert Evaluation.objects.count() == 1
    assert "messages" not in b.c.cookies or not b.c.cookies["messages"].value
    b.sign_in("dept")  # the unit did not open the next page: its notice is unread
    html = b.c.get("/").content.decode()
    assert "已创建" not in html
