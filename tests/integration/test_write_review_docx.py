"""The 复核意见书 is an official document: issuer, 文号, title, 主送 the unit, a plain-Chinese body,
findings by severity with places a reader can follow and evidence as sentences (no key=value), the score
as stated and as reviewed, a drafted 复核结论, 落款 and 日期. Read back from the written .docx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from jixiao.model import CheckResult, ReadError
from jixiao.writers.review_docx import evidence_sentence, write_review_docx
from tests.write_factory import ORG, TITLE, sample_result


def _write(tmp_path: Path, result: CheckResult, issuer: str | None = "某自治区财政厅") -> list[str]:
    out = tmp_path / "review.docx"
    write_review_docx(result, out, issuer=issuer)
    return [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]


@pytest.fixture()
def result() -> CheckResult:
    r = sample_result()
    assert r.report is not None
    r.report.stated_total, r.report.stated_grade = Decimal("98.5"), "优"
    return r


def test_heading_of_an_official_document(tmp_path: Path, result: CheckResult) -> None:
    t = _write(tmp_path, result)
    assert t[0] == "某自治区财政厅"
    assert t[1] == "〔　　〕　　号"
    assert t[2] == f"关于《{TITLE}》的复核意见"
    assert t[3] == f"{ORG}："
    assert t[4].startswith(f"你单位报送的《{TITLE}》（2023年度）收悉。我们依据财预〔2020〕10号")
    assert "共发现问题5项，其中错误1项、警告3项、提示1项。" in t[4]


def test_no_issuer_leaves_a_blank_not_a_name(tmp_path: Path, result: CheckResult) -> None:
    t = _write(tmp_path, result, issuer=None)
    assert t[0] == "________________（发文机关）"
    assert t[-2] == "________________（盖章）"


def test_score_as_stated_and_as_reviewed(tmp_path: Path, result: CheckResult) -> None:
    out = tmp_path / "review.docx"
    write_review_docx(result, out)
    d = docx.Document(str(out))
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["评分项目", "分值", "自评得分", "复核得分"]
    assert rows[-2] == ["总分", "100.00", "98.50", "97.84"]
    assert rows[-1] == ["评价等级", "", "优", "优"]
    t = [p.text for p in d.paragraphs]
    assert "单位自评：98.50分，评价等级“优”；复核：97.84分，评价等级“优”（按财预〔2020〕10号计算）。" in t


def test_findings_by_severity_with_places_and_sentences(tmp_path: Path, result: CheckResult) -> None:
    t = _write(tmp_path, result)
    heads = [x for x in t if x.startswith("（") and "项" in x and len(x) < 20]
    assert heads == ["（一）错误（须改正），1项", "（二）警告（须核实或说明），3项", "（三）提示（建议改进），1项"]
    err = t[t.index("（一）错误（须改正），1项") + 1]
    assert err == ("1. 指标“社会公众满意度”未完成且未说明偏差原因。（位置：指标表第8行“社会公众满意度”；"
                   "依据：年度指标值95，实际完成值80。）")
    assert "1. 预算执行率78.35%，低于90%。（位置：预算执行情况；依据：预算执行率78.35%。）" in t
    body = "\n".join(t)
    assert "=" not in body and "execution_rate" not in body and "indicator:" not in body
    assert ".toml" not in body and "/" not in body.replace("20", "")


def test_drafted_conclusion_returns_when_an_error_remains(tmp_path: Path, result: CheckResult) -> None:
    t = _write(tmp_path, result)
    i = t.index("三、复核结论")
    assert t[i + 1] == "经复核，该报告存在1项错误，建议退回修改。请单位对照以下事项改正后重新报送："
    assert t[i + 2] == "1. 指标“社会公众满意度”未完成且未说明偏差原因。"
    assert t[i + 3] == "另有3项警告事项，请一并核实说明。"
    assert t[-2:] == ["某自治区财政厅", "　　　　年　　月　　日"]


def test_drafted_conclusion_agrees_without_errors(tmp_path: Path, result: CheckResult) -> None:
    result.findings = [f for f in result.findings if f.severity != "error"]
    t = _write(tmp_path, result)
    i = t.index("三、复核结论")
    assert t[i + 1] == ("经复核，未发现错误，复核总分97.84分，评价等级“优”。建议同意该自评报告，"
                        "并请单位对上述3项警告事项予以核实说明。")
    result.findings = []
    t = _write(tmp_path, result)
    assert t[t.index("三、复核结论") + 1] == "经复核，未发现问题，复核总分97.84分，评价等级“优”。同意该自评报告。"


def test_unreadable_document(tmp_path: Path) -> None:
    result = CheckResult("bad.docx", "docx", error=ReadError("damaged", "文件已损坏，无法读取。"))
    t = _write(tmp_path, result)
    assert "报告文件未能读取：文件已损坏，无法读取。" in t
    assert "报告未能评分。" in t
    assert t[t.index("三、复核结论") + 1] == "报告未能读取，无法复核。建议请单位重新报送可读取的文件。"


def test_evidence_as_a_sentence() -> None:
    assert evidence_sentence({"target": 100, "operator": ">=", "actual": 98, "unit": "%"}) == \
        "年度指标值≥100%，实际完成值98%"
    assert evidence_sentence({"indicators": [{"name": "x", "value": 1}], "threshold": 90}) == ""
