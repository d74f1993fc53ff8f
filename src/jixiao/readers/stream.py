"""Read a form's fund block and indicator rows from a stream of tokens, by what each token is and by
their order, choosing between possible readings with the form's own arithmetic.

This is the reader for tables that lost their structure on the way to the reviewer: exported forms
whose merged cells shifted the columns, web pages that give one cell per line, viewers that flatten
a whole sheet onto one line and run the numbers together, OCR text. ``assemble`` uses it when the
table reader found no usable budget or no indicators.

- Fund block: the column names (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 …) in their
  order, then the amounts. When fewer amounts than columns are given (a blank cell dropped), every
  way to place them is tried; a placement must keep 执行率 ≈ 执行数 ÷ 预算数 and 得分 ≤ 分值 ≤ 100,
  and the one that the arithmetic confirms is taken. A run of digits ("194.9194.9100%") is split
  only when exactly one split satisfies the arithmetic.
- Indicator rows: level names set 一级/二级, a name starts a row, its values are placed in the
  value columns by kind (an operator, an amount, a unit, a percent, a short score, a text) and
  order; 得分 ≤ 分值 ≤ 100. A value that fits no column is reported in ``unplaced``, not guessed.

Every figure records how it was read (``Provenance``): ``cell`` when it was read as written,
``split`` when it came out of a run of digits, ``ocr`` when an OCR confusion was corrected in it,
``realigned`` when it was placed in a column other than its position says.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.levels import levels_of
from jixiao.model import Budget, FundSource, Indicator, Operator, Provenance, Unplaced
from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.flat import Tok, cell_token, glued_tokens, is_glued
from jixiao.readers.headers import data, match
from jixiao.readers.numsplit import is_piece, rate_fits, readings
from jixiao.values import normalize_unit, parse_amount, parse_value

AMOUNTS = ("initial", "annual", "executed")
VALUE_COLS = ("operator", "target", "unit", "actual", "weight", "score", "reason")
_MONEY_NOTE = re.compile(r"[（(]\s*(亿元|万元|千元|元)\s*[)）]|单位\s*[:：]\s*(亿元|万元|千元|元)")
_WEIGHT_NOTE = re.compile(r"[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分")
_PAGE_MARK = re.compile(r"^\s*([0-9]{1,2})\s*、")
_NUMBERED = re.compile(r"指标\s*[0-9一二三四五六七八九十]+\s*[:：]")
_FORM_YEAR = re.compile(r"[（(]\s*(20[0-9]{2})\s*年度?\s*[)）]")
# a project's code before its name in a form's 项目名称 cell ("51092324T000010263357-2023年全县…项目")
_CODE_PREFIX = re.compile(r"^[0-9A-Za-z]{10,}\s*[-－—_]\s*")
MAX_ROW_ITEMS = 10
MAX_PLACEMENTS = 4000  # placements tried for one row (a form row has a handful of values)
MAX_LOST = 3


@dataclass
class StreamResult:
    budget: Budget | None = None
    indicators: list[Indicator] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    stated_total: Decimal | None = None
    stated_grade: str | None = None
    fiscal_year: int | None = None  # from a form title among the tokens: …自评表(2023年度)
    # the form's basic-information cells (项目名称, 主管部门, 实施单位 … → their text) and its
    # 年度总体目标 (预期目标, 实际完成情况) when they are among the tokens
    fields: dict[str, str] = field(default_factory=dict)
    goal: str | None = None
    goal_actual: str | None = None


# ------------------------------------------------------------------------------------ tokens

def document_tokens(doc: Document) -> list[Tok]:
    """The tokens of a document's tables and short paragraphs, in order; flattened paragraphs are
    cut into tokens, and consecutive ones numbered as pages (1、… 2、…) are joined first."""
    out: list[Tok] = []
    glued: list[str] = []
    t_no = 0

    glued_where: list[int] = []

    def flush_glued() -> None:
        if glued:
            span = f"正文第{glued_where[0]}段" + (f"至第{glued_where[-1]}段" if len(glued_where) > 1 else "")
            out.extend(glued_tokens("".join(glued), where=f"{span}（连写文本）"))
            glued.clear()
            glued_where.clear()

    p_no = 0
    for block in doc.blocks:
        if isinstance(block, Table):
            flush_glued()
            t_no += 1
            for r, row in enumerate(block.rows, 1):
                filled = sum(1 for cell in row if isinstance(cell, str) and cell.strip())
                for c, cell in enumerate(row, 1):
                    if not isinstance(cell, str) or not cell.strip().strip("|").strip():
                        continue
                    where = f"表{t_no}第{r}行第{c}列"
                    if filled <= 2 and len(cell) > 60 and is_glued(cell):
                        out.extend(glued_tokens(cell, where=where))
                        continue
                    tok = cell_token(cell)
                    if tok is not None:
                        out.append(_at(tok, where))
                out.append(Tok("brk", ""))
        elif isinstance(block, Paragraph):
            text = block.text.strip()
            if not text:
                continue
            p_no += 1
            if is_glued(text) or (glued and _PAGE_MARK.match(text)):
                glued_where.append(p_no)
                glued.append(_PAGE_MARK.sub("", text) if glued or _PAGE_MARK.match(text) else text)
                continue
            flush_glued()
            cells = text.strip("|").split("|") if text.count("|") >= 2 else text.split("\t")
            for cell in cells:
                tok = cell_token(cell) if len(cell) <= 200 and cell.strip().strip("|").strip() else None
                if tok is not None:
                    out.append(_at(tok, f"正文第{p_no}段"))
            out.append(Tok("brk", ""))  # one cell per line: every line is a row of its own
    flush_glued()
    return out


def _at(tok: Tok, where: str) -> Tok:
    return Tok(tok.kind, tok.text, role=tok.role, ind=tok.ind, fund=tok.fund, glued=tok.glued, ocr=tok.ocr,
               where=where)


# ------------------------------------------------------------------------------------ values

def _num(tok: Tok) -> tuple[Decimal | None, bool, str | None]:
    """(number, is percent, unit) of a value token."""
    pv = parse_value(tok.text)
    return pv.number, bool(pv.percent), pv.unit


def _bare_score(tok: Tok) -> Decimal | None:
    if tok.kind not in ("val", "split"):
        return None
    n, pct, unit = _num(tok)
    if n is None or pct or unit is not None or n < 0 or n > 100:
        return None
    return n


def _how(tok: Tok, moved: bool) -> str:
    if tok.kind == "split":
        return "split"
    if tok.ocr:
        return "ocr"
    return "realigned" if moved else "cell"


# ---------------------------------------------------------------------------------- the fund

def _fund_fits(col: str, tok: Tok) -> bool:
    if tok.kind == "empty":
        return True
    if tok.kind not in ("val", "split"):
        return False
    n, pct, unit = _num(tok)
    if n is None:
        return False
    if col in AMOUNTS:
        return not pct and (unit is None or parse_amount(tok.text) is not None)
    if col == "rate":
        return pct
    if col in ("weight", "score"):
        return _bare_score(tok) is not None
    return False


def _fund_quality(assign: dict[str, Tok], weight_hint: Decimal | None = None) -> int | None:
    """None when the placement breaks the arithmetic; else how much of it the arithmetic confirms.

    执行率 must agree with 执行数 ÷ 预算数, 得分 ≤ 分值, and 得分 must be near 分值 × 执行率 (the budget
    line is scored by its execution rate under every policy; a point or a fifth of the weight apart
    is allowed for rounding and provincial bands)."""
    q = 0
    amounts = {k: parse_amount(v.text) for k, v in assign.items() if k in AMOUNTS and v.kind != "empty"}
    if "annual" not in amounts and "executed" not in amounts:
        return None
    rate = assign.get("rate")
    if rate is not None and rate.kind != "empty":
        ok = rate_fits(amounts.get("annual"), amounts.get("executed"), rate.text)
        if ok is False:
            return None
        if ok:
            q += 3
    w, s = assign.get("weight"), assign.get("score")
    wn = _bare_score(w) if w is not None else None
    sn = _bare_score(s) if s is not None else None
    if wn is not None and sn is not None:
        if sn > wn:
            return None
        q += 1
    weight = wn if wn is not None else weight_hint
    if weight is not None and sn is not None and rate is not None and rate.kind != "empty":
        pv = parse_value(rate.text)
        if pv.number is not None:
            expected = weight * min(pv.number, Decimal(100)) / 100
            if abs(sn - expected) > max(Decimal(1), weight / 5):
                return None
    return q


def _fund_place(values: list[Tok], cols: list[str], prefer: tuple[int, ...] | None,
                weight_hint: Decimal | None = None) -> tuple[dict[str, Tok], int, tuple[int, ...]] | None:
    """The placement of the first values of a row in the columns: (field → token, used, columns)."""
    for m in range(min(len(values), len(cols)), 0, -1):
        prefix = values[:m]
        found: list[tuple[int, tuple[int, ...], dict[str, Tok]]] = []
        for combo in itertools.combinations(range(len(cols)), m):
            if not all(_fund_fits(cols[c], v) for c, v in zip(combo, prefix, strict=True)):
                continue
            assign = {cols[c]: v for c, v in zip(combo, prefix, strict=True)}
            q = _fund_quality(assign, weight_hint)
            if q is None:
                continue
            found.append((q + (1 if m == len(cols) else 0), combo, assign))
        if not found:
            continue
        best = max(q for q, _, _ in found)
        top = [f for f in found if f[0] == best]
        if len(top) > 1 and prefer is not None:
            top = [f for f in top if f[1] == prefer[: len(f[1])] or f[1] == prefer] or top
        if len(top) == 1:
            return top[0][2], m, top[0][1]
        return None
    return None


def _expand_run(values: list[Tok], cols: list[str]) -> list[tuple[list[Tok], int]]:
    """The readings of a row whose first run of digits is cut into numbers (k pieces each)."""
    idx = next((k for k, v in enumerate(values) if v.kind == "run"), None)
    if idx is None:
        return [(values, 0)]
    run = re.match(r"[0-9.%]*", values[idx].text)
    digits = run.group() if run else values[idx].text
    out = []
    for k in range(2, len(cols) + 1):
        for reading in readings(digits, k):
            pieces = [Tok("split", p, glued=True, ocr=values[idx].ocr, where=values[idx].where) for p in reading]
            out.append((values[:idx] + pieces + values[idx + 1:], k))
    return out


def _fund_row(values: list[Tok], cols: list[str], prefer: tuple[int, ...] | None,
              weight_hint: Decimal | None = None) -> tuple[dict[str, Tok], int, tuple[int, ...]] | None:
    """Place one row's values; a run of digits is split only when one split fits the arithmetic (a
    lone glued number, 1200114095%, may be such a run too)."""
    lone = len(values) == 1 and values[0].glued and values[0].kind == "val"
    if lone:
        values = [Tok("run", values[0].text, glued=True, ocr=values[0].ocr, where=values[0].where)]
    if not any(v.kind == "run" for v in values[: len(cols)]):
        return _fund_place(values, cols, prefer, weight_hint)
    good = []
    for expanded, k in _expand_run(values, cols):
        placed = _fund_place(expanded, cols, prefer, weight_hint)
        if placed is None:
            continue
        assign, used, combo = placed
        if sum(1 for v in assign.values() if v.kind == "split") != k:
            continue  # every piece of the run must find its column
        q = _fund_quality(assign, weight_hint)
        if q is None or q < 3:
            continue  # a split must be confirmed by 执行率 = 执行数 ÷ 预算数
        good.append((assign, used - (k - 1), combo))
    if len(good) != 1:
        if lone and is_piece(re.sub(r"[^0-9.%]", "", values[0].text)):
            values = [Tok("val", values[0].text, glued=True, ocr=values[0].ocr, where=values[0].where)]
            return _fund_place(values, cols, prefer, weight_hint)
        return None
    return good[0]


def _source_words() -> list[str]:
    return data()["stream"]["source_words"]  # type: ignore[no-any-return]


def _money_unit(toks: list[Tok]) -> str:
    for t in toks:
        m = _MONEY_NOTE.search(t.text)
        if m:
            return m.group(1) or m.group(2)
    return "万元"


class _Reader:
    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.res = StreamResult()

    # ----------------------------------------------------------------------------- fund

    def fund_header(self, i: int) -> tuple[list[str], list[str], int] | None:
        """(columns, row labels, index after the header) when a fund header starts at i."""
        toks = self.toks
        t = toks[i]
        if not (t.kind == "label" and t.role in ("header", "special") and t.fund in AMOUNTS and t.ind != "name"):
            return None
        cols: list[str] = []
        labels: list[str] = []
        j = i
        while j < len(toks) and j < i + 24:
            u = toks[j]
            if u.kind == "label" and u.role == "header" and u.ind == "name":
                break
            if u.kind == "label" and u.role in ("level1", "level2", "stop"):
                break
            if u.is_value() or u.kind == "op":
                break
            if u.kind == "label" and u.role in ("header", "special") and u.fund:
                if u.fund in cols:
                    cols.remove(u.fund)  # the first one heads a group of columns
                cols.append(u.fund)
            elif u.kind == "label" and u.role == "fundrow" and u.fund:
                labels.append(u.fund)
            j += 1
        if sum(c in AMOUNTS for c in cols) < 2:
            return None
        return cols, labels, j

    def read_fund(self, i: int, head: tuple[list[str], list[str], int]) -> int:
        cols, labels, j = head
        toks = self.toks
        unit = _money_unit(toks[max(0, i - 4): j])
        weight_note = None
        for t in toks[max(0, i - 4): j]:
            if "分" in t.text and t.kind in ("note", "label", "text"):
                m = _WEIGHT_NOTE.search(t.text)
                if m:
                    weight_note = Decimal(m.group(1))
        pending: list[Tok] = []
        queue = list(labels)
        state: dict[str, object] = {"prefer": None, "total": False}
        budget = self.res.budget or Budget(origin="table")

        def flush() -> None:
            while pending:
                label = queue.pop(0) if queue else ("total" if not state["total"] else None)
                placed = _fund_row(pending, cols, state["prefer"], weight_note)  # type: ignore[arg-type]
                if placed is None:
                    if label == "total" and not state["total"]:
                        for v in pending:
                            self.res.unplaced.append(Unplaced(v.text, v.where, "无法确定所属的资金列"))
                    pending.clear()
                    return
                assign, used, combo = placed
                moved = len(combo) < len(cols) or any(v.kind == "split" for v in assign.values())
                if label == "total" and not state["total"]:
                    state["total"] = True
                    state["prefer"] = combo
                    self._set_total(budget, assign, unit, moved)
                elif label is not None:
                    amounts = {k: parse_amount(v.text, unit) for k, v in assign.items()
                               if k in AMOUNTS and v.kind != "empty"}
                    top = budget.annual or budget.executed
                    if top is not None and any(a is not None and a > top * Decimal("1.01") for a in amounts.values()):
                        for v in assign.values():  # a source row larger than the total: a run not split
                            self.res.unplaced.append(Unplaced(v.text, v.where, "资金来源金额大于合计，无法确定拆分"))
                    elif any(a is not None for a in amounts.values()):
                        name = label if not label.startswith("source:") else label[7:]
                        budget.sources.append(FundSource(name=name, **amounts))
                del pending[:used]

        while j < len(toks):
            t = toks[j]
            if t.is_value():
                pending.append(t)
            elif t.kind in ("note", "brk"):
                pass
            elif t.kind == "label" and t.role == "fundrow":
                flush()
                queue.append(t.fund or "其他资金")
            elif t.kind == "text" and t.text.replace("其中", "").strip(":：") == "":
                pass  # 其中： before the source rows
            elif t.kind == "text" and self._source_label(j):
                flush()
                queue.append("source:" + t.text.replace("其中", "").strip(":："))
            else:
                break
            j += 1
        flush()
        if state["total"]:
            if budget.weight is None and weight_note is not None:
                budget.weight = weight_note
            self.res.budget = budget
        return j

    def _source_label(self, j: int) -> bool:
        t = self.toks[j]
        if len(t.text) > 20 or not (t.text.startswith("其中") or any(w in t.text for w in _source_words())):
            return False
        nxt = next((u for u in self.toks[j + 1: j + 3] if u.kind not in ("note", "brk")), None)
        return nxt is not None and nxt.is_value() and (t.text.startswith("其中") or len(t.text) <= 12)

    def _set_total(self, budget: Budget, assign: dict[str, Tok], unit: str, moved: bool) -> None:
        amounts: dict[str, Decimal | None] = {}
        for k in AMOUNTS:
            v = assign.get(k)
            amounts[k] = parse_amount(v.text, unit) if v is not None and v.kind != "empty" else None
            if v is not None and v.kind != "empty":
                budget.provenance[k] = Provenance(_how(v, moved), v.where)  # type: ignore[arg-type]
        budget.initial, budget.annual, budget.executed = amounts["initial"], amounts["annual"], amounts["executed"]
        budget.stated_total = FundSource(name="年度资金总额", **amounts)
        rate = assign.get("rate")
        if rate is not None and rate.kind != "empty":
            pv = parse_value(rate.text)
            budget.stated_execution_rate = pv.number
            budget.stated_execution_rate_text = rate.text
            budget.provenance["stated_execution_rate"] = Provenance(_how(rate, moved), rate.where)  # type: ignore[arg-type]
        for k, attr in (("weight", "weight"), ("score", "stated_score")):
            v = assign.get(k)
            n = _bare_score(v) if v is not None else None
            if n is not None:
                setattr(budget, attr, n)
                budget.provenance[attr] = Provenance(_how(v, moved), v.where)  # type: ignore[arg-type, union-attr]

    # ------------------------------------------------------------------------ indicators

    def ind_columns(self, i: int, end: int) -> list[str]:
        toks = self.toks
        after: list[str] = []
        j = i + 1
        while j < end and toks[j].kind in ("label", "note") and toks[j].role in ("header", "group", ""):
            f = toks[j].ind
            if f in VALUE_COLS and f not in after:
                after.append(f)
            j += 1
        found = set(after)
        k = i - 1
        while k >= 0 and i - k <= 14 and toks[k].kind in ("label", "note", "brk") and toks[k].role != "fundrow":
            if toks[k].ind in VALUE_COLS:
                found.add(toks[k].ind)  # type: ignore[arg-type]
            k -= 1
        for t in toks[i:end]:
            if t.kind == "label" and t.role == "header" and t.ind in VALUE_COLS:
                found.add(t.ind)
        cols = list(after)
        for f in VALUE_COLS:
            if f in found and f not in cols:
                pos = 0
                for n, c in enumerate(cols):
                    if VALUE_COLS.index(c) < VALUE_COLS.index(f):
                        pos = n + 1
                cols.insert(pos, f)
        return cols

    def block_end(self, i: int) -> int:
        toks = self.toks
        j = i + 1
        while j < len(toks):
            t = toks[j]
            if t.kind == "label" and t.role == "stop":
                return j
            if t.kind == "label" and t.role == "field" and t.fund == "project":
                return j
            if self.fund_header(j) is not None:
                return j
            if t.kind == "label" and t.role == "header" and t.ind == "name" and j > i + 3 and self._data_seen(i, j):
                return j  # the next form's indicator header
            j += 1
        return j

    def _data_seen(self, i: int, j: int) -> bool:
        return any(t.is_value() for t in self.toks[i:j])

    def read_indicators(self, i: int) -> int:
        end = self.block_end(i)
        cols = self.ind_columns(i, end)
        rows = self._rows(i, end, cols)
        self._place_rows(rows, cols)
        return end

    def _rows(self, i: int, end: int, cols: list[str]) -> list[_Row]:
        toks = self.toks
        weight_first = "weight" in cols and "target" in cols and cols.index("weight") < cols.index("target")
        rows: list[_Row] = []
        cur: _Row | None = None
        l1 = l2 = ""
        j = i + 1
        # Forms that number their indicators (指标1：…) tell a name from the other texts around it:
        # in a flattened sheet those are interleaved with labels and the basic-information cells.
        numbered = sum(1 for t in toks[i:end] if t.kind == "text" and len(_clean_name(t.text)) >= 2
                       and _NUMBERED.search(t.text)) >= 2
        row_id = 0
        while j < end:
            t = toks[j]
            if t.kind == "brk":
                row_id += 1
            if numbered and cur is not None and not cur.has_values() and t.kind != "text" \
                    and not t.is_value() and t.kind != "op":
                if t.kind == "label" and t.role == "level1":
                    l1, l2 = t.text, ""
                j += 1
                continue
            if numbered and t.kind == "text" and not (_NUMBERED.search(t.text) and len(_clean_name(t.text)) >= 2):
                if cur is not None and cur.has_values():
                    cur.items.append(t)
                j += 1
                continue
            if t.kind == "label" and t.role in ("level1", "level2"):
                if cur is not None:
                    rows.append(cur)
                cur = None
                if t.role == "level1":
                    l1, l2 = t.text, ""
                else:
                    l2 = t.text
            elif t.kind == "label" and t.role == "special":
                if cur is not None:
                    rows.append(cur)
                cur = None
                if t.ind == "budget":
                    cur = _Row(name=t.text, l1=l1, l2=l2, where=t.where, row_id=row_id)
                else:
                    j = self._special(j, end, t.ind or "")
                    continue
            elif t.kind in ("label", "note", "brk"):
                pass
            elif t.kind == "text":
                if numbered and cur is not None:
                    rows.append(cur)
                    cur = None
                if cur is None:
                    cur = _Row(name=t.text, l1=l1, l2=l2, where=t.where, glued=t.glued, row_id=row_id)
                elif cur.has_values() and not t.glued and cur.row_id == row_id:
                    cur.items.append(t)  # a text cell of the same table row: a value (完成) or a reason
                elif weight_first and len(cur.items) <= 2 and _bare_score(cur.items[0]) is not None \
                        and all(_bare_score(x) is not None or x.kind == "empty" for x in cur.items):
                    cur.items.append(t)  # 参考分值 first: the number was the weight, the text is the target
                elif cur.has_values():
                    rows.append(cur)
                    cur = _Row(name=t.text, l1=l1, l2=l2, where=t.where, glued=t.glued, row_id=row_id)
                elif not cur.name:
                    cur.name = t.text
                else:
                    cur.items.append(t)
            else:
                if cur is None:
                    cur = _Row(name="", l1=l1, l2=l2, where=t.where, glued=t.glued, row_id=row_id)
                cur.items.append(t)
            j += 1
        if cur is not None:
            rows.append(cur)
        return _merge_glued(rows)

    def _special(self, j: int, end: int, kind: str) -> int:
        toks = self.toks
        k = j + 1
        nums: list[Decimal] = []
        while k < end and (toks[k].is_value() or toks[k].kind in ("note", "brk", "text")):
            t = toks[k]
            if t.kind == "text":
                g = t.text.strip()
                if g in ("优", "良", "中", "差", "优秀", "良好"):
                    self.res.stated_grade = g[0]
                    k += 1
                    continue
                break
            if t.kind == "val":
                n = _bare_score(t)
                if n is not None:
                    nums.append(n)
            k += 1
        if kind == "total" and nums:
            self.res.stated_total = nums[-1]
        return k

    def _place_rows(self, rows: list[_Row], cols: list[str]) -> None:
        queue: list[list[Tok]] = []
        numeric = [c for c in cols if c in ("target", "actual", "weight", "score")]
        prev: _Row | None = None
        for row in rows:
            items = row.items
            if not items and queue:
                row.items = queue.pop(0)
                row.moved = True
                items = row.items
            if (not queue and len(numeric) >= 2 and len(items) >= 2 * len(numeric)
                    and all(t.kind in ("val", "empty") for t in items)):
                groups = [items[k:k + len(numeric)] for k in range(0, len(items), len(numeric))]
                row.items = groups[0]
                for g in groups[1:]:
                    if len(g) == len(numeric):
                        queue.append(g)
                    elif _total_pair(g) is not None and self.res.stated_total is None:
                        self.res.stated_total = _total_pair(g)  # 总分 | 100 | 94, its label given later
                    else:
                        for v in g:
                            self.res.unplaced.append(Unplaced(v.text, v.where, "多出的数值，无法确定所属指标"))
            if not row.items and prev is not None and prev.reason is None and "reason" in cols \
                    and prev.has_values() and not _repeat_split(row.name):
                    prev.reason = row.name
                    if prev.indicator is not None:
                        prev.indicator.deviation_reason = row.name
                    continue
            ind = self._indicator(row, cols)
            if ind is not None:
                row.indicator = ind
                self.res.indicators.append(ind)
                prev = row
        for g in queue:
            for v in g:
                self.res.unplaced.append(Unplaced(v.text, v.where, "多出的数值，无法确定所属指标"))

    def _indicator(self, row: _Row, cols: list[str]) -> Indicator | None:
        name = _clean_name(row.name)
        if "operator" not in cols:
            row.items = _ops_into_values(row.items)
        if len(row.items) > MAX_ROW_ITEMS:
            for v in row.items[MAX_ROW_ITEMS:]:
                self.res.unplaced.append(Unplaced(v.text, v.where, "一行中的数值过多，无法确定所属的列"))
            row.items = row.items[:MAX_ROW_ITEMS]
        options: list[tuple[float, str, list[Tok], dict[str, Tok], list[Tok], list[Tok], bool]] = []
        for items, split in _item_readings(row.items, cols):
            placed = _place(items, cols)
            if placed is not None:
                score, assign, absorbed, lost = placed
                cost = (1.5 + max(0, sum(1 for t in items if t.kind == "split") - 2)) if split else 0
                options.append((score - cost, name, items, assign, absorbed, lost, split))
        for k, t in enumerate(row.items):
            whole = _repeat_split(t.text) if t.kind == "text" else None
            if whole is not None and whole[0] == "":  # a text item that is a value written twice (合规合规)
                halves = [Tok("text", whole[1], glued=True, where=t.where), Tok("text", whole[1], glued=True,
                                                                                 where=t.where)]
                for items, _ in _item_readings(row.items[:k] + halves + row.items[k + 1:], cols):
                    placed = _place(items, cols)
                    if placed is not None:
                        score, assign, absorbed, lost = placed
                        options.append((score - 0.5, name, items, assign, absorbed, lost, True))
        rep = _repeat_split(name)
        if rep is not None and len(rep[0]) >= 2:
            base, half = rep
            halves = [Tok("text", half, glued=True, where=row.where), Tok("text", half, glued=True, where=row.where)]
            for items, _ in _item_readings(halves + row.items, cols):
                placed = _place(items, cols)
                if placed is not None:
                    score, assign, absorbed, lost = placed
                    options.append((score - 0.5, base, items, assign, absorbed, lost, True))
        if not options:
            if row.items:
                for v in row.items:
                    self.res.unplaced.append(Unplaced(v.text, v.where, "无法确定所属的指标列"))
            return None
        options.sort(key=lambda o: -o[0])
        score, name, items, assign, absorbed, lost, split = options[0]
        if "target" not in assign and "actual" not in assign:
            for v in row.items:
                self.res.unplaced.append(Unplaced(v.text, v.where, "无法确定所属的指标列"))
            return None
        if absorbed:
            name = name + "".join(t.text for t in absorbed)
        name = _clean_name(name)
        if not name:
            for v in assign.values():
                self.res.unplaced.append(Unplaced(v.text, v.where, "数值前没有指标名称"))
            return None
        for v in lost:
            self.res.unplaced.append(Unplaced(v.text, v.where, f"{name}：无法确定所属的列"))
        ind = _make(name, assign)
        moved = row.moved or bool(absorbed) or _skipped(assign, cols, items)
        for k, v in assign.items():
            attr = {"score": "stated_score", "reason": "deviation_reason"}.get(k, k)
            if k == "reason":
                continue
            how = "split" if ((split or v.glued) and v.kind == "text" and k in ("target", "actual")) else _how(v, moved)
            if how == "split" and v.text.endswith("%") and _percent_cut(row.items):
                how = "cell"  # cut at its percent signs: the signs were the separators
            ind.provenance[attr] = Provenance(how, v.where)  # type: ignore[arg-type]
        ind.level1, ind.level2, ind.levels_inferred = levels_of(ind, row.l1 or None, row.l2 or None)
        if row.reason and ind.deviation_reason is None:
            ind.deviation_reason = row.reason
        return ind

    def _field(self, i: int) -> None:
        """项目名称 | X, 主管部门 | Y …: the text right after a field label; 年度总体目标 | 预期目标 |
        实际完成情况 | A | B: the texts after the group labels (A may equal B: kept apart by position)."""
        toks, res = self.toks, self.res
        t = toks[i]
        key = t.fund if t.role == "field" else match(t.text, "fields")
        if t.glued or key is None or (key in res.fields and key != "goal"):
            return
        j = i + 1
        if key == "goal":
            if res.goal is not None:
                return
            while j < len(toks) and (toks[j].kind == "brk" or (toks[j].kind == "label" and toks[j].role == "group")):
                j += 1
            texts: list[str] = []
            stops = tuple(data()["stream"]["stops"])
            while j < len(toks) and len(texts) < 2 and toks[j].kind in ("text", "brk") and not toks[j].glued:
                if toks[j].kind == "text":
                    if toks[j].text.strip().startswith(stops):
                        break  # 说明：…, 备注 …: what follows is no goal
                    texts.append(toks[j].text.strip())
                j += 1
            if texts:
                res.goal = texts[0]
                res.goal_actual = texts[1] if len(texts) > 1 else None
            return
        while j < len(toks) and toks[j].kind == "brk" and j - i <= 2:
            j += 1
        if j < len(toks) and toks[j].kind == "text" and not toks[j].glued and len(toks[j].text.strip()) <= 60:
            res.fields[key] = _CODE_PREFIX.sub("", toks[j].text.strip()) if key == "project" else toks[j].text.strip()

    def run(self) -> StreamResult:
        i = 0
        toks = self.toks
        while i < len(toks):
            head = self.fund_header(i)
            if head is not None:
                i = self.read_fund(i, head)
                continue
            t = toks[i]
            if self.res.fiscal_year is None and t.kind == "text" and ("自评表" in t.text or "评价表" in t.text):
                m = _FORM_YEAR.search(t.text)
                if m:
                    self.res.fiscal_year = int(m.group(1))
            if t.kind == "label" and t.role in ("field", "group"):
                self._field(i)
            if t.kind == "label" and t.role == "header" and t.ind == "name":
                i = self.read_indicators(i)
                continue
            if t.kind == "label" and t.role == "special" and t.ind == "total" and self.res.indicators:
                i = self._special(i, len(toks), "total")
                continue
            i += 1
        return self.res


@dataclass
class _Row:
    name: str
    l1: str = ""
    l2: str = ""
    where: str = ""
    glued: bool = False
    items: list[Tok] = field(default_factory=list)
    row_id: int = 0
    moved: bool = False
    reason: str | None = None
    indicator: Indicator | None = None

    def has_values(self) -> bool:
        return any(t.kind in ("val", "run", "op", "unit", "empty", "split") for t in self.items)

    def value_count(self) -> int:
        n = 0
        for t in self.items:
            if t.kind == "run":
                n += 2
            elif t.kind in ("val", "empty"):
                n += 1
        return n


def _merge_glued(rows: list[_Row]) -> list[_Row]:
    """In flattened text a number inside a name ("5000吨稻谷、500吨成品粮储备到位率100%100%") ends
    a row too early: a glued row with a single value, directly followed by another glued row, is
    the start of that row's name."""
    out: list[_Row] = []
    for row in rows:
        if out:
            last = out[-1]
            if (last.glued and row.glued and last.value_count() == 1 and len(last.items) == 1
                    and last.items[0].kind == "val" and _counted(last.items[0]) and row.name
                    and last.l2 == row.l2 and last.l1 == row.l1):
                last.name = last.name + last.items[0].text + row.name
                last.items = row.items
                continue
        out.append(row)
    return out


