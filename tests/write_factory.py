"""A small CheckResult resembling the seed report (traffic police, 2023), built by hand for the writer tests.

Budget 1070.07 / 838.41; eight indicators (five output at 10 points, two benefit at 15, one satisfaction
at 10), all met: total 7.835… + 90 = 97.84 (优).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

from jixiao.model import (
    Budget,
    CheckResult,
    Finding,
    FundSource,
    Indicator,
    IndicatorScore,
    Report,
    ScoreCard,
    Section,
)

ORG = "西藏自治区公安厅公安交通管理局"
TITLE = "公安厅交管局转移支付2023年度绩效自评报告"


def sample_indicators() -> list[Indicator]:
    def q(name: str, op: str, value: str, unit: str, l1: str, l2: str) -> Indicator:
        return Indicator(
            name=name, operator=op, target=D(value), target_text=value, actual=D(value), actual_text=value,
            unit=unit, level1=l1, level2=l2,  # type: ignore[arg-type]
        )

    return [
        q("监控网络链路", ">=", "23", "条", "output", "quantity"),
        q("拉林高等级公路点位专线", ">=", "31", "条", "output", "quantity"),
        q("系统验收合格率", "=", "98", "%", "output", "quality"),
        q("系统故障修复时间", "<=", "2", "小时", "output", "timeliness"),
        q("交管局链路每年线路租用成本", "<=", "35.5", "万元", "output", "cost"),
        Indicator(
            name="保障我局办公网络畅通", operator="qualitative", target_text="作用明显", actual_text="作用明显",
            level1="benefit", level2="social",
        ),
        q("正常使用年限", ">=", "1", "年", "benefit", "sustainability"),
        Indicator(
            name="社会公众满意度", operator=">=", target=D(80), target_text="80", actual=D(80), actual_text="80",
            unit="%", level1="satisfaction", level2="satisfaction", deviation_reason="问卷样本偏少，下年扩大调查范围",
        ),
    ]


def sample_sections() -> list[Section]:
    return [
        Section(None, "", 0, "按照通知要求，现将交管局转移支付2023年度绩效自评报告如下："),
        Section(
            "一", "绩效目标分解下达情况", 1,
            "信息系统维保、网络租赁、智能卡口链路租赁项目预算批复于2023年1月下达。\n"
            "其中交管局各信息系统维保项目需要重新招标。",
        ),
        Section("二", "绩效情况分析", 1, ""),
        Section("（一）", "资金投入情况分析", 2, "本项目包含四个部分，截止2023年底已投入90%。"),
        Section("（二）", "资金管理情况分析", 2, "本项目严格按照资金管理相关要求，资金支付按照合同约定支付。"),
        Section("（三）", "总体绩效目标完成情况分析", 2, "总体绩效目标完成良好。"),
        Section("（四）", "绩效指标完成情况分析", 2, "三级指标\n指标性质\n监控网络链路\n≥\n23"),
        Section(
            "三", "偏离绩效目标的原因和下一步改进措施", 1,
            "公安交通管理综合应用平台维保项目因招投标流程慢导致完成率低。\n下一步措施：加快招投标工作。",
        ),
        Section("四", "绩效自评结果拟应用和公开情况", 1, "交管局对绩效自评结果，作为下年度项目预算参考依据。"),
        Section("五", "其他需要说明的问题", 1, "无"),
    ]


def sample_report() -> Report:
    return Report(
        title=TITLE,
        organization=ORG,
        recipient="自治区财政厅",
        fiscal_year=2023,
        kind="transfer_payment",
        budget=Budget(
            initial=D("1070.07"),
            annual=D("1070.07"),
            executed=D("838.41"),
            stated_execution_rate=D("78.35"),
            stated_execution_rate_text="78.35%",
            sources=[
                FundSource("当年财政拨款", D("1000.00"), D("1000.00"), D("800.00")),
                FundSource("上年结转资金", D("70.07"), D("70.07"), D("38.41")),
            ],
            weight=D(10),
            origin="prose",
        ),
        indicators=sample_indicators(),
        sections=sample_sections(),
        overall_goal="为全区交通管理业务系统提供安全、稳定、快捷、通畅的线路服务。",
        overall_goal_actual="总体绩效目标完成良好。",
    )


def sample_score(report: Report) -> ScoreCard:
    weights = [D(10)] * 5 + [D(15), D(15), D(10)]
    assert report.budget is not None and report.budget.execution_rate is not None
    rate = report.budget.execution_rate
    budget = D(10) * rate / D(100)
    return ScoreCard(
        policy="mof-2020",
        budget_weight=D(10),
        budget=budget,
        execution_rate=rate,
        pool_weights={"output": D(50), "benefit": D(30), "satisfaction": D(10)},
        pools={"output": D(50), "benefit": D(30), "satisfaction": D(10)},
        indicators=[
            IndicatorScore(index=i, max_score=w, score=w, met=True, basis="met") for i, w in enumerate(weights)
        ],
        total=budget + D(90),
        grade="优",
    )


def sample_findings() -> list[Finding]:
    return [
        Finding("B03", "warning", "预算执行率78.35%，低于90%。", "budget", {"execution_rate": 78.35, "threshold": 90}),
        Finding("I01", "warning", "实际完成值与年度指标值完全相同的定量指标占100%。", "document", {"share": 100}),
        Finding("I03", "warning", "预算执行率低于90%，但产出指标全部完成。", "budget", {}),
        Finding(
            "I02", "error", "指标“社会公众满意度”未完成且未说明偏差原因。", "indicator:7", {"target": 95, "actual": 80}
        ),
        Finding("T01", "info", "定性指标“保障我局办公网络畅通”的目标“作用明显”不可衡量。", "indicator:5", {}),
    ]


def sample_result() -> CheckResult:
    report = sample_report()
    return CheckResult(
        source="examples/seed-report-2023-traffic-police.txt",
        format="text",
        report=report,
        score=sample_score(report),
        findings=sample_findings(),
    )


def project_result() -> CheckResult:
    """The sample as a project (its form: the 10号文 项目支出绩效自评表). The sample itself is a transfer
    payment, written in the 中央对地方转移支付区域绩效自评表's layout."""
    result = sample_result()
    assert result.report is not None
    result.report.kind = "project"
    return result


