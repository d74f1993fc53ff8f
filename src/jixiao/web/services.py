"""Every state change of the web application, one function each.

Each function checks the actor's right and the current status, changes the data and records the event
in ONE transaction. The evaluation row is locked (``select_for_update``; on SQLite the write lock is
taken at BEGIN) and the change is a conditional update on ``row_version``, so of two reviewers acting at
once one wins and the other gets a 409, and no update is lost. Pages, the API and management commands
call these functions only; none re-implements scoring or review (``jixiao.web.checking`` asks the core).

Refusals are ``ServiceError(code, message, status)``: ``message`` is one Chinese sentence for people,
``status`` the HTTP status the API answers with.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from jixiao.web import permissions as perm
from jixiao.web.checking import CheckFailed, check_report, check_upload, result_of
from jixiao.web.models import (
    ROLE_KINDS,
    ApiToken,
    Evaluation,
    EvaluationVersion,
    Event,
    Kind,
    Organization,
    Role,
    RoleGrant,
    SignInFailures,
    Status,
    User,
)


class ServiceError(Exception):
    """A refusal: ``code`` (stable, English), ``message`` (one Chinese sentence), ``status`` (HTTP)."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status

    def as_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


def _not_found(what: str = "评价") -> ServiceError:
    return ServiceError("not_found", f"找不到该{what}，或您无权查看。", 404)


ACTION_ZH = {"create": "创建", "edit": "修改", "submit": "提交", "withdraw": "撤回", "return": "退回",
             "approve": "审核通过", "unapprove": "撤销审核", "publish": "公开"}


def _refuse(user: User | None, ev: Evaluation, action: str) -> None:
    """403 when the user holds no role for ``action`` here; 409 when the status does not allow it now."""
    if not perm.capable(user, ev, action):
        raise ServiceError("forbidden", f"您没有{ACTION_ZH[action]}该评价的权限。", 403)
    if not perm.step_allows(user, ev, action):
        if action == "withdraw" and ev.status == Status.SUBMITTED:
            raise ServiceError("forbidden", "只有提交人可以撤回。", 403)
        shown = Status(ev.status).label
        raise ServiceError("invalid_status", f"当前状态为“{shown}”，不能{ACTION_ZH[action]}。", 409)


# ------------------------------------------------------------------------------------------ reading


def evaluations_for(user: User | None) -> QuerySet[Evaluation]:
    """Evaluations the user may see (scoped by the organisation tree)."""
    return perm.visible_evaluations(user).select_related("org")


def get_evaluation(user: User | None, evaluation_id: int) -> Evaluation:
    """The evaluation if the user may see it; 404 otherwise (as if absent)."""
    try:
        ev = Evaluation.objects.select_related("org").get(pk=evaluation_id)
    except (Evaluation.DoesNotExist, ValueError, TypeError, OverflowError):
        raise _not_found() from None
    if not perm.can_see(user, ev):
        raise _not_found()
    return ev


def get_version(user: User | None, evaluation_id: int, number: int) -> EvaluationVersion:
    ev = get_evaluation(user, evaluation_id)
    try:
        return ev.versions.select_related("created_by").get(number=number)
    except (EvaluationVersion.DoesNotExist, ValueError, TypeError, OverflowError):
        raise _not_found("版本") from None


def allowed_actions(user: User | None, ev: Evaluation) -> list[str]:
    return perm.allowed_actions(user, ev)


def published_evaluations() -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(status=Status.PUBLISHED).select_related("org")


def get_published(evaluation_id: int) -> Evaluation:
    try:
        return published_evaluations().get(pk=evaluation_id)
    except (Evaluation.DoesNotExist, ValueError, TypeError, OverflowError):
        raise _not_found() from None


# ---------------------------------------------------------------------------------------- helpers


def _lock(evaluation_id: int) -> Evaluation:
    """The evaluation row, locked for this transaction."""
    try:
        # of=("self",): lock the evaluation's row only, not its organisation's (joined for the checks)
        return Evaluation.objects.select_for_update(of=("self",)).select_related("org").get(pk=evaluation_id)
    except (Evaluation.DoesNotExist, ValueError, TypeError, OverflowError):
        raise _not_found() from None


