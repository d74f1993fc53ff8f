"""Who may see and do what, from the organisation tree and the roles granted in it.

Visibility: a grant in an organisation lets its holder see that organisation's subtree (a unit its own
evaluations, a department the units under it, a finance bureau everything under it). Querysets are
scoped by the same rule, so a list never holds another organisation's row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Q, QuerySet

from jixiao.web.models import Evaluation, Kind, Organization, Role, RoleGrant, Status, User

UNIT_ROLES = {Role.UNIT_FILLER, Role.UNIT_HEAD}
FINANCE_ROLES = {Role.FINANCE_ADMIN, Role.FINANCE_REVIEWER}


@dataclass(frozen=True)
class Grant:
    role: str
    org_id: int
    org_path: str
    org_kind: str


def grant_in_use_sql(alias: str, qn: Callable[[str], str]) -> str:
    """SQL true when the organisation ``alias`` is in use: active, and under no deactivated organisation
    (no deactivated organisation's path begins its path; paths are "/1/4/9/")."""
    org_t = qn(Organization._meta.db_table)
    path, active = qn("path"), qn("active")
    return (f"{alias}.{active} AND NOT EXISTS (SELECT 1 FROM {org_t} x WHERE NOT x.{active} "
            f"AND substr({alias}.{path}, 1, length(x.{path})) = x.{path})")


def grants_of(user: User | None) -> list[Grant]:
    """The user's grants in organisations in use: active, and under no deactivated organisation
    (none for an anonymous or deactivated user). Read once per request (kept on the request's user);
    the signed-in user's come with the user (``jixiao.web.auth``)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_jixiao_grants", None)
    if cached is not None:
        return cached
    conn = connections[router.db_for_read(RoleGrant)]
    qn = conn.ops.quote_name
    sql = (f"SELECT g.{qn('role')}, g.{qn('org_id')}, go.{qn('path')}, go.{qn('kind')} "
           f"FROM {qn(RoleGrant._meta.db_table)} g JOIN {qn(Organization._meta.db_table)} go "
           f"ON go.{qn('id')} = g.{qn('org_id')} WHERE g.{qn('user_id')} = %s AND {grant_in_use_sql('go', qn)} "
           f"ORDER BY g.{qn('id')}")
    with conn.cursor() as cur:
        cur.execute(sql, [user.pk])
        grants = [Grant(r, o, p, k) for r, o, p, k in cur.fetchall()]
    set_grants(user, grants)
    return grants


def set_grants(user: User, grants: list[Grant]) -> None:
    user._jixiao_grants = grants  # type: ignore[attr-defined]


def forget_grants(user: User) -> None:
    if hasattr(user, "_jixiao_grants"):
        del user._jixiao_grants  # type: ignore[attr-defined]


def _subtree_q(paths: Iterable[str], field: str) -> Q:
    q = Q(pk__in=[])
    for p in sorted(set(paths)):
        q |= Q(**{f"{field}__startswith": p})
    return q


def visible_orgs(user: User | None) -> QuerySet[Organization]:
    grants = grants_of(user)
    if not grants:
        return Organization.objects.none()
    return Organization.objects.filter(_subtree_q((g.org_path for g in grants), "path"))


def visible_evaluations(user: User | None) -> QuerySet[Evaluation]:
    grants = grants_of(user)
    if not grants:
        return Evaluation.objects.none()
    return Evaluation.objects.filter(_subtree_q((g.org_path for g in grants), "org__path"))


def can_see(user: User | None, ev: Evaluation) -> bool:
    path = ev.org.path
    return any(path.startswith(g.org_path) for g in grants_of(user))


def _above(g: Grant, org: Organization) -> bool:
    """The grant's organisation is ``org`` or one of its ancestors."""
    return org.path.startswith(g.org_path)


def unit_grants(user: User | None, org: Organization) -> list[Grant]:
    return [g for g in grants_of(user) if g.role in UNIT_ROLES and g.org_id == org.pk]


def dept_grants(user: User | None, org: Organization) -> list[Grant]:
    return [g for g in grants_of(user) if g.role == Role.DEPT_REVIEWER and g.org_kind == Kind.DEPARTMENT
            and g.org_id != org.pk and _above(g, org)]


def finance_grants(user: User | None, org: Organization, roles: set[str] | None = None) -> list[Grant]:
    roles = roles or {Role.FINANCE_REVIEWER}
    return [g for g in grants_of(user) if g.role in roles and g.org_kind == Kind.FINANCE and _above(g, org)]


def has_department(org: Organization) -> bool:
    """Whether a unit has a supervising department above it (else it goes straight to finance)."""
    ids = org.ancestors_and_self_ids()[:-1]
    return Organization.objects.filter(pk__in=ids, kind=Kind.DEPARTMENT, active=True).exists()


def is_reviewer(user: User | None, ev: Evaluation) -> bool:
    return bool(dept_grants(user, ev.org) or finance_grants(user, ev.org, FINANCE_ROLES))


def admin_grants(user: User | None, org: Organization | None = None) -> list[Grant]:
    """finance_admin grants at ``org`` or above (any, when ``org`` is None)."""
    return [g for g in grants_of(user) if g.role == Role.FINANCE_ADMIN and (org is None or _above(g, org))]


def roles_of(user: User | None) -> list[str]:
    return sorted({g.role for g in grants_of(user)})


# The actions of the workflow, in the order pages show them.
ACTIONS = ("edit", "submit", "withdraw", "return", "approve", "unapprove", "publish")

# statuses from which each action may start
FROM_STATUS: dict[str, set[str]] = {
    "edit": {Status.DRAFT, Status.RETURNED},
    "submit": {Status.DRAFT, Status.RETURNED},
    "withdraw": {Status.SUBMITTED},
    "return": {Status.SUBMITTED, Status.DEPT_APPROVED},
    "approve": {Status.SUBMITTED, Status.DEPT_APPROVED},
    "unapprove": {Status.APPROVED},
    "publish": {Status.APPROVED},
}


def capable(user: User | None, ev: Evaluation, action: str) -> bool:
    """Whether the user holds a role that does ``action`` on this evaluation in some status
    (False: refused with 403; True but the status does not allow it: 409)."""
    org = ev.org
    if action in ("edit", "submit", "withdraw"):
        return bool(unit_grants(user, org))
    if action in ("return", "approve"):
        return bool(dept_grants(user, org) or finance_grants(user, org))
    if action == "unapprove":
        base = ev.approved_org or org
        return bool(finance_grants(user, base, FINANCE_ROLES)) and bool(finance_grants(user, org, FINANCE_ROLES))
    if action == "publish":
        return bool(finance_grants(user, org, {Role.FINANCE_ADMIN}))
    return False


def step_allows(user: User | None, ev: Evaluation, action: str) -> bool:
    """Whether, in the evaluation's current status, the user's roles make this the user's step."""
    if ev.status not in FROM_STATUS[action]:
        return False
    org = ev.org
    if action in ("return", "approve"):
        if ev.status == Status.SUBMITTED:
            return bool(dept_grants(user, org))
        return bool(finance_grants(user, org))
    if action == "withdraw":
        return ev.submitted_by_id == getattr(user, "pk", None)
    return True


def allowed_actions(user: User | None, ev: Evaluation) -> list[str]:
    return [a for a in ACTIONS if capable(user, ev, a) and step_allows(user, ev, a)]
