"""What every writer shows, computed once: titles, section texts, indicator rows, score rows.

Pure: turns a ``CheckResult`` into plain strings and Decimals. The docx, html/pdf and xlsx writers
only lay these out, so the three formats always say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Literal

from jixiao.model import (
    Budget,
    CheckResult,
    FundSource,
    Indicator,
    IndicatorScore,
    Provenance,
    Report,
    ScoreCard,
    Section,
)
from jixiao.readers import headers
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
    weight: Decimal | None  # the 分值 as the unit stated it
    score: Decimal | None  # the 得分 as the unit stated it
    reason: str
    review_weight: Decimal | None = None  # the weight under the policy (display-rounded, adds up to the pool)
    review_score: Decimal | None = None  # the computed score
    index: int = 0  # position in Report.indicators
    operator_stated: bool = True  # the document wrote the operator (not implied by the reader)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，＋－", "0123456789.%,+-")
_LEADING_OPERATOR = re.compile(
    r"^(≥|≤|>=|<=|＞|＜|>|<|＝|=|不低于|不高于|不少于|不超过|不大于|不小于|大于|小于|等于)\s*")


def value_text(text: str, operator: str, unit: str) -> str:
    """A target/actual as officials write it in a table that has 指标性质 and 度量单位 columns:
    full-width digits made plain, the operator and unit not repeated in the cell."""
    t = text.strip().translate(_FULL_WIDTH)
    if operator and operator != "定性":
        t = _LEADING_OPERATOR.sub("", t)
    if unit and t.endswith(unit) and as_decimal(t[: -len(unit)].strip()) is not None:
        t = t[: -len(unit)].strip()
    return t


def _value_text(value: Decimal | None, text: str, operator: str = "", unit: str = "") -> tuple[str, Decimal | None]:
    """The text to show and, when the text is just that number, the number."""
    t = value_text(text, operator, unit)
    if not t and value is not None:
        t = plain_number(value)
    number = as_decimal(t)
    if number is not None and value is not None and number == value:
        return t, value
    return t, None


def indicator_row(ind: Indicator, s: IndicatorScore | None, index: int = 0) -> IndicatorRow:
    operator = OPERATOR_SYMBOLS.get(ind.operator, ind.operator_text or "")
    unit = (ind.unit or "").strip().translate(_FULL_WIDTH)
    target, target_value = _value_text(ind.target, ind.target_text, operator, unit)
    actual, actual_value = _value_text(ind.actual, ind.actual_text, operator, unit)
    return IndicatorRow(
        level1=LEVEL1_NAMES.get(ind.level1 or "", ""),
        level2=LEVEL2_NAMES.get(ind.level2 or "", ""),
        name=ind.name,
        operator=operator,
        target=target,
        target_value=target_value,
        unit=unit,
        actual=actual,
        actual_value=actual_value,
        weight=ind.weight,
        score=ind.stated_score,
        reason=(ind.deviation_reason or "").strip(),
        review_weight=s.max_score if s is not None else None,
        review_score=s.score if s is not None else None,
        index=index,
        operator_stated=bool(ind.operator_text.strip() or _LEADING_OPERATOR.match(ind.target_text.strip())),
    )


LEVEL1_ORDER = {name: k for k, name in enumerate(("产出指标", "效益指标", "满意度指标", "成本指标", ""))}


def indicator_rows(result: CheckResult) -> list[IndicatorRow]:
    """The indicator rows; where the levels were inferred, grouped by 一级 (the document's order within)."""
    report = result.report
    if report is None:
        return []
    by_index: dict[int, IndicatorScore] = {}
    if result.score is not None:
        by_index = {s.index: s for s in result.score.indicators}
    rows = [indicator_row(ind, by_index.get(i), i) for i, ind in enumerate(report.indicators)]
    # Shown weights of one 一级 group add up to the group's rounded total (23 × 50/23 shows as
    # 9 × 2.18 + 14 × 2.17 = 50.00, not 49.91): the written table then adds up, and reading it back
    # as stated weights scores the same. A met indicator shows its shown weight as its score.
    groups: dict[str, list[int]] = {}
    for i, ind in enumerate(report.indicators):
        if rows[i].review_weight is not None:
            groups.setdefault(ind.level1 or "", []).append(i)
    for members in groups.values():
        exact = [rows[i].review_weight for i in members]
        shown = apportion([w for w in exact if w is not None])
        for i, w in zip(members, shown, strict=True):
            row = rows[i]
            if row.review_score is not None and row.review_score == row.review_weight:
                row.review_score = w
            elif row.review_score is not None:
                row.review_score = round2(row.review_score)
            row.review_weight = w
    if any(ind.levels_inferred for ind in report.indicators):
        rows.sort(key=lambda r: LEVEL1_ORDER.get(r.level1, len(LEVEL1_ORDER)))
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
    """The ten cells of the indicator table, as text: 分值/得分 as the unit stated them (2 decimals)."""
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


# --- the transfer-payment form's indicator table ------------------------------------------------------

TRANSFER_HEADER: tuple[str, ...] = ("一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析")
SCORE_COLUMNS: tuple[str, ...] = ("分值", "得分")


def is_transfer(report: Report | None) -> bool:
    """A transfer payment (by what the document calls itself, or by the form it filled): its form is the
    中央对地方转移支付区域绩效自评表, not the 10号文 项目支出绩效自评表."""
    return report is not None and (report.kind == "transfer_payment" or report.layout == "transfer")


def _with_unit(text: str, unit: str) -> str:
    """A number gets its unit back (the 10号文 table has a 度量单位 column, this form has none)."""
    if text and unit and as_decimal(text) is not None:
        return f"{text}{unit}"
    return text


def target_cell(row: IndicatorRow) -> str:
    """指标值 as one cell: the operator (when the document wrote one), the value and its unit (≥180人)."""
    op = "" if row.operator == "定性" or not row.target or not row.operator_stated else row.operator
    return f"{op}{_with_unit(row.target, row.unit)}"


def actual_cell(row: IndicatorRow) -> str:
    return _with_unit(row.actual, row.unit)


def transfer_cells(row: IndicatorRow, scores: bool) -> list[str]:
    """One indicator row of the transfer form, as text (docx/html writers)."""
    cells = [row.level1, row.level2, row.name, target_cell(row), actual_cell(row), row.reason]
    if scores:
        cells += [fmt(row.weight), fmt(row.score)]  # as stated, two places like the 10号文 table
    return cells


def transfer_header(scores: bool) -> list[str]:
    return [*TRANSFER_HEADER, *(SCORE_COLUMNS if scores else ())]


# the form's fund rows and the words that find a source in them (中央补助 / 地方资金 / 其他资金)
TRANSFER_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("其中：中央补助", ("中央",)),
    ("地方资金", ("地方", "省级", "市级", "县级", "本级", "配套")),
    ("其他资金", ("其他",)),
)
TRANSFER_FUNDS: tuple[str, ...] = ("年度资金总额", *(label for label, _ in TRANSFER_SOURCES))

