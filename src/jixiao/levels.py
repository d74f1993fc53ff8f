"""Indicator levels: map stated 一级/二级 texts to codes, and infer them when a document has none.

The word lists live in ``jixiao/data/levels.toml``; this module only applies them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from jixiao.model import Indicator, Level1
from jixiao.values import is_money_unit


@cache
def _data() -> dict[str, Any]:
    text = resources.files("jixiao.data").joinpath("levels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _names(level: str) -> tuple[tuple[str, str], ...]:
    """(key, code) of [names.<level>], longest key first (the file's order among equal lengths)."""
    table: dict[str, str] = _data()["names"][level]
    return tuple((key, table[key]) for key in sorted(table, key=len, reverse=True))


@lru_cache(maxsize=1024)
def _lookup(level: str, text: str | None) -> str | None:
    if not text:
        return None
    t = text.replace(" ", "")
    for key, code in _names(level):
        if key in t:
            return code
    return None


def level1_from_text(text: str | None) -> Level1 | None:
    """产出指标 → output, 效益指标 → benefit, 满意度指标 → satisfaction, 成本指标 → cost."""
    return _lookup("level1", text)  # type: ignore[return-value]


def level2_from_text(text: str | None) -> str | None:
    """数量指标 → quantity, 社会效益指标 → social, 经济成本指标 → economic_cost, …"""
    return _lookup("level2", text)


def parent_of(level2: str | None) -> Level1 | None:
    if level2 is None:
        return None
    return _data()["parents"].get(level2)  # type: ignore[no-any-return]


@cache
def _word_pattern(key: str) -> re.Pattern[str]:
    """Finds any word of the [infer] list ``key`` (one scan instead of one ``in`` per word)."""
    words: list[str] = _data()["infer"][key]
    return re.compile("|".join(re.escape(w) for w in words) if words else "(?!)")


def _has(name: str, key: str) -> bool:
    """Does ``name`` contain a word of the [infer] list ``key``?"""
    return _word_pattern(key).search(name) is not None


# Word lists (keys of [infer] in levels.toml) tried in order, and the levels they give.
_BENEFIT_KINDS: tuple[tuple[str, Level1, str], ...] = (
    ("sustainability", "benefit", "sustainability"),
    ("ecological", "benefit", "ecological"),
    ("economic", "benefit", "economic"),
)


def _first(name: str, rules: tuple[tuple[str, Level1, str], ...]) -> tuple[Level1, str] | None:
    for key, level1, level2 in rules:
        if _has(name, key):
            return level1, level2
    return None


def infer_levels(ind: Indicator) -> tuple[Level1, str]:
    """Infer (level1, level2) of an indicator from its name, operator and unit."""
    return _infer(ind.name, ind.operator, ind.unit)


@lru_cache(maxsize=4096)
def _infer(name: str, operator: str, unit: str | None) -> tuple[Level1, str]:
    words = _data()["infer"]
    name = name.replace(" ", "")
    unit = unit or ""
    if _has(name, "satisfaction"):
        return "satisfaction", "satisfaction"
    if operator == "qualitative":
        # a qualitative target describes an effect: a benefit, social unless the words say otherwise
        return _first(name, _BENEFIT_KINDS) or ("benefit", "social")
    costly = _has(name, "cost")
    if not costly and _has(name, "economic"):
        return "benefit", "economic"  # 增收 in 万元 is a benefit, not a cost
    if costly or is_money_unit(unit) or is_money_unit(unit.split("/")[0]):
        return "output", "cost"
    found = _first(name, (*_BENEFIT_KINDS, ("social_quantitative", "benefit", "social")))
    if found:
        return found
    if _has(name, "timeliness") or unit in words["timeliness_units"]:
        return "output", "timeliness"
    if _has(name, "quality"):
        return "output", "quality"
    return "output", "quantity"


def levels_of(ind: Indicator, level1_text: str | None, level2_text: str | None) -> tuple[Level1, str, bool]:
    """(level1, level2, inferred) of an indicator: the stated texts, inferring whatever they leave out."""
    return _levels(ind.name, ind.operator, ind.unit, level1_text, level2_text)


@lru_cache(maxsize=4096)
def _levels(name: str, operator: str, unit: str | None,
            level1_text: str | None, level2_text: str | None) -> tuple[Level1, str, bool]:
    l1 = level1_from_text(level1_text)
    l2 = level2_from_text(level2_text)
    if l2 is not None and l1 is None:
        l1 = parent_of(l2)
    if l1 is not None and l2 is not None:
        return l1, l2, False
    inf1, inf2 = _infer(name, operator, unit)
    if l1 is not None:
        # level 1 stated, level 2 not: keep the stated level 1 and infer the kind within it
        if parent_of(inf2) != l1:
            inf2 = {"output": "quantity", "benefit": "social", "satisfaction": "satisfaction",
                    "cost": "economic_cost"}[l1]
        return l1, inf2, True
    return inf1, inf2, True


def resolve_levels(ind: Indicator, level1_text: str | None, level2_text: str | None) -> Indicator:
    """A copy of an indicator with its levels set (see ``levels_of``)."""
    level1, level2, inferred = levels_of(ind, level1_text, level2_text)
    return replace(ind, level1=level1, level2=level2, levels_inferred=inferred)
