"""``Document`` → ``Report``: find the metadata, the fund block, the indicator table and the
narrative sections, whatever format the document came in.

Tables are read as streams of rows: a header row (recognised by the column names in
``data/headers.toml``) starts a fund block or an indicator block, and the rows under it are read
for what they are (fund-source rows, indicators, 合计/总分 rows, the 预算执行率 row some provinces
put in the indicator table). One table may hold several blocks (the 10号文 form does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao.levels import levels_of
from jixiao.model import Budget, FundSource, Indicator, Operator, Provenance, ReadError, Report, Section
from jixiao.readers import meta
from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.flat import is_glued, is_unit_word, level_of
from jixiao.readers.headers import clean, data, header_map, header_maps, match, match_exact
from jixiao.readers.meta import names_itself_self_evaluation
from jixiao.readers.narrative import merge_prose_budget, read_prose_budget, read_prose_indicators
from jixiao.readers.numsplit import rate_fits
from jixiao.readers.stream import read_stream
from jixiao.values import (
    normalize,
    normalize_unit,
    parse_amount,
    parse_number,
    parse_operator,
    parse_percent,
    parse_value,
)

_H1 = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")
_H2 = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.*)$")
_H3 = re.compile(r"^\s*(\d{1,2})\s*[、．]\s*(\D.*)$")
_HEADING_START = "一二三四五六七八九十（("  # the first character of an _H1 / _H2 heading (_H3: a digit, \d)
_YEAR = re.compile(r"(20\d{2})\s*年")
_DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$")
_YUAN_NOTE = re.compile(r"[（(:：]\s*元\s*[)）]?")
_WEIGHT_NOTE = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_YEAR_CELL = re.compile(r"[（(]?\s*(20\d{2})\s*年度?\s*[)）]?")
_EMPTY = {"", "-", "—", "–", "/", "无", "——", "--", "\\", "／"}

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"
_PROSE_AMOUNT = rf"[:：为是]?\s*([0-9０-９][0-9０-９,，.．]*|[{_CN_DIGITS}]+?)\s*(亿元|万元|千元|元)"
_PROSE = {
    "initial": re.compile(r"年初预算(?:数|金额)?" + _PROSE_AMOUNT),
    "annual": re.compile(r"(?:全年预算|调整后预算|全年预算金额|预算总额)(?:数|金额)?" + _PROSE_AMOUNT),
    "executed": re.compile(r"(?:全年执行|预算执行|实际执行|实际支出|全年支出|累计支出)(?:数|金额)?" + _PROSE_AMOUNT),
}
_PROSE_RATE = re.compile(r"(?:预算)?执行率\s*[:：为是达]?\s*([0-9０-９][0-9０-９.．]*)\s*[%％]")
_PROSE_TOTAL = re.compile(r"(?:自评|综合|评价|总)(?:得分|总分|分数)\s*[:：为是]?\s*([0-9]+(?:\.[0-9]+)?)\s*分?")
_PROSE_GRADE = re.compile(r"(?:自评|评价|绩效)?等级\s*[:：为是]?\s*[“\"]?(优秀|优|良好|良|中|差)")


def _empty(cell: str | None) -> bool:
    return cell is None or _empty_text(cell)


@lru_cache(maxsize=8192)
def _empty_text(cell: str) -> bool:
    return normalize(cell) in _EMPTY


def _cell(row: list[str], idx: int | None) -> str:
    if idx is None or idx >= len(row):
        return ""
    return row[idx].strip()


@dataclass
class _State:
    report: Report = field(default_factory=Report)
    fields: dict[str, str] = field(default_factory=dict)
    budget: Budget | None = None
    form_title: str | None = None
    fund_header_text: str = ""
    headers: dict[str, set[str]] = field(default_factory=lambda: {"fund": set(), "indicator": set()})
    table_no: int = 0  # the table being read (1-based), for where a figure was read
    realigned_rows: set[int] = field(default_factory=set)  # of that table: rows the reader re-aligned
    goal_next: bool = False  # the 年度总体目标 | 预期目标 | 实际完成情况 header was the row just read
    stream_organization: str | None = None  # the 实施单位 cell of a form that lost its structure


_ROW_FIELDS = ("target", "actual", "operator", "weight", "stated_score")


def _cells_provenance(st: _State, row: int, hmap: dict[str, int], fields: dict[str, str],
                      present: dict[str, object]) -> dict[str, Provenance]:
    """field → Provenance("cell", 表t第r行第c列) for the figures a table row gave (``fields`` maps the
    model's field names to the header's column keys; ``present`` holds what was read)."""
    out: dict[str, Provenance] = {}
    for attr, col in fields.items():
        idx = hmap.get(col)
        if idx is not None and present.get(attr) is not None:
            out[attr] = Provenance("cell", f"表{st.table_no}第{row + 1}行第{idx + 1}列")
    return out


# ---------------------------------------------------------------------------------------- fund

def _default_money_unit(cells: list[str]) -> str:
    joined = "".join(cells)
    for unit in ("亿元", "万元", "千元"):
        if unit in joined:
            return unit
    if _YUAN_NOTE.search(joined) or "单位：元" in joined:
        return "元"
    return "万元"


def _fund_label(row: list[str], first_num: int) -> str:
    label = ""
    for c in row[:first_num]:
        t = c.strip()
        if t and not _empty(t) and parse_number(t) is None:
            label = t
    return label


@lru_cache(maxsize=4096)
def _fund_row_kind(label: str) -> str | None:
    lab = clean(label).replace("其中", "").lstrip(":：")
    if not lab:
        return None
    return match(lab, "fund_rows") or None


def _read_fund_block(rows: list[list[str]], start: int, hmap: dict[str, int], st: _State,
                     context: list[str]) -> int:
    header = rows[start]
    unit = _default_money_unit(header + context)
    budget = st.budget or Budget(origin="table")
    first_num = min(v for k, v in hmap.items() if k in ("initial", "annual", "executed"))
    i = start + 1
    total_seen = False
    while i < len(rows):
        row = rows[i]
        imap, fmap = header_maps(row)
        if imap or fmap:
            break
        label = _fund_label(row, first_num)
        values = {k: _cell(row, idx) for k, idx in hmap.items()}
        amounts = {k: parse_amount(values.get(k, ""), unit) for k in ("initial", "annual", "executed")}
        has_any = any(v is not None for v in amounts.values())
        kind = _fund_row_kind(label)
        if kind is None and (not has_any or match(label, "fields") is not None):
            break
        if kind is None and label and len(clean(label)) > 12:
            break
        if kind == "total" or (kind is None and not total_seen and not label):
            total_seen = True
            budget.stated_total = FundSource(name=label or "年度资金总额", **amounts)
            budget.initial, budget.annual, budget.executed = (
                amounts["initial"], amounts["annual"], amounts["executed"])
            w = parse_number(values.get("weight", ""))
            if w is not None:
                budget.weight = w
            s = parse_number(values.get("score", ""))
            if s is not None:
                budget.stated_score = s
            rate_text = values.get("rate", "")
            if not _empty(rate_text):
                rate = parse_percent(rate_text)
                if rate is not None and "%" not in rate_text and "％" not in rate_text and rate <= 1:
                    rate = rate * 100  # a fraction written as 0.7835
                budget.stated_execution_rate = rate
                budget.stated_execution_rate_text = rate_text
            budget.provenance.update(_cells_provenance(
                st, i, hmap, {"initial": "initial", "annual": "annual", "executed": "executed", "weight": "weight",
                              "stated_score": "score", "stated_execution_rate": "rate"},
                {"initial": budget.initial, "annual": budget.annual, "executed": budget.executed,
                 "weight": budget.weight, "stated_score": budget.stated_score,
                 "stated_execution_rate": budget.stated_execution_rate}))
        elif has_any:
            name = kind if kind and kind != "total" else (clean(label) or "其他资金")
            budget.sources.append(FundSource(name=name, **amounts))
        i += 1
    weight_note = _WEIGHT_NOTE.search("".join(header + context))
    if budget.weight is None and weight_note:
        budget.weight = Decimal(weight_note.group(1))
    _fill_totals_from_sources(budget)
    st.budget = budget
    return i


def _fill_totals_from_sources(budget: Budget) -> None:
    if not budget.sources:
        return
    for attr in ("initial", "annual", "executed"):
        total = getattr(budget, attr)
        parts = [getattr(s, attr) for s in budget.sources if getattr(s, attr) is not None]
        if parts and (total is None or total == 0) and sum(parts, Decimal(0)) != 0:
            setattr(budget, attr, sum(parts, Decimal(0)))
            budget.totals_from_sources = True


# ----------------------------------------------------------------------------------- indicators

def _implied_operator(name: str) -> Operator:
    words = data()["implied_operator"]["lower_is_better"]
    return "<=" if any(w in name for w in words) else ">="


def _make_indicator(name: str, op_text: str, target_text: str, unit_text: str, actual_text: str) -> Indicator:
    tv = parse_value(target_text)
    av = parse_value(actual_text)
    op_col = parse_operator(op_text) if op_text else None
    operator: Operator
    if op_col is not None:
        operator = op_col
    elif tv.operator is not None:
        operator = tv.operator
    elif tv.number is None and not _empty(target_text):
        operator = "qualitative"
    else:
        operator = _implied_operator(name)
    unit = normalize_unit(unit_text)
    if unit is None:
        unit = tv.unit or av.unit
    target = tv.number if operator != "qualitative" else None
    actual = av.number if operator != "qualitative" else None
    return Indicator(
        name=name, operator=operator, target=target, target_text=target_text.strip(),
        actual=actual, actual_text=actual_text.strip(), unit=unit, operator_text=op_text.strip(),
    )


def _special_row(row: list[str], hmap: dict[str, int]) -> str | None:
    for kind in map(_special_label, row[: hmap["name"] + 1]):
        if kind:
            return kind
    return None


_LABEL_DECORATION = re.compile(r"[\s:：%％\d.．、，,;；\-—]+")


@lru_cache(maxsize=8192)
def _special_label(cell: str) -> str | None:
    """The kind of special row (total, grade, budget) a label cell is: the label itself, with at most
    a note, a colon or a number around it (合计, 总分（100分）, 评价等级：). A cell that merely holds
    such a word is an indicator's name (安全等级达标率, 合计节约资金)."""
    if not cell.strip():
        return None
    return match_exact(_LABEL_DECORATION.sub("", clean(cell)), "special_rows")


