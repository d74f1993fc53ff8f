"""The labelled set (tests/labelled) loads, reads as written, covers every pattern of issue 10 in
several phrasings, and the review's measured quality over it does not fall below what it reaches now
(docs/review-quality.md). Floors are raised as the rules improve; the goals are precision ≥ 95 %,
recall ≥ 80 % and no error-level false alarm."""

from __future__ import annotations

from collections import Counter

import pytest

from jixiao.readers import report_from_text
from tests.labelled.docs import LABELLED
from tests.labelled.evaluate import DocResult, judge_all, totals

# what the review reaches on the set today: these must stay met
PRECISION_FLOOR = 0.95  # the goal of issue 10, met
RECALL_FLOOR = 0.80  # the goal of issue 10, met (98.1 % now)
ERROR_FALSE_ALARMS_AT_MOST = 0  # the goal of issue 10, met since completion-time targets compare as dates

PATTERNS = [f"fa{i}" for i in range(1, 8)] + [f"mc{i}" for i in range(1, 8)]


@pytest.fixture(scope="module")
def results() -> list[DocResult]:
    return judge_all()


def test_the_set_has_forty_documents_with_unique_names() -> None:
    names = [item.name for item in LABELLED]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


def test_every_pattern_of_the_issue_is_covered_in_several_documents() -> None:
    per_pattern = Counter(item.pattern.split("-")[0] for item in LABELLED)
    assert {p: per_pattern[p] for p in PATTERNS if per_pattern[p] < 2} == {}
    assert per_pattern["clean"] >= 5
    assert {item.doc.layout for item in LABELLED} == {"cells", "tabs", "pipes"}


@pytest.mark.parametrize("item", LABELLED, ids=lambda item: item.name)
def test_each_document_reads_as_written(item: object) -> None:
    report = report_from_text(item.text)  # type: ignore[attr-defined]
    doc = item.doc  # type: ignore[attr-defined]

    def from_prose(ind: object) -> bool:
        where = ind.provenance.get("name")  # type: ignore[attr-defined]
        return where is not None and where.how == "prose"

    assert [i.name for i in report.indicators if not from_prose(i)] == [r.name for r in doc.rows]
    # a result the prose states without a target (全年共举办培训12期) is read as one only where the
    # document has no indicator table, and never with a target the document did not write
    prose = [i for i in report.indicators if from_prose(i)]
    assert not prose or not doc.rows
    assert all(i.target is None and not i.target_text for i in prose)
    assert report.budget is not None and report.budget.annual is not None


def test_every_document_has_labels_or_is_clean() -> None:
    unlabelled = [i.name for i in LABELLED if not (i.raise_ or i.not_ or i.pattern == "clean"
                                                   or i.weights_assumed is not None)]
    assert unlabelled == []


def test_no_rule_raises_on_the_set(results: list[DocResult]) -> None:
    assert [(r.item.name, f.evidence) for r in results for f in r.crashed] == []


def test_precision_recall_and_error_false_alarms_stay_at_least_where_they_are(results: list[DocResult]) -> None:
    t = totals(results)
    assert t.precision >= PRECISION_FLOOR
    assert t.recall >= RECALL_FLOOR
    assert len(t.error_false) <= ERROR_FALSE_ALARMS_AT_MOST


def test_date_targets_are_compared_as_dates(results: list[DocResult]) -> None:
    dates = [r for r in results if r.item.pattern == "date-target"]
    assert len(dates) >= 6 and {r.item.doc.layout for r in dates} == {"cells", "tabs", "pipes"}
    assert [(r.item.name, f.code) for r in dates for f in r.findings if f.code in ("I06", "I07")] == []


def test_clean_documents_of_the_set_give_no_error(results: list[DocResult]) -> None:
    errors = [(r.item.name, f.code) for r in results if r.item.pattern == "clean"
              for f in r.findings if f.severity == "error"]
    assert errors == []


def test_messages_never_print_an_operator_twice(results: list[DocResult]) -> None:
    assert [(r.item.name, f.message) for r in results for f in r.doubled_operator] == []


def test_weights_assumed_only_where_the_document_states_no_scores(results: list[DocResult]) -> None:
    labelled = [r for r in results if r.item.weights_assumed is not None]
    assert len(labelled) >= 3
    assert [r.item.name for r in labelled if r.weights_assumed is not r.item.weights_assumed] == []
