"""A whole sheet flattened onto one line: no separators, numbers run together, words broken by
spaces, pages numbered "2、"."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import FLATTENED


def test_run_of_digits_split_by_the_execution_rate():
    b = report_from_text(FLATTENED).budget
    assert (b.annual, b.executed, b.stated_execution_rate) == (Decimal("86.4"), Decimal("82.3"), Decimal(95))
    assert {k: p.how for k, p in b.provenance.items()} == {
        "annual": "split", "executed": "split", "stated_execution_rate": "split"}


def test_indicators_read_between_labels():
    r = report_from_text(FLATTENED)
    got = [(i.name, i.target_text, i.actual_text) for i in r.indicators]
    assert got == [
        ("养护农村公路", "120公里", "120公里"),
        ("路面完好率", "95%", "96%"),
        ("养护工程合格率", "100%", "100%"),
        ("养护任务完成及时率", "100%", "90%"),
        ("群众出行条件改善", "明显", "明显"),
        ("沿线群众满意度", "90%", "92%"),
    ]
    assert r.indicators[3].deviation_reason == "雨季影响部分路段延期"
    assert r.indicators[4].operator == "qualitative"
    assert r.indicators[4].provenance["target"].how == "split"
