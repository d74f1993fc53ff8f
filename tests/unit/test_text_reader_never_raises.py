"""The text reader never raises on arbitrary text: it returns a Report or a ReadError, nothing else."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import ReadError
from jixiao.readers.assemble import assemble
from jixiao.readers.text import decode, parse_text
from tests.text_docs import CELLS_PLAIN, PIPES_TRANSFER, ROWS_TABS_GB, SPACES_PDF

CELL_WORDS = st.sampled_from(["三级指标", "指标性质", "年度指标值", "单位", "完成值", "分值", "得分", "≥", "≤", "定性",
                              "98%", "１２", "万元", "合计", "总分", "预算执行率", "一、", "（一）", "\t", "|", "  ",
                              "全年预算数", "全年执行数", "1,070.07", "百分之九十", "\n", "\n\n", "元"])


def _read(text: str) -> None:
    with contextlib.suppress(ReadError):
        assemble(parse_text(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_arbitrary_text(text):
    _read(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL_WORDS, max_size=60).map("".join))
def test_table_like_text(text):
    _read(text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([CELLS_PLAIN, PIPES_TRANSFER, ROWS_TABS_GB, SPACES_PDF]), st.integers(0, 2000),
       st.integers(0, 200), st.text(max_size=20))
def test_mutated_real_documents(doc, at, cut, insert):
    at = min(at, len(doc))
    _read(doc[:at] + insert + doc[at + cut:])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_read_error(data):
    try:
        text = decode(data)
    except ReadError:
        return
    _read(text)