def _percent_cut(items: list[Tok]) -> bool:
    """Whether the row's run of digits was a row of percents (100%100%): cut at the signs."""
    runs = [t.text for t in items if t.kind == "run"]
    return bool(runs) and all(re.fullmatch(r"(?:[0-9]+(?:\.[0-9]+)?%)+", r) for r in runs)


def _ops_into_values(items: list[Tok]) -> list[Tok]:
    """Without an operator column, an operator written before a value belongs to it (≥600户)."""
    out: list[Tok] = []
    k = 0
    while k < len(items):
        t = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if t.kind == "op" and nxt is not None and nxt.kind in ("val", "run"):
            if nxt.kind == "run":  # the operator goes with the run's first piece (role holds it)
                out.append(Tok("run", nxt.text, role=t.text, glued=nxt.glued, ocr=nxt.ocr, where=nxt.where))
                k += 2
                continue
            out.append(Tok("val", t.text + nxt.text, glued=nxt.glued, ocr=nxt.ocr, where=nxt.where))
            k += 2
            continue
        out.append(t)
        k += 1
    return out


def _total_pair(group: list[Tok]) -> Decimal | None:
    """The 总分 row's 分值 | 得分 pair (100 | 94) left over after the last indicator's values."""
    if len(group) != 2:
        return None
    w, sc = _bare_score(group[0]), _bare_score(group[1])
    if w is None or sc is None or w != 100 or sc > w:
        return None
    return sc