def _numbers_after(row: list[str], start: int) -> list[Decimal]:
    out = []
    for c in row[start:]:
        n = parse_number(c) if not _empty(c) else None
        if n is not None:
            out.append(n)
    return out


def _grade_in(row: list[str]) -> str | None:
    for c in row:
        t = normalize(c)
        if t in ("优", "良", "中", "差", "优秀", "良好"):
            return t[0]
    return None


def _read_indicator_block(rows: list[list[str]], start: int, hmap: dict[str, int], st: _State) -> int:
    report = st.report
    l1_text = l2_text = ""
    i = start + 1
    name_i = hmap["name"]
    level1_i, level2_i = hmap.get("level1"), hmap.get("level2")
    operator_i, target_i = hmap.get("operator"), hmap.get("target")
    unit_i, actual_i = hmap.get("unit"), hmap.get("actual")
    weight_i, score_i, reason_i = hmap.get("weight"), hmap.get("score"), hmap.get("reason")
    while i < len(rows):
        row = rows[i]
        imap, fmap = header_maps(row)
        if i > start + 1 and (imap and _cell(row, name_i) in rows[start][name_i]):
            i += 1  # a header repeated on the next page
            continue
        if fmap or (imap and i > start + 1):
            break
        special = _special_row(row, hmap)
        if special == "total":
            nums = _numbers_after(row, 1)
            s = parse_number(_cell(row, score_i)) if score_i is not None else None
            report.stated_total = s if s is not None else (nums[-1] if nums else None)
            g = _grade_in(row)
            if g:
                report.stated_grade = g
            i += 1
            continue
        if special == "grade":
            g = _grade_in(row)
            if g:
                report.stated_grade = g
            i += 1
            continue
        if special == "budget":
            b = st.budget or Budget(origin="table")
            w = parse_number(_cell(row, weight_i))
            s = parse_number(_cell(row, score_i))
            if w is not None:
                b.weight = w
            if s is not None:
                b.stated_score = s
            rate_text = _cell(row, actual_i)
            if parse_percent(rate_text) is not None and b.stated_execution_rate is None:
                b.stated_execution_rate = parse_percent(rate_text)
                b.stated_execution_rate_text = rate_text
            st.budget = b
            i += 1
            continue
        name = _cell(row, name_i)
        if level1_i is not None and not _empty(level1 := _cell(row, level1_i)):
            l1_text = level1
        if level2_i is not None and not _empty(level2 := _cell(row, level2_i)):
            l2_text = level2
        if _empty(name) or (name == l2_text and level2_i is not None) or fmap:
            i += 1
            continue
        operator, target, actual = _cell(row, operator_i), _cell(row, target_i), _cell(row, actual_i)
        if _empty(target) and _empty(actual) and _empty(operator):
            # a merged text row (说明, 总体目标 …) ends the block
            if len(set(c for c in row if c.strip())) <= 1:
                break
            i += 1
            continue
        ind = _make_indicator(name, operator, target, _cell(row, unit_i), actual)
        ind.weight = parse_number(_cell(row, weight_i)) if weight_i is not None else None
        ind.stated_score = parse_number(_cell(row, score_i)) if score_i is not None else None
        reason = _cell(row, reason_i)
        ind.deviation_reason = None if _empty(reason) else reason
        ind.level1, ind.level2, ind.levels_inferred = levels_of(ind, l1_text or None, l2_text or None)
        # one Provenance for the row (table rows are many; where names the row, 表t第r行)
        cell = Provenance("realigned" if i in st.realigned_rows else "cell", f"表{st.table_no}第{i + 1}行")
        present = (target, actual, operator, ind.weight, ind.stated_score)
        ind.provenance = {attr: cell for attr, v in zip(_ROW_FIELDS, present, strict=True) if v not in (None, "")}
        report.indicators.append(ind)
        i += 1
    return i


