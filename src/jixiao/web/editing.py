"""What an online edit does to a report: form fields in, a new report dict (check-JSON ``report``) out.

Pure: no Django, no database. The pages turn a posted form into a new report with these functions and
hand it to the service layer, which stores it as a new version and scores and reviews it with
``jixiao.app`` (the scores and findings are never computed here).

Values typed by a person are read with the same value parser the document readers use, so ``≥23``,
``23条`` and ``98%`` mean what they mean in a document.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from jixiao.levels import levels_of
from jixiao.model import Indicator
from jixiao.values import normalize_unit, parse_amount, parse_operator, parse_percent, parse_value
from jixiao.writers._common import LEVEL1_NAMES, LEVEL2_NAMES

# The keys the scoring adds to an indicator / the budget in the check JSON: dropped before storing
# an edited report, so nothing computed is ever mistaken for what the unit wrote.
COMPUTED_INDICATOR_KEYS = ("met", "score", "max_score", "grade", "basis")
OPERATORS: tuple[tuple[str, str], ...] = (
    ("", "自动（按指标值）"), (">=", "≥"), ("<=", "≤"), ("=", "＝"), (">", "＞"), ("<", "＜"), ("qualitative", "定性"),
)
LEVEL1_CHOICES: tuple[tuple[str, str], ...] = (("", "自动推断"), *LEVEL1_NAMES.items())
LEVEL2_CHOICES: tuple[tuple[str, str], ...] = (("", "自动推断"), *LEVEL2_NAMES.items())
MAX_TEXT = 20_000  # one narrative section
MAX_CELL = 500  # one indicator cell
MAX_INDICATORS = 500


class FormError(ValueError):
    """A posted value that cannot be used; ``message`` is one Chinese sentence for the page."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _text(form: Mapping[str, Any], key: str, limit: int = MAX_CELL, label: str = "") -> str:
    value = form.get(key, "")
    if not isinstance(value, str):
        value = str(value)
    value = value.replace("\r\n", "\n").strip()
    if len(value) > limit:
        raise FormError(f"“{label or key}”过长（最多{limit}字）。", key)
    return value


def _opt(value: str) -> str | None:
    return value or None


def blank_report(organization: str | None, fiscal_year: int | None, title: str | None = None) -> dict[str, Any]:
    """The report an empty form starts from."""
    year = f"{fiscal_year}年度" if fiscal_year else ""
    return {
        "title": title or f"{organization or ''}{year}项目支出绩效自评报告",
        "organization": organization,
        "supervising_department": None,
        "recipient": None,
        "fiscal_year": fiscal_year,
        "kind": None,
        "layout": "web-form",
        "budget": None,
        "indicators": [],
        "sections": [],
        "overall_goal": None,
        "overall_goal_actual": None,
        "stated_total": None,
        "stated_grade": None,
        "unplaced": [],
    }


def _copy(x: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts and lists copied, other values shared: str, numbers,
    None and Decimal are immutable); anything else through ``copy.deepcopy``. Several times faster
    than ``deepcopy`` on a report of 30 indicators, which every row save copies."""
    if isinstance(x, dict):
        return {k: _copy(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_copy(v) for v in x]
    if x is None or isinstance(x, str | int | float | Decimal):
        return x
    return copy.deepcopy(x)


def clean_report(report: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy without the computed keys (scores, met, execution_rate)."""
    out = _copy(dict(report))
    for ind in out.get("indicators") or []:
        for k in COMPUTED_INDICATOR_KEYS:
            ind.pop(k, None)
    if isinstance(out.get("budget"), dict):
        out["budget"].pop("execution_rate", None)
    return out


def clean_row(ind: Mapping[str, Any]) -> dict[str, Any]:
    """An indicator without the computed keys (what the unit wrote)."""
    return {k: v for k, v in ind.items() if k not in COMPUTED_INDICATOR_KEYS}


def _drop_provenance(d: dict[str, Any], changed: set[str]) -> None:
    """A figure the person typed is no longer 'as read from the document'."""
    prov = d.get("provenance")
    if isinstance(prov, dict):
        for f in changed:
            prov.pop(f, None)


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except ArithmeticError:
        return str(a) == str(b)


def _score_field(form: Mapping[str, Any], key: str, label: str) -> Decimal | None:
    text = _text(form, key, 20, label)
    if not text:
        return None
    value = parse_value(text).number
    if value is None or value < 0:
        raise FormError(f"{label}“{text}”不是非负数。", key)
    return value


