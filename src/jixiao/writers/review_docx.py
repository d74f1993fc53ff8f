"""预算绩效自评复核意见书 (.docx): identification, recomputed scores, findings by severity, conclusion.

Uses the same Word template and helpers as the report writer.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Pt

from jixiao.model import SEVERITIES, CheckResult, Finding, Report
from jixiao.review.base import split_causes
from jixiao.values import fmt
from jixiao.writers._common import SEVERITY_NAMES, plain_number, report_title, score_rows
from jixiao.writers.report_docx import (
    add_paragraph,
    add_table,
    apply_house_styles,
    clear_body,
    default_template,
)

TITLE = "预算绩效自评复核意见书"
CONCLUSION_LINES = 8
EVIDENCE_LIMIT = 200
WHERE_NAMES = {"budget": "预算执行", "narrative": "报告正文", "document": "全文"}


def _evidence_value(value: Any) -> str:
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, float):
        return plain_number(Decimal(str(value)))
    if isinstance(value, list | tuple):
        return "、".join(_evidence_value(v) for v in value)
    if isinstance(value, dict):
        return "（" + "，".join(f"{k}={_evidence_value(v)}" for k, v in value.items()) + "）"
    if value is None:
        return "—"
    return str(value)


def evidence_text(evidence: dict[str, Any], limit: int = EVIDENCE_LIMIT) -> str:
    """``{"execution_rate": 78.35, "threshold": 90}`` → ``execution_rate=78.35；threshold=90``,
    cut at ``limit`` characters (the message already says what the evidence proves)."""
    text = "；".join(f"{k}={_evidence_value(v)}" for k, v in evidence.items())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def where_text(finding: Finding, report: Report | None) -> str:
    if finding.where.startswith("indicator:"):
        try:
            index = int(finding.where.split(":", 1)[1])
        except ValueError:
            return finding.where
        if report is not None and 0 <= index < len(report.indicators):
            return f"指标“{report.indicators[index].name}”"
        return f"第{index + 1}项指标"
    return WHERE_NAMES.get(finding.where, finding.where)


def identification_rows(result: CheckResult) -> list[list[str]]:
    report = result.report
    rows = [
        ["报告名称", report_title(report) if report is not None else ""],
        ["填报单位", (report.organization or "") if report is not None else ""],
        ["主管部门", (report.supervising_department or "") if report is not None else ""],
        ["年度", str(report.fiscal_year) if report is not None and report.fiscal_year else ""],
        ["来源文件", result.source],
    ]
    if result.score is not None:
        rows.append(["评分规则", result.score.policy])
    return rows


def review_score_rows(result: CheckResult) -> list[list[str]]:
    """评分项目 | 分值 | 复核得分 | 报告自评 — the stated total and grade beside the computed ones."""
    card = result.score
    if card is None:
        return []
    out: list[list[str]] = []
    for row in score_rows(card):
        stated = ""
        if row.label == "总分":
            stated = fmt(card.stated_total) if card.stated_total is not None else "未填报"
        elif row.label == "评价等级":
            stated = card.stated_grade or "未填报"
        out.append([row.label, row.weight, row.score, stated])
    return out


def counts(findings: list[Finding]) -> dict[str, int]:
    return {sev: sum(1 for f in findings if f.severity == sev) for sev in SEVERITIES}


def write_review_docx(result: CheckResult, out: Path, issuer: str | None = None) -> None:
    """Write the 复核意见书 for one checked report."""
    template = default_template()
    if template.is_file():
        doc = Document(str(template))
    else:
        doc = Document()
        apply_house_styles(doc)
    clear_body(doc)
    report = result.report

    add_paragraph(doc, TITLE, "Title")

    add_paragraph(doc, "一、报告基本情况", "Heading 1")
    add_table(doc, ["项目", "内容"], identification_rows(result), widths=(3.5, 12.5), left_columns=(1,))
    if result.error is not None:
        add_paragraph(doc, f"文件未能读取：{result.error.message}")

    add_paragraph(doc, "二、评分复核", "Heading 1")
    card = result.score
    if card is None:
        add_paragraph(doc, "未能评分。")
    else:
        budget = report.budget if report is not None else None
        if card.execution_rate is not None and budget is not None:
            add_paragraph(
                doc,
                f"预算执行率{fmt(card.execution_rate)}%（全年预算数{fmt(budget.annual)}万元，"
                f"全年执行数{fmt(budget.executed)}万元）。",
            )
        add_table(doc, ["评分项目", "分值", "复核得分", "报告自评"], review_score_rows(result), widths=(4.5, 3.5, 4, 4))

    add_paragraph(doc, "三、复核发现的问题", "Heading 1")
    roots, derived = split_causes(result.findings)  # a finding caused by another goes under it, not counted
    n = counts(roots)
    add_paragraph(
        doc,
        f"共发现问题{len(roots)}项，其中{SEVERITY_NAMES['error']}{n['error']}项、"
        f"{SEVERITY_NAMES['warning']}{n['warning']}项、{SEVERITY_NAMES['info']}{n['info']}项。",
    )
    for k, sev in enumerate(SEVERITIES):
        group = [f for f in roots if f.severity == sev]
        add_paragraph(doc, f"（{'一二三'[k]}）{SEVERITY_NAMES[sev]}（{len(group)}项）", "Heading 2")
        if not group:
            add_paragraph(doc, "无")
        for i, f in enumerate(group, start=1):
            add_paragraph(doc, f"{i}. [{f.code}] {f.message}")
            for child in derived.get(id(f), []):
                add_paragraph(doc, f"    （由{f.code}引起，不另计）[{child.code}] {child.message}")
            detail = f"位置：{where_text(f, report)}"
            if f.evidence:
                detail += f"；依据：{evidence_text(f.evidence)}"
            p = add_paragraph(doc, detail)
            for run in p.runs:
                run.font.size = Pt(10.5)

    add_paragraph(doc, "四、复核结论", "Heading 1")
    for _ in range(CONCLUSION_LINES):
        doc.add_paragraph()
    add_paragraph(doc, "复核人：")
    add_paragraph(doc, "日期：        年    月    日")
    doc.save(str(out))