# ------------------------------------------------------------------------------ fields in tables

_GOAL_HEADERS = ("预期目标", "实际完成情况", "实际完成", "目标")


def _read_field_cells(row: list[str], st: _State, only_goal: bool = False) -> None:
    """Basic-information cells: 项目名称 | X, 实施单位 | Y, 年度总体目标 | 预期 | 实际 … (``only_goal``: the
    年度总体目标 cells of a row that is also the indicator header, as in a flattened form)."""
    cells = [c.strip() for c in row]
    if st.goal_next:
        st.goal_next = False
        texts = [c for c in cells if c and match(c, "fields") is None]
        if texts and st.report.overall_goal is None and len(texts) <= 2:
            # the row under the 预期目标 | 实际完成情况 header: the goal and what was done, in that order
            st.fields["goal"] = st.report.overall_goal = texts[0]
            if len(texts) > 1:
                st.report.overall_goal_actual = texts[1]
            return
    for k, label in enumerate(cells):
        if not label or len(clean(label)) > 10:
            continue
        f = match(label, "fields")
        if f is None or f in st.fields or (only_goal and f != "goal"):
            continue
        values = [v for v in dict.fromkeys(cells[k + 1:]) if v and v != label and match(v, "fields") is None]
        if not values:
            continue
        if f != "goal":
            st.fields[f] = values[0]
            continue
        if clean(values[0]) in _GOAL_HEADERS:
            # the 预期目标 | 实际完成情况 header: the texts follow in the same row (a flattened form), or are
            # on the next row
            rest = [v for v in cells[k + 1:] if v]
            while rest and clean(rest[0]) in _GOAL_HEADERS:
                rest.pop(0)
            texts = []
            for v in rest:
                if len(clean(v)) <= 6 or match(v, "fields") is not None:
                    break  # a short cell is the next header (绩效指标), not a goal text
                texts.append(v)
                if len(texts) == 2:
                    break
            if not texts:
                st.goal_next = True
                continue
            st.fields[f] = st.report.overall_goal = texts[0]
            if len(texts) > 1:
                st.report.overall_goal_actual = texts[1]
            continue
        # not de-duplicated: an actual copied word for word from the goal is what I15 looks for
        texts = [v for v in cells[k + 1:] if v and v != label and match(v, "fields") is None]
        st.fields[f] = st.report.overall_goal = texts[0]
        if len(texts) > 1:
            st.report.overall_goal_actual = texts[1]


