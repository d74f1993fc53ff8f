"""`jixiao render --kind review --to docx --template` with a minimal template (no styles, no page setup):
the 复核意见书 is written into it (it failed with 生成失败（IndexError）), and the report too."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run
from tests.integration.test_write_docx_widths_and_templates import NORMAL_ONLY, _minimal_template


def test_review_and_report_into_a_minimal_template(tmp_path: Path) -> None:
    template = _minimal_template(tmp_path / "模板.docx", NORMAL_ONLY)
    for kind, name in (("review", "复核意见书.docx"), ("report", "报告.docx")):
        out = tmp_path / name
        p = run("render", str(SAMPLE), "--kind", kind, "--to", "docx", "--template", str(template), "-o", str(out))
        assert p.returncode == 0, p.stderr
        assert p.stderr == "" and p.stdout.strip() == f"已生成 {out}"
        texts = [x.text for x in docx.Document(str(out)).paragraphs if x.text.strip()]
        assert "某厅公文模板" not in texts
        if kind == "review":
            assert texts[2] == "关于《公安厅交管局转移支付2023年度绩效自评报告》的复核意见"
        else:
            assert texts[0] == "公安厅交管局转移支付2023年度绩效自评报告"
