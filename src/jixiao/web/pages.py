"""The pages people use (Chinese, Django templates, htmx). Views only read and show; every change is one
call to ``jixiao.web.services``, which checks the actor's right and the status again, whatever the page
showed. Scores and findings are what the stored version holds (computed by ``jixiao.app``)."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.paginator import Paginator
from django.db import connections, router
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from jixiao.serialize import to_jsonable
from jixiao.web import editing, fragments, plainsql, services
from jixiao.web.diffing import diff_checks
from jixiao.web.display import scorecard
from jixiao.web.models import Evaluation, EvaluationVersion, Event, Kind, Organization, Role, Status, User
from jixiao.web.permissions import (
    admin_grants,
    allowed_actions,
    can_see,
    grants_of,
    is_reviewer,
    roles_of,
    visible_evaluations,
    visible_orgs,
)
from jixiao.web.services import ServiceError

PAGE_SIZE = 50
# what a list row shows (``evaluation_rows``): plain values, not model instances (50 a page)
LIST_FIELDS = ("id", "org__name", "title", "fiscal_year", "status", "version", "total", "grade", "n_error",
               "n_warning", "n_info", "submitted_at", "updated_at")
ROLE_NAMES = dict(Role.choices)
REVIEWER_ROLES = {Role.DEPT_REVIEWER, Role.FINANCE_REVIEWER}
FILLER_ROLES = {Role.UNIT_FILLER, Role.UNIT_HEAD}


# --------------------------------------------------------------------------------------------- who


@dataclass
class Me:
    user: User
    name: str
    org_name: str
    roles: list[str]

    @property
    def roles_zh(self) -> str:
        return "、".join(str(ROLE_NAMES.get(r, r)) for r in self.roles)

    @property
    def is_filler(self) -> bool:
        return bool(FILLER_ROLES & set(self.roles))

    @property
    def is_reviewer(self) -> bool:
        return bool(REVIEWER_ROLES & set(self.roles))

    @property
    def is_admin(self) -> bool:
        return Role.FINANCE_ADMIN in self.roles


def me_of(request: HttpRequest) -> Me | None:
    user = request.user
    if not user.is_authenticated:
        return None
    assert isinstance(user, User)
    return Me(user, user.shown_name, user.org.name if user.org_id else "", roles_of(user))


def page(template: str) -> Callable[..., Any]:
    """Signed-in pages: anonymous visitors go to the sign-in page (then come back)."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            me = me_of(request)
            if me is None:
                return redirect(f"{reverse('pages:login')}?{urlencode({'next': request.get_full_path()})}")
            out = fn(request, me, *args, **kwargs)
            if isinstance(out, HttpResponse):
                return out
            out.setdefault("me", me)
            return render(request, template, out)

        return view

    return deco


def _refuse(request: HttpRequest, status: int, text: str) -> HttpResponse:
    heading = {403: "无权操作", 404: "未找到", 409: "当前状态不允许此操作"}.get(status, "无法完成")
    return render(request, "jixiao/message.html", {"me": me_of(request), "heading": heading, "text": text},
                  status=status)


def _evaluation(me: Me, pk: int) -> Evaluation:
    """An evaluation the user may see; another organisation's answers 404, as if absent."""
    try:
        ev = Evaluation.objects.select_related("org").get(pk=pk)
    except Evaluation.DoesNotExist:
        raise Http404("未找到该绩效自评") from None
    if not can_see(me.user, ev):  # the rule of visible_evaluations, on the one row
        raise Http404("未找到该绩效自评")
    return ev


def _version(ev: Evaluation, number: int | None = None) -> EvaluationVersion:
    try:
        return ev.versions.get(number=number or ev.version)
    except EvaluationVersion.DoesNotExist:
        raise Http404("未找到该版本") from None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