def _save_changes(ev: Evaluation, seen_row_version: int, **changes: Any) -> None:
    """Write ``changes`` only if nobody changed the row since it was read; 409 otherwise."""
    changes["updated_at"] = timezone.now()
    n = Evaluation.objects.filter(pk=ev.pk, row_version=seen_row_version).update(
        row_version=F("row_version") + 1, **changes)
    if n != 1:
        raise ServiceError("conflict", "该评价刚被其他人修改，请刷新后重试。", 409)
    for k, v in changes.items():
        setattr(ev, k, v)
    ev.row_version = seen_row_version + 1


def _actor_org(user: User | None, grants: list[perm.Grant], known: Organization | None = None) -> Organization | None:
    """The organisation the actor acts for: the nearest of the grants used (longest path); ``known`` when it
    is that organisation (a unit acting on its own evaluation: not read again)."""
    if grants:
        g = max(grants, key=lambda g: len(g.org_path))
        if known is not None and known.pk == g.org_id:
            return known
        return Organization.objects.get(pk=g.org_id)
    return getattr(user, "org", None)


def _event(ev: Evaluation | None, actor: User | None, org: Organization | None, action: str,
           from_status: str = "", to_status: str = "", version: int | None = None, reason: str = "",
           **data: Any) -> Event:
    return Event.objects.create(evaluation=ev, actor=actor, org=org, action=action, from_status=from_status,
                                to_status=to_status, version=version, reason=reason,
                                data={k: v for k, v in data.items() if v not in (None, "")})


def _check_stats(check: dict[str, Any]) -> dict[str, Any]:
    score = check.get("score") or {}
    report = check.get("report") or {}
    findings = check.get("findings") or []
    total = score.get("total")
    n = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        sev = f.get("severity")
        if sev in n:
            n[sev] += 1
    return {
        "title": str(report.get("title") or "")[:300],
        "total": Decimal(str(total)) if total is not None else None,
        "grade": str(score.get("grade") or "")[:4],
        "n_error": n["error"], "n_warning": n["warning"], "n_info": n["info"],
    }


def _compute(*, report: Any = None, upload: tuple[str, bytes] | None = None,
             check: dict[str, Any] | None = None) -> dict[str, Any]:
    """The check object from exactly one of: a report (JSON data), an upload (name, bytes), a check."""
    given = [x is not None for x in (report, upload, check)]
    if sum(given) != 1:
        raise ServiceError("bad_input", "请提供报告数据（report）或上传一个文件（file）。", 400)
    try:
        if upload is not None:
            name, data = upload
            if len(data) > settings.UPLOAD_MAX_BYTES:
                mb = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
                raise ServiceError("too_large", f"上传的文件过大：不能超过 {mb} MB。", 413)
            return check_upload(name, data)
        if check is not None:
            if "error" in check or not isinstance(check.get("report"), dict):
                raise ServiceError("unreadable", "该结果没有可用的报告数据。", 400)
            return check
        return check_report(report)
    except CheckFailed as exc:
        if exc.code == "busy":
            raise ServiceError("busy", exc.message + "。", 503) from None
        # the reader's own code (damaged, too_large, timeout …) is behind its message; the API's is one
        raise ServiceError("unreadable" if upload is not None else "bad_input", exc.message, 400) from None


def _fiscal_year(value: Any, check: dict[str, Any]) -> int | None:
    if value in (None, ""):
        value = (check.get("report") or {}).get("fiscal_year")
        if value in (None, ""):
            return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ServiceError("bad_input", "年度应为四位数字，如 2023。", 400) from None
    if not 1990 <= year <= 2100:
        raise ServiceError("bad_input", "年度应在 1990—2100 之间。", 400)
    return year


