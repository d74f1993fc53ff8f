"""Word output that prints as written: the indicator table's columns wide enough for 指标性质, units and
the 分值/得分 figures (read back from the grid and the cells), and the report and the 复核意见书
written into a minimal template that lacks styles and a page setup (formatted directly instead)."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from jixiao.model import CheckResult
from jixiao.writers.report_docx import INDICATOR_WIDTHS, write_report_docx
from jixiao.writers.review_docx import TITLE as REVIEW_TITLE
from jixiao.writers.review_docx import write_review_docx
from tests.write_factory import TITLE, project_result, sample_result

TEXT_WIDTH = Cm(16)  # A4 less 2.5 cm each side
CJK = Pt(9)  # one Chinese character of 9-point table text
DIGIT, POINT = Pt(4.5), Pt(2.25)  # Times New Roman 9 pt


def _stated(result: CheckResult) -> CheckResult:
    assert result.report is not None
    for i, ind in enumerate(result.report.indicators):
        ind.weight = ind.stated_score = Decimal("100.00") if i == 0 else Decimal("12.50")
    result.report.indicators[0].unit = "平方公里"
    return result


def _indicator_table(path: Path):
    d = docx.Document(str(path))
    return next(t for t in d.tables if t.rows[0].cells[0].text == "一级指标")


def test_columns_hold_their_contents_on_one_line(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    write_report_docx(_stated(project_result()), out)
    table = _indicator_table(out)
    header = [c.text for c in table.rows[0].cells]
    grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
    assert all(abs(g - Cm(w)) < Cm(0.01) for g, w in zip(grid, INDICATOR_WIDTHS, strict=True))  # twips
    assert sum(grid) <= TEXT_WIDTH
    for tr in table._tbl.tr_lst:  # every cell carries its column's width (Word reads the cells)
        assert [tc.width for tc in tr.tc_lst] == grid
    mar = table._tbl.tblPr.find(qn("w:tblCellMar"))
    margin = {el.tag: int(el.get(qn("w:w"))) for el in mar}
    assert margin[qn("w:left")] == margin[qn("w:right")] == round(Cm(0.1).twips)
    room = {name: w - 2 * Cm(0.1) for name, w in zip(header, grid, strict=True)}

    # 分值 / 得分: "100.00" on one line (it wrapped at 1.0 cm with Word's default margins)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[1][7:9] == ["100.00", "100.00"]
    assert room["分值"] >= 5 * DIGIT + POINT and room["得分"] >= 5 * DIGIT + POINT
    # 度量单位: the header and a four-character unit on one line
    assert rows[1][5] == "平方公里" and room["度量单位"] >= 4 * CJK
    # 指标性质: the header in two whole words (指标 / 性质), not 指标性 / 质; 定性 on one line
    assert 2 * CJK <= room["指标性质"] < 3 * CJK
    # 一级指标 holds 产出指标 on one line
    assert room["一级指标"] >= 4 * CJK


def _minimal_template(path: Path, styles: str | None) -> Path:
    """A .docx as small as Word accepts: no page setup (sectPr), and either no styles part at all or
    one with only ``styles`` in it."""
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/>'
          + ('<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.styles+xml"/>' if styles is not None else "")
          + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>某厅公文模板</w:t></w:r></w:p></w:body></w:document>'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", body)
        if styles is not None:
            z.writestr("word/_rels/document.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships/styles" Target="styles.xml"/></Relationships>')
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{w}">{styles}</w:styles>')
    return path


NORMAL_ONLY = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
               "</w:style>")


@pytest.mark.parametrize("styles", [None, NORMAL_ONLY], ids=["no-styles-part", "only-normal"])
def test_review_opinion_in_a_minimal_template(tmp_path: Path, styles: str | None) -> None:
    template = _minimal_template(tmp_path / "模板.docx", styles)
    out = tmp_path / "复核意见书.docx"
    write_review_docx(sample_result(), out, issuer="某自治区财政厅", template=template)
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs if p.text.strip()]
    assert texts[0] == "某自治区财政厅" and texts[2] == f"关于《{TITLE}》的复核意见"
    assert "某厅公文模板" not in texts  # the template's sample text is not kept
    assert any(t.startswith("三、复核结论") for t in texts)
    section = d.sections[-1]  # a page set up where the template had none
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    title = next(p for p in d.paragraphs if p.text == f"关于《{TITLE}》的复核意见")
    if styles is not None:  # no Title style: the title's look set on the paragraph itself
        assert title.alignment == 1 and title.runs[0].font.size == Pt(22)  # centred, 二号
        table = d.tables[0]._tbl
        assert table.tblPr.find(qn("w:tblBorders")) is not None  # no 'Table Grid': borders on the table
        cell_run = table.tr_lst[1].tc_lst[1].p_lst[0].r_lst[0]
        assert cell_run.rPr.sz.val == Pt(9)
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["评分项目", "分值", "自评得分", "复核得分"]
    assert REVIEW_TITLE  # the module's title constant stays importable


def test_report_in_a_minimal_template(tmp_path: Path) -> None:
    template = _minimal_template(tmp_path / "模板.docx", NORMAL_ONLY)
    out = tmp_path / "报告.docx"
    write_report_docx(_stated(project_result()), out, template=template)
    d = docx.Document(str(out))
    assert d.paragraphs[0].text == TITLE and d.paragraphs[0].runs[0].font.size == Pt(22)
    table = _indicator_table(out)
    assert [c.text for c in table.rows[1].cells][7:9] == ["100.00", "100.00"]


def test_transfer_form_table_holds_its_scores_too(tmp_path: Path) -> None:
    out = tmp_path / "transfer.docx"
    write_report_docx(_stated(sample_result()), out)  # the sample is a transfer payment: its own table
    d = docx.Document(str(out))
    checked = 0
    for table in d.tables:
        header = [c.text for c in table.rows[0].cells]
        grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        for name in ("分值", "得分"):
            if name in header and len(grid) == len(header):
                assert grid[header.index(name)] - 2 * Cm(0.1) >= 5 * DIGIT + POINT, (header, name)
                checked += 1
    assert checked >= 2