@dataclass
class FundLine:
    label: str
    annual: Decimal | None = None
    executed: Decimal | None = None
    rate: Decimal | None = None


def stated_rate(budget: Budget | None) -> Decimal | None:
    """The 执行率 as the unit wrote it; from its own amounts (B/A) when it wrote none."""
    if budget is None:
        return None
    return budget.stated_execution_rate if budget.stated_execution_rate is not None else budget.execution_rate


def _rate(annual: Decimal | None, executed: Decimal | None) -> Decimal | None:
    if annual is None or executed is None or annual == 0:
        return None
    return executed / annual * 100


def transfer_fund_lines(report: Report) -> list[FundLine]:
    """The transfer form's 资金情况 rows: 年度资金总额, 其中：中央补助, 地方资金, 其他资金 (and any other source)."""
    budget = report.budget
    if budget is None:
        return [FundLine(label) for label in TRANSFER_FUNDS]
    lines = [FundLine("年度资金总额", budget.annual, budget.executed, stated_rate(budget))]
    used: set[int] = set()
    sources = budget.sources
    for label, words in TRANSFER_SOURCES:
        line = FundLine(label)
        for i, src in enumerate(sources):
            if i not in used and any(w in src.name for w in words):
                line = FundLine(label, src.annual, src.executed, _rate(src.annual, src.executed))
                used.add(i)
                break
        lines.append(line)
    # a source the form has no row for (上年结转, 财政拨款 …) gets a row of its own: nothing is lost
    lines += [_extra(src) for i, src in enumerate(sources) if i not in used]
    return lines


