"""Reading the values written in self-evaluation forms: numbers, operators, units, amounts, percents.

Pure and total: every public function accepts any ``str`` and never raises (it returns ``None``, ``""``
or ``0`` when there is nothing to read). Spellings (operators, percent, money units, measure words)
live in ``data/values.toml`` and are loaded once at import.

Decisions, so callers know what to expect:

- Indicator values keep the unit the document used: ``"≥2万亩"`` is 2 with unit ``"万亩"``, never
  20000; ``"2万"`` is 2 with unit ``"万"``. A Chinese numeral that ends in 万/亿 and is followed by a
  unit is read the same way (``"两万亩"`` → 2 ``"万亩"``); standing alone it is the whole number
  (``"两万"`` → 20000).
- Chinese numerals count only before a known measure word (``"三套"`` → 3, but ``"一般"``, ``"一致"``
  are not numbers). Arabic numbers accept any short unit (≤ 8 characters, no punctuation).
- A value cell is ``[filler][operator][number][unit][suffix]``, possibly in brackets, possibly after a
  short label ending in an operator symbol (``"合格率≥95%"``); anything else (a sentence, a number in
  the middle of text, a cell longer than ``[values] max_length``) is not a number: ``number`` is ``None``.
- Thousands separators are commas only (``"1,070.07"``); ``"1 070"`` and ``"78,35"`` are not numbers.
- Dates and deadlines (``"2023年12月底前"``, ``"2024-06-30"``, ``"12月"``) have ``number`` ``None``.
- Ranges (``"90-100"``, ``"90%~95%"``): ``number`` is the lower bound, ``upper`` the upper bound, and
  ``operator`` stays ``None`` unless written.
- Chinese operator words (不低于, 达到, 以上 …) count only in front of / behind a number; the symbols
  (≥ ≤ = …) and 定性 count on their own.
- ``parse_percent`` does not turn fractions into percents: ``"0.7835"`` stays 0.7835 (the caller
  decides); ``"5‰"`` is 0.5.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache, wraps
from importlib import resources
from typing import Any, TypeVar, cast

from jixiao.model import OPERATORS, Operator

__all__ = [
    "MONEY_UNITS",
    "ParsedValue",
    "decimal_places",
    "fmt",
    "is_money_unit",
    "is_percent_unit",
    "normalize",
    "normalize_unit",
    "parse_amount",
    "parse_number",
    "parse_operator",
    "parse_percent",
    "parse_value",
    "to_wan",
]


def _load() -> dict[str, Any]:
    with resources.files("jixiao").joinpath("data/values.toml").open("rb") as fh:
        return tomllib.load(fh)


_DATA = _load()

# --- normalisation -------------------------------------------------------------------------------

_KEEP = set(_DATA["normalize"]["keep"])
_WHITESPACE_LIKE = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

_NORM_TABLE: dict[int, int | str | None] = {
    c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c) not in _KEEP
}
_NORM_TABLE.update({ord(c): " " for c in _WHITESPACE_LIKE})
_NORM_TABLE.update({ord(c): None for c in _DATA["normalize"]["drop"]})

# What the parsers read: every full-width ASCII character, and minus look-alikes as "-".
_CANON_TABLE: dict[int, int | str | None] = dict(_NORM_TABLE)
_CANON_TABLE.update({ord(c): ord(c) - 0xFEE0 for c in _KEEP if 0xFF01 <= ord(c) <= 0xFF5E})
_CANON_TABLE.update({ord(c): "-" for c in _DATA["normalize"]["minus"]})

_WS_RE = re.compile(r"\s+")
# A space is kept only between two digits ("10 20" is not 1020).
_SPACE_RE = re.compile(r" (?![0-9])|(?<![0-9]) ")


def normalize(text: str) -> str:
    """Full-width ASCII → half-width, ideographic and other spaces → one space, stripped.

    Chinese characters and the Chinese punctuation listed in ``values.toml`` (（）：；！？、) stay."""
    if not isinstance(text, str):
        return ""
    return _WS_RE.sub(" ", text.translate(_NORM_TABLE)).strip()


def _canon(text: str) -> str:
    """The parsers' view of a text: normalised, all full-width forms half-width, inner spaces gone."""
    if not isinstance(text, str):
        return ""
    s = _WS_RE.sub(" ", text.translate(_CANON_TABLE)).strip()
    return _SPACE_RE.sub("", s)