def _unit_org_for(actor: User, org: Organization | str | None) -> tuple[Organization, list[perm.Grant]]:
    grants = [g for g in perm.grants_of(actor) if g.role in perm.UNIT_ROLES]
    if isinstance(org, str):
        target = Organization.objects.filter(code=org).first()
        if target is None or not any(g.org_id == target.pk for g in grants):
            if target is not None and any(target.path.startswith(g.org_path) for g in perm.grants_of(actor)):
                raise ServiceError("forbidden", "只有本单位的填报人或负责人可以创建评价。", 403)
            raise _not_found("单位")
        org = target
    if org is None:
        ids = sorted({g.org_id for g in grants})
        if not ids:
            if perm.grants_of(actor):
                raise ServiceError("forbidden", "只有填报单位的填报人或负责人可以创建评价。", 403)
            raise ServiceError("forbidden", "您没有任何单位的权限。", 403)
        if len(ids) > 1:
            raise ServiceError("bad_input", "您属于多个单位，请指明单位（org）。", 400)
        org = Organization.objects.get(pk=ids[0])
    used = [g for g in grants if g.org_id == org.pk]
    if not used:
        raise ServiceError("forbidden", "只有本单位的填报人或负责人可以创建评价。", 403)
    return org, used


# ------------------------------------------------------------------------------------ transitions


def create_evaluation(actor: User, *, report: Any = None, upload: tuple[str, bytes] | None = None,
                      check: dict[str, Any] | None = None, fiscal_year: Any = None,
                      org: Organization | str | None = None) -> Evaluation:
    """A new evaluation (status draft, version 1) from a report, an uploaded file or a check object.
    The document is read before anything is stored: an unreadable one stores nothing."""
    target, _ = _unit_org_for(actor, org)
    data = _compute(report=report, upload=upload, check=check)
    year = _fiscal_year(fiscal_year, data)
    stats = _check_stats(data)
    with transaction.atomic():
        ev = Evaluation.objects.create(org=target, status=Status.DRAFT, version=1, fiscal_year=year,
                                       created_by=actor, **stats)
        EvaluationVersion.objects.create(evaluation=ev, number=1, result=data, created_by=actor,
                                         source_name=str(data.get("source") or "")[:300],
                                         source_format=str(data.get("format") or "")[:16])
        _event(ev, actor, target, "create", "", Status.DRAFT, 1, source=data.get("source"))
    return ev


def new_version(actor: User, evaluation_id: int, *, report: Any = None, upload: tuple[str, bytes] | None = None,
                check: dict[str, Any] | None = None, fiscal_year: Any = None,
                expected_version: int | None = None, seen: Evaluation | None = None) -> Evaluation:
    """A new version of a draft or returned evaluation, re-scored and re-reviewed by the core.
    ``expected_version``: the version the editor started from; a newer one exists → 409. ``seen``: the
    evaluation as the caller read it in this request by ``get_evaluation``'s rule (not read again for the
    first check; everything is checked again on the locked row)."""
    ev = seen if seen is not None and seen.pk == evaluation_id else get_evaluation(actor, evaluation_id)
    _refuse(actor, ev, "edit")
    data = _compute(report=report, upload=upload, check=check)  # outside the lock: reading takes time
    with transaction.atomic():
        ev = _lock(evaluation_id)
        _refuse(actor, ev, "edit")
        if expected_version is not None and expected_version != ev.version:
            raise ServiceError("conflict", f"已有更新的版本（第 {ev.version} 版），请刷新后再修改。", 409)
        number = ev.version + 1
        year = _fiscal_year(fiscal_year, data) if fiscal_year not in (None, "") else ev.fiscal_year
        _save_changes(ev, ev.row_version, version=number, fiscal_year=year, **_check_stats(data))
        EvaluationVersion.objects.create(evaluation=ev, number=number, result=data, created_by=actor,
                                         source_name=str(data.get("source") or "")[:300],
                                         source_format=str(data.get("format") or "")[:16])
        _event(ev, actor, _actor_org(actor, perm.unit_grants(actor, ev.org), ev.org), "edit", ev.status, ev.status,
               number)
    ev.current_check = data  # type: ignore[attr-defined]  # the new version's check object, as stored
    return ev