def _extra(src: FundSource) -> FundLine:
    return FundLine(src.name, src.annual, src.executed, _rate(src.annual, src.executed))


FUNDS_HEADER: tuple[str, ...] = ("资金情况（万元）", "全年预算数(A)", "全年执行数(B)", "执行率（B/A）")
GOAL_HEADER: tuple[str, ...] = ("年度总体目标", "实际完成情况")
# the 10号文 项目支出绩效自评表's 项目资金 block
PROJECT_FUNDS_HEADER: tuple[str, ...] = ("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数",
                                         "分值", "执行率", "得分")


def transfer_head_blocks(report: Report) -> list[Block]:
    """The transfer form's 资金情况 and 年度总体目标 as the unit filled them (rows it left empty left out;
    the goal only when the document has the form's goal cells: a narrative says it in its own words)."""
    blocks: list[Block] = []
    if report.budget is not None:
        lines = [ln for k, ln in enumerate(transfer_fund_lines(report))
                 if k == 0 or ln.annual is not None or ln.executed is not None]
        scale, unit = amounts_unit([v for ln in lines for v in (ln.annual, ln.executed)])
        rows = [[ln.label, _amount(ln.annual, scale), _amount(ln.executed, scale),
                 f"{fmt(ln.rate)}%" if ln.rate is not None else ""] for ln in lines]
        header = [FUNDS_HEADER[0].replace("万元", unit), *FUNDS_HEADER[1:]]
        blocks.append(Block("table", header=header, rows=rows, table="funds"))
    if report.overall_goal or report.overall_goal_actual:
        blocks.append(Block("table", header=list(GOAL_HEADER),
                            rows=[[report.overall_goal or "", report.overall_goal_actual or ""]], table="goal"))
    return blocks


def project_funds_block(report: Report) -> Block | None:
    """The 10号文 form's 项目资金 as the unit filled it: 年度资金总额 with its 分值, 执行率 and 得分 (blank
    where the unit wrote none), then each source it gave an amount for."""
    b = report.budget
    if b is None or (b.initial is None and b.annual is None and b.executed is None):
        return None
    rate = plain_number(b.stated_execution_rate) if b.stated_execution_rate is not None else \
        fmt(b.execution_rate) if b.execution_rate is not None else ""  # 99% as written, B/A to 2 decimals
    sources = [src for src in b.sources
               if src.initial is not None or src.annual is not None or src.executed is not None]
    scale, unit = amounts_unit([b.initial, b.annual, b.executed,
                                *(v for src in sources for v in (src.initial, src.annual, src.executed))])
    rows = [["年度资金总额", _amount(b.initial, scale), _amount(b.annual, scale), _amount(b.executed, scale),
             fmt(b.weight) if b.weight is not None else "", f"{rate}%" if rate else "",
             fmt(b.stated_score) if b.stated_score is not None else ""]]
    rows += [[src.name, _amount(src.initial, scale), _amount(src.annual, scale), _amount(src.executed, scale),
              "", "", ""] for src in sources]
    header = [PROJECT_FUNDS_HEADER[0].replace("万元", unit), *PROJECT_FUNDS_HEADER[1:]]
    return Block("table", header=header, rows=rows, table="projectfunds")


