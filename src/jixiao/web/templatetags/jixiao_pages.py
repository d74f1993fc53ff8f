"""Template filters for the pages: numbers as reviewers read them, Chinese names of codes."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import template

from jixiao.web.display import decimal_or_none as _dec
from jixiao.writers._common import LEVEL1_NAMES, LEVEL2_NAMES, OPERATOR_SYMBOLS, SEVERITY_NAMES, plain_number

register = template.Library()

STATUS_NAMES = {
    "draft": "草稿",
    "submitted": "已提交，待主管部门审核",
    "dept_approved": "主管部门已审核，待财政审核",
    "returned": "已退回修改",
    "approved": "财政已审核",
    "published": "已公开",
}
ACTION_NAMES = {
    "create": "创建", "edit": "修改",
    "submit": "提交", "withdraw": "撤回", "return": "退回", "approve": "审核通过", "unapprove": "撤销审核",
    "publish": "公开",
}
POOL_NAMES = {"output": "产出指标", "benefit": "效益指标", "satisfaction": "满意度指标", "cost": "成本指标"}
KIND_NAMES = {"finance": "财政部门", "department": "主管部门", "unit": "填报单位"}
TWO = Decimal("0.01")


@register.filter
def num(value: Any) -> str:
    """A score or rate: half-up to 2 decimals; — when absent."""
    d = _dec(value)
    return "—" if d is None else str(d.quantize(TWO, rounding=ROUND_HALF_UP))


@register.filter
def money(value: Any) -> str:
    """An amount in 万元 with thousands separators, 2 decimals."""
    d = _dec(value)
    return "—" if d is None else f"{d.quantize(TWO, rounding=ROUND_HALF_UP):,}"


@register.filter
def plain(value: Any) -> str:
    """A figure as written: no trailing zeros, no exponent; empty when absent."""
    d = _dec(value)
    if d is None:
        return "" if value is None else str(value)
    return plain_number(d)


@register.filter
def status_zh(code: str) -> str:
    return STATUS_NAMES.get(code, code)


@register.filter
def action_zh(code: str) -> str:
    return ACTION_NAMES.get(code, code)


@register.filter
def sev_zh(code: str) -> str:
    return SEVERITY_NAMES.get(code, code)


@register.filter
def l1_zh(code: str | None) -> str:
    return LEVEL1_NAMES.get(code or "", code or "—")


@register.filter
def l2_zh(code: str | None) -> str:
    return LEVEL2_NAMES.get(code or "", code or "—")


@register.filter
def op_zh(code: str | None) -> str:
    return OPERATOR_SYMBOLS.get(code or "", code or "")


@register.filter
def pool_zh(code: str) -> str:
    return POOL_NAMES.get(code, code)


@register.filter
def kind_zh(code: str) -> str:
    return KIND_NAMES.get(code, code)


@register.filter
def get(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key) if hasattr(mapping, "get") else mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.simple_tag
def evaluation_rows(evaluations: Any, queue: bool = False) -> str:
    """The rows of an evaluation list (``_table.html``), built in Python: a list page shows up to 50 rows
    of nine cells, and the template loop (a filter, a date and a URL per cell) was most of its cost.
    The same HTML as the template gave; every value escaped."""
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    marker = 987654321
    url = reverse("pages:detail", args=[marker])

    def when(dt: Any) -> str:
        return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M") if dt else ""

    out = []
    for e in evaluations:  # dicts of pages.LIST_FIELDS
        status = escape(e["status"])
        grade = escape(e["grade"])
        year = "—" if e["fiscal_year"] is None else str(e["fiscal_year"])
        shown_at = when(e["submitted_at"]) if queue and e["submitted_at"] else when(e["updated_at"])
        out.append(
            f'\n  <tr><td>{escape(e["org__name"])}</td><td><a href="{url.replace(str(marker), str(e["id"]))}">'
            f'{escape(e["title"] or "（无标题）")}</a></td><td class="num">{year}</td>\n'
            f'    <td><span class="status status-{status}">{escape(status_zh(e["status"]))}</span></td>'
            f'<td class="num">{e["version"]}</td>\n'
            f'    <td class="num">{num(e["total"])}</td><td class="c grade-{grade}">{grade or "—"}</td>\n'
            f'    <td class="counts small"><span class="c-error">错误 {e["n_error"]}</span>'
            f'<span class="c-warning">警告 {e["n_warning"]}</span><span class="c-info">提示 {e["n_info"]}</span></td>\n'
            f'    <td class="small">{shown_at}</td></tr>\n  ')
    return mark_safe("".join(out))  # every value above is escaped
