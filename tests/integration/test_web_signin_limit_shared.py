"""The sign-in limit is counted in the database, so it holds across server processes: failures made by
another process count here, concurrent failures are all counted, a cleared process cache changes
nothing, and a window that has passed starts again. Runs on SQLite and, with DATABASE_URL, PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.utils import timezone

from jixiao.web import services as svc
from jixiao.web.models import SignInFailures
from tests.web_factory import people  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def _fail(ip: str = "10.0.0.1", username: str = "unit") -> str:
    try:
        svc.sign_in(username, "wrong-password", ip)
    except svc.ServiceError as exc:
        return exc.code
    return "signed in"


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgresql://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def test_failures_in_another_process_count_here(people):  # noqa: F811
    code = ("from jixiao.web.server import configure; configure()\n"
            "from jixiao.web import services as svc\n"
            "for _ in range(3):\n"
            "    try:\n"
            "        svc.sign_in('unit', 'wrong-password', '10.0.0.1')\n"
            "    except svc.ServiceError as exc:\n"
            "        print(exc.code)\n")
    env = {**os.environ, "DATABASE_URL": _database_url(), "JIXIAO_SECRET_KEY": "t" * 50,
           "PYTHONPATH": str(ROOT)}
    env.pop("JIXIAO_TEST_DATABASE", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["bad_credentials"] * 3
    assert SignInFailures.objects.get(key="jixiao-signin-user:unit").failures == 3
    assert [_fail(), _fail()] == ["bad_credentials", "bad_credentials"]  # the 4th and 5th failure
    assert _fail() == "rate_limited"
    with pytest.raises(svc.ServiceError) as exc:  # even the right password, until the window passes
        svc.sign_in("unit", "jixiao-demo", "10.0.0.1")
    assert exc.value.status == 429


def test_clearing_the_process_cache_does_not_reset_the_count(people):  # noqa: F811
    for _ in range(5):
        assert _fail(ip="10.0.0.2") == "bad_credentials"
    cache.clear()
    assert _fail(ip="10.0.0.3") == "rate_limited"  # by user name, whatever the address
    assert _fail(ip="10.0.0.2", username="somebody") == "rate_limited"  # by address, whatever the name


def test_concurrent_failures_are_all_counted(people):  # noqa: F811
    barrier = threading.Barrier(4)

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(2):
                svc._count_failure(["jixiao-signin-user:race"])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert SignInFailures.objects.get(key="jixiao-signin-user:race").failures == 8


def test_a_passed_window_starts_again_and_success_forgets_the_name(people):  # noqa: F811
    for _ in range(5):
        _fail(ip="10.0.0.4")
    assert _fail(ip="10.0.0.4") == "rate_limited"
    SignInFailures.objects.update(window_start=timezone.now() - timedelta(minutes=16))
    assert _fail(ip="10.0.0.4") == "bad_credentials"
    assert SignInFailures.objects.get(key="jixiao-signin-user:unit").failures == 1
    assert svc.sign_in("unit", "jixiao-demo", "10.0.0.4").username == "unit"
    assert not SignInFailures.objects.filter(key="jixiao-signin-user:unit").exists()
    assert SignInFailures.objects.get(key="jixiao-signin-ip:10.0.0.4").failures == 1  # the address keeps its count