_TEN_THOUSAND = Decimal(10000)


def amounts_unit(values: list[Decimal | None]) -> tuple[Decimal, str]:
    """The unit a fund table is shown in: 万元, as the model holds amounts, unless the document wrote them
    in 元. The model converts 元 to 万元 exactly (387664.62元 → 38.766462万元); a figure with more than four
    decimals in 万元 that is whole 分 in 元 was written in 元, and the table then shows every amount in 元
    as the unit wrote it (387664.62), not a six-decimal 万元 figure the unit never wrote."""
    amounts = [v for v in values if v is not None]
    fine = [v for v in amounts if v != v.quantize(Decimal("0.0001"))]
    if fine and all((v * _TEN_THOUSAND) == (v * _TEN_THOUSAND).quantize(Decimal("0.01")) for v in amounts):
        return _TEN_THOUSAND, "元"
    return Decimal(1), "万元"


def _amount(value: Decimal | None, scale: Decimal = Decimal(1)) -> str:
    return plain_number(value * scale) if value is not None else ""  # as the unit wrote it (29.6, 387664.62)


def stated_scores(rows: list[IndicatorRow]) -> bool:
    """Whether the unit stated a 分值 or 得分 on some indicator (the transfer form then shows them)."""
    return any(r.weight is not None or r.score is not None for r in rows)


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
    kind: Literal["title", "heading1", "heading2", "heading3", "paragraph", "recipient", "signature", "date",
                  "note", "table", "issuer", "docno"]
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    table: Literal["indicators", "transfer", "funds", "projectfunds", "goal", "scores", "review", ""] = ""


GOAL_SECTION = (("分解下达",), ("目标", "下达"), ("基本情况",))
INPUT_SECTION = (("资金投入",),)
MANAGEMENT_SECTION = (("资金管理",),)
OVERALL_SECTION = (("总体", "目标"),)
INDICATOR_SECTION = (("指标完成",), ("绩效指标", "情况"))
DEVIATION_SECTION = (("偏离",), ("原因", "改进"))
APPLICATION_SECTION = (("结果", "应用"), ("应用", "公开"), ("公开",))
OTHER_SECTION = (("其他",),)

# The parts of the standard outline (财预〔2020〕10号 附件), to say which ones a report lacks.
STANDARD_PARTS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("绩效目标分解下达情况", GOAL_SECTION),
    ("资金投入情况分析", INPUT_SECTION),
    ("资金管理情况分析", MANAGEMENT_SECTION),
    ("总体绩效目标完成情况分析", OVERALL_SECTION),
    ("绩效指标完成情况分析", INDICATOR_SECTION),
    ("偏离绩效目标的原因和下一步改进措施", DEVIATION_SECTION),
    ("绩效自评结果拟应用和公开情况", APPLICATION_SECTION),
    ("其他需要说明的问题", OTHER_SECTION),
)

TOOL = "jixiao"
REVIEW_HEADER: tuple[str, ...] = ("序号", "三级指标", "复核分值", "复核得分", "复核说明")
SCORE_TABLE_HEADER: tuple[str, ...] = ("评分项目", "分值", "自评得分", "复核得分")

_DATE_LINE = re.compile(r"^[\d〇○一二三四五六七八九十零Ｏ０-９]{2,4}\s*年\s*[\d一二三四五六七八九十０-９]{1,2}\s*月"
                        r"\s*[\d一二三四五六七八九十０-９]{1,3}\s*日$")


def _looks_like_prose(line: str) -> bool:
    return len(line) >= 20 and line.endswith(("。", "；", "！", "：", "…"))


def _heading_kind(level: int) -> Literal["heading1", "heading2", "heading3"]:
    return "heading1" if level <= 1 else "heading2" if level == 2 else "heading3"


