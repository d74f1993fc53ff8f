"""The models and the committed migrations agree (nothing left for makemigrations to write)."""

from __future__ import annotations

from django.core.management import call_command


def test_no_missing_migrations(db):
    call_command("makemigrations", "jixiao_web", "--check", "--dry-run", verbosity=0)