# ----------------------------------------------------------------------------------- sign in / out


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        nxt = ""
    ctx: dict[str, Any] = {"next": nxt, "username": "", "me": None}
    if request.method == "POST":
        username = request.POST.get("username", "").strip()[:150]
        password = request.POST.get("password", "")
        ctx["username"] = username
        try:
            user = services.sign_in(username, password, request.META.get("REMOTE_ADDR"), request)
        except ServiceError as exc:
            ctx["error"] = exc.message
            return render(request, "jixiao/login.html", ctx, status=exc.status)
        login(request, user)
        return redirect(nxt or "pages:home")
    return render(request, "jixiao/login.html", ctx)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("pages:login")


def home(request: HttpRequest) -> HttpResponse:
    me = me_of(request)
    if me is None:
        return redirect("pages:login")
    if me.is_reviewer:
        return redirect("pages:queue")
    if me.is_filler:
        return redirect("pages:evaluations")
    if me.is_admin:
        return redirect("pages:overview")
    return redirect("pages:public")


# ------------------------------------------------------------------------------------------ lists


def _paginate(request: HttpRequest, qs: QuerySet[Any], params: dict[str, str]) -> dict[str, Any]:
    page_obj = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"page": page_obj, "qs": urlencode({k: v for k, v in params.items() if v})}


@page("jixiao/ev/list.html")
def evaluations(request: HttpRequest, me: Me) -> dict[str, Any]:
    f = {"status": request.GET.get("status", ""), "year": request.GET.get("year", "")}
    qs = visible_evaluations(me.user).order_by("-updated_at", "-id")
    if f["status"] in Status.values:
        qs = qs.filter(status=f["status"])
    if _int(f["year"]):
        qs = qs.filter(fiscal_year=_int(f["year"]))
    qs = qs.values(*LIST_FIELDS)
    heading = "本单位绩效自评" if me.is_filler and not me.is_reviewer else "全部绩效自评"
    return {"heading": heading, "f": f, "statuses": Status.choices, "nav": "mine" if me.is_filler else "all",
            **_paginate(request, qs, f)}


def queue_of(user: User) -> QuerySet[Evaluation]:
    """What waits for this reviewer: submitted ones under their departments, department-approved ones
    under their finance bureaus (a unit without a department submits straight to dept_approved) — the
    rule of ``permissions.step_allows``, as one query."""
    q = Q(pk__in=[])
    for g in grants_of(user):
        if g.role == Role.DEPT_REVIEWER and g.org_kind == Kind.DEPARTMENT:
            q |= Q(status=Status.SUBMITTED, org__path__startswith=g.org_path) & ~Q(org_id=g.org_id)
        elif g.role == Role.FINANCE_REVIEWER and g.org_kind == Kind.FINANCE:
            q |= Q(status=Status.DEPT_APPROVED, org__path__startswith=g.org_path)
    return Evaluation.objects.filter(q)


@page("jixiao/queue.html")
def queue(request: HttpRequest, me: Me) -> dict[str, Any] | HttpResponse:
    if not me.is_reviewer:
        return _refuse(request, 403, "只有主管部门和财政部门的复核人员有待审核事项。")
    f = {k: request.GET.get(k, "") for k in ("org", "year", "grade", "findings")}
    qs = queue_of(me.user)
    org = _int(f["org"])
    if org:
        sub = visible_orgs(me.user).filter(pk=org).first()
        qs = qs.filter(org__path__startswith=sub.path) if sub else qs.none()
    if _int(f["year"]):
        qs = qs.filter(fiscal_year=_int(f["year"]))
    if f["grade"] in ("优", "良", "中", "差"):
        qs = qs.filter(grade=f["grade"])
    if f["findings"] == "error":
        qs = qs.filter(n_error__gt=0)
    elif f["findings"] == "warning":
        qs = qs.filter(n_warning__gt=0)
    elif f["findings"] == "none":
        qs = qs.filter(n_error=0, n_warning=0)
    qs = qs.order_by("submitted_at", "id").values(*LIST_FIELDS)
    orgs = visible_orgs(me.user).exclude(kind=Kind.FINANCE).only("pk", "name")
    return {"f": f, "orgs": orgs, "grades": ("优", "良", "中", "差"), "nav": "queue", **_paginate(request, qs, f)}


