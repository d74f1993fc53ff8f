"""Time checking the bundled sample many times in one process; prints the time per document.

    python benchmarks/bench_check_sample.py [N]

Reads the file from disk each time (decode, parse, assemble), scores and reviews it, and serialises
the JSON result: the whole of what `jixiao check --json` does per text document, without process
start-up. Also prints the split between the stages.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from jixiao.app import check_file
from jixiao.policy import load_policy
from jixiao.readers import read_report
from jixiao.review import review
from jixiao.scoring import score_report
from jixiao.serialize import result_to_dict, to_jsonable

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed-report-2023-traffic-police.txt"


def per_doc_ms(fn, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    policy = load_policy()
    check_file(SAMPLE, policy)  # warm caches (word lists, regexes)
    _, report = read_report(SAMPLE)
    card = score_report(report, policy)
    whole = per_doc_ms(lambda: json.dumps(to_jsonable(result_to_dict(check_file(SAMPLE, policy))),
                                          ensure_ascii=False), n)
    read = per_doc_ms(lambda: read_report(SAMPLE), n)
    score = per_doc_ms(lambda: score_report(report, policy), n)
    rev = per_doc_ms(lambda: review(report, card, policy), n)
    print(f"documents: {n} × {SAMPLE.name}")
    print(f"check --json per document: {whole:.3f} ms  ({1000 / whole:.0f} documents/s in one process)")
    print(f"  read (decode + parse + assemble): {read:.3f} ms")
    print(f"  score: {score:.3f} ms")
    print(f"  review: {rev:.3f} ms")


if __name__ == "__main__":
    main()
