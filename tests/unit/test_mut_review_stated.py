"""S rules stated whole for mutation testing (issue 10): each finding's severity, place, message and
evidence, and the boundaries (a band's upper end, a weight of 0 or 1, a stated weight unlike the policy's)."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Finding, Report, Section
from jixiao.policy import load_policy
from jixiao.scoring import score_report
from tests.review_factory import clean_report, codes, of, q, ql, run
from tests.unit.test_rules_stated import weighted


def whole(f: Finding) -> tuple[str, str, str, dict[str, object]]:
    return f.severity, f.where, f.message, f.evidence


def test_s01_a_quantitative_score_against_the_computed_one() -> None:
    [f] = of(run(weighted({"站点": "45"})), "S01")  # 50 × 80 / 100 = 40
    assert whole(f) == (
        "warning", "indicator:0", "指标“站点”填报得分45分，按规则计算应为40.00分（分值50分），相差5.00分。",
        {"indicator": "站点", "stated_score": D(45), "computed_score": D(40), "weight": D(50), "difference": D(5),
         "tolerance": D("0.1")},
    )


def test_s01_a_qualitative_score_outside_its_band() -> None:
    [f] = of(run(weighted({"社会效益": "27"}, qual_actual="基本完成")), "S01")
    assert whole(f) == (
        "warning", "indicator:1",
        "指标“社会效益”完成情况评定为部分达成，填报得分27分超出该档次的分值区间（18.00–24.00分，分值30分）。",
        {"indicator": "社会效益", "stated_score": D(27), "weight": D(30), "grade": "partial",
         "band": [D(18), D(24)]},
    )


def test_s01_a_band_is_closed_at_the_top_only_for_achieved() -> None:
    assert "S01" not in codes(run(weighted({"社会效益": "30"})))  # achieved: full marks are in the band
    r = weighted(weights=("79", "1", "10", "10"), stated={"社会效益": "0.8"}, qual_actual="基本完成")
    [f] = of(run(r), "S01")  # partial at weight 1: [0.6, 0.8) — 0.8 is out, although it is within 0.1 of 0.7
    assert f.evidence["band"] == [D("0.60"), D("0.80")] and f.evidence["weight"] == D(1)
    assert "（0.60–0.80分，分值1分）" in f.message


def test_s01_a_qualitative_row_of_weight_zero_is_compared_as_a_number() -> None:
    r = weighted()
    r.indicators.append(ql("宣传效果", "群众知晓", "基本完成", weight=D(0), stated_score=D(0)))
    assert "S01" not in codes(run(r))  # never divides by its weight of 0


def test_s01_a_stated_score_without_its_stated_weight_is_not_compared() -> None:
    r = clean_report()
    r.indicators[0].stated_score = D(5)  # 培训人次, met: the policy's default weight is about 7.14
    assert "S01" not in codes(run(r))
    r.indicators[0].weight = D(10)
    [f] = of(run(r), "S01")
    assert f.evidence["weight"] == D(10) and f.evidence["computed_score"] == D(10)


def test_s01_the_budget_line_at_a_stated_weight_other_than_the_policys() -> None:
    r = clean_report()  # 97 % executed; the policy gives the budget line 10 points
    assert r.budget is not None
    r.budget.weight = D(20)
    r.budget.stated_score = D(20)
    [f] = of(run(r), "S01")
    assert whole(f) == (
        "warning", "budget", "预算执行率一项填报得分20分，按执行率计算应为19.40分，相差0.60分。",
        {"stated_score": D(20), "computed_score": D("19.40"), "tolerance": D("0.1")},
    )


def test_s03_a_stated_total_in_the_form_and_in_the_prose() -> None:
    r = clean_report()
    r.stated_total = D(90)
    total = score_report(r, load_policy()).total
    [f] = of(run(r), "S03")
    note = "（报告未列全部指标分值，计算总分按评分规则的默认权重，仅供参考）"
    assert whole(f) == (
        "info", "document", f"报告自评总分90分，按规则计算应为99.55分（优），相差9.55分{note}。",
        {"stated_total": D(90), "computed_total": total, "difference": D(90) - total, "tolerance": D("0.5"),
         "computed_grade": "优", "stated_total_from": "form", "weights_assumed": True},
    )
    r = clean_report()
    r.sections.append(Section("六", "六、自评结论", 1, "综上，本项目自评得分为90分。"))
    [f] = of(run(r), "S03")
    assert f.message == f"报告正文所述自评总分90分，按规则计算应为99.55分（优），相差9.55分{note}。"
    assert f.evidence["stated_total_from"] == "prose"


def test_s03_a_stated_grade_read_from_a_longer_text() -> None:
    r = clean_report()
    r.stated_grade = "自评等级：良"
    total = score_report(r, load_policy()).total
    [f] = of(run(r), "S03")
    assert whole(f) == (
        "info", "document",
        "报告自评等级为“自评等级：良”，按计算总分99.55分应为“优”（报告未列全部指标分值，计算总分按评分规则的默认权重，仅供参考）。",
        {"stated_grade": "自评等级：良", "computed_grade": "优", "computed_total": total, "weights_assumed": True},
    )


def test_s04_whole_and_not_on_a_row_of_weight_zero() -> None:
    [f] = of(run(weighted(stated={"站点": "50"})), "S04")
    assert whole(f) == (
        "warning", "indicator:0",
        "指标“站点”未完成（年度指标值100，完成值80），填报得分却为满分50分（分值50分），应按完成程度扣分。",
        {"indicator": "站点", "weight": D(50), "stated_score": D(50), "target_text": "100", "actual_text": "80",
         "computed_score": D(40)},
    )
    r = weighted()
    r.indicators.append(q("新增站点", ">=", "10", "8", "个", weight=D(0), stated_score=D(0)))
    assert "S04" not in codes(run(r))


def test_s05_whole() -> None:
    [f] = of(run(weighted(stated={"群众满意度": "8"})), "S05")
    assert whole(f) == (
        "warning", "indicator:2",
        "指标“群众满意度”已完成（年度指标值90，完成值93），填报得分8分（分值10分），扣分2.00分但未说明扣分理由。",
        {"indicator": "群众满意度", "weight": D(10), "stated_score": D(8), "deduction": D(2)},
    )


def test_s05_a_longer_indicator_named_in_the_deviation_section_is_no_reason_for_this_one() -> None:
    r = weighted()
    r.indicators[2] = q("村卫生室建设", ">=", "10", "10", "个", weight=D(10), stated_score=D(8))
    r.indicators.append(q("新建标准化村卫生室建设数量", ">=", "5", "4", "个", weight=D(0),
                          deviation_reason="选址调整"))
    r.sections = [s for s in r.sections if not s.title.startswith("三")]
    r.sections.append(Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1,
                              "新建标准化村卫生室建设数量未完成，原因是选址调整。"))
    [f] = of(run(r), "S05")
    assert f.evidence["indicator"] == "村卫生室建设"


def test_s02_whole() -> None:
    [f] = of(run(weighted(weights=("50", "30", "15", "10"))), "S02")
    assert whole(f) == (
        "error", "document", "各指标分值合计95分，加预算执行率分值10分共105分，不等于100分。",
        {"indicator_weights": D(95), "budget_weight": D(10), "total": D(105), "budget_weight_stated": True},
    )


def budget_row(actual: str, stated: str) -> Report:
    """The form's 预算执行率 as an indicator row: 分值 10, no target; the budget is executed in full."""
    r = clean_report()
    assert r.budget is not None
    r.budget.executed, r.budget.stated_execution_rate = r.budget.annual, None
    row = q("预算执行率", ">=", "", actual, "%", weight=D(10), stated_score=D(stated))
    r.indicators.append(row)
    return r