# --- spellings ------------------------------------------------------------------------------------


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _is_symbolic(spelling: str) -> bool:
    return not any("\u4e00" <= ch <= "\u9fff" for ch in spelling)


_OP_BY_SPELLING: dict[str, Operator] = {}
for _op, _spellings in _DATA["operators"].items():
    if _op not in OPERATORS:
        raise ValueError(f"values.toml: unknown operator {_op!r}")
    for _sp in _spellings:
        _OP_BY_SPELLING[_canon(_sp)] = cast(Operator, _op)
_OP_PREFIX_RE = re.compile("(?:" + _alternation(list(_OP_BY_SPELLING)) + ")")

_OP_BY_SUFFIX: dict[str, Operator] = {}
for _op, _spellings in _DATA["operator_suffixes"].items():
    for _sp in _spellings:
        _OP_BY_SUFFIX[_canon(_sp)] = cast(Operator, _op)

_FILLER_PREFIX_RE = re.compile("(?:" + _alternation([_canon(w) for w in _DATA["fillers"]["prefixes"]]) + ")")
_FILLER_SUFFIXES = {_canon(w) for w in _DATA["fillers"]["suffixes"]}
_SUFFIX_RE = re.compile(
    "(?:" + _alternation(list(_OP_BY_SUFFIX) + list(_FILLER_SUFFIXES)) + r"|[。.,;、]+|\(含[^()]{1,8}\))$"
)

_PERCENT = "%"
_PER_MILLE: str = _DATA["percent"]["per_mille"]
_PERCENT_UNITS = {_canon(w) for w in _DATA["percent"]["units"]}
_PERCENT_PREFIX: dict[str, str] = {_canon(k): v for k, v in _DATA["percent"]["prefixes"].items()}
_PERCENT_PREFIX_RE = re.compile("(?:" + _alternation(list(_PERCENT_PREFIX)) + ")")

MONEY_UNITS: dict[str, Decimal] = {k: Decimal(v) for k, v in _DATA["money_units"].items()}
_MAGNITUDES: dict[str, Decimal] = {k: Decimal(v) for k, v in _DATA["magnitudes"].items()}


def _power_of_ten(d: Decimal) -> int:
    t = d.normalize().as_tuple()
    if t.digits != (1,) or t.sign or not isinstance(t.exponent, int):
        raise ValueError(f"values.toml: money factor {d} is not a power of ten")
    return t.exponent


_MONEY_EXP: dict[str, int] = {k: _power_of_ten(v) for k, v in MONEY_UNITS.items()}
_MAGNITUDE_EXP: dict[str, int] = {k: _power_of_ten(v) for k, v in _MAGNITUDES.items()}

_CN = _DATA["chinese_numerals"]
_CN_DIGITS: dict[str, int] = dict(_CN["digits"])
_CN_SMALL: dict[str, int] = dict(_CN["small_units"])
_CN_LARGE: dict[str, int] = dict(_CN["large_units"])
_CN_POINT: str = _CN["point"]
_CN_ALL = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_LARGE)
_CN_LEAD = "".join(_CN_DIGITS) + "".join(_CN["leading_units"])
_CN_RE = re.compile(
    f"[{re.escape(_CN_LEAD)}][{re.escape(_CN_ALL)}]*"
    f"(?:{re.escape(_CN_POINT)}[{re.escape(''.join(_CN_DIGITS))}]+)?"
)
_LARGE_UNIT_NAMES: dict[int | str, str] = {10000: "万", 100000000: "亿"}
_LARGE_UNIT_NAMES.update({v: v for v in ("万", "亿")})
_MEASURE_WORDS = {_canon(w) for w in _DATA["measure_words"]["words"]}

