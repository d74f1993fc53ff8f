"""Web figures on PostgreSQL: 10 000 evaluations (about 300 000 indicators, with versions and events),
20 concurrent clients for a fixed time over the reviewer queue, an evaluation's page, a row edit
(which re-scores and re-reviews: a new version) and a transition; p50/p95/p99 per call, errors, and
the server's memory (RSS) at the start and the end.

    DATABASE_URL=postgresql://postgres@/jixiao_bench python benchmarks/bench_web.py [--seed] \
        [--evaluations 10000] [--clients 20] [--seconds 60]

``--seed`` (re)creates the database's tables and fills them with bulk inserts (the benchmark's own
fixtures, not a workflow: the workflow is what is measured). The check objects are made by the core
from the bundled example, varied (organisation, title, completion values, budget), so scores, grades
and findings differ between evaluations as they do in a real year. Then ``jixiao serve`` (waitress)
runs against that database in a subprocess and the clients, each signed in as a department reviewer
and as a unit filler of its own, drive it over HTTP on the loopback.

Aims (issue 12): p95 ≤ 200 ms for the queue and the evaluation page, ≤ 400 ms for an edit, no errors.
"""

from __future__ import annotations

import argparse
import copy
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "seed-report-2023-traffic-police.txt"
PASSWORD = "bench-password-2024"
DEPARTMENTS = 20
UNITS_PER_DEPARTMENT = 10
VARIANTS = 200
MIX = (("queue", 0.3), ("detail", 0.4), ("edit", 0.2), ("transition", 0.1))
AIMS_MS = {"queue": 200, "detail": 200, "edit": 400}


def _django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("JIXIAO_SECRET_KEY", "bench-" + "k" * 40)
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    import django

    django.setup()


# -------------------------------------------------------------------------------------------- seed


def _variants(n: int) -> list[dict[str, Any]]:
    """``n`` check objects: the example with varied actuals and execution, scored by the core."""
    from jixiao.app import check_file, evaluate
    from jixiao.batch import dumps_result
    from jixiao.policy import load_policy
    from jixiao.serialize import report_from_dict

    policy = load_policy()
    base = json.loads(dumps_result(check_file(EXAMPLE, policy, source=EXAMPLE.name)))
    rng = random.Random(12)
    out = []
    for i in range(n):
        rep = copy.deepcopy(base["report"])
        for ind in rep["indicators"]:
            if ind.get("actual") is not None and rng.random() < 0.15:
                ind["actual"] = round(ind["actual"] * rng.uniform(0.6, 1.0), 2)
                ind["actual_text"] = str(ind["actual"])
                if rng.random() < 0.5:
                    ind["deviation_reason"] = "受项目实施进度影响，部分任务顺延至下一年度完成。"
        rep["budget"]["executed"] = round(rep["budget"]["annual"] * rng.uniform(0.7, 1.0), 2)
        rep["budget"]["stated_execution_rate"] = None
        rep["title"] = f"第{i + 1}号项目2023年度绩效自评报告"
        data = json.loads(json.dumps(rep), parse_float=Decimal, parse_int=Decimal)
        out.append(json.loads(dumps_result(evaluate(report_from_dict(data), policy, f"v{i}.txt", "text"))))
    return out


