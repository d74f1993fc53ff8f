"""Column-name and row-label matching, driven by ``jixiao/data/headers.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_NOTE = re.compile(r"[（(][^（()）]*[)）]")
_SPACE = re.compile(r"[\s\u3000]+")


@cache
def data() -> dict[str, Any]:
    text = resources.files("jixiao.data").joinpath("headers.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def clean(cell: str) -> str:
    """A cell without spaces and parenthesised notes: "全年预算数(A)" → "全年预算数"."""
    s = _SPACE.sub("", cell)
    stripped = _NOTE.sub("", s)
    return stripped or s


@cache
def _synonyms(group: str) -> list[tuple[str, str]]:
    pairs = [(syn, field) for field, syns in data()[group].items() for syn in syns]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@cache
def _exact(group: str) -> dict[str, str]:
    """synonym → field; a synonym listed twice keeps the field ``_synonyms`` gives it first."""
    out: dict[str, str] = {}
    for syn, field in _synonyms(group):
        out.setdefault(syn, field)
    return out


@cache
def _any_synonym(*groups: str) -> re.Pattern[str]:
    """Finds whether a cell contains some synonym of ``groups`` (which one is for ``match`` to say)."""
    return re.compile("|".join(re.escape(syn) for group in groups for syn, _ in _synonyms(group)))


def match_exact(label: str, group: str) -> str | None:
    """The field of ``group`` that ``label`` (already cleaned) is a synonym of, word for word."""
    return _exact(group).get(label)


@lru_cache(maxsize=8192)
def match(cell: str, group: str) -> str | None:
    """The field of ``group`` (indicator / fund / fund_rows / fields / special_rows) a cell names.

    Exact matches win; otherwise the longest synonym the cell contains, provided the cell is short
    (a header, not a sentence that happens to contain the word).
    """
    return _field(clean(cell), group)


def _field(c: str, group: str) -> str | None:
    """``match`` of a cell already cleaned."""
    if not c:
        return None
    field = _exact(group).get(c)
    if field is not None or len(c) > 14 or not _any_synonym(group).search(c):
        return field
    for syn, field in _synonyms(group):
        if syn in c:
            return field
    return None


def header_map(row: list[str], group: str) -> dict[str, int]:
    """field → column index for a candidate header row (first occurrence wins)."""
    out: dict[str, int] = {}
    for i, cell in enumerate(row):
        f = match(cell, group)
        if f is not None and f not in out:
            out[f] = i
    return out


@lru_cache(maxsize=8192)
def _header_fields(cell: str) -> tuple[str | None, str | None] | None:
    """(indicator field, fund field) a cell names, both lookups in one cache probe; None if it names neither."""
    c = clean(cell)
    if not _any_synonym("indicator", "fund").search(c):
        return None  # most cells (values, names): an exact synonym is contained in the cell too
    fields = _field(c, "indicator"), _field(c, "fund")
    return None if fields == (None, None) else fields


def header_maps(row: list[str]) -> tuple[dict[str, int] | None, dict[str, int] | None]:
    """``(is_indicator_header(row), is_fund_header(row))`` in one pass over the row's cells.

    The readers ask both questions of every table row; asking them together reads each cell once.
    """
    ind: dict[str, int] = {}
    fund: dict[str, int] = {}
    for i, fields in enumerate(map(_header_fields, row)):
        if fields is None:
            continue
        fi, ff = fields
        if fi is not None and fi not in ind:
            ind[fi] = i
        if ff is not None and ff not in fund:
            fund[ff] = i
    imap = ind if "name" in ind and ("target" in ind or "actual" in ind) and len(ind) >= 3 else None
    money = ("initial" in fund) + ("annual" in fund) + ("executed" in fund)
    fmap = fund if money >= 2 and "name" not in ind else None
    return imap, fmap


def is_indicator_header(row: list[str]) -> dict[str, int] | None:
    """field → column index when ``row`` is the header of an indicator table, else None."""
    return header_maps(row)[0]


def is_fund_header(row: list[str]) -> dict[str, int] | None:
    """field → column index when ``row`` is the header of a fund (budget) table, else None."""
    return header_maps(row)[1]


def is_header_word(cell: str) -> bool:
    """A cell that could be a column header of either block."""
    c = clean(cell)
    if not c or len(c) > 14:
        return False
    return _header_fields(c) is not None
