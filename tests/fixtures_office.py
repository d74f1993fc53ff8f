"""Builders of small office documents in the official self-evaluation layouts, for tests.

Every builder writes into a directory (usually pytest's ``tmp_path``) and returns the file's path.
The content is taken from the 2023 traffic-police transfer-payment report (shared/samples).

Layouts:

1. MoF 10号文 项目支出绩效自评表 — ``build_mof10_docx``, ``build_mof10_xlsx`` (one 9-column form).
2. Sichuan 部门预算项目支出绩效自评表 — ``build_sichuan_xlsx`` (form at B3, a 说明 sheet first,
   percents stored as 0.95 with % formats, some numbers stored as text).
3. 中央对地方转移支付区域绩效自评表 — ``build_transfer_docx`` (万元 or 元), ``build_transfer_pdf``
   (WeasyPrint, CJK font, the indicator table split over two pages with a repeated header).

Damaged inputs: ``truncate``, ``build_fake_encrypted``, ``build_encrypted_docx`` (needs msoffcrypto-tool),
``build_zip_bomb``, ``build_plain_zip``, ``build_scanned_pdf``.

A form is described once as ``FormCell``s (row, column, spans, value) and rendered to Word, Excel or HTML,
so the three formats carry the same content.
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

# --------------------------------------------------------------------------------------------- data

PROJECT_NAME = "信息系统维保、网络租赁、智能卡口链路租赁项目"
SUPERVISOR = "西藏自治区公安厅"
ORGANIZATION = "西藏自治区公安厅公安交通管理局"
YEAR_LINE = "（2023年度）"

INITIAL = "1070.07"
ANNUAL = "1070.07"
EXECUTED = "838.41"
RATE = "78.35%"
BUDGET_SCORE = "7.84"

GOAL = (
    "本次项目为电路租用及售后服务保障。产出目标为：电路租用及售后服务保障采购，政府采购率为100%，"
    "系统验收合格率100%，系统正常使用率100%，系统故障修复相应时间小于2小时，系统故障响应时间小于15分钟。"
)
GOAL_2 = "为全区交通管理业务系统提供安全、稳定、快捷、通畅的线路服务，为大数据、云计算提供基础网络保障。"
GOAL_ACTUAL = (
    "全区80个智能卡口及拉林智能卡口链路租赁项目和交管局链路网络租赁项目为续签项目，截止2023年底已投入90%，"
    "交管局各信息系统维保项目投入80%，总体绩效目标完成良好。"
)

LONG_COST_NAME = (
    "互联网交通安全管理服务平台、综合应用平台、全区各地市考试监管系统、警邮、警税、警保，警医系统联网、"
    "灾备系统、全区各地市检验监管系统、警邮合作罚缴分离系统、全区电子警察系统及全区国省干道智能卡口系统维保"
)
DEVIATION = "公安交通管理综合应用平台维保项目因招投标流程慢，需等结算审计后支付"


@dataclass(frozen=True)
class Ind:
    """One indicator row as the sample report has it."""

    level1: str
    level2: str
    name: str
    op: str  # ≥ ≤ ＝ 定性
    target: str  # the number or the qualitative target
    unit: str
    actual: str
    weight: int = 0
    score: Decimal = Decimal(0)
    reason: str = ""

    @property
    def target_text(self) -> str:
        """The value cell as forms without an operator column write it: "≥23条", "作用明显"."""
        if self.op == "定性":
            return self.target
        op = "" if self.op == "＝" else self.op
        return f"{op}{self.target}{self.unit}"

    @property
    def actual_text(self) -> str:
        return self.actual if self.op == "定性" else f"{self.actual}{self.unit}"


_O, _E, _S = "产出指标", "效益指标", "满意度指标"

# All 30 indicators of the sample report (transfer-payment layout: no weights).
TRANSFER_INDICATORS: tuple[Ind, ...] = (
    Ind(_O, "数量指标", "监控网络链路", "≥", "23", "条", "23"),
    Ind(_O, "数量指标", "拉林高等级公路点位专线", "≥", "31", "条", "31"),
    Ind(_O, "数量指标", "租用专线接入公安网", "≥", "1", "条", "1"),
    Ind(_O, "数量指标", "租用互联网网络", "≥", "3", "条", "3"),
    Ind(_O, "数量指标", "互联网交通安全管理服务平台", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "全区各地市机动车检验监管系统", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "全区各地市考试监管系统", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "警邮、警税、警保、警医等系统联网", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "“警邮合作”罚缴分离系统及“警农合作”罚缴分离系统", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "全区电子警察系统及全区国省干道智能卡口系统", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "异地灾备系统", "≥", "1", "套", "1"),
    Ind(_O, "数量指标", "综合应用平台维护", "≥", "1", "套", "1"),
    Ind(_O, "质量指标", "政府采购率", "＝", "100", "%", "100"),
    Ind(_O, "质量指标", "带宽", "＝", "100", "M", "100"),
    Ind(_O, "质量指标", "系统验收合格率", "＝", "98", "%", "98"),
    Ind(_O, "质量指标", "系统正常使用率", "≥", "98", "%", "98"),
    Ind(_O, "质量指标", "项目维保验收合格率", "＝", "98", "%", "98"),
    Ind(_O, "质量指标", "设备故障发生率", "≤", "2", "%", "2"),
    Ind(_O, "时效指标", "系统故障修复时间", "≤", "2", "小时", "2"),
    Ind(_O, "时效指标", "系统故障修复响应时间", "≤", "15", "分钟", "15"),
    Ind(_O, "成本指标", "80+拉林卡口链路每年线路租用成本", "≤", "815.31", "万元", "815.31"),
    Ind(_O, "成本指标", "交管局链路每年线路租用成本", "≤", "35.5", "万元", "35.5"),
    Ind(_O, "成本指标", LONG_COST_NAME, "≤", "236.87", "万元", "164.07", reason=DEVIATION),
    Ind(
        _E, "社会效益指标", "提高公安交通管理工作效率，保护人民群众的生命财产安全起着积极的作用",
        "定性", "作用明显", "", "有效节约 作用明显",
    ),
    Ind(_E, "社会效益指标", "维护道路交通安全，促进社会的和谐稳定发展", "定性", "作用明显", "", "作用明显"),
    Ind(_E, "社会效益指标", "保障我局办公网络畅通", "定性", "作用明显", "", "作用明显"),
    Ind(
        _E, "生态效益指标", "采用节能环保设备及材料，项目生产期间减少废气、废料排放",
        "定性", "符合国家标准", "", "符合国家标准",
    ),
    Ind(_E, "可持续影响指标", "正常使用年限", "≥", "1", "年", "1"),
    Ind(_S, "服务对象满意度指标", "社会公众满意度", "≥", "80", "%", "80"),
    Ind(_S, "服务对象满意度指标", "网络使用人员满意度", "≥", "85", "%", "85"),
)

# A 13-indicator subset with weights (total 90) for the weighted forms; total score 97.84.
WEIGHTED_INDICATORS: tuple[Ind, ...] = (
    Ind(_O, "数量指标", "监控网络链路", "≥", "23", "条", "23", 8, Decimal(8)),
    Ind(_O, "数量指标", "拉林高等级公路点位专线", "≥", "31", "条", "31", 8, Decimal(8)),
    Ind(_O, "数量指标", "租用互联网网络", "≥", "3", "条", "3", 6, Decimal(6)),
    Ind(_O, "质量指标", "系统验收合格率", "＝", "98", "%", "98", 6, Decimal(6)),
    Ind(_O, "质量指标", "系统正常使用率", "≥", "98", "%", "98", 6, Decimal(6)),
    Ind(_O, "时效指标", "系统故障修复时间", "≤", "2", "小时", "2", 6, Decimal(6)),
    Ind(_O, "成本指标", "交管局链路每年线路租用成本", "≤", "35.5", "万元", "35.5", 5, Decimal(5)),
    Ind(_O, "成本指标", "信息系统维保成本", "≤", "236.87", "万元", "164.07", 5, Decimal(5), DEVIATION),
    Ind(_E, "社会效益指标", "维护道路交通安全", "定性", "作用明显", "", "作用明显", 10, Decimal(10)),
    Ind(_E, "生态效益指标", "采用节能环保设备及材料", "定性", "符合国家标准", "", "符合国家标准", 10, Decimal(10)),
    Ind(_E, "可持续影响指标", "正常使用年限", "≥", "1", "年", "1", 10, Decimal(10)),
    Ind(_S, "服务对象满意度指标", "社会公众满意度", "≥", "95", "%", "96", 5, Decimal(5)),
    Ind(_S, "服务对象满意度指标", "网络使用人员满意度", "≥", "95", "%", "97", 5, Decimal(5)),
)
TOTAL_SCORE = "97.84"

MOF10_INDICATOR_HEADER = [
    "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
    "偏差原因分析及改进措施",
]
MOF10_FUND_HEADER = ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
SICHUAN_INDICATOR_HEADER = [
    "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "全年实际完成值", "分值", "得分",
    "未完成原因和改进措施",
]
TRANSFER_INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析"]
TRANSFER_FUND_HEADER = ["资金情况（万元）", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"]
TRANSFER_FUND_ROWS = (
    ("年度资金总额", "1070.07", "838.41", "78.35%"),
    ("其中：中央补助", "1070.07", "838.41", "78.35%"),
    ("地方资金", "0", "0", "—"),
    ("其他资金", "0", "0", "—"),
)

# ----------------------------------------------------------------------------------- form model


@dataclass(frozen=True)
class Pct:
    """A percent cell: Excel stores ``value`` (0.95) with ``fmt`` ('0%'); other formats show ``text``."""

    value: float
    fmt: str
    text: str


@dataclass(frozen=True)
class AsText:
    """A number stored as text in Excel (the little green triangle)."""

    text: str


CellValue = str | int | float | Pct | AsText


@dataclass(frozen=True)
class FormCell:
    row: int
    col: int
    value: CellValue
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Form:
    cols: int
    cells: list[FormCell]

    @property
    def rows(self) -> int:
        return max(c.row + c.rowspan for c in self.cells)

    def grid(self) -> list[list[str]]:
        """The expected reader output: each covered position carries the merged cell's text."""
        out = [[""] * self.cols for _ in range(self.rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    out[r][k] = text_of(c.value)
        return out


def text_of(value: CellValue) -> str:
    if isinstance(value, Pct | AsText):
        return value.text
    return str(value)


class _FormBuilder:
    def __init__(self, cols: int) -> None:
        self.cols = cols
        self.cells: list[FormCell] = []
        self.row = 0

    def add(self, *values: CellValue | tuple[CellValue, int], rowspan: dict[int, int] | None = None) -> None:
        """Add one row; a ``(value, colspan)`` tuple spans columns; ``rowspan`` maps col → rows."""
        col = 0
        for v in values:
            span = 1
            if isinstance(v, tuple):
                v, span = v
            if v is not None:
                rs = (rowspan or {}).get(col, 1)
                self.cells.append(FormCell(self.row, col, v, rs, span))
            col += span
        self.row += 1

    def form(self) -> Form:
        return Form(self.cols, self.cells)


_SKIP = None  # a position covered by a rowspan from above


def _indicator_spans(inds: tuple[Ind, ...]) -> tuple[dict[int, int], dict[int, int]]:
    """row offset → rowspan for the 一级 and 二级 columns."""
    l1: dict[int, int] = {}
    l2: dict[int, int] = {}
    for spans, key in ((l1, lambda i: i.level1), (l2, lambda i: (i.level1, i.level2))):
        start = 0
        for k in range(1, len(inds) + 1):
            if k == len(inds) or key(inds[k]) != key(inds[start]):
                spans[start] = k - start
                start = k
    return l1, l2


def mof10_form(excel: bool = False) -> Form:
    """The MoF 10号文 项目支出绩效自评表, 9 grid columns; ``excel`` types numbers and percents."""
    b = _FormBuilder(9)
    num = (lambda s: float(s) if "." in s else int(s)) if excel else (lambda s: s)
    if excel:
        b.add(("项目支出绩效自评表", 9))
        b.add((YEAR_LINE, 9))
    b.add("项目名称", (PROJECT_NAME, 8))
    b.add("主管部门", (SUPERVISOR, 3), ("实施单位", 2), (ORGANIZATION, 3))
    fund_rows = [
        ("年度资金总额", INITIAL, ANNUAL, EXECUTED, "10", RATE, BUDGET_SCORE),
        ("其中：当年财政拨款", INITIAL, ANNUAL, EXECUTED, "—", RATE, "—"),
        ("上年结转资金", "0", "0", "0", "—", "—", "—"),
        ("其他资金", "0", "0", "0", "—", "—", "—"),
    ]
    b.add("项目资金（万元）", ("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
          rowspan={0: 1 + len(fund_rows)})
    for name, ini, ann, exe, w, rate, score in fund_rows:
        rate_v: CellValue = rate
        if excel and rate.endswith("%"):
            rate_v = Pct(0.7835, "0.00%", rate)
        b.add(_SKIP, (name, 2), num(ini), num(ann), num(exe), num(w) if w != "—" else w, rate_v,
              num(score) if score != "—" else score)
    b.add("年度总体目标", ("预期目标", 4), ("实际完成情况", 4), rowspan={0: 2})
    b.add(_SKIP, (GOAL + "\n" + GOAL_2, 4), (GOAL_ACTUAL, 4))
    inds = WEIGHTED_INDICATORS
    b.add(*MOF10_INDICATOR_HEADER, rowspan={0: 1 + len(inds)})
    l1, l2 = _indicator_spans(inds)
    for k, ind in enumerate(inds):
        b.add(
            _SKIP,
            ind.level1 if k in l1 else _SKIP,
            ind.level2 if k in l2 else _SKIP,
            ind.name, ind.target_text, ind.actual_text,
            num(str(ind.weight)), num(str(ind.score)), ind.reason,
            rowspan={1: l1.get(k, 1), 2: l2.get(k, 1)},
        )
    b.add(("总分", 6), num("100"), num(TOTAL_SCORE), "")
    return b.form()


def sichuan_form() -> Form:
    """The Sichuan 部门预算项目支出绩效自评表, 10 grid columns, typed for Excel."""
    b = _FormBuilder(10)
    b.add(("部门预算项目支出绩效自评表", 10))
    b.add((YEAR_LINE, 10))
    b.add("项目名称", (PROJECT_NAME, 9))
    b.add("主管部门", (SUPERVISOR, 3), ("实施单位", 2), (ORGANIZATION, 4))
    b.add("预算执行情况（10分）", "", "年初预算", "调整后预算数", "预算执行数", "执行率", "分值", "得分", ("", 2),
          rowspan={0: 4})
    b.add(_SKIP, "年度资金总额", 1070.07, AsText("1070.07"), 838.41, Pct(0.7835, "0.00%", "78.35%"), 10, 7.84,
          ("", 2))
    b.add(_SKIP, "其中：财政拨款", 1070.07, 1070.07, 838.41, Pct(0.7835, "0.00%", "78.35%"), "—", "—", ("", 2))
    b.add(_SKIP, "其他资金", 0, 0, 0, "—", "—", "—", ("", 2))
    b.add("年度总体目标", (GOAL, 9))
    b.add(*SICHUAN_INDICATOR_HEADER)
    inds = WEIGHTED_INDICATORS
    l1, l2 = _indicator_spans(inds)
    for k, ind in enumerate(inds):
        target: CellValue
        actual: CellValue
        if ind.op == "定性":
            target, actual = ind.target, ind.actual
        elif ind.unit == "%":
            fmt = "0%" if ind.level1 == _S else "0.00%"
            target = Pct(int(ind.target) / 100, fmt, _pct_text(ind.target, fmt))
            actual = Pct(int(ind.actual) / 100, fmt, _pct_text(ind.actual, fmt))
        else:
            target = float(ind.target) if "." in ind.target else int(ind.target)
            actual = AsText(ind.actual)  # numbers stored as text
        b.add(
            ind.level1 if k in l1 else _SKIP,
            ind.level2 if k in l2 else _SKIP,
            ind.name, ind.op, target, ind.unit, actual, ind.weight, int(ind.score), ind.reason,
            rowspan={0: l1.get(k, 1), 1: l2.get(k, 1)},
        )
    b.add(("总分", 7), 100, 97.84, "")
    return b.form()


def _pct_text(number: str, fmt: str) -> str:
    return f"{number}.00%" if fmt == "0.00%" else f"{number}%"


def transfer_fund_form(unit: str = "万元") -> Form:
    """Table A of the transfer-payment form: names, fund block (A)/(B)/(B/A), overall goal."""
    b = _FormBuilder(5)
    b.add("转移支付（项目）名称", (PROJECT_NAME, 4))
    b.add("中央主管部门", "公安部", "地方主管部门", (SUPERVISOR, 2))
    header = list(TRANSFER_FUND_HEADER)
    header[0] = f"资金情况（{unit}）"
    b.add(header[0], "", *header[2:], rowspan={0: 1 + len(TRANSFER_FUND_ROWS)})
    for name, annual, executed, rate in TRANSFER_FUND_ROWS:
        b.add(_SKIP, name, to_unit(annual, unit), to_unit(executed, unit), rate)
    b.add("年度总体目标", ("预期目标", 2), ("实际完成情况", 2), rowspan={0: 2})
    b.add(_SKIP, (GOAL + "\n" + GOAL_2, 2), (GOAL_ACTUAL, 2))
    return b.form()


def to_unit(amount_wan: str, unit: str) -> str:
    """"1070.07" 万元 → "10700700.00" 元."""
    if unit == "万元" or amount_wan in ("0", "—"):
        return amount_wan
    return f"{Decimal(amount_wan) * 10000:.2f}"


def transfer_indicator_form() -> Form:
    """Table B of the transfer-payment form: 30 indicators, no weights, values with operators."""
    b = _FormBuilder(6)
    b.add(*TRANSFER_INDICATOR_HEADER)
    inds = TRANSFER_INDICATORS
    l1, l2 = _indicator_spans(inds)
    for k, ind in enumerate(inds):
        b.add(
            ind.level1 if k in l1 else _SKIP,
            ind.level2 if k in l2 else _SKIP,
            ind.name, ind.target_text, ind.actual_text, ind.reason,
            rowspan={0: l1.get(k, 1), 1: l2.get(k, 1)},
        )
    return b.form()


# ------------------------------------------------------------------------------------ renderers


def _docx_table(doc: object, form: Form) -> None:
    from docx.shared import Pt

    table = doc.add_table(rows=form.rows, cols=form.cols)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for c in form.cells:
        cell = table.cell(c.row, c.col)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
        lines = text_of(c.value).split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)  # several paragraphs in one cell
        for p in cell.paragraphs:
            for run in p.runs:
                run.font.size = Pt(9)


def build_mof10_docx(directory: Path, name: str = "项目支出绩效自评表.docx") -> Path:
    """MoF 10号文 form in Word: title paragraphs, one merged 9-column table, a note paragraph."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效自评表")
    doc.add_paragraph(YEAR_LINE)
    _docx_table(doc, mof10_form())
    doc.add_paragraph("填报说明：金额单位为万元。")
    path = Path(directory) / name
    doc.save(str(path))
    return path


def build_transfer_docx(directory: Path, unit: str = "万元", name: str | None = None) -> Path:
    """Transfer-payment form in Word: title, table A (funds, goal), a paragraph, table B (indicators)."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("中央对地方转移支付区域绩效自评表")
    doc.add_paragraph(YEAR_LINE)
    _docx_table(doc, transfer_fund_form(unit))
    doc.add_paragraph("绩效指标完成情况如下：")
    doc.add_paragraph("")  # an empty paragraph: not emitted
    _docx_table(doc, transfer_indicator_form())
    doc.add_paragraph(f"填报单位：{ORGANIZATION}")
    path = Path(directory) / (name or f"转移支付区域绩效自评表（{unit}）.docx")
    doc.save(str(path))
    return path


def _write_form(ws: object, form: Form, top: int, left: int) -> None:
    """Write ``form`` with its first cell at (top, left) (1-based), typed, with merges."""
    for c in form.cells:
        cell = ws.cell(row=top + c.row, column=left + c.col)  # type: ignore[attr-defined]
        v = c.value
        if isinstance(v, Pct):
            cell.value = v.value
            cell.number_format = v.fmt
        elif isinstance(v, AsText):
            cell.value = v.text
            cell.data_type = "s"
        elif v != "":
            cell.value = v
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(  # type: ignore[attr-defined]
                start_row=top + c.row, start_column=left + c.col,
                end_row=top + c.row + c.rowspan - 1, end_column=left + c.col + c.colspan - 1,
            )


def build_mof10_xlsx(directory: Path, name: str = "项目支出绩效自评表.xlsx") -> Path:
    """MoF 10号文 form in Excel, starting at A1, one sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    _write_form(ws, mof10_form(excel=True), 1, 1)
    path = Path(directory) / name
    wb.save(path)
    return path


SICHUAN_SHEET = "自评表"
SICHUAN_NOTES = ("填报说明", "1. 本表金额单位为万元。", "2. 执行率、满意度等比率指标按百分数填写。")


def build_sichuan_xlsx(directory: Path, name: str = "部门预算项目支出绩效自评表.xlsx") -> Path:
    """Sichuan form in Excel: a 说明 sheet, then the form at B3 with styled empty cells around it."""
    import openpyxl
    from openpyxl.styles import PatternFill

    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    for k, line in enumerate(SICHUAN_NOTES, start=1):
        notes.cell(row=k, column=1, value=line)
    wb.create_sheet("空白")  # an empty sheet: not emitted
    ws = wb.create_sheet(SICHUAN_SHEET)
    ws["A1"].fill = PatternFill("solid", fgColor="FFFF00")  # a styled cell without a value
    ws["M40"].number_format = "0.00"
    _write_form(ws, sichuan_form(), 3, 2)
    path = Path(directory) / name
    wb.save(path)
    return path


# ------------------------------------------------------------------------------------------- PDF

CJK_FONT = "WenQuanYi Micro Hei"


def cjk_font_available() -> bool:
    """Whether fontconfig knows a Chinese font (WeasyPrint needs one for the PDF fixtures)."""
    if shutil.which("fc-list") is None:
        return False
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(out.strip())


def _html_table(form: Form, header_rows: int = 0) -> str:
    by_row: dict[int, list[FormCell]] = {}
    for c in form.cells:
        by_row.setdefault(c.row, []).append(c)
    out: list[str] = ["<table>"]
    for r in range(form.rows):
        if r == 0 and header_rows:
            out.append("<thead>")
        if r == header_rows and header_rows:
            out.append("<tbody>")
        tag = "th" if r < header_rows else "td"
        cells = []
        for c in sorted(by_row.get(r, []), key=lambda c: c.col):
            attrs = ""
            if c.rowspan > 1:
                attrs += f' rowspan="{c.rowspan}"'
            if c.colspan > 1:
                attrs += f' colspan="{c.colspan}"'
            body = "<br>".join(html.escape(x) for x in text_of(c.value).split("\n"))
            cells.append(f"<{tag}{attrs}>{body}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
        if r == header_rows - 1:
            out.append("</thead>")
    if header_rows:
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


_PDF_CSS = f"""
@page {{ size: A4; margin: 2cm 1.8cm; @bottom-center {{ content: "第 " counter(page) " 页"; }} }}
body {{ font-family: "{CJK_FONT}"; font-size: 10.5pt; }}
h1 {{ font-size: 16pt; text-align: center; margin: 0 0 4pt 0; }}
p {{ margin: 4pt 0; }}
table {{ border-collapse: collapse; width: 100%; margin: 6pt 0; }}
td, th {{ border: 0.8pt solid #000; padding: 3pt 4pt; vertical-align: middle; font-weight: normal; }}
tr {{ break-inside: avoid; }}
col.name {{ width: 30%; }}
"""


def transfer_html() -> str:
    body = [
        "<h1>中央对地方转移支付区域绩效自评表</h1>",
        f"<p style='text-align:center'>{YEAR_LINE}</p>",
        _html_table(transfer_fund_form()),
        "<p>绩效指标完成情况如下：</p>",
        _html_table(transfer_indicator_form(), header_rows=1).replace(
            "<table>", "<table><col><col><col class='name'><col><col><col>", 1
        ),
        f"<p>填报单位：{ORGANIZATION}</p>",
    ]
    return f"<html><head><meta charset='utf-8'><style>{_PDF_CSS}</style></head><body>{''.join(body)}</body></html>"


def build_transfer_pdf(directory: Path, name: str = "转移支付区域绩效自评表.pdf") -> Path:
    """Transfer-payment form as a text PDF (WeasyPrint); the indicator table runs over two pages."""
    import weasyprint

    path = Path(directory) / name
    weasyprint.HTML(string=transfer_html()).write_pdf(path)
    return path


def build_scanned_pdf(directory: Path, name: str = "扫描件.pdf") -> Path:
    """A PDF whose page is only an image (no text layer), like a scan."""
    import weasyprint
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 380, 180), outline="black", width=3)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    png = Path(directory) / "scan.png"
    png.write_bytes(buf.getvalue())
    path = Path(directory) / name
    weasyprint.HTML(string=f"<img src='{png.as_uri()}' style='width:15cm'>").write_pdf(path)
    return path


# ---------------------------------------------------------------------------------- damaged files


def truncate(path: Path, name: str | None = None, keep: float = 0.5) -> Path:
    """A copy of ``path`` cut to ``keep`` of its bytes."""
    data = Path(path).read_bytes()
    out = Path(path).with_name(name or f"截断-{Path(path).name}")
    out.write_bytes(data[: int(len(data) * keep)])
    return out


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def build_fake_encrypted(directory: Path, name: str = "加密.docx") -> Path:
    """An OLE compound file header with EncryptionInfo/EncryptedPackage directory names (UTF-16LE),
    the shape of a password-protected .docx/.xlsx (not a complete, valid OLE file)."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * (512 - 32)
    entries = b"".join(n.encode("utf-16-le").ljust(128, b"\x00") for n in (
        "Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"))
    path = Path(directory) / name
    path.write_bytes(header + entries + b"\x00" * 1024)
    return path


def build_fake_legacy(directory: Path, name: str = "旧版.docx") -> Path:
    """An OLE compound file without encryption streams, like a .doc saved with a .docx name."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * (512 - 32)
    entries = b"".join(n.encode("utf-16-le").ljust(128, b"\x00") for n in ("Root Entry", "WordDocument"))
    path = Path(directory) / name
    path.write_bytes(header + entries + b"\x00" * 1024)
    return path


def build_encrypted_docx(directory: Path, password: str = "123456") -> Path:
    """A real password-protected .docx (needs msoffcrypto-tool; callers importorskip it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = build_mof10_docx(directory, name="明文.docx")
    path = Path(directory) / "密码保护.docx"
    with plain.open("rb") as src, path.open("wb") as dst:
        OOXMLFile(src).encrypt(password, dst)
    return path


def build_zip_bomb(directory: Path, name: str = "炸弹.xlsx", size_mb: int = 20) -> Path:
    """An xlsx-shaped zip whose one member inflates to ``size_mb`` MB of zeros (ratio near 1000)."""
    path = Path(directory) / name
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for _ in range(size_mb):
                f.write(chunk)
    return path


def build_plain_zip(directory: Path, name: str = "附件.docx") -> Path:
    """A zip archive that is not an office document."""
    path = Path(directory) / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("说明.txt", "这是一个普通压缩包。")
    return path


def build_pdf_from_html(directory: Path, name: str, body: str) -> Path:
    """Any HTML body as a PDF, with the fixtures' CJK font, A4 page and page numbers."""
    import weasyprint

    path = Path(directory) / name
    page = f"<html><head><meta charset='utf-8'><style>{_PDF_CSS}</style></head><body>{body}</body></html>"
    weasyprint.HTML(string=page).write_pdf(path)
    return path


def indicator_rows_html(count: int, header: bool) -> str:
    """A bordered 4-column table of ``count`` numbered indicators; ``header`` repeats via <thead>."""
    head = "<tr><td>序号</td><td>三级指标</td><td>指标值</td><td>实际完成值</td></tr>"
    body = "".join(
        f"<tr><td>{k}</td><td>监控网络链路第{k}段</td><td>≥{k}条</td><td>{k}条</td></tr>" for k in range(1, count + 1)
    )
    if header:
        return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"
    return f"<table>{head}{body}</table>"


BORDERLESS_ROWS = (
    ("三级指标", "指标值", "单位", "完成值"),
    ("监控网络链路", "23", "条", "23"),
    ("拉林高等级公路点位专线", "31", "条", "31"),
    ("租用互联网网络", "3", "条", "3"),
    ("系统验收合格率", "98", "%", "98"),
)


def borderless_table_html() -> str:
    """A table drawn without any ruling lines (aligned columns only)."""
    rows = "".join(
        "<tr>" + "".join(f"<td style='border:none;padding:2pt 10pt'>{c}</td>" for c in row) + "</tr>"
        for row in BORDERLESS_ROWS
    )
    return f"<table style='width:auto'>{rows}</table>"


def build_encrypted_pdf(directory: Path, name: str = "加密.pdf") -> Path:
    """A minimal PDF with a Standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> /P -44 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
        b"<0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    path = Path(directory) / name
    path.write_bytes(bytes(out))
    return path


def weasyprint_available() -> bool:
    """Whether WeasyPrint imports (it needs the Pango system library)."""
    try:
        import weasyprint  # noqa: F401
    except Exception:
        return False
    return True



SPLIT_ROW_REASON = (
    "因部分链路改造施工延期，运营商交付时间晚于计划，导致完成值低于年度指标值，下一步将加强与运营商的沟通协调。" * 6
)


def build_split_row_docx(directory: Path, name: str = "split-row.docx") -> Path:
    """30 indicators under one merged 一级指标 cell; the 24th row's reason is long enough that, printed
    (LibreOffice, Word), the row breaks across pages. See tests/data/README.md."""
    import docx

    d = docx.Document()
    d.add_paragraph("绩效指标完成情况表")
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["一级指标", "三级指标", "指标值", "实际完成值", "偏差原因分析"], strict=True):
        c.text = h
    for k in range(1, 31):
        r = t.add_row().cells
        r[1].text = f"监控网络链路第{k}段"
        r[2].text = f"≥{k}条"
        r[3].text = f"{k}条"
        r[4].text = SPLIT_ROW_REASON if k == 24 else "无"
    first = t.column_cells(0)
    first[1].text = "产出指标"
    first[1].merge(first[30])
    path = Path(directory) / name
    d.save(str(path))
    return path

def soffice() -> str | None:
    """LibreOffice on PATH (legacy-format tests skip without it)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def build_legacy(source: Path, fmt: str, name: str | None = None) -> Path:
    """Save ``source`` (.docx/.xlsx) as old binary ``fmt`` ("doc" or "xls") with LibreOffice;
    ``name`` renames the result (e.g. to a .wps/.et extension)."""
    office = soffice()
    assert office is not None, "LibreOffice is needed to build legacy fixtures"
    source = Path(source)
    profile = source.parent / "lo-fixture-profile"
    subprocess.run(
        [office, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(source.parent), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    out = source.with_suffix("." + fmt)
    if name:
        out = out.rename(out.with_name(name))
    return out
