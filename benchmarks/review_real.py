"""Run the review over a directory of real documents and list, per document, the findings next to the
problems its ``expected.json`` entry lists (for the hand judgement in docs/review-quality.md).

    .venv/bin/python benchmarks/review_real.py /work/shared/real-reports [--jixiao .venv/bin/jixiao]

Runs ``jixiao check FILE --json`` per document, as a user would. Reads nothing into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path


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
    totals = {"documents": 0, "read": 0, "findings": 0, "errors": 0}
    for name in sorted(expected):
        data = check(args.jixiao, args.directory / name)
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
        for p in expected[name].get("problems", []):
            print(f"  expected: {p}")
        print()
    print(" ".join(f"{k}={v}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
