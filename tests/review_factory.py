"""Reports built by hand for the review-rule tests, scored by the real scoring.

``clean_report()`` is a consistent report that must give no warning and no error: budget executed
97 %, stated levels, varied operators, one unmet indicator with its reason, prose that agrees with
the table, all standard sections. Tests change one thing in it and look for the one finding.
"""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.model import Budget, Finding, FundSource, Indicator, Report, ScoreCard, Section
from jixiao.policy import Policy, load_policy
from jixiao.review import ReviewContext, load_words, review
from jixiao.review.base import _REGISTRY
from jixiao.scoring import score_report


def q(
    name: str,
    op: str,
    target: str,
    actual: str,
    unit: str | None,
    level1: str = "output",
    level2: str = "quantity",
    **kw: object,
) -> Indicator:
    """A quantitative indicator; ``target``/``actual`` are the texts (numbers when they parse)."""

    def num(text: str) -> D | None:
        try:
            return D(text)
        except ArithmeticError:
            return None

    return Indicator(
        name=name,
        operator=op,  # type: ignore[arg-type]
        target=num(target),
        target_text=target,
        actual=num(actual),
        actual_text=actual,
        unit=unit,
        level1=level1,  # type: ignore[arg-type]
        level2=level2,
        **kw,  # type: ignore[arg-type]
    )


def ql(name: str, target: str, actual: str, level1: str = "benefit", level2: str = "social", **kw: object) -> Indicator:
    """A qualitative indicator."""
    return Indicator(
        name=name,
        operator="qualitative",
        target_text=target,
        actual_text=actual,
        level1=level1,  # type: ignore[arg-type]
        level2=level2,
        **kw,  # type: ignore[arg-type]
    )


def clean_indicators() -> list[Indicator]:
    return [
        q("培训人次", ">=", "500", "520", "人次"),
        q("新建监测站点", ">=", "12", "12", "个"),
        q("设备验收合格率", ">=", "95", "97", "%", level2="quality"),
        q("数据上报及时率", ">=", "98", "96", "%", level2="timeliness",
          deviation_reason="两个站点通信中断，已更换设备"),
        q("故障修复时间", "<=", "24", "18", "小时", level2="timeliness"),
        q("设备采购成本", "<=", "600", "585.2", "万元", level2="cost"),
        q("监测覆盖乡镇", "=", "30", "30", "个"),
        q("空气质量优良天数比例", ">=", "90", "92.5", "%", "benefit", "ecological"),
        ql("监测数据在环境执法中的使用", "全年为执法提供监测数据不少于50次", "全年提供监测数据63次，已达成",
           "benefit", "social"),
        q("设备使用年限", ">=", "5", "5", "年", "benefit", "sustainability"),
        q("群众满意度", ">=", "90", "93", "%", "satisfaction", "satisfaction"),
    ]


def clean_sections() -> list[Section]:
    return [
        Section(None, "", 0, "按照市财政局通知要求，现将2023年度环境监测站点建设项目绩效自评情况报告如下："),
        Section("一", "一、绩效目标分解下达情况", 1,
                "项目全年预算数1000万元，年初即分解下达至各监测站点，全年执行数970万元，预算执行率97%。"),
        Section("二", "二、绩效情况分析", 1, ""),
        Section("（一）", "（一）资金投入情况分析", 2, "资金按合同进度拨付，全年执行数970万元。"),
        Section("（二）", "（二）总体绩效目标完成情况分析", 2,
                "全年培训520人次，新建监测站点12个，设备验收合格率97%，故障修复时间平均18小时，"
                "群众满意度93%，设备使用年限不低于5年。数据上报及时率96%，未达到98%的目标。"),
        Section("三", "三、偏离绩效目标的原因和下一步改进措施", 1,
                "数据上报及时率未完成，原因是两个站点通信中断。下一步将加强设备巡检，确保数据按时上报。"),
        Section("四", "四、绩效自评结果应用和公开情况", 1, "自评结果作为下年度预算安排的参考，并在部门网站公开。"),
        Section("五", "五、其他需要说明的问题", 1, "无"),
    ]


def clean_budget() -> Budget:
    return Budget(
        initial=D("1000"),
        annual=D("1000"),
        executed=D("970"),
        stated_execution_rate=D("97"),
        stated_execution_rate_text="97%",
        sources=[FundSource("中央补助", annual=D("600"), executed=D("590")),
                 FundSource("地方资金", annual=D("400"), executed=D("380"))],
        stated_total=FundSource("年度资金总额", annual=D("1000"), executed=D("970")),
        origin="table",
    )


def clean_report() -> Report:
    return Report(
        title="2023年度环境监测站点建设项目绩效自评报告",
        organization="某市生态环境监测中心",
        fiscal_year=2023,
        kind="project",
        budget=clean_budget(),
        indicators=clean_indicators(),
        sections=clean_sections(),
    )


class RuleCrashed(AssertionError):
    """A rule raised while a test ran it: the test fails instead of seeing an ``X00`` finding."""


def review_strict(report: Report, card: ScoreCard, policy: Policy) -> list[Finding]:
    """``review()`` for tests: a rule that raises fails the test.

    The engine turns a crashing rule into an ``X00`` info finding so a broken rule never breaks a
    user's review; in a test that would hide the crash (a "does not fire" test passes when the rule
    raises). On an ``X00`` the crashing rule is run again outside the engine so its own exception and
    traceback are what the test reports.
    """
    findings = review(report, card, policy)
    crashed = [f for f in findings if f.code == "X00"]
    if not crashed:
        return findings
    ctx = ReviewContext(report=report, card=card, policy=policy, words=load_words())
    for f in crashed:
        code = str(f.evidence.get("rule"))
        registered = _REGISTRY.get(code)
        if registered is not None:
            try:
                list(registered.fn(ctx))
            except Exception as exc:
                raise RuleCrashed(f"rule {code} raised: {f.evidence.get('error')}") from exc
    raise RuleCrashed("; ".join(f"rule {f.evidence.get('rule')} raised: {f.evidence.get('error')}" for f in crashed))


def run(report: Report, policy: Policy | None = None) -> list[Finding]:
    """Score and review ``report``; fails the calling test if any rule raises (no ``X00``)."""
    policy = policy or load_policy()
    return review_strict(report, score_report(report, policy), policy)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def of(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def with_sections(report: Report, *texts: tuple[str, str]) -> Report:
    """``report`` with extra level-1 sections (title, body) appended."""
    extra = [Section(str(i), title, 1, body) for i, (title, body) in enumerate(texts, start=10)]
    report.sections = [*report.sections, *extra]
    return report
