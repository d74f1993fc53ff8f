"""Completion-time targets read as dates (完成时间 ≤11月, 12月底前, 2023年12月底, 年底前).

``values.parse_value`` deliberately gives a date no number (a month is not a count). A reviewer reads a
deadline by comparing dates: an actual on or before the target date meets it, a later one misses it,
an actual without a date says nothing either way. Pure and total: every public function accepts any
``str`` and never raises. Spellings live in ``data/deadlines.toml``.

- ``parse_deadline(text)`` reads a target cell that is a date and nothing else (besides operators and
  words such as 前, 以内, 完成); ``strict=False`` finds the first date in a short actual ("已于2023年
  11月20日完成验收").
- A month without a day is the end of that month; 上旬/中旬/下旬 end on the 10th/20th/month end; a
  named period (年底, 上半年, 三季度) ends at the end of its last month.
- Years are compared when both dates carry one; otherwise the dates are taken to fall in the same
  year (the fiscal year), unless one says 次年.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from jixiao.values import normalize

__all__ = ["Deadline", "deadline_met", "is_deadline", "parse_deadline", "states_late", "states_on_time"]

MONTH_END = 31


def _load() -> dict[str, Any]:
    with resources.files("jixiao").joinpath("data/deadlines.toml").open("rb") as fh:
        return tomllib.load(fh)


_DATA = _load()
_PERIODS: dict[str, int] = dict(_DATA["periods"])
_PARTS: dict[str, int] = dict(_DATA["parts_of_month"])
_NEXT_YEAR: list[str] = sorted(_DATA["next_year"]["words"], key=len, reverse=True)
_FILLER: list[str] = sorted(_DATA["filler"]["words"], key=len, reverse=True)
_ON_TIME: list[str] = list(_DATA["filler"]["on_time"])
_LATE: list[str] = list(_DATA["filler"]["late"])
_ACTUAL_MAX = int(_DATA["filler"]["actual_max_length"])


def _alt(words: list[str] | dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"
_MONTH = r"(?P<month>1[0-2]|0?[1-9])"
_DAY = r"(?P<day>3[01]|[12][0-9]|0?[1-9])"
_NEXT = rf"(?P<next>{_alt(_NEXT_YEAR)})?"
_DATE_RES = [
    # 2023-11-30, 2023.11.30, 2023/11/30, 2023-11
    re.compile(rf"{_YEAR}[-/.]{_MONTH}(?:[-/.]{_DAY}(?![0-9]))?(?![0-9])"),
    # (2023年)(次年)11月(30日|底|下旬)
    re.compile(rf"(?<![0-9]){_NEXT}(?:{_YEAR}年)?{_NEXT.replace('next', 'next2')}{_MONTH}月"
               rf"(?:{_DAY}[日号]|(?P<part>{_alt(_PARTS)}))?"),
    # (2023年)年底, (次年)上半年, 三季度末
    re.compile(rf"{_NEXT}(?:{_YEAR}(?:年(?=年)|(?=年)))?(?P<period>{_alt(_PERIODS)})(?:末)?"),
    # 2023年 standing alone (a year as the deadline: by the end of it)
    re.compile(rf"(?<![0-9]){_YEAR}年(?![0-9])"),
]


_BEYOND_YEAR = re.compile(r"(?<![0-9])(1[3-9]|2[0-4])月")


@dataclass(frozen=True)
class Deadline:
    """A point in the year: ``month`` and ``day`` (``None``: the end of the month, or not stated)."""

    year: int | None  # written year (2023), or None
    month: int
    day: int | None  # None when only the month is written
    next_year: bool = False  # 次年3月: the year after the fiscal year

    def key(self, with_year: bool) -> tuple[int, int, int]:
        year = (self.year or 0) if with_year else int(self.next_year)
        return (year, self.month, self.day or MONTH_END)


def _canon(text: str) -> str:
    return "".join(normalize(text).split())


def _match(text: str) -> tuple[Deadline, int, int] | None:
    """The first date in ``text``: the Deadline, its start and end."""
    best: tuple[Deadline, int, int] | None = None
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m or (best is not None and m.start() >= best[1]):
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        nxt = bool(groups.get("next") or groups.get("next2"))
        if groups.get("period"):
            d = Deadline(year, _PERIODS[groups["period"]], None, nxt)
        elif groups.get("month"):
            day = int(groups["day"]) if groups.get("day") else None
            part = groups.get("part")
            if part and _PARTS[part] != MONTH_END:
                day = _PARTS[part]
            d = Deadline(year, int(groups["month"]), day, nxt)
        else:
            d = Deadline(year, 12, None, nxt)
        if d.day is not None and d.day > MONTH_END:
            continue
        best = (d, m.start(), m.end())
    return best


def parse_deadline(text: str, strict: bool = True) -> Deadline | None:
    """The date ``text`` states; ``None`` when it states none.

    ``strict``: the text must be the date and nothing else (besides operators and filler words such as
    前, 以内, 完成) — how a target cell is read. Otherwise the first date in a short text (an actual)."""
    if not isinstance(text, str):
        return None
    s = _canon(text)
    if not s:
        return None
    if not strict and len(s) > _ACTUAL_MAX:
        return None
    found = _match(s)
    if found is None:
        if not strict and (m := _BEYOND_YEAR.search(s)):
            # "13月" counted on past December: the next year's month (a slip, but plainly late)
            return Deadline(None, int(m.group(1)) - 12, None, next_year=True)
        return None
    d, start, end = found
    if strict:
        rest = s[:start] + s[end:]
        for w in _FILLER:
            rest = rest.replace(w, "")
        if rest:
            return None
    return d


def is_deadline(text: str) -> bool:
    """``text`` is a date target (a cell that holds a date and nothing else)."""
    return parse_deadline(text) is not None


def states_on_time(text: str) -> bool:
    s = _canon(text)
    return not states_late(text) and any(w in s for w in _ON_TIME)


def states_late(text: str) -> bool:
    s = _canon(text)
    return any(w in s for w in _LATE)


@lru_cache(maxsize=2048)
def deadline_met(target_text: str, actual_text: str) -> bool | None:
    """Whether the actual meets a date target: True (on or before it), False (after it, or the actual
    says it was late), None (the target is not a date, or the actual gives no date to compare)."""
    target = parse_deadline(target_text)
    if target is None:
        return None
    if states_late(actual_text):
        return False
    actual = parse_deadline(actual_text, strict=False)
    if actual is None:
        return True if states_on_time(actual_text) else None
    with_year = target.year is not None and actual.year is not None
    if not with_year and (target.next_year or actual.next_year) and (target.year or actual.year):
        with_year = False  # 次年 against a written year: compare the relative keys
    if actual.day is None and target.day is not None and actual.month == target.month \
            and target.day != MONTH_END:
        return None  # "11月" against "11月15日": cannot tell
    return actual.key(with_year) <= target.key(with_year)
