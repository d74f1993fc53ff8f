"""Tokens of tables that lost their structure: cells, or whole tables flattened onto one line.

A ``Tok`` is what one piece of such text is: a label (a column name, a row label, a level name, a
field name…), a value (a number with its unit or percent sign), a run of digits that lost its
separators, an operator, a unit, an empty-cell mark, a parenthesised note, or free text. The
stream reader (``stream.py``) reads the fund block and the indicator rows from these tokens by
their kind and order, not by their position.

Word lists are data (``data/headers.toml`` [stream] and the other tables there); nothing here
knows a particular document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from jixiao.readers.headers import clean, data, match
from jixiao.readers.numsplit import is_piece
from jixiao.values import normalize, normalize_unit, parse_operator


@dataclass
class Tok:
    kind: str  # label | val | run | op | unit | empty | text | note
    text: str
    role: str = ""  # label: header | fundrow | special | field | level1 | level2 | group | stop
    ind: str | None = None  # header label: the indicator column it names
    fund: str | None = None  # header label: the fund column it names; fundrow: the row kind
    glued: bool = False  # read out of flattened text (no cell boundary on either side)
    ocr: bool = False  # the text was changed by an OCR correction
    where: str = ""

    def is_value(self) -> bool:
        return self.kind in ("val", "run", "empty")


@cache
def _stream() -> dict[str, Any]:
    return data()["stream"]  # type: ignore[no-any-return]


@cache
def _ocr_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(k), v) for k, v in _stream()["ocr"].items())


def ocr_fix(text: str) -> tuple[str, bool]:
    """The text with the usual OCR confusions corrected, and whether anything changed."""
    out = text
    for rx, repl in _ocr_rules():
        out = rx.sub(repl, out)
    return out, out != text


@cache
def _synonyms() -> dict[str, tuple[str | None, str | None]]:
    """Every column name → (indicator field, fund field)."""
    d = data()
    out: dict[str, list[str | None]] = {}
    for group, slot in (("indicator", 0), ("fund", 1)):
        for field, syns in d[group].items():
            for s in syns:
                out.setdefault(s, [None, None])
                if out[s][slot] is None:
                    out[s][slot] = field
    for group, slot in (("indicator_extra", 0), ("fund_extra", 1)):
        for field, syns in _stream()[group].items():
            for s in syns:
                out.setdefault(s, [None, None])
                out[s][slot] = field
    return {k: (v[0], v[1]) for k, v in out.items()}


@cache
def _level_words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(_stream()["level1"]), frozenset(_stream()["level2"])


_NOTE_RX = re.compile(r"[（(][^（()）]{0,16}[)）]")
_LEVEL_TAIL = re.compile(r"(?:指标)?(?:[（(][^（()）]{0,10}[)）])?等?$")


def level_of(cell: str) -> str | None:
    """"level1" / "level2" when a cell is a level name (产出指标, 经济效益 指标, 服务对象满意度指标等)."""
    t = re.sub(r"\s+", "", cell)
    base = _LEVEL_TAIL.sub("", t)
    base = _NOTE_RX.sub("", base)
    if base.endswith("指标"):
        base = base[:-2]
    l1, l2 = _level_words()
    if base in l1:
        return "level1"
    if base in l2:
        return "level2"
    return None


def _label_of_cell(cell: str) -> Tok | None:
    """The label a whole cell is, if it is one."""
    t = re.sub(r"\s+", "", cell)
    if not t:
        return None
    c = clean(t).rstrip(":：")
    st = _stream()
    if c in st["stops"] or t in st["stops"] or any(t.startswith(s) for s in ("注:", "注：")):
        return Tok("label", cell, role="stop")
    lv = level_of(t)
    if lv:
        return Tok("label", cell, role=lv)
    if c in st["groups"]:
        return Tok("label", cell, role="group")
    syn = _synonyms()
    special = match(c, "special_rows") if len(c) <= 8 else None
    if special and c in syn and special != "budget":
        special = None  # a column name first (得分, 评分)
    if special:
        # 预算执行率 is a row of some indicator tables and a column of fund blocks: keep both readings
        ind, fund = syn.get(c, (None, None))
        return Tok("label", cell, role="special", ind=special, fund=fund)
    row = c.replace("其中", "").lstrip(":：")
    kind = match(row, "fund_rows") if row and len(row) <= 12 else None
    if kind:
        return Tok("label", cell, role="fundrow", fund=kind)
    if c in syn:
        ind, fund = syn[c]
        return Tok("label", cell, role="header", ind=ind, fund=fund)
    f = match(c, "fields") if len(c) <= 10 else None
    if f:
        return Tok("label", cell, role="field", fund=f)
    if len(c) <= 14:
        ind, fund = match(c, "indicator"), match(c, "fund")
        if ind or fund:
            return Tok("label", cell, role="header", ind=ind, fund=fund)
    return None


_EMPTY_CELLS = {"-", "—", "–", "/", "／", "\\", "——", "--", "无", "一"}
_OP_CELL = re.compile(r"^[≥≧≤≦═＝〓=<>＞＜]{1,2}$")


def _op_of(cell: str) -> str | None:
    t = cell.strip()
    if t in ("═", "〓", "＝"):
        return "="
    if _OP_CELL.match(t) or (len(t) <= 6 and parse_operator(t) is not None and not any(ch.isdigit() for ch in t)):
        op = parse_operator(t)
        return op
    return None


@lru_cache(maxsize=4096)
def cell_token(cell: str) -> Tok | None:
    """One table cell (or one line of one-cell-per-line text) as a token; None for an empty cell."""
    raw = normalize(cell)
    if not raw:
        return None
    fixed, ocr = ocr_fix(raw)
    t = re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", fixed)
    if t in _EMPTY_CELLS:
        return Tok("empty", t)
    if _NOTE_RX.fullmatch(t):
        return Tok("note", t)
    op = _op_of(t)
    if op is not None and not any(ch.isdigit() for ch in t):
        return Tok("op", t, ind=op)
    compact = t.replace(" ", "").replace(",", "")
    if is_piece(compact) or _VALUE_RX.fullmatch(compact):
        return Tok("val", compact, ocr=ocr)
    if compact in ("%", "％"):
        return Tok("unit", "%")
    if re.fullmatch(r"[0-9][0-9.%]*", compact):
        return Tok("run", compact, ocr=ocr)
    lab = _label_of_cell(t)
    if lab is not None:
        return lab
    if len(t) <= 6 and normalize_unit(t) is not None and _is_unit_word(t):
        return Tok("unit", t)
    return Tok("text", t, ocr=ocr)


@cache
def _units() -> tuple[str, ...]:
    from jixiao.values import _DATA  # the value spellings' own data

    words = set(_DATA["measure_words"]["words"]) | set(_DATA["money_units"]) | set(_stream()["units_extra"])
    return tuple(sorted(words, key=len, reverse=True))


def is_unit_word(t: str) -> bool:
    """A measure word or money unit on its own (人次, 万元, %)."""
    return _is_unit_word(t)


def _is_unit_word(t: str) -> bool:
    return t in _units() or t in ("%", "％", "百分比")


@cache
def _unit_alt() -> str:
    return "|".join(re.escape(u) for u in _units() if u not in ("分",))


_DATE = r"(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:底前|底|末|前|之前|完成)*"


@cache
def _value_rx() -> re.Pattern[str]:
    return re.compile(rf"(?:{_DATE}|[0-9]+(?:\.[0-9]+)?%?(?:{_unit_alt()})?)")


class _LazyRx:
    def fullmatch(self, s: str) -> re.Match[str] | None:
        return _value_rx().fullmatch(s)


_VALUE_RX = _LazyRx()


@cache
def _glued_rx() -> re.Pattern[str]:
    """Labels (longest first), notes, dates, digit runs with their unit, operators, numbered names."""
    st = _stream()
    short = set(st["short_labels"])
    labels: set[str] = set()
    for syn in _synonyms():
        labels.add(syn)
    d = data()
    for group in ("fund_rows", "special_rows"):
        for syns in d[group].values():
            labels.update(syns)
    for syns in d["fields"].values():
        labels.update(syns)
    labels.update(st["groups"])
    labels.update(s for s in st["stops"] if len(s) >= 2)
    labels = {lab for lab in labels if len(lab) >= 3 or lab in short}
    l1, l2 = _level_words()
    level = "|".join(re.escape(w) for w in sorted(l1 | l2, key=len, reverse=True))
    label_alt = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    return re.compile(
        rf"(?P<numbered>指标\s*[0-9一二三四五六七八九十]+\s*[:：])"
        rf"|(?P<level>(?:{level})(?:指标(?!\s*[0-9一二三四五六七八九十]+\s*[:：])(?:[（(][0-9.]+分\s*[)）])?"
        rf"|[（(][0-9.]+分\s*[)）]))"
        rf"|(?P<label>{label_alt})"
        rf"|(?P<note>[（(][^（()）]{{0,16}}[)）]|[（(][A-Za-z][A-Za-z/0-9]{{0,4}})"
        rf"|(?P<date>{_DATE})"
        rf"|(?P<num>[0-9][0-9.%]*(?:(?<!%)(?:{_unit_alt()}))?)"
        rf"|(?P<op>[≥≧≤≦═〓＝=<>＞＜]+)"
        rf"|(?P<dash>[—–]{{1,2}}|(?<=[0-9%])[一-](?=[0-9]))"
    )


_SEP = "\ue000"  # (not a control character: \s matches \x1c-\x1f)
_DIGITISH = "0-9%."


_DATE_AFTER_DIGIT = re.compile(r"(?<=[0-9])(?=(?:19|20)[0-9]{2}年[0-9]{1,2}月)")
_SCORE_NOTE = re.compile(r"([（(]\s*[0-9.]+)\s*(分)\s*([)）])")


def _despace(text: str) -> str:
    """Spaces inside words (wrapped cells) go; a space next to a digit separates two cells."""
    text = _SCORE_NOTE.sub(r"\1\2\3", text)
    text = _DATE_AFTER_DIGIT.sub(_SEP, text)
    t = re.sub(rf"(?<=[{_DIGITISH}])\s+|\s+(?=[{_DIGITISH}])", _SEP, text)
    return re.sub(r"\s+", "", t)


def glued_tokens(text: str, where: str = "") -> list[Tok]:
    """Tokens of flattened text: a table written out with no (or only some) separators."""
    raw = normalize(text)
    fixed, ocr = ocr_fix(raw)
    t = _despace(fixed)
    out: list[Tok] = []
    for part in t.split(_SEP):
        out.extend(_scan(part, False, where))
    if ocr:  # mark the tokens an OCR correction changed (their text is not in the text as written)
        before = _despace(raw).replace(_SEP, "")
        for tok in out:
            if tok.text not in before:
                tok.ocr = True
    return _post(out)


def _scan(part: str, ocr: bool, where: str) -> list[Tok]:
    out: list[Tok] = []
    pos = 0
    pending_text = ""

    def flush() -> None:
        nonlocal pending_text
        if pending_text:
            out.append(Tok("text", pending_text, glued=True, ocr=ocr, where=where))
            pending_text = ""

    for m in _glued_rx().finditer(part):
        pending_text += part[pos:m.start()]
        pos = m.end()
        g = m.lastgroup
        s = m.group()
        if g == "numbered":
            pending_text += s
            continue
        if g == "dash":
            flush()
            out.append(Tok("empty", "—", glued=True, where=where))
            continue
        flush()
        if g == "level":
            out.append(Tok("label", s, role=level_of(s) or "level2", glued=True, where=where))
        elif g == "label":
            lab = _label_of_cell(s) or Tok("label", s, role="group")
            lab.glued = True
            lab.where = where
            out.append(lab)
        elif g == "note":
            out.append(Tok("note", s, glued=True, where=where))
        elif g == "date":
            out.append(Tok("val", s, glued=True, ocr=ocr, where=where))
        elif g == "num":
            digits = re.match(r"[0-9.%]*", s)
            run = digits.group() if digits else s
            if len(s) > len(run):  # a unit that is the first character of a label (2项目管理 → 2 | 项目管理)
                nxt = _glued_rx().match(part, m.start() + len(run))
                after = part[m.start() + len(run):]
                if (nxt is not None and nxt.lastgroup in ("label", "level") and nxt.end() > m.end()) or any(
                        after.startswith(w) and len(w) > len(s) - len(run) for w in _stream()["unit_word_starts"]):
                    s = run
                    pos = m.start() + len(run)
            kind = "val" if is_piece(run) else "run"
            out.append(Tok(kind, s, glued=True, ocr=ocr, where=where))
        elif g == "op":
            op = _op_of(s)
            if op is None:
                pending_text += s
                continue
            out.append(Tok("op", s, ind=op, glued=True, where=where))
    pending_text += part[pos:]
    flush()
    return out


@cache
def _fuzzy_labels() -> tuple[tuple[str, str | None, str | None], ...]:
    """Column names long enough (4+) to be recognised with one character misread."""
    return tuple((syn, ind, fund) for syn, (ind, fund) in _synonyms().items() if len(syn) >= 4)


def _near_label(word: str) -> tuple[str, str | None, str | None] | None:
    """The column name ``word`` is with one character misread, or with its characters jumbled (OCR)."""
    for syn, ind, fund in _fuzzy_labels():
        if len(syn) != len(word):
            continue
        diff = sum(1 for a, b in zip(syn, word, strict=True) if a != b)
        if (diff == 1 and (len(syn) >= 5 or word[-1] == syn[-1])) or (diff > 1 and sorted(syn) == sorted(word)):
            return syn, ind, fund
    return None


def _ocr_labels(tok: Tok) -> list[Tok]:
    """Split column names misread by OCR (年初预匏数, 考值参分) out of a text token."""
    text = tok.text
    if len(text) > 40 or len(text) < 4:
        return [tok]
    out: list[Tok] = []
    buf = ""
    k = 0
    while k < len(text):
        hit = None
        for n in (6, 5, 4):
            if k + n <= len(text):
                hit = _near_label(text[k:k + n])
                if hit:
                    word = text[k:k + n]
                    break
        if hit:
            if buf:
                out.append(Tok("text", buf, glued=True, ocr=tok.ocr, where=tok.where))
                buf = ""
            out.append(Tok("label", word, role="header", ind=hit[1], fund=hit[2], glued=True, ocr=True,
                           where=tok.where))
            k += len(word)
            continue
        buf += text[k]
        k += 1
    if buf:
        out.append(Tok("text", buf, glued=True, ocr=tok.ocr, where=tok.where))
    return out


def _post(toks: list[Tok]) -> list[Tok]:
    """Header names inside an indicator's name are part of the name (…价格执行率100%): a column name
    counts only next to another label or note. A level name without 指标 counts only right after a
    value or a first-level name (…10时效1年…)."""
    out: list[Tok] = []
    n = len(toks)
    for k, tok in enumerate(toks):
        if tok.kind == "label" and tok.role in ("header", "field"):
            prev = toks[k - 1] if k > 0 else None
            nxt = toks[k + 1] if k + 1 < n else None
            near = any(x is not None and x.kind in ("label", "note") for x in (prev, nxt))
            if not near and len(tok.text) < 6:
                tok = Tok("text", tok.text, glued=True, ocr=tok.ocr, where=tok.where)
        out.append(tok)
    merged: list[Tok] = []
    expanded: list[Tok] = []
    for k, tok in enumerate(out):
        near = any(0 <= j < len(out) and out[j].kind in ("label", "note") and out[j].role == "header"
                   for j in (k - 1, k + 1))
        expanded.extend(_ocr_labels(tok) if tok.kind == "text" and near else [tok])
    for tok in expanded:
        if tok.kind == "text" and len(merged) >= 2 and merged[-1].kind == "note" and merged[-2].kind == "text" \
                and not re.search(r"[0-9元分]", merged[-1].text):
            note = merged.pop()  # 维修(维护)所需成本: a note inside a name
            merged[-1].text += note.text
        if tok.kind == "text" and merged and merged[-1].kind == "text":
            merged[-1].text += tok.text
            merged[-1].ocr = merged[-1].ocr or tok.ocr
            continue
        merged.append(tok)
    final: list[Tok] = []
    l1, l2 = _level_words()
    bare = sorted(l1 | l2, key=len, reverse=True)
    for tok in merged:
        prev = final[-1] if final else None
        if (tok.kind == "text" and prev is not None
                and (prev.is_value() or (prev.kind == "label" and prev.role == "level1"))):
            for w in bare:
                if tok.text == w:
                    tok = Tok("label", w, role="level1" if w in l1 else "level2", glued=True, where=tok.where)
                    break
                if tok.text.startswith(w):
                    final.append(Tok("label", w, role="level1" if w in l1 else "level2", glued=True, where=tok.where))
                    tok = Tok("text", tok.text[len(w):], glued=True, ocr=tok.ocr, where=tok.where)
                    break
        if tok.kind == "text" and prev is not None and prev.is_value() and tok.text.startswith("无") \
                and len(tok.text) > 1:
            final.append(Tok("empty", "无", glued=True, where=tok.where))
            tok = Tok("text", tok.text[1:], glued=True, ocr=tok.ocr, where=tok.where)
        final.append(tok)
    return final


def is_glued(text: str) -> bool:
    """A paragraph that is a flattened table: long, with several labels and numbers in it."""
    if len(text) < 60:
        return False
    labels = sum(1 for m in _glued_rx().finditer(_despace(normalize(text))) if m.lastgroup in ("label", "level"))
    nums = len(re.findall(r"[0-9]", text))
    return labels >= 4 and nums >= 4


__all__ = ["Tok", "cell_token", "glued_tokens", "is_glued", "is_unit_word", "level_of", "ocr_fix"]
