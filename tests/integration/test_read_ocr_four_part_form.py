"""OCR text of an old four-part form: 万兀, a misread column name, IO for 10, 参考分值 before 指标值
and a weight run into the target ("101200人" = 10 | 1200人 since 得分 10 ≤ 分值 ≤ 100)."""

from decimal import Decimal

from jixiao.readers import report_from_text
from tests.layout_docs import OCR_FOUR_PART


def test_budget_through_ocr_confusions():
    b = report_from_text(OCR_FOUR_PART).budget
    assert (b.initial, b.annual, b.executed) == (Decimal("40.5"), Decimal("40.5"), Decimal("40.5"))
    assert b.stated_execution_rate == Decimal(100)


def test_weight_first_columns_and_a_split_weight():
    r = report_from_text(OCR_FOUR_PART)
    got = [(i.name, i.weight, i.target_text, i.actual_text, i.stated_score) for i in r.indicators]
    assert got == [
        ("保障学生人数", Decimal(10), "1200人", "1200人", Decimal(10)),
        ("经费使用合规性", Decimal(10), "合规", "合规", Decimal(10)),
        ("办公所需成本", Decimal(10), "20万元", "20万元", Decimal(10)),
    ]
    assert r.indicators[0].provenance["weight"].how == "split"