def indicator_from_form(form: Mapping[str, Any], old: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One indicator row from the posted fields name, level1, level2, operator, target, unit, actual,
    weight, stated_score, reason (``old`` keeps what the form does not carry, e.g. stated score and provenance)."""
    name = _text(form, "name", label="三级指标")
    if not name:
        raise FormError("请填写三级指标名称。", "name")
    target_text = _text(form, "target", label="年度指标值")
    actual_text = _text(form, "actual", label="实际完成值")
    unit_text = _text(form, "unit", 50, "度量单位")
    op_field = _text(form, "operator", 20, "指标性质")
    reason = _text(form, "reason", 5_000, "偏差原因")
    tv, av = parse_value(target_text), parse_value(actual_text)
    operator: str
    if op_field:
        op = op_field if op_field in dict(OPERATORS) else parse_operator(op_field)
        if not op:
            raise FormError(f"无法识别指标性质“{op_field}”。", "operator")
        operator = op
        op_text = dict(OPERATORS)[operator]
    elif tv.operator is not None:
        operator, op_text = tv.operator, ""
    elif target_text and tv.number is None:
        operator, op_text = "qualitative", ""
    else:
        operator = (old or {}).get("operator") or ">="
        op_text = (old or {}).get("operator_text") or ""
    if operator != "qualitative" and target_text and tv.number is None:
        raise FormError(f"年度指标值“{target_text}”不是数值；定性指标请选择“定性”。", "target")
    weight = _score_field(form, "weight", "分值")
    unit = normalize_unit(unit_text) if unit_text else (tv.unit or av.unit)
    l1_text = _text(form, "level1", 30)
    l2_text = _text(form, "level2", 30)
    # a code from the select box, or a name typed as a document writes it; what is left empty is inferred
    level1, level2, inferred = levels_of(
        Indicator(name=name, operator=operator, unit=unit),  # type: ignore[arg-type]
        LEVEL1_NAMES.get(l1_text, l1_text) or None, LEVEL2_NAMES.get(l2_text, l2_text) or None)
    out: dict[str, Any] = {k: v for k, v in (old or {}).items() if k not in COMPUTED_INDICATOR_KEYS}
    new = {
        "name": name,
        "level1": level1,
        "level2": level2,
        "levels_inferred": inferred,
        "operator": operator,
        "operator_text": op_text,
        "target": tv.number if operator != "qualitative" else None,
        "target_text": target_text,
        "unit": unit,
        "actual": av.number if operator != "qualitative" else None,
        "actual_text": actual_text,
        "weight": weight,
        "deviation_reason": reason or None,
    }
    if "stated_score" in form:
        new["stated_score"] = _score_field(form, "stated_score", "自评得分")
    changed = {k for k, v in new.items() if not _same(out.get(k), v)}
    out.update(new)
    out.setdefault("stated_score", None)
    _drop_provenance(out, changed | ({"operator"} if "operator_text" in changed else set()))
    out.setdefault("provenance", {})
    return out


def set_indicator(report: Mapping[str, Any], index: int, form: Mapping[str, Any]) -> dict[str, Any]:
    out = clean_report(report)
    inds = out.setdefault("indicators", [])
    if not 0 <= index < len(inds):
        raise FormError("该指标不存在，可能已被删除，请刷新页面。")
    inds[index] = indicator_from_form(form, inds[index])
    return out


def add_indicator(report: Mapping[str, Any], form: Mapping[str, Any]) -> dict[str, Any]:
    out = clean_report(report)
    inds = out.setdefault("indicators", [])
    if len(inds) >= MAX_INDICATORS:
        raise FormError(f"指标最多{MAX_INDICATORS}项。")
    inds.append(indicator_from_form(form))
    return out


def delete_indicator(report: Mapping[str, Any], index: int) -> dict[str, Any]:
    out = clean_report(report)
    inds = out.setdefault("indicators", [])
    if not 0 <= index < len(inds):
        raise FormError("该指标不存在，可能已被删除，请刷新页面。")
    del inds[index]
    return out


def _amount(form: Mapping[str, Any], key: str, label: str) -> Decimal | None:
    text = _text(form, key, 40, label)
    if not text:
        return None
    value = parse_amount(text)
    if value is None or value < 0:
        raise FormError(f"“{label}”应为金额（万元），“{text}”无法识别。", key)
    return value


BUDGET_FIELDS = (("initial", "年初预算数"), ("annual", "全年预算数"), ("executed", "全年执行数"))


def set_budget(report: Mapping[str, Any], form: Mapping[str, Any]) -> dict[str, Any]:
    """The fund block from fields initial, annual, executed (万元), stated_rate (%), weight and source
    rows src-<i>-name / -initial / -annual / -executed (a row with an empty name is dropped)."""
    out = clean_report(report)
    old = out.get("budget") or {}
    budget: dict[str, Any] = dict(old)
    new: dict[str, Any] = {k: _amount(form, k, label) for k, label in BUDGET_FIELDS}
    rate_text = _text(form, "stated_rate", 20, "执行率")
    if rate_text:
        rate = parse_percent(rate_text if "%" in rate_text or "％" in rate_text else rate_text + "%")
        if rate is None:
            raise FormError(f"执行率“{rate_text}”无法识别。", "stated_rate")
        new["stated_execution_rate"] = rate
        new["stated_execution_rate_text"] = rate_text
    else:
        new["stated_execution_rate"] = None
        new["stated_execution_rate_text"] = None
    new["weight"] = _score_field(form, "weight", "分值")
    sources = []
    i = 0
    while f"src-{i}-name" in form and i < 50:
        name = _text(form, f"src-{i}-name", 50, "资金来源")
        if name:
            sources.append({"name": name, **{k: _amount(form, f"src-{i}-{k}", f"{name}{label}")
                                             for k, label in BUDGET_FIELDS}})
        i += 1
    new["sources"] = sources
    changed = {k for k, v in new.items() if k != "sources" and not _same(budget.get(k), v)}
    budget.update(new)
    if changed & {"initial", "annual", "executed"}:
        # the totals are now what the person typed: no longer a table total or a sum of sources
        budget["stated_total"] = None
        budget["totals_from_sources"] = False
    budget.setdefault("origin", "table")
    budget.setdefault("stated_score", None)
    budget.setdefault("provenance", {})
    _drop_provenance(budget, changed)
    out["budget"] = budget
    return out


def set_header(report: Mapping[str, Any], form: Mapping[str, Any]) -> dict[str, Any]:
    """Title, organisation, supervising department, recipient, fiscal year."""
    out = clean_report(report)
    out["title"] = _opt(_text(form, "title", 200, "标题"))
    out["organization"] = _opt(_text(form, "organization", 100, "填报单位"))
    out["supervising_department"] = _opt(_text(form, "supervising_department", 100, "主管部门"))
    out["recipient"] = _opt(_text(form, "recipient", 100, "报送单位"))
    year = _text(form, "fiscal_year", 10, "年度")
    if year:
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            raise FormError(f"年度“{year}”应为四位年份。", "fiscal_year")
        out["fiscal_year"] = int(year)
    else:
        out["fiscal_year"] = None
    return out


def set_sections(report: Mapping[str, Any], form: Mapping[str, Any]) -> dict[str, Any]:
    """Narrative: sec-<i>-title / sec-<i>-text for the sections shown, new-title / new-text to add one,
    overall_goal / overall_goal_actual. A section whose title and text are both emptied is removed."""
    out = clean_report(report)
    sections = []
    for i, sec in enumerate(out.get("sections") or []):
        if f"sec-{i}-text" not in form and f"sec-{i}-title" not in form:
            sections.append(sec)
            continue
        title = _text(form, f"sec-{i}-title", 200, "标题")
        text = _text(form, f"sec-{i}-text", MAX_TEXT, title or "正文")
        if title or text:
            sections.append({**sec, "title": title, "text": text})
    new_title = _text(form, "new-title", 200, "新增部分标题")
    new_text = _text(form, "new-text", MAX_TEXT, "新增部分正文")
    if new_title or new_text:
        sections.append({"number": None, "title": new_title, "level": 1, "text": new_text})
    out["sections"] = sections
    if "overall_goal" in form:
        out["overall_goal"] = _opt(_text(form, "overall_goal", MAX_TEXT, "年度总体目标"))
    if "overall_goal_actual" in form:
        out["overall_goal_actual"] = _opt(_text(form, "overall_goal_actual", MAX_TEXT, "全年实际完成情况"))
    return out