_DATE_WORDS_RE = re.compile("(?:" + _alternation(_DATA["dates"]["words"]) + ")")
_DATE_RE = re.compile(
    r"(?<![0-9.])(?:19|20)[0-9]{2}年"
    r"|(?<![0-9.])(?:19|20)[0-9]{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12][0-9]|3[01])(?![0-9])"
    r"|(?<![0-9.])(?:19|20)[0-9]{2}[-/](?:0?[1-9]|1[0-2])(?![0-9.])"
    r"|(?<![0-9.])(?:0?[1-9]|1[0-2])月"
)

_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+"
_ARABIC_RE = re.compile(rf"[-+]?(?:{_NUM})")
_DIGIT_RE = re.compile(r"[0-9]")
_PLAIN_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
_ANY_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_RANGE_SEP_RE = re.compile("(?:" + _alternation(_DATA["ranges"]["separators"]) + ")")
# A unit written after an Arabic number: a few characters (values.toml [units] max_length), no digits
# (except the 2/3 of m2, km3), no punctuation or operators. Longer text is a sentence, not a unit.
_UNIT_CHAR = r"(?:[^\s0-9.,;:!?。，；：、！？()\[\]【】<>=≥≤~\-—'\"“”‘’]|(?<=[A-Za-z])[23])"
_UNIT_RE = re.compile(f"{_UNIT_CHAR}{{1,{int(_DATA['units']['max_length'])}}}")
_UNIT_BRACKETS = {"(": ")", "[": "]", "【": "】", "<": ">"}
_UNIT_PLACEHOLDERS = {_canon(w) for w in _DATA["units"]["placeholders"]}
_UNIT_LABEL_RE = re.compile("(?:" + _alternation([_canon(w) for w in _DATA["units"]["labels"]]) + ")")
_QUANTITATIVE_RE = re.compile("(?:" + _alternation([_canon(w) for w in _DATA["quantitative"]["words"]]) + ")")
_MAX_CELL = int(_DATA["values"]["max_length"])
_LABELLED_RE = re.compile(
    rf"[^0-9]{{1,{int(_DATA['values']['label_max_length'])}}}?"
    "(?P<op>" + _alternation([sp for sp in _OP_BY_SPELLING if _is_symbolic(sp)]) + ")"
)
_BRACKET_PAIRS = {"(": ")", "[": "]", "【": "】"}


# --- the parsed value -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedValue:
    """What a value cell says: ``≥2万亩`` → operator ``>=``, number 2, unit ``万亩``."""

    text: str  # the original text, unchanged
    operator: Operator | None  # an operator written inside the value cell, else None
    number: Decimal | None  # None when the text is not a number (完成, 有效节约, a date, "")
    unit: str | None  # the unit written in the cell; every percent spelling is "%"
    percent: bool  # the value is a percentage
    upper: Decimal | None = None  # the upper bound of a range ("90-100" → number 90, upper 100)


def _scale(d: Decimal, exp: int) -> Decimal:
    """d × 10**exp, exact; a whole result has no exponent notation (1.07E+4 → 10700)."""
    sign, digits, e = d.as_tuple()
    if not isinstance(e, int):
        return d
    e += exp
    if e > 0:
        digits = (*digits, *([0] * e)) if digits != (0,) else digits
        e = 0
    return Decimal((sign, digits, e))


def _cn_int(s: str) -> int | None:
    """A Chinese integer numeral (一千零七十, 两万五, 二〇二三, 壹仟) → int; None when ill-formed."""
    if not s:
        return None
    if all(c in _CN_DIGITS for c in s):
        if len(s) == 1:
            return _CN_DIGITS[s]
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    high = 0  # completed 亿 groups
    wan = 0  # completed 万 group
    section = 0  # below 万
    digit: int | None = None
    prev_unit: int | None = None  # the unit right before the current digit (for 一千二 = 1200)
    last_small = 10000  # units inside a section must descend: 十十, 百千 are ill-formed
    for c in s:
        if c in _CN_DIGITS:
            if digit not in (None, 0):
                return None  # two digits in a row inside a unit numeral
            digit = _CN_DIGITS[c]
            if digit == 0:
                prev_unit = None
        elif c in _CN_SMALL:
            if _CN_SMALL[c] >= last_small:
                return None
            last_small = _CN_SMALL[c]
            section += (digit or 1) * _CN_SMALL[c]
            digit = None
            prev_unit = _CN_SMALL[c]
        else:
            unit = _CN_LARGE[c]
            group = section + (digit or 0)
            if unit == 10000:
                if wan:
                    return None  # 万万
                wan = (group or 1) * unit
            else:
                if high:
                    return None  # 亿亿
                high = (wan + group or 1) * unit
                wan = 0
            section = 0
            last_small = 10000
            digit = None
            prev_unit = unit
    tail = digit or 0
    if digit and prev_unit is not None and prev_unit >= 100:
        tail = digit * prev_unit // 10
    return high + wan + section + tail


