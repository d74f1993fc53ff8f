"""Who and when: whether a document names itself a self-evaluation, and (later) its title, unit,
supervising department, recipient and fiscal year from the lines real documents carry.

Word lists live in ``data/meta.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from jixiao.readers.blocks import Document, Paragraph, Table


@cache
def words() -> dict[str, Any]:
    text = resources.files("jixiao.data").joinpath("meta.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _squash(text: str) -> str:
    return "".join(text.split())


def _name_ends(text: str) -> list[int]:
    """Where each self-evaluation name found in ``text`` (squashed) ends."""
    return [k + len(n) for n in words()["self_evaluation"]["names"] if (k := text.find(n)) >= 0]


def _about_others(text: str) -> bool:
    return any(x in text for x in words()["self_evaluation"]["not_when"])


def _names_itself(text: str, short: int) -> bool:
    """A title-like line carrying the name (short, not a sentence), or a heading that runs into its body
    ("…项目绩效自评综述：根据…")."""
    t = _squash(text)
    ends = _name_ends(t)
    if not ends or _about_others(t):
        return False
    if len(t) <= short and not t.endswith(("。", "；", ";")) and "，" not in t:
        return True
    return any(t[e: e + 1] in ("：", ":") for e in ends)


def _candidates(doc: Document) -> Iterable[str]:
    w = words()["self_evaluation"]
    first, prefix, short = int(w["first_paragraphs"]), int(w["name_prefix"]), int(w["short_line"])
    seen = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            t = block.text.strip()
            if not t:
                continue
            seen += 1
            if seen <= first:
                yield t[:prefix]
            elif len(t) <= short:
                yield t
        elif isinstance(block, Table):
            for row in block.rows[:6]:
                for cell in row:
                    if isinstance(cell, str) and cell.strip() and len(cell.strip()) <= short:
                        yield cell


def names_itself_self_evaluation(doc: Document) -> bool:
    """True when the document calls itself a self-evaluation (绩效自评报告, 自评表, 自评综述 …) in a
    title-like line (its opening lines, a short line anywhere, a table's title cell) or in a heading
    that runs into its body; False when its first line says it is about them (a notice, a template)."""
    short = int(words()["self_evaluation"]["short_line"])
    first = next((b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text.strip()), "")
    if _about_others(_squash(first)[:60]):
        return False
    return any(_names_itself(t, short) for t in _candidates(doc))


__all__ = ["names_itself_self_evaluation", "words"]
