"""`render --kind review --to pdf --issuer` and `render --recipient`: what the PDF says, read back with pdfplumber."""

from __future__ import annotations

import pdfplumber
import pytest

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run
from tests.fixtures_office import cjk_font_available

pytestmark = pytest.mark.skipif(not cjk_font_available(), reason="no CJK font (apt install fonts-wqy-microhei)")


def _text(path) -> str:
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_review_opinion_pdf(tmp_path):
    out = tmp_path / "意见.pdf"
    p = run("render", str(SAMPLE), "--kind", "review", "--to", "pdf", "--issuer", "某市财政局", "-o", str(out))
    assert p.returncode == 0, p.stderr
    text = _text(out)
    squeezed = "".join(text.split())
    assert squeezed.startswith("某市财政局")
    assert "的复核意见" in squeezed and "西藏自治区公安厅公安交通管理局：" in squeezed
    assert "三、复核结论" in squeezed and "经复核，" in squeezed
    assert "财预〔2020〕10号" in squeezed and ".toml" not in squeezed
    assert "=" not in text


def test_report_pdf_with_recipient(tmp_path):
    out = tmp_path / "报告.pdf"
    p = run("render", str(SAMPLE), "--to", "pdf", "--recipient", "某市财政局", "-o", str(out))
    assert p.returncode == 0, p.stderr
    lines = [line.strip() for line in _text(out).splitlines() if line.strip()]
    assert "某市财政局：" in lines[:4]
