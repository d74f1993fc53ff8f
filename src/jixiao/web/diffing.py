"""What changed between two versions of an evaluation: figures, indicator rows, narrative text, score
and findings. Pure: two check-JSON objects in, plain data for a template out.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.writers._common import LEVEL1_NAMES, LEVEL2_NAMES

HEADER_FIELDS = (("title", "标题"), ("organization", "填报单位"), ("supervising_department", "主管部门"),
                 ("recipient", "报送单位"), ("fiscal_year", "年度"))
BUDGET_FIELDS = (("initial", "年初预算数（万元）"), ("annual", "全年预算数（万元）"),
                 ("executed", "全年执行数（万元）"), ("stated_execution_rate", "执行率（报告，%）"), ("weight", "分值"))
INDICATOR_FIELDS = (("level1", "一级指标"), ("level2", "二级指标"), ("operator", "指标性质"),
                    ("target_text", "年度指标值"), ("unit", "度量单位"), ("actual_text", "实际完成值"),
                    ("weight", "分值"), ("stated_score", "自评得分"), ("deviation_reason", "偏差原因"),
                    ("score", "得分（计算）"))
SCORE_FIELDS = (("total", "总分"), ("grade", "评价等级"), ("budget", "预算执行得分"))
POOL_NAMES = {"output": "产出指标得分", "benefit": "效益指标得分", "satisfaction": "满意度指标得分",
              "cost": "成本指标得分"}
OPERATOR_SYMBOLS = {">=": "≥", "<=": "≤", "=": "＝", ">": "＞", "<": "＜", "qualitative": "定性"}
_SENTENCE = re.compile(r"(?<=[。；;！？!?\n])")


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class IndicatorChange:
    kind: str  # added | removed | changed
    name: str
    old_index: int | None
    new_index: int | None
    changes: list[Change] = field(default_factory=list)


@dataclass
class TextChange:
    title: str
    kind: str  # added | removed | changed
    lines: list[tuple[str, str]] = field(default_factory=list)  # ("-"|"+"|" ", sentence)


@dataclass
class FindingRef:
    code: str
    severity: str
    message: str


@dataclass
class VersionDiff:
    header: list[Change]
    budget: list[Change]
    score: list[Change]
    indicators: list[IndicatorChange]
    texts: list[TextChange]
    findings_added: list[FindingRef]
    findings_resolved: list[FindingRef]

    @property
    def empty(self) -> bool:
        return not (self.header or self.budget or self.score or self.indicators or self.texts
                    or self.findings_added or self.findings_resolved)


def shown(value: Any, key: str = "") -> str:
    """How a stored value reads on the page."""
    if value is None or value == "":
        return "—"
    if key == "level1":
        return LEVEL1_NAMES.get(value, str(value))
    if key == "level2":
        return LEVEL2_NAMES.get(value, str(value))
    if key == "operator":
        return OPERATOR_SYMBOLS.get(value, str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float | int | Decimal):
        d = Decimal(str(value))
        return format(d.normalize(), "f") if d != d.to_integral_value() else str(d.quantize(Decimal(1)))
    return str(value)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, int | float | Decimal) and isinstance(b, int | float | Decimal) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return Decimal(str(a)) == Decimal(str(b))
    return (a if a != "" else None) == (b if b != "" else None)


def _fields(old: dict[str, Any], new: dict[str, Any], fields: tuple[tuple[str, str], ...]) -> list[Change]:
    return [Change(label, shown(old.get(k), k), shown(new.get(k), k))
            for k, label in fields if not _equal(old.get(k), new.get(k))]


def _match_indicators(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index): same name first (in order), then the rest by position; a renamed
    row at the same position is a change of name, not a removal and an addition."""
    pairs: list[tuple[int | None, int | None]] = []
    sm = difflib.SequenceMatcher(a=[i.get("name") for i in old], b=[i.get("name") for i in new], autojunk=False)
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(a0, a1), range(b0, b1), strict=True))
            continue
        common = min(a1 - a0, b1 - b0) if tag == "replace" else 0
        pairs.extend(zip(range(a0, a0 + common), range(b0, b0 + common), strict=True))
        pairs.extend((i, None) for i in range(a0 + common, a1))
        pairs.extend((None, j) for j in range(b0 + common, b1))
    return pairs


