"""The scorecard and findings for a terminal (Rich), in Chinese.

The tables fit the terminal they are printed in. From ``WIDE`` columns on, the indicator table has a
column each for 一级, 二级, 性质 and 单位; below that (an 80-column terminal) it is stacked: one
heading row per 一级/二级 group, the operator and unit written into the 指标值 and 完成值 cells
(≥23条), long names and values wrapped, never cut, so every figure a reviewer checks stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from jixiao.escape import escaped_copy
from jixiao.model import CheckResult, Finding, Indicator, IndicatorScore
from jixiao.review.base import split_causes
from jixiao.serialize import r2
from jixiao.writers._common import as_decimal, indicator_rows, value_text

LEVEL1_ZH = {"output": "产出", "benefit": "效益", "satisfaction": "满意度", "cost": "成本"}
LEVEL2_ZH = {
    "quantity": "数量", "quality": "质量", "timeliness": "时效", "cost": "成本",
    "economic": "经济效益", "social": "社会效益", "ecological": "生态效益", "sustainability": "可持续影响",
    "satisfaction": "服务对象满意度", "economic_cost": "经济成本", "social_cost": "社会成本",
    "ecological_cost": "生态环境成本",
}
OPERATOR_ZH = {">=": "≥", "<=": "≤", "=": "＝", ">": "＞", "<": "＜", "qualitative": "定性"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WEIGHTS_ASSUMED_NOTE = "本报告未填报分值和得分，以上得分和等级是按评分规则默认权重计算的参考分，并非单位自评结果。"
POOL_ZH = {"output": "产出指标", "benefit": "效益指标", "satisfaction": "满意度指标", "cost": "成本指标"}


UNSURE_MARK = "†"  # a figure read by splitting, OCR correction or re-alignment
WIDE = 128  # terminal columns from which the indicator table gets its wide form


class _ByWidth:
    """One of two renderables, chosen by the width available when printed."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, threshold: int = WIDE) -> None:
        self.wide, self.narrow, self.threshold = wide, narrow, threshold

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.threshold else self.narrow


def money(v: Decimal | None) -> str:
    return "—" if v is None else f"{r2(v):,}"


def num(v: Decimal | None) -> str:
    if v is None:
        return "—"
    return f"{r2(v)}"


def _plain(v: Decimal | None) -> str:
    if v is None:
        return ""
    s = format(v.normalize(), "f")
    return s


def scorecard(result: CheckResult) -> RenderableType:
    report, card = result.report, result.score
    assert report is not None and card is not None
    head = Text()
    head.append(report.title or "（无标题）", style="bold")
    head.append(f"\n填报单位：{report.organization or '—'}")
    if report.supervising_department:
        head.append(f"    主管部门：{report.supervising_department}")
    head.append(f"    年度：{report.fiscal_year or '—'}")
    if report.recipient:
        head.append(f"    报送：{report.recipient}")
    head.append(f"\n来源：{result.source}（{result.format}）  评分规则：{card.policy}", style="dim")

    b = report.budget
    bu = set(b.unsure()) if b else set()

    def bmark(field: str, text: str) -> str:
        return text + UNSURE_MARK if field in bu and text not in ("", "—") else text

    budget_cells = [
        bmark("initial", money(b.initial)) if b else "—", bmark("annual", money(b.annual)) if b else "—",
        bmark("executed", money(b.executed)) if b else "—",
        f"{num(card.execution_rate)}%" if card.execution_rate is not None else "—",
        bmark("stated_execution_rate", f"{_plain(b.stated_execution_rate)}%")
        if b and b.stated_execution_rate is not None else "—",
        num(card.budget_weight), num(card.budget),
    ]
    fund_rows: list[list[str]] = []
    if b and b.sources:
        for src in b.sources:
            name = src.name.strip().removeprefix("其中").lstrip(":： ")
            fund_rows.append([f"其中：{name}", money(src.initial), money(src.annual), money(src.executed),
                              "", "", "", ""])
    bt = _ByWidth(_budget_table(budget_cells, fund_rows, narrow=False),
                  _budget_table(budget_cells, fund_rows, narrow=True), threshold=120 if fund_rows else 90)
    it = _ByWidth(_indicator_table(result), _indicator_stack(result))

    st = Table(title="得分", title_justify="left")
    st.add_column("项目")
    st.add_column("权重", justify="right")
    st.add_column("得分", justify="right")
    st.add_row("预算执行率", num(card.budget_weight), num(card.budget))
    for pool, val in card.pools.items():
        st.add_row(POOL_ZH.get(pool, pool), num(card.pool_weights.get(pool)), num(val))
    st.add_row(Text("总分", style="bold"), "100.00", Text(num(card.total), style="bold"))
    grade = Text(f"评价等级：{card.grade}", style="bold green" if card.grade in ("优", "良") else "bold red")
    stated = ""
    if card.stated_total is not None or card.stated_grade:
        said = [f"总分{num(card.stated_total)}" if card.stated_total is not None else "",
                f"等级{card.stated_grade.strip()}" if card.stated_grade and card.stated_grade.strip() else ""]
        stated = "（报告自评：" + "，".join(x for x in said if x) + "）"
    parts: list[RenderableType] = [head, bt, it]
    if any(i.levels_inferred for i in report.indicators):
        parts.append(_note("*", "文档未填写一级/二级指标，系根据指标名称推断", "dim"))
    if (b is not None and b.unsure()) or any(i.unsure() for i in report.indicators):
        parts.append(_note(UNSURE_MARK, "该数据系拆分连写数字、OCR纠错或按内容重新对齐列读出，请对照原表核实", "dim"))
    if report.unplaced:
        parts.append(Text(f"未能归入任何栏目的数值 {len(report.unplaced)} 个：" + "，".join(
            u.text[:20] for u in report.unplaced[:8]) + ("…" if len(report.unplaced) > 8 else ""), style="dim"))
    parts += [st, Text.assemble(grade, stated)]
    if card.weights_assumed:
        parts.append(_note("※", WEIGHTS_ASSUMED_NOTE, "bold yellow"))
    return Group(*parts)


