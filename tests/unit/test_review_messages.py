"""Every finding's message is a Chinese sentence ready for a review opinion that names the indicator
or figure it is about; computed percentages show 2 decimals; evidence is JSON-friendly."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest

from jixiao.model import Budget, Finding, FundSource, Report, Section, Unplaced
from jixiao.review import catalogue
from tests.review_factory import clean_report, codes, q, ql, run


def messy_budget_report() -> Report:
    """Low execution, wrong stated rate, cut budget, sources off, costs over budget, bad table, bad prose."""
    r = clean_report()
    r.budget = Budget(
        initial=D("1200"), annual=D("1000"), executed=D("700"),
        stated_execution_rate=D("75"), stated_execution_rate_text="75%",
        sources=[FundSource("中央补助", annual=D("500"), executed=D("400")),
                 FundSource("地方资金", annual=D("400"), executed=D("300"))],
        stated_total=FundSource("年度资金总额", annual=D("1000"), executed=D("700")),
        weight=D("10"), stated_score=D("10"),
    )
    w = {"weight": D("5")}
    r.indicators = [
        *(q(f"监控点位{i}", ">=", "10", "10", "个", **w) for i in range(6)),
        q("设备验收合格率", "<=", "95", "95", "%", level2="quality", **w),
        q("系统建设", ">=", "1", "完成", "套", **w),
        q("系统联网", ">=", "1", "1", None, **w),
        q("培训人次", ">=", "100", "150", "人次", **w),
        q("培训人次", ">=", "100", "100", "人次", **w),
        q("预算执行率", ">=", "90", "90", "%", **w),
        q("设备采购成本", "<=", "900", "850", "万元", level2="cost", **w),
        q("运维服务成本", "<=", "300", "200", "万元", level2="cost", **w),
        q("巡检次数", ">=", "12", "8", "次", "benefit", "social", **w),
        q("站点建设", ">=", "12", "", "个", "benefit", "social", **w),
        ql("社会效益", "逐步提高", "稳步推进", **w),
        ql("保障办公网络畅通", "作用明显", "作用明显", "benefit", "sustainability", weight=D("5"), stated_score=D("1")),
        q("群众满意度", ">=", "90", "105", "%", "satisfaction", "satisfaction", weight=D("5"), stated_score=D("2")),
    ]
    r.indicators[0].levels_inferred = True
    r.stated_total = D("99")
    r.stated_grade = "良"
    r.sections = [
        Section("一", "一、绩效目标分解下达情况", 1, "结合自评情况，说明绩效目标分解下达情况（100字以内）"),
        Section("二", "二、绩效情况分析", 1, "群众满意度为80%。各项指标均已完成，本项目暂无问题。"),
        Section("三", "三、其他需要说明的问题", 1, "无"),
    ]
    return r


def overspent_report() -> Report:
    r = clean_report()
    r.budget = Budget(annual=D("1000"), executed=D("1100"))
    return r


def bare_report() -> Report:
    """No budget, only qualitative output indicators; prose claims partial completion."""
    return Report(
        indicators=[ql(f"宣传活动{i}", "全年开展宣传不少于4次", "已完成", "output", "quantity") for i in range(3)],
        sections=[Section("一", "一、绩效目标分解下达情况", 1, "略"),
                  Section("二", "二、绩效情况分析", 1, "项目完成绩效目标的90%。")],
    )


def copied_report() -> Report:
    """Every actual equals its target."""
    r = clean_report()
    for ind in r.indicators:
        if ind.quantitative:
            ind.actual, ind.actual_text = ind.target, ind.target_text
            ind.deviation_reason = None
    return r


def gappy_report() -> Report:
    """A fund table without its executed amount, no indicators read, two values that fit no column."""
    return Report(
        budget=Budget(annual=D("194.9"), origin="table"),
        unplaced=[Unplaced("194.9194.9100%", "表1第3行", "无法拆分为确定的数值"), Unplaced("87", "表1第9行")],
        # T08: results told only as a percentage per level; N04: a transfer funded by a lower level
        sections=[Section("一", "一、项目基本情况", 1, "本项目为省对下专项转移支付项目，资金全部为县级财政资金。"),
                  Section("二", "二、绩效指标完成情况", 1, "产出指标完成情况:100%。满意度指标完成情况:100%。")],
    )


def reviewer_checks_report() -> Report:
    """The checks reviewers make by hand (issue 10): stated scores that cannot be, boilerplate actuals,
    misfiled levels, amounts that do not add up."""
    r = clean_report()
    for ind in r.indicators:
        ind.weight, ind.stated_score = D(8), D(8)
    r.indicators[3].deviation_reason = None  # 数据上报及时率 96 < 98: unmet, full marks
    r.indicators[0].stated_score = D(6)  # 培训人次 met, docked without a reason
    r.budget = clean_budget_with(weight=D("12"), stated_score=D("12"))
    r.stated_total = D(100)
    r.indicators += [
        ql("成本控制", "不超过预算", "不超过预算", "benefit", "economic"),  # T05, I14
        ql("宣传覆盖", "全年开展宣传不少于4次", "已完成", "output", "quantity"),  # I13
        ql("站点验收完成时间", "12月底前", "完成", "output", "timeliness"),  # I16: a date target, no date given
        q("建成20个监测站点", ">=", "20", "20", "个"),  # T06: the name restates the target
        q("是否按时发放", ">=", "100", "100", "%", level2="timeliness"),  # T07: a yes/no question with a %
    ]
    r.overall_goal = r.overall_goal_actual = "完成20个监测站点建设并投入使用。"  # I15
    return r


def money_short_report() -> Report:
    """A budget cut by 30 % with every output met (I12)."""
    r = clean_report()
    r.indicators = [q("培训人次", ">=", "500", "520", "人次"), q("群众满意度", ">=", "90", "93", "%", "satisfaction",
                                                          "satisfaction")]
    r.budget = Budget(initial=D(1000), annual=D(700), executed=D(690))
    return r


def amounts_report() -> Report:
    """A breakdown that misses its total (B09) and count × standard off the money spent (B10)."""
    r = clean_report()
    r.indicators = [q("补助人数", ">=", "1000", "1000", "人"), q("补助标准", "=", "300", "300", "元/人", level2="cost"),
                    q("群众满意度", ">=", "90", "93", "%", "satisfaction", "satisfaction")]
    r.budget = Budget(annual=D(40), executed=D(40))
    r.sections = [*r.sections,
                  Section("六", "六、资金安排", 1, "项目总投资40万元，其中设备购置20万元、人员培训10万元。")]
    return r


def clean_budget_with(**kw: object) -> Budget:
    from tests.review_factory import clean_budget

    b = clean_budget()
    for k, v in kw.items():
        setattr(b, k, v)
    return b


def money_full_report() -> Report:
    """I17: the budget spent in full while a quantity output fell 10 % short."""
    r = clean_report()
    r.budget = Budget(annual=D("100"), executed=D("100"))
    r.indicators.append(q("补贴发放人次", ">=", "200", "180", "人次"))
    return r


def all_findings() -> list[tuple[Report, Finding]]:
    out: list[tuple[Report, Finding]] = []
    for r in (messy_budget_report(), overspent_report(), bare_report(), copied_report(), gappy_report(),
              reviewer_checks_report(), money_short_report(), amounts_report(), money_full_report()):
        out.extend((r, f) for f in run(r))
    return out


FINDINGS = all_findings()


def test_scenarios_cover_every_rule() -> None:
    assert {f.code for _, f in FINDINGS} == {r.code for r in catalogue()}


@pytest.mark.parametrize(("report", "finding"), FINDINGS, ids=[f"{f.code}-{f.where}" for _, f in FINDINGS])
def test_message_is_a_chinese_sentence_naming_its_subject(report: Report, finding: Finding) -> None:
    msg = finding.message
    assert msg.endswith("。")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in msg)
    for junk in ("None", "Decimal", "nan", "{", "}"):
        assert junk not in msg
    if finding.where.startswith("indicator:"):
        ind = report.indicators[int(finding.where.split(":")[1])]
        assert " ".join(ind.name.split())[:18] in msg
    elif finding.code == "N01":
        assert f"“{finding.evidence['indicator']}”" in msg
    elif finding.code == "B07":
        assert "全年执行数" in msg
    elif finding.code == "D05":
        assert "“全年预算数”" in msg and "“全年执行数”" in msg
    elif finding.where == "budget":
        assert re.search(r"\d+(\.\d+)?(万元|%|分)", msg), msg
    else:
        assert re.search(r"\d|“[^”]+”", msg), msg


@pytest.mark.parametrize("code", ["B01", "B03", "I01", "I03", "N03", "T02", "I09"])
def test_computed_percentages_show_two_decimals(code: str) -> None:
    msgs = [f.message for _, f in FINDINGS if f.code == code]
    assert msgs
    for msg in msgs:
        stated = {"75%", "90%", "30%"}  # as written in the document / the thresholds
        computed = [p for p in re.findall(r"\d+(?:\.\d+)?%", msg) if p not in stated]
        assert computed and all(re.fullmatch(r"\d+\.\d{2}%", p) for p in computed), msg


def test_low_execution_message_reads_as_in_the_spec() -> None:
    [b03] = [f for _, f in FINDINGS if f.code == "B03"]
    assert b03.message == "预算执行率70.00%（全年执行数700.00万元÷全年预算数1000.00万元），低于90%。"
    assert b03.evidence["execution_rate"] == D("70.00") and b03.evidence["threshold"] == D(90)


def test_evidence_is_json_friendly() -> None:
    for _, f in FINDINGS:
        json.dumps(f.evidence, default=lambda o: str(o) if isinstance(o, D) else TypeError(o), ensure_ascii=False)
        assert all(isinstance(k, str) for k in f.evidence)


def test_where_is_one_of_the_contract_values() -> None:
    for report, f in FINDINGS:
        assert re.fullmatch(r"budget|narrative|document|indicator:\d+", f.where), f.where
        if f.where.startswith("indicator:"):
            assert int(f.where.split(":")[1]) < len(report.indicators)


def test_clean_report_has_no_message_at_all() -> None:
    assert codes(run(clean_report())) == []
