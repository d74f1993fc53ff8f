"""The domain model: a self-evaluation report as plain data.

Pure: no file, network or terminal I/O. Every money amount, rate and score is a ``Decimal``.
Budget amounts are in 万元; rates in percent (78.35, not 0.7835). Indicator targets and actuals keep
the unit the document used. Names follow ``shared/spec/glossary.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Operator = Literal[">=", "<=", "=", ">", "<", "qualitative"]
OPERATORS: tuple[Operator, ...] = (">=", "<=", "=", ">", "<", "qualitative")

Level1 = Literal["output", "benefit", "satisfaction", "cost"]
LEVEL1: tuple[Level1, ...] = ("output", "benefit", "satisfaction", "cost")

LEVEL2 = (
    "quantity", "quality", "timeliness", "cost",
    "economic", "social", "ecological", "sustainability",
    "satisfaction",
    "economic_cost", "social_cost", "ecological_cost",
)

ReportKind = Literal["transfer_payment", "project", "department"]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Grade = Literal["优", "良", "中", "差"]
QualitativeGrade = Literal["achieved", "partial", "not_achieved", "unclear"]

HUNDRED = Decimal(100)

# How a figure was read. "cell" and "prose" are plain readings; the others rest on the reader's own
# judgement (a run of digits split by arithmetic, an OCR confusion corrected, a cell moved to another
# column) and no error-level finding may rest on such a figure alone.
ReadHow = Literal["cell", "prose", "split", "ocr", "realigned"]
UNSURE_HOW: frozenset[str] = frozenset({"split", "ocr", "realigned"})


@dataclass(frozen=True)
class Provenance:
    """Where and how one figure was read: ``where`` is human-readable Chinese (第12行, 表1第3行第4列, 句：…)."""

    how: ReadHow
    where: str = ""

    @property
    def unsure(self) -> bool:
        return self.how in UNSURE_HOW


@dataclass(frozen=True)
class Unplaced:
    """A value the reader saw but could not assign to any field; reported, never guessed into one."""

    text: str
    where: str = ""
    reason: str = ""  # Chinese, e.g. 无法确定所属列


@dataclass
class FundSource:
    """One row of the fund block: 中央补助, 地方资金, 其他资金, 财政拨款, 上年结转, …  (万元)."""

    name: str
    initial: Decimal | None = None
    annual: Decimal | None = None
    executed: Decimal | None = None


@dataclass
class Budget:
    """The fund block: 年初预算数 / 全年预算数 (调整后) / 全年执行数, in 万元."""

    initial: Decimal | None = None
    annual: Decimal | None = None
    executed: Decimal | None = None
    stated_execution_rate: Decimal | None = None  # percent, as written
    stated_execution_rate_text: str | None = None  # the text it was read from (its precision matters)
    sources: list[FundSource] = field(default_factory=list)
    # The total row as the document wrote it (年度资金总额 / 合计), before any fallback to the
    # sum of the source rows; None when the budget came from prose or had no total row.
    stated_total: FundSource | None = None
    totals_from_sources: bool = False  # annual/executed were taken from the sum of the sources
    weight: Decimal | None = None  # stated 分值 of the budget-execution line (usually 10)
    stated_score: Decimal | None = None  # stated 得分 of the budget-execution line
    origin: Literal["table", "prose"] | None = None
    # field name (initial, annual, executed, stated_execution_rate, weight, stated_score) → how it was read
    provenance: dict[str, Provenance] = field(default_factory=dict)

    def unsure(self, *fields: str) -> list[str]:
        """The named fields (all when none named) whose figure rests on a split/OCR/re-aligned reading."""
        names = fields or tuple(self.provenance)
        return [f for f in names if f in self.provenance and self.provenance[f].unsure]

    @property
    def execution_rate(self) -> Decimal | None:
        """executed / annual in percent, exact (not rounded)."""
        if self.annual is None or self.executed is None or self.annual == 0:
            return None
        return self.executed / self.annual * HUNDRED

    @property
    def usable(self) -> bool:
        return self.annual is not None and self.executed is not None and self.annual > 0


@dataclass
class Indicator:
    """One 三级指标 row."""

    name: str
    operator: Operator
    target: Decimal | None = None
    target_text: str = ""
    actual: Decimal | None = None
    actual_text: str = ""
    unit: str | None = None
    level1: Level1 | None = None
    level2: str | None = None
    levels_inferred: bool = False
    weight: Decimal | None = None  # stated 分值/权重
    stated_score: Decimal | None = None  # stated 得分
    deviation_reason: str | None = None
    operator_text: str = ""  # the operator as written (≥, 不低于, 定性 …); "" when implied
    # field name (name, operator, target, actual, unit, weight, stated_score) → how it was read
    provenance: dict[str, Provenance] = field(default_factory=dict)

    def unsure(self, *fields: str) -> list[str]:
        """The named fields (all when none named) whose figure rests on a split/OCR/re-aligned reading."""
        names = fields or tuple(self.provenance)
        return [f for f in names if f in self.provenance and self.provenance[f].unsure]

    @property
    def quantitative(self) -> bool:
        return self.operator != "qualitative"


@dataclass
class Section:
    """A numbered part of the narrative: 一、… (level 1), （一）… (level 2), 1. … (level 3).

    ``text`` is the body under the heading, without the sub-sections' bodies.
    """

    number: str | None  # "一", "（一）", "1"; None for the preamble
    title: str
    level: int
    text: str = ""


@dataclass
class Report:
    title: str | None = None
    organization: str | None = None
    supervising_department: str | None = None  # 主管部门
    project: str | None = None  # 项目名称 / 转移支付（项目）名称 as the form's cell gives it
    central_department: str | None = None  # 中央主管部门 (transfer-payment forms)
    recipient: str | None = None
    fiscal_year: int | None = None
    kind: ReportKind | None = None
    budget: Budget | None = None
    indicators: list[Indicator] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    overall_goal: str | None = None  # 年度总体目标 (form layouts)
    overall_goal_actual: str | None = None  # 全年实际完成情况
    stated_total: Decimal | None = None  # 总分 as written
    stated_grade: str | None = None  # 评价等级 as written
    layout: str | None = None  # which layout the reader recognised, e.g. "text-cells", "mof-10"
    unplaced: list[Unplaced] = field(default_factory=list)  # values seen but not placed in any field

    def section(self, *keywords: str) -> Section | None:
        """The first section whose title contains every keyword."""
        for s in self.sections:
            if all(k in s.title for k in keywords):
                return s
        return None

    @property
    def narrative(self) -> str:
        """All narrative text, headings included, in document order."""
        parts: list[str] = []
        for s in self.sections:
            if s.number is not None or s.title:
                parts.append(s.title)
            if s.text:
                parts.append(s.text)
        return "\n".join(parts)


@dataclass
class IndicatorScore:
    index: int  # position in Report.indicators
    max_score: Decimal  # the weight this indicator is worth under the policy
    score: Decimal
    met: bool | None  # None when it cannot be decided (no actual)
    grade: QualitativeGrade | None = None  # for qualitative (and text-actual) scoring
    basis: str = ""  # how the score was reached: "met", "ratio", "deviation", "band", "stated", …
    # The operator the indicator was scored with when its meaning implies the other direction from
    # the stated one (I04: ≤ on a 满意度 is scored as ≥); None when scored as stated.
    scored_operator: str | None = None


@dataclass
class ScoreCard:
    policy: str
    budget_weight: Decimal
    budget: Decimal
    execution_rate: Decimal | None
    pool_weights: dict[str, Decimal]
    pools: dict[str, Decimal]
    indicators: list[IndicatorScore]
    total: Decimal
    grade: Grade
    stated_total: Decimal | None = None
    stated_grade: str | None = None
    # The document states no weights or scores (transfer-payment forms): the score is a reference
    # computed with the policy's default weights, not the unit's own.
    weights_assumed: bool = False


@dataclass
class Finding:
    code: str
    severity: Severity
    message: str  # Chinese, ready to paste into a review opinion
    where: str  # "budget" | "indicator:<index>" | "narrative" | "document"
    evidence: dict[str, Any] = field(default_factory=dict)
    # A finding that follows from another (one slip, many findings): {"code": ..., "where": ...} of
    # the finding that causes it. Shown under its cause and not counted again in summaries.
    caused_by: dict[str, str] | None = None


@dataclass
class ReadError(Exception):
    """A document could not be read. ``message`` is one Chinese line; ``message_en`` its English."""

    code: str  # "empty", "binary", "not_a_report", "damaged", "encrypted", "too_large", "unsupported", …
    message: str
    message_en: str = ""

    def __str__(self) -> str:
        return self.message


@dataclass
class CheckResult:
    source: str
    format: str
    report: Report | None = None
    score: ScoreCard | None = None
    findings: list[Finding] = field(default_factory=list)
    error: ReadError | None = None
