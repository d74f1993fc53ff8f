"""The 绩效自评报告 as PDF (WeasyPrint): Chinese text comes back exactly, with a CJK font embedded."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from jixiao.writers.report_html import write_report_pdf
from tests.fonts import needs_cjk_font
from tests.write_factory import ORG, TITLE, project_result

pytestmark = needs_cjk_font


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    write_report_pdf(project_result(), out)
    return out


def lines(path: Path) -> list[str]:
    with pdfplumber.open(str(path)) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]


def test_headings_and_text_come_back(pdf_path: Path) -> None:
    text = lines(pdf_path)
    assert text[0] + text[1] == TITLE  # 22 pt (二号): over two lines, broken before 绩效自评报告
    assert text[2] == "自治区财政厅："
    for heading in (
        "一、绩效目标分解下达情况",
        "二、绩效情况分析",
        "（一）资金投入情况分析",
        "（四）绩效指标完成情况分析",
        "三、偏离绩效目标的原因和下一步改进措施",
        "四、绩效自评结果拟应用和公开情况",
        "五、其他需要说明的问题",
    ):
        assert heading in text
    assert "全年预算数1070.07万元，全年执行数838.41万元，预算执行率78.35%。" in "".join(text)
    assert ORG in text


def test_indicator_rows_come_back(pdf_path: Path) -> None:
    text = lines(pdf_path)
    squeezed = "".join("".join(text).split())
    # a long name wraps inside its cell: the row's other cells come back on one line
    assert "监控网络链路≥23条23" in squeezed
    assert "系统验收合格" in squeezed and "＝98%98" in squeezed
    assert "正常使用年限≥1年1" in squeezed
    assert "总分 100.00 97.84" in text
    assert "评价等级 优" in text
    assert "1 监控网络链路 10.00 10.00 已完成" in text


def test_cjk_font_embedded(pdf_path: Path) -> None:
    with pdfplumber.open(str(pdf_path)) as pdf:
        fonts = {c["fontname"] for c in pdf.pages[0].chars if c["text"] == "绩"}
    assert fonts and all("+" in f for f in fonts)  # a subset, i.e. embedded
    known = ("WenQuanYi", "Noto", "SourceHan", "SimSun", "Droid", "UMing", "UKai", "FangSong", "XiaoBiao")
    assert any(k in f for f in fonts for k in known), fonts


def test_cjk_font_detected() -> None:
    from jixiao.writers.report_html import cjk_font_available

    assert cjk_font_available() is True