def _table_title(row: list[str], st: _State) -> None:
    for c in row:
        t = normalize(c)
        if ("自评表" in t or "评价表" in t) and len(t) < 40 and st.form_title is None:
            st.form_title = t
        y = _YEAR_CELL.fullmatch(t)
        if y and st.report.fiscal_year is None:
            st.report.fiscal_year = int(y.group(1))


def _read_score_row(row: list[str], st: _State) -> None:
    """总分 / 评价等级 rows of a score table outside the indicator block."""
    cells = [c.strip() for c in row if c.strip()]
    if len(cells) < 2 or len(clean(cells[0])) > 8:
        return
    kind = match(cells[0], "special_rows")
    if kind == "total" and clean(cells[0]) in ("总分", "自评总分", "自评得分", "综合得分") \
            and st.report.stated_total is None:
        nums = [n for n in (parse_number(c) for c in cells[1:]) if n is not None]
        if nums:
            st.report.stated_total = nums[-1]
        g = _grade_in(cells[1:])
        if g:
            st.report.stated_grade = g
    elif kind == "grade" and st.report.stated_grade is None:
        st.report.stated_grade = _grade_in(cells[1:])


_SPLIT_HEADER_FIELDS = ("operator", "target", "unit", "actual", "weight", "score", "reason")