def submit(actor: User, evaluation_id: int, *, acknowledge: bool = False, note: str = "") -> Evaluation:
    """draft/returned → submitted (dept_approved when the unit has no supervising department).
    Refused (409) while error-level findings remain, unless acknowledged with a note."""
    note = (note or "").strip()
    with transaction.atomic():
        ev = _lock(evaluation_id)
        if not perm.can_see(actor, ev):
            raise _not_found()
        _refuse(actor, ev, "submit")
        if ev.n_error:
            if not acknowledge:
                raise ServiceError("errors_remain",
                                   f"还有 {ev.n_error} 个错误级问题未解决；请修改，或确认并说明理由后提交。", 409)
            if not note:
                raise ServiceError("note_required", "确认提交仍有错误级问题的报告时，请填写说明。", 400)
        to = Status.SUBMITTED if perm.has_department(ev.org) else Status.DEPT_APPROVED
        before = ev.status
        _save_changes(ev, ev.row_version, status=to, submitted_by=actor, submitted_at=timezone.now(),
                      dept_approved_org=None, approved_org=None)
        _event(ev, actor, _actor_org(actor, perm.unit_grants(actor, ev.org), ev.org), "submit", before, to, ev.version,
               note, acknowledged=bool(acknowledge and ev.n_error) or None, errors=ev.n_error or None)
    return ev


def withdraw(actor: User, evaluation_id: int, *, reason: str = "") -> Evaluation:
    """submitted → draft, by the submitter, before anyone reviewed it."""
    with transaction.atomic():
        ev = _lock(evaluation_id)
        if not perm.can_see(actor, ev):
            raise _not_found()
        _refuse(actor, ev, "withdraw")
        _save_changes(ev, ev.row_version, status=Status.DRAFT)
        _event(ev, actor, _actor_org(actor, perm.unit_grants(actor, ev.org), ev.org), "withdraw", Status.SUBMITTED,
               Status.DRAFT, ev.version, (reason or "").strip())
    return ev


def _reviewer_grants(actor: User, ev: Evaluation) -> list[perm.Grant]:
    return perm.dept_grants(actor, ev.org) if ev.status == Status.SUBMITTED else perm.finance_grants(actor, ev.org)


def return_evaluation(actor: User, evaluation_id: int, *, reason: str) -> Evaluation:
    """submitted/dept_approved → returned, by the reviewer at the current step, with a reason."""
    reason = (reason or "").strip()
    with transaction.atomic():
        ev = _lock(evaluation_id)
        if not perm.can_see(actor, ev):
            raise _not_found()
        _refuse(actor, ev, "return")
        if not reason:
            raise ServiceError("reason_required", "退回时必须填写理由。", 400)
        before = ev.status
        org = _actor_org(actor, _reviewer_grants(actor, ev))
        _save_changes(ev, ev.row_version, status=Status.RETURNED)
        _event(ev, actor, org, "return", before, Status.RETURNED, ev.version, reason[:5000])
    return ev