def _counted(tok: Tok) -> bool:
    """A quantity with a measure word (5000吨, 500个): what a name holds, unlike a bare score."""
    n, pct, unit = _num(tok)
    return n is not None and not pct and unit is not None


def _clean_name(name: str) -> str:
    parts = _NUMBERED.split(name)
    n = parts[-1] if len(parts) > 1 else name
    n = n.strip().strip(":：,，、;；。.")
    if n.startswith("其中"):
        n = n[2:].lstrip(":：")
    return n


def _repeat_split(name: str) -> tuple[str, str] | None:
    """A name ending in the same text twice (保证专款专用专款专用专款专用, 安全性高高): the form's
    qualitative target and actual, copied one onto the other, run into the name."""
    n = len(name)
    for size in range(min(12, n // 2), 0, -1):
        a, b = name[n - 2 * size: n - size], name[n - size:]
        if a == b and not any(ch.isdigit() for ch in a):
            return name[: n - 2 * size], a
    return None


def _item_readings(items: list[Tok], cols: list[str]) -> list[tuple[list[Tok], bool]]:
    """The row's items, with each run of digits cut every way it can be cut (and a long glued
    number cut in two, "102370人" → 10 | 2370人, when the columns want one more value)."""
    items = items[:MAX_ROW_ITEMS]
    out: list[tuple[list[Tok], bool]] = [(items, False)]
    idx = next((k for k, v in enumerate(items) if v.kind == "run"), None)
    if idx is not None:
        run = re.match(r"[0-9.%]*", items[idx].text)
        digits = run.group() if run else ""
        unit = items[idx].text[len(digits):]
        out = []
        for k in range(2, 5):
            for reading in readings(digits, k):
                pieces = [Tok("split", p, glued=True, ocr=items[idx].ocr, where=items[idx].where) for p in reading]
                if items[idx].role:  # an operator written before the run (≥95%98%)
                    pieces[0] = Tok("split", items[idx].role + pieces[0].text, glued=True, where=items[idx].where)
                if unit:
                    pieces[-1] = Tok("split", pieces[-1].text + unit, glued=True, where=items[idx].where)
                out.append((items[:idx] + pieces + items[idx + 1:], True))
        return out
    numeric = [c for c in cols if c in ("target", "actual", "weight", "score")]
    vals = [v for v in items if v.kind == "val"]
    weight_first = "weight" in cols and "target" in cols and cols.index("weight") < cols.index("target")
    if weight_first and items and items[0].glued and items[0].kind == "val" and len(vals) < len(numeric):
        head = items[0]
        m = re.match(r"[0-9]+", head.text)
        if m and len(m.group()) >= 3 and "." not in head.text:
            digits = m.group()
            rest = head.text[len(digits):]
            for cut in range(1, len(digits)):
                a, b = digits[:cut], digits[cut:]
                if b[0] == "0" and len(b) > 1:
                    continue
                pieces = [Tok("split", a, glued=True, where=head.where), Tok("split", b + rest, glued=True,
                                                                             where=head.where)]
                out.append((pieces + items[1:], True))
    return out


def _fits(col: str, tok: Tok) -> bool:
    k = tok.kind
    if k == "empty":
        return col in ("target", "actual", "weight", "score", "reason", "unit")
    if col == "operator":
        return k == "op"
    if col == "unit":
        return k == "unit"
    if col in ("target", "actual"):
        return k in ("val", "split") or (k == "text" and len(tok.text) <= 30)
    if col in ("weight", "score"):
        return k in ("val", "split") and _bare_score(tok) is not None
    if col == "reason":
        return k == "text"
    return False


def _place(items: list[Tok], cols: list[str]
           ) -> tuple[float, dict[str, Tok], list[Tok], list[Tok]] | None:
    """The best placement of a row's items in its value columns: (score, field → token, items
    taken into the name, items that fit no column)."""
    best: list[tuple[float, dict[str, Tok], list[Tok], list[Tok]]] = []
    n = len(items)
    calls = [0]

    def rec(k: int, c: int, score: float, assign: dict[str, Tok], absorbed: list[Tok], lost: list[Tok]) -> None:
        calls[0] += 1
        if calls[0] > MAX_PLACEMENTS or len(lost) > MAX_LOST:
            return  # a row this long or this unplaceable is not a form's row: keep the best so far
        if k == n:
            final = _row_check(assign)
            if final is None:
                return
            total = score + final
            if not best or total > best[0][0]:
                best[:] = [(total, dict(assign), list(absorbed), list(lost))]
            return
        tok = items[k]
        if not assign and not lost and tok.kind in ("val", "split") and tok.glued and k + 1 < n \
                and items[k + 1].text == tok.text:  # a name that restates its target: 每年补助1000万元
            absorbed.append(tok)
            rec(k + 1, c, score - 0.5, assign, absorbed, lost)
            absorbed.pop()
        for c2 in range(c + 1, len(cols)):
            col = cols[c2]
            if _fits(col, tok):
                assign[col] = tok
                rec(k + 1, c2, score + (0.5 if tok.kind == "empty" else 2), assign, absorbed, lost)
                del assign[col]
        lost.append(tok)
        rec(k + 1, c, score - 6, assign, absorbed, lost)
        lost.pop()

    rec(0, -1, 0.0, {}, [], [])
    return best[0] if best else None


def _row_check(assign: dict[str, Tok]) -> float | None:
    w, s = assign.get("weight"), assign.get("score")
    wn = _bare_score(w) if w is not None else None
    sn = _bare_score(s) if s is not None else None
    if wn is not None and sn is not None and sn > wn:
        return None
    if wn is not None and wn == 0:
        return None
    bonus = 0.0
    t, a = assign.get("target"), assign.get("actual")
    if t is not None and a is not None and t.kind != "empty" and a.kind == "empty" and a.text == "无":
        bonus += 2  # 无: nothing achieved, stated
    if t is not None and a is not None and t.kind != "empty" and a.kind != "empty":
        bonus += 2
        if (t.kind == "text") == (a.kind == "text"):
            bonus += 1
            if t.kind != "text":
                bonus += 0.5 if _num(t)[1:] == _num(a)[1:] else 0
    return bonus


def _skipped(assign: dict[str, Tok], cols: list[str], items: list[Tok]) -> bool:
    """Whether a value sits in a column other than its position in the row says."""
    placed = [cols.index(k) for k in assign]
    if not placed:
        return False
    expected = list(range(len(placed)))
    return sorted(placed) != expected and any(t.kind in ("val", "split") for t in items) and \
        len(items) != len(cols)


def _make(name: str, assign: dict[str, Tok]) -> Indicator:
    def text(k: str) -> str:
        v = assign.get(k)
        return v.text if v is not None else ""

    op_tok = assign.get("operator")
    target_text, actual_text, unit_text = text("target"), text("actual"), text("unit")
    tv = parse_value(target_text) if target_text else None
    av = parse_value(actual_text) if actual_text else None
    operator: Operator
    if op_tok is not None and op_tok.ind:
        operator = op_tok.ind  # type: ignore[assignment]
    elif tv is not None and tv.operator is not None:
        operator = tv.operator
    elif tv is not None and tv.number is None and target_text and target_text not in ("—", "-", "/"):
        operator = "qualitative"
    elif (not target_text or target_text in ("—", "-", "/")) and av is not None and av.number is None \
            and actual_text and actual_text not in ("—", "-", "/", "无"):
        operator = "qualitative"  # no target, a text achievement: a qualitative row (决策/管理 rows)
    else:
        words = data()["implied_operator"]["lower_is_better"]
        operator = "<=" if any(w in name for w in words) else ">="
    unit = normalize_unit(unit_text) if unit_text else None
    if unit is None:
        unit = (tv.unit if tv is not None else None) or (av.unit if av is not None else None)
    target = tv.number if tv is not None and operator != "qualitative" else None
    actual = av.number if av is not None and operator != "qualitative" else None
    ind = Indicator(name=name, operator=operator, target=target, target_text=target_text, actual=actual,
                    actual_text=actual_text, unit=unit, operator_text=op_tok.text if op_tok is not None else "")
    w, s = assign.get("weight"), assign.get("score")
    ind.weight = _bare_score(w) if w is not None else None
    ind.stated_score = _bare_score(s) if s is not None else None
    r = assign.get("reason")
    if r is not None and r.kind == "text":
        ind.deviation_reason = r.text
    return ind


def read_stream(doc: Document) -> StreamResult:
    """Fund block and indicators of a document whose tables lost their structure."""
    return _Reader(document_tokens(doc)).run()


__all__ = ["StreamResult", "document_tokens", "read_stream"]
