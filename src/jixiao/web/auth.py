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

from jixiao.web.models import Organization, RoleGrant, User
from jixiao.web.permissions import Grant, grant_in_use_sql, set_grants
from jixiao.web.plainsql import Column, columns, instance


@dataclass(frozen=True)
class _Query:
    sql: str
    user_fields: list[Column]
    org_fields: list[Column]


_queries: weakref.WeakKeyDictionary[BaseDatabaseWrapper, _Query] = weakref.WeakKeyDictionary()


def _query(conn: BaseDatabaseWrapper) -> _Query:
    q = _queries.get(conn)
    if q is not None:
        return q
    qn = conn.ops.quote_name
    user_fields, org_fields = columns(conn, User), columns(conn, Organization)
    ucols = ", ".join(c.sql("u", conn) for c in user_fields)
    ocols = ", ".join(c.sql("o", conn) for c in org_fields)
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
        user = instance(conn, User, q.user_fields, first[:nu])
        if not self.user_can_authenticate(user):
            return None
        if first[nu] is not None:
            user.org = instance(conn, Organization, q.org_fields, first[nu:nu + no])
        set_grants(user, [Grant(r[nu + no], r[nu + no + 1], r[nu + no + 2], r[nu + no + 3])
                          for r in rows if r[nu + no] is not None])
        return user
