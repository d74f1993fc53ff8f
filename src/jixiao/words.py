"""The word lists the review rules and the narrative reader share (``data/review.toml``).

A neutral module: ``jixiao.claims`` (the narrative reader) and ``jixiao.review`` (the rules) both
read these lists, and neither imports the other for them. Pure: it reads only the package's own
data file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, eq=False)
class Words:
    """Everything the rules match against, read from ``data/review.toml``."""

    raw: dict[str, Any]
    defaults: dict[str, Any]
    high_terms: tuple[str, ...]
    high_exceptions: tuple[str, ...]
    low_terms: tuple[str, ...]
    low_exceptions: tuple[str, ...]
    percent_capped_terms: tuple[str, ...]
    percent_units: tuple[str, ...]
    vague_words: tuple[str, ...]
    budget_measures: tuple[str, ...]
    category_level2: dict[str, tuple[str, ...]]
    category_names: dict[str, str]
    grade_aliases: dict[str, str]
    sections: dict[str, tuple[str, tuple[tuple[str, ...], ...]]]  # key -> (Chinese name, alternatives)
    instruction_patterns: tuple[str, ...]
    narrative: dict[str, Any] = field(default_factory=dict)


def _t(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def words_from_dict(data: dict[str, Any]) -> Words:
    ind = data["indicators"]
    tg = data["targets"]
    doc = data["document"]
    return Words(
        raw=data,
        defaults=dict(data.get("defaults", {})),
        high_terms=_t(ind["high_terms"]),
        high_exceptions=_t(ind["high_exceptions"]),
        low_terms=_t(ind["low_terms"]),
        low_exceptions=_t(ind["low_exceptions"]),
        percent_capped_terms=_t(ind["percent_capped_terms"]),
        percent_units=_t(ind["percent_units"]),
        vague_words=_t(tg["vague_words"]),
        budget_measures=_t(tg["budget_measures"]),
        category_level2={k: _t(v) for k, v in tg["category_level2"].items()},
        category_names={k: str(v) for k, v in tg["category_names"].items()},
        grade_aliases={str(k): str(v) for k, v in data["scores"]["grade_aliases"].items()},
        sections={
            k: (str(v["name"]), tuple(_t(alt) for alt in v["any"])) for k, v in doc["sections"].items()
        },
        instruction_patterns=_t(doc["instructions"]["patterns"]),
        narrative=dict(data["narrative"]),
    )


@lru_cache(maxsize=1)
def load_words() -> Words:
    """The shipped word lists (``jixiao/data/review.toml``)."""
    text = resources.files("jixiao.data").joinpath("review.toml").read_text(encoding="utf-8")
    return words_from_dict(tomllib.loads(text))


@lru_cache(maxsize=64)
def _longest_first(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(terms, key=len, reverse=True))


def _first_term(text: str, terms: tuple[str, ...]) -> str | None:
    for t in _longest_first(terms):
        if t and t in text:
            return t
    return None


@lru_cache(maxsize=65536)
def _direction(name: str, words: Words) -> tuple[str, str] | None:
    low = _first_term(name, words.low_terms)
    if low and not _first_term(name, words.low_exceptions):
        return "low", low
    high = _first_term(name, words.high_terms)
    if high and not _first_term(name, words.high_exceptions):
        return "high", high
    return None


def direction(name: str, words: Words | None = None) -> tuple[str, str] | None:
    """("high", term) when an indicator of this name should be high (合格率, 满意度 …), ("low", term)
    when it should be low (成本, 故障率, 时长 …), else None (the name does not say)."""
    return _direction(name, words or load_words())


_FLIPPED = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}


def implied_operator(name: str, operator: str, words: Words | None = None) -> str | None:
    """The operator the indicator's meaning implies when the stated one points the other way
    (≤ on a 满意度, ≥ on a 成本), else None. I04 reports it; scoring and the rules use it."""
    if operator not in _FLIPPED:
        return None
    found = direction(name, words)
    if found is None:
        return None
    kind = found[0]
    if (kind == "high" and operator in ("<=", "<")) or (kind == "low" and operator in (">=", ">")):
        return _FLIPPED[operator]
    return None