def _indicators(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[IndicatorChange]:
    out = []
    for i, j in _match_indicators(old, new):
        if j is None:
            assert i is not None
            out.append(IndicatorChange("removed", str(old[i].get("name")), i, None))
        elif i is None:
            out.append(IndicatorChange("added", str(new[j].get("name")), None, j,
                                       _fields({}, new[j], INDICATOR_FIELDS)))
        else:
            changes = _fields(old[i], new[j], INDICATOR_FIELDS)
            if old[i].get("name") != new[j].get("name"):
                changes.insert(0, Change("三级指标", shown(old[i].get("name")), shown(new[j].get("name"))))
            if changes:
                out.append(IndicatorChange("changed", str(new[j].get("name")), i, j, changes))
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def _text_change(title: str, old: str | None, new: str | None) -> TextChange | None:
    if (old or "") == (new or ""):
        return None
    kind = "added" if old is None else "removed" if new is None else "changed"
    lines = []
    for line in difflib.ndiff(_sentences(old or ""), _sentences(new or "")):
        tag = line[:1]
        if tag in "-+":
            lines.append((tag, line[2:]))
    return TextChange(title, kind, lines)


def _texts(old: dict[str, Any], new: dict[str, Any]) -> list[TextChange]:
    out = []

    def key(s: dict[str, Any]) -> str:
        return str(s.get("title") or s.get("number") or "").strip() or "（前言）"

    old_s = {key(s): s.get("text") or "" for s in old.get("sections") or []}
    new_s = {key(s): s.get("text") or "" for s in new.get("sections") or []}
    for k in list(old_s) + [k for k in new_s if k not in old_s]:
        tc = _text_change(k, old_s.get(k), new_s.get(k))
        if tc:
            out.append(tc)
    for k, label in (("overall_goal", "年度总体目标"), ("overall_goal_actual", "全年实际完成情况")):
        tc = _text_change(label, old.get(k), new.get(k))
        if tc:
            out.append(tc)
    return out


def _finding_key(f: dict[str, Any]) -> tuple[str, str, str]:
    return (str(f.get("code")), str(f.get("where")), str(f.get("message")))


def diff_checks(old: dict[str, Any], new: dict[str, Any]) -> VersionDiff:
    """The differences from ``old`` to ``new`` (two check-JSON objects)."""
    ro, rn = old.get("report") or {}, new.get("report") or {}
    bo, bn = ro.get("budget") or {}, rn.get("budget") or {}
    budget = _fields(bo, bn, BUDGET_FIELDS)
    so = {s.get("name"): s for s in bo.get("sources") or []}
    sn = {s.get("name"): s for s in bn.get("sources") or []}
    for name in list(so) + [n for n in sn if n not in so]:
        for k, label in BUDGET_FIELDS[:3]:
            a, b = (so.get(name) or {}).get(k), (sn.get(name) or {}).get(k)
            if not _equal(a, b):
                budget.append(Change(f"{name}：{label}", shown(a), shown(b)))
    sco, scn = old.get("score") or {}, new.get("score") or {}
    score = _fields(sco, scn, SCORE_FIELDS)
    po, pn = sco.get("pools") or {}, scn.get("pools") or {}
    for k in list(po) + [k for k in pn if k not in po]:
        if not _equal(po.get(k), pn.get(k)):
            score.append(Change(POOL_NAMES.get(k, k), shown(po.get(k)), shown(pn.get(k))))
    fo = {_finding_key(f): f for f in old.get("findings") or []}
    fn = {_finding_key(f): f for f in new.get("findings") or []}
    return VersionDiff(
        header=_fields(ro, rn, HEADER_FIELDS),
        budget=budget,
        score=score,
        indicators=_indicators(ro.get("indicators") or [], rn.get("indicators") or []),
        texts=_texts(ro, rn),
        findings_added=[FindingRef(f["code"], f["severity"], f["message"]) for k, f in fn.items() if k not in fo],
        findings_resolved=[FindingRef(f["code"], f["severity"], f["message"]) for k, f in fo.items() if k not in fn],
    )
