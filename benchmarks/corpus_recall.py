"""How well `check` reads a generated corpus and finds the problems planted in it.

    python benchmarks/make_corpus.py 1000 /tmp/corpus1k --seed 1
    jixiao check /tmp/corpus1k --json --quiet > /tmp/r1k.jsonl
    python benchmarks/corpus_recall.py /tmp/corpus1k /tmp/r1k.jsonl

Prints, per layout, how many documents were read with the indicator count they were generated with,
and, per planted problem (``.manifest.jsonl``), how often the finding code that should report it
was among the document's findings — overall and by layout.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

EXPECTED_CODE = {
    "unmet_no_reason": "I02",
    "copied_actuals": "I01",
    "stated_rate_wrong": "B01",
    "sources_mismatch": "B06",
    "narrative_value": "N01",
    "narrative_all_met": "N02",
}


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    root, results = Path(sys.argv[1]), Path(sys.argv[2])
    manifest = {}
    with (root / ".manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            entry = json.loads(line)
            manifest[entry["file"]] = entry
    got = {}
    with results.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            src = Path(obj["source"])
            key = str(src.relative_to(root)) if src.is_relative_to(root) else str(src)
            got[key] = obj
    read_ok: Counter[str] = Counter()
    read_all: Counter[str] = Counter()
    planted: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    for name, entry in manifest.items():
        layout = entry["layout"].split("/")[0]
        read_all[layout] += 1
        obj = got.get(name)
        if obj is None or "error" in obj:
            errors.append(f"{name}: {obj['error']['message'] if obj else 'no result'}")
            continue
        read_ok[layout] += len(obj["report"]["indicators"]) == entry["indicators"]
        codes = {f["code"] for f in obj.get("findings", [])}
        for problem in entry["planted"]:
            planted[(problem, layout)] += 1
            found[(problem, layout)] += EXPECTED_CODE[problem] in codes
    print(f"{len(manifest)} documents, {len(got)} results, {len(errors)} unreadable")
    for line in errors[:10]:
        print("  unreadable:", line)
    print("\nread with the generated indicator count, by layout")
    for layout in sorted(read_all):
        print(f"  {layout:<26} {read_ok[layout]:>6} / {read_all[layout]:<6} {read_ok[layout] / read_all[layout]:6.1%}")
    print("\nplanted problems found (the expected finding code among the document's findings)")
    for problem, code in EXPECTED_CODE.items():
        total = sum(v for (p, _), v in planted.items() if p == problem)
        hits = sum(v for (p, _), v in found.items() if p == problem)
        if not total:
            continue
        print(f"  {problem:<18} {code}  {hits:>5} / {total:<5} {hits / total:6.1%}")
        for (p, layout), n in sorted(planted.items()):
            if p == problem:
                print(f"      {layout:<26} {found[(p, layout)]:>5} / {n:<5} {found[(p, layout)] / n:6.1%}")


if __name__ == "__main__":
    main()
