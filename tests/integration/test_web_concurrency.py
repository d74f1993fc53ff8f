"""Two reviewers acting on the same evaluation at once, each on its own database connection: one
wins, the other gets 409, and nothing is lost (one event, the winner's status). Runs on SQLite and,
when DATABASE_URL is set, on PostgreSQL."""

from __future__ import annotations

import os
import threading

import pytest
from django.db import connection, connections

from jixiao.web import services as svc
from jixiao.web.models import Evaluation, Event
from tests.web_factory import make_evaluation, people  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def _race(*calls):
    """Run the calls at the same moment on separate threads (separate connections); their outcomes."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, fn):
        try:
            barrier.wait(timeout=10)
            results[i] = fn()
        except svc.ServiceError as exc:
            results[i] = exc
        except Exception as exc:  # anything else is a failure of the test
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_two_reviewers_approve_at_once_one_wins(people):  # noqa: F811
    svc.create_user(None, username="dept2", password="x", org="gaj", roles=["dept_reviewer"],
                    validate_password=False)
    dept2 = svc.User.objects.get(username="dept2")
    for _ in range(3):
        ev = make_evaluation(people, "submitted")
        results = _race(lambda pk=ev.pk: svc.approve(people["dept"], pk, opinion="甲"),
                        lambda pk=ev.pk: svc.approve(dept2, pk, opinion="乙"))
        wins = [r for r in results if isinstance(r, Evaluation)]
        refusals = [r for r in results if isinstance(r, svc.ServiceError)]
        assert len(wins) == 1 and len(refusals) == 1, results
        assert refusals[0].status == 409
        ev.refresh_from_db()
        assert ev.status == "dept_approved"
        approvals = Event.objects.filter(evaluation=ev, action="approve")
        assert approvals.count() == 1
        assert ev.opinion == approvals.get().data["opinion"]


def test_return_and_approve_at_once_leave_one_consistent_outcome(people):  # noqa: F811
    ev = make_evaluation(people, "dept_approved")
    svc.create_user(None, username="finance2", password="x", org="czj", roles=["finance_reviewer"],
                    validate_password=False)
    finance2 = svc.User.objects.get(username="finance2")
    results = _race(lambda: svc.approve(people["finance"], ev.pk),
                    lambda: svc.return_evaluation(finance2, ev.pk, reason="退回"))
    wins = [r for r in results if isinstance(r, Evaluation)]
    assert len(wins) == 1, results
    assert [r.status for r in results if isinstance(r, svc.ServiceError)] == [409]
    ev.refresh_from_db()
    events = list(Event.objects.filter(evaluation=ev).exclude(action="create"))
    assert len(events) == 1 and events[0].to_status == ev.status


def test_change_from_a_stale_read_is_refused(people):  # noqa: F811
    """The optimistic check itself: a row changed since it was read is not overwritten."""
    ev = make_evaluation(people, "submitted")
    stale = Evaluation.objects.get(pk=ev.pk)
    svc.approve(people["dept"], ev.pk)
    with pytest.raises(svc.ServiceError) as exc:
        svc._save_changes(stale, stale.row_version, status="returned")
    assert (exc.value.code, exc.value.status) == ("conflict", 409)
    ev.refresh_from_db()
    assert ev.status == "dept_approved"


def test_database_in_use(people):  # noqa: F811
    """DATABASE_URL naming PostgreSQL (as the CI sets it) means these tests really ran there."""
    url = os.environ.get("DATABASE_URL", "")
    assert connection.vendor == ("postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite")


def test_ci_runs_the_web_tests_on_postgresql(people):  # noqa: F811
    """In CI (CI=true, as the runner sets it) scripts/test.sh points DATABASE_URL at the machine's PostgreSQL:
    the web tests must run there, not pass on SQLite because the server could not be reached."""
    if not os.environ.get("CI"):
        pytest.skip("outside CI the web tests may run on SQLite alone")
    assert connection.vendor == "postgresql", "CI ran the web tests without PostgreSQL (see scripts/test.sh)"