def seed(evaluations: int, clients: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from jixiao.web import services as svc
    from jixiao.web.models import Evaluation, EvaluationVersion, Event, Organization, Role, RoleGrant, User

    t0 = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", interactive=False, verbosity=0)
    fin = svc.create_org(None, code="czj", name="基准市财政局", kind="finance")
    svc.create_user(None, username="finance", password=PASSWORD, org=fin, roles=[Role.FINANCE_REVIEWER])
    units: list[Organization] = []
    for d in range(DEPARTMENTS):
        dept = svc.create_org(None, code=f"d{d}", name=f"基准市第{d + 1}局", kind="department", parent=fin)
        svc.create_user(None, username=f"dept{d}", password=PASSWORD, org=dept, roles=[Role.DEPT_REVIEWER])
        for u in range(UNITS_PER_DEPARTMENT):
            units.append(svc.create_org(None, code=f"d{d}u{u}", name=f"基准市第{d + 1}局第{u + 1}所",
                                        kind="unit", parent=dept))
    fillers = []
    for c in range(clients):
        unit = units[c * len(units) // clients]
        fillers.append(svc.create_user(None, username=f"unit{c}", password=PASSWORD, org=unit,
                                       roles=[Role.UNIT_FILLER]))
    filler_of = {f.org_id: f for f in fillers}
    system = User.objects.create_user(username="seed", password=None, org=fin)
    variants = _variants(VARIANTS)
    print(f"  {len(variants)} check objects by the core in {time.perf_counter() - t0:.1f} s", flush=True)

    rng = random.Random(7)
    now = timezone.now()
    statuses = ["draft"] * 30 + ["submitted"] * 30 + ["dept_approved"] * 20 + ["returned"] * 5 + \
        ["approved"] * 8 + ["published"] * 7
    evs, meta = [], []
    for i in range(evaluations):
        unit = units[i % len(units)]
        check = variants[i % VARIANTS]
        status = rng.choice(statuses)  # not i % 100: with 200 units that gave each department one status
        if unit.pk in filler_of and i < len(units) * 4:
            status = "draft"  # each client's unit has drafts of its own to edit
        nver = 2 if rng.random() < 0.25 else 1
        score = check["score"]
        n = defaultdict(int)
        for f in check["findings"]:
            n[f["severity"]] += 1
        created = now - timedelta(days=60, minutes=i)
        submitted = created + timedelta(days=rng.randint(1, 30)) if status != "draft" else None
        evs.append(Evaluation(
            org=unit, title=check["report"]["title"], fiscal_year=2023, status=status, version=nver,
            total=score["total"], grade=score["grade"], n_error=n["error"], n_warning=n["warning"], n_info=n["info"],
            submitted_by=filler_of.get(unit.pk, system) if submitted else None, submitted_at=submitted,
            created_by=filler_of.get(unit.pk, system), created_at=created, updated_at=submitted or created,
            published_at=now if status == "published" else None, approved_at=now if status in ("approved",
                                                                                              "published") else None))
        meta.append((nver, status, unit))
    batch = 500
    with transaction.atomic():
        Evaluation.objects.bulk_create(evs, batch_size=batch)
    t1 = time.perf_counter()
    versions: list[EvaluationVersion] = []
    events: list[Event] = []
    indicators = 0

    def flush() -> None:
        with transaction.atomic():
            EvaluationVersion.objects.bulk_create(versions, batch_size=100)
            Event.objects.bulk_create(events, batch_size=1000)
        versions.clear()
        events.clear()

    for i, (ev, (nver, status, unit)) in enumerate(zip(evs, meta, strict=True)):
        who = ev.created_by
        for v in range(1, nver + 1):
            check = variants[(i + v - nver) % VARIANTS]
            indicators += len(check["report"]["indicators"])
            versions.append(EvaluationVersion(evaluation=ev, number=v, result=check, created_by=who,
                                              created_at=ev.created_at, source_name="bench.txt", source_format="text"))
            events.append(Event(evaluation=ev, actor=who, org=unit, action="create" if v == 1 else "edit",
                                from_status="" if v == 1 else "draft", to_status="draft", version=v,
                                at=ev.created_at))
        if status != "draft":
            events.append(Event(evaluation=ev, actor=who, org=unit, action="submit", from_status="draft",
                                to_status="submitted", version=nver, at=ev.submitted_at))
        if status in ("dept_approved", "approved", "published"):
            events.append(Event(evaluation=ev, actor=None, org=unit.parent, action="approve",
                                from_status="submitted", to_status="dept_approved", version=nver, at=ev.submitted_at))
        if status == "returned":
            events.append(Event(evaluation=ev, actor=None, org=unit.parent, action="return", from_status="submitted",
                                to_status="returned", version=nver, reason="请补充偏差原因。", at=ev.submitted_at))
        if len(versions) >= 500:
            flush()
    flush()
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(f"  seeded {evaluations} evaluations, {EvaluationVersion.objects.count()} versions, "
          f"{indicators} indicators, {Event.objects.count()} events in {time.perf_counter() - t0:.1f} s "
          f"(rows {time.perf_counter() - t1:.1f} s)", flush=True)
    assert RoleGrant.objects.count() >= clients


def fill_views() -> None:
    """The kept page parts of every version (``jixiao.web.fragments``), as a server has them once each
    version has been viewed once (its author sees it right after saving it). The seeded versions repeat
    200 check objects: each distinct (check, number) is rendered once and copied by INSERT … SELECT."""
    from django.db import connection

    from jixiao.web import fragments
    from jixiao.web.models import EvaluationVersion, VersionView

    t0 = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("DELETE FROM jixiao_web_versionview WHERE revision <> %s", [fragments.REVISION])
        cur.execute("CREATE TEMP TABLE bench_vh AS SELECT v.id, v.number, md5(v.result::text) AS h "
                    "FROM jixiao_web_evaluationversion v LEFT JOIN jixiao_web_versionview w ON w.version_id = v.id "
                    "WHERE w.version_id IS NULL")
        cur.execute("SELECT h, number, min(id) FROM bench_vh GROUP BY h, number")
        groups = cur.fetchall()
        for h, number, some_id in groups:
            parts = fragments.render(EvaluationVersion.objects.get(pk=some_id).result, number)
            cur.execute("INSERT INTO jixiao_web_versionview (version_id, revision, scorecard, narrative, findings, "
                        "errors) SELECT id, %s, %s, %s, %s, %s FROM bench_vh WHERE h = %s AND number = %s",
                        [fragments.REVISION, parts["scorecard"], parts["narrative"], parts["findings"],
                         parts["errors"], h, number])
        cur.execute("DROP TABLE bench_vh")
        cur.execute("ANALYZE jixiao_web_versionview")
    print(f"  page parts of {VersionView.objects.count()} versions ({len(groups)} rendered) in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)


# ------------------------------------------------------------------------------------------- drive


class Session:
    """One signed-in browser: cookies, the CSRF token, timings."""

    def __init__(self, base: str, username: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  _NoRedirect())
        html = self.get("/login/")[1]
        self.post("/login/", {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": _token(html)})

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    def post(self, path: str, data: dict[str, str], headers: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": data.get("csrfmiddlewaretoken")
                                       or self.csrf()}).encode()
        req = urllib.request.Request(self.base + path, body, headers={"Referer": self.base + path, **(headers or {})})
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None

    def http_error_302(self, req: Any, fp: Any, code: int, msg: str, headers: Any) -> Any:
        return fp


def _token(html: str) -> str:
    m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert m, "no CSRF token"
    return m.group(1)


ROW_FORM = {"name": "监控网络链路", "operator": ">=", "target": "23", "unit": "条", "reason": "", "level1": "",
            "level2": "", "weight": "", "stated_score": ""}


def drive(base: str, clients: int, seconds: float, think: float = 0.0
          ) -> tuple[dict[str, list[float]], dict[str, list[str]]]:
    from jixiao.web.models import Evaluation, User

    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    lock = threading.Lock()
    plans = []
    for c in range(clients):
        filler = User.objects.get(username=f"unit{c}")
        dept_code = filler.org.parent.code
        drafts = list(Evaluation.objects.filter(org=filler.org, status="draft").values_list("pk", "version")[:1])
        submitted = list(Evaluation.objects.filter(org__parent__code=dept_code, status="submitted")
                         .order_by("pk").values_list("pk", flat=True))
        mine = submitted[c % 2::2]  # two clients share a department at most: disjoint halves
        visible = list(Evaluation.objects.filter(org__parent__code=dept_code).values_list("pk", flat=True)[:300])
        plans.append({"unit": f"unit{c}", "dept": f"dept{dept_code[1:]}", "draft": list(drafts[0]),
                      "to_approve": mine, "visible": visible})
    window = {"stop": 0.0, "start": 0.0}

    def start_clock() -> None:  # when every client has signed in (password hashing is not measured)
        window["start"] = time.perf_counter()
        window["stop"] = time.monotonic() + seconds

    ready = threading.Barrier(clients, action=start_clock)

    def client(plan: dict[str, Any], seed: int) -> None:
        rng = random.Random(seed)
        reviewer = Session(base, plan["dept"])
        unit = Session(base, plan["unit"])
        pk, version = plan["draft"]
        ready.wait()
        while time.monotonic() < window["stop"]:
            if think:
                time.sleep(rng.uniform(0.5, 1.5) * think)  # a person reads before the next click
            op = rng.choices([m for m, _ in MIX], [w for _, w in MIX])[0]
            t = time.perf_counter()
            try:
                ok, status, body, version = _call(op, rng, plan, reviewer, unit, pk, version)
            except OSError as exc:  # a timeout or a refused connection is an error of that call, not the end
                ok, status, body = False, 0, f"{type(exc).__name__}: {exc}"
            if status is None:
                continue
            ms = (time.perf_counter() - t) * 1000
            with lock:
                times[op].append(ms)
                if not ok:
                    errors[op].append(f"{status}: {_plain(body)[:160]}")

    def _call(op: str, rng: random.Random, plan: dict[str, Any], reviewer: Session, unit: Session, pk: int,
              version: int) -> tuple[bool, int | None, str, int]:
        if op == "queue":
            status, body = reviewer.get("/queue/" + ("?findings=warning" if rng.random() < 0.3 else ""))
            return status == 200 and 'id="evaluations"' in body, status, body, version
        if op == "detail":
            status, body = reviewer.get(f"/evaluations/{rng.choice(plan['visible'])}/")
            return status == 200 and 'id="total"' in body, status, body, version
        if op == "edit":
            actual = str(rng.randint(15, 23))
            status, body = unit.post(f"/evaluations/{pk}/indicators/0/",
                                     {**ROW_FORM, "actual": actual, "version": str(version)}, {"HX-Request": "true"})
            m = re.search(r'id="version-no">第(\d+)版<', body)
            return status == 200 and m is not None, status, body, int(m.group(1)) if m else version
        if not plan["to_approve"]:
            return True, None, "", version
        target = plan["to_approve"].pop()
        status, body = reviewer.post(f"/evaluations/{target}/approve/", {"opinion": "同意。"})
        return status == 302, status, body, version

    threads = [threading.Thread(target=client, args=(p, i)) for i, p in enumerate(plans)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    times["_wall"] = [time.perf_counter() - window["start"]]
    return times, errors


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def _rss_mb(pid: int) -> float:
    total = 0
    for p in _tree(pid):  # the server, its workers, their upload workers
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes (and their waited-for children)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in pids:
        try:
            f = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in f[11:15])
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


def _postgres_pids() -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if (d / "comm").read_text().strip() == "postgres":
                    out.append(int(d.name))
            except OSError:
                pass
    return out


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--seed", action="store_true", help="(re)create the tables and seed them")
    ap.add_argument("--evaluations", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--think", type=float, default=0.0,
                    help="mean pause in seconds between a client's calls (0: each client calls back to back)")
    ap.add_argument("--cold", action="store_true",
                    help="start without the kept page parts (each version's first view renders them)")
    ap.add_argument("--workers", type=int, default=1, help="jixiao serve --workers (server processes)")
    ap.add_argument("--threads", type=int, default=8, help="jixiao serve --threads (per process)")
    args = ap.parse_args()
    if not args.database_url.startswith("postgres"):
        sys.exit("bench_web: set DATABASE_URL (or --database-url) to a PostgreSQL database made for it; "
                 "--seed drops and recreates its tables")
    _django(args.database_url)
    if args.seed:
        seed(args.evaluations, args.clients)
    from jixiao.web import fragments
    from jixiao.web.models import EvaluationVersion, VersionView

    if args.cold:
        VersionView.objects.all().delete()
    elif args.seed or VersionView.objects.filter(revision=fragments.REVISION).count() < \
            EvaluationVersion.objects.count():  # missing, or rendered by other templates
        fill_views()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": args.database_url}
    # the server's log goes to a file: a pipe nobody reads fills up (64 KB) and then every server thread
    # that logs (a warning per 4xx answer) blocks on it — the whole server stalls
    log = tempfile.NamedTemporaryFile("w+", prefix="bench-web-server-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--port", str(port),
                               "--workers", str(args.workers), "--threads", str(args.threads)], env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if server.poll() is not None:
                log.seek(0)
                sys.exit(f"bench_web: the server stopped (exit {server.returncode}):\n{log.read()[-2000:]}")
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        rss0 = _rss_mb(server.pid)
        load0 = os.getloadavg()
        cpu0 = (_cpu_s(_tree(server.pid)), _cpu_s(_postgres_pids()), sum(os.times()[:2]))
        samples: list[tuple[float, float]] = []
        done = threading.Event()

        def sample() -> None:  # the server's memory every 5 s of the run
            t0 = time.monotonic()
            while not done.wait(5):
                samples.append((time.monotonic() - t0, _rss_mb(server.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        times, errors = drive(base, args.clients, args.seconds, args.think)
        done.set()
        wall = times.pop("_wall")[0]
        cpu1 = (_cpu_s(_tree(server.pid)), _cpu_s(_postgres_pids()), sum(os.times()[:2]))
        rss1 = _rss_mb(server.pid)
        load1 = os.getloadavg()
    finally:
        server.terminate()
        server.wait(60)
    total = sum(len(v) for v in times.values())
    pause = f", {args.think:g} s mean pause between calls" if args.think else ", back to back"
    print(f"\n{args.clients} clients{pause} for {wall:.0f} s, server {args.workers} process(es) × {args.threads} "
          f"threads: {total} calls ({total / wall:.1f}/s); server RSS (all processes) {rss0:.0f} MB → {rss1:.0f} MB; "
          f"load average {load0[0]:.1f} → {load1[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'call':<11}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}  aim p95")
    for op, _ in MIX:
        v = times.get(op, [])
        aim = f"≤ {AIMS_MS[op]} ms" if op in AIMS_MS else ""
        print(f"{op:<11}{len(v):>7}{_pct(v, 50):>9.0f}{_pct(v, 95):>9.0f}{_pct(v, 99):>9.0f}"
              f"{max(v, default=float('nan')):>9.0f}{len(errors.get(op, [])):>8}  {aim}")
    for op, errs in errors.items():
        for e in errs[:3]:
            print(f"  {op} error: {e}")
    if samples:
        print("server RSS MB every 5 s: " + " ".join(f"{mb:.0f}" for _, mb in samples))
    if total:
        per = [(b - a) * 1000 / total for a, b in zip(cpu0, cpu1, strict=True)]
        print(f"CPU per call: server {per[0]:.1f} ms, PostgreSQL {per[1]:.1f} ms, these clients {per[2]:.1f} ms")
    if times.get("detail"):
        print(f"(detail mean {statistics.mean(times['detail']):.0f} ms)")
    log.seek(0)
    lines = log.read().splitlines()
    print(f"server log: {log.name} ({len(lines)} lines)")


if __name__ == "__main__":
    main()
