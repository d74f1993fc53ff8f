"""Every role × every action × every status: the allowed change, or the refusal code (404 for an
organisation that may not see the evaluation, 403 for a role that never does this, 409 for a status
that does not allow it now)."""

from __future__ import annotations

import pytest

from jixiao.web import services as svc
from jixiao.web.models import Event
from jixiao.web.permissions import ACTIONS
from tests.web_factory import STATUSES, USERS, make_evaluation, people, sample_report  # noqa: F401

UNIT_ACTIONS = {"edit", "submit", "withdraw"}


def expected(user: str, action: str, status: str) -> str | int:
    """The contract (web-api.md) restated: 'ok' or the HTTP status of the refusal."""
    if user == "school":  # another unit: not even visible
        return 404
    if user in ("unit", "unithead"):
        if action not in UNIT_ACTIONS:
            return 403
        if action in ("edit", "submit"):
            return "ok" if status in ("draft", "returned") else 409
        if status != "submitted":
            return 409
        return "ok" if user == "unit" else 403  # only the submitter withdraws
    if action in UNIT_ACTIONS:
        return 403
    if user == "dept":
        if action in ("return", "approve"):
            return "ok" if status == "submitted" else 409
        return 403  # unapprove, publish: finance only
    if user == "finance":
        if action in ("return", "approve"):
            return "ok" if status == "dept_approved" else 409
        if action == "unapprove":
            return "ok" if status == "approved" else 409
        return 403
    assert user == "admin"
    if action in ("return", "approve"):
        return 403
    return "ok" if status == "approved" else 409


NEXT = {
    ("edit", "draft"): "draft", ("edit", "returned"): "returned",
    ("submit", "draft"): "submitted", ("submit", "returned"): "submitted",
    ("withdraw", "submitted"): "draft",
    ("return", "submitted"): "returned", ("return", "dept_approved"): "returned",
    ("approve", "submitted"): "dept_approved", ("approve", "dept_approved"): "approved",
    ("unapprove", "approved"): "dept_approved", ("publish", "approved"): "published",
}


def act(user, action: str, ev_id: int):
    if action == "edit":
        return svc.new_version(user, ev_id, report=sample_report())
    kwargs = {"reason": "理由"} if action in ("return", "unapprove") else {}
    return svc.TRANSITIONS[action](user, ev_id, **kwargs)


@pytest.mark.parametrize("status", STATUSES)
def test_matrix(people, status):  # noqa: F811
    outcomes = {}
    for user in USERS:
        for action in ACTIONS:
            ev = make_evaluation(people, status)
            want = expected(user, action, status)
            events_before = Event.objects.filter(evaluation=ev).count()
            try:
                done = act(people[user], action, ev.pk)
                got: str | int = "ok"
            except svc.ServiceError as exc:
                got = exc.status
                ev.refresh_from_db()
                assert ev.status == status, "a refusal changes nothing"
                assert Event.objects.filter(evaluation=ev).count() == events_before, "a refusal writes no event"
            else:
                assert done.status == NEXT[(action, status)]
                ev.refresh_from_db()
                assert ev.status == NEXT[(action, status)]
                last = Event.objects.filter(evaluation=ev).order_by("-id").first()
                assert last.actor == people[user]
                assert last.action == action and last.from_status == status
                assert last.to_status == NEXT[(action, status)]
            outcomes[(user, action)] = (got, want)
    wrong = {k: v for k, v in outcomes.items() if v[0] != v[1]}
    assert not wrong, wrong


@pytest.mark.parametrize("status", STATUSES)
def test_allowed_actions_match_the_matrix(people, status):  # noqa: F811
    ev = make_evaluation(people, status)
    for user in USERS:
        if user == "school":
            continue
        listed = set(svc.allowed_actions(people[user], ev))
        assert listed == {a for a in ACTIONS if expected(user, a, status) == "ok"}, user
