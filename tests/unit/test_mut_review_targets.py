"""T rules stated whole for mutation testing (issue 10): each finding's severity, place, message and
evidence, and which level a misfiled indicator is said to sit under."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Finding, Indicator, Section
from tests.review_factory import clean_report, of, q, ql, run


def whole(f: Finding) -> tuple[str, str, str, dict[str, object]]:
    return f.severity, f.where, f.message, f.evidence


def with_row(ind: Indicator) -> list[Finding]:
    r = clean_report()
    r.indicators.append(ind)  # index 11
    return run(r)


def test_t01_whole() -> None:
    [f] = of(with_row(ql("保障我局办公网络畅通", "作用明显", "作用明显")), "T01")
    assert whole(f) == (
        "info", "indicator:11",
        "定性指标“保障我局办公网络畅通”的年度指标值“作用明显”表述笼统（“作用明显”），没有可衡量的标准，建议细化、量化绩效目标。",
        {"indicator": "保障我局办公网络畅通", "target_text": "作用明显", "vague_word": "作用明显"},
    )


def test_t02_whole() -> None:
    r = clean_report()
    r.indicators = [ql(f"社会效益{i}", "全年开展宣传不少于4次", "已达成") for i in range(2)]
    r.indicators += [q(f"站点{i}", ">=", "10", "11", "个") for i in range(3)]
    [f] = of(run(r), "T02")
    assert whole(f) == (
        "warning", "document", "定性指标2个，占全部5个指标的40.00%，超过30%，绩效指标应以定量指标为主。",
        {"qualitative": 2, "indicators": 5, "share": D("40.00"), "threshold": D("30.00")},
    )


def test_t03_whole_one_finding_per_missing_category() -> None:
    r = clean_report()
    r.indicators = [q("站点", ">=", "10", "10", "个")]
    found = [whole(f) for f in of(run(r), "T03")]
    assert found == [
        ("warning", "document",
         f"绩效指标中没有{name}指标（全部1个指标均不属于{name}指标），指标体系不完整，应按规定设置。",
         {"category": key, "indicators": 1, "category_named": False})
        for key, name in (("satisfaction", "满意度"), ("benefit", "效益"), ("cost", "成本"))
    ]


def test_t04_whole() -> None:
    [f] = of(with_row(q("资金拨付进度", ">=", "90", "95", "%")), "T04")
    assert whole(f) == (
        "info", "indicator:11",
        "指标“资金拨付进度”（拨付进度）属于预算管理要求，不宜作为绩效指标，建议改为反映产出或效益的指标。",
        {"indicator": "资金拨付进度", "term": "拨付进度"},
    )


def test_t05_whole_for_an_administration_term_under_an_economic_benefit() -> None:
    [f] = of(with_row(ql("成本控制", "不超过预算", "未超过预算", "benefit", "economic")), "T05")
    assert whole(f) == (
        "warning", "indicator:11",
        "指标“成本控制”归类不当：名称含“成本控制”，属于成本控制或管理要求，不是经济效益指标，请按指标性质调整所属的一级、二级指标。",
        {"indicator": "成本控制", "level1": "benefit", "level2": "economic", "term": "成本控制"},
    )


def test_t05_says_the_second_level_when_it_has_a_name_else_the_first() -> None:
    tail = "请按指标性质调整所属的一级、二级指标。"
    [f] = of(with_row(q("群众满意度", ">=", "90", "95", "%", "benefit", "economic")), "T05")
    assert f.message == f"指标“群众满意度”归类不当：名称含“满意度”，应归入满意度指标，却放在经济效益指标下，{tail}"
    [f] = of(with_row(q("群众满意度", ">=", "90", "95", "%", "benefit", "social")), "T05")
    assert f.message == f"指标“群众满意度”归类不当：名称含“满意度”，应归入满意度指标，却放在效益指标下，{tail}"
    [f] = of(with_row(q("群众满意度", ">=", "90", "95", "%", "benefit", None)), "T05")  # type: ignore[arg-type]
    assert f.message == f"指标“群众满意度”归类不当：名称含“满意度”，应归入满意度指标，却放在效益指标下，{tail}"
    assert f.evidence == {"indicator": "群众满意度", "level1": "benefit", "level2": None, "term": "满意度"}
    [f] = of(with_row(q("每亩补助标准", "=", "300", "300", "元/亩", "output", "quantity")), "T05")
    assert f.message == f"指标“每亩补助标准”归类不当：名称含“补助标准”，属于成本指标，却放在数量指标下，{tail}"


def test_t06_whole_with_the_unit_from_its_own_cell() -> None:
    ind = q("每年财政补助1000万元", ">=", "1000", "1000", "万元")
    ind.target_text = "≥1000万元"
    [f] = of(with_row(ind), "T06")
    tail = "未写明考核的内容，指标名称应说明衡量什么（对象、事项），目标数值填在指标值栏。"
    assert whole(f) == (
        "warning", "indicator:11", f"三级指标名称“每年财政补助1000万元”照搬了指标值“1000万元”，{tail}",
        {"indicator": "每年财政补助1000万元", "target_text": "≥1000万元", "value": "1000万元"},
    )
    [f] = of(with_row(q("建成 20个 监测站点", ">=", "20", "20", "个")), "T06")  # the unit from the unit cell
    assert f.message == f"三级指标名称“建成 20个 监测站点”照搬了指标值“20个”，{tail}"
    assert of(with_row(q("5G基站建设数量", ">=", "5", "5", "个")), "T06") == []  # a bare number is no value


def test_t07_whole_for_a_question_and_for_a_slogan() -> None:
    tail = "应改为可衡量的比率指标（写明分子、分母，如“……覆盖率”“……达标率”）或改为定性指标。"
    [f] = of(with_row(q("是否满意", ">=", "95", "95", "%", "benefit", "social")), "T07")
    assert whole(f) == (
        "warning", "indicator:11",
        f"指标“是否满意”以百分比（95%）为指标值，但指标名称是“是否”式的问句，只能回答是或否，{tail}",
        {"indicator": "是否满意", "target_text": "95", "unit": "%", "question_word": "是否"},
    )
    ind = q("促进学校教育事业健康发展", ">=", "95", "95", None, "benefit", "social")
    ind.target_text = "≥95%"  # the percent sign in the value, no unit cell
    [f] = of(with_row(ind), "T07")
    assert whole(f) == (
        "warning", "indicator:11",
        f"指标“促进学校教育事业健康发展”以百分比（95%）为指标值，但指标名称不是比率或比例，看不出百分比是什么与什么之比，{tail}",
        {"indicator": "促进学校教育事业健康发展", "target_text": "≥95%", "unit": None, "question_word": None},
    )


def test_t08_whole_showing_three_statements_and_keeping_all() -> None:
    r = clean_report()
    r.indicators = []
    r.sections = [Section(str(k), f"{k}、情况", 1, text) for k, text in enumerate(
        ["1.产出指标完成情况:100%。", "2.效益 指标完成情况：98%。", "3.满意度指标完成情况:100%。",
         "4.成本指标完成率为100%。"],
        start=1)]
    [f] = of(run(r), "T08")
    assert whole(f) == (
        "warning", "document",
        "报告对绩效指标只写了“产出指标完成情况:100%”、“效益指标完成情况：98%”、“满意度指标完成情况:100%”这样的总体完成百分比，"
        "未列出具体的三级指标、年度指标值和实际完成值，无法核实完成情况，应按绩效指标逐项填报。",
        {"statements": ["产出指标完成情况:100%", "效益指标完成情况：98%", "满意度指标完成情况:100%",
                        "成本指标完成率为100%"]},
    )


def test_a_target_as_a_value_drops_operators_and_spaces() -> None:
    from jixiao.review.targets import _bare_value
    assert _bare_value("≥ 1000 万元") == "1000万元"
    assert _bare_value("＞1000万元") == "1000万元"
    assert _bare_value("<5%") == "5%"
    assert _bare_value("不低于 95 %") == "95%"


def test_t06_reads_the_name_without_its_spaces() -> None:
    [f] = of(with_row(q("建成20 个监测站点", ">=", "20", "20", "个")), "T06")
    assert f.evidence["value"] == "20个"
