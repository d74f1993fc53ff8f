"""The database settings from DATABASE_URL: PostgreSQL binds and prepares on the server unless turned off."""

from __future__ import annotations

import pytest

from jixiao.web import settings


def test_postgresql_prepares_statements_unless_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example:5432/jx")
    monkeypatch.delenv("JIXIAO_PG_PREPARE", raising=False)
    db = settings._database()
    assert db["NAME"] == "jx" and db["OPTIONS"]["server_side_binding"] is True
    assert db["OPTIONS"]["prepare_threshold"] == 5
    monkeypatch.setenv("JIXIAO_PG_PREPARE", "0")
    assert "server_side_binding" not in settings._database().get("OPTIONS", {})


def test_sqlite_has_no_postgresql_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/jx.sqlite3")
    assert "server_side_binding" not in settings._database().get("OPTIONS", {})