def heading_text(s: Section) -> str:
    """The heading as the document wrote it; its number put back where the reader kept it apart."""
    title = s.title.strip()
    number = (s.number or "").strip()
    half = str.maketrans("（）", "()")
    if not number or title.translate(half).startswith((number.translate(half), number.strip("（）()"))):
        return title  # the number is already in the title, in either width of bracket
    if number.startswith(("（", "(")):
        return f"{number}{title}"
    if number.isdigit():
        return f"{number}.{title}"
    return f"{number}、{title}"


def _matches(title: str, alternatives: tuple[tuple[str, ...], ...]) -> bool:
    return any(all(k in title for k in keys) for keys in alternatives)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _closing(report: Report, lines: list[str]) -> tuple[list[str], list[Block]]:
    """Split the signature (the unit's name), the date and 附件 lines off the end of the last section."""
    closing: list[Block] = []
    org = (report.organization or "").strip()
    while lines:
        last = lines[-1]
        compact = re.sub(r"\s+", "", last)
        if _DATE_LINE.match(compact):
            closing.insert(0, Block("date", last))
        elif org and re.sub(r"[（(]盖章[）)]$", "", compact) == re.sub(r"\s+", "", org):
            closing.insert(0, Block("signature", last))
        else:
            break
        lines = lines[:-1]
    return lines, closing


def missing_parts(report: Report, rows: list[IndicatorRow]) -> list[str]:
    """The standard parts the document has no section for (a reason column counts for 偏离原因)."""
    titles = [s.title for s in report.sections if s.number is not None or s.title]
    missing: list[str] = []
    for name, alternatives in STANDARD_PARTS:
        if any(_matches(t, alternatives) for t in titles):
            continue
        if alternatives is DEVIATION_SECTION and any(r.reason for r in rows):
            continue
        if alternatives is INDICATOR_SECTION and rows:
            continue
        missing.append(name)
    return missing


_FORM_YEAR_LINE = re.compile(r"^[（(]?20\d{2}年度?[)）]?$")
_CELL_MARKS = re.compile(r"[|｜—\-－_＿\s]+")


@cache
def _form_labels() -> frozenset[str]:
    """The labels of a form's cells (项目名称, 年初预算数, 年度总体目标, 三级指标 …), from data/headers.toml."""
    data = headers.data()
    labels: set[str] = set()
    for group in ("indicator", "fund", "fund_rows", "fields", "special_rows"):
        for words in data.get(group, {}).values():
            labels.update(words)
    labels.update(data.get("stream", {}).get("groups", []))
    return frozenset(labels)


def _form_field_line(compact: str) -> bool:
    """A "label：value" line of the form's head (填报单位：…, 主管部门：…): the unit's own words."""
    m = re.match(r"^([^：:]+)[：:](.+)$", compact)
    return m is not None and m.group(1) in _form_labels()


def _names_a_form(line: str) -> bool:
    from jixiao.writers.form_xlsx import names_a_form  # form_xlsx builds on this module

    return len(line) <= 30 and names_a_form(line)


def _goal_in_form(report: Report) -> bool:
    """A form-only document with a 年度总体目标 the reader found (its goal table then shows it)."""
    return bool(report.overall_goal or report.overall_goal_actual) and not any(
        s.number is not None or s.title for s in report.sections)


