"""PDF titles in the official size: GB/T 9704 sets the title in 2号小标宋, 22 pt (it was 20 pt), body
text in 3号 (16 pt); in the 自评报告 and in the 复核意见书, read back from the characters' sizes."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from jixiao.writers.report_html import write_report_pdf
from jixiao.writers.review_docx import write_review_pdf
from tests.fonts import needs_cjk_font
from tests.write_factory import TITLE, sample_result

pytestmark = needs_cjk_font


def _title(path: Path) -> tuple[list[str], set[float]]:
    """The title's lines (the first lines set larger than the body text) and their characters' sizes (pt)."""
    with pdfplumber.open(str(path)) as pdf:
        lines = pdf.pages[0].extract_text_lines()
    title = []
    for line in lines:
        sizes = {round(c["size"], 1) for c in line["chars"]}
        if title and sizes != title[0][1]:
            break
        if max(sizes) > 16 and (not title or sizes == title[0][1]):
            title.append((line["text"], sizes))
    return [t for t, _ in title], set().union(*(s for _, s in title))


def _body_size(path: Path, text: str) -> set[float]:
    with pdfplumber.open(str(path)) as pdf:
        line = next(x for x in pdf.pages[0].extract_text_lines() if x["text"] == text)
    return {round(c["size"], 1) for c in line["chars"]}


def test_report_title_22pt_body_16pt(tmp_path: Path) -> None:
    out = tmp_path / "报告.pdf"
    write_report_pdf(sample_result(), out)
    lines, sizes = _title(out)
    assert sizes == {22.0}
    assert "".join(lines) == TITLE
    # over two lines it breaks before its closing words (GB/T 9704: 词意完整), not inside 自评
    assert lines == ["公安厅交管局转移支付2023年度", "绩效自评报告"]
    assert _body_size(out, "自治区财政厅：") == {16.0}


def test_review_title_22pt(tmp_path: Path) -> None:
    out = tmp_path / "复核意见书.pdf"
    write_review_pdf(sample_result(), out, issuer="某自治区财政厅")
    with pdfplumber.open(str(out)) as pdf:
        lines = pdf.pages[0].extract_text_lines()
    title = [x for x in lines if x["text"].startswith("关于《") or x["text"].endswith("的复核意见")]
    assert "".join(x["text"] for x in title) == f"关于《{TITLE}》的复核意见"
    assert {round(c["size"], 1) for x in title for c in x["chars"]} == {22.0}
