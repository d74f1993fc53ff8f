"""Skip a PDF test where no Chinese font is installed (the PDF would show boxes), using the same test the
CLI uses before it writes a PDF (``cjk_font_available``). CI installs one (scripts/test.sh)."""

from __future__ import annotations

import pytest

from jixiao.writers.report_html import cjk_font_available

needs_cjk_font = pytest.mark.skipif(
    not cjk_font_available(),
    reason="no CJK font installed (fc-list :lang=zh is empty); apt-get install fonts-wqy-microhei",
)