def _preamble(report: Report) -> list[str]:
    """The lines before the first heading, without the title and addressee lines, and without the cells of
    a form the document holds (pipe rows, or one cell a line once a form label is met): the form's tables
    show them, and cell after cell is no prose. The unit's sentences and its "填报单位：…" lines stay."""
    skip = {re.sub(r"\s+", "", t) for t in (report.title or "", report.recipient or "")}
    goal = {re.sub(r"\s+", "", t) for t in (report.overall_goal or "", report.overall_goal_actual or "") if t} \
        if _goal_in_form(report) and not is_transfer(report) else set()
    out: list[str] = []
    in_form = False
    for s in report.sections:
        if s.number is not None or s.title:
            break
        for line in _lines(s.text):
            compact = re.sub(r"\s+", "", line).rstrip("：:")
            if compact in skip or (report.title and compact and compact in re.sub(r"\s+", "", report.title)):
                continue
            if "\t" in line or _FORM_YEAR_LINE.match(compact):
                continue  # a form's cells (项目名称 | …) and its （2022年度） line: the form's tables show them
            if line.startswith(("|", "｜")) or line.endswith(("|", "｜")) or not _CELL_MARKS.sub("", compact):
                continue  # a table row as text (| 项目名称 | … |), or a row of empty cells (|, —)
            if compact in _form_labels():
                in_form = True
                continue
            if _names_a_form(compact):
                continue  # the form's own title (项目支出绩效自评表) under the document's: the report has its title
            if sum(token in _form_labels() for token in line.split()) >= 3:
                continue  # a whole form flattened into one line of space-separated cells
            if in_form and (compact in goal or not (_looks_like_prose(line) or _form_field_line(compact))):
                continue  # the form's cells, one a line (the goal is in the form's 年度总体目标 table)
            out.append(line)
    return out


def _mentions_budget(text: str, report: Report) -> bool:
    b = report.budget
    if b is None or b.annual is None or b.executed is None:
        return True
    compact = text.replace(",", "").replace("，", "")
    return any(v in compact for v in (plain_number(b.annual), fmt(b.annual))) and any(
        v in compact for v in (plain_number(b.executed), fmt(b.executed)))


def indicator_notes(result: CheckResult, rows: list[IndicatorRow]) -> list[str]:
    """What the tool did to the unit's figures, said in the document itself."""
    report = result.report
    if report is None:
        return []
    notes: list[str] = []
    shown = {row.index: k + 1 for k, row in enumerate(rows)}  # document index → row in the written table
    inferred = sorted(shown.get(i, i + 1) for i, ind in enumerate(report.indicators) if ind.levels_inferred)
    if inferred:
        notes.append(f"注：原报告未填写{_row_list(inferred, len(report.indicators))}的一级、二级指标，"
                     f"表中所列系 {TOOL} 根据指标名称推断，请核实。")
    fields = {"name": "三级指标", "operator": "指标性质", "target": "年度指标值", "actual": "实际完成值",
              "unit": "度量单位", "weight": "分值", "stated_score": "得分"}
    how_names = {"split": "由粘连的数字拆分得出", "ocr": "经识别纠正", "realigned": "从错位的单元格移入"}
    for i, ind in enumerate(report.indicators):  # one note a row and a kind of correction
        notes += [f"注：第{shown.get(i, i + 1)}行“{ind.name}”的{what}，请对照原件核实。"
                  for what in _corrections(ind, fields, how_names)]
    b = report.budget
    if b is not None:
        names = {"initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数",
                 "stated_execution_rate": "预算执行率", "weight": "预算执行分值", "stated_score": "预算执行得分"}
        notes += [f"注：{what}，请对照原件核实。" for what in _corrections(b, names, how_names)]
    return notes


def _corrections(item: Indicator | Budget, field_names: dict[str, str], how_names: dict[str, str]) -> list[str]:
    """"年度指标值、实际完成值从错位的单元格移入（原件表2第6行第1列、表2第7行第1列）": for each kind of correction
    the tool made to an indicator's or the budget's figures, the fields it touched named together, each place
    once."""
    by_how: dict[str, tuple[list[str], list[str]]] = {}
    for name in item.unsure():
        prov = item.provenance[name]
        names, places = by_how.setdefault(prov.how, ([], []))
        names.append(field_names.get(name, name))
        if prov.where and prov.where not in places:
            places.append(prov.where)
    out: list[str] = []
    for how, (names, places) in by_how.items():
        where = f"（原件{'、'.join(places)}）" if places else ""
        out.append(f"{'、'.join(names)}{how_names.get(how, '')}{where}")
    return out


