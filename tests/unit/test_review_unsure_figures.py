"""No error-level finding rests on a figure read by splitting, OCR correction or re-alignment alone."""

from decimal import Decimal

from jixiao.model import Budget, Finding, Indicator, Provenance, Report
from jixiao.review.base import _honour_provenance


def _report() -> Report:
    b = Budget(annual=Decimal(100), executed=Decimal(90), stated_execution_rate=Decimal(95),
               stated_execution_rate_text="95%")
    b.provenance = {"annual": Provenance("split", "正文第1段"), "executed": Provenance("cell", "表1第2行第3列")}
    ind = Indicator(name="培训人数", operator=">=", target=Decimal(100), actual=Decimal(80))
    ind.provenance = {"actual": Provenance("ocr", "正文第3段")}
    plain = Indicator(name="满意度", operator=">=", target=Decimal(90), actual=Decimal(80))
    plain.provenance = {"actual": Provenance("cell", "表2第3行第5列")}
    return Report(budget=b, indicators=[ind, plain])


def test_budget_error_on_a_split_figure_becomes_a_warning_that_says_so():
    f = _honour_provenance(_report(), Finding("B01", "error", "执行率应为90.00%。", "budget"))
    assert f.severity == "warning"
    assert f.message.endswith("（所依据的数据系拆分连写数字读出，请人工核对原表）")
    assert f.evidence["unsure_figures"] == {"budget.annual": "split"}


def test_indicator_error_on_an_ocr_figure_becomes_a_warning():
    f = _honour_provenance(_report(), Finding("I02", "error", "未说明偏差原因。", "indicator:0"))
    assert f.severity == "warning"
    assert "OCR纠错" in f.message


def test_errors_on_figures_read_as_written_stay_errors():
    r = _report()
    assert _honour_provenance(r, Finding("I02", "error", "未说明。", "indicator:1")).severity == "error"
    assert _honour_provenance(r, Finding("N01", "error", "矛盾。", "narrative")).severity == "error"
    w = Finding("I07", "warning", "未填写度量单位。", "indicator:0")
    assert _honour_provenance(r, w) is w
