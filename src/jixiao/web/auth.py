"""Django's model backend, with the user's organisation and role grants read in the same query: every
signed-in page shows the organisation and checks the grants, and a page's fixed cost is paid on every
request.

The query is written once in SQL (not built by the ORM on each request, which cost more CPU than the
database spent answering it). It reads the database on every request, as the ORM did: a deactivated user,
organisation or grant is out on the next request. The rule for grants is ``permissions.grants_of``'s."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model

from jixiao.web.models import Organization, RoleGrant, User
from jixiao.web.permissions import Grant, grant_in_use_sql, set_grants


@dataclass(frozen=True)
class _Column:
    field: Field
    col: Any
    converters: list[Any]  # what the ORM applies to the column's values


@dataclass(frozen=True)
class _Query:
    sql: str
    user_fields: list[_Column]
    org_fields: list[_Column]


_queries: weakref.WeakKeyDictionary[BaseDatabaseWrapper, _Query] = weakref.WeakKeyDictionary()


def _fields(model: type[Model], conn: BaseDatabaseWrapper) -> list[_Column]:
    """The model's columns with what the ORM applies to their values (the same converters, so that
    SQLite's booleans and datetimes come back as the ORM gives them)."""
    out = []
    for f in model._meta.concrete_fields:
        col = f.get_col(model._meta.db_table)
        out.append(_Column(f, col, [*conn.ops.get_db_converters(col), *col.get_db_converters(conn)]))
    return out


def _query(conn: BaseDatabaseWrapper) -> _Query:
    q = _queries.get(conn)
    if q is not None:
        return q
    qn = conn.ops.quote_name
    user_fields, org_fields = _fields(User, conn), _fields(Organization, conn)
    ucols = ", ".join(f"u.{qn(c.field.column)}" for c in user_fields)
    ocols = ", ".join(f"o.{qn(c.field.column)}" for c in org_fields)
    org_t, grant_t = qn(Organization._meta.db_table), qn(RoleGrant._meta.db_table)
    # one row per grant in use (a row with NULL grant columns when there is none)
    sql = (f"SELECT {ucols}, {ocols}, gg.role, gg.org_id, gg.path, gg.kind "
           f"FROM {qn(User._meta.db_table)} u "
           f"LEFT JOIN {org_t} o ON o.{qn('id')} = u.{qn('org_id')} "
           f"LEFT JOIN (SELECT g.{qn('id')} AS gid, g.{qn('user_id')} AS user_id, g.{qn('role')} AS role, "
           f"g.{qn('org_id')} AS org_id, go.{qn('path')} AS path, go.{qn('kind')} AS kind "
           f"FROM {grant_t} g JOIN {org_t} go ON go.{qn('id')} = g.{qn('org_id')} "
           f"WHERE g.{qn('user_id')} = %s AND {grant_in_use_sql('go', qn)}) gg ON gg.user_id = u.{qn('id')} "
           f"WHERE u.{qn('id')} = %s ORDER BY gg.gid")
    q = _Query(sql, user_fields, org_fields)
    _queries[conn] = q
    return q


def _instance(model: type[Model], conn: BaseDatabaseWrapper, columns: list[_Column], values: tuple[Any, ...]) -> Any:
    out = []
    for c, v in zip(columns, values, strict=True):
        for convert in c.converters:
            v = convert(v, c.col, conn)
        out.append(v)
    return model.from_db(conn.alias, [c.field.attname for c in columns], out)


class Backend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = User._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        conn = connections[router.db_for_read(User)]
        q = _query(conn)
        with conn.cursor() as cur:
            cur.execute(q.sql, [pk, pk])
            rows = cur.fetchall()
        if not rows:
            return None
        nu, no = len(q.user_fields), len(q.org_fields)
        first = rows[0]
        user = _instance(User, conn, q.user_fields, first[:nu])
        if not self.user_can_authenticate(user):
            return None
        if first[nu] is not None:
            user.org = _instance(Organization, conn, q.org_fields, first[nu:nu + no])
        set_grants(user, [Grant(r[nu + no], r[nu + no + 1], r[nu + no + 2], r[nu + no + 3])
                          for r in rows if r[nu + no] is not None])
        return user