# ----------------------------------------------------------------------------------------- create


@page("jixiao/ev/new.html")
def new(request: HttpRequest, me: Me) -> dict[str, Any] | HttpResponse:
    unit_orgs = [o for o in Organization.objects.filter(
        pk__in=[g.org_id for g in grants_of(me.user) if g.role in FILLER_ROLES], active=True)]
    if not unit_orgs:
        return _refuse(request, 403, "只有填报单位的填报人员可以新建绩效自评。")
    ctx: dict[str, Any] = {"orgs": unit_orgs, "nav": "new", "fiscal_year": request.POST.get("fiscal_year", ""),
                           "max_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}
    if request.method != "POST":
        return ctx
    org = next((o for o in unit_orgs if o.pk == _int(request.POST.get("org"))), unit_orgs[0])
    year = _int(request.POST.get("fiscal_year"))
    try:
        if request.POST.get("blank"):
            report = editing.blank_report(org.name, year, request.POST.get("title", "").strip()[:200] or None)
            ev = services.create_evaluation(me.user, org=org, report=to_jsonable(report), fiscal_year=year)
        else:
            upload = request.FILES.get("file")
            if upload is None:
                ctx["error"] = "请选择要上传的报告文件。"
                return render(request, "jixiao/ev/new.html", {**ctx, "me": me}, status=400)
            ev = services.create_evaluation(me.user, org=org, upload=(upload.name, upload.read()), fiscal_year=year)
    except ServiceError as exc:
        ctx["error"] = exc.message
        return render(request, "jixiao/ev/new.html", {**ctx, "me": me}, status=exc.status)
    messages.success(request, f"已创建“{ev.title or '绩效自评'}”（第1版）。")
    return redirect("pages:detail", ev.pk)


# ----------------------------------------------------------------------------------------- detail


_EVENT_FIELDS = ["at", "action", "actor", "from_status", "to_status", "version", "reason", "data"]
_event_queries: weakref.WeakKeyDictionary[Any, tuple[str, list[plainsql.Column]]] = weakref.WeakKeyDictionary()


def _event_query(conn: Any) -> tuple[str, list[plainsql.Column]]:
    """The events of an evaluation with the actor's names and the organisation's name, in plain SQL (every
    evaluation page shows them)."""
    found = _event_queries.get(conn)
    if found is not None:
        return found
    qn = conn.ops.quote_name
    cols = (plainsql.columns(conn, Event, _EVENT_FIELDS)
            + plainsql.columns(conn, User, ["display_name", "first_name", "last_name", "username"])
            + plainsql.columns(conn, Organization, ["name"]))
    aliases = ["e"] * len(_EVENT_FIELDS) + ["u"] * 4 + ["o"]
    sql = (f"SELECT {', '.join(c.sql(a, conn) for c, a in zip(cols, aliases, strict=True))} "
           f"FROM {qn(Event._meta.db_table)} e "
           f"LEFT JOIN {qn(User._meta.db_table)} u ON u.{qn('id')} = e.{qn('actor_id')} "
           f"LEFT JOIN {qn(Organization._meta.db_table)} o ON o.{qn('id')} = e.{qn('org_id')} "
           f"WHERE e.{qn('evaluation_id')} = %s ORDER BY e.{qn('at')}, e.{qn('id')}")
    _event_queries[conn] = (sql, cols)
    return sql, cols


def _event_rows(ev: Evaluation) -> list[dict[str, Any]]:
    conn = connections[router.db_for_read(Event)]
    sql, cols = _event_query(conn)
    with conn.cursor() as cur:
        cur.execute(sql, [ev.pk])
        fetched = cur.fetchall()
    rows = []
    for r in fetched:
        at, action, actor_id, from_status, to_status, version, reason, data, display, first, last, username, org = \
            plainsql.convert(conn, cols, r)
        # the actor's User.shown_name, from the joined columns (no user objects built)
        name = (display or f"{first} {last}".strip() or username) if actor_id is not None else ""
        rows.append({"at": at, "action": action, "actor_name": name, "org_name": org or "",
                     "from_status": from_status, "to_status": to_status, "version": version, "reason": reason,
                     "data": data})
    return rows


def _version_rows(ev: Evaluation) -> list[dict[str, Any]]:
    """Number, time, author and total of every version, in one query (the check objects stay in the database)."""
    rows = ev.versions.order_by("number").values("number", "created_at", "created_by__username",
                                                  "created_by__display_name", "result__score__total")
    return [{"number": r["number"], "created_at": r["created_at"], "total": r["result__score__total"],
             "created_by_name": r["created_by__display_name"] or r["created_by__username"]} for r in rows]


@page("jixiao/ev/detail.html")
def detail(request: HttpRequest, me: Me, pk: int) -> dict[str, Any]:
    ev = _evaluation(me, pk)
    number = _int(request.GET.get("v")) or ev.version
    parts = fragments.parts_of(ev.pk, number)  # rendered once per version, kept
    if parts is None:
        raise Http404("未找到该版本")
    events = _event_rows(ev)
    returns = [e for e in events if e["action"] == "return"]
    last_return = returns[-1] if returns else None
    since_return = None
    if last_return and last_return["version"] and last_return["version"] != ev.version:
        since_return = diff_checks(_version(ev, last_return["version"]).result, _version(ev).result)
    approvals = [e for e in events if e["action"] == "approve"]
    approval = None
    if approvals and ev.status in (Status.APPROVED, Status.PUBLISHED, Status.DEPT_APPROVED):
        a = approvals[-1]
        data = a.get("data") or {}
        approval = {**a, "opinion": data.get("opinion"), "reviewed_total": data.get("reviewed_total")}
    return {"ev": ev, "parts": parts, "version_no": number, "current_no": ev.version,
            "viewing_old": number != ev.version,
            "versions": _version_rows(ev), "events": events, "actions": allowed_actions(me.user, ev),
            "last_return": last_return if ev.status in (Status.RETURNED, Status.DRAFT) or since_return else None,
            "since_return": since_return, "approval": approval, "can_opinion": is_reviewer(me.user, ev)}


@page("jixiao/ev/diff.html")
def diff(request: HttpRequest, me: Me, pk: int) -> dict[str, Any]:
    ev = _evaluation(me, pk)
    b = _int(request.GET.get("b")) or ev.version
    a = _int(request.GET.get("a")) or max(1, b - 1)
    d = diff_checks(_version(ev, a).result, _version(ev, b).result)
    return {"ev": ev, "a": a, "b": b, "d": d, "versions": _version_rows(ev)}


def opinion(request: HttpRequest, pk: int) -> HttpResponse:
    me = me_of(request)
    if me is None:
        return redirect(f"{reverse('pages:login')}?{urlencode({'next': request.get_full_path()})}")
    ev = _evaluation(me, pk)
    if not is_reviewer(me.user, ev):
        return _refuse(request, 403, "复核意见书仅供主管部门和财政部门复核人员下载。")
    try:
        name, data = services.opinion_docx(me.user, ev.pk)
    except ServiceError as exc:
        return _refuse(request, exc.status, exc.message)
    resp = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    resp["Content-Disposition"] = f"attachment; filename=\"opinion-{ev.pk}.docx\"; filename*=UTF-8''{quote(name)}"
    return resp


# ------------------------------------------------------------------------------------ transitions


TRANSITION_DONE = {"submit": "已提交审核。", "withdraw": "已撤回，可继续修改。", "return": "已退回填报单位修改。",
                   "approve": "已审核通过。", "unapprove": "已撤销审核。", "publish": "已公开发布。"}


@require_POST
def action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    me = me_of(request)
    if me is None:
        return redirect("pages:login")
    ev = _evaluation(me, pk)
    p = request.POST
    try:
        if name == "submit":
            services.submit(me.user, ev.pk, acknowledge=bool(p.get("acknowledge")), note=p.get("note", ""))
        elif name == "withdraw":
            services.withdraw(me.user, ev.pk)
        elif name == "return":
            services.return_evaluation(me.user, ev.pk, reason=p.get("reason", ""))
        elif name == "approve":
            services.approve(me.user, ev.pk, opinion=p.get("opinion", ""), reviewed_total=p.get("reviewed_total"))
        elif name == "unapprove":
            services.unapprove(me.user, ev.pk, reason=p.get("reason", ""))
        elif name == "publish":
            services.publish(me.user, ev.pk)
        else:
            raise Http404("未知操作")
    except ServiceError as exc:
        messages.error(request, exc.message)
        if exc.status == 404:
            raise Http404(exc.message) from None
        return redirect("pages:detail", ev.pk)
    messages.success(request, TRANSITION_DONE[name])
    nxt = p.get("next", "")
    if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        return redirect(nxt)
    if name in ("return", "approve") and me.is_reviewer:
        return redirect("pages:queue")
    return redirect("pages:detail", ev.pk)


# ------------------------------------------------------------------------------------------ edit


EDIT_CHOICES = {"operators": editing.OPERATORS, "level1_choices": editing.LEVEL1_CHOICES,
                "level2_choices": editing.LEVEL2_CHOICES}


def _editable(me: Me, ev: Evaluation) -> bool:
    return "edit" in allowed_actions(me.user, ev)


@page("jixiao/ev/edit.html")
def edit(request: HttpRequest, me: Me, pk: int) -> dict[str, Any] | HttpResponse:
    ev = _evaluation(me, pk)
    if not _editable(me, ev):
        messages.error(request, "当前状态下不能修改（只有草稿或被退回的自评可由填报单位修改）。")
        return redirect("pages:detail", ev.pk)
    version = _version(ev)
    sc = scorecard(version.result)
    sources = list((sc.budget or {}).get("sources") or []) + [{"name": ""}] * 2
    events = _event_rows(ev)
    returns = [e for e in events if e["action"] == "return"]
    return {"ev": ev, "sc": sc, "version_no": ev.version, "sources": sources,
            "last_return": returns[-1] if returns and ev.status == Status.RETURNED else None, **EDIT_CHOICES}


def _save_report(me: Me, ev: Evaluation, report: dict[str, Any], base: int | None) -> Evaluation:
    return services.new_version(me.user, ev.pk, report=to_jsonable(report), expected_version=base, seen=ev)


@require_POST
def edit_part(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    """Save one part of the edit page (header, budget, sections, a new indicator) as a new version."""
    me = me_of(request)
    if me is None:
        return redirect("pages:login")
    ev = _evaluation(me, pk)
    report = _version(ev).result.get("report") or {}
    apply = {"header": editing.set_header, "budget": editing.set_budget, "sections": editing.set_sections,
             "add-indicator": editing.add_indicator}.get(part)
    if apply is None:
        raise Http404("未知操作")
    try:
        new_report = apply(report, request.POST)
        ev = _save_report(me, ev, new_report, _int(request.POST.get("version")))
    except editing.FormError as exc:
        messages.error(request, exc.message)
        return redirect("pages:edit", ev.pk)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("pages:edit" if exc.status == 409 and _editable(me, ev) else "pages:detail", ev.pk)
    messages.success(request, f"已保存为第{ev.version}版，总分 {ev.total}，等级 {ev.grade}。")
    return redirect("pages:edit", ev.pk)


@require_POST
def upload_version(request: HttpRequest, pk: int) -> HttpResponse:
    me = me_of(request)
    if me is None:
        return redirect("pages:login")
    ev = _evaluation(me, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的报告文件。")
        return redirect("pages:edit", ev.pk)
    try:
        ev = services.new_version(me.user, ev.pk, upload=(upload.name, upload.read()),
                                  expected_version=_int(request.POST.get("version")))
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("pages:edit", ev.pk)
    messages.success(request, f"已上传为第{ev.version}版，总分 {ev.total}，等级 {ev.grade}。")
    return redirect("pages:detail", ev.pk)


def _row_base(ev: Evaluation, index: int, base: int | None) -> int | None:
    """The version a row save builds on. A row form opened before another row was saved carries an
    older version; it still applies when the table has the same rows and this row is unchanged since
    (the save then touches only this row). Otherwise the old version is kept: the service refuses (409)."""
    if base is None or base == ev.version:
        return base
    try:
        old = (ev.versions.get(number=base).result.get("report") or {}).get("indicators") or []
    except EvaluationVersion.DoesNotExist:
        return base
    cur = (_version(ev).result.get("report") or {}).get("indicators") or []
    same_rows = [i.get("name") for i in old] == [i.get("name") for i in cur]
    if same_rows and 0 <= index < len(cur) and editing.clean_row(old[index]) == editing.clean_row(cur[index]):
        return ev.version
    return base


@require_http_methods(["GET", "POST"])
def row(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    """One indicator row: GET shows it (``?edit=1`` as a form), POST saves it as a new version and answers
    the row with its new score, plus the summary and the findings swapped out of band (htmx)."""
    me = me_of(request)
    if me is None:
        return HttpResponse("请先登录。", status=403)
    ev = _evaluation(me, pk)
    editable = _editable(me, ev)
    check = _version(ev).result
    sc = scorecard(check)
    if not 0 <= index < len(sc.rows):
        raise Http404("该指标不存在")
    ctx: dict[str, Any] = {"ev": ev, "me": me, "sc": sc, "row": sc.rows[index], "version_no": ev.version,
                           "editable": editable, **EDIT_CHOICES}
    if request.method == "GET":
        template = "jixiao/ev/_row_edit.html" if request.GET.get("edit") and editable else "jixiao/ev/_row.html"
        return render(request, template, ctx)
    if not editable:
        ctx["error"] = "当前状态下不能修改。"
        return render(request, "jixiao/ev/_row.html", ctx, status=409)
    try:
        if request.POST.get("delete"):
            new_report = editing.delete_indicator(check["report"], index)
        else:
            new_report = editing.set_indicator(check["report"], index, request.POST)
        ev = _save_report(me, ev, new_report, _row_base(ev, index, _int(request.POST.get("version"))))
    except (editing.FormError, ServiceError) as exc:
        status = exc.status if isinstance(exc, ServiceError) else 400
        edit_row = sc.rows[index]
        edit_row.ind = {**edit_row.ind, **{k: request.POST.get(k, "") for k in ("name", "unit")},
                        "target_text": request.POST.get("target", ""), "actual_text": request.POST.get("actual", ""),
                        "deviation_reason": request.POST.get("reason", "")}
        return render(request, "jixiao/ev/_row_edit.html", {**ctx, "error": exc.message}, status=status)
    if request.POST.get("delete") or not request.headers.get("HX-Request"):
        messages.success(request, f"已保存为第{ev.version}版。")
        return redirect("pages:edit", ev.pk)
    # the check object the service just stored (not read back and parsed again)
    sc = scorecard(getattr(ev, "current_check", None) or _version(ev).result)
    ctx.update({"ev": ev, "sc": sc, "row": sc.rows[index], "version_no": ev.version})
    return render(request, "jixiao/ev/row_saved.html", ctx)


# ---------------------------------------------------------------------------------------- public


def public(request: HttpRequest) -> HttpResponse:
    f = {"year": request.GET.get("year", ""), "q": request.GET.get("q", "").strip()[:50]}
    qs = Evaluation.objects.filter(status=Status.PUBLISHED).select_related("org").order_by("-published_at", "-id")
    if _int(f["year"]):
        qs = qs.filter(fiscal_year=_int(f["year"]))
    if f["q"]:
        qs = qs.filter(Q(title__icontains=f["q"]) | Q(org__name__icontains=f["q"]))
    return render(request, "jixiao/public/list.html",
                  {"me": me_of(request), "f": f, "nav": "public", **_paginate(request, qs, f)})


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ev = Evaluation.objects.filter(status=Status.PUBLISHED, pk=pk).select_related("org").first()
    if ev is None:
        raise Http404("未找到该公开结果")
    sc = scorecard(_version(ev).result)
    return render(request, "jixiao/public/detail.html", {"me": me_of(request), "ev": ev, "sc": sc, "nav": "public"})


# ---------------------------------------------------------------------------------- finance admin


def _admin(me: Me) -> bool:
    return bool(admin_grants(me.user))


@page("jixiao/manage/publish.html")
def publish_list(request: HttpRequest, me: Me) -> dict[str, Any] | HttpResponse:
    if not _admin(me):
        return _refuse(request, 403, "只有财政部门管理员可以公开发布。")
    items = visible_evaluations(me.user).filter(status=Status.APPROVED).select_related("org").order_by("approved_at")
    return {"items": [e for e in items if "publish" in allowed_actions(me.user, e)], "nav": "publish"}


@page("jixiao/manage/overview.html")
def overview(request: HttpRequest, me: Me) -> dict[str, Any] | HttpResponse:
    if not (_admin(me) or me.is_reviewer):
        return _refuse(request, 403, "统计概览仅供财政部门和主管部门查看。")
    year = request.GET.get("year", "")
    qs = visible_evaluations(me.user)
    if _int(year):
        qs = qs.filter(fiscal_year=_int(year))
    statuses = Status.choices
    counts: dict[int, dict[str, int]] = {}
    for org_id, status, n in qs.values_list("org_id", "status").annotate(n=Count("id")).order_by():
        counts.setdefault(org_id, {})[status] = n
    names = dict(Organization.objects.filter(pk__in=counts).values_list("pk", "name"))
    by_org = [{"name": names.get(o, o), "counts": [c.get(code, 0) for code, _ in statuses], "total": sum(c.values())}
              for o, c in sorted(counts.items(), key=lambda kv: str(names.get(kv[0], "")))]
    grades = dict(qs.exclude(grade="").values_list("grade").annotate(n=Count("id")).order_by())
    top: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], str] = {}
    current = EvaluationVersion.objects.filter(evaluation__in=qs.values("pk"), number=F("evaluation__version"))
    for findings in current.values_list("result__findings", flat=True).iterator(chunk_size=500):
        for f in {(x.get("code"), x.get("severity")): x for x in findings or []}.values():
            key = (str(f.get("code")), str(f.get("severity")))
            top[key] += 1
            example.setdefault(key, str(f.get("message") or ""))
    top_findings = [{"code": c, "severity": s, "count": n, "example": example[(c, s)]}
                    for (c, s), n in top.most_common(15)]
    return {"year": year, "total": qs.count(), "statuses": statuses, "by_org": by_org,
            "grades": [(g, grades.get(g, 0)) for g in ("优", "良", "中", "差")], "top_findings": top_findings,
            "nav": "overview"}


def _org_tree(orgs: list[Organization], users: dict[int, int]) -> list[dict[str, Any]]:
    """Depth-first items with open/close markers for nested lists."""
    children: dict[int | None, list[Organization]] = {}
    ids = {o.pk for o in orgs}
    for o in orgs:
        children.setdefault(o.parent_id if o.parent_id in ids else None, []).append(o)
    out: list[dict[str, Any]] = []

    def walk(parent: int | None) -> None:
        kids = children.get(parent) or []
        if not kids:
            return
        out.append({"open": True})
        for o in kids:
            out.append({"org": o, "users": users.get(o.pk, 0)})
            walk(o.pk)
        out.append({"close": True})

    walk(None)
    return out


@page("jixiao/manage/orgs.html")
def orgs(request: HttpRequest, me: Me) -> dict[str, Any] | HttpResponse:
    if not _admin(me):
        return _refuse(request, 403, "只有财政部门管理员可以管理组织机构。")
    if request.method == "POST":
        p = request.POST
        op = p.get("op")
        try:
            if op == "create":
                services.create_org(me.user, name=p.get("name", ""), code=p.get("code", ""), kind=p.get("kind", ""),
                                    parent=_org(me, p.get("parent")))
                messages.success(request, f"已新建单位“{p.get('name', '').strip()}”。")
            elif op == "move":
                services.move_org(me.user, _org(me, p.get("org")), _org(me, p.get("parent")))
                messages.success(request, "已移动单位。")
            elif op == "deactivate":
                services.deactivate_org(me.user, _org(me, p.get("org")))
                messages.success(request, "已停用单位。")
            else:
                raise ServiceError("bad_input", "未知操作。", 400)
        except ServiceError as exc:
            messages.error(request, exc.message)
        return redirect("pages:orgs")
    all_orgs = list(visible_orgs(me.user).order_by("path"))
    users = dict(User.objects.filter(org__in=all_orgs).values_list("org").annotate(n=Count("id")).order_by())
    return {"tree": _org_tree(all_orgs, users), "orgs": all_orgs, "kinds": Kind.choices, "nav": "orgs"}


def _org(me: Me, pk: str | None) -> Organization:
    org = visible_orgs(me.user).filter(pk=_int(pk) or 0).first()
    if org is None:
        raise ServiceError("not_found", "未找到该单位。", 404)
    return org


def _user(me: Me, pk: str | None) -> User:
    user = User.objects.filter(pk=_int(pk) or 0, org__in=visible_orgs(me.user)).first()
    if user is None:
        raise ServiceError("not_found", "未找到该用户。", 404)
    return user


@page("jixiao/manage/users.html")
def users(request: HttpRequest, me: Me) -> dict[str, Any] | HttpResponse:
    if not _admin(me):
        return _refuse(request, 403, "只有财政部门管理员可以管理用户。")
    if request.method == "POST":
        p = request.POST
        op = p.get("op")
        try:
            if op == "create":
                services.create_user(me.user, username=p.get("username", ""), password=p.get("password", ""),
                                     org=_org(me, p.get("org")), roles=[p.get("role", "")],
                                     display_name=p.get("display_name", ""))
                messages.success(request, f"已新建用户“{p.get('username', '').strip()}”。")
            elif op == "move":
                services.move_user(me.user, _user(me, p.get("user")), _org(me, p.get("org")))
                messages.success(request, "已调动用户。")
            elif op == "deactivate":
                services.deactivate_user(me.user, _user(me, p.get("user")))
                messages.success(request, "已停用用户。")
            elif op == "grant":
                services.grant_role(me.user, _user(me, p.get("user")), _org(me, p.get("org")), p.get("role", ""))
                messages.success(request, "已授予角色。")
            elif op == "revoke":
                target = _user(me, p.get("user"))
                grant = target.grants.filter(pk=_int(p.get("grant")) or 0).first()
                if grant is None:
                    raise ServiceError("not_found", "未找到该角色。", 404)
                services.revoke_role(me.user, target, grant.org, grant.role)
                messages.success(request, "已撤销角色。")
            else:
                raise ServiceError("bad_input", "未知操作。", 400)
        except ServiceError as exc:
            messages.error(request, exc.message)
        return redirect("pages:users")
    orgs_ = list(visible_orgs(me.user).order_by("path"))
    user_list = (User.objects.filter(org__in=orgs_).select_related("org")
                 .prefetch_related("grants__org").order_by("org__path", "username"))
    return {"users": user_list, "orgs": orgs_, "roles": Role.choices, "nav": "users"}

