"""The rule modules register their rules by calling ``rule(code, severity, description)(fn)`` after the
definition, never with ``@rule(...)``: mutmut does not mutate decorated functions, so a decorated rule
would silently drop out of mutation testing (docs/mutation.md). The catalogue stays what it was."""

from __future__ import annotations

import ast
from pathlib import Path

from jixiao.review import catalogue
from jixiao.review.base import _REGISTRY

REVIEW = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "review"
RULE_MODULES = ("budget", "document", "indicators", "narrative", "stated", "targets")


def test_no_rule_function_is_decorated() -> None:
    decorated = []
    for name in RULE_MODULES:
        tree = ast.parse((REVIEW / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", None) == "rule" for d in node.decorator_list
            ):
                decorated.append(f"{name}.{node.name}")
    assert decorated == []


def test_every_registered_rule_is_a_module_level_function_of_its_family() -> None:
    family = {"B": "budget", "D": "document", "I": "indicators", "N": "narrative", "S": "stated", "T": "targets"}
    for code, reg in _REGISTRY.items():
        if code in ("Z99",):  # a test's throw-away rule
            continue
        assert reg.fn.__module__ == f"jixiao.review.{family[code[0]]}", code
        assert reg.fn.__name__.startswith(code.lower() + "_"), code


def test_the_catalogue_keeps_its_order_and_severities() -> None:
    cat = catalogue()
    assert [r.code for r in cat] == sorted(r.code for r in cat)
    assert len(cat) == len({r.code for r in cat})
    by_code = {r.code: r for r in cat}
    assert by_code["B01"].severity == "error" and by_code["B08"].severity == "info"
    assert by_code["I06"].severity == "error" and by_code["S02"].severity == "error"
    assert by_code["D01"].description.startswith("报告缺少规定的组成部分")
