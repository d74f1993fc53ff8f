"""What every writer shows, computed once: titles, section texts, indicator rows, score rows.

Pure: turns a ``CheckResult`` into plain strings and Decimals. The docx, html/pdf and xlsx writers
only lay these out, so the three formats always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from jixiao.model import CheckResult, Indicator, IndicatorScore, Report, ScoreCard
from jixiao.values import fmt

TWO_PLACES = Decimal("0.01")

OPERATOR_SYMBOLS: dict[str, str] = {
    ">=": "≥",
    "<=": "≤",
    "=": "＝",
    ">": "＞",
    "<": "＜",
    "qualitative": "定性",
}
OPERATOR_CHOICES: tuple[str, ...] = ("≥", "≤", "＝", "＞", "＜", "定性")

LEVEL1_NAMES: dict[str, str] = {
    "output": "产出指标",
    "benefit": "效益指标",
    "satisfaction": "满意度指标",
    "cost": "成本指标",
}
LEVEL2_NAMES: dict[str, str] = {
    "quantity": "数量指标",
    "quality": "质量指标",
    "timeliness": "时效指标",
    "cost": "成本指标",
    "economic": "经济效益指标",
    "social": "社会效益指标",
    "ecological": "生态效益指标",
    "sustainability": "可持续影响指标",
    "satisfaction": "服务对象满意度指标",
    "economic_cost": "经济成本指标",
    "social_cost": "社会成本指标",
    "ecological_cost": "生态环境成本指标",
}
SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}

# The usual 一级/二级 pairs that pre-label the empty rows of a blank form.
BLANK_LEVEL_ROWS: tuple[tuple[str, str], ...] = (
    ("产出指标", "数量指标"),
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
    ("满意度指标", "服务对象满意度指标"),
)

INDICATOR_HEADER: tuple[str, ...] = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "年度指标值",
    "度量单位",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)
SCORE_HEADER: tuple[str, ...] = ("评分项目", "分值", "得分")

NONE_TEXT = "无"


def round2(value: Decimal) -> Decimal:
    """Half-up to 2 decimals (display rounding)."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def plain_number(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 23 → "23", 35.50 → "35.5"."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def as_decimal(text: str) -> Decimal | None:
    """The number a cell text is, when it is exactly a plain number ("23", "815.31"); else None."""
    t = text.strip().replace(",", "")
    if not t or any(c not in "0123456789.-+" for c in t):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def report_title(report: Report) -> str:
    if report.title:
        return report.title
    org = report.organization or ""
    year = f"{report.fiscal_year}年度" if report.fiscal_year else ""
    return f"{org}{year}绩效自评报告"


BLANK_FILL = "________________"


def recipient_line(report: Report) -> str:
    """The addressee as the document (or --recipient) names it; a visible blank to fill otherwise,
    never an invented one."""
    name = (report.recipient or "").strip().rstrip("：:")
    return f"{name or BLANK_FILL}："


def section_text(report: Report, *alternatives: tuple[str, ...]) -> str | None:
    """The body of the first section matching one of the keyword tuples (tried in order)."""
    for keywords in alternatives:
        s = report.section(*keywords)
        if s is not None:
            return s.text.strip()
    return None


def paragraphs(text: str | None) -> list[str]:
    """Non-empty lines of a section body, stripped; ["无"] when there is nothing."""
    if not text:
        return [NONE_TEXT]
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    return lines or [NONE_TEXT]


def budget_sentence(report: Report) -> str | None:
    b = report.budget
    if b is None or not b.usable:
        return None
    assert b.annual is not None and b.executed is not None
    rate = b.execution_rate
    text = f"全年预算数{fmt(b.annual)}万元，全年执行数{fmt(b.executed)}万元"
    if rate is not None:
        text += f"，预算执行率{fmt(rate)}%"
    return text + "。"


# --- indicator rows -----------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    level1: str
    level2: str
    name: str
    operator: str  # ≥ ≤ ＝ ＞ ＜ 定性
    target: str
    target_value: Decimal | None  # set when the target text is exactly this number
    unit: str
    actual: str
    actual_value: Decimal | None
    weight: Decimal | None
    score: Decimal | None
    reason: str


