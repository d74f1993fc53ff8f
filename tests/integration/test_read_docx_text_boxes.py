"""Text boxes (a cover page's title and unit, a note beside a table) are read after the paragraph that
anchors them, once: the VML copy Word keeps in ``mc:Fallback`` is not read again."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from jixiao.readers import read_report
from jixiao.readers.blocks import Paragraph, Table
from jixiao.readers.docx import read_docx
from tests.conftest import SAMPLE

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _paragraphs_xml(lines: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in lines)


def _text_box_run(inner_xml: str) -> object:
    """A run holding a text box as Word writes it: the DrawingML shape, and a VML copy as fallback."""
    return parse_xml(
        f"<w:r {NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
        f"<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
        f"<wps:txbx><w:txbxContent>{inner_xml}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
        f"</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{inner_xml}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r>"
    )


def test_cover_title_in_a_text_box_is_read_once(tmp_path: Path) -> None:
    d = docx.Document()
    cover = d.add_paragraph()
    cover._p.append(_text_box_run(_paragraphs_xml(["公安厅交管局转移支付2023年度", "绩效自评报告"])))
    d.add_paragraph("自治区财政厅：")
    d.add_paragraph("根据有关要求，现将2023年度绩效自评情况报告如下。")
    path = tmp_path / "封面文本框.docx"
    d.save(str(path))
    blocks = read_docx(path).blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "公安厅交管局转移支付2023年度",
        "绩效自评报告",
        "自治区财政厅：",
        "根据有关要求，现将2023年度绩效自评情况报告如下。",
    ]


def test_anchor_text_comes_first_and_a_table_in_a_box_is_a_table(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("说明：")
    box_table = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>三级指标</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>实际完成值</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>监控网络链路</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>23条</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    p._p.append(_text_box_run(_paragraphs_xml(["表中数据截至2023年12月31日"]) + box_table))
    path = tmp_path / "文本框表格.docx"
    d.save(str(path))
    blocks = read_docx(path).blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "说明："
    assert isinstance(blocks[1], Paragraph) and blocks[1].text == "表中数据截至2023年12月31日"
    assert isinstance(blocks[2], Table) and blocks[2].rows == [["三级指标", "实际完成值"], ["监控网络链路", "23条"]]
    assert len(blocks) == 3


def test_report_title_and_organization_from_cover_text_boxes(tmp_path: Path) -> None:
    """The sample as a Word document whose first lines sit in a cover text box."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    cover = d.add_paragraph()
    cover._p.append(_text_box_run(_paragraphs_xml(lines[:2])))
    for ln in lines[2:]:
        d.add_paragraph(ln)
    path = tmp_path / "自评报告.docx"
    d.save(str(path))
    _, report = read_report(path)
    assert report.title == "公安厅交管局转移支付2023年度绩效自评报告"
    assert report.recipient == "自治区财政厅"
