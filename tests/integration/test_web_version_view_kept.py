"""The evaluation page's version parts are rendered once per version and kept (``VersionView``): the
page shows the same scorecard and findings from the kept parts, each version has its own, a template
change (another revision) renders them again, and an old version's page shows that version's figures."""

from __future__ import annotations

import re
from typing import Any

import pytest

from jixiao.web import fragments
from jixiao.web import services as svc
from jixiao.web.models import EvaluationVersion, User, VersionView
from tests.web_factory import make_evaluation, people, sample_report  # noqa: F401

pytestmark = pytest.mark.django_db


def _page(client: Any, user: str, path: str) -> str:
    client.logout()
    client.force_login(User.objects.get(username=user))
    r = client.get(path)
    assert r.status_code == 200
    return r.content.decode()


def _total(html: str) -> str:
    m = re.search(r'id="total">([^<]+)<', html)
    assert m
    return m.group(1)


def test_parts_are_kept_on_first_view_and_shown_from_then_on(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "submitted")
    assert not VersionView.objects.exists()
    first = _page(client, "dept", f"/evaluations/{ev.pk}/")
    kept = VersionView.objects.get()
    assert kept.version.number == 1 and kept.revision == fragments.REVISION
    assert kept.scorecard in first and kept.findings in first and 'id="indicators"' in kept.scorecard
    assert _total(first) == "97.84"
    # what the page shows comes from the kept row: change it, and the page shows the change
    VersionView.objects.update(scorecard=kept.scorecard.replace(">97.84<", ">KEPT<"))
    assert _total(_page(client, "unit", f"/evaluations/{ev.pk}/")) == "KEPT"
    assert VersionView.objects.count() == 1


def test_another_revision_renders_again(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "submitted")
    _page(client, "dept", f"/evaluations/{ev.pk}/")
    VersionView.objects.update(revision="older-templates", scorecard="stale")
    html = _page(client, "dept", f"/evaluations/{ev.pk}/")
    assert "stale" not in html and _total(html) == "97.84"
    kept = VersionView.objects.get()
    assert kept.revision == fragments.REVISION and kept.scorecard != "stale"


def test_each_version_shows_its_own_figures(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "draft")
    report = sample_report()
    report["indicators"][0]["actual"] = 10
    report["indicators"][0]["actual_text"] = "10"
    ev = svc.new_version(people["unit"], ev.pk, report=report)
    assert ev.version == 2
    current = _page(client, "unit", f"/evaluations/{ev.pk}/")
    old = _page(client, "unit", f"/evaluations/{ev.pk}/?v=1")
    assert _total(old) == "97.84" and _total(current) == str(ev.total)
    assert 'id="version-no">第1版<' in old and 'id="version-no">第2版<' in current
    assert VersionView.objects.count() == 2


def test_a_missing_version_is_404(client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "draft")
    client.force_login(User.objects.get(username="unit"))
    assert client.get(f"/evaluations/{ev.pk}/?v=7").status_code == 404
    assert EvaluationVersion.objects.filter(evaluation=ev).count() == 1
