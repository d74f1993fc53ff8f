"""Run the review over a directory of real documents and list, per document, the findings next to the
problems its ``expected.json`` entry lists, judged with ``review_real_judgement.toml`` (which listed
problems the reader can see, and which findings raise them).

    .venv/bin/python benchmarks/review_real.py /work/shared/real-reports [--jixiao .venv/bin/jixiao]

Runs ``jixiao check FILE --json`` per document, as a user would. Reads nothing into the project. Ends
with a table (per document: listed problems found / not visible / missed) and the summary line
``visible problems found X/Y, error-level false alarms Z``: an error-level finding is a false alarm
unless a listed problem's ``found_by`` or the document's ``true_errors`` names it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

JUDGEMENT = Path(__file__).with_name("review_real_judgement.toml")


def check(jixiao: str, path: Path) -> dict[str, object]:
    out = subprocess.run([jixiao, "check", str(path), "--json"], capture_output=True, text=True, check=False)
    try:
        return json.loads(out.stdout)  # type: ignore[no-any-return]
    except json.JSONDecodeError:
        return {"error": {"message": (out.stderr or out.stdout).strip()[:200]}}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("directory", type=Path)
    ap.add_argument("--jixiao", default=str(Path(sys.executable).with_name("jixiao")))
    args = ap.parse_args(argv)
    expected = {e["file"]: e for e in json.loads((args.directory / "expected.json").read_text("utf-8"))}
    judgement = tomllib.loads(JUDGEMENT.read_text("utf-8"))
    totals = {"documents": 0, "read": 0, "findings": 0, "errors": 0}
    table: list[tuple[str, int, int, int, int]] = []
    visible = found = false_errors = 0
    for name in sorted(expected):
        data = check(args.jixiao, args.directory / name)
        judged = judgement.get(name, {})
        keys = _keys(data)
        totals["documents"] += 1
        print(f"## {name}")
        if "error" in data:
            print(f"  not read: {data['error'].get('message')}")  # type: ignore[union-attr]
        else:
            totals["read"] += 1
            findings = data.get("findings") or []
            report = data.get("report") or {}
            n_ind = len(report.get("indicators") or []) if isinstance(report, dict) else "?"
            print(f"  read: {n_ind} indicators (expected {expected[name].get('indicator_count')})")
            for f in findings:  # type: ignore[union-attr]
                totals["findings"] += 1
                totals["errors"] += f["severity"] == "error"
                caused = f" (caused_by {f['caused_by']['code']})" if f.get("caused_by") else ""
                print(f"  - {f['code']} {f['severity']} {f['where']}{caused}: {f['message']}")
        n_found = n_hidden = n_missed = n_layout = 0
        raisers: set[str] = set(judged.get("true_errors", []))
        for k, p in enumerate(expected[name].get("problems", [])):
            j = (judged.get("problems") or [{}] * (k + 1))[k] if k < len(judged.get("problems", [])) else {}
            if j.get("layout"):
                verdict = "layout (not counted)"
                n_layout += 1
            elif not j.get("visible", False):
                verdict = f"not visible: {j.get('why', 'not judged')}"
                n_hidden += 1
            else:
                need = list(j.get("found_by", []))
                raisers.update(need)
                ok = bool(need) and all(x in keys for x in need)
                verdict = f"{'FOUND' if ok else 'MISSED'} by {', '.join(need)}"
                n_found += ok
                n_missed += not ok
            print(f"  expected: {p}\n      -> {verdict}")
        errors = [f for f in (data.get("findings") or []) if f["severity"] == "error"]  # type: ignore[union-attr]
        wrong = [f for f in errors if f"{f['code']}@{f['where']}" not in raisers]
        for f in wrong:
            print(f"  ERROR-LEVEL FALSE ALARM: {f['code']} {f['where']}")
        false_errors += len(wrong)
        visible += n_found + n_missed
        found += n_found
        table.append((name, n_found, n_hidden, n_missed, n_layout))
        print()
    print(" ".join(f"{k}={v}" for k, v in totals.items()))
    print()
    print(f"{'document':48} found  not-visible  missed  layout")
    for name, a, b, c, d in table:
        print(f"{name:48} {a:5}  {b:11}  {c:6}  {d:6}")
    print()
    print(f"visible problems found {found}/{visible}, error-level false alarms {false_errors}")
    return 0


def _keys(data: dict[str, object]) -> set[str]:
    """"CODE@where" of every finding, and "weights_assumed" when the score says so."""
    keys = {f"{f['code']}@{f['where']}" for f in (data.get("findings") or [])}  # type: ignore[union-attr]
    score = data.get("score")
    if isinstance(score, dict) and score.get("weights_assumed"):
        keys.add("weights_assumed")
    return keys


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