def _merge_split_header(rows: list[list[str]], i: int, imap: dict[str, int]) -> dict[str, int]:
    """A header over two rows (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 above 一级指标 | 二级指标 |
    三级指标 | 指标性质 | 指标值 | 度量单位): the columns one row names and the other does not are taken
    from the other row, where that column is not already taken."""
    merged = dict(imap)
    used = set(imap.values())
    for k in (i - 1, i + 1):
        if not 0 <= k < len(rows):
            continue
        other = rows[k]
        if any(parse_number(c) is not None for c in other if c.strip()):
            continue  # a data row, not the other half of the header
        for f, idx in header_map(other, "indicator").items():
            if f in _SPLIT_HEADER_FIELDS and f not in merged and idx not in used:
                merged[f] = idx
                used.add(idx)
    return merged


def _read_table(table: Table, st: _State, before: str = "") -> None:
    st.table_no += 1
    st.realigned_rows = table.realigned
    rows = [[c if isinstance(c, str) else "" for c in r] for r in table.rows]
    i = 0
    while i < len(rows):
        row = rows[i]
        imap, fmap = header_maps(row)
        if imap is not None or fmap is not None:
            st.goal_next = False
        if imap is not None:
            _read_field_cells(row, st, only_goal=True)
            imap = _merge_split_header(rows, i, imap)
            st.headers["indicator"].update(imap)
            i = _read_indicator_block(rows, i, imap, st)
            continue
        if fmap is not None:
            st.headers["fund"].update(fmap)
            st.fund_header_text += "".join(row)
            context = [c for r in rows[max(0, i - 1): i] for c in r] + [before]
            i = _read_fund_block(rows, i, fmap, st, context)
            continue
        _table_title(row, st)
        _read_field_cells(row, st)
        _read_score_row(row, st)
        i += 1


# ------------------------------------------------------------------------------------ narrative

def _heading(text: str) -> tuple[str, str, int] | None:
    """(number, title, level) when a paragraph is a numbered heading."""
    first = text.lstrip()[:1]  # (str.lstrip strips what \s matches)
    if not first or not (first in _HEADING_START or first.isdecimal()):
        return None  # what none of the three patterns can match: most paragraphs
    for rx, level, fmt in ((_H1, 1, "{}"), (_H2, 2, "（{}）"), (_H3, 3, "{}")):
        m = rx.match(text)
        if m:
            rest = m.group(2).strip()
            if level == 3 and (len(rest) > 30 or not rest):
                return None
            return fmt.format(m.group(1)), text.strip(), level
    return None


def _split_heading(text: str) -> tuple[str, str]:
    """A heading line that runs on into its body: "一、目标情况：本项目…" → (heading, body)."""
    if len(text) <= 40:
        return text, ""
    for sep in ("：", ":", "。"):
        k = text.find(sep)
        if 0 < k <= 40:
            return text[: k + 1].rstrip("：:"), text[k + 1:].strip()
    return text[:40], text[40:]