def _value_text(value: Decimal | None, text: str) -> tuple[str, Decimal | None]:
    """The text to show and, when the text is just that number, the number."""
    t = text.strip()
    if not t and value is not None:
        t = plain_number(value)
    number = as_decimal(t)
    if number is not None and value is not None and number == value:
        return t, value
    return t, None


def indicator_row(ind: Indicator, s: IndicatorScore | None) -> IndicatorRow:
    target, target_value = _value_text(ind.target, ind.target_text)
    actual, actual_value = _value_text(ind.actual, ind.actual_text)
    weight = s.max_score if s is not None else ind.weight
    score = s.score if s is not None else ind.stated_score
    return IndicatorRow(
        level1=LEVEL1_NAMES.get(ind.level1 or "", ""),
        level2=LEVEL2_NAMES.get(ind.level2 or "", ""),
        name=ind.name,
        operator=OPERATOR_SYMBOLS.get(ind.operator, ind.operator_text or ""),
        target=target,
        target_value=target_value,
        unit=ind.unit or "",
        actual=actual,
        actual_value=actual_value,
        weight=weight,
        score=score,
        reason=(ind.deviation_reason or "").strip(),
    )


def indicator_rows(result: CheckResult) -> list[IndicatorRow]:
    report = result.report
    if report is None:
        return []
    by_index: dict[int, IndicatorScore] = {}
    if result.score is not None:
        by_index = {s.index: s for s in result.score.indicators}
    rows = [indicator_row(ind, by_index.get(i)) for i, ind in enumerate(report.indicators)]
    # Shown weights of one 一级 group add up to the group's rounded total (23 × 50/23 shows as
    # 9 × 2.18 + 14 × 2.17 = 50.00, not 49.91): the written table then adds up, and reading it back
    # as stated weights scores the same. A met indicator shows its shown weight as its score.
    groups: dict[str, list[int]] = {}
    for i, ind in enumerate(report.indicators):
        if rows[i].weight is not None:
            groups.setdefault(ind.level1 or "", []).append(i)
    for members in groups.values():
        exact = [rows[i].weight for i in members]
        shown = apportion([w for w in exact if w is not None])
        for i, w in zip(members, shown, strict=True):
            row = rows[i]
            if row.score is not None and row.score == row.weight:
                row.score = w
            elif row.score is not None:
                row.score = round2(row.score)
            row.weight = w
    return rows


def apportion(values: list[Decimal]) -> list[Decimal]:
    """Round to 2 decimals so that the parts add up to the rounded whole (largest remainder).

    Values already at 2 decimals are returned unchanged.
    """
    if not values:
        return []
    target = round2(sum(values, Decimal(0)))
    floors = [v.quantize(TWO_PLACES, rounding=ROUND_FLOOR) for v in values]
    units = int((target - sum(floors, Decimal(0))) / TWO_PLACES)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i]), i))
    out = list(floors)
    for i in order[: max(units, 0)]:
        out[i] += TWO_PLACES
    return out


def indicator_cells(row: IndicatorRow) -> list[str]:
    """The ten cells of the indicator table, as text (scores with 2 decimals)."""
    return [
        row.level1,
        row.level2,
        row.name,
        row.operator,
        row.target,
        row.unit,
        row.actual,
        fmt(row.weight),
        fmt(row.score),
        row.reason,
    ]


