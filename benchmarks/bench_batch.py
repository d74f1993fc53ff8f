"""Batch figures on a corpus (see make_corpus.py): throughput, memory, and the cost over the floor.

    python benchmarks/make_corpus.py 1000 /tmp/corpus1k --seed 1
    python benchmarks/bench_batch.py /tmp/corpus1k [--jobs 1,2] [--stages 300] [--no-floor]

Prints:

1. ``jixiao check DIR --json --quiet --jobs J`` as a user runs it (a subprocess, output to a file):
   wall time, documents per second, CPU time per document (parent plus workers, from ``wait4``),
   and peak memory of the whole process tree, sampled from /proc every 50 ms: the sum of RSS and the
   sum of PSS (RSS counts the pages the forked workers share with the parent once per process; PSS
   divides them among the sharers, so it is the memory really used).
2. The floor, in this process: the CPU time to merely open and walk every file with the library its
   reader uses — python-docx (open, then every element of the body and the text of every w:t;
   python-docx's own ``table.rows[i].cells`` is four times slower than the whole reader), openpyxl
   (every cell value, normal mode as the reader needs merged ranges), pdfplumber (every page's
   characters, lines and rects), plain ``read_bytes`` + decoding for text — by format.
3. Stages, in this process, on ``--stages`` documents spread over the corpus: read (the reader and
   the assembler), score, review, and JSON serialisation, per format, with the ratio of the whole
   per-document cost to the floor.

CPU times are the honest comparison on a shared machine (wall time depends on what else runs).
"""

from __future__ import annotations

import argparse
import json
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


def measure_floor(files: list[Path]) -> dict[str, list[float]]:
    for path in {format_of(p): p for p in files}.values():
        floor_one(path)  # imports and caches first
    out: dict[str, list[float]] = defaultdict(list)
    for path in files:
        out[format_of(path)].append(timed(floor_one, path))
    return out


# ------------------------------------------------------------------------------------- stages


def measure_stages(files: list[Path]) -> dict[str, dict[str, list[float]]]:
    from jixiao.app import evaluate
    from jixiao.policy import load_policy
    from jixiao.readers import read_report
    from jixiao.review import review
    from jixiao.scoring import score_report
    from jixiao.serialize import result_to_dict, to_jsonable

    policy = load_policy()
    for path in {format_of(p): p for p in files}.values():
        fmt, report = read_report(path)  # imports and caches first
        evaluate(report, policy)
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for path in files:
        fmt = format_of(path)
        t0 = time.process_time()
        fmt_read, report = read_report(path)
        t1 = time.process_time()
        card = score_report(report, policy)
        t2 = time.process_time()
        review(report, card, policy)
        t3 = time.process_time()
        result = evaluate(report, policy, str(path), fmt_read)
        t4 = time.process_time()
        json.dumps(to_jsonable(result_to_dict(result)), ensure_ascii=False)
        t5 = time.process_time()
        s = out[fmt]
        s["read"].append(t1 - t0)
        s["score"].append(t2 - t1)
        s["review"].append(t3 - t2)
        s["json"].append(t5 - t4)
    return out


def ms(values: list[float]) -> float:
    return sum(values) / len(values) * 1000 if values else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run")
    ap.add_argument("--stages", type=int, default=300, help="documents for the stage breakdown (0: none)")
    ap.add_argument("--no-floor", action="store_true", help="skip the floor")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    n = len(files)
    by_fmt: dict[str, int] = defaultdict(int)
    for f in files:
        by_fmt[format_of(f)] += 1
    size = sum(f.stat().st_size for f in files)
    print(f"corpus: {args.corpus}  {n} documents, {size / 1e6:.1f} MB  ("
          + ", ".join(f"{k} {by_fmt[k]}" for k in FORMATS if by_fmt[k]) + f")  cpus: {os.cpu_count()}")
    print()
    print("jixiao check DIR --json --quiet --jobs J")
    print(f"{'jobs':>4} {'wall s':>8} {'docs/s':>8} {'CPU ms/doc':>11} {'peak RSS MB':>12} {'peak PSS MB':>12}"
          f" {'1 proc MB':>10} {'procs':>6} {'exit':>5}")
    runs = []
    for jobs in (int(j) for j in args.jobs.split(",") if j):
        r = run_check(args.corpus, jobs, n)
        runs.append(r)
        print(f"{jobs:>4} {r['wall']:>8.1f} {r['per_s']:>8.1f} {r['cpu_ms']:>11.2f} {r['rss_mb']:>12.0f} "
              f"{r['pss_mb']:>12.0f} {r['max_one_mb']:>10.0f} {r['procs']:>6} {r['exit']:>5}", flush=True)
        if r["lines"] != n:
            print(f"     !! {r['lines']} JSON lines for {n} documents")
    floor: dict[str, list[float]] = {}
    if not args.no_floor:
        floor = measure_floor(files)
        all_floor = [t for v in floor.values() for t in v]
        print()
        print("floor: open and walk with the reader's library (CPU ms per document, one process)")
        for k in FORMATS:
            if floor.get(k):
                print(f"  {k:<5} {ms(floor[k]):8.2f}")
        print(f"  all   {ms(all_floor):8.2f}")
        for r in runs:
            if r["jobs"] == 1:
                print(f"  check --jobs 1 CPU per document / floor: {r['cpu_ms'] / ms(all_floor):.2f}×")
    if args.stages:
        step = max(1, n // args.stages)
        sample = files[::step][: args.stages]
        stages = measure_stages(sample)
        print()
        print(f"stages on {len(sample)} documents (CPU ms per document, one process)")
        print(f"  {'format':<6} {'docs':>5} {'read':>8} {'score':>7} {'review':>7} {'json':>7} {'total':>8}"
              f" {'floor':>7} {'total/floor':>12}")
        tot: dict[str, list[float]] = defaultdict(list)
        for k in FORMATS:
            s = stages.get(k)
            if not s:
                continue
            total = ms(s["read"]) + ms(s["score"]) + ms(s["review"]) + ms(s["json"])
            fl = ms([timed(floor_one, p) for p in sample if format_of(p) == k]) if floor else 0.0
            ratio = f"{total / fl:.2f}×" if fl else "—"
            print(f"  {k:<6} {len(s['read']):>5} {ms(s['read']):>8.2f} {ms(s['score']):>7.2f} "
                  f"{ms(s['review']):>7.2f} {ms(s['json']):>7.2f} {total:>8.2f} {fl:>7.2f} {ratio:>12}")
            for key in ("read", "score", "review", "json"):
                tot[key] += s[key]
        total = sum(ms(tot[k]) for k in ("read", "score", "review", "json"))
        print(f"  {'all':<6} {len(tot['read']):>5} {ms(tot['read']):>8.2f} {ms(tot['score']):>7.2f} "
              f"{ms(tot['review']):>7.2f} {ms(tot['json']):>7.2f} {total:>8.2f}")


if __name__ == "__main__":
    main()