def _sections(paragraphs: list[str]) -> list[Section]:
    sections = [Section(number=None, title="", level=0)]
    for p in paragraphs:
        h = _heading(p)
        if h is not None:
            number, _, level = h
            title, body = _split_heading(p.strip())
            sections.append(Section(number=number, title=title, level=level, text=body))
            continue
        cur = sections[-1]
        cur.text = f"{cur.text}\n{p}" if cur.text else p
    if not sections[0].text:
        sections.pop(0)
    return sections


def _read_prose_budget(text: str, st: _State) -> None:
    found: dict[str, Decimal] = {}
    for key, rx in _PROSE.items():
        m = rx.search(text)
        if m:
            amount = parse_amount(m.group(1) + m.group(2))
            if amount is not None:
                found[key] = amount
    rate_m = _PROSE_RATE.search(text) if "执行率" in text else None  # the pattern has no fixed start: skip the scan
    b = st.budget
    if (b is None or not b.usable) and ("annual" in found or "executed" in found):
        b = b or Budget()
        b.origin = b.origin or "prose"
        b.initial = b.initial if b.initial is not None else found.get("initial")
        b.annual = b.annual if b.annual is not None else found.get("annual")
        b.executed = b.executed if b.executed is not None else found.get("executed")
        st.budget = b
    if st.budget is not None and st.budget.stated_execution_rate is None and rate_m:
        st.budget.stated_execution_rate = parse_percent(rate_m.group(1) + "%")
        st.budget.stated_execution_rate_text = rate_m.group(1) + "%"


# ------------------------------------------------------------------------------------- metadata

def _is_recipient(t: str) -> bool:
    return (t.endswith(("：", ":")) and len(t) <= 30
            and ("财政" in t or t.endswith(("厅：", "局：", "部：", "委：", "厅:", "局:"))))


def _title_and_recipient(paragraphs: list[str], st: _State) -> list[str]:
    """Set title and recipient from the opening lines; return the paragraphs without them."""
    report = st.report
    title_parts: list[str] = []
    used: set[int] = set()
    for k, p in enumerate(paragraphs[:8]):
        t = p.strip()
        if _heading(t):
            break
        if _is_recipient(t):
            report.recipient = t.rstrip("：:").strip()
            used.add(k)
            break
        if meta.is_attachment_mark(t):  # 附件2 / 附表1： above a title: no part of it, nor of the body
            used.add(k)
            continue
        if meta.is_label_line(t):  # 填报单位：… under a form's title: a field, not the title
            break
        if title_parts and ("报告" in "".join(title_parts) or "自评表" in "".join(title_parts)):
            continue
        if len(t) <= 50 and (not title_parts or len(t) <= 30):
            title_parts.append(t)
            used.add(k)
    title = "".join(title_parts)
    if title and any(w in title for w in ("报告", "自评", "评价", "绩效")):
        report.title = title
    else:
        used = {k for k in used if report.recipient and _is_recipient(paragraphs[k].strip())}
    return [p for k, p in enumerate(paragraphs) if k not in used]


def _organization(paragraphs: list[str], st: _State) -> str | None:
    for key in ("organization",):
        if key in st.fields:
            return st.fields[key]
    for p in paragraphs:
        org = meta.organization_line(p)
        if org is not None:
            return org
    for p in reversed(paragraphs[-6:]):
        t = p.strip()
        if not t or _DATE_LINE.match(t) or _heading(t):
            continue
        if len(t) <= 40 and "：" not in t and "。" not in t and (name := meta.closing_unit(t)):
            return name
        if len(t) > 40:
            break
    return None


def _supervising_department(paragraphs: list[str], st: _State) -> str | None:
    """主管部门 from the form's cell (地方主管部门 on a transfer form) or a "主管部门：…" line."""
    if "supervisor" in st.fields:
        return st.fields["supervisor"]
    for p in paragraphs[:40]:
        sup = meta.supervisor_line(p)
        if sup is not None:
            return sup or None
    return None


def _layout(st: _State) -> str:
    """Which layout the document followed: an official form by its column names, else a report."""
    h = st.headers
    if "调整后预算" in st.fund_header_text and "operator" in h["indicator"]:
        return "sichuan"
    if {"initial", "annual", "executed", "weight", "score"} <= h["fund"] and {"level1", "target", "actual"} <= h[
            "indicator"]:
        return "mof-10"
    if {"annual", "executed"} <= h["fund"] and "weight" not in h["indicator"] and "operator" not in h["indicator"]:
        return "transfer"
    if h["indicator"]:
        return "report-table"
    return "report-prose"


