"""绩效自评报告 as Word (.docx), through python-docx and a replaceable template.

The template supplies the look (page, fonts, the styles ``Title``, ``Heading 1``, ``Heading 2``,
``Normal``, ``Table Text`` and the table style ``Table Grid``); the writer only fills content. A user
template may lack any of them: the writer then falls back to direct formatting.
"""

from __future__ import annotations

from copy import deepcopy
from importlib import resources
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from jixiao.model import CheckResult
from jixiao.writers._common import Block, report_blocks, runs

TABLE_STYLE = "Table Grid"
TABLE_TEXT_STYLE = "Table Text"

# Column widths (cm) of the ten-column indicator table on an A4 portrait page (16 cm of text), for
# 9-point table text and 0.1 cm cell margins: a column of ``n`` Chinese characters needs 0.32n + 0.2 cm.
# 一级指标 / 度量单位 hold four characters on one line (产出指标, 平方公里), 二级指标 four a line
# (社会效益 / 指标); 指标性质 breaks its header as 指标 / 性质 and holds ≥ ≤ ＝ 定性; 分值 and 得分
# hold 100.00 without wrapping (0.87 cm in Times New Roman 9 pt).
INDICATOR_WIDTHS = (1.5, 1.5, 3.0, 1.0, 1.5, 1.5, 1.5, 1.2, 1.2, 2.1)
SCORE_WIDTHS = (4.5, 3.0, 3.0, 3.0)
# the 中央对地方转移支付区域绩效自评表's indicator table (six columns; eight with the unit's 分值/得分)
TRANSFER_WIDTHS = {6: (1.6, 2.0, 4.0, 2.4, 2.4, 3.6), 8: (1.5, 1.8, 3.4, 2.1, 2.1, 2.9, 1.1, 1.1)}
FUNDS_WIDTHS = (4.4, 3.8, 3.8, 4.0)
PROJECT_FUNDS_WIDTHS = (3.4, 2.2, 2.2, 2.2, 1.8, 2.2, 2.0)  # the 10号文 form's 项目资金 block
GOAL_WIDTHS = (8.0, 8.0)
CELL_MARGIN = Cm(0.1)  # left and right, every table cell (Word's default is 0.19 cm)
TABLE_TEXT_SIZE = Pt(9)  # 小五


def default_template() -> Path:
    """The packaged template (``jixiao/templates/report.docx``)."""
    return Path(str(resources.files("jixiao").joinpath("templates", "report.docx")))


# --- template ------------------------------------------------------------------------------------


def _set_fonts(style_font: object, latin: str, east_asia: str) -> None:
    font = style_font  # docx.text.font.Font
    font.name = latin  # type: ignore[attr-defined]
    r_pr = font.element.get_or_add_rPr()  # type: ignore[attr-defined]
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        r_fonts.set(qn(attr), latin)
    r_fonts.set(qn("w:eastAsia"), east_asia)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        key = qn(attr)
        if key in r_fonts.attrib:
            del r_fonts.attrib[key]


def apply_house_styles(doc: DocxDocument) -> None:
    """Page A4 and the Chinese official-document look: 小标宋 title, 黑体/楷体 headings, 仿宋 body."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2.5)
    styles = doc.styles
    black = RGBColor(0, 0, 0)

    normal = styles["Normal"]
    _set_fonts(normal.font, "Times New Roman", "仿宋")
    normal.font.size = Pt(14)
    normal.paragraph_format.first_line_indent = Pt(28)
    normal.paragraph_format.line_spacing = 1.25
    normal.paragraph_format.space_after = Pt(0)

    title = styles["Title"]
    _set_fonts(title.font, "Times New Roman", "方正小标宋简体")
    title.font.size, title.font.bold, title.font.color.rgb = Pt(22), False, black
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = Pt(18)
    p_pr = title.element.get_or_add_pPr()
    for border in p_pr.findall(qn("w:pBdr")):  # the default Title has a blue rule under it
        p_pr.remove(border)

    for name, east_asia in (("Heading 1", "黑体"), ("Heading 2", "楷体")):
        h = styles[name]
        _set_fonts(h.font, "Times New Roman", east_asia)
        h.font.size, h.font.bold, h.font.italic, h.font.color.rgb = Pt(14), False, False, black
        h.paragraph_format.first_line_indent = Pt(28)
        h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(6), Pt(0)

    if TABLE_TEXT_STYLE not in [s.name for s in styles]:
        styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    tt = styles[TABLE_TEXT_STYLE]
    tt.base_style = normal
    _set_fonts(tt.font, "Times New Roman", "宋体")
    tt.font.size = Pt(9)
    tt.paragraph_format.first_line_indent = Pt(0)
    tt.paragraph_format.line_spacing = 1.0
    tt.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def make_template(out: Path) -> None:
    """Build the default template: python-docx's own, restyled, with an empty body."""
    doc = Document()
    apply_house_styles(doc)
    clear_body(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))


