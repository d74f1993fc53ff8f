"""The batch-review workbook of `jixiao summary`: many `check --json` results in one .xlsx.

Three sheets:

``报告汇总``  one row per report (unreadable documents included, with their reason), riskiest first:
             unreadable, then most errors, most warnings, lowest score;
``全部问题``  every finding, grouped by report in the same order;
``问题统计``  per finding code: severity, occurrences, reports concerned.

Streaming: results are read one line at a time; each report's row and findings are spooled to a
temporary file and only its sort key and spool offset stay in memory; after sorting, rows and
findings are copied into the workbook (openpyxl write-only mode) in report order. Memory grows by
about two hundred bytes per report, whatever the findings. The workbook is written to a temporary
file next to the output and renamed when complete, so a failure never leaves a half-written summary.

Printing: every sheet prints on A4 landscape, scaled to one page wide (as many pages down as it
takes), with its header row repeated on every page, the header frozen on screen, and long text
(file names, units, titles, messages) wrapped inside columns sized to fit the page.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NamedTuple

REPORT_HEADER: tuple[str, ...] = (
    "来源文件", "填报单位", "主管部门", "标题", "年度", "全年预算数", "全年执行数", "执行率", "总分", "等级",
    "错误数", "警告数", "提示数", "无法读取原因", "总分说明",
)
_COL = {name: k for k, name in enumerate(REPORT_HEADER)}
_REPORT_FORMATS = {_COL["全年预算数"]: "#,##0.00", _COL["全年执行数"]: "#,##0.00", _COL["执行率"]: "0.00%",
                   _COL["总分"]: "0.00"}
FINDING_HEADER: tuple[str, ...] = ("来源", "代码", "级别", "位置", "说明")
CODE_HEADER: tuple[str, ...] = ("代码", "级别", "出现次数", "涉及报告数", "检查内容")

SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
WHERE_NAMES: dict[str, str] = {"budget": "预算执行", "narrative": "报告正文", "document": "全文"}

MAX_PRETTY_JSON_BYTES = 64 * 1024 * 1024  # one pretty-printed result (check of a single file)

Warn = Callable[[str], None]


def _stderr_warn(line: str) -> None:
    from jixiao.escape import escape_controls

    print(escape_controls(f"jixiao：{line}", keep_newlines=False), file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------ reading


def read_results(paths: Iterable[Path], warn: Warn | None = None) -> Iterator[dict[str, Any]]:
    """The result objects of `check --json` files (JSON Lines, or one pretty-printed object).

    A line that is not JSON, or not a result object, is skipped with a one-line Chinese warning naming
    the file and line number. Raises ``FileNotFoundError``/``OSError`` for a file that cannot be opened.
    """
    say = warn or _stderr_warn
    for path in paths:
        path = Path(path)
        with path.open("rb") as fh:
            first = _first_content_line(fh)
            fh.seek(0)
            if first == b"{":  # `check FILE --json` prints one object over many lines
                yield from _read_pretty(path, fh, say)
            else:
                yield from _read_lines(path, fh, say)


def _first_content_line(fh: IO[bytes]) -> bytes:
    for raw in fh:
        line = raw.strip().removeprefix(b"\xef\xbb\xbf").strip()
        if line:
            return line
    return b""


MAX_LINE_WARNINGS = 5  # per file; the rest are counted in one line


def _read_lines(path: Path, fh: IO[bytes], say: Warn) -> Iterator[dict[str, Any]]:
    """The results of a JSON Lines file. Skipped lines are named, the first ``MAX_LINE_WARNINGS`` of
    them, then counted. A file without any result (a report, a document given by mistake) is one
    line, not one per line of it: its warnings are held until its first result."""
    held: list[str] = []  # warnings before the first result
    found = False
    skipped = 0
    for number, raw in enumerate(fh, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        obj = _parse(raw)
        if isinstance(obj, _Bad):
            why = obj.reason
        elif obj is None:
            why = "不是有效的 JSON"
        elif not _is_result(obj):
            why = "不是 check --json 的检查结果"
        else:
            if not found:
                found = True
                for line in held:
                    say(line)
            yield obj
            continue
        skipped += 1
        if skipped <= MAX_LINE_WARNINGS:
            line = f"{path.name} 第 {number} 行{why}，已跳过"
            if found:
                say(line)
            else:
                held.append(line)
    if not found and skipped:
        say(f"{path.name} 不是 check --json 输出的 JSON Lines 文件（{skipped} 行都不是检查结果），已跳过")
    elif skipped > MAX_LINE_WARNINGS:
        say(f"{path.name} 另有 {skipped - MAX_LINE_WARNINGS} 行无效，已跳过")


def _read_pretty(path: Path, fh: IO[bytes], say: Warn) -> Iterator[dict[str, Any]]:
    data = fh.read(MAX_PRETTY_JSON_BYTES + 1)
    obj = None if len(data) > MAX_PRETTY_JSON_BYTES else _parse(data.removeprefix(b"\xef\xbb\xbf"))
    if isinstance(obj, _Bad):
        say(f"{path.name} 第 1 行起{obj.reason}，已跳过")
    elif obj is None:
        say(f"{path.name} 第 1 行起不是有效的 JSON，已跳过")
    elif not _is_result(obj):
        say(f"{path.name} 第 1 行起不是 check --json 的检查结果，已跳过")
    else:
        yield obj


class _Bad(NamedTuple):
    reason: str


def _parse(data: bytes) -> Any:
    """The JSON value; ``_Bad`` for numbers jixiao refuses (NaN, 1e99999999…), None for what is not JSON."""
    from jixiao.serialize import BadNumber, loads

    try:
        return loads(data.decode("utf-8"))
    except BadNumber as exc:
        return _Bad(f"的{exc.reason}")
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def _is_result(obj: Any) -> bool:
    return isinstance(obj, dict) and (isinstance(obj.get("report"), dict) or isinstance(obj.get("error"), dict))


# ------------------------------------------------------------------------------------- one report


class _Row(NamedTuple):
    """What the summary keeps in memory of one report: its sort key and where its cells are spooled."""

    readable: bool
    minus_errors: int
    minus_warnings: int
    no_score: bool
    score: Decimal
    seq: int
    offset: int
    length: int


def _dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def _num(v: Any) -> Decimal | int | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int | Decimal):
        return v
    if isinstance(v, float):
        return Decimal(str(v))
    return None


def _str(v: Any) -> str | None:
    if v is None:
        return None
    return v if isinstance(v, str) else str(v)


def _where(where: Any, indicators: list[Any]) -> str:
    w = _str(where) or ""
    if w.startswith("indicator:"):
        try:
            k = int(w.split(":", 1)[1])
        except ValueError:
            return w
        name = _dict(indicators[k]).get("name") if 0 <= k < len(indicators) else None
        return f"指标“{name}”" if name else f"第 {k + 1} 个指标"
    return WHERE_NAMES.get(w, w)


Cells = tuple[Any, ...]
FindingRow = tuple[str, str, str, str]


def _summarise(obj: dict[str, Any]) -> tuple[Cells, list[FindingRow], int, int]:
    """The report row, the findings (code, severity, where, message), errors and warnings of one result."""
    source = _str(obj.get("source")) or ""
    error = obj.get("error")
    if isinstance(error, dict):
        reason = _str(error.get("message")) or _str(error.get("code")) or "无法读取"
        unreadable: list[Any] = [None] * len(REPORT_HEADER)
        unreadable[_COL["来源文件"]], unreadable[_COL["无法读取原因"]] = source, reason
        return tuple(unreadable), [], 0, 0
    report = _dict(obj.get("report"))
    budget = _dict(report.get("budget"))
    score = _dict(obj.get("score"))
    indicators = report.get("indicators") if isinstance(report.get("indicators"), list) else []
    findings: list[FindingRow] = []
    counts: Counter[str] = Counter()
    raw_findings = [_dict(f) for f in obj.get("findings")] if isinstance(obj.get("findings"), list) else []
    # One slip, many findings: a finding caused by another present here goes right under it and
    # is not counted again.
    present = {(_str(f.get("code")) or "", _str(f.get("where")) or "") for f in raw_findings}
    roots: list[tuple[FindingRow, tuple[str, str]]] = []
    derived: dict[tuple[str, str], list[FindingRow]] = {}
    for f in raw_findings:
        code, where_key = _str(f.get("code")) or "", _str(f.get("where")) or ""
        sev = _str(f.get("severity")) or ""
        cause = _dict(f.get("caused_by"))
        cause_key = (_str(cause.get("code")) or "", _str(cause.get("where")) or "")
        message = _str(f.get("message")) or ""
        if cause_key[0] and cause_key in present and cause_key != (code, where_key):
            row = ("└" + code, sev, _where(f.get("where"), indicators), f"（由{cause_key[0]}引起，不另计）{message}")
            derived.setdefault(cause_key, []).append(row)
            continue
        counts[sev] += 1
        roots.append(((code, sev, _where(f.get("where"), indicators), message), (code, where_key)))
    roots.sort(key=lambda x: _SEVERITY_ORDER.get(x[0][1], 9))  # stable: codes keep their order
    for row, key in roots:
        findings.append(row)
        findings.extend(derived.pop(key, []))
    rate = _num(budget.get("execution_rate"))
    cells = (
        source,
        _str(report.get("organization")),
        _str(report.get("supervising_department")),
        _str(report.get("title")),
        _num(report.get("fiscal_year")),
        _num(budget.get("annual")),
        _num(budget.get("executed")),
        Decimal(rate) / 100 if rate is not None else None,
        _num(score.get("total")),
        _str(score.get("grade")),
        counts["error"],
        counts["warning"],
        counts["info"],
        None,
        _score_note(report, score),
    )
    return cells, findings, counts["error"], counts["warning"]


_HOW_NAMES = (("split", "拆分"), ("ocr", "识别纠正"), ("realigned", "错位移入"))


def _score_note(report: dict[str, Any], score: dict[str, Any]) -> str | None:
    """总分/等级 are the tool's: say so, give the unit's own total beside it, and call the figure a
    参考分 when it rests on assumed weights or on split/OCR-corrected figures."""
    if not score:
        return None
    parts = ["复核计算，非单位填报"]
    stated = _num(report.get("stated_total"))
    if stated is not None:
        d = Decimal(stated)
        parts.append(f"自评{d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()}")
    reasons: list[str] = []
    if score.get("weights_assumed") is True:
        reasons.append("原报告未填分值，按默认权重计算")
    hows: set[str] = set()
    budget = _dict(report.get("budget"))
    provenances = [_dict(budget.get("provenance"))]
    indicators = report.get("indicators") if isinstance(report.get("indicators"), list) else []
    provenances += [_dict(_dict(i).get("provenance")) for i in indicators]
    for prov in provenances:
        hows.update(str(_dict(v).get("how")) for v in prov.values())
    done = [name for how, name in _HOW_NAMES if how in hows]
    if done:
        reasons.append(f"部分数字经{'/'.join(done)}得出")
    if reasons:
        parts.append("参考分：" + "，".join(reasons))
    return "；".join(parts)


# ------------------------------------------------------------------------------------------ writing


def write_summary(records: Iterable[dict[str, Any]], out: Path) -> int:
    """Write the summary workbook to ``out``; returns the number of reports (rows of 报告汇总)."""
    out = Path(out)
    rows: list[_Row] = []
    code_count: Counter[str] = Counter()
    code_reports: Counter[str] = Counter()
    code_severity: dict[str, str] = {}
    widths = [float(w) for w in _WIDTH_FLOORS]
    with tempfile.TemporaryFile(prefix="jixiao-summary-") as spool:
        for seq, obj in enumerate(records):
            cells, findings, errors, warnings = _summarise(obj)
            data = pickle.dumps((cells, findings), protocol=pickle.HIGHEST_PROTOCOL)
            offset = spool.tell()
            spool.write(data)
            total = cells[_COL["总分"]]
            readable = cells[_COL["无法读取原因"]] is None
            rows.append(_Row(readable, -errors, -warnings, total is None, Decimal(total or 0), seq, offset,
                             len(data)))
            counted = [(code, sev) for code, sev, _, _ in findings if not code.startswith("└")]
            for code, sev in counted:
                code_count[code] += 1
                code_severity.setdefault(code, sev)
            code_reports.update({code for code, _ in counted})
            for k, v in enumerate(cells):
                if isinstance(v, str) and widths[k] < _WIDTH_CAPS[k]:
                    widths[k] = max(widths[k], _display_width(v) + 1)
        rows.sort()
        widths = [min(w, c) for w, c in zip(widths, _WIDTH_CAPS, strict=True)]
        _write_workbook(out, rows, spool, widths, code_count, code_reports, code_severity)
    return len(rows)


def _write_workbook(out: Path, rows: list[_Row], spool: IO[bytes], widths: list[float], code_count: Counter[str],
                    code_reports: Counter[str], code_severity: dict[str, str]) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("报告汇总")
    _start_sheet(ws, REPORT_HEADER, widths)
    out_rows = _Rows(ws, widths, _REPORT_FORMATS)
    for row in rows:
        cells, _ = _unspool(spool, row)
        out_rows.append(cells)
    _finish_sheet(ws, len(REPORT_HEADER), len(rows))

    wf = wb.create_sheet("全部问题")
    _start_sheet(wf, FINDING_HEADER, _FINDING_WIDTHS)
    n_findings = 0
    finding_rows = _Rows(wf, _FINDING_WIDTHS)
    for row in rows:
        cells, findings = _unspool(spool, row)
        for code, sev, where, message in findings:
            finding_rows.append((cells[0], code, SEVERITY_NAMES.get(sev, sev), where, message))
            n_findings += 1
    _finish_sheet(wf, len(FINDING_HEADER), n_findings)

    wc = wb.create_sheet("问题统计")
    _start_sheet(wc, CODE_HEADER, _CODE_WIDTHS)
    descriptions = _rule_descriptions()
    ordered = sorted(code_count, key=lambda c: (-code_count[c], _SEVERITY_ORDER.get(code_severity[c], 9), c))
    code_rows = _Rows(wc, _CODE_WIDTHS)
    for code in ordered:
        sev = code_severity[code]
        code_rows.append((code, SEVERITY_NAMES.get(sev, sev), code_count[code], code_reports[code],
                          descriptions.get(code, "")))
    _finish_sheet(wc, len(CODE_HEADER), len(ordered))

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jixiao-summary-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp made it private; the summary is an ordinary file
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unspool(spool: IO[bytes], row: _Row) -> tuple[Cells, list[FindingRow]]:
    spool.seek(row.offset)
    cells, findings = pickle.loads(spool.read(row.length))  # our own temporary file
    return cells, findings


def _rule_descriptions() -> dict[str, str]:
    try:
        from jixiao.review import catalogue

        return {r.code: r.description for r in catalogue()}
    except Exception:  # the summary does not depend on the review engine being importable
        return {}


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


# Column widths (Excel character units; a Chinese character takes two). The header row wraps, so a
# numeric column is as wide as its numbers, not its name; text columns grow with their content up to
# the cap and wrap beyond it. At the caps the 报告汇总 row is about 200 units: one landscape A4 page
# wide at about 75 % (the 全部问题 and 问题统计 sheets print near full size).
_WIDTH_FLOORS = (12, 10, 10, 12, 6, 12, 12, 8, 7, 6, 7, 7, 7, 12, 12)
_WIDTH_CAPS = (28, 22, 18, 34, 6, 13, 13, 9, 7, 6, 7, 7, 7, 30, 24)
_FINDING_WIDTHS = (28, 7, 6, 22, 72)
_CODE_WIDTHS = (7, 6, 10, 11, 72)


def _start_sheet(ws: Any, header: tuple[str, ...], widths: Iterable[float]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    for k, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = w
    ws.freeze_panes = "A2"
    _print_setup(ws)
    fill = PatternFill("solid", fgColor="1F4E78")
    font = Font(bold=True, color="FFFFFF")
    edge = Side(style="thin", color="808080")
    cells = []
    for name in header:
        c = WriteOnlyCell(ws, value=name)
        c.fill, c.font = fill, font
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = Border(bottom=edge)
        cells.append(c)
    ws.append(cells)


def _print_setup(ws: Any) -> None:
    """A4 landscape, one page wide and as many down as needed, header row on every page, page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # no limit: rows run on to further pages
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _finish_sheet(ws: Any, columns: int, rows: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def _cell(ws: Any, value: Any, number_format: str | None = None) -> Any:
    """A plain value, or a cell when it needs a format or must be kept as text (see ``xlsx_cells``)."""
    from jixiao.writers.xlsx_cells import write_only_cell

    return write_only_cell(ws, value, number_format)


class _Rows:
    """Appends rows (after the header) to one write-only sheet. A text longer than its column is
    wide wraps inside it and its row is made tall enough for its lines (spreadsheet programs do not
    grow a row for wrapped text when they open a file); the other cells of such a row are aligned to
    its top, so that a code or a number stands next to the first line of its message. Rows that fit
    stay plain values (no style per cell: the summary of 10 000 reports has 300 000 cells).
    """

    def __init__(self, ws: Any, widths: Iterable[float], formats: dict[int, str] | None = None) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import Cell
        from openpyxl.styles import Alignment
        from openpyxl.styles.cell_style import StyleArray

        self.ws = ws
        self.widths = [float(w) for w in widths]
        self.formats = formats or {}
        self.row = 1  # the header's
        self._new_cell, self._cell_type, self._style_array = WriteOnlyCell, Cell, StyleArray
        # The workbook's style indices of the two alignments, looked up once: setting ``alignment``
        # on each cell hashes the Alignment object every time (a quarter of the writing time).
        probe = WriteOnlyCell(ws)
        probe.alignment = Alignment(vertical="top")
        self._top = probe._style.alignmentId
        probe.alignment = Alignment(vertical="top", wrap_text=True)
        self._wrap = probe._style.alignmentId

    def _wraps(self, k: int, v: Any) -> bool:
        if not isinstance(v, str):
            return False
        room = self.widths[k] - 1
        return len(v) > room or (2 * len(v) > room and _display_width(v) > room)

    def append(self, values: Iterable[Any]) -> None:
        values = list(values)
        wraps = [self._wraps(k, v) for k, v in enumerate(values)]
        self.row += 1
        if not any(wraps):
            self.ws.append([_cell(self.ws, v, self.formats.get(k)) for k, v in enumerate(values)])
            return
        lines = max(_lines(v, self.widths[k]) for k, v in enumerate(values) if wraps[k])
        row = []
        for k, v in enumerate(values):
            cell = _cell(self.ws, v, self.formats.get(k))
            if cell is None:
                row.append(None)
                continue
            if not isinstance(cell, self._cell_type):  # a plain value that needs no escaping (see xlsx_cells)
                cell = self._new_cell(self.ws, value=cell)
            if cell._style is None:
                cell._style = self._style_array()
            cell._style.alignmentId = self._wrap if wraps[k] else self._top
            row.append(cell)
        dims = self.ws.row_dimensions
        dims[self.row].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
        self.ws.append(row)  # written out now: its dimension is not kept
        del dims[self.row]


LINE_HEIGHT = 15.0  # points, one line of the default 11-point font
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide (a Chinese character
    counted as two; rounded up, so a row is never too short for its text)."""
    room = max(width - 1, 1)
    return sum(max(1, -(-_display_width(part) // int(room))) for part in text.split("\n"))


__all__ = ["read_results", "write_summary"]
