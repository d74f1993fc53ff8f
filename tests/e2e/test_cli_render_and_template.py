"""`jixiao render` writes the report, the form and the review opinion; `jixiao template` the blank forms;
what they write reads back through `jixiao check`."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run
from tests.fixtures_office import cjk_font_available


def _check_json(path):
    p = run("check", str(path), "--json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.mark.parametrize("to", ["docx", "xlsx", "html"])
def test_render_reads_back_with_the_same_score(tmp_path, to):
    out = tmp_path / f"report.{to}"
    p = run("render", str(SAMPLE), "--to", to, "-o", str(out))
    assert p.returncode == 0, p.stderr
    assert "已生成" in p.stdout and out.stat().st_size > 1000
    if to == "html":
        html = out.read_text(encoding="utf-8")
        assert "绩效指标完成情况分析" in html and "监控网络链路" in html and "http" not in html
        return
    doc = _check_json(out)
    assert len(doc["report"]["indicators"]) == 30
    assert (doc["score"]["total"], doc["score"]["grade"]) == (97.84, "优")
    assert (doc["report"]["budget"]["annual"], doc["report"]["budget"]["executed"]) == (1070.07, 838.41)


@pytest.mark.skipif(not cjk_font_available(), reason="no CJK font (apt install fonts-wqy-microhei)")
def test_render_pdf_reads_back(tmp_path):
    out = tmp_path / "report.pdf"
    assert run("render", str(SAMPLE), "--to", "pdf", "-o", str(out)).returncode == 0
    doc = _check_json(out)
    assert len(doc["report"]["indicators"]) == 30 and doc["score"]["total"] == 97.84


def test_render_from_check_json(tmp_path):
    js = tmp_path / "sample.json"
    js.write_text(run("check", str(SAMPLE), "--json").stdout, encoding="utf-8")
    out = tmp_path / "form.xlsx"
    assert run("render", str(js), "--to", "xlsx", "-o", str(out)).returncode == 0
    assert _check_json(out)["score"]["total"] == 97.84


def test_review_opinion(tmp_path):
    from docx import Document

    out = tmp_path / "opinion.docx"
    assert run("render", str(SAMPLE), "--to", "docx", "--kind", "review", "-o", str(out)).returncode == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "的复核意见" in text and "复核结论" in text


def test_render_refuses_bad_combinations_and_never_overwrites_the_input(tmp_path):
    p = run("render", str(SAMPLE), "--to", "pdf", "--kind", "form", "-o", str(tmp_path / "x.pdf"))
    assert p.returncode == 2 and "自评表只能输出为 xlsx" in p.stderr
    copy = tmp_path / "r.docx"
    assert run("render", str(SAMPLE), "--to", "docx", "-o", str(copy)).returncode == 0
    before = copy.read_bytes()
    p = run("render", str(copy), "--to", "docx", "-o", str(copy))
    assert p.returncode == 2 and copy.read_bytes() == before


@pytest.mark.parametrize("kind", ["self-eval-form", "sichuan-form", "transfer-form"])
def test_blank_forms(tmp_path, kind):
    out = tmp_path / f"{kind}.xlsx"
    p = run("template", "--kind", kind, "-o", str(out))
    assert p.returncode == 0, p.stderr
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    texts = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    assert "三级指标" in texts
    # an empty form is not a report yet: check says so in one line instead of inventing a score
    p = run("check", str(out))
    assert p.returncode == 2 and "Traceback" not in p.stderr
