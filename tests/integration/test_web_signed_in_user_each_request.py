"""The signed-in user, their organisation and their grants are read from the database on every request
(one query, ``jixiao.web.auth``): the same values the ORM gives, and a deactivated user, organisation or
grant, or a sign-out, is out on the very next request."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jixiao.web import permissions
from jixiao.web import services as svc
from jixiao.web.auth import Backend
from jixiao.web.models import Event, Organization, User
from tests.web_factory import make_evaluation, people  # noqa: F401

pytestmark = pytest.mark.django_db


def _fields(obj: Any) -> dict[str, Any]:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def test_the_backend_gives_the_user_org_and_grants_the_orm_gives(people: dict) -> None:  # noqa: F811
    svc.grant_role(people["admin"], "finance", "czj", "finance_admin")
    for name in ("admin", "finance", "dept", "unit"):
        got = Backend().get_user(people[name].pk)
        assert got is not None
        want = User.objects.get(pk=people[name].pk)
        assert _fields(got) == _fields(want)  # booleans and aware datetimes on SQLite too
        assert isinstance(got.is_active, bool) and got.date_joined.tzinfo is not None
        assert _fields(got.org) == _fields(Organization.objects.get(pk=want.org_id))
        assert permissions.grants_of(got) == permissions.grants_of(User.objects.get(pk=want.pk))
    assert [g.role for g in permissions.grants_of(Backend().get_user(people["finance"].pk))] == \
        ["finance_reviewer", "finance_admin"]
    assert Backend().get_user(10**9) is None and Backend().get_user("x") is None


def test_a_user_without_organisation_or_grants(people: dict) -> None:  # noqa: F811
    User.objects.create_user("loose", password="x")
    got = Backend().get_user(User.objects.get(username="loose").pk)
    assert got is not None and got.org_id is None and permissions.grants_of(got) == []


def test_deactivation_and_revocation_take_effect_on_the_next_page(people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "draft")
    c = Client()
    c.force_login(people["unit"])
    assert c.get(f"/evaluations/{ev.pk}/").status_code == 200
    html = c.get("/evaluations/").content.decode()
    assert "示范市公安局交通管理支队" in html and "单位填报人" in html  # the organisation and roles shown
    svc.deactivate_org(people["admin"], "gaj")  # the unit's department: the unit is out of use too
    assert c.get(f"/evaluations/{ev.pk}/").status_code == 404
    assert c.get("/evaluations/new/").status_code == 403
    svc.deactivate_org(people["admin"], "gaj", active=True)
    assert c.get(f"/evaluations/{ev.pk}/").status_code == 200
    svc.revoke_role(people["admin"], "unit", "gaj-jgzd", "unit_filler")
    assert c.get(f"/evaluations/{ev.pk}/").status_code == 404
    svc.grant_role(people["admin"], "unit", "gaj-jgzd", "unit_filler")
    assert c.get(f"/evaluations/{ev.pk}/").status_code == 200
    svc.deactivate_user(people["admin"], "unit")
    r = c.get(f"/evaluations/{ev.pk}/")
    assert r.status_code == 302 and r["Location"].startswith("/login/")


def test_signing_out_ends_the_session_on_the_server(people: dict) -> None:  # noqa: F811
    c = Client()
    c.force_login(people["dept"])
    key = c.session.session_key
    assert c.get("/queue/").status_code == 200
    c.post("/logout/")
    replay = Client()
    replay.cookies["sessionid"] = key  # the old cookie, sent again
    r = replay.get("/queue/")
    assert r.status_code == 302 and r["Location"].startswith("/login/")


def test_an_expired_session_is_not_read(people: dict) -> None:  # noqa: F811
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    c = Client()
    c.force_login(people["dept"])
    assert c.get("/queue/").status_code == 200
    Session.objects.filter(session_key=c.session.session_key).update(expire_date=timezone.now())
    r = c.get("/queue/")
    assert r.status_code == 302 and r["Location"].startswith("/login/")


def test_the_event_rows_of_a_page_are_the_events_as_the_orm_reads_them(people: dict) -> None:  # noqa: F811
    from jixiao.web.pages import _event_rows

    ev = make_evaluation(people, "draft")
    svc.submit(people["unit"], ev.pk)
    svc.approve(people["dept"], ev.pk, opinion="同意，请财政复核。", reviewed_total="96.5")
    User.objects.filter(username="dept").update(display_name="", first_name="三", last_name="张")
    Event.objects.create(evaluation=ev, actor=None, org=None, action="note", version=None)  # by the system
    rows = _event_rows(ev)
    want = [{"at": e.at, "action": e.action, "actor_name": e.actor.shown_name if e.actor else "",
             "org_name": e.org.name if e.org else "", "from_status": e.from_status, "to_status": e.to_status,
             "version": e.version, "reason": e.reason, "data": e.data}
            for e in ev.events.select_related("actor", "org").order_by("at", "id")]
    assert rows == want and [r["action"] for r in rows] == ["create", "submit", "approve", "note"]
    assert rows[2]["data"] == {"opinion": "同意，请财政复核。", "reviewed_total": "96.50"}
    assert rows[2]["actor_name"] == "三 张" and rows[2]["at"].tzinfo is not None
    assert rows[3]["actor_name"] == "" and rows[3]["org_name"] == "" and rows[3]["data"] == {}
