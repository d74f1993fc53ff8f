"""The 复核意见书 (.docx): identification, score table with stated values, findings grouped with counts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from jixiao.model import CheckResult, ReadError
from jixiao.writers.review_docx import write_review_docx
from tests.write_factory import ORG, TITLE, sample_result


@pytest.fixture()
def written(tmp_path: Path) -> docx.document.Document:
    result = sample_result()
    assert result.score is not None
    result.score.stated_total, result.score.stated_grade = Decimal("98.5"), "优"
    out = tmp_path / "review.docx"
    write_review_docx(result, out)
    return docx.Document(str(out))


def texts(d: docx.document.Document) -> list[str]:
    return [p.text for p in d.paragraphs]


def test_title_and_identification(written: docx.document.Document) -> None:
    assert written.paragraphs[0].text == "预算绩效自评复核意见书"
    rows = [[c.text for c in r.cells] for r in written.tables[0].rows]
    assert rows == [
        ["项目", "内容"],
        ["报告名称", TITLE],
        ["填报单位", ORG],
        ["主管部门", ""],  # the sample does not name it; the reviewer fills it in
        ["年度", "2023"],
        ["来源文件", "examples/seed-report-2023-traffic-police.txt"],
        ["评分规则", "mof-2020"],
    ]


def test_score_table_with_stated_total_and_grade(written: docx.document.Document) -> None:
    assert "预算执行率78.35%（全年预算数1070.07万元，全年执行数838.41万元）。" in texts(written)
    rows = [[c.text for c in r.cells] for r in written.tables[1].rows]
    assert rows[0] == ["评分项目", "分值", "复核得分", "报告自评"]
    assert rows[1] == ["预算执行", "10.00", "7.84", ""]
    assert rows[-2] == ["总分", "100.00", "97.84", "98.50"]
    assert rows[-1] == ["评价等级", "", "优", "优"]


def test_findings_grouped_by_severity_with_counts(written: docx.document.Document) -> None:
    t = texts(written)
    assert "共发现问题5项，其中错误1项、警告3项、提示1项。" in t
    heads = [p.text for p in written.paragraphs if p.style.name == "Heading 2"]
    assert heads == ["（一）错误（1项）", "（二）警告（3项）", "（三）提示（1项）"]
    err = t.index("（一）错误（1项）")
    assert t[err + 1] == "1. [I02] 指标“社会公众满意度”未完成且未说明偏差原因。"
    assert t[err + 2] == "位置：指标“社会公众满意度”；依据：target=95；actual=80"
    warn = t.index("（二）警告（3项）")
    assert [t[warn + 1], t[warn + 3], t[warn + 5]] == [
        "1. [B03] 预算执行率78.35%，低于90%。",
        "2. [I01] 实际完成值与年度指标值完全相同的定量指标占100%。",
        "3. [I03] 预算执行率低于90%，但产出指标全部完成。",
    ]
    assert t[warn + 2] == "位置：预算执行；依据：execution_rate=78.35；threshold=90"
    assert t[warn + 6] == "位置：预算执行"


def test_conclusion_left_blank_for_the_reviewer(written: docx.document.Document) -> None:
    t = texts(written)
    i = t.index("四、复核结论")
    assert t[i + 1 : i + 9] == [""] * 8
    assert t[i + 9 :] == ["复核人：", "日期：        年    月    日"]


def test_no_findings_and_unreadable_document(tmp_path: Path) -> None:
    result = CheckResult(source="bad.docx", format="docx", error=ReadError("damaged", "文件已损坏，无法读取。"))
    out = tmp_path / "r.docx"
    write_review_docx(result, out)
    t = texts(docx.Document(str(out)))
    assert "文件未能读取：文件已损坏，无法读取。" in t
    assert "未能评分。" in t
    assert "共发现问题0项，其中错误0项、警告0项、提示0项。" in t
    assert t[t.index("（一）错误（0项）") + 1] == "无"


def test_long_evidence_is_cut() -> None:
    from jixiao.writers.review_docx import evidence_text

    items = [{"name": f"指标{i}", "value": Decimal("1.50")} for i in range(40)]
    text = evidence_text({"total": Decimal("1087.68"), "indicators": items})
    assert text.startswith("total=1087.68；indicators=（name=指标0，value=1.5）、（name=指标1，value=1.5）")
    assert len(text) == 200 and text.endswith("…")