def _kind(text: str) -> str | None:
    if "转移支付" in text:
        return "transfer_payment"
    if "部门整体" in text:
        return "department"
    if "项目" in text:
        return "project"
    return None


def _budget_plausible(b: Budget | None) -> bool:
    """A usable budget that is not a shifted reading of its row."""
    if b is None or not b.usable:
        return False
    text = b.stated_execution_rate_text or ""
    if text and "%" not in text and "％" not in text:
        # a rate cell without a percent sign that disagrees with the amounts: the columns were shifted
        # (a wrong rate written as a percent is the document's own error, for the review to report)
        return rate_fits(b.annual, b.executed, text) is not False
    return True


_NOT_A_NAME = re.compile(r"[\s≥≧≤≦═＝〓=<>＞＜%％0-9.,，—\-/／]*")


def _names_plausible(indicators: list[Indicator]) -> bool:
    """Indicator names that are names: a name that is an operator, a number or a unit means the
    table's columns were shifted (a header cell the rows lack) and the reading is not to be kept."""
    for ind in indicators:
        if _NOT_A_NAME.fullmatch(ind.name) or (len(ind.name) <= 3 and is_unit_word(ind.name)) \
                or (len(ind.name) <= 12 and ind.name.endswith("指标") and level_of(ind.name)):
            return False
    return True


def _may_hold_form(doc: Document, group: str | None) -> bool:
    """Whether a document can hold a form the stream reader would find (a column name as a cell of
    its own, or a flattened table): prose-only reports skip it. ``group`` "fund" asks for a fund
    block only."""
    groups = ("fund",) if group == "fund" else ("fund", "indicator")
    for block in doc.blocks:
        cells = [c for r in block.rows for c in r] if isinstance(block, Table) else [block.text]
        for cell in cells:
            if not isinstance(cell, str):
                continue
            t = cell.strip()
            if len(t) <= 16 and any(match(t, g) for g in groups):
                return True
            if len(t) >= 60 and t.count("。") <= 1 and is_glued(t):
                return True
    return False


def _stream_fallback(doc: Document, st: _State) -> None:
    """Tables that lost their structure (shifted columns, one cell per line, flattened, OCR): when
    the table reader found no usable budget or no indicators, read them from the token stream."""
    need_budget = not _budget_plausible(st.budget)
    need_indicators = not st.report.indicators or not _names_plausible(st.report.indicators)
    if not (need_budget or need_indicators) or not _may_hold_form(doc, "fund" if not need_indicators else None):
        return
    res = read_stream(doc)
    report = st.report
    if need_budget and _budget_plausible(res.budget):
        st.budget = res.budget
        st.headers["fund"].add("stream")
    if need_indicators and res.indicators and (not report.indicators or len(res.indicators) >= len(report.indicators)):
        report.indicators = res.indicators
        st.headers["indicator"].add("stream")
    if res.indicators or res.budget is not None:
        report.unplaced.extend(res.unplaced)
        for key in ("project", "supervisor"):  # the form's own cells: before any line of the text
            if key in res.fields:
                st.fields.setdefault(key, res.fields[key])
        if "organization" in res.fields:
            st.stream_organization = res.fields["organization"]  # after the lines that name the unit
        if report.overall_goal is None and res.goal:
            report.overall_goal = res.goal
            report.overall_goal_actual = report.overall_goal_actual or res.goal_actual
    if report.stated_total is None and res.stated_total is not None and res.indicators:
        report.stated_total = res.stated_total
    if report.stated_grade is None and res.stated_grade is not None:
        report.stated_grade = res.stated_grade
    if report.fiscal_year is None and res.fiscal_year is not None and (res.indicators or res.budget is not None):
        report.fiscal_year = res.fiscal_year


