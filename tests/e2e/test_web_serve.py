"""`jixiao serve` as people start it: the demo on SQLite (address and logins printed, the demo data
served), the refusals (demo on a public address, no secret key), and on PostgreSQL: refused until
`jixiao web migrate` has run."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_", "DATABASE_URL"))}
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(*args: str, env: dict[str, str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=180)


def _get(url: str, token: str | None = None, body: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json",
                                          **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


class Server:
    def __init__(self, *args: str, env: dict[str, str], cwd: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--port", str(self.port), *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)

    def wait(self, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited: {self.proc.stderr.read()}")
            try:
                if _get(self.url + "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("server did not answer")

    def stop(self) -> str:
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return out


def test_demo_on_sqlite(tmp_path):
    data = tmp_path / "数据"
    server = Server("--demo", "--data", str(data), env=_env(), cwd=tmp_path)
    try:
        server.wait()
        status, health = _get(server.url + "/healthz")
        assert health == {"status": "ok", "database": "sqlite"}
        status, body = _get(server.url + "/api/v1/auth/token", body={"username": "unit", "password": "jixiao-demo"})
        assert status == 200
        token = body["token"]
        status, listed = _get(server.url + "/api/v1/evaluations", token)
        assert [(e["org"]["name"], e["status"], e["total"], e["grade"]) for e in listed] == [
            ("示范市公安局交通管理支队", "draft", 97.84, "优")]
        status, me = _get(server.url + "/api/v1/me", token)
        assert me["org"]["name"] == "示范市公安局交通管理支队" and me["roles"] == ["unit_filler"]
        status, school = _get(server.url + "/api/v1/auth/token", body={"username": "school",
                                                                         "password": "jixiao-demo"})
        assert _get(server.url + "/api/v1/evaluations", school["token"])[1] == []
    finally:
        out = server.stop()
    assert f"http://127.0.0.1:{server.port}/" in out
    for login in ("admin", "finance", "dept", "unit", "unithead", "school", "jixiao-demo"):
        assert login in out
    assert (data / "jixiao.sqlite3").is_file()

    again = Server("--demo", "--data", str(data), env=_env(), cwd=tmp_path)  # a second start keeps the data
    try:
        again.wait()
    finally:
        out = again.stop()
    assert "未改动" in out


def test_demo_refused_on_a_public_address(tmp_path):
    p = _run("serve", "--demo", "--host", "0.0.0.0", "--data", str(tmp_path), env=_env(), cwd=tmp_path)
    assert p.returncode == 2
    assert "--demo 只能在本机地址" in p.stderr and "Traceback" not in p.stderr


def test_secret_key_required_without_demo(tmp_path):
    p = _run("serve", "--data", str(tmp_path), env=_env(), cwd=tmp_path)
    assert p.returncode == 2
    assert "JIXIAO_SECRET_KEY" in p.stderr and "Traceback" not in p.stderr


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.mark.skipif(_postgres_url() is None, reason="DATABASE_URL does not name PostgreSQL (scripts/test.sh sets it)")
def test_postgresql_needs_migrate_first(tmp_path):
    import psycopg

    base = _postgres_url()
    name = f"jixiao_serve_{uuid.uuid4().hex[:10]}"
    url = base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        env = _env(DATABASE_URL=url, JIXIAO_SECRET_KEY="k" * 50)
        p = _run("serve", "--port", str(_free_port()), env=env, cwd=tmp_path)
        assert p.returncode == 2 and "jixiao web migrate" in p.stderr, p.stderr
        p = _run("web", "migrate", env=env, cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        server = Server(env=env, cwd=tmp_path)
        try:
            server.wait()
            assert _get(server.url + "/healthz")[1] == {"status": "ok", "database": "postgresql"}
        finally:
            server.stop()
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(sys.platform == "win32", reason="--workers uses gunicorn (POSIX)")
def test_several_worker_processes_share_the_sign_in_limit(tmp_path):
    """`--workers 2`: two server processes answer on one port; five failed sign-ins lock the name out
    whichever process counted them (the count is in the database, not in a process)."""
    server = Server("--demo", "--data", str(tmp_path / "data"), "--workers", "2", "--threads", "2",
                    env=_env(), cwd=tmp_path)
    try:
        server.wait()
        children = Path(f"/proc/{server.proc.pid}/task/{server.proc.pid}/children")
        if children.exists():
            assert len(children.read_text().split()) >= 2  # the worker processes
        codes = [_get(server.url + "/api/v1/auth/token", body={"username": "unit", "password": "wrong"})[0]
                 for _ in range(6)]
        assert codes == [401] * 5 + [429]
        # and the address too, for every name, in every process
        assert _get(server.url + "/api/v1/auth/token", body={"username": "dept", "password": "jixiao-demo"})[0] == 429
    finally:
        out = server.stop()
    assert "2 个进程" in out