def runs(values: list[str]) -> list[tuple[int, int]]:
    """(start, end) index pairs, end exclusive, of consecutive equal non-empty values."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if values[start]:
                out.append((start, i))
            start = i
    return out


# --- score rows ---------------------------------------------------------------------------------

POOL_NAMES: tuple[tuple[str, str], ...] = (
    ("output", "产出指标"),
    ("benefit", "效益指标"),
    ("satisfaction", "满意度指标"),
    ("cost", "成本指标"),
)


@dataclass
class ScoreRow:
    label: str
    weight: str
    score: str


def score_rows(card: ScoreCard) -> list[ScoreRow]:
    """预算执行 / 产出 / 效益 / 满意度 (/ 成本 when it has a pool) / 总分 / 评价等级."""
    rows = [ScoreRow("预算执行", fmt(card.budget_weight), fmt(card.budget))]
    for key, label in POOL_NAMES:
        weight = card.pool_weights.get(key)
        if key == "cost" and not weight and not card.pools.get(key):
            continue
        rows.append(ScoreRow(label, fmt(weight), fmt(card.pools.get(key, Decimal(0)))))
    rows.append(ScoreRow("总分", "100.00", fmt(card.total)))
    rows.append(ScoreRow("评价等级", "", card.grade))
    return rows


# --- the report as neutral blocks -----------------------------------------------------------------


@dataclass
class Block:
    kind: Literal["title", "heading1", "heading2", "paragraph", "recipient", "signature", "table"]
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    table: Literal["indicators", "scores", ""] = ""


GOAL_SECTION = (("分解下达",), ("目标", "下达"), ("基本情况",))
INPUT_SECTION = (("资金投入",),)
MANAGEMENT_SECTION = (("资金管理",),)
OVERALL_SECTION = (("总体", "目标"),)
INDICATOR_SECTION = (("指标完成",), ("绩效指标", "情况"))
DEVIATION_SECTION = (("偏离",), ("原因", "改进"))
APPLICATION_SECTION = (("结果", "应用"), ("应用", "公开"), ("公开",))
OTHER_SECTION = (("其他",),)


def _looks_like_prose(line: str) -> bool:
    return len(line) >= 20 and line.endswith(("。", "；", "！", "：", "…"))


def report_blocks(result: CheckResult) -> list[Block]:
    """The self-evaluation report in the standard outline, format-neutral."""
    report = result.report or Report()
    blocks: list[Block] = [Block("title", report_title(report)), Block("recipient", recipient_line(report))]

    def body(alternatives: tuple[tuple[str, ...], ...]) -> None:
        for p in paragraphs(section_text(report, *alternatives)):
            blocks.append(Block("paragraph", p))

    blocks.append(Block("heading1", "一、绩效目标分解下达情况"))
    goal_text = section_text(report, *GOAL_SECTION)
    sentence = budget_sentence(report)
    goal_lines = paragraphs(goal_text) if goal_text else []
    # The budget sentence always has a short paragraph of its own, so that a reader finds it even
    # where the section's own wording of it is wrapped across lines (PDF).
    goal_lines += [sentence] if sentence else []
    for p in goal_lines or [NONE_TEXT]:
        blocks.append(Block("paragraph", p))

    blocks.append(Block("heading1", "二、绩效情况分析"))
    blocks.append(Block("heading2", "（一）资金投入情况分析"))
    body(INPUT_SECTION)
    blocks.append(Block("heading2", "（二）资金管理情况分析"))
    body(MANAGEMENT_SECTION)
    blocks.append(Block("heading2", "（三）总体绩效目标完成情况分析"))
    body(OVERALL_SECTION)
    blocks.append(Block("heading2", "（四）绩效指标完成情况分析"))
    rows = indicator_rows(result)
    # Only the prose of the indicator section: a text reader may have left table cells in it.
    prose = [p for p in paragraphs(section_text(report, *INDICATOR_SECTION)) if _looks_like_prose(p)]
    for p in prose:
        blocks.append(Block("paragraph", p))
    if rows:
        blocks.append(
            Block("table", header=list(INDICATOR_HEADER), rows=[indicator_cells(r) for r in rows], table="indicators")
        )
    elif not prose:
        blocks.append(Block("paragraph", NONE_TEXT))
    if result.score is not None:
        blocks.append(
            Block(
                "table",
                header=list(SCORE_HEADER),
                rows=[[r.label, r.weight, r.score] for r in score_rows(result.score)],
                table="scores",
            )
        )

    blocks.append(Block("heading1", "三、偏离绩效目标的原因和下一步改进措施"))
    body(DEVIATION_SECTION)
    blocks.append(Block("heading1", "四、绩效自评结果拟应用和公开情况"))
    body(APPLICATION_SECTION)
    blocks.append(Block("heading1", "五、其他需要说明的问题"))
    body(OTHER_SECTION)
    if report.organization:
        blocks.append(Block("signature", report.organization))
    return blocks
