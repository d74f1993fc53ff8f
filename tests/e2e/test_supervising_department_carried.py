"""主管部门 (Report.supervising_department): read from a "主管部门：…" line, kept in the JSON, written
on the 自评表 and the 复核意见书, shown on the scorecard and in the summary workbook, and read back."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from jixiao.app import check_file
from jixiao.model import CheckResult
from jixiao.policy import load_policy
from jixiao.serialize import report_from_dict, result_to_dict, to_jsonable
from jixiao.writers.form_xlsx import write_form_xlsx
from jixiao.writers.review_docx import write_review_docx
from jixiao.writers.summary_xlsx import write_summary
from tests.conftest import SAMPLE

SUPERVISOR = "西藏自治区公安厅"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("自治区财政厅：\n", f"自治区财政厅：\n主管部门：{SUPERVISOR}\n", 1)
    path = tmp_path_factory.mktemp("sup") / "交管局.txt"
    path.write_text(text, encoding="utf-8")
    return check_file(path, load_policy())


def test_read_from_the_line(checked: CheckResult) -> None:
    assert checked.report is not None
    assert checked.report.supervising_department == SUPERVISOR
    assert checked.report.organization == "西藏自治区公安厅公安交通管理局"
    assert len(checked.report.indicators) == 30  # the added line changes nothing else


def test_kept_in_the_json(checked: CheckResult) -> None:
    d = json.loads(json.dumps(to_jsonable(result_to_dict(checked)), ensure_ascii=False))
    assert d["report"]["supervising_department"] == SUPERVISOR
    assert report_from_dict(d["report"]).supervising_department == SUPERVISOR


def test_written_on_the_form_and_read_back(checked: CheckResult, tmp_path: Path) -> None:
    out = tmp_path / "自评表.xlsx"
    write_form_xlsx(checked, out)
    ws = openpyxl.load_workbook(out).active
    # a transfer payment: the 转移支付区域绩效自评表's 地方主管部门 (中央主管部门 is the ministry, left blank)
    assert ws.cell(5, 1).value == "地方主管部门" and ws.cell(5, 2).value == SUPERVISOR
    assert ws.cell(4, 1).value == "中央主管部门" and ws.cell(4, 2).value is None
    back = check_file(out, load_policy())
    assert back.report is not None and back.report.supervising_department == SUPERVISOR


def test_on_the_review_opinion(checked: CheckResult, tmp_path: Path) -> None:
    out = tmp_path / "复核意见书.docx"
    write_review_docx(checked, out)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert paragraphs[-1] == f"抄送：{SUPERVISOR}。"  # the unit's 主管部门 receives a copy


def test_in_the_summary_workbook(checked: CheckResult, tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    write_summary([json.loads(json.dumps(to_jsonable(result_to_dict(checked)), ensure_ascii=False))], out)
    rows = list(openpyxl.load_workbook(out)["报告汇总"].iter_rows(values_only=True))
    assert rows[0][1:4] == ("填报单位", "主管部门", "标题")
    assert rows[1][1:3] == ("西藏自治区公安厅公安交通管理局", SUPERVISOR)
