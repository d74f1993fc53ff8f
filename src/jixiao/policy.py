"""Scoring and review policies: data files (TOML), selectable by name or path.

A policy file may say ``extends = "other-name"``; its tables are merged over the parent's. The
shipped policies live in ``jixiao/policies/``. Numbers are written as strings in the files so they
reach the code as exact ``Decimal`` values.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

DEFAULT_POLICY = "mof-2020"
INDICATOR_POOLS = ("output", "benefit", "satisfaction", "cost")


class PolicyError(ValueError):
    """A policy could not be found or is malformed (the message is Chinese, one line)."""


def _dec(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise PolicyError(f"评分规则 {where} 的值“{value}”不是数字") from exc


@dataclass(frozen=True)
class Policy:
    name: str
    description: str
    budget_weight: Decimal
    pool_weights: dict[str, Decimal]  # output / benefit / satisfaction / cost
    cost_pool: str
    redistribute: str
    use_stated_weights: bool
    reverse: str
    negative_actual_as_zero: bool
    qualitative_fractions: dict[str, Decimal]  # achieved / partial / not_achieved / unclear
    qualitative_bands: dict[str, tuple[Decimal, Decimal]]
    accept_stated_in_band: bool
    grades: tuple[tuple[str, Decimal], ...]  # ordered from the highest bound down
    review: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    def review_decimal(self, key: str) -> Decimal:
        return _dec(self.review[key], f"[review].{key}")

    def grade_for(self, total: Decimal) -> str:
        for grade, bound in self.grades:
            if total >= bound:
                return grade
        return self.grades[-1][0]


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _shipped_text(name: str) -> str | None:
    res = resources.files("jixiao.policies").joinpath(f"{name}.toml")
    return res.read_text(encoding="utf-8") if res.is_file() else None


def shipped_policies() -> list[str]:
    names = [p.name[:-5] for p in resources.files("jixiao.policies").iterdir() if p.name.endswith(".toml")]
    return sorted(names)


def _load_raw(name_or_path: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if name_or_path in seen:
        raise PolicyError(f"评分规则“{name_or_path}”的 extends 形成了循环")
    text = _shipped_text(name_or_path)
    text_path: Path | None = None
    if text is None:
        path = text_path = Path(name_or_path)
        if not path.is_file():
            known = "、".join(shipped_policies())
            raise PolicyError(f"找不到评分规则“{name_or_path}”（内置规则：{known}；也可给出 .toml 文件路径）")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"无法读取评分规则文件 {path}：{exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"评分规则“{name_or_path}”格式错误：{exc}") from exc
    parent = data.get("extends")
    if parent:
        parent = str(parent)
        if _shipped_text(parent) is None and text_path is not None and not Path(parent).is_absolute():
            beside = text_path.parent / parent  # a relative parent path is read beside the file that names it
            if beside.is_file():
                parent = str(beside)
        data = _merge(_load_raw(parent, (*seen, name_or_path)), data)
    return data


@lru_cache(maxsize=32)
def load_policy(name_or_path: str = DEFAULT_POLICY) -> Policy:
    """A policy by shipped name (``mof-2020``) or by path to a TOML file."""
    raw = _load_raw(name_or_path)
    try:
        pools = raw["pools"]
        ops = raw.get("operators", {})
        qual = raw["qualitative"]
        grades = sorted(((g, _dec(b, f"[grades].{g}")) for g, b in raw["grades"].items()),
                        key=lambda gb: gb[1], reverse=True)
        policy = Policy(
            name=str(raw.get("name", name_or_path)),
            description=str(raw.get("description", "")),
            budget_weight=_dec(pools.get("budget", "10"), "[pools].budget"),
            pool_weights={p: _dec(pools.get(p, "0"), f"[pools].{p}") for p in INDICATOR_POOLS},
            cost_pool=str(pools.get("cost_pool", "output")),
            redistribute=str(pools.get("redistribute", "proportional")),
            use_stated_weights=bool(pools.get("use_stated_weights", True)),
            reverse=str(ops.get("reverse", "ratio")),
            negative_actual_as_zero=bool(ops.get("negative_actual_as_zero", True)),
            qualitative_fractions={
                k: _dec(qual[k], f"[qualitative].{k}") for k in ("achieved", "partial", "not_achieved", "unclear")
            },
            qualitative_bands={
                k: (_dec(qual[f"{k}_band"][0], f"[qualitative].{k}_band"),
                    _dec(qual[f"{k}_band"][1], f"[qualitative].{k}_band"))
                for k in ("achieved", "partial", "not_achieved")
            },
            accept_stated_in_band=bool(qual.get("accept_stated_in_band", True)),
            grades=tuple(grades),
            review=dict(raw.get("review", {})),
            raw=raw,
        )
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise PolicyError(f"评分规则“{name_or_path}”缺少必要的设置：{exc}") from exc
    if policy.reverse not in ("ratio", "deviation"):
        raise PolicyError(f"评分规则“{name_or_path}”的 reverse 只能是 ratio 或 deviation")
    if policy.cost_pool not in ("output", "cost"):
        raise PolicyError(f"评分规则“{name_or_path}”的 cost_pool 只能是 output 或 cost")
    return policy


__all__ = ["DEFAULT_POLICY", "Policy", "PolicyError", "load_policy", "shipped_policies"]
