"""The narrative reader and the rules share one neutral word-list module and do not import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import jixiao

SRC = Path(jixiao.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_claims_does_not_import_review() -> None:
    assert not any(m.startswith("jixiao.review") for m in _imports(SRC / "claims.py"))


def test_claims_and_review_read_the_same_word_lists() -> None:
    from jixiao.review import load_words as review_words
    from jixiao.words import load_words

    assert review_words() is load_words()
    assert "jixiao.words" in _imports(SRC / "claims.py")
    assert "jixiao.words" in _imports(SRC / "review" / "base.py")


def test_words_module_imports_neither() -> None:
    mods = _imports(SRC / "words.py")
    assert not any(m.startswith(("jixiao.review", "jixiao.claims")) for m in mods)