# --- round trips: the seed report read, written, read back ---------------------------------------


def indicator_key(ind: Indicator, squeeze: bool = False) -> tuple[object, ...]:
    """What must survive a round trip. ``squeeze`` drops whitespace inside texts (a PDF wraps cells
    at spaces and its reader joins CJK lines without one)."""

    from jixiao.writers._common import OPERATOR_SYMBOLS, value_text

    def t(text: str | None) -> str | None:
        if text is None or not squeeze:
            return text
        return "".join(text.split())

    def v(text: str) -> str | None:  # the written table prints the operator and unit once, not in the value
        return t(value_text(text, OPERATOR_SYMBOLS.get(ind.operator, ""), ind.unit or ""))

    return (
        t(ind.name), ind.operator, ind.target, v(ind.target_text), ind.actual, v(ind.actual_text), ind.unit,
        ind.level1, ind.level2,
    )


def score_key(card: ScoreCard) -> tuple[object, ...]:
    """Budget score, pools, total (as shown) and grade."""
    from jixiao.values import fmt

    return fmt(card.budget), {k: fmt(v) for k, v in card.pools.items()}, fmt(card.total), card.grade


def shown_scores(result: CheckResult) -> list[str]:
    """The 得分 column a writer shows for ``result``."""
    from jixiao.values import fmt
    from jixiao.writers._common import indicator_rows

    return [fmt(r.review_score) for r in indicator_rows(result)]


def scores_of(card: ScoreCard) -> list[str]:
    from jixiao.values import fmt

    return [fmt(s.score) for s in card.indicators]


def roundtrip_sample(write: Callable[[CheckResult, Path], None], out: Path) -> tuple[CheckResult, CheckResult]:
    """The seed report checked, written with ``write`` to ``out``, and checked again from there."""
    from jixiao.app import check_file
    from jixiao.policy import load_policy
    from tests.conftest import SAMPLE

    policy = load_policy()
    first = check_file(SAMPLE, policy)
    write(first, out)
    return first, check_file(out, policy)


def check_text(tmp_path: Path, text: str) -> CheckResult:
    """Check a text document written to ``tmp_path``; it must read."""
    from jixiao.app import check_file
    from jixiao.policy import load_policy

    path = tmp_path / "自评表.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, load_policy())
    assert result.error is None and result.report is not None
    return result
