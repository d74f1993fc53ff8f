"""预算绩效自评复核意见书 as an official document (.docx, and .pdf through the HTML writer).

发文机关 (``--issuer``, a blank to fill otherwise), 文号 placeholder, title, 主送 (the unit), a body in
plain Chinese (what was checked, what was found), findings by severity with the place a reader can
follow and their evidence as a sentence, the score as stated and as reviewed, a drafted 复核结论
drawn from the findings, 落款 and 日期. Policies are named by their documents (财预〔2020〕10号).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.model import SEVERITIES, CheckResult, Finding, Report
from jixiao.values import fmt
from jixiao.writers._common import (
    BLANK_FILL,
    Block,
    plain_number,
    report_title,
    stated_score_rows,
)

TITLE = "预算绩效自评复核意见书"
DOC_NUMBER = "〔　　〕　　号"
DATE_BLANK = "　　　　年　　月　　日"
WHERE_NAMES = {"budget": "预算执行情况", "narrative": "报告正文", "document": "报告整体"}
SEVERITY_HEADS = {"error": "错误（须改正）", "warning": "警告（须核实或说明）", "info": "提示（建议改进）"}
CONCLUSION_LIST_LIMIT = 12

# Evidence keys a reader understands, as the words of a sentence; the others are left out (the
# finding's message already states them).
_EVIDENCE_LABELS: tuple[tuple[str, str, str], ...] = (
    ("annual", "全年预算数", "万元"),
    ("executed", "全年执行数", "万元"),
    ("execution_rate", "预算执行率", "%"),
    ("sum_of_sources", "各资金来源合计", "万元"),
    ("weight", "分值", ""),
    ("stated_score", "自评得分", ""),
    ("computed_score", "复核得分", ""),
    ("stated_total", "自评总分", ""),
    ("computed_total", "复核总分", ""),
    ("computed_grade", "复核评价等级", ""),
    ("difference", "相差", ""),
)
_OPERATORS = {">=": "≥", "<=": "≤", "=": "＝", ">": "＞", "<": "＜"}


def _value(value: Any) -> str | None:
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return plain_number(Decimal(str(value)))
    if isinstance(value, str) and value.strip() and "=" not in value:
        return value.strip()
    return None


def evidence_sentence(evidence: dict[str, Any]) -> str:
    """``{"target": 100, "operator": ">=", "actual": 98, "unit": "%"}`` → ``年度指标值≥100%，实际完成值98%``.

    Only what a reader understands; never ``key=value``. Empty when nothing is left."""
    parts: list[str] = []
    unit = _value(evidence.get("unit")) or ""
    op = _OPERATORS.get(str(evidence.get("operator", "")), "")
    target = _value(evidence.get("target_text")) or _value(evidence.get("target"))
    if target is not None:
        parts.append(f"年度指标值{op}{target}{unit if not target.endswith(unit) else ''}")
    actual = _value(evidence.get("actual_text")) or _value(evidence.get("actual"))
    if actual is not None:
        parts.append(f"实际完成值{actual}{unit if not actual.endswith(unit) else ''}")
    for key, label, suffix in _EVIDENCE_LABELS:
        v = _value(evidence.get(key))
        if v is not None:
            parts.append(f"{label}{v}{suffix}")
    return "，".join(parts)


def where_text(finding: Finding, report: Report | None) -> str:
    """Where a reader finds what the finding is about: the indicator table's row and, where the
    reader kept it, the place in the original (表1第3行, 第2页)."""
    if finding.where.startswith("indicator:"):
        try:
            index = int(finding.where.split(":", 1)[1])
        except ValueError:
            return "指标表"
        if report is not None and 0 <= index < len(report.indicators):
            ind = report.indicators[index]
            text = f"指标表第{index + 1}行“{ind.name}”"
            prov = ind.provenance.get("name") or next(iter(ind.provenance.values()), None)
            if prov is not None and prov.where:
                text += f"（原件{prov.where}）"
            return text
        return f"指标表第{index + 1}行"
    text = WHERE_NAMES.get(finding.where, "报告整体")
    if finding.where == "budget" and report is not None and report.budget is not None:
        prov = next(iter(report.budget.provenance.values()), None)
        if prov is not None and prov.where:
            text += f"（原件{prov.where}）"
    return text


def policy_document(policy: str) -> str:
    """The document a policy follows (财预〔2020〕10号), from its description; never a file path."""
    try:
        from jixiao.policy import load_policy

        description = load_policy(policy).description
    except Exception:
        description = ""
    m = re.search(r"[\u4e00-\u9fff]{1,6}〔\d{4}〕\d+号", description or "")
    if m is not None:
        return m.group(0)
    name = re.split(r"[\\/]", policy)[-1]
    return name.removesuffix(".toml") or "评分规则"


def counts(findings: list[Finding]) -> dict[str, int]:
    return {sev: sum(1 for f in findings if f.severity == sev) for sev in SEVERITIES}


def _grade_text(total: Decimal | None, grade: str | None) -> str:
    if total is None and not grade:
        return "未填报"
    parts = [f"{fmt(total)}分" if total is not None else "", f"评价等级“{grade}”" if grade else ""]
    return "，".join(p for p in parts if p)


def conclusion(result: CheckResult) -> list[str]:
    """The drafted 复核结论: 退回修改 with what to correct when an error remains, 同意 otherwise."""
    n = counts(result.findings)
    card = result.score
    if result.error is not None or result.report is None:
        return ["报告未能读取，无法复核。建议请单位重新报送可读取的文件。"]
    reviewed = f"复核总分{fmt(card.total)}分，评价等级“{card.grade}”" if card is not None else "未能复核评分"
    if n["error"]:
        lines = [f"经复核，该报告存在{n['error']}项错误，建议退回修改。请单位对照以下事项改正后重新报送："]
        errors = [f for f in result.findings if f.severity == "error"]
        for i, f in enumerate(errors[:CONCLUSION_LIST_LIMIT], start=1):
            lines.append(f"{i}. {f.message}")
        if len(errors) > CONCLUSION_LIST_LIMIT:
            lines.append(f"（其余{len(errors) - CONCLUSION_LIST_LIMIT}项见上文。）")
        if n["warning"]:
            lines.append(f"另有{n['warning']}项警告事项，请一并核实说明。")
        return lines
    if n["warning"]:
        return [f"经复核，未发现错误，{reviewed}。建议同意该自评报告，"
                f"并请单位对上述{n['warning']}项警告事项予以核实说明。"]
    return [f"经复核，未发现问题，{reviewed}。同意该自评报告。"]


def review_blocks(result: CheckResult, issuer: str | None = None) -> list[Block]:
    """The 复核意见书, format-neutral (laid out by the docx and html writers)."""
    report = result.report
    issuer_name = (issuer or "").strip()
    title = report_title(report) if report is not None else Path(result.source).name
    org = (report.organization or "").strip() if report is not None else ""
    year = f"（{report.fiscal_year}年度）" if report is not None and report.fiscal_year else ""
    blocks: list[Block] = [
        Block("issuer", issuer_name or f"{BLANK_FILL}（发文机关）"),
        Block("docno", DOC_NUMBER),
        Block("title", f"关于《{title}》的复核意见"),
        Block("recipient", f"{org or BLANK_FILL}："),
    ]
    n = counts(result.findings)
    card = result.score
    basis = policy_document(card.policy) if card is not None else "财政部预算绩效管理有关规定"
    blocks.append(Block("paragraph",
                        f"你单位报送的《{title}》{year}收悉。我们依据{basis}，对报告的预算执行情况、绩效指标的"
                        "年度指标值与实际完成值、自评分值与得分，以及报告文字与数据的一致性进行了复核。"
                        f"共发现问题{len(result.findings)}项，其中错误{n['error']}项、警告{n['warning']}项、"
                        f"提示{n['info']}项。现将复核意见通知如下："))
    if result.error is not None:
        blocks.append(Block("paragraph", f"报告文件未能读取：{result.error.message}"))

    blocks.append(Block("heading1", "一、评分复核情况"))
    if card is None:
        blocks.append(Block("paragraph", "报告未能评分。"))
    else:
        budget = report.budget if report is not None else None
        if card.execution_rate is not None and budget is not None and budget.usable:
            blocks.append(Block("paragraph", f"全年预算数{fmt(budget.annual)}万元，全年执行数{fmt(budget.executed)}"
                                             f"万元，预算执行率{fmt(card.execution_rate)}%。"))
        stated = _grade_text(report.stated_total if report else None, report.stated_grade if report else None)
        blocks.append(Block("paragraph", f"单位自评：{stated}；复核：{fmt(card.total)}分，评价等级“{card.grade}”"
                                         f"（按{basis}计算）。"))
        blocks.append(Block("table", header=["评分项目", "分值", "自评得分", "复核得分"],
                            rows=stated_score_rows(result), table="scores"))

    blocks.append(Block("heading1", "二、复核发现的问题"))
    if not result.findings:
        blocks.append(Block("paragraph", "未发现问题。"))
    k = 0
    for sev in SEVERITIES:
        group = [f for f in result.findings if f.severity == sev]
        if not group:
            continue
        blocks.append(Block("heading2", f"（{'一二三'[k]}）{SEVERITY_HEADS[sev]}，{len(group)}项"))
        k += 1
        for i, f in enumerate(group, start=1):
            text = f"{i}. {f.message}（位置：{where_text(f, report)}"
            evidence = evidence_sentence(f.evidence)
            text += f"；依据：{evidence}。）" if evidence else "。）"
            blocks.append(Block("paragraph", text.replace("。。", "。")))

    blocks.append(Block("heading1", "三、复核结论"))
    blocks += [Block("paragraph", line) for line in conclusion(result)]
    blocks.append(Block("signature", issuer_name or f"{BLANK_FILL}（盖章）"))
    blocks.append(Block("date", DATE_BLANK))
    if report is not None and report.supervising_department:
        blocks.append(Block("note", f"抄送：{report.supervising_department}。"))  # the unit's 主管部门 gets a copy
    return blocks


def write_review_docx(result: CheckResult, out: Path, issuer: str | None = None,
                      template: Path | None = None) -> None:
    """Write the 复核意见书 for one checked report as Word. ``template`` (the reviewing office's own
    letterhead, say) replaces the packaged one; styles it lacks are formatted directly."""
    from jixiao.writers.report_docx import add_block, open_template

    doc = open_template(template)
    for block in review_blocks(result, issuer):
        add_block(doc, block)
    doc.save(str(out))


def write_review_pdf(result: CheckResult, out: Path, issuer: str | None = None) -> None:
    """Write the 复核意见书 as PDF (the report's stylesheet, through WeasyPrint)."""
    from jixiao.writers.report_html import blocks_html, write_pdf

    write_pdf(blocks_html(review_blocks(result, issuer), TITLE), out)