# --- helpers shared with the review writer --------------------------------------------------------


def clear_body(doc: DocxDocument) -> None:
    """Remove a template's sample content, keeping the page setup (the last ``sectPr``)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def open_template(template: Path | None) -> DocxDocument:
    """The document to write into: ``template`` (a user's, already cleaned) or the packaged one,
    without its sample content. A template without a page setup (a minimal or hand-made .docx) gets
    A4 with the house margins: python-docx needs one to size tables."""
    if template is not None:
        doc = Document(str(template))
    elif default_template().is_file():
        doc = Document(str(default_template()))
    else:  # the packaged template was not built: style python-docx's own
        doc = Document()
        apply_house_styles(doc)
    clear_body(doc)
    body = doc.element.body
    if body.find(qn("w:sectPr")) is None:
        body.append(OxmlElement("w:sectPr"))
        section = doc.sections[-1]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2.5)
    return doc


def has_style(doc: DocxDocument, name: str) -> bool:
    return any(s.name == name for s in doc.styles)


# What a paragraph looks like when the template lacks its style (a minimal or foreign template):
# size (pt), bold, East Asian font, centred; the same look the house styles give.
_DIRECT_LOOK: dict[str, tuple[float, bool, str, bool]] = {
    "Title": (22, False, "方正小标宋简体", True),
    "Heading 1": (14, False, "黑体", False),
    "Heading 2": (14, False, "楷体", False),
    "Heading 3": (14, False, "仿宋", False),
}


def add_paragraph(doc: DocxDocument, text: str, style: str | None = None, bold: bool = False) -> Paragraph:
    """A paragraph in ``style``, or, when the template has no such style, formatted directly like it."""
    if style is not None and has_style(doc, style):
        p = doc.add_paragraph(text, style=style)
        if bold:
            for r in p.runs:
                r.bold = True
        return p
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    look = _DIRECT_LOOK.get(style or "")
    if look is not None:
        size, look_bold, east_asia, centred = look
        run.font.size = Pt(size)
        run.bold = bold or look_bold
        _east_asia(run, east_asia)
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.paragraph_format.first_line_indent = Pt(28)
    return p


def _cell_margins(table: Table) -> None:
    """Narrow left/right cell margins, so that short columns hold their numbers on one line."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        el = OxmlElement(side)
        el.set(qn("w:w"), str(int(CELL_MARGIN.twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def _borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"):
        el = OxmlElement(side)
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            el.set(qn(k), v)
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _repeat_header(table: Table) -> None:
    tr_pr = table._tbl.tr_lst[0].get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_table(
    doc: DocxDocument,
    header: list[str],
    rows: list[list[str]],
    widths: tuple[float, ...] | None = None,
    merge_columns: tuple[int, ...] = (),
    left_columns: tuple[int, ...] = (),
) -> Table:
    """A bordered table with a bold, repeated header row; equal consecutive cells of
    ``merge_columns`` are merged vertically (their text kept once, in the top cell).

    Built row by row on the XML: python-docx's ``table.cell(r, c)`` and ``row.cells`` lay out the
    whole table on each call, which made a 240-row table take minutes.
    """
    table = doc.add_table(rows=0, cols=len(header))
    if has_style(doc, TABLE_STYLE):
        table.style = doc.styles[TABLE_STYLE]
    else:  # a template without 'Table Grid': the borders set on the table itself
        _borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_margins(table)
    cell_style = doc.styles[TABLE_TEXT_STYLE] if has_style(doc, TABLE_TEXT_STYLE) else None
    merged: dict[int, list[tuple[int, int]]] = {c: runs([r[c] for r in rows]) for c in merge_columns}
    # (row, column) → vMerge value: "restart" on the top cell of a run, "continue" under it
    v_merge: dict[tuple[int, int], str] = {}
    for c, spans in merged.items():
        for start, end in spans:
            if end - start > 1:
                v_merge[(start, c)] = "restart"
                v_merge.update({(start + k, c): "continue" for k in range(1, end - start)})
    cell_widths = [Cm(w) for w in widths[: len(header)]] if widths is not None else []
    tbl = table._tbl
    protos: dict[tuple[int, bool, bool, bool], CT_Tc] = {}

    def proto(c: int, bold: bool, left: bool, merge: str | None) -> CT_Tc:
        """A cell as python-docx would make it (width, paragraph style and alignment, a run with
        ``bold`` set), built once per kind and copied: its API re-reads the styles part per call."""
        key = (c, bold, left, merge == "continue")
        tc = protos.get(key)
        if tc is None:
            tc = protos[key] = CT_Tc.new()
            if c < len(cell_widths):
                tc.width = cell_widths[c]  # each cell (Word)
            if merge == "continue":
                tc.vMerge = "continue"  # the text is kept once, in the top cell: an empty paragraph here
            else:
                p = Paragraph(tc.p_lst[0], table)
                if cell_style is not None:
                    p.style = cell_style
                else:  # a template without 'Table Text': its look set directly
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    p.paragraph_format.first_line_indent = Pt(0)
                    p.paragraph_format.line_spacing = 1.0
                if left:
                    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                run = p.add_run("")
                run.bold = bold
                if cell_style is None:
                    run.font.size = TABLE_TEXT_SIZE
        return deepcopy(tc)

    def add_row(texts: list[str], r: int, bold: bool = False) -> None:
        tr = tbl.add_tr()
        for c, text in enumerate(texts[: len(header)]):
            merge = v_merge.get((r, c)) if r >= 0 else None
            tc = proto(c, bold, r >= 0 and c in left_columns, merge)
            if merge != "continue":
                if merge == "restart":
                    tc.vMerge = "restart"
                tc.p_lst[0].r_lst[0].text = text
            tr.append(tc)

    add_row(header, -1, bold=True)
    for i, row in enumerate(rows):
        add_row(row, i)
    if widths is not None:
        table.autofit = False
        tbl_pr = tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        for col, w in zip(tbl.tblGrid.gridCol_lst, cell_widths, strict=False):
            col.w = w  # the grid (LibreOffice, WPS)
    _repeat_header(table)
    return table


# --- the report ----------------------------------------------------------------------------------


REVIEW_WIDTHS = (1.2, 6.4, 2.2, 2.2, 4.0)


def add_block(doc: DocxDocument, block: Block) -> None:
    if block.kind == "issuer":  # 发文机关标志: red, centred, large
        p = add_paragraph(doc, block.text)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        for run in p.runs:
            run.font.size, run.font.color.rgb = Pt(26), RGBColor(0xC0, 0, 0)
            _east_asia(run, "方正小标宋简体")
    elif block.kind == "docno":  # 发文字号, centred, above a red rule
        p = add_paragraph(doc, block.text)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.space_after = Pt(12)
        p_pr = p._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"), ("w:color", "C00000")):
            bottom.set(qn(k), v)
        borders.append(bottom)
        p_pr.append(borders)
    elif block.kind == "title":
        add_paragraph(doc, block.text, "Title")
    elif block.kind == "heading1":
        add_paragraph(doc, block.text, "Heading 1")
    elif block.kind == "heading2":
        add_paragraph(doc, block.text, "Heading 2")
    elif block.kind == "heading3":
        p = add_paragraph(doc, block.text, "Heading 3" if has_style(doc, "Heading 3") else None)
        if not has_style(doc, "Heading 3"):
            p.paragraph_format.first_line_indent = Pt(28)
    elif block.kind == "recipient":
        p = add_paragraph(doc, block.text)
        p.paragraph_format.first_line_indent = Pt(0)
    elif block.kind in ("signature", "date"):
        if block.kind == "signature":
            doc.add_paragraph()
        p = add_paragraph(doc, block.text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.first_line_indent = Pt(0)
    elif block.kind == "note":
        p = add_paragraph(doc, block.text)
        p.paragraph_format.first_line_indent = Pt(0)
        for run in p.runs:
            run.font.size = Pt(10.5)
            _east_asia(run, "楷体")
    elif block.kind == "table":
        if block.table == "indicators":
            add_table(doc, block.header, block.rows, INDICATOR_WIDTHS, merge_columns=(0, 1), left_columns=(2, 9))
        elif block.table == "transfer":
            add_table(doc, block.header, block.rows, TRANSFER_WIDTHS.get(len(block.header)), merge_columns=(0, 1),
                      left_columns=(2, 5))
        elif block.table == "funds":
            add_table(doc, block.header, block.rows, FUNDS_WIDTHS, left_columns=(0,))
        elif block.table == "projectfunds":
            add_table(doc, block.header, block.rows, PROJECT_FUNDS_WIDTHS, left_columns=(0,))
        elif block.table == "goal":
            add_table(doc, block.header, block.rows, GOAL_WIDTHS, left_columns=(0, 1))
        elif block.table == "review":
            add_table(doc, block.header, block.rows, REVIEW_WIDTHS, left_columns=(1, 4))
        else:
            add_table(doc, block.header, block.rows, SCORE_WIDTHS)
        doc.add_paragraph()
    else:
        add_paragraph(doc, block.text)


def _east_asia(run: object, font: str) -> None:
    r_pr = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    r_fonts.set(qn("w:eastAsia"), font)


def write_report_docx(result: CheckResult, out: Path, template: Path | None = None) -> None:
    """Write the 绩效自评报告 in the standard outline. ``template`` replaces the packaged one."""
    doc = open_template(template)
    for block in report_blocks(result):
        add_block(doc, block)
    doc.save(str(out))
