"""Word markup beyond plain tables: late-starting rows, nested tables, content controls, tracked changes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from jixiao.readers.blocks import Paragraph
from jixiao.readers.docx import read_docx

W = nsdecls("w")


def _save(doc: docx.document.Document, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_grid_before_and_after_give_empty_cells(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    for k, cell in enumerate(table.rows[0].cells):
        cell.text = f"列{k + 1}"
    row = table.rows[1]._tr
    for tc in row.findall(f"{{{row.nsmap['w']}}}tc")[1:]:
        row.remove(tc)
    row.tc_lst[0].xpath("./w:p")[0].append(parse_xml(f'<w:r {W}><w:t>中间</w:t></w:r>'))
    tr_pr = parse_xml(f'<w:trPr {W}><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>')
    row.insert(0, tr_pr)
    rows = read_docx(_save(doc, tmp_path, "grid.docx")).tables[0].rows
    assert rows == [["列1", "列2", "列3"], ["", "中间", ""]]


def test_nested_table_is_flattened_into_the_cell_text(tmp_path: Path) -> None:
    doc = docx.Document()
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "资金来源"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "中央补助"
    inner.cell(0, 1).text = "1070.07"
    inner.cell(1, 0).text = "地方资金"
    inner.cell(1, 1).text = "0"
    rows = read_docx(_save(doc, tmp_path, "nested.docx")).tables[0].rows
    assert rows == [["资金来源", "中央补助 1070.07\n地方资金 0"]]


def test_content_controls_tracked_changes_tabs_and_breaks(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("一、绩效目标分解下达情况")
    body = doc.element.body
    sdt = parse_xml(
        f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)
    tracked = parse_xml(
        f"<w:p {W}><w:r><w:t>执行率</w:t></w:r>"
        f"<w:del w:id='1' w:author='a'><w:r><w:delText>80%</w:delText></w:r></w:del>"
        f"<w:ins w:id='2' w:author='a'><w:r><w:t>78.35%</w:t></w:r></w:ins>"
        f"<w:r><w:tab/><w:t>说明</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"
    )
    body.insert(len(body) - 1, tracked)
    doc.add_paragraph("   ")  # whitespace only: not emitted
    blocks = read_docx(_save(doc, tmp_path, "markup.docx")).blocks
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "一、绩效目标分解下达情况",
        "控件里的段落",
        "执行率78.35%\t说明\n第二行",
    ]


def test_vertical_merge_over_several_rows_repeats_in_each(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=4, cols=2)
    merged = table.cell(0, 0).merge(table.cell(3, 0))
    merged.text = "产出指标"
    table.cell(0, 1).text = "数量指标"
    table.cell(2, 1).text = "质量指标"
    table.cell(3, 1).text = "时效指标"
    rows = read_docx(_save(doc, tmp_path, "chain.docx")).tables[0].rows
    # row 1 has only the continued merge: it carries "产出指标", so it is not blank
    assert rows == [
        ["产出指标", "数量指标"],
        ["产出指标", ""],
        ["产出指标", "质量指标"],
        ["产出指标", "时效指标"],
    ]


def test_entirely_blank_rows_are_dropped(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "年度资金总额"
    table.cell(0, 1).text = "1070.07"
    table.cell(2, 0).text = "其他资金"
    table.cell(2, 1).text = "0"
    rows = read_docx(_save(doc, tmp_path, "blank.docx")).tables[0].rows
    assert rows == [["年度资金总额", "1070.07"], ["其他资金", "0"]]


def test_macro_enabled_document_is_read(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("二、绩效情况分析")
    plain = _save(doc, tmp_path, "plain.docx")
    docm = tmp_path / "宏.docm"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(docm, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            dst.writestr(info, data)
    blocks = read_docx(docm).blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["二、绩效情况分析"]