def _row_list(numbers: list[int], total: int) -> str:
    if len(numbers) == total:
        return "全部指标"
    if len(numbers) > 6:
        return f"第{numbers[0]}–{numbers[-1]}行中的{len(numbers)}项指标"
    return "第" + "、".join(str(n) for n in numbers) + "行"


def stated_score_rows(result: CheckResult) -> list[list[str]]:
    """评分项目 | 分值 | 自评得分 (as the unit stated it) | 复核得分 (computed)."""
    card = result.score
    report = result.report or Report()
    if card is None:
        return []
    b = report.budget
    stated = {"预算执行": fmt(b.stated_score) if b is not None and b.stated_score is not None else "",
              "总分": fmt(report.stated_total) if report.stated_total is not None else "",
              "评价等级": report.stated_grade or ""}
    return [[r.label, r.weight, stated.get(r.label, ""), r.score] for r in score_rows(card)]


def review_rows(result: CheckResult, rows: list[IndicatorRow]) -> list[list[str]]:
    """The computed weight and score of each indicator, next to nothing the unit wrote."""
    report = result.report
    if report is None or result.score is None:
        return []
    by_index = {s.index: s for s in result.score.indicators}
    out: list[list[str]] = []
    for k, row in enumerate(rows):
        ind = report.indicators[row.index]
        s = by_index.get(row.index)
        note = ""
        if s is not None:
            note = {True: "已完成", False: "未完成", None: "无法判断"}[s.met]
            if ind.weight is not None and row.review_weight is not None and round2(ind.weight) != row.review_weight:
                note += "；分值与填报不一致"
            if ind.stated_score is not None and row.review_score is not None and \
                    round2(ind.stated_score) != row.review_score:
                note += "；得分与自评不一致"
        out.append([str(k + 1), ind.name, fmt(row.review_weight), fmt(row.review_score), note])
    return out


def report_blocks(result: CheckResult) -> list[Block]:
    """The self-evaluation report in the unit's own outline and words, format-neutral.

    Nothing is invented: no addressee (a blank to fill), no 无 under a heading the unit did not write
    (the parts it lacks are named in one line), the unit's 分值/得分 as stated (the computed ones in a
    separate 复核 table), and a note wherever the tool inferred or corrected something.
    """
    report = result.report or Report()
    blocks: list[Block] = [Block("title", report_title(report)), Block("recipient", recipient_line(report))]
    blocks += [Block("paragraph", p) for p in _preamble(report)]
    rows = indicator_rows(result)
    sections = [s for s in report.sections if s.number is not None or s.title]
    indicator_at = next((k for k, s in enumerate(sections) if _matches(s.title, INDICATOR_SECTION)), None)
    if indicator_at is None:  # after the last part of 二 (绩效情况分析) or, failing that, before 三
        deviation = next((k for k, s in enumerate(sections) if _matches(s.title, DEVIATION_SECTION)), None)
        indicator_at = (deviation - 1) if deviation else len(sections) - 1
    budget_said = False
    closing: list[Block] = []
    for k, s in enumerate(sections):
        blocks.append(Block(_heading_kind(s.level), heading_text(s)))
        lines = _lines(s.text)
        if k == len(sections) - 1:
            lines, closing = _closing(report, lines)
        if k == indicator_at and _matches(s.title, INDICATOR_SECTION):
            lines = [p for p in lines if _looks_like_prose(p)]  # a text reader may have left table cells here
        blocks += [Block("paragraph", p) for p in lines]
        if _matches(s.title, GOAL_SECTION) and not budget_said:
            budget_said = True
            sentence = budget_sentence(report)
            if sentence and not _mentions_budget(s.text, report):
                blocks.append(Block("paragraph", sentence))
        if k == indicator_at:
            blocks += _indicator_blocks(result, rows)
    if not sections:  # a form only (no outline): the 10号文 form's 年度总体目标 as the unit filled it, then its table
        funds = None if is_transfer(report) else project_funds_block(report)
        if funds is not None and (rows or _goal_in_form(report)):  # a form's block, not figures read from prose
            blocks.append(funds)
        if not is_transfer(report) and _goal_in_form(report):
            blocks.append(Block("table", header=list(GOAL_HEADER),
                                rows=[[report.overall_goal or "", report.overall_goal_actual or ""]], table="goal"))
        blocks += _indicator_blocks(result, rows)
    missing = missing_parts(report, rows)
    if missing:
        blocks.append(Block("note", f"注：原报告未见以下部分：{'、'.join(missing)}。"))
    if not any(b.kind == "signature" for b in closing) and report.organization:
        closing.insert(0, Block("signature", report.organization))
    blocks += closing
    return blocks