def _cn_number(s: str) -> Decimal | None:
    whole, _, frac = s.partition(_CN_POINT)
    n = _cn_int(whole)
    if n is None:
        return None
    if frac:
        return Decimal(f"{n}.{''.join(str(_CN_DIGITS[c]) for c in frac)}")
    return Decimal(n)


def _arabic(literal: str) -> Decimal:
    return Decimal(literal.replace(",", ""))


def _unit_of(rest: str, chinese: bool) -> tuple[bool, str | None]:
    """Is ``rest`` (what follows the number) a unit? → (ok, normalised unit)."""
    if not rest:
        return True, None
    if len(rest) >= 3 and _BRACKET_PAIRS.get(rest[0]) == rest[-1]:
        rest = rest[1:-1]  # 23(条), 90(%)
    if rest in _PERCENT_UNITS:
        return True, _PERCENT
    if rest[0] == _PERCENT and len(rest) <= 7 and not _DIGIT_RE.search(rest):
        return True, _PERCENT  # "100%完成": the percent, the trailing words dropped
    if chinese:
        known = rest in _MEASURE_WORDS or rest in MONEY_UNITS
        if not known and rest[0] in _LARGE_UNIT_NAMES:
            known = rest[1:] in _MEASURE_WORDS  # 三万人次 → 3 万人次
        return known, rest
    return _UNIT_RE.fullmatch(rest) is not None, rest


def _read_number(s: str) -> tuple[Decimal, str, bool] | None:
    """The number at the start of ``s`` → (number, the rest, written in Chinese numerals)."""
    m = _ARABIC_RE.match(s)
    if m:
        return _arabic(m.group()), s[m.end():], False
    m = _CN_RE.match(s)
    if not m:
        return None
    numeral, rest = m.group(), s[m.end():]
    if rest and len(numeral) > 1 and numeral[-1] in _CN_LARGE and not _RANGE_SEP_RE.match(rest):
        # 两万亩 → 2 万亩, like 2万亩 (the unit the document used)
        rest = _LARGE_UNIT_NAMES[_CN_LARGE[numeral[-1]]] + rest
        numeral = numeral[:-1]
    number = _cn_number(numeral)
    if number is None:
        return None
    return number, rest, True


def _read_range(rest: str, chinese: bool) -> tuple[str, Decimal, str, bool] | None:
    """``rest`` = [unit] separator number [unit] → (first unit, second number, second unit, chinese)."""
    m = _RANGE_SEP_RE.search(rest)
    if not m or _DIGIT_RE.search(rest, 0, m.start()):
        return None
    second = _read_number(rest[m.end():])
    if second is None or second[0] < 0:
        return None
    return rest[: m.start()], second[0], second[1], second[2]


def _empty(text: str, operator: Operator | None = None) -> ParsedValue:
    return ParsedValue(text=text, operator=operator, number=None, unit=None, percent=False)


def _parse(text: str) -> ParsedValue:
    if len(text) <= _MAX_CELL and _PLAIN_NUMBER_RE.fullmatch(text):
        # Half the value cells are a bare number or percent ("1070.07", "95%"): read them directly,
        # as _parse_cell would (tests/unit/test_values_plain_numbers.py checks that it is the same).
        percent = text[-1] == _PERCENT
        number = Decimal(text[:-1] if percent else text)
        return ParsedValue(text=text, operator=None, number=number, unit=_PERCENT if percent else None,
                           percent=percent)
    return _parse_cell(text)


