"""Who and when on the real published documents of the development set: how often `jixiao check`
reads the unit (填报单位), its supervising department and the fiscal year right, leaves them blank, or
reads them WRONG (a wrong unit puts an invented addressee on the 复核意见书: far worse than none).

    python benchmarks/meta_accuracy.py [FOLDER]    (default: ../shared/real-reports)

For each document of FOLDER/expected.json, runs ``jixiao check --json`` and prints what was read,
what was expected and right | blank | wrong, then the totals; exits 1 when anything is wrong.

- organization: expected's name before any parenthesis ("银川市第六中学 (主管: 银川市教育局)"); a name
  written "A / B" accepts either. Right when, spaces removed, it equals what was read or is contained
  in it ("临沧市永德县明朗中学" for "永德县明朗中学"); blank when nothing was read; anything else is wrong.
- supervisor: only where the expected organization notes "(主管: X)"; right, blank or wrong as above.
- fiscal year (and title / project when expected carries them): equal, blank or wrong.

When the folder (or ``../shared``) is absent, says so and exits 0.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository (beside the main checkout when this runs in a worktree under ../wt/)
SHARED = Path(os.environ.get("JIXIAO_SHARED") or next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared"))
_NOTE = re.compile(r"[（(]\s*主管\s*[:：]\s*([^)）]+)[)）]")


def _squash(text: object) -> str:
    return "".join(str(text).split()) if text is not None else ""


def names(expected: str) -> list[str]:
    """The accepted names of an expected organization: before any parenthesis, split at " / "."""
    head = re.split(r"[（(]", expected, maxsplit=1)[0]
    return [n for n in (_squash(x) for x in head.split("/")) if n]


def supervisor_note(expected: str) -> str | None:
    m = _NOTE.search(expected)
    return _squash(m.group(1)) if m else None


def judge_name(read: object, accepted: list[str]) -> str:
    got = _squash(read)
    if not got:
        return "blank"
    return "right" if any(a == got or a in got for a in accepted) else "wrong"


def judge_equal(read: object, expected: object) -> str:
    if read is None or read == "":
        return "blank"
    return "right" if _squash(read) == _squash(expected) else "wrong"


def jixiao_command() -> str:
    here = Path(sys.executable).parent / "jixiao"
    return str(here) if here.exists() else "jixiao"


def read_report(path: Path) -> dict[str, object]:
    run = subprocess.run([jixiao_command(), "check", "--json", str(path)], capture_output=True, text=True)
    try:
        data = json.loads(run.stdout)
    except json.JSONDecodeError:
        return {}
    report = data.get("report") if isinstance(data, dict) else None
    return report if isinstance(report, dict) else {}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SHARED / "real-reports"
    expected_file = folder / "expected.json"
    if not expected_file.is_file():
        print(f"skipped: {expected_file} is not here (the shared development set is not part of the project)")
        return 0
    cases = json.loads(expected_file.read_text(encoding="utf-8"))
    totals: dict[str, dict[str, int]] = {}

    def tally(field: str, verdict: str) -> str:
        totals.setdefault(field, {"right": 0, "blank": 0, "wrong": 0})[verdict] += 1
        return verdict

    for case in cases:
        report = read_report(folder / case["file"])
        print(f"== {case['file']}")
        if case.get("organization"):
            exp = case["organization"]
            org = report.get("organization")
            print(f"   organization  {org!s:<28} expected {' / '.join(names(exp)):<28} "
                  f"{tally('organization', judge_name(org, names(exp)))}")
            sup_expected = supervisor_note(exp)
            if sup_expected:
                sup = report.get("supervising_department")
                print(f"   supervisor    {sup!s:<28} expected {sup_expected:<28} "
                      f"{tally('supervisor', judge_name(sup, [sup_expected]))}")
        for field, key in (("fiscal_year", "fiscal_year"), ("title", "title"), ("project", "project")):
            if case.get(field) is not None:
                got = report.get(key)
                print(f"   {field:<13} {got!s:<28} expected {case[field]!s:<28} "
                      f"{tally(field, judge_equal(got, case[field]))}")
    print("== totals")
    for field, t in totals.items():
        n = sum(t.values())
        print(f"   {field:<13} right {t['right']}/{n}  blank {t['blank']}  wrong {t['wrong']}")
    return 1 if any(t["wrong"] for t in totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