POLICY_DOCUMENTS = {"mof-2020": "财预〔2020〕10号"}


def policy_name(policy: str) -> str:
    """A policy by the document that issues it (财预〔2020〕10号), never a file path."""
    if policy in POLICY_DOCUMENTS:
        return POLICY_DOCUMENTS[policy]
    name = policy.replace("\\", "/").rsplit("/", 1)[-1]
    return name.removesuffix(".toml") or policy


def _indicator_blocks(result: CheckResult, rows: list[IndicatorRow]) -> list[Block]:
    blocks: list[Block] = []
    if is_transfer(result.report):  # the 中央对地方转移支付区域绩效自评表: its 资金情况 and 年度总体目标 first
        blocks += transfer_head_blocks(result.report or Report())
    if rows and is_transfer(result.report):  # the form's indicator columns
        scores = stated_scores(rows)
        blocks.append(Block("table", header=transfer_header(scores), rows=[transfer_cells(r, scores) for r in rows],
                            table="transfer"))
        blocks += [Block("note", n) for n in indicator_notes(result, rows)]
    elif rows:
        blocks.append(Block("table", header=list(INDICATOR_HEADER), rows=[indicator_cells(r) for r in rows],
                            table="indicators"))
        blocks += [Block("note", n) for n in indicator_notes(result, rows)]
    if result.score is not None:
        blocks.append(Block("table", header=list(SCORE_TABLE_HEADER), rows=stated_score_rows(result), table="scores"))
    review = review_rows(result, rows)
    if review and result.score is not None:
        blocks.append(Block("note", review_note(result, "下表及上表“复核得分”栏")))
        blocks.append(Block("table", header=list(REVIEW_HEADER), rows=review, table="review"))
    return blocks


def reference_reasons(result: CheckResult) -> list[str]:
    """Why the computed score is only a reference (参考分): what the tool did to reach it."""
    card, report = result.score, result.report
    if card is None or report is None:
        return []
    reasons: list[str] = []
    if card.weights_assumed:
        reasons.append("原报告未填报分值，复核分值系按评分规则的默认权重（一级指标内平均分配）设定")
    hows = {p.how for p in _unsure_provenance(report)}
    done = [w for how, w in (("split", "由粘连的数字拆分"), ("ocr", "经识别纠正"), ("realigned", "从错位的单元格移入"))
            if how in hows]
    if done:
        reasons.append(f"所依据的部分数字系{'、'.join(done)}得出，未经原件核对")
    return reasons


def _unsure_provenance(report: Report) -> list[Provenance]:
    out = [ind.provenance[f] for ind in report.indicators for f in ind.unsure()]
    if report.budget is not None:
        out += [report.budget.provenance[f] for f in report.budget.unsure()]
    return out


def review_note(result: CheckResult, what: str) -> str:
    """The note over the tool's own figures: who computed them, by which rules, and, when they rest on
    assumed weights or on split/OCR-corrected figures, that they are a reference score (参考分) and why."""
    card = result.score
    assert card is not None
    basis = f"按评分规则（{policy_name(card.policy)}）"
    text = f"注：{what}由 {TOOL} {basis}计算，非单位填报，仅供复核参考"
    reasons = reference_reasons(result)
    if reasons:
        text += "；复核得分为参考分：" + "；".join(reasons)
    return text + "。"