def test_s05_the_budget_row_docked_at_full_execution_whole() -> None:
    [f] = of(run(budget_row("100", "9")), "S05")
    assert whole(f) == (
        "warning", "indicator:11",
        "预算执行率100.00%，预算执行一项（指标“预算执行率”）应得满分10分，填报得分9分，扣分1.00分但未说明扣分理由。",
        {"indicator": "预算执行率", "execution_rate": D(100), "weight": D(10), "stated_score": D(9),
         "deduction": D(1)},
    )
    assert len(of(run(budget_row("", "9")), "S05")) == 1  # no actual on the row: the budget's own rate
    assert of(run(budget_row("99.9", "9")), "S05") == []  # the row's own rate wins
    assert of(run(budget_row("100", "9.9")), "S05") == []  # within 0.1 of full marks


def test_s06_whole_for_a_total_in_the_form_and_in_the_prose() -> None:
    from tests.unit.test_rule_s06_total_impossible import form
    evidence = {"stated_total": D(100), "full_marks": D(100),
                "deductions": [{"item": "指标1", "weight": D(45), "stated_score": D(40), "deduction": D(5)},
                               {"item": "预算执行率", "weight": D(10), "stated_score": D(9), "deduction": D(1)}],
                "ceiling": D(94), "rests_on_unsure_figure": False}
    tail = "自评总分100分，但表中可见扣分合计6分（指标1扣5分、预算执行率扣1分），总分最高只能为94分，自评总分不成立。"
    [f] = of(run(form("100", ("45", "45"), ("45", "40"))), "S06")
    assert whole(f) == ("error", "document", f"报告{tail}", {**evidence, "stated_total_from": "form"})
    r = form(None, ("45", "45"), ("45", "40"))
    r.sections.append(Section("六", "六、自评结论", 1, "本项目自评得分为100分。"))
    [f] = of(run(r), "S06")
    assert whole(f) == ("error", "document", f"报告正文{tail}", {**evidence, "stated_total_from": "prose"})


def test_s05_the_budget_block_docked_at_full_execution_whole() -> None:
    r = clean_report()
    assert r.budget is not None
    r.budget.executed, r.budget.stated_execution_rate = r.budget.annual, None
    r.budget.weight, r.budget.stated_score = D(10), D(8)
    [f] = of(run(r), "S05")
    assert whole(f) == (
        "warning", "budget", "预算执行率100.00%，预算执行一项应得满分10分，填报得分8分，扣分但未说明理由。",
        {"execution_rate": D(100), "weight": D(10), "stated_score": D(8)},
    )


def test_s05_only_the_row_named_for_the_budget_rate_is_the_budget_row() -> None:
    r = budget_row("100", "9")
    r.indicators[-1].name = "资金到位率"
    assert of(run(r), "S05") == []