def _note(mark: str, text: str, style: str) -> Table:
    """A footnote: the mark, then the text wrapped under itself (not the mark alone on a line)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(overflow="fold", style=style)
    grid.add_row(mark, text)
    return grid


_BUDGET_HEADER = ("年初预算数", "全年预算数", "全年执行数", "执行率（计算）", "执行率（报告）", "分值", "得分")


def _budget_table(cells: list[str], fund_rows: list[list[str]], narrow: bool) -> RenderableType:
    """预算执行, the fund sources (其中：…) as rows under the total, named in a first column. Narrow:
    the amounts in one table (fund names wrapped), the rates and the score in a second one."""
    if not narrow:
        bt = Table(title="预算执行（万元）", show_edge=True, title_justify="left")
        if fund_rows:
            bt.add_column("资金", overflow="fold", max_width=36)
        for col in _BUDGET_HEADER:
            bt.add_column(col, justify="right", no_wrap=True)
        bt.add_row(*(["年度资金总额"] if fund_rows else []), *cells)
        for row in fund_rows:
            bt.add_row(*row)
        return bt
    amounts = Table(title="预算执行（万元）", show_edge=True, title_justify="left")
    amounts.add_column("资金", overflow="fold", ratio=1, min_width=12, max_width=36)
    for col in _BUDGET_HEADER[:3]:
        amounts.add_column(col, justify="right", no_wrap=True)
    amounts.add_row("年度资金总额", *cells[:3])
    for row in fund_rows:
        amounts.add_row(*row[:4])
    rates = Table(show_edge=True)
    for col in _BUDGET_HEADER[3:]:
        rates.add_column(col, justify="right", no_wrap=True)
    rates.add_row(*cells[3:])
    return Group(amounts, rates)


def _marker(ind: Indicator) -> Callable[[str, str], str]:
    iu = set(ind.unsure())

    def mark(field: str, text: str) -> str:
        return text + UNSURE_MARK if field in iu and text not in ("", "—") else text

    return mark


def _rows(result: CheckResult) -> Iterator[tuple[int, Indicator, IndicatorScore, Decimal | None, Decimal | None]]:
    """Each indicator with its 分值/得分 as every writer shows them: rounded so that the 分值 of one 一级
    add up to its pool (three × 50/3 show as 16.67 + 16.67 + 16.66, as on the 复核 sheet and in Word)."""
    assert result.report is not None and result.score is not None
    shown = {r.index: (r.review_weight, r.review_score) for r in indicator_rows(result)}
    for i, (ind, s) in enumerate(zip(result.report.indicators, result.score.indicators, strict=True), 1):
        weight, score = shown.get(i - 1, (s.max_score, s.score))
        yield i, ind, s, weight, score


MET_MARK = {True: "✓", False: "✗", None: "?"}


def _indicator_table(result: CheckResult) -> Table:
    """The wide form: a column each for 一级, 二级, 性质, 指标值, 单位 and 完成值; long names and values
    wrapped in their cells, never cut."""
    it = Table(title="绩效指标", show_lines=False, title_justify="left")
    widths = {"三级指标": 26, "指标值": 12, "完成值": 12, "二级": 14}
    wrapped = {"三级指标", "指标值", "完成值", "二级"}
    for col, just in (("#", "right"), ("一级", "left"), ("二级", "left"), ("三级指标", "left"), ("性质", "center"),
                      ("指标值", "right"), ("单位", "left"), ("完成值", "right"), ("达成", "center"),
                      ("分值", "right"), ("得分", "right")):
        it.add_column(col, justify=just, no_wrap=col not in wrapped,  # type: ignore[arg-type]
                      overflow="fold" if col in wrapped else "ellipsis",
                      max_width=widths.get(col), min_width=min(widths.get(col, 4), 8))
    for i, ind, s, weight, score in _rows(result):
        mark = "*" if ind.levels_inferred else ""
        imark = _marker(ind)
        it.add_row(
            str(i), LEVEL1_ZH.get(ind.level1 or "", "—") + mark, LEVEL2_ZH.get(ind.level2 or "", "—") + mark,
            ind.name, OPERATOR_ZH[ind.operator], imark("target", ind.target_text or "—"), ind.unit or "",
            imark("actual", ind.actual_text or "—"), MET_MARK[s.met], num(weight), num(score),
        )
    return it


def _with_unit(text: str, operator: str, unit: str) -> str:
    """A target or actual in one cell: its operator (targets only) and unit written once, as in ≥23条."""
    t = value_text(text, operator if operator != "定性" else "", unit)
    if not t:
        return "—"
    if unit and as_decimal(t) is not None:
        t += unit
    return f"{operator}{t}" if operator and operator != "定性" else t


def _indicator_stack(result: CheckResult) -> Table:
    """The narrow form (80 columns): 一级/二级 as heading rows, operator and unit inside the values,
    names and values wrapped rather than cut."""
    it = Table(title="绩效指标", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
               padding=(0, 1, 0, 0))
    it.add_column("#", justify="right", no_wrap=True)
    it.add_column("三级指标", overflow="fold", ratio=1, min_width=12)
    it.add_column("指标值", overflow="fold", max_width=14)  # 定性：作用明显
    it.add_column("完成值", overflow="fold", max_width=12)
    it.add_column("达成", justify="center", no_wrap=True)
    it.add_column("分值", justify="right", no_wrap=True)
    it.add_column("得分", justify="right", no_wrap=True)
    group: tuple[str, str] | None = None
    for i, ind, s, weight, score in _rows(result):
        levels = (LEVEL1_ZH.get(ind.level1 or "", "—"), LEVEL2_ZH.get(ind.level2 or "", "—"))
        if levels != group:
            group = levels
            it.add_row("", Text(f"{levels[0]} › {levels[1]}" + ("*" if ind.levels_inferred else ""), style="bold"),
                       "", "", "", "", "")
        imark = _marker(ind)
        operator = OPERATOR_ZH[ind.operator]
        unit = (ind.unit or "").strip()
        target = _with_unit(ind.target_text or "", operator, unit)
        if operator == "定性" and target != "—":
            target = f"定性：{target}"
        actual = _with_unit(ind.actual_text or "", "", unit)
        it.add_row(str(i), ind.name, imark("target", target), imark("actual", actual), MET_MARK[s.met],
                   num(weight), num(score))
    return it


def findings_view(findings: list[Finding]) -> RenderableType:
    if not findings:
        return Text("复核发现：无", style="green")
    roots, children = split_causes(findings)
    parts: list[RenderableType] = []
    for sev in ("error", "warning", "info"):
        group = [f for f in roots if f.severity == sev]
        if not group:
            continue
        parts.append(Text(f"{SEVERITY_ZH[sev]}（{len(group)}）", style=SEVERITY_STYLE[sev]))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style=SEVERITY_STYLE[sev])
        grid.add_column(overflow="fold")
        for f in group:
            grid.add_row(f"  [{f.code}]", f.message)
            for child in children.get(id(f), []):
                grid.add_row(f"    └[{child.code}]", Text(f"（由{f.code}引起，不另计）{child.message}", style="dim"))
        parts.append(grid)
    return Panel(Group(*parts), title="复核发现", title_align="left")


def print_result(console: Console, result: CheckResult) -> None:
    """The scorecard and findings; control characters in document text and file names shown escaped."""
    result = escaped_copy(result)
    if result.error is not None:
        console.print(Text(f"无法读取：{result.error.message}", style="bold red"))
        return
    console.print(scorecard(result))
    console.print(findings_view(result.findings))
