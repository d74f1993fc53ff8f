"""`jixiao web bootstrap`: the first finance bureau and its admin, on an empty database only."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jixiao.web import permissions as perm
from jixiao.web.models import Organization, User


def test_bootstrap_then_refused(db, monkeypatch):
    monkeypatch.setenv("JIXIAO_ADMIN_PASSWORD", "a-long-admin-password-7")
    call_command("bootstrap", org_code="czj", org_name="某市财政局", username="root", name="管理员")
    org = Organization.objects.get(code="czj")
    assert (org.kind, org.parent) == ("finance", None)
    user = User.objects.get(username="root")
    assert user.check_password("a-long-admin-password-7") and perm.roles_of(user) == ["finance_admin"]
    with pytest.raises(CommandError, match="已有单位"):
        call_command("bootstrap", org_code="x", org_name="另一个", username="root2")


def test_weak_password_refused(db, monkeypatch):
    monkeypatch.setenv("JIXIAO_ADMIN_PASSWORD", "123")
    with pytest.raises(CommandError, match="密码"):
        call_command("bootstrap", org_code="czj", org_name="某市财政局", username="root")
    assert not Organization.objects.exists()  # all or nothing