def _parse_cell(text: str) -> ParsedValue:
    s = _canon(text)
    if len(s) > _MAX_CELL:
        return _empty(text)  # a sentence, not a value cell (and no quadratic work on long text)
    while len(s) >= 2 and _BRACKET_PAIRS.get(s[0]) == s[-1]:
        s = s[1:-1]
    op: Operator | None = None
    op_symbolic = False

    # leading fillers and one operator
    while s:
        m = _FILLER_PREFIX_RE.match(s)
        if m:
            s = s[m.end():]
            continue
        if op is None:
            m = _OP_PREFIX_RE.match(s)
            if m:
                op = _OP_BY_SPELLING[m.group()]
                op_symbolic = _is_symbolic(m.group()) or op == "qualitative"
                s = s[m.end():]
                continue
        break

    # trailing operator words and fillers
    while s:
        m = _SUFFIX_RE.search(s)
        if not m or m.start() == 0:
            break
        word = m.group()
        if op is None and word in _OP_BY_SUFFIX:
            op = _OP_BY_SUFFIX[word]
            op_symbolic = False
        s = s[: m.start()]

    word_op = op if op_symbolic else None  # what to report when there is no number
    if not s or _DATE_RE.search(s) or _DATE_WORDS_RE.search(s):
        return _empty(text, word_op)

    prefix_unit: str | None = None
    m = _PERCENT_PREFIX_RE.match(s)
    if m:
        prefix_unit = _PERCENT_PREFIX[m.group()]
        s = s[m.end():]

    first = _read_number(s)
    if first is None and not op_symbolic:
        # a short label before an operator symbol: 合格率≥95%, 满意度>=90%
        m = _LABELLED_RE.match(s)
        if m:
            op = _OP_BY_SPELLING[m.group("op")]
            s = s[m.end():]
            first = _read_number(s)
    if first is None:
        return _empty(text, word_op)
    number, rest, chinese = first
    upper: Decimal | None = None
    ok, unit = _unit_of(rest, chinese)
    if not ok:
        r = _read_range(rest, chinese)
        if r is None:
            return _empty(text, word_op)
        unit1, second, unit2, chinese2 = r
        ok1, unit1_norm = _unit_of(unit1, chinese)
        ok2, unit2_norm = _unit_of(unit2, chinese2)
        if not (ok1 and ok2):
            return _empty(text, word_op)
        number, upper = min(number, second), max(number, second)
        unit = unit2_norm or unit1_norm

    if prefix_unit is not None:
        if unit not in (None, prefix_unit) and not (prefix_unit == _PERCENT and unit == _PERCENT):
            return _empty(text, word_op)
        unit = prefix_unit
    return ParsedValue(
        text=text, operator=op, number=number, unit=unit, percent=unit == _PERCENT, upper=upper
    )


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> ParsedValue:
    try:
        return _parse(text)
    except (ArithmeticError, ValueError, KeyError, IndexError, TypeError):  # pragma: no cover - defensive
        return _empty(text)


def parse_value(text: str) -> ParsedValue:
    """Read a value cell: ``"≥2万亩"`` → ParsedValue(operator=">=", number=2, unit="万亩")."""
    if not isinstance(text, str):
        return _empty("")
    if len(text) > 4 * _MAX_CELL:
        return _empty(text)  # not cached: long texts are paragraphs
    return _parse_cached(text)


_T = TypeVar("_T")


def _cell_cached(fn: Callable[[str], _T | None]) -> Callable[[str | None], _T | None]:
    """``fn`` of a cell's text, memoised (cells recur across rows and reports); None for what is not a
    string, and a paragraph-long text is computed but not cached."""
    cached = lru_cache(maxsize=4096)(fn)

    @wraps(fn)
    def of_cell(text: str | None) -> _T | None:
        if not isinstance(text, str):
            return None
        return fn(text) if len(text) > 4 * _MAX_CELL else cached(text)

    return of_cell


