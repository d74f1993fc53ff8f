"""绩效自评报告 as self-contained HTML (inline CSS, no external URL) and as PDF through WeasyPrint.

The PDF needs a CJK font on the machine (Debian: ``fonts-wqy-microhei``); the stylesheet
``jixiao/templates/report.css`` names WenQuanYi Micro Hei, Noto CJK and SimSun in its font stack.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from importlib import resources
from pathlib import Path

from jixiao.model import CheckResult
from jixiao.writers._common import Block, report_blocks, report_title, runs

TAGS = {"title": "h1", "heading1": "h2", "heading2": "h3", "heading3": "h4"}
PARAGRAPH_CLASSES = {"recipient": "recipient", "signature": "signature", "date": "date", "note": "note",
                     "issuer": "issuer", "docno": "docno"}
LEFT_COLUMNS = {"indicators": {2: "name", 9: "reason"}, "transfer": {2: "name", 5: "reason"},
                "funds": {0: "name"}, "projectfunds": {0: "name"}, "goal": {0: "reason", 1: "reason"},
                "review": {1: "name", 4: "reason"}}
# Relative column widths; the indicators' are the Word writer's (see report_docx.INDICATOR_WIDTHS):
# 指标性质 breaks as 指标 / 性质, units of four characters and 100.00 in 分值/得分 stay on one line.
COLUMN_WIDTHS = {"indicators": (1.5, 1.5, 3.0, 1.0, 1.5, 1.5, 1.5, 1.2, 1.2, 2.1),
                 "review": (1.0, 7.0, 2.0, 2.0, 4.0),
                 "projectfunds": (3.4, 2.2, 2.2, 2.2, 1.8, 2.2, 2.0),
                 "transfer": (1.6, 2.0, 4.0, 2.4, 2.4, 3.6),
                 # 分值/得分 1.4 of 16 (1.37 cm of the 15.6 cm body, 1.2 cm inside the padding): "100.00" in
                 # 9 pt wanted 0.87 cm and wrapped at 1.1 (0.82 cm of room)
                 "transfer-scores": (1.5, 1.8, 3.0, 2.1, 2.1, 2.7, 1.4, 1.4)}


def stylesheet() -> str:
    return resources.files("jixiao").joinpath("templates", "report.css").read_text(encoding="utf-8")


def _table(block: Block) -> str:
    merge = (0, 1) if block.table in ("indicators", "transfer") else ()
    classes = LEFT_COLUMNS.get(block.table, {})
    # rowspans of equal consecutive 一级/二级 cells
    span: dict[tuple[int, int], int] = {}
    covered: set[tuple[int, int]] = set()
    for c in merge:
        for start, end in runs([r[c] for r in block.rows]):
            span[(start, c)] = end - start
            covered.update((k, c) for k in range(start + 1, end))
    head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
    body: list[str] = []
    for i, row in enumerate(block.rows):
        cells: list[str] = []
        for c, text in enumerate(row):
            if (i, c) in covered:
                continue
            attrs = ""
            if span.get((i, c), 1) > 1:
                attrs += f' rowspan="{span[(i, c)]}"'
            if c in classes:
                attrs += f' class="{classes[c]}"'
            cells.append(f"<td{attrs}>{escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    css_class = f' class="{block.table}"' if block.table else ""
    widths = COLUMN_WIDTHS.get(block.table + ("-scores" if len(block.header) == 8 else "") if block.table == "transfer"
                               else block.table)
    cols = ""
    if widths is not None:
        total = sum(widths)
        cols = "<colgroup>" + "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in widths) + "</colgroup>\n"
    rows = "\n".join(body)
    return f"<table{css_class}>\n{cols}<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


# A title that runs over two lines breaks before its closing words, not inside them (GB/T 9704: 回行时
#词意完整): "……2023年度 / 绩效自评报告", never "……绩效自 / 评报告".
_TITLE_TAIL = re.compile(r"(?:(?:项目支出|部门整体|整体支出|转移支付)?绩效自评(?:报告|表)|自评报告|复核意见书?)$")


def _title_html(text: str) -> str:
    m = _TITLE_TAIL.search(text)
    if m is None or m.start() == 0:
        return escape(text)
    return f'{escape(text[: m.start()])}<span class="nobreak">{escape(m.group())}</span>'


def _block(block: Block) -> str:
    if block.kind == "title":
        return f"<h1>{_title_html(block.text)}</h1>"
    if block.kind in TAGS:
        tag = TAGS[block.kind]
        return f"<{tag}>{escape(block.text)}</{tag}>"
    if block.kind == "table":
        return _table(block)
    css = PARAGRAPH_CLASSES.get(block.kind)
    attrs = f' class="{css}"' if css else ""
    return f"<p{attrs}>{escape(block.text)}</p>"


def blocks_html(blocks: list[Block], title: str) -> str:
    """Blocks as one self-contained HTML page in the report's stylesheet."""
    body = "\n".join(_block(b) for b in blocks)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def render_report_html(result: CheckResult) -> str:
    """The 绩效自评报告 as one HTML page: same content and outline as the Word writer."""
    title = report_title(result.report) if result.report is not None else "绩效自评报告"
    return blocks_html(report_blocks(result), title)


def write_report_html(result: CheckResult, out: Path) -> None:
    out.write_text(render_report_html(result), encoding="utf-8")


def cjk_font_available() -> bool | None:
    """Whether fontconfig knows a Chinese font (``fc-list :lang=zh``); None when it cannot tell.

    Without one the PDF shows boxes instead of characters: the CLI should warn
    (Debian: ``apt-get install fonts-wqy-microhei``)."""
    if shutil.which("fc-list") is None:
        return None
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.stdout.strip())


def write_pdf(html: str, out: Path) -> None:
    """Render HTML with WeasyPrint (imported here: it loads pango at import time)."""
    from weasyprint import HTML

    HTML(string=html, base_url=None).write_pdf(str(out))


def write_report_pdf(result: CheckResult, out: Path) -> None:
    write_pdf(render_report_html(result), out)
