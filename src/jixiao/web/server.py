"""``jixiao serve`` and ``jixiao web <manage command>``: configure Django from the options and the
environment, prepare the database and run the application under waitress (a production WSGI server,
pure Python, no internet needed)."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class ServeError(Exception):
    """A reason not to start, as one Chinese line."""


def is_loopback(host: str) -> bool:
    h = host.strip("[]")
    if h in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def configure(data: Path | None = None, demo: bool = False) -> None:
    """Environment for the settings module, then ``django.setup()``."""
    if data is not None:
        os.environ["JIXIAO_DATA"] = str(data)
    if demo:
        os.environ["JIXIAO_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    from django.core.exceptions import ImproperlyConfigured

    if not os.environ.get("DATABASE_URL"):
        folder = Path(os.environ.get("JIXIAO_DATA") or "jixiao-data")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ServeError(f"无法创建数据目录 {folder}：{exc.strerror or exc}") from None
    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        raise ServeError(str(exc)) from None


def database_kind() -> str:
    from django.db import connection

    return connection.vendor


def pending_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _ in plan]


def prepare_database() -> None:
    """SQLite: create and migrate. PostgreSQL: refuse to start on an unmigrated database."""
    from django.core.management import call_command
    from django.db.utils import OperationalError

    try:
        pending = pending_migrations()
    except OperationalError as exc:
        raise ServeError(f"无法连接数据库：{str(exc).strip().splitlines()[0] if str(exc).strip() else exc}") from None
    if not pending:
        return
    if database_kind() == "sqlite":
        call_command("migrate", interactive=False, verbosity=0)
        return
    raise ServeError(f"数据库尚未迁移（还有 {len(pending)} 个迁移未应用），请先运行 jixiao web migrate")


def serve(host: str, port: int, data: Path | None, demo: bool, threads: int = 8, workers: int = 1) -> None:
    """Run the application: one waitress process (``workers`` 1, any system), or ``workers`` gunicorn
    processes sharing the listening socket (Linux and other POSIX systems): a Python process computes on
    one core at a time, so several processes are what lets a server use its cores."""
    if demo and not is_loopback(host):
        raise ServeError(f"--demo 只能在本机地址（127.0.0.1、localhost、::1）上运行，不能用 {host}："
                         "演示账号的密码是公开的")
    if workers < 1 or threads < 1:
        raise ServeError("--workers 和 --threads 至少为 1")
    if workers > 1 and not _gunicorn_available():
        raise ServeError("多进程（--workers 大于 1）需要 gunicorn，仅支持 Linux 等类 Unix 系统；"
                         "请用 --workers 1（单进程，waitress）")
    configure(data, demo)
    from django.conf import settings

    if demo:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS,
                                  *(h for h in ("127.0.0.1", "localhost", "[::1]") if h not in settings.ALLOWED_HOSTS)]
    bare = host.strip("[]")
    if bare not in ("0.0.0.0", "::", ""):  # a named address: requests to it are for this server
        shown = f"[{bare}]" if ":" in bare else bare
        if shown not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, shown]
    elif not os.environ.get("JIXIAO_ALLOWED_HOSTS"):
        print("jixiao：提示：监听所有地址时，请用 JIXIAO_ALLOWED_HOSTS 列出用户访问的域名或地址"
              "（如 jixiao.czj.gov.cn,10.0.0.5），否则这些请求会被拒绝（400）", file=sys.stderr, flush=True)
    prepare_database()
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    url = f"http://{shown_host}:{port}/"
    where = "PostgreSQL" if database_kind() == "postgresql" else f"SQLite（{settings.DATABASES['default']['NAME']}）"
    if demo:
        from jixiao.web.demo import LOGINS, PASSWORD, load_demo

        loaded = load_demo()
        print("演示数据：" + ("已创建" if loaded else "数据库中已有数据，未改动"), flush=True)
        print(f"演示账号（密码均为 {PASSWORD}）：\n{LOGINS}", flush=True)
    procs = f"{workers} 个进程 × {threads} 个线程" if workers > 1 else f"1 个进程 × {threads} 个线程"
    from jixiao.web.wsgi import application

    if workers > 1:
        from django.db import connections

        connections.close_all()  # each worker opens its own connections after the fork
        print(f"jixiao 已启动：在浏览器中打开 {url} （数据库：{where}；{procs}；按 Ctrl-C 停止）", flush=True)
        _run_gunicorn(application, host.strip("[]"), port, workers, threads)
        return
    _start_upload_workers()
    print(f"jixiao 已启动：在浏览器中打开 {url} （数据库：{where}；{procs}；按 Ctrl-C 停止）", flush=True)
    from waitress import serve as waitress_serve

    waitress_serve(application, host=host.strip("[]"), port=port, threads=threads,
                   max_request_body_size=settings.REQUEST_MAX_BYTES + 1024 * 1024, ident="jixiao",
                   clear_untrusted_proxy_headers=True, _quiet=True)


def _gunicorn_available() -> bool:
    if sys.platform == "win32":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def _run_gunicorn(application: object, host: str, port: int, workers: int, threads: int) -> None:
    """``workers`` processes forked from this one after Django is set up (``preload``: the code and the
    settings are loaded once and shared), each with ``threads`` threads, on one listening socket. A worker
    that dies is replaced; Ctrl-C or SIGTERM stops them all."""
    from gunicorn.app.base import BaseApplication

    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    options = {
        "bind": bind, "workers": workers, "worker_class": "gthread", "threads": threads,
        "preload_app": True,
        # an upload is read within UPLOAD_TIMEOUT (60 s) by a worker process of its own: room for that
        "timeout": 180, "graceful_timeout": 30, "keepalive": 5,
        "accesslog": None, "errorlog": "-", "loglevel": "warning",
        "post_worker_init": lambda worker: _start_upload_workers(),
    }

    class _App(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> object:
            return application

    _App().run()


def _start_upload_workers() -> None:
    """Start the process uploads are read in now (it imports the readers once), not at the first upload."""
    import contextlib

    from jixiao.batch import FORKSERVER_PRELOAD

    with contextlib.suppress(Exception):
        from multiprocessing import forkserver, get_context

        if sys.platform.startswith("linux"):
            get_context("forkserver").set_forkserver_preload(FORKSERVER_PRELOAD)
            forkserver.ensure_running()


def manage(argv: list[str], data: Path | None = None) -> None:
    """``jixiao web migrate`` and any other Django management command."""
    if os.environ.get("JIXIAO_SECRET_KEY"):
        configure(data, demo=False)
    else:
        _configure_for_management(data)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jixiao web", *argv])


def _configure_for_management(data: Path | None) -> None:
    """Management commands (migrate, createsuperuser …) need no secret key of their own: a throwaway one."""
    import secrets

    os.environ["JIXIAO_SECRET_KEY"] = "management-" + secrets.token_urlsafe(32)
    try:
        configure(data, demo=False)
    finally:
        del os.environ["JIXIAO_SECRET_KEY"]


def main_error(exc: ServeError) -> int:
    print(f"jixiao：{exc}", file=sys.stderr, flush=True)
    return 2