@_cell_cached
def parse_operator(text: str) -> Operator | None:
    """An operator cell (≥, 大于等于, 定性, 正向指标 …) or a value's leading/trailing operator."""
    s = _canon(text)
    if not s:
        return None
    m = _QUANTITATIVE_RE.match(s)
    if m:  # 定量 says nothing; 定量(≥) / 定量：≥ says what follows
        s = s[m.end():].strip("()[]【】:")
        if not s:
            return None
    m = _OP_PREFIX_RE.match(s)
    if m:
        return _OP_BY_SPELLING[m.group()]
    return parse_value(s).operator


def parse_number(text: str) -> Decimal | None:
    """The number of a value as written ("1,070.07" → 1070.07, "78.35%" → 78.35, "2万亩" → 2)."""
    return parse_value(text).number


# --- units, money, percent ------------------------------------------------------------------------


@_cell_cached
def normalize_unit(text: str) -> str | None:
    """A unit cell or header unit: "（%）" / "百分比" → "%", "(万元)" → "万元", "-" / "" → None."""
    s = _canon(text).replace(" ", "")
    while len(s) >= 2 and _UNIT_BRACKETS.get(s[0]) == s[-1]:
        s = s[1:-1]
    m = _UNIT_LABEL_RE.match(s)
    if m:
        s = s[m.end():]
    if s in _UNIT_PLACEHOLDERS:
        return None
    if s in _PERCENT_UNITS:
        return _PERCENT
    return s


def is_percent_unit(unit: str | None) -> bool:
    return normalize_unit(unit) == _PERCENT


def is_money_unit(unit: str | None) -> bool:
    return normalize_unit(unit) in MONEY_UNITS


def to_wan(amount: Decimal, unit: str | None) -> Decimal | None:
    """A money amount in ``unit`` → 万元, exact; None when ``unit`` is not a money unit."""
    key = normalize_unit(unit)
    if key is None or key not in _MONEY_EXP or not isinstance(amount, Decimal):
        return None
    return _scale(amount, _MONEY_EXP[key])


def parse_amount(text: str, default_unit: str = "万元") -> Decimal | None:
    """A budget amount in 万元: "10,700,700元" → 1070.07, "1.07亿元" → 10700, "1070.07" → 1070.07
    (in ``default_unit``); "2万" is read as 2万元. Placeholders ("-", "—", "/", "") → None."""
    pv = parse_value(text)
    if pv.number is None or pv.upper is not None or pv.percent:
        return None
    if pv.unit is None:
        return to_wan(pv.number, default_unit)
    if pv.unit in _MONEY_EXP:
        return to_wan(pv.number, pv.unit)
    if pv.unit in _MAGNITUDE_EXP:
        return to_wan(pv.number, pv.unit + "元")
    return None


def parse_percent(text: str) -> Decimal | None:
    """A rate in percent: "78.35%" → 78.35, "78.35" → 78.35, "百分之七十八" → 78, "5‰" → 0.5.

    A fraction stays a fraction ("0.7835" → 0.7835): the caller decides."""
    pv = parse_value(text)
    if pv.number is None:
        return None
    if pv.unit is None or pv.percent:
        return pv.number
    if pv.unit == _PER_MILLE:
        return _scale(pv.number, -1)
    return None


# --- display --------------------------------------------------------------------------------------


def decimal_places(text: str) -> int:
    """Digits after the decimal point of the number in ``text`` ("78.35%" → 2, "78%" → 0)."""
    number = parse_number(text)
    if number is not None:
        exp = number.as_tuple().exponent
        return -exp if isinstance(exp, int) and exp < 0 else 0
    m = _ANY_NUMBER_RE.search(_canon(text))
    if not m:
        return 0
    _, _, frac = m.group().partition(".")
    return len(frac)


def fmt(value: Decimal | None, places: int = 2) -> str:
    """Display a value rounded half-up: 7.835 → "7.84", 50 → "50.00", None → ""."""
    if value is None:
        return ""
    try:
        d = value if isinstance(value, Decimal) else Decimal(value)
        if not d.is_finite():
            return ""
        places = max(0, int(places))
        ctx = Context(prec=max(28, d.adjusted() + places + 2))
        r = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=ctx)
        if r.is_zero():
            r = abs(r)
        return f"{r:f}"
    except (ArithmeticError, ValueError, TypeError, InvalidOperation):
        return ""
