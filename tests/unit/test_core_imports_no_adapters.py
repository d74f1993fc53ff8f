"""The core is importable on its own: no CLI, terminal, web or document library comes with it."""

from __future__ import annotations

import json
import subprocess
import sys

CORE = ["jixiao.model", "jixiao.values", "jixiao.words", "jixiao.levels", "jixiao.policy", "jixiao.scoring",
        "jixiao.claims", "jixiao.review", "jixiao.serialize", "jixiao.readers.blocks", "jixiao.readers.assemble",
        "jixiao.readers.text"]
ADAPTERS = ["typer", "rich", "docx", "openpyxl", "pdfplumber", "weasyprint", "jixiao.cli", "django"]


def test_core_modules_do_not_import_adapters():
    code = (f"import importlib, json, sys\nfor m in {CORE!r}: importlib.import_module(m)\n"
            f"print(json.dumps([a for a in {ADAPTERS!r} if a in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


def test_scoring_a_report_needs_no_io():
    from decimal import Decimal as D

    from jixiao.model import Budget, Indicator, Report
    from jixiao.policy import load_policy
    from jixiao.review import review
    from jixiao.scoring import score_report

    report = Report(budget=Budget(annual=D(100), executed=D(95)), indicators=[
        Indicator(name="培训场次", operator=">=", target=D(10), target_text="10", actual=D(12), actual_text="12",
                  unit="场", level1="output", level2="quantity"),
    ])
    card = score_report(report, load_policy())
    assert card.total == D("9.5") + D(90)  # the one output indicator takes all 90 points
    assert isinstance(review(report, card, load_policy()), list)