def _reviewed_total(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ServiceError("bad_input", "复核得分应为 0—100 之间的数字。", 400) from None
    if not d.is_finite() or not Decimal(0) <= d <= Decimal(100):
        raise ServiceError("bad_input", "复核得分应为 0—100 之间的数字。", 400)
    return d.quantize(Decimal("0.01"))


def approve(actor: User, evaluation_id: int, *, opinion: str = "", reviewed_total: Any = None) -> Evaluation:
    """submitted → dept_approved (department), dept_approved → approved (finance; locks every version)."""
    opinion = (opinion or "").strip()
    total = _reviewed_total(reviewed_total)
    with transaction.atomic():
        ev = _lock(evaluation_id)
        if not perm.can_see(actor, ev):
            raise _not_found()
        _refuse(actor, ev, "approve")
        before = ev.status
        org = _actor_org(actor, _reviewer_grants(actor, ev))
        changes: dict[str, Any] = {}
        if before == Status.SUBMITTED:
            changes.update(status=Status.DEPT_APPROVED, dept_approved_org=org)
        else:
            changes.update(status=Status.APPROVED, approved_org=org, approved_at=timezone.now())
        if opinion:
            changes["opinion"] = opinion[:10000]
        if total is not None:
            changes["reviewed_total"] = total
        _save_changes(ev, ev.row_version, **changes)
        _event(ev, actor, org, "approve", before, changes["status"], ev.version, "", opinion=opinion[:10000],
               reviewed_total=str(total) if total is not None else None)
    return ev


def unapprove(actor: User, evaluation_id: int, *, reason: str) -> Evaluation:
    """approved → dept_approved, by the approver's level or higher, before publishing, with a reason."""
    reason = (reason or "").strip()
    with transaction.atomic():
        ev = _lock(evaluation_id)
        if not perm.can_see(actor, ev):
            raise _not_found()
        _refuse(actor, ev, "unapprove")
        if not reason:
            raise ServiceError("reason_required", "撤销审核时必须填写理由。", 400)
        org = _actor_org(actor, perm.finance_grants(actor, ev.org, perm.FINANCE_ROLES))
        _save_changes(ev, ev.row_version, status=Status.DEPT_APPROVED, approved_org=None, approved_at=None)
        _event(ev, actor, org, "unapprove", Status.APPROVED, Status.DEPT_APPROVED, ev.version, reason[:5000])
    return ev


def publish(actor: User, evaluation_id: int) -> Evaluation:
    """approved → published, by a finance admin above the unit."""
    with transaction.atomic():
        ev = _lock(evaluation_id)
        if not perm.can_see(actor, ev):
            raise _not_found()
        _refuse(actor, ev, "publish")
        org = _actor_org(actor, perm.finance_grants(actor, ev.org, {Role.FINANCE_ADMIN}))
        _save_changes(ev, ev.row_version, status=Status.PUBLISHED, published_at=timezone.now())
        _event(ev, actor, org, "publish", Status.APPROVED, Status.PUBLISHED, ev.version)
    return ev


TRANSITIONS = {
    "submit": submit,
    "withdraw": withdraw,
    "return": return_evaluation,
    "approve": approve,
    "unapprove": unapprove,
    "publish": publish,
}


def opinion_docx(actor: User, evaluation_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of the 复核意见书 of the current version, for reviewers."""
    ev = get_evaluation(actor, evaluation_id)
    if not perm.is_reviewer(actor, ev):
        raise ServiceError("forbidden", "只有复核人可以下载复核意见书。", 403)
    from jixiao.writers.review_docx import write_review_docx

    result = result_of(ev.current().result)
    with tempfile.TemporaryDirectory(prefix="jixiao-opinion-") as tmp:
        out = Path(tmp) / "opinion.docx"
        write_review_docx(result, out)
        data = out.read_bytes()
    return f"复核意见书-{ev.pk}-v{ev.version}.docx", data


# ------------------------------------------------------------------------- organisations and users


def _require_admin(actor: User | None, org: Organization | None) -> Organization | None:
    """None actor = the system (management commands, demo data). Else a finance admin at or above org."""
    if actor is None:
        return None
    grants = perm.admin_grants(actor, org)
    if not grants:
        raise ServiceError("forbidden", "只有财政管理员可以管理单位和用户。", 403)
    return _actor_org(actor, grants)


def _set_path(org: Organization) -> None:
    org.path = (org.parent.path if org.parent_id else "/") + f"{org.pk}/"


def create_org(actor: User | None, *, code: str, name: str, kind: str,
               parent: Organization | str | None = None) -> Organization:
    code, name = (code or "").strip(), (name or "").strip()
    if not code or not name:
        raise ServiceError("bad_input", "单位代码和名称不能为空。", 400)
    if kind not in Kind.values:
        raise ServiceError("bad_input", "单位类型应为 finance、department 或 unit。", 400)
    if isinstance(parent, str):
        parent = Organization.objects.filter(code=parent).first() or None
        if parent is None:
            raise _not_found("上级单位")
    if parent is None and actor is not None:
        raise ServiceError("forbidden", "只能在您管理的单位下创建单位。", 403)
    acting = _require_admin(actor, parent)
    with transaction.atomic():
        try:
            with transaction.atomic():
                org = Organization.objects.create(code=code, name=name, kind=kind, parent=parent, path="")
        except IntegrityError:
            raise ServiceError("duplicate", f"单位代码 {code} 已存在。", 409) from None
        _set_path(org)
        org.save(update_fields=["path"])
        _event(None, actor, acting, "org_create", data_org=org.code, name=name, kind=kind,
               parent=parent.code if parent else None)
    return org


def move_org(actor: User | None, org: Organization | str, new_parent: Organization | str) -> Organization:
    with transaction.atomic():
        org = _org(org, lock=True)
        new_parent = _org(new_parent)
        _require_admin(actor, org)
        acting = _require_admin(actor, new_parent)
        if new_parent.path.startswith(org.path):
            raise ServiceError("bad_input", "不能把单位移到它自己或它的下级单位之下。", 400)
        old_path = org.path
        old_parent = org.parent.code if org.parent_id else None
        org.parent = new_parent
        _set_path(org)
        org.save(update_fields=["parent", "path"])
        for child in Organization.objects.select_for_update().filter(path__startswith=old_path).exclude(pk=org.pk):
            child.path = org.path + child.path[len(old_path):]
            child.save(update_fields=["path"])
        _event(None, actor, acting, "org_move", data_org=org.code, old_parent=old_parent, parent=new_parent.code)
    return org


def deactivate_org(actor: User | None, org: Organization | str, *, active: bool = False) -> Organization:
    with transaction.atomic():
        org = _org(org, lock=True)
        acting = _require_admin(actor, org)
        org.active = active
        org.save(update_fields=["active"])
        _event(None, actor, acting, "org_activate" if active else "org_deactivate", data_org=org.code)
    return org


def _org(org: Organization | str, lock: bool = False) -> Organization:
    if isinstance(org, Organization):
        if not lock:
            return org
        org = org.code
    qs = Organization.objects.select_for_update() if lock else Organization.objects
    found = qs.filter(code=org).first()
    if found is None:
        raise _not_found("单位")
    return found


def _user(user: User | str) -> User:
    if isinstance(user, User):
        return user
    found = User.objects.filter(username=user).first()
    if found is None:
        raise _not_found("用户")
    return found


def create_user(actor: User | None, *, username: str, password: str, org: Organization | str,
                display_name: str = "", roles: Iterable[str] = (), validate_password: bool = True) -> User:
    from django.contrib.auth.password_validation import ValidationError
    from django.contrib.auth.password_validation import validate_password as check_pw

    username = (username or "").strip()
    if not username or len(username) > 150:
        raise ServiceError("bad_input", "用户名不能为空，且不超过 150 个字符。", 400)
    org = _org(org)
    acting = _require_admin(actor, org)
    if validate_password:
        try:
            check_pw(password, User(username=username))
        except ValidationError as exc:
            raise ServiceError("weak_password", "密码不符合要求：" + "；".join(exc.messages), 400) from None
    with transaction.atomic():
        try:
            with transaction.atomic():
                user = User.objects.create_user(username=username, password=password, org=org,
                                                display_name=(display_name or "").strip()[:100])
        except IntegrityError:
            raise ServiceError("duplicate", f"用户名 {username} 已存在。", 409) from None
        _event(None, actor, acting, "user_create", user=username, data_org=org.code)
        for role in roles:
            grant_role(actor, user, org, role)
    return user


def deactivate_user(actor: User | None, user: User | str, *, active: bool = False) -> User:
    with transaction.atomic():
        user = _user(user)
        acting = _require_admin(actor, user.org)
        if actor is not None and user.pk == actor.pk and not active:
            raise ServiceError("bad_input", "不能停用自己的账号。", 400)
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            ApiToken.objects.filter(user=user).delete()
        _event(None, actor, acting, "user_activate" if active else "user_deactivate", user=user.username)
    return user


def move_user(actor: User | None, user: User | str, org: Organization | str) -> User:
    with transaction.atomic():
        user = _user(user)
        org = _org(org)
        _require_admin(actor, user.org)
        acting = _require_admin(actor, org)
        old = user.org.code if user.org_id else None
        user.org = org
        user.save(update_fields=["org"])
        _event(None, actor, acting, "user_move", user=user.username, old_org=old, data_org=org.code)
    return user


def grant_role(actor: User | None, user: User | str, org: Organization | str, role: str) -> RoleGrant:
    user, org = _user(user), _org(org)
    if role not in Role.values:
        raise ServiceError("bad_input", f"未知的角色：{role}", 400)
    if org.kind not in ROLE_KINDS[role]:
        raise ServiceError("bad_input", f"“{Role(role).label}”不能授予{Kind(org.kind).label}。", 400)
    with transaction.atomic():
        acting = _require_admin(actor, org)
        grant, created = RoleGrant.objects.get_or_create(user=user, org=org, role=role)
        if created:
            _event(None, actor, acting, "role_grant", user=user.username, data_org=org.code, role=role)
    perm.forget_grants(user)
    return grant


def revoke_role(actor: User | None, user: User | str, org: Organization | str, role: str) -> None:
    user, org = _user(user), _org(org)
    with transaction.atomic():
        acting = _require_admin(actor, org)
        n, _ = RoleGrant.objects.filter(user=user, org=org, role=role).delete()
        if n:
            _event(None, actor, acting, "role_revoke", user=user.username, data_org=org.code, role=role)
    perm.forget_grants(user)


# ------------------------------------------------------------------------------------- signing in


def _client_key(ip: str | None) -> str:
    return f"jixiao-signin-ip:{ip or '-'}"


def _failures(keys: list[str]) -> int:
    """The most failures any of these keys has in its current window."""
    since = timezone.now() - timedelta(seconds=settings.SIGNIN_WINDOW_SECONDS)
    return max(SignInFailures.objects.filter(key__in=keys, window_start__gt=since)
               .values_list("failures", flat=True), default=0)


def _count_failure(keys: list[str]) -> None:
    """One more failure for each key, in the database (shared by every server process): a key whose
    window has passed starts a new one. Concurrent failures are all counted (an UPDATE … + 1; a restart
    only of a row whose window has passed; a create that loses a race to another process's create
    counts on that row instead)."""
    now = timezone.now()
    since = now - timedelta(seconds=settings.SIGNIN_WINDOW_SECONDS)
    for k in keys:
        for _ in range(5):
            try:
                with transaction.atomic():
                    if SignInFailures.objects.filter(key=k, window_start__gt=since).update(
                            failures=F("failures") + 1):
                        break
                    # only a window that has passed starts again: a row another process created (or
                    # restarted) since our first UPDATE is counted on by the retry, never reset to 1
                    if SignInFailures.objects.filter(key=k, window_start__lte=since).update(
                            failures=1, window_start=now):
                        break
                    SignInFailures.objects.create(key=k, failures=1, window_start=now)
                    break
            except IntegrityError:  # another process created it just now: count on that row
                continue
    if secrets.randbelow(50) == 0:  # now and then, forget windows long past
        SignInFailures.objects.filter(window_start__lte=since).delete()


def sign_in(username: str, password: str, ip: str | None = None, request: Any = None) -> User:
    """The user for these credentials; 401 when wrong, 429 after too many failures (per name and address,
    counted in the database: the limit holds across server processes)."""
    name_key = f"jixiao-signin-user:{(username or '').strip().lower()[:150]}"
    keys = [name_key, _client_key(ip)]
    if _failures(keys) >= settings.SIGNIN_MAX_FAILURES:
        minutes = settings.SIGNIN_WINDOW_SECONDS // 60
        raise ServiceError("rate_limited", f"登录失败次数过多，请 {minutes} 分钟后再试。", 429)
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_active:
        _count_failure(keys)
        raise ServiceError("bad_credentials", "用户名或密码不正确。", 401)
    SignInFailures.objects.filter(key=name_key).delete()
    return user


def issue_token(user: User) -> str:
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=ApiToken.hash(token),
                            expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_DAYS))
    return token


def user_for_token(token: str) -> User | None:
    if not token or len(token) > 200:
        return None
    row = ApiToken.objects.select_related("user", "user__org").filter(digest=ApiToken.hash(token)).first()
    if row is None or row.expires_at <= timezone.now() or not row.user.is_active:
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


# ---------------------------------------------------------------------------------- presentation


def org_dict(org: Organization | None) -> dict[str, Any] | None:
    if org is None:
        return None
    return {"code": org.code, "name": org.name, "kind": org.kind}


def me(user: User) -> dict[str, Any]:
    org = user.org
    if org is None:
        grants = perm.grants_of(user)
        if grants:
            org = Organization.objects.get(pk=max(grants, key=lambda g: len(g.org_path)).org_id)
    return {"username": user.username, "name": user.shown_name, "roles": perm.roles_of(user),
            "org": org_dict(org)}


def org_tree(user: User) -> list[dict[str, Any]]:
    """The organisations the user may see, as a tree (roots: the subtrees' tops)."""
    orgs = list(perm.visible_orgs(user).order_by("path"))
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for o in orgs:
        node = {"code": o.code, "name": o.name, "kind": o.kind, "active": o.active, "children": []}
        nodes[o.pk] = node
        if o.parent_id in nodes:
            nodes[o.parent_id]["children"].append(node)
        else:
            roots.append(node)
    return roots


def _num(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


def evaluation_summary(ev: Evaluation) -> dict[str, Any]:
    return {"id": ev.pk, "org": org_dict(ev.org), "title": ev.title, "fiscal_year": ev.fiscal_year,
            "status": ev.status, "version": ev.version, "total": _num(ev.total), "grade": ev.grade or None,
            "findings": {"error": ev.n_error, "warning": ev.n_warning, "info": ev.n_info},
            "updated_at": ev.updated_at.isoformat()}


def evaluation_detail(user: User, ev: Evaluation) -> dict[str, Any]:
    versions = list(ev.versions.select_related("created_by").defer("result").order_by("number"))
    current = ev.versions.filter(number=ev.version).values_list("result", flat=True).first()
    out = evaluation_summary(ev)
    out.update({
        "check": current,
        "versions": [{"version": v.number, "created_at": v.created_at.isoformat(),
                      "created_by": v.created_by.username, "source": v.source_name} for v in versions],
        "allowed_actions": allowed_actions(user, ev),
        "locked": ev.locked,
        "opinion": ev.opinion or None,
        "reviewed_total": _num(ev.reviewed_total),
    })
    return out


def event_dicts(ev: Evaluation) -> list[dict[str, Any]]:
    rows = ev.events.select_related("actor", "org").order_by("at", "id")
    return [{"at": e.at.isoformat(), "actor": e.actor.username if e.actor else None,
             "org": org_dict(e.org), "action": e.action, "from_status": e.from_status or None,
             "to_status": e.to_status or None, "version": e.version, "reason": e.reason or None,
             **({"data": e.data} if e.data else {})} for e in rows]


def public_dict(ev: Evaluation, full: bool = False) -> dict[str, Any]:
    """What the public sees: the report, score and grade; nothing else (no findings, no reviewers)."""
    out: dict[str, Any] = {"id": ev.pk, "org": {"name": ev.org.name}, "title": ev.title,
                           "fiscal_year": ev.fiscal_year, "total": _num(ev.total), "grade": ev.grade or None,
                           "published_at": ev.published_at.isoformat() if ev.published_at else None}
    if full:
        check = ev.current().result
        out["report"] = check.get("report")
        out["score"] = check.get("score")
    return out