def assemble(doc: Document, name: str = "") -> Report:
    """Turn a document's blocks into a Report. Raises ReadError when nothing of a report is found."""
    st = _State()
    paragraphs: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            _read_table(block, st, paragraphs[-1] if paragraphs else "")
        elif isinstance(block, Paragraph):
            t = block.text.strip()
            if not t:
                continue
            if "\t" in t:
                cells = [c.strip() for c in t.split("\t") if c.strip()]
                _read_field_cells(cells, st)
                t = "\t".join(cells)
            else:
                st.goal_next = False  # the goal texts were not on the row after their header
            paragraphs.append(t)
    report = st.report
    paragraphs = [meta.strip_file_extension(p) for p in paragraphs if not meta.is_page_chrome(p)]
    report.sections = _sections(_title_and_recipient(paragraphs, st))
    report.title = meta.clean_title(report.title)
    prose = "\n".join(paragraphs)
    _read_prose_budget(prose, st)
    _stream_fallback(doc, st)  # a form's table that lost its structure comes before the narrative's sentences
    if st.budget is None or not st.budget.usable or st.budget.stated_execution_rate is None:
        st.budget = merge_prose_budget(st.budget, read_prose_budget(paragraphs, report.unplaced))
    report.budget = st.budget
    if not report.indicators:  # a narrative-only report: its indicators are sentences
        report.indicators = read_prose_indicators(paragraphs)
    stated_title = report.title or "".join(paragraphs[:2])
    project = st.fields.get("project")
    generic = report.title is not None and len(report.title) <= 24 and report.title.endswith(("自评表", "评价表"))
    if report.title is None or (generic and project):
        report.title = project or st.form_title
    report.supervising_department = (st.fields.get("supervisor") or meta.supervisor_from_lines(doc)
                                     or _supervising_department(paragraphs, st) or meta.supervisor_unlabelled(doc))
    report.organization = (_organization(paragraphs, st) or meta.organization_from_lines(doc)
                           or meta.organization_from_title(report.title) or meta.labelled_unit(st.stream_organization)
                           or meta.organization_unlabelled(doc) or meta.organization_self_named(doc)
                           or meta.organization_beside_supervisor(doc, report.supervising_department))
    report.project = st.fields.get("project")
    report.central_department = st.fields.get("central_supervisor")
    if report.fiscal_year is None:
        report.fiscal_year = meta.fiscal_year(doc, report.title)
    if report.fiscal_year is None:
        m = _YEAR.search(report.title or "") or _YEAR.search(prose[:2000])
        report.fiscal_year = int(m.group(1)) if m else None
    report.kind = _kind(stated_title + (report.title or "") + (st.form_title or ""))  # type: ignore[assignment]
    report.layout = _layout(st)
    if report.stated_total is None:
        m = _PROSE_TOTAL.search(prose)
        if m:
            report.stated_total = Decimal(m.group(1))
    if report.stated_grade is None:
        m = _PROSE_GRADE.search(prose) if "等级" in prose else None  # (no fixed start: skip the scan)
        if m:
            report.stated_grade = m.group(1)[0]
    if not report.indicators and (report.budget is None or not report.budget.usable):
        _refuse_unless_self_evaluation(doc, st, name, paragraphs)
    return report


def _something_filled(st: _State, paragraphs: list[str]) -> bool:
    """Anything a unit filled in: a year, a unit, a project, a figure, a value, a sentence of prose."""
    r, b = st.report, st.report.budget
    return bool(r.fiscal_year or r.organization or st.fields.get("project") or r.unplaced
                or (b is not None and (b.annual is not None or b.executed is not None or b.initial is not None))
                or any(len(p) >= 12 and not _is_title_like(p) for p in paragraphs))


def _is_title_like(p: str) -> bool:
    p = p.strip()
    return (p.endswith(("：", ":", "表", "报告")) or "自评" in p) and "，" not in p and "。" not in p


def _refuse_unless_self_evaluation(doc: Document, st: _State, name: str, paragraphs: list[str]) -> None:
    """A document that names itself a self-evaluation is read whatever could not be read in it (D04-D06
    report the gaps); anything else without indicators or a budget is not a report, nor is a blank form."""
    label = f"{name}：" if name else ""
    if names_itself_self_evaluation(doc):
        if _something_filled(st, paragraphs):
            return
        raise ReadError("not_a_report", f"{label}是空白的绩效自评表，尚未填写任何内容",
                        "a blank self-evaluation form: nothing filled in")
    raise ReadError(
        "not_a_report",
        f"{label}未找到绩效指标表或预算执行数据，不像是绩效自评报告",
        "no indicator table or budget figures found: not a self-evaluation report",
    )


__all__ = ["assemble"]
