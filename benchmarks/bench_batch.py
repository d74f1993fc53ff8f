"""Batch figures on a corpus (see make_corpus.py): throughput, memory, and the cost over the floor.

    python benchmarks/make_corpus.py 1000 /tmp/corpus1k --seed 1
    python benchmarks/bench_batch.py /tmp/corpus1k [--jobs 1,2] [--sample 1000] [--repeat 3]

Prints:

1. ``jixiao check DIR --json --quiet --jobs J`` as a user runs it (a subprocess, output to a file):
   wall time, documents per second, CPU time per document (parent plus workers, from ``wait4``),
   and peak memory of the whole process tree, sampled from /proc every 50 ms: the sum of RSS and the
   sum of PSS (RSS counts the pages the forked workers share with the parent once per process; PSS
   divides them among the sharers, so it is the memory really used). With ``--repeat R`` each run is
   made R times, interleaved, and the one with the least CPU is shown (memory: the highest peak).
   Then the floor the same way: a process (interpreter, imports) that opens and walks every file
   of the corpus, and the CLI's CPU per document against it.
2. The floor and the stages, in this process, on ``--sample`` documents spread over the corpus,
   measured per document one after the other (so both see the same machine) ``--repeat`` times,
   keeping the least time. The floor is the CPU time to merely open and walk the file with the
   library its reader uses — python-docx (open, then every element of the body and the text of
   every w:t; python-docx's own ``table.rows[i].cells`` is four times slower than the whole reader),
   openpyxl (every cell value, normal mode as the reader needs merged ranges), pdfplumber (every
   page's characters, lines and rects), ``read_bytes`` and decoding for text. The stages are read
   (reader and assembler), score, review and the JSON line (as ``check --json`` writes it); their
   sum over the floor is the overhead of the check, by format and overall.

CPU times are the honest comparison on a shared machine (wall time depends on what else runs).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from jixiao.readers import SUPPORTED_EXTS, format_of

FORMATS = ("text", "docx", "xlsx", "pdf")


def corpus_files(root: Path) -> list[Path]:
    files = []
    for dirpath, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files += [Path(dirpath) / n for n in sorted(names)
                  if not n.startswith((".", "~$")) and Path(n).suffix.lower() in SUPPORTED_EXTS]
    return files


# ------------------------------------------------------------------------------------- memory


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return out


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Peak of the summed RSS and PSS of a process and its descendants."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0  # kB
        self.peak_procs = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            rss = sum(_kb(f"/proc/{p}/status", "VmRSS:") for p in pids)
            pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(pids))
            self.stop.wait(self.every)


def compile_package() -> None:
    """Byte-compile jixiao's modules, as ``pip install`` does, so that the CLI is measured as installed:
    an editable checkout run with PYTHONDONTWRITEBYTECODE set compiles its ~45 modules from source on
    every start (about 0.1 s of CPU), where the libraries of the floor process load their .pyc files."""
    import compileall

    import jixiao

    compileall.compile_dir(os.path.dirname(jixiao.__file__), quiet=2)


def run_floor(root: Path, n: int) -> float:
    """CPU ms per document of a process that merely opens and walks every file (``floor_one``), start-up
    included, like ``jixiao check --jobs 1`` is measured."""
    p = subprocess.Popen([sys.executable, __file__, str(root), "--walk-only"])
    _, _status, usage = os.wait4(p.pid, 0)
    return (usage.ru_utime + usage.ru_stime) / n * 1000


def run_check(root: Path, jobs: int, n: int) -> dict[str, float]:
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(root), "--json", "--quiet",
                              "--jobs", str(jobs)], stdout=out, stderr=subprocess.DEVNULL)
        sampler = TreeSampler(p.pid)
        sampler.start()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = sum(1 for _ in out)
    cpu = usage.ru_utime + usage.ru_stime
    return {"jobs": jobs, "exit": p.returncode, "lines": lines, "wall": wall, "per_s": n / wall,
            "cpu_ms": cpu / n * 1000, "rss_mb": sampler.peak_rss / 1024, "pss_mb": sampler.peak_pss / 1024,
            "max_one_mb": usage.ru_maxrss / 1024, "procs": sampler.peak_procs}


# -------------------------------------------------------------------------------------- floor


def floor_one(path: Path) -> None:
    """Open and walk ``path`` with its library, doing nothing with what is read."""
    fmt = format_of(path)
    if fmt == "docx":
        import docx
        from docx.oxml.ns import qn

        t = qn("w:t")
        for el in docx.Document(str(path)).element.body.iter():  # every element, the text of every w:t
            if el.tag == t:
                _ = el.text
    elif fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for _ in row:
                    pass
        wb.close()
    elif fmt == "pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                _ = (page.chars, page.lines, page.rects)
                page.close()
    else:
        data = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030", "utf-16"):
            try:
                data.decode(enc)
                break
            except UnicodeDecodeError:
                continue


def timed(fn, *args) -> float:  # CPU seconds of this process
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


def measure(files: list[Path], repeat: int) -> dict[str, dict[str, list[float]]]:
    """Per document, interleaved so that both see the same machine: the floor, then each stage of
    the check; each measured ``repeat`` times, keeping the least (the least disturbed) time."""
    from jixiao.app import evaluate
    from jixiao.batch import dumps_result as _dumps
    from jixiao.model import CheckResult, ReadError
    from jixiao.policy import load_policy
    from jixiao.readers import read_report
    from jixiao.review import review
    from jixiao.scoring import score_report

    policy = load_policy()
    for path in {format_of(p): p for p in files}.values():  # imports and caches first
        floor_one(path)
        with contextlib.suppress(ReadError):
            evaluate(read_report(path)[1], policy)
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for path in files:
        best: dict[str, float] = {}
        for _ in range(repeat):
            t0 = time.process_time()
            floor_one(path)
            t1 = time.process_time()
            try:
                fmt_read, report = read_report(path)
            except ReadError as exc:  # refused (a scanned PDF): the check is the read and the error's JSON line
                t2 = t3 = t4 = time.process_time()
                result = CheckResult(source=str(path), format=format_of(path), error=exc)
                t5 = time.process_time()
            else:
                t2 = time.process_time()
                card = score_report(report, policy)
                t3 = time.process_time()
                review(report, card, policy)
                t4 = time.process_time()
                result = evaluate(report, policy, str(path), fmt_read)
                t5 = time.process_time()
            _dumps(result)
            t6 = time.process_time()
            for key, t in (("floor", t1 - t0), ("read", t2 - t1), ("score", t3 - t2), ("review", t4 - t3),
                           ("json", t6 - t5)):
                best[key] = min(best.get(key, t), t)
        for key, t in best.items():
            out[format_of(path)][key].append(t)
    return out


def ms(values: list[float]) -> float:
    return sum(values) / len(values) * 1000 if values else 0.0


STAGES = ("read", "score", "review", "json")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run ('' for none)")
    ap.add_argument("--sample", type=int, default=1000, help="documents for the floor and stages (0: none)")
    ap.add_argument("--repeat", type=int, default=1, help="measurements per document (the least is kept)")
    ap.add_argument("--walk-only", action="store_true", help=argparse.SUPPRESS)  # the floor process of run_floor
    args = ap.parse_args()
    if not args.walk_only:
        compile_package()
    files = corpus_files(args.corpus)
    n = len(files)
    if args.walk_only:
        for f in files:
            floor_one(f)
        return
    by_fmt: dict[str, int] = defaultdict(int)
    for f in files:
        by_fmt[format_of(f)] += 1
    size = sum(f.stat().st_size for f in files)
    print(f"corpus: {args.corpus}  {n} documents, {size / 1e6:.1f} MB  ("
          + ", ".join(f"{k} {by_fmt[k]}" for k in FORMATS if by_fmt[k]) + f")  cpus: {os.cpu_count()}")
    jobs_list = [int(j) for j in args.jobs.split(",") if j]
    if jobs_list:
        print()
        print("jixiao check DIR --json --quiet --jobs J")
        print(f"{'jobs':>4} {'wall s':>8} {'docs/s':>8} {'CPU ms/doc':>11} {'peak RSS MB':>12} {'peak PSS MB':>12}"
              f" {'1 proc MB':>10} {'procs':>6} {'exit':>5}")
    best: dict[int, dict[str, float]] = {}
    floor_cpu = float("inf")
    for _ in range(args.repeat if jobs_list else 0):  # interleaved, the least CPU of each kept
        for jobs in jobs_list:
            r = run_check(args.corpus, jobs, n)
            if r["lines"] != n:
                print(f"     !! {r['lines']} JSON lines for {n} documents")
            if jobs not in best or r["cpu_ms"] < best[jobs]["cpu_ms"]:
                peaks = {k: max(r[k], best[jobs][k]) for k in ("rss_mb", "pss_mb", "max_one_mb", "procs")} \
                    if jobs in best else {}
                best[jobs] = {**r, **peaks}
        floor_cpu = min(floor_cpu, run_floor(args.corpus, n))
    for jobs in jobs_list:
        r = best[jobs]
        print(f"{jobs:>4} {r['wall']:>8.1f} {r['per_s']:>8.1f} {r['cpu_ms']:>11.2f} {r['rss_mb']:>12.0f} "
              f"{r['pss_mb']:>12.0f} {r['max_one_mb']:>10.0f} {r['procs']:>6} {r['exit']:>5}", flush=True)
    if jobs_list:
        print(f"floor process (python, imports, open and walk every file): CPU {floor_cpu:.2f} ms/doc; "
              + "; ".join(f"--jobs {j}: {best[j]['cpu_ms'] / floor_cpu:.2f}× the floor" for j in jobs_list)
              + f"  (least of {args.repeat})")
    if not args.sample:
        return
    step = max(1, n // args.sample)
    sample = files[::step][: args.sample]
    m = measure(sample, args.repeat)
    print()
    print(f"floor and stages on {len(sample)} documents (CPU ms per document, one process, least of {args.repeat})")
    print(f"  {'format':<6} {'docs':>5} {'floor':>8} {'read':>8} {'score':>7} {'review':>7} {'json':>7} {'check':>8}"
          f" {'check/floor':>12}")
    tot: dict[str, list[float]] = defaultdict(list)
    rows = [(k, m[k]) for k in FORMATS if k in m]
    for _, s in rows:
        for key in ("floor", *STAGES):
            tot[key] += s[key]
    for k, s in [*rows, ("all", tot)]:
        check = sum(ms(s[key]) for key in STAGES)
        floor = ms(s["floor"])
        print(f"  {k:<6} {len(s['read']):>5} {floor:>8.2f} {ms(s['read']):>8.2f} {ms(s['score']):>7.2f} "
              f"{ms(s['review']):>7.2f} {ms(s['json']):>7.2f} {check:>8.2f} {check / floor:>11.2f}×")


if __name__ == "__main__":
    main()
