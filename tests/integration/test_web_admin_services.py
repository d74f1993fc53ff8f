"""Organisations and users: created, moved, deactivated and given roles by a finance admin only, each
change an event; what a deactivated user or organisation can no longer do."""

from __future__ import annotations

import pytest

from jixiao.web import services as svc
from jixiao.web.models import Event, Organization, RoleGrant, User
from tests.web_factory import people, sample_check  # noqa: F401


def test_admin_creates_org_and_user_with_role(people):  # noqa: F811
    admin = people["admin"]
    org = svc.create_org(admin, code="jyj-ez", name="示范市第二中学", kind="unit", parent="jyj")
    assert org.path == Organization.objects.get(code="jyj").path + f"{org.pk}/"
    user = svc.create_user(admin, username="school2", password="a-long-enough-pass-9", org=org,
                           display_name="二中填报人", roles=["unit_filler"])
    assert user.check_password("a-long-enough-pass-9") and user.password.count("$") >= 2  # hashed
    assert RoleGrant.objects.filter(user=user, org=org, role="unit_filler").exists()
    ev = svc.create_evaluation(user, check=sample_check())
    assert ev.org == org
    actions = list(Event.objects.filter(evaluation=None).order_by("id").values_list("action", "actor__username"))
    assert actions[-3:] == [("org_create", "admin"), ("user_create", "admin"), ("role_grant", "admin")]


@pytest.mark.parametrize("who", ["finance", "dept", "unit", "unithead", "school"])
def test_only_finance_admin_manages(people, who):  # noqa: F811
    actor = people[who]
    with pytest.raises(svc.ServiceError) as exc:
        svc.create_org(actor, code="x", name="某单位", kind="unit", parent="gaj")
    assert exc.value.status == 403
    with pytest.raises(svc.ServiceError) as exc:
        svc.create_user(actor, username="x", password="a-long-enough-pass-9", org="gaj-jgzd")
    assert exc.value.status == 403
    with pytest.raises(svc.ServiceError) as exc:
        svc.grant_role(actor, people["unit"], "gaj-jgzd", "unit_head")
    assert exc.value.status == 403
    with pytest.raises(svc.ServiceError) as exc:
        svc.deactivate_user(actor, "unit")
    assert exc.value.status == 403


def test_roles_fit_organisation_kinds_and_passwords_are_checked(people):  # noqa: F811
    admin = people["admin"]
    with pytest.raises(svc.ServiceError) as exc:
        svc.grant_role(admin, "unit", "czj", "unit_filler")
    assert exc.value.code == "bad_input"
    with pytest.raises(svc.ServiceError) as exc:
        svc.create_user(admin, username="weak", password="123", org="gaj-jgzd")
    assert exc.value.code == "weak_password"
    with pytest.raises(svc.ServiceError) as exc:
        svc.create_org(admin, code="gaj", name="重复", kind="unit", parent="czj")
    assert (exc.value.code, exc.value.status) == ("duplicate", 409)


def test_move_keeps_the_tree_consistent(people):  # noqa: F811
    admin = people["admin"]
    with pytest.raises(svc.ServiceError) as exc:
        svc.move_org(admin, "gaj", "gaj-jgzd")  # under its own child
    assert exc.value.code == "bad_input"
    svc.move_org(admin, "gaj", "jyj")
    gaj, jgzd, jyj = (Organization.objects.get(code=c) for c in ("gaj", "gaj-jgzd", "jyj"))
    assert gaj.path == jyj.path + f"{gaj.pk}/" and jgzd.path == gaj.path + f"{jgzd.pk}/"
    ev = svc.create_evaluation(people["unit"], check=sample_check())
    school_dept = User.objects.create_user("edu", password="x", org=jyj)
    RoleGrant.objects.create(user=school_dept, org=jyj, role="dept_reviewer")
    assert svc.get_evaluation(school_dept, ev.pk) == ev  # now under the education bureau


def test_deactivated_user_and_org_lose_access(client, people):  # noqa: F811
    from tests.web_factory import api_as

    api = api_as(client, "unit")
    assert api.get("/me").status_code == 200
    svc.deactivate_user(people["admin"], "unit")
    assert api.get("/me").status_code == 401  # tokens revoked
    r = client.post("/api/v1/auth/token", '{"username": "unit", "password": "jixiao-demo"}',
                    content_type="application/json")
    assert r.status_code == 401
    svc.deactivate_org(people["admin"], "gaj")
    with pytest.raises(svc.ServiceError) as exc:
        svc.create_evaluation(people["unithead"], check=sample_check())
    assert exc.value.status == 403  # the unit is under the deactivated bureau: out of use too
    assert not svc.evaluations_for(people["unithead"]).exists()
    with pytest.raises(svc.ServiceError):
        svc.deactivate_user(people["admin"], "admin")  # not oneself
