"""The evaluation page's version parts, rendered once per version and kept (``VersionView``).

A version's check object never changes, so the scorecard (summary, budget, indicator table), the report
text and the findings of the read-only evaluation page are a function of it alone. Rendering them is most
of the page's work (some 30 indicator rows of a dozen cells, each through template filters), and parsing
the 40-50 KB check object is more: a page whose parts are kept reads one short row instead. ``REVISION``
changes with the templates and filters that make the parts, so an upgrade re-renders them on first view.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, connections, router, transaction
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from jixiao import __version__
from jixiao.web.display import scorecard
from jixiao.web.models import EvaluationVersion, VersionView

_HERE = Path(__file__).resolve().parent
_SOURCES = [_HERE / "templates" / "jixiao" / "ev" / f"_{n}.html"
            for n in ("scorecard", "summary", "row", "narrative", "findings")]
_SOURCES += [_HERE / "templatetags" / "jixiao_pages.py", _HERE / "display.py", Path(__file__)]


def _revision() -> str:
    h = hashlib.sha256(__version__.encode())
    for path in _SOURCES:
        h.update(path.read_bytes())
    return h.hexdigest()[:32]


REVISION = _revision()


@dataclass(frozen=True)
class Parts:
    scorecard: SafeString
    narrative: SafeString
    findings: SafeString
    errors: int


def render(check: dict, number: int) -> dict[str, object]:
    """The parts of one version (``number`` is shown in the summary), as stored."""
    sc = scorecard(check)
    ctx = {"sc": sc, "version_no": number, "editable": False}
    return {"scorecard": render_to_string("jixiao/ev/_scorecard.html", ctx),
            "narrative": render_to_string("jixiao/ev/_narrative.html", ctx),
            "findings": render_to_string("jixiao/ev/_findings.html", ctx),
            "errors": sc.counts["error"]}


def store(version: EvaluationVersion) -> dict[str, object]:
    """Render and keep a version's parts (replacing parts of an older revision)."""
    parts = render(version.result, version.number)
    try:
        with transaction.atomic():
            n = VersionView.objects.filter(version_id=version.pk).update(revision=REVISION, **parts)
            if not n:
                VersionView.objects.create(version_id=version.pk, revision=REVISION, **parts)
    except IntegrityError:  # another request stored them at the same moment: the same parts
        pass
    return parts


def _kept(evaluation_id: int, number: int) -> dict[str, object] | None:
    """The kept parts of the current revision, in one plain query (every evaluation page reads them; text
    and an integer, nothing for the ORM to convert)."""
    conn = connections[router.db_for_read(VersionView)]
    qn = conn.ops.quote_name
    sql = (f"SELECT w.{qn('scorecard')}, w.{qn('narrative')}, w.{qn('findings')}, w.{qn('errors')} "
           f"FROM {qn(VersionView._meta.db_table)} w JOIN {qn(EvaluationVersion._meta.db_table)} v "
           f"ON v.{qn('id')} = w.{qn('version_id')} "
           f"WHERE v.{qn('evaluation_id')} = %s AND v.{qn('number')} = %s AND w.{qn('revision')} = %s")
    with conn.cursor() as cur:
        cur.execute(sql, [evaluation_id, number, REVISION])
        found = cur.fetchone()
    if found is None:
        return None
    return dict(zip(("scorecard", "narrative", "findings", "errors"), found, strict=True))


def parts_of(evaluation_id: int, number: int) -> Parts | None:
    """The kept parts of version ``number``, rendering and keeping them on its first view; None when the
    evaluation has no such version."""
    row = _kept(evaluation_id, number)
    if row is None:
        version = EvaluationVersion.objects.filter(evaluation_id=evaluation_id, number=number).first()
        if version is None:
            return None
        row = store(version)
    return Parts(mark_safe(row["scorecard"]), mark_safe(row["narrative"]),
                 mark_safe(row["findings"]), int(row["errors"]))
