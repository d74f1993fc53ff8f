"""B rules stated whole for mutation testing (issue 10): each finding's severity, place, message and
evidence (figures in 万元 with two decimals, the rows and sources they rest on), and the boundaries
(a budget of 0, a rate stated without its text, counts in a unit the standard's denominator accepts)."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Budget, Finding, FundSource, Report, Section
from tests.review_factory import clean_report, codes, of, run, with_sections
from tests.unit.test_rule_b10_quantity_times_standard import subsidy
from tests.unit.test_rules_budget import cost_report


def whole(f: Finding) -> tuple[str, str, str, dict[str, object]]:
    return f.severity, f.where, f.message, f.evidence


def with_budget(**kw: object) -> Report:
    r = clean_report()
    r.budget = Budget(**kw)  # type: ignore[arg-type]
    return r


def test_b01_whole() -> None:
    r = with_budget(annual=D("1070.07"), executed=D("838.41"), stated_execution_rate=D("78.53"),
                    stated_execution_rate_text="78.53%")
    [f] = of(run(r), "B01")
    assert whole(f) == (
        "error", "budget",
        "预算执行率填报为78.53%，按全年执行数838.41万元÷全年预算数1070.07万元计算应为78.35%，填报的执行率有误。",
        {"stated_execution_rate": D("78.53"), "stated_text": "78.53%", "execution_rate": D("78.35"),
         "annual": D("1070.07"), "executed": D("838.41"), "compared_places": 2},
    )


def test_b01_a_rate_without_its_text_is_compared_at_the_places_of_its_digits() -> None:
    r = with_budget(annual=D(1000), executed=D("974.6"), stated_execution_rate=D("97.5"))  # 97.46 → 97.5
    assert "B01" not in codes(run(r))
    r = with_budget(annual=D(1000), executed=D("974.6"), stated_execution_rate=D("97.3"))
    [f] = of(run(r), "B01")
    assert f.evidence["compared_places"] == 1
    assert f.message.startswith("预算执行率填报为97.30%，")  # no text: the figure shown with two decimals


def test_b02_whole() -> None:
    [f] = of(run(with_budget(annual=D(1000), executed=D(1050))), "B02")
    assert whole(f) == (
        "error", "budget", "全年执行数1050.00万元超过全年预算数1000.00万元，超出50.00万元。",
        {"annual": D(1000), "executed": D(1050), "excess": D(50)},
    )


def test_b03_whole_with_the_reason_the_report_gives() -> None:
    r = with_budget(annual=D(1000), executed=D(800))
    r.sections.append(Section("六", "六、其他", 1, "预算执行率偏低，原因是设备到货较晚。"))
    [f] = of(run(r), "B03")
    assert whole(f) == (
        "warning", "budget",
        "预算执行率80.00%（全年执行数800.00万元÷全年预算数1000.00万元），低于90%；报告说明的原因为"
        "“预算执行率偏低，原因是设备到货较晚”，请核实原因是否属实并督促支出。",
        {"execution_rate": D("80.00"), "threshold": D(90), "annual": D(1000), "executed": D(800),
         "stated_reason": "预算执行率偏低，原因是设备到货较晚"},
    )


def _rows(values: list[str]) -> list[dict[str, object]]:
    return [{"index": 10 + k, "name": f"租用成本{k + 1}", "value": D(v), "unit": "万元", "wan": D(v)}
            for k, v in enumerate(values)]


def test_b04_b05_whole_listing_each_cost_row() -> None:
    r = cost_report([("815.31", "815.31", "万元"), ("35.5", "35.5", "万元"), ("236.87", "164.07", "万元")],
                    "1070.07", "838.41")
    found = run(r)
    [b04], [b05] = of(found, "B04"), of(found, "B05")
    assert whole(b04) == (
        "warning", "budget",
        "成本指标（“租用成本1”815.31万元、“租用成本2”35.50万元、“租用成本3”236.87万元）年度指标值合计1087.68万元，"
        "超过全年预算数1070.07万元，成本指标与预算不匹配。",
        {"cost_targets_total": D("1087.68"), "annual": D("1070.07"), "tolerance": D("0.005"),
         "indicators": _rows(["815.31", "35.5", "236.87"])},
    )
    assert whole(b05) == (
        "warning", "budget",
        "成本指标（“租用成本1”815.31万元、“租用成本2”35.50万元、“租用成本3”164.07万元）完成值合计1014.88万元，"
        "超过全年执行数838.41万元，实际花费的成本多于实际支出，数据不实。",
        {"cost_actuals_total": D("1014.88"), "executed": D("838.41"), "tolerance": D("0.005"),
         "indicators": _rows(["815.31", "35.5", "164.07"])},
    )


def test_b04_needs_an_annual_budget_above_zero() -> None:
    for annual in (None, D(0)):
        r = cost_report([("500", "480", "万元")], "1000", "950")
        assert r.budget is not None
        r.budget.annual = annual
        assert "B04" not in codes(run(r))


def test_b06_whole_for_a_column_of_the_fund_table() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.sources = [FundSource("中央补助", annual=D(600), executed=D(590)),
                        FundSource("地方资金", annual=D(300), executed=D(380))]
    [f] = of(run(r), "B06")
    assert whole(f) == (
        "error", "budget", "资金来源（中央补助、地方资金）的全年预算数合计900.00万元，"
                           "与资金总额1000.00万元不符，少100.00万元。",
        {"column": "annual", "total": D(1000), "sum_of_sources": D(900), "difference": D(-100),
         "sources": [{"name": "中央补助", "initial": None, "annual": D(600), "executed": D(590)},
                     {"name": "地方资金", "initial": None, "annual": D(300), "executed": D(380)}]},
    )


def test_b06_whole_when_the_total_row_was_blank() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.totals_from_sources = True
    r.budget.stated_total = FundSource("年度资金总额")
    [f] = of(run(r), "B06")
    assert whole(f) == (
        "error", "budget",
        "资金总额行为空或为0，而资金来源（中央补助、地方资金）填有金额（全年预算数合计1000.00万元，全年执行数合计970.00万元），总额未填写。",
        {"sources": [{"name": "中央补助", "initial": None, "annual": D(600), "executed": D(590)},
                     {"name": "地方资金", "initial": None, "annual": D(400), "executed": D(380)}],
         "totals_from_sources": True},
    )


def test_b06_whole_for_fund_sources_in_the_prose_and_not_b09() -> None:
    sentence = "项目资金总额1000万元，其中中央补助600万元，地方资金300万元"
    found = run(with_sections(clean_report(), ("六、资金安排情况", sentence + "。")))
    assert of(found, "B09") == []
    [f] = of(found, "B06")
    assert whole(f) == (
        "error", "budget",
        f"报告所述“{sentence}”中，资金来源（600万元+300万元）合计900.00万元，与所述总额1000.00万元不符，少100.00万元。",
        {"sentence": sentence, "total": D(1000), "sum_of_sources": D(900), "difference": D(-100),
         "sources": ["600万元", "300万元"], "from": "prose"},
    )


def test_b07_whole() -> None:
    [f] = of(run(with_budget(annual=D(100), origin="table")), "B07")
    assert whole(f) == (
        "error", "budget", "报告未提供可用的资金数据（缺少全年执行数），无法计算预算执行率。",
        {"missing": ["全年执行数"], "annual": D(100), "executed": None},
    )


def test_b08_whole_info_and_warning() -> None:
    limits = {"material_abs": D("0.5"), "material_share": D("0.01"), "stated_reason": None}
    [f] = of(run(with_budget(initial=D(1000), annual=D(900), executed=D(850))), "B08")
    assert whole(f) == (
        "info", "budget", "全年预算数900.00万元与年初预算数1000.00万元不一致（年中调减100.00万元），请核实调整依据。",
        {"initial": D(1000), "annual": D(900), "executed": D(850), "change": D(-100), **limits,
         "cut_to_executed": False},
    )
    [f] = of(run(with_budget(initial=D(1000), annual=D(850), executed=D(850))), "B08")
    assert whole(f) == (
        "warning", "budget",
        "年初预算数1000.00万元，全年预算数调减至850.00万元，恰好等于全年执行数，预算执行率因调减而虚高，请核实调整依据。",
        {"initial": D(1000), "annual": D(850), "executed": D(850), "change": D(-150), **limits,
         "cut_to_executed": True},
    )


def test_b09_whole_for_a_total_and_for_an_allocation() -> None:
    sentence = "下达资金共计120万元，其中设备购置80万元、人员培训30万元、宣传20万元"
    [f] = of(run(with_sections(clean_report(), ("六、资金安排情况", sentence + "。"))), "B09")
    assert whole(f) == (
        "warning", "narrative",
        f"报告所述“{sentence}”中，分项金额（80万元+30万元+20万元）合计130.00万元，与所述总额120.00万元不符，多10.00万元。",
        {"sentence": sentence, "total": D(120), "parts": ["80万元", "30万元", "20万元"], "sum_of_parts": D(130),
         "difference": D(10), "kind": "total"},
    )
    sentence = "资金主要用于设备购置800万元、系统运维300万元"
    [f] = of(run(with_sections(clean_report(), ("六、资金安排情况", sentence + "。"))), "B09")
    assert whole(f) == (
        "warning", "narrative",
        f"报告所述资金用途“{sentence}”分项合计1100.00万元（800万元+300万元），超过全年预算数1000.00万元，多100.00万元。",
        {"sentence": sentence, "total": D(1000), "parts": ["800万元", "300万元"], "sum_of_parts": D(1100),
         "difference": D(100), "kind": "use"},
    )


def test_b10_whole_for_the_table() -> None:
    [f] = of(run(subsidy("8676", "75", "80")), "B10")
    assert whole(f) == (
        "warning", "budget",
        "“参保人数”8676人×“配套资金每人每年”75.00元/人=65.07万元，与全年执行数80.00万元不符，少14.93万元，"
        "请核实补助对象数量、标准及资金去向。",
        {"count_indicator": "参保人数", "count": D(8676), "count_unit": "人", "standard_indicator": "配套资金每人每年",
         "standard": D(75), "standard_unit": "元/人", "product": D("65.07"), "executed": D(80),
         "tolerance_share": D("0.05")},
    )


def test_b10_a_count_in_person_times_goes_with_a_standard_per_person() -> None:
    [f] = of(run(subsidy("8676", "75", "80", count_unit="人次")), "B10")
    assert f.evidence["count_unit"] == "人次" and f.evidence["product"] == D("65.07")


def test_b10_whole_for_one_sentence_of_the_prose() -> None:
    sentence = "按人均培训成本1500元的标准，全年培训养老护理员600人，共支出培训经费93.1万元"
    [f] = of(run(with_sections(clean_report(), ("六、资金使用情况", sentence + "。"))), "B10")
    assert whole(f) == (
        "warning", "narrative",
        f"报告所述“{sentence}”：600×1500.00元=90.00万元，与所述支出93.10万元不符，少3.10万元，请核实数量、标准及资金去向。",
        {"sentence": sentence, "count": D(600), "standard": D(1500), "product": D(90), "spent": D("93.1"),
         "tolerance_share": D("0.001"), "from": "prose"},
    )


def test_b03_quotes_a_payment_timing_clause_as_the_reason() -> None:
    r = with_budget(annual=D(1000), executed=D(800))
    r.sections.append(Section("六", "六、其他", 1, "工程已完工，剩余款项为质保金。"))
    [f] = of(run(r), "B03")
    assert f.evidence["stated_reason"] == "剩余款项为质保金"


def test_b04_sums_every_money_cost_row_past_one_without_a_value() -> None:
    r = cost_report([("600", "590", "万元"), ("500", "480", "万元")], "1000", "950")
    r.indicators[10].target, r.indicators[10].target_text = None, ""  # the first cost row has no target
    assert "B04" not in codes(run(r))  # 500 ≤ 1000
    r = cost_report([("600", "590", "万元"), ("500", "480", "万元"), ("600", "10", "万元")], "1000", "950")
    r.indicators[10].target, r.indicators[10].target_text = None, ""
    [f] = of(run(r), "B04")
    assert f.evidence["cost_targets_total"] == D(1100)


def test_b06_a_difference_of_exactly_the_tolerance_is_rounding() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.sources = [FundSource("中央补助", annual=D("600.01"), executed=D(590)),
                        FundSource("地方资金", annual=D(400), executed=D(380))]
    assert "B06" not in codes(run(r))  # 1000.01 against 1000: 0.01 万元
    r.budget.sources[0].annual = D("600.02")
    assert len(of(run(r), "B06")) == 1


def test_b06_in_prose_cuts_the_sentence_at_sixty_characters() -> None:
    head = "项目资金总额1000万元，其中中央补助600万元，地方资金300万元"
    sentence = head + "，" + "用" * (61 - len(head) - 1)  # 61 characters
    [f] = [x for x in of(run(with_sections(clean_report(), ("六、资金安排情况", sentence + "。"))), "B06")
           if x.evidence.get("from") == "prose"]
    assert f.message.startswith(f"报告所述“{sentence[:60]}…”中，")


def test_b08_a_change_of_exactly_the_material_amount_is_reported() -> None:
    r = with_budget(initial=D(1000), annual=D("999.5"), executed=D(900))  # 0.5 万元, 0.05 %
    assert len(of(run(r), "B08")) == 1
    r = with_budget(initial=D(1000), annual=D("999.6"), executed=D(900))  # 0.4 万元 and 0.04 %: immaterial
    assert of(run(r), "B08") == []


def test_b09_an_allocation_needs_an_annual_budget_above_zero() -> None:
    r = with_sections(clean_report(), ("六、资金安排情况", "资金主要用于设备购置800万元、系统运维300万元。"))
    assert r.budget is not None
    r.budget.annual = D(0)
    assert of(run(r), "B09") == []


def test_b03_rounds_the_rate_half_up_in_its_evidence() -> None:
    [f] = of(run(with_budget(annual=D(1000), executed=D("801.25"))), "B03")  # 80.125 %
    assert f.evidence["execution_rate"] == D("80.13")
    assert f.message.startswith("预算执行率80.13%（")


def test_b07_any_annual_budget_above_zero_counts_as_given() -> None:
    [f] = of(run(with_budget(annual=D("0.5"), origin="table")), "B07")
    assert f.evidence["missing"] == ["全年执行数"]


def test_b09_parts_are_read_only_up_to_a_bracket_or_a_second_breakdown() -> None:
    text = "下达资金共计120万元，其中（按用途分）设备购置80万元、人员培训30万元、宣传20万元。"
    assert of(run(with_sections(clean_report(), ("六、资金安排情况", text))), "B09") == []
    text = "资金主要用于（一）设备购置800万元、系统运维300万元。"
    assert of(run(with_sections(clean_report(), ("六、资金安排情况", text))), "B09") == []


def test_b10_whole_across_sentences_by_category() -> None:
    from tests.unit.test_rules_real_set_checks import CATEGORIES, prose_budget
    [f] = of(run(prose_budget(CATEGORIES, "16")), "B10")
    assert whole(f) == (
        "warning", "budget",
        "报告所述各类对象人数×补助标准：小学生140×300元＋初中生96×500元＋高中生42×1000元＝13.20万元，"
        "与全年执行数16.00万元不符，少2.80万元，请核实补助对象数量、标准及资金去向。",
        {"categories": [{"category": "小学生", "count": D(140), "standard": D(300)},
                        {"category": "初中生", "count": D(96), "standard": D(500)},
                        {"category": "高中生", "count": D(42), "standard": D(1000)}],
         "product": D("13.2"), "executed": D(16), "tolerance_share": D("0.05"), "from": "prose"},
    )
