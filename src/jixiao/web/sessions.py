"""Django's database sessions, with the one query of every request (reading the session) written in SQL
rather than built by the ORM each time. The same row, the same rule (unexpired), read on every request:
signing out or an expired session ends it at once, in every server process."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        model = self.model
        conn = connections[router.db_for_read(model)]
        qn = conn.ops.quote_name
        sql = (f"SELECT {qn('session_data')} FROM {qn(model._meta.db_table)} "
               f"WHERE {qn('session_key')} = %s AND {qn('expire_date')} > %s")
        with conn.cursor() as cur:
            cur.execute(sql, [self.session_key, conn.ops.adapt_datetimefield_value(timezone.now())])
            row = cur.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
