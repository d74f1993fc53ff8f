"""I rules stated whole for mutation testing (issue 10): each finding's severity, place, message and
evidence, and the thresholds at their limit (90 % and 5 copied actuals for I01, 120 % for I09)."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Finding, Indicator, Report, Section
from tests.review_factory import clean_report, codes, of, q, ql, run


def whole(f: Finding) -> tuple[str, str, str, dict[str, object]]:
    return f.severity, f.where, f.message, f.evidence


def add(*inds: Indicator) -> Report:
    r = clean_report()
    r.indicators.extend(inds)  # the first added is indicator:11
    return r


def copied(n_equal: int, n_numeric: int) -> Report:
    r = clean_report()
    r.indicators = [q(f"站点{k}", ">=", "10", "10" if k < n_equal else "11", "个") for k in range(n_numeric)]
    return r


def test_i01_whole() -> None:
    r = clean_report()
    for ind in r.indicators:
        if ind.quantitative:
            ind.actual, ind.actual_text = ind.target, ind.target_text
    [f] = of(run(r), "I01")
    assert whole(f) == (
        "warning", "document",
        "10个定量指标中有10个（100.00%）的完成值与年度指标值完全相同，完成值疑似照抄目标值，请核实实际完成数据及佐证材料。",
        {"quantitative": 10, "equal": 10, "share": D("100.00"), "threshold_share": D("0.90"), "threshold_count": 5,
         "indicators": ["培训人次", "新建监测站点", "设备验收合格率", "数据上报及时率", "故障修复时间", "设备采购成本",
                        "监测覆盖乡镇", "空气质量优良天数比例", "设备使用年限", "群众满意度"]},
    )


def test_i01_fires_at_ninety_percent_and_five_rows_exactly() -> None:
    [f] = of(run(copied(9, 10)), "I01")
    assert f.evidence["share"] == D("90.00")
    assert "10个定量指标中有9个（90.00%）" in f.message
    assert "I01" not in codes(run(copied(8, 10)))  # 80 %
    assert "I01" in codes(run(copied(5, 5)))
    assert "I01" not in codes(run(copied(4, 4)))  # 100 %, but only four rows


def test_i02_whole() -> None:
    [f] = of(run(add(q("新增宣传栏", ">=", "20", "15", "个"))), "I02")
    assert whole(f) == (
        "error", "indicator:11", "指标“新增宣传栏”未完成（年度指标值≥20个，完成值15个），"
        "报告未说明偏差原因及改进措施。",
        {"indicator": "新增宣传栏", "operator": ">=", "target": D(20), "target_text": "20", "actual": D(15),
         "actual_text": "15", "deviation_section_found": True, "target_impossible": False},
    )


def low_rate_outputs_met() -> Report:
    r = clean_report()
    r.indicators[3].actual, r.indicators[3].actual_text = D(99), "99"
    assert r.budget is not None
    r.budget.executed, r.budget.stated_execution_rate = D(800), None
    return r


def test_i03_whole_as_a_warning_and_as_information_when_payment_waits() -> None:
    r = low_rate_outputs_met()
    evidence = {"execution_rate": D("80.00"), "threshold": D(90), "output_indicators": 7}
    [f] = of(run(r), "I03")
    assert whole(f) == (
        "warning", "budget",
        "预算执行率仅80.00%（低于90%），但7个产出指标全部完成，资金未足额支出而产出全部实现，前后不符，请核实产出完成情况。",
        {**evidence, "stated_reason": None},
    )
    r.sections.append(Section("六", "六、其他", 1, "工程已完工，剩余资金为质保金，待验收后支付。"))
    [f] = of(run(r), "I03")
    assert whole(f) == (
        "info", "budget",
        "预算执行率80.00%（低于90%），7个产出指标全部完成；报告说明“剩余资金为质保金”，资金支付滞后于产出，原因已说明，请核实后续支付安排。",
        {**evidence, "stated_reason": "剩余资金为质保金"},
    )


def test_i04_whole() -> None:
    [f] = of(run(add(q("设备故障率", ">=", "5", "3", "%"))), "I04")
    assert whole(f) == (
        "warning", "indicator:11",
        "指标“设备故障率”的指标性质为“≥”（≥5%），“故障率”应越低越好，方向疑似填反；已按“≤”评分和复核。",
        {"indicator": "设备故障率", "operator": ">=", "stated_operator": ">=", "operator_text": "",
         "implied_operator": "<=", "scored_as_implied": True, "term": "故障率", "expected": "low"},
    )


def test_i05_whole() -> None:
    [f] = of(run(add(q("群众满意度2", ">=", "900", "93", "%", "satisfaction", "satisfaction"))), "I05")
    assert whole(f) == (
        "warning", "indicator:11", "指标“群众满意度2”的年度指标值900%超出0–100%，满意度不可能超过100%或为负。",
        {"indicator": "群众满意度2", "target": D(900), "actual": D(93), "unit": "%"},
    )


def test_i06_whole() -> None:
    [f] = of(run(add(q("宣传覆盖面", ">=", "较广", "基本覆盖", "个"))), "I06")
    assert whole(f) == (
        "error", "indicator:11",
        "定量指标“宣传覆盖面”（≥）的年度指标值“较广”、完成值“基本覆盖”不是数值，无法判断是否完成，应填写具体数值。",
        {"indicator": "宣传覆盖面", "operator": ">=", "target_text": "较广", "actual_text": "基本覆盖"},
    )


def test_i07_i08_whole() -> None:
    [f] = of(run(add(q("新建站点2", ">=", "12", "12", None))), "I07")
    assert whole(f) == ("warning", "indicator:11", "定量指标“新建站点2”（≥12）未填写度量单位。",
                        {"indicator": "新建站点2", "target_text": "12"})
    [f] = of(run(add(q("新建站点2", ">=", "12", "", "个"))), "I08")
    assert whole(f) == ("error", "indicator:11", "指标“新建站点2”（年度指标值≥12个）未填写实际完成值。",
                        {"indicator": "新建站点2", "target_text": "12", "row_cut_off": False})


def test_i09_whole_and_at_exactly_120_percent() -> None:
    [f] = of(run(add(q("培训人次2", ">=", "100", "130", "人次"))), "I09")
    assert whole(f) == (
        "info", "indicator:11",
        "指标“培训人次2”完成值130人次为年度指标值100人次的130.00%，大幅超额完成，目标值可能设定偏低，建议评价时酌情考虑并在以后年度合理设定。",
        {"indicator": "培训人次2", "target": D(100), "actual": D(130), "ratio": D("130.00"), "threshold": D("1.2")},
    )
    assert len(of(run(add(q("培训人次2", ">=", "100", "120", "人次"))), "I09")) == 1
    assert of(run(add(q("培训人次2", ">=", "100", "119.9", "人次"))), "I09") == []


def test_i10_whole_names_both_rows_counted_from_one() -> None:
    [f] = of(run(add(q("培训 人次", ">=", "100", "100", "人次"))), "I10")
    assert whole(f) == ("warning", "indicator:11", "指标“培训 人次”重复出现（第1行与第12行），请核实是否重复填报。",
                        {"indicator": "培训 人次", "first_index": 0, "index": 11})


def test_i11_whole() -> None:
    [f] = of(run(add(ql("宣传效果", "群众知晓率明显提高", "开展宣传活动12次"))), "I11")
    assert whole(f) == (
        "warning", "indicator:11",
        "定性指标“宣传效果”的完成情况“开展宣传活动12次”未说明是否达到目标“群众知晓率明显提高”，无法判断达成程度，请人工确认。",
        {"indicator": "宣传效果", "target_text": "群众知晓率明显提高", "actual_text": "开展宣传活动12次"},
    )


def test_i12_whole_for_a_budget_cut_and_for_part_paid() -> None:
    r = clean_report()
    r.indicators[3].actual, r.indicators[3].actual_text = D(99), "99"
    assert r.budget is not None
    r.budget.initial = D(1200)
    [f] = of(run(r), "I12")
    tail = "但7个产出指标全部足额完成，资金减少而产出未受影响，请核实产出目标是否随资金调整、产出完成值是否真实。"
    assert whole(f) == (
        "warning", "budget", f"全年预算数由年初1200.00万元调减至1000.00万元（减少16.67%），{tail}",
        {"output_indicators": 7, "execution_rate": D(97), "initial": D(1200), "annual": D(1000), "cut": D(200)},
    )
    r.budget.initial = D(1000)
    r.sections.append(Section("六", "六、其他", 1, "项目资金只支付了部分款项，剩余款项明年支付。"))
    [f] = of(run(r), "I12")
    assert whole(f) == (
        "warning", "budget", f"报告称“项目资金只支付了部分款项”，{tail}",
        {"output_indicators": 7, "execution_rate": D(97), "partly_paid": "项目资金只支付了部分款项"},
    )


def test_i13_i14_whole() -> None:
    [f] = of(run(add(ql("宣传效果", "群众知晓率明显提高", "已完成。"))), "I13")
    assert whole(f) == (
        "warning", "indicator:11",
        "指标“宣传效果”的完成情况只填写了“已完成。”，没有说明实际完成的内容和程度，应填写具体的完成值或完成情况。",
        {"indicator": "宣传效果", "actual_text": "已完成。", "target_text": "群众知晓率明显提高"},
    )
    [f] = of(run(add(ql("宣传效果", "群众知晓率明显提高", "群众知晓率明显提高"))), "I14")
    assert whole(f) == (
        "warning", "indicator:11",
        "指标“宣传效果”的完成情况“群众知晓率明显提高”与年度指标值原文完全相同，疑似照抄目标，未反映实际完成情况，请补充实际完成的内容及佐证。",
        {"indicator": "宣传效果", "target_text": "群众知晓率明显提高", "actual_text": "群众知晓率明显提高"},
    )


def test_i15_whole_copied_and_boilerplate() -> None:
    r = clean_report()
    r.overall_goal = r.overall_goal_actual = "完成12个监测站点建设"
    [f] = of(run(r), "I15")
    assert whole(f) == (
        "warning", "document",
        "年度总体目标的实际完成情况与预期目标原文完全相同（“完成12个监测站点建设”），疑似照抄目标，未说明实际完成情况。",
        {"overall_goal": "完成12个监测站点建设", "overall_goal_actual": "完成12个监测站点建设", "kind": "copied"},
    )
    r.overall_goal_actual = "已完成"
    [f] = of(run(r), "I15")
    assert whole(f) == (
        "warning", "document", "年度总体目标的实际完成情况只填写了“已完成”，未说明目标的实际完成内容和程度。",
        {"overall_goal": "完成12个监测站点建设", "overall_goal_actual": "已完成", "kind": "boilerplate"},
    )


def test_i15_cuts_a_long_copied_goal_to_forty_characters() -> None:
    r = clean_report()
    r.overall_goal = r.overall_goal_actual = "完成监测站点建设" * 6  # 48 characters
    [f] = of(run(r), "I15")
    assert f"（“{r.overall_goal[:40]}…”）" in f.message


def test_i16_whole() -> None:
    [f] = of(run(add(q("项目完成时间", "<=", "12月底前", "已完成", None, level2="timeliness"))), "I16")
    assert whole(f) == (
        "warning", "indicator:11",
        "时间指标“项目完成时间”的年度指标值为“12月底前”，完成值“已完成”未写明实际完成时间，无法核实是否按期完成，"
        "请填写实际完成的日期（如“11月20日”）。",
        {"indicator": "项目完成时间", "target_text": "12月底前", "actual_text": "已完成"},
    )


def test_i17_whole() -> None:
    r = add(q("补贴发放人次", ">=", "180", "164", "人次"))
    assert r.budget is not None
    r.budget.executed, r.budget.stated_execution_rate = r.budget.annual, None
    [f] = of(run(r), "I17")
    assert whole(f) == (
        "warning", "indicator:11",
        "预算执行率100.00%，资金已全部支出，但数量指标“补贴发放人次”只完成164人次（年度指标值≥180人次，完成91.11%），"
        "产出少于计划而资金未减少，请说明未完成部分对应资金的去向。",
        {"indicator": "补贴发放人次", "execution_rate": D(100), "target": D(180), "actual": D(164),
         "short_share": D("0.05")},
    )


def test_i08_a_row_cut_off_after_its_target_is_a_warning_that_says_so() -> None:
    r = clean_report()
    r.indicators[0].weight = D(10)  # the table has 分值
    r.indicators.append(q("新建站点2", ">=", "12", "", None))
    [f] = of(run(r), "I08")
    assert whole(f) == (
        "warning", "indicator:11",
        "指标“新建站点2”（年度指标值≥12）未填写实际完成值。（该行指标值之后的完成值、分值、得分各栏均为空，"
        "可能是表格截断或未能读取，请核对原表）",
        {"indicator": "新建站点2", "target_text": "12", "row_cut_off": True},
    )
    r.indicators[-1].weight = D(5)  # its own 分值 was read: the row was not cut off
    [f] = of(run(r), "I08")
    assert f.severity == "error" and f.evidence["row_cut_off"] is False


def test_i05_names_both_values_out_of_range() -> None:
    [f] = of(run(add(q("群众满意度2", ">=", "900", "-5", "%", "satisfaction", "satisfaction"))), "I05")
    assert f.message == "指标“群众满意度2”的年度指标值900%、完成值-5%超出0–100%，满意度不可能超过100%或为负。"


def test_i06_a_dash_for_a_target_is_no_number_except_on_the_budget_rate_row() -> None:
    assert of(run(add(q("预算执行率", ">=", "—", "98", "%"))), "I06") == []
    assert of(run(add(q("预算执行率", ">=", "— —", "98", "%"))), "I06") == []
    [f] = of(run(add(q("培训覆盖面", ">=", "—", "98", "%"))), "I06")
    assert f.message == "定量指标“培训覆盖面”（≥）的年度指标值“—”不是数值，无法判断是否完成，应填写具体数值。"


def test_i09_rounds_the_ratio_half_up_in_its_evidence() -> None:
    [f] = of(run(add(q("培训人次2", ">=", "800", "1041", "人次"))), "I09")  # 130.125 %
    assert f.evidence["ratio"] == D("130.13") and "的130.13%，" in f.message


def test_i11_an_actual_equal_to_the_weight_is_a_shifted_score_not_an_answer() -> None:
    assert of(run(add(ql("宣传效果", "群众知晓率明显提高", "10", weight=D(10)))), "I11") == []
    [f] = of(run(add(ql("宣传效果", "群众知晓率明显提高", "8", weight=D(10)))), "I11")
    assert f.evidence["actual_text"] == "8"


def test_i17_needs_the_money_spent_in_full_and_counts_a_target_of_one() -> None:
    r = add(q("新建站点2", ">=", "1", "0", "个"))
    assert r.budget is not None
    r.budget.executed, r.budget.stated_execution_rate = r.budget.annual, None
    [f] = of(run(r), "I17")
    assert f.evidence["target"] == D(1) and f.evidence["actual"] == D(0)
    r.budget.executed = D(970)  # 97 %: money left over, I17 says nothing
    assert of(run(r), "I17") == []


def test_i02_reads_on_past_an_unmet_indicator_the_deviation_section_names() -> None:
    r = add(q("新增宣传栏", ">=", "20", "15", "个"), q("入户走访户数", ">=", "300", "260", "户"))
    r.sections = [s if not s.title.startswith("三") else
                  Section(s.number, s.title, 1, s.text + "新增宣传栏未完成，原因是选址调整。") for s in r.sections]
    assert [f.evidence["indicator"] for f in of(run(r), "I02")] == ["入户走访户数"]


def test_i02_a_target_read_as_a_number_counts_without_its_text() -> None:
    ind = q("新增宣传栏", ">=", "20", "15", "个")
    ind.target_text = ""
    [f] = of(run(add(ind)), "I02")
    assert f.evidence["target"] == D(20)
