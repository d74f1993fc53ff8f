"""The whole workflow through the service layer: each transition, its event (actor, organisation,
reason, version), locked versions, the rules on reasons, errors and reviewed scores."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.web import services as svc
from jixiao.web.models import EvaluationVersion, Event, ImmutableError, Organization
from tests.web_factory import people, report_with_error, sample_check, sample_report  # noqa: F401


def test_full_flow_with_return_and_publish(people):  # noqa: F811
    unit, dept, finance, admin = people["unit"], people["dept"], people["finance"], people["admin"]
    ev = svc.create_evaluation(unit, check=sample_check())
    assert (ev.status, ev.version, ev.fiscal_year, ev.grade) == ("draft", 1, 2023, "优")
    assert ev.total == Decimal("97.84")
    svc.submit(unit, ev.pk)
    svc.approve(dept, ev.pk, opinion="同意上报")
    with pytest.raises(svc.ServiceError) as exc:
        svc.return_evaluation(finance, ev.pk, reason="  ")
    assert (exc.value.code, exc.value.status) == ("reason_required", 400)
    svc.return_evaluation(finance, ev.pk, reason="指标完成值缺少佐证")
    report = sample_report()
    report["indicators"][0]["deviation_reason"] = "已补充说明"
    ev = svc.new_version(unit, ev.pk, report=report)
    assert ev.version == 2 and ev.status == "returned"
    svc.submit(unit, ev.pk)
    svc.approve(dept, ev.pk)
    ev = svc.approve(finance, ev.pk, opinion="审核通过", reviewed_total="95.5")
    assert ev.status == "approved" and ev.locked and ev.reviewed_total == Decimal("95.50")
    ev = svc.publish(admin, ev.pk)
    assert ev.status == "published"

    events = list(Event.objects.filter(evaluation=ev).order_by("id"))
    assert [(e.action, e.from_status, e.to_status, e.version) for e in events] == [
        ("create", "", "draft", 1),
        ("submit", "draft", "submitted", 1),
        ("approve", "submitted", "dept_approved", 1),
        ("return", "dept_approved", "returned", 1),
        ("edit", "returned", "returned", 2),
        ("submit", "returned", "submitted", 2),
        ("approve", "submitted", "dept_approved", 2),
        ("approve", "dept_approved", "approved", 2),
        ("publish", "approved", "published", 2),
    ]
    assert [e.actor.username for e in events] == ["unit", "unit", "dept", "finance", "unit", "unit", "dept",
                                                  "finance", "admin"]
    assert [e.org.code for e in events] == ["gaj-jgzd", "gaj-jgzd", "gaj", "czj", "gaj-jgzd", "gaj-jgzd", "gaj",
                                            "czj", "czj"]
    assert events[3].reason == "指标完成值缺少佐证"
    assert events[2].data == {"opinion": "同意上报"}
    assert events[7].data == {"opinion": "审核通过", "reviewed_total": "95.50"}


def test_versions_are_immutable_and_kept(people):  # noqa: F811
    unit = people["unit"]
    ev = svc.create_evaluation(unit, check=sample_check())
    report = sample_report()
    report["budget"]["executed"] = 900
    report["budget"]["stated_execution_rate"] = None
    svc.new_version(unit, ev.pk, report=report)
    v1, v2 = EvaluationVersion.objects.filter(evaluation=ev).order_by("number")
    assert v1.result == sample_check()
    assert v2.result["report"]["budget"]["executed"] == 900
    assert v2.result["score"]["total"] != v1.result["score"]["total"]
    v1.result = {}
    with pytest.raises(ImmutableError):
        v1.save()
    with pytest.raises(ImmutableError):
        v2.delete()
    e = Event.objects.filter(evaluation=ev).first()
    with pytest.raises(ImmutableError):
        e.save()


def test_approved_evaluation_is_locked(people):  # noqa: F811
    unit, dept, finance = people["unit"], people["dept"], people["finance"]
    ev = svc.create_evaluation(unit, check=sample_check())
    svc.submit(unit, ev.pk)
    svc.approve(dept, ev.pk)
    svc.approve(finance, ev.pk)
    with pytest.raises(svc.ServiceError) as exc:
        svc.new_version(unit, ev.pk, report=sample_report())
    assert (exc.value.code, exc.value.status) == ("invalid_status", 409)
    assert EvaluationVersion.objects.filter(evaluation=ev).count() == 1


def test_submit_with_errors_needs_acknowledgement_and_note(people):  # noqa: F811
    unit = people["unit"]
    ev = svc.create_evaluation(unit, report=report_with_error())
    assert ev.n_error >= 1
    with pytest.raises(svc.ServiceError) as exc:
        svc.submit(unit, ev.pk)
    assert (exc.value.code, exc.value.status) == ("errors_remain", 409)
    with pytest.raises(svc.ServiceError) as exc:
        svc.submit(unit, ev.pk, acknowledge=True, note="")
    assert exc.value.code == "note_required"
    ev = svc.submit(unit, ev.pk, acknowledge=True, note="执行数含上年结转资金，已另行说明")
    assert ev.status == "submitted"
    last = Event.objects.filter(evaluation=ev).order_by("-id").first()
    assert last.reason == "执行数含上年结转资金，已另行说明"
    assert last.data == {"acknowledged": True, "errors": ev.n_error}


def test_unit_without_department_goes_straight_to_finance(people):  # noqa: F811
    svc.create_org(people["admin"], code="sj", name="示范市审计局", kind="unit", parent="czj")
    user = svc.create_user(people["admin"], username="audit", password="x-long-password-1", org="sj",
                           roles=["unit_filler"])
    ev = svc.create_evaluation(user, check=sample_check())
    ev = svc.submit(user, ev.pk)
    assert ev.status == "dept_approved"
    ev = svc.approve(people["finance"], ev.pk)
    assert ev.status == "approved"


def test_unapprove_needs_reason_and_returns_to_finance_step(people):  # noqa: F811
    unit, dept, finance = people["unit"], people["dept"], people["finance"]
    ev = svc.create_evaluation(unit, check=sample_check())
    svc.submit(unit, ev.pk)
    svc.approve(dept, ev.pk)
    svc.approve(finance, ev.pk)
    with pytest.raises(svc.ServiceError) as exc:
        svc.unapprove(finance, ev.pk, reason="")
    assert exc.value.code == "reason_required"
    ev = svc.unapprove(people["admin"], ev.pk, reason="得分需复核")
    assert ev.status == "dept_approved" and ev.approved_org is None
    last = Event.objects.filter(evaluation=ev).order_by("-id").first()
    assert (last.actor.username, last.reason) == ("admin", "得分需复核")


def test_reviewed_total_must_be_a_score(people):  # noqa: F811
    unit, dept = people["unit"], people["dept"]
    ev = svc.create_evaluation(unit, check=sample_check())
    svc.submit(unit, ev.pk)
    for bad in ("abc", "101", "-1", "NaN"):
        with pytest.raises(svc.ServiceError) as exc:
            svc.approve(dept, ev.pk, reviewed_total=bad)
        assert exc.value.code == "bad_input", bad
    ev.refresh_from_db()
    assert ev.status == "submitted"


def test_stale_editor_gets_conflict(people):  # noqa: F811
    unit = people["unit"]
    ev = svc.create_evaluation(unit, check=sample_check())
    svc.new_version(unit, ev.pk, report=sample_report(), expected_version=1)
    with pytest.raises(svc.ServiceError) as exc:
        svc.new_version(unit, ev.pk, report=sample_report(), expected_version=1)
    assert (exc.value.code, exc.value.status) == ("conflict", 409)


def test_visibility_follows_the_tree(people):  # noqa: F811
    a = svc.create_evaluation(people["unit"], check=sample_check())
    b = svc.create_evaluation(people["school"], check=sample_check())
    seen = {u: set(svc.evaluations_for(people[u]).values_list("pk", flat=True)) for u in people}
    assert seen == {"admin": {a.pk, b.pk}, "finance": {a.pk, b.pk}, "dept": {a.pk}, "unit": {a.pk},
                    "unithead": {a.pk}, "school": {b.pk}}
    with pytest.raises(svc.ServiceError) as exc:
        svc.get_evaluation(people["school"], a.pk)
    assert exc.value.status == 404
    svc.move_org(people["admin"], "jyj-yz", "gaj")  # the school now under the police bureau
    people["dept"].refresh_from_db()
    assert set(svc.evaluations_for(people["dept"]).values_list("pk", flat=True)) == {a.pk, b.pk}
    assert Organization.objects.get(code="jyj-yz").path.startswith(Organization.objects.get(code="gaj").path)
