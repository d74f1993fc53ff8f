"""Online edits turn posted form fields into a new report (check-JSON ``report``): values read like a
document's cells, computed keys dropped, provenance of typed figures forgotten, bad values refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.web import editing
from jixiao.web.editing import FormError


def _ind(**kw: object) -> dict:
    base = {"name": "监控网络链路", "level1": "output", "level2": "quantity", "levels_inferred": True,
            "operator": ">=", "operator_text": "≥", "target": 23, "target_text": "23", "unit": "条",
            "actual": 23, "actual_text": "23", "weight": None, "stated_score": None, "deviation_reason": None,
            "provenance": {"actual": {"how": "ocr", "where": "第3页"}, "name": {"how": "cell", "where": "表1"}},
            "met": True, "score": 2.17, "max_score": 2.17, "grade": None, "basis": "met"}
    base.update(kw)
    return base


def _report(*inds: dict) -> dict:
    return {"title": "t", "budget": {"annual": 100, "executed": 90, "execution_rate": 90, "sources": [],
                                     "stated_total": {"name": "合计", "annual": 100}, "provenance": {}},
            "indicators": list(inds), "sections": [{"number": "一", "title": "一、基本情况", "level": 1,
                                                    "text": "甲。"}]}


FORM = {"name": "监控网络链路", "operator": "", "target": "23", "unit": "条", "actual": "20", "reason": "",
        "level1": "", "level2": "", "weight": ""}


def test_a_row_edit_changes_the_figures_and_drops_what_scoring_computed() -> None:
    out = editing.set_indicator(_report(_ind()), 0, FORM)
    ind = out["indicators"][0]
    assert (ind["actual"], ind["actual_text"], ind["target"], ind["operator"]) == (Decimal(20), "20", Decimal(23), ">=")
    for key in ("met", "score", "max_score", "grade", "basis"):
        assert key not in ind
    assert "execution_rate" not in out["budget"]
    assert "actual" not in ind["provenance"]  # typed by a person: no longer an OCR reading
    assert ind["provenance"]["name"]["how"] == "cell"  # untouched fields keep where they came from


def test_the_original_report_is_not_changed() -> None:
    report = _report(_ind())
    editing.set_indicator(report, 0, FORM)
    assert report["indicators"][0]["actual"] == 23 and report["indicators"][0]["score"] == 2.17


@pytest.mark.parametrize(("target", "operator", "number", "unit"), [
    ("≥98%", ">=", Decimal(98), "%"),
    ("≤2小时", "<=", Decimal(2), "小时"),
    ("100", ">=", Decimal(100), "条"),  # no operator written: the row's operator is kept
])
def test_a_target_is_read_like_a_document_cell(target: str, operator: str, number: Decimal, unit: str) -> None:
    out = editing.indicator_from_form({**FORM, "target": target, "unit": ""}, _ind())
    assert (out["operator"], out["target"], out["unit"] or "条") == (operator, number, unit)


def test_a_text_target_is_qualitative() -> None:
    out = editing.indicator_from_form({**FORM, "target": "有效节约", "actual": "有效节约", "unit": ""}, None)
    assert (out["operator"], out["target"], out["actual"]) == ("qualitative", None, None)
    assert out["target_text"] == "有效节约"


def test_levels_left_to_infer_are_inferred_and_chosen_ones_are_stated() -> None:
    inferred = editing.indicator_from_form({**FORM, "name": "社会公众满意度", "target": "≥80%"}, None)
    assert (inferred["level1"], inferred["level2"], inferred["levels_inferred"]) == \
        ("satisfaction", "satisfaction", True)
    chosen = editing.indicator_from_form({**FORM, "level1": "benefit", "level2": "social"}, None)
    assert (chosen["level1"], chosen["level2"], chosen["levels_inferred"]) == ("benefit", "social", False)
    typed = editing.indicator_from_form({**FORM, "level1": "产出指标", "level2": "质量指标"}, None)
    assert (typed["level1"], typed["level2"], typed["levels_inferred"]) == ("output", "quality", False)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("name", "", "请填写三级指标名称"),
    ("target", "很多", "不是数值"),
    ("weight", "-1", "不是非负数"),
    ("operator", "大约", "无法识别指标性质"),
    ("reason", "长" * 5001, "过长"),
])
def test_bad_values_are_refused_with_a_reason(field: str, value: str, message: str) -> None:
    form = {**FORM, field: value}
    if field == "target":
        form["operator"] = ">="
    with pytest.raises(FormError) as exc:
        editing.indicator_from_form(form, None)
    assert message in exc.value.message


def test_a_row_that_is_gone_is_refused() -> None:
    with pytest.raises(FormError):
        editing.set_indicator(_report(_ind()), 3, FORM)
    with pytest.raises(FormError):
        editing.delete_indicator(_report(_ind()), -1)


def test_budget_amounts_convert_to_wan_and_typed_totals_replace_the_table_total() -> None:
    out = editing.set_budget(_report(), {"initial": "", "annual": "1.07亿元", "executed": "10,000,000元",
                                          "stated_rate": "93.5", "weight": "10", "src-0-name": "中央补助",
                                          "src-0-annual": "500", "src-0-executed": "", "src-0-initial": "",
                                          "src-1-name": "", "src-1-annual": "9"})
    b = out["budget"]
    assert (b["annual"], b["executed"], b["initial"]) == (Decimal(10700), Decimal(1000), None)
    assert (b["stated_execution_rate"], b["weight"]) == (Decimal("93.5"), Decimal(10))
    assert b["sources"] == [{"name": "中央补助", "initial": None, "annual": Decimal(500), "executed": None}]
    assert b["stated_total"] is None and b["totals_from_sources"] is False


def test_a_budget_amount_that_is_not_money_is_refused() -> None:
    with pytest.raises(FormError) as exc:
        editing.set_budget(_report(), {"annual": "很多", "executed": "90"})
    assert "全年预算数" in exc.value.message


def test_header_and_sections() -> None:
    out = editing.set_header(_report(), {"title": " 新标题 ", "organization": "", "fiscal_year": "2024",
                                          "recipient": "", "supervising_department": "示范市公安局"})
    assert (out["title"], out["organization"], out["fiscal_year"], out["supervising_department"]) == \
        ("新标题", None, 2024, "示范市公安局")
    with pytest.raises(FormError):
        editing.set_header(_report(), {"fiscal_year": "二〇二四"})
    out = editing.set_sections(_report(), {"sec-0-title": "一、基本情况", "sec-0-text": "乙。\r\n丙。",
                                           "new-title": "二、其他", "new-text": "丁。"})
    assert [(s["title"], s["text"]) for s in out["sections"]] == [("一、基本情况", "乙。\n丙。"), ("二、其他", "丁。")]
    out = editing.set_sections(_report(), {"sec-0-title": "", "sec-0-text": ""})
    assert out["sections"] == []


def test_a_blank_report_is_a_report_the_core_can_score() -> None:
    from jixiao.app import evaluate
    from jixiao.policy import load_policy
    from jixiao.serialize import report_from_dict

    rep = editing.blank_report("示范市第一中学", 2024)
    result = evaluate(report_from_dict(rep), load_policy())
    assert result.score is not None and result.score.total == 0
    assert rep["title"] == "示范市第一中学2024年度项目支出绩效自评报告"


@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=10))
def test_any_typed_row_is_either_an_indicator_or_a_chinese_refusal(target: str, actual: str, unit: str) -> None:
    try:
        ind = editing.indicator_from_form({**FORM, "target": target, "actual": actual, "unit": unit}, None)
    except FormError as exc:
        assert exc.message.endswith("。")
        return
    assert ind["operator"] in (">=", "<=", "=", ">", "<", "qualitative")
    assert ind["target"] is None or isinstance(ind["target"], Decimal)


def test_clean_report_copies_deeply_without_the_computed_keys() -> None:
    from decimal import Decimal

    from jixiao.web.editing import clean_report

    report = {"title": "t", "indicators": [{"name": "a", "score": 5, "met": True, "target": Decimal("1.5"),
                                            "provenance": {"target": "cell"}}],
              "budget": {"annual": 10, "execution_rate": 90, "sources": [{"name": "x"}]}}
    out = clean_report(report)
    assert out == {"title": "t", "indicators": [{"name": "a", "target": Decimal("1.5"),
                                                 "provenance": {"target": "cell"}}],
                   "budget": {"annual": 10, "sources": [{"name": "x"}]}}
    out["indicators"][0]["provenance"]["target"] = "typed"
    out["budget"]["sources"].append({"name": "y"})
    assert report["indicators"][0]["provenance"] == {"target": "cell"} and report["indicators"][0]["score"] == 5
    assert report["budget"]["sources"] == [{"name": "x"}] and report["budget"]["execution_rate"] == 90
