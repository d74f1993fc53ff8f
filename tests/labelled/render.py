"""Render a report spec as text the way units publish it: form tables one cell per line, rows per line
with tabs, or pipe tables, with the standard narrative sections around them.

A spec is plain data (``Doc``) so each labelled document states only what makes it differ from an
ordinary report. Nothing here is copied from a real document.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Layout = Literal["cells", "tabs", "pipes"]
OMIT = "<omit>"  # a prose value that leaves the section (title and body) out


@dataclass(frozen=True)
class Row:
    """One indicator row as the unit fills it in."""

    l1: str  # 一级指标 (产出指标, 效益指标, 满意度指标)
    l2: str  # 二级指标
    name: str
    op: str  # ≥ ≤ ＝ 定性 …, as written in the 指标性质 column
    target: str
    unit: str
    actual: str
    reason: str = ""
    weight: str = ""
    score: str = ""


@dataclass(frozen=True)
class Funds:
    """The 资金情况 block, amounts as written (万元 unless ``unit`` says otherwise)."""

    annual: str
    executed: str
    initial: str = ""
    rate: str = ""  # stated execution rate, e.g. "97%"
    unit: str = "万元"
    sources: tuple[tuple[str, str, str], ...] = ()  # (label, annual, executed)
    total_blank: bool = False  # the 年度资金总额 row left blank while source rows carry money
    weight: str = ""
    score: str = ""


@dataclass(frozen=True)
class Doc:
    title: str
    org: str
    funds: Funds
    rows: tuple[Row, ...]
    layout: Layout = "cells"
    year: int = 2023
    # narrative: section key -> text; keys: target, funds_use, funds_mgmt, overall, deviation, apply, other
    prose: dict[str, str] = field(default_factory=dict)
    goal: tuple[str, str] = ()  # type: ignore[assignment]  # (预期目标, 实际完成情况) of 年度总体目标
    stated_total: str = ""  # 自评得分 in the score table
    stated_grade: str = ""
    transfer: bool = False  # 中央对地方转移支付 form: operator inside the value cell, no weights

    def with_(self, **kw: object) -> Doc:
        return replace(self, **kw)  # type: ignore[arg-type]


_OPS_IN_CELL = {"≥": "≥", "≤": "≤", "＝": "", "=": "", ">": ">", "<": "<"}


def _amount_lines(d: Doc) -> list[str]:
    f = d.funds
    u = f.unit
    out = [f"资金情况（单位：{u}）"]
    head = ["项目资金", "年初预算数", "全年预算数", "全年执行数"]
    if f.weight:
        head += ["分值", "执行率", "得分"]
    elif f.rate:
        head += ["执行率"]
    total = ["年度资金总额", f.initial, "" if f.total_blank else f.annual, "" if f.total_blank else f.executed]
    if f.weight:
        total += [f.weight, f.rate, f.score]
    elif f.rate:
        total += [f.rate]
    rows = [head, total]
    for i, (label, annual, executed) in enumerate(f.sources):
        rows.append([("其中：" if i == 0 else "") + label, "", annual, executed])
    if d.layout == "pipes":
        out += ["| " + " | ".join(c or " " for c in r) + " |" for r in rows[:1]]
        out.append("|" + "---|" * len(head))
        out += ["| " + " | ".join(c or " " for c in r) + " |" for r in rows[1:]]
    elif d.layout == "tabs":
        out += ["\t".join(r) for r in rows]
    else:  # one cell per line: the amounts are stated in the prose only (see render)
        return []
    return out


def _indicator_header(d: Doc) -> list[str]:
    if d.transfer:
        return ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析"]
    head = ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值"]
    if any(r.weight for r in d.rows):
        head += ["分值", "得分"]
    head.append("偏差原因分析及改进措施")
    return head


def _indicator_cells(d: Doc, r: Row) -> list[str]:
    if d.transfer:
        if r.op == "定性":
            return [r.l1, r.l2, r.name, r.target, r.actual, r.reason]
        sign = _OPS_IN_CELL.get(r.op, r.op)
        return [r.l1, r.l2, r.name, f"{sign}{r.target}{r.unit}", f"{r.actual}{r.unit}", r.reason]
    cells = [r.l1, r.l2, r.name, r.op, r.target, r.unit, r.actual]
    if any(x.weight for x in d.rows):
        cells += [r.weight, r.score]
    cells.append(r.reason)
    return cells


def _table_lines(d: Doc) -> list[str]:
    if not d.rows:
        return []  # a narrative report with no indicator table
    head = _indicator_header(d)
    rows = [_indicator_cells(d, r) for r in d.rows]
    if d.stated_total and not d.transfer:
        total = ["总分"] + [""] * (len(head) - 1)
        if "分值" in head:
            total[head.index("分值")] = "100"
            total[head.index("得分")] = d.stated_total
        rows.append(total)
    if d.layout == "pipes":
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c or " " for c in r) + " |" for r in rows]
        return out
    if d.layout == "tabs":
        return ["\t".join(head)] + ["\t".join(r) for r in rows]
    out: list[str] = []
    for r in [head, *rows]:
        out += [f"\t{c}" for c in r]
        out.append("")
    return out


def render(d: Doc) -> str:
    p = d.prose
    f = d.funds
    lines = [f"{d.org}{d.year}年度{d.title}", "绩效自评报告", "", "市财政局：", "",
             f"    按照年度项目支出绩效自评工作的通知要求，现将{d.title}{d.year}年度绩效自评情况报告如下："]
    lines += ["一、绩效目标分解下达情况", ""]
    lines.append(p.get("target", f"项目预算于{d.year}年初下达，年初即将绩效目标分解至实施单位。"))
    if d.goal:
        goal_rows = [["年度总体目标", "预期目标", "实际完成情况"], ["", d.goal[0], d.goal[1]]]
        if d.layout == "tabs":
            lines += ["\t".join(r) for r in goal_rows]
        elif d.layout == "pipes":
            lines += ["| 年度总体目标 | 预期目标 | 实际完成情况 |", "|---|---|---|", f"| | {d.goal[0]} | {d.goal[1]} |"]
        else:
            for r in goal_rows:
                lines += [f"\t{c}" for c in r]
                lines.append("")
    lines += ["", "二、绩效情况分析", "", "（一）资金投入情况分析", ""]
    if "funds_use" in p:
        lines.append(p["funds_use"])
    elif d.layout == "cells":
        initial = f"年初预算数{f.initial}{f.unit}，" if f.initial else ""
        rate = f"，预算执行率{f.rate}" if f.rate else ""
        lines.append(f"{initial}全年预算数{f.annual}{f.unit}，全年执行数{f.executed}{f.unit}{rate}。")
    else:
        lines.append("资金按项目进度拨付。")
    lines += _amount_lines(d)
    lines += ["", "（二）资金管理情况分析", "",
              p.get("funds_mgmt", "资金实行专账核算，支付按照合同约定和财务制度办理。")]
    lines += ["", "（三）总体绩效目标完成情况分析", "", p.get("overall", "项目按计划实施，完成情况见下表。")]
    lines += ["", "（四）绩效指标完成情况分析", ""]
    lines += _table_lines(d)
    if d.stated_total:
        lines.append(f"自评得分{d.stated_total}分" + (f"，自评等级为{d.stated_grade}。" if d.stated_grade else "。"))
    if p.get("deviation") != OMIT:
        lines += ["", "三、偏离绩效目标的原因和下一步改进措施", "",
                  p.get("deviation", "各项指标均按计划完成。下一步将继续加强项目管理。")]
    lines += ["", "四、绩效自评结果应用和公开情况", "",
              p.get("apply", "自评结果作为下年度预算安排的参考，并在部门网站公开。")]
    lines += ["", "五、其他需要说明的问题", "", p.get("other", "无"), d.org, f"{d.year + 1}年3月10日", ""]
    return "\n".join(lines)
