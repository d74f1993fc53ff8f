"""The terminal scorecard marks figures read by splitting, OCR correction or re-alignment (†)."""

import io

from rich.console import Console

from jixiao.app import evaluate
from jixiao.policy import load_policy
from jixiao.readers import report_from_text
from jixiao.writers.terminal import scorecard
from tests.layout_docs import FLATTENED


def test_split_figures_are_marked_and_explained():
    result = evaluate(report_from_text(FLATTENED), load_policy("mof-2020"))
    buf = io.StringIO()
    Console(file=buf, width=200, color_system=None).print(scorecard(result))
    out = buf.getvalue()
    assert "86.40†" in out and "82.30†" in out
    assert "† 该数据系拆分连写数字、OCR纠错或按内容重新对齐列读出" in out
