"""Precision and recall of the review over the labelled set (tests/labelled, issue 10).

    .venv/bin/python benchmarks/review_precision.py            # per rule, overall, error-level false alarms
    .venv/bin/python benchmarks/review_precision.py --docs     # also every document's verdict

Precision = true findings / (true findings + false alarms); recall = labelled problems found /
labelled problems. What counts as which is in tests/labelled/evaluate.py. A label whose code starts
with "?" names a check that has no rule yet: it is a miss by construction.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.labelled.evaluate import DocResult, judge_all, totals  # noqa: E402


def _pct(num: int, den: int) -> str:
    return f"{num / den:6.1%}" if den else "     —"


def report(results: list[DocResult], docs: bool = False) -> str:
    t = totals(results)
    lines = [f"labelled documents: {len(results)}   labelled problems: "
             f"{sum(t.found.values()) + sum(t.missed.values())}", ""]
    lines.append(f"{'rule':<8}{'true':>6}{'false':>7}{'precision':>11}{'found':>7}{'missed':>8}{'recall':>9}")
    codes = sorted(set(t.true) | set(t.false) | set(t.found) | set(t.missed))
    for c in codes:
        tp, fp, fd, ms = t.true[c], t.false[c], t.found[c], t.missed[c]
        lines.append(f"{c:<8}{tp:>6}{fp:>7}{_pct(tp, tp + fp):>11}{fd:>7}{ms:>8}{_pct(fd, fd + ms):>9}")
    tp, fp = sum(t.true.values()), sum(t.false.values())
    fd, ms = sum(t.found.values()), sum(t.missed.values())
    lines.append(f"{'overall':<8}{tp:>6}{fp:>7}{_pct(tp, tp + fp):>11}{fd:>7}{ms:>8}{_pct(fd, fd + ms):>9}")
    clean = [r for r in results if r.item.pattern == "clean"]
    noisy = [r.item.name for r in clean if any(f.severity in ("warning", "error") for f in r.findings)]
    lines += ["", f"clean documents with a warning or error: {len(noisy)} of {len(clean)} {noisy or ''}"]
    lines.append(f"error-level false alarms: {len(t.error_false)}")
    lines += [f"  {name}: {f.code} {f.where} {f.message}" for name, f in t.error_false]
    doubled = [(r.item.name, f) for r in results for f in r.doubled_operator]
    lines.append(f"messages printing an operator twice: {len(doubled)}")
    lines += [f"  {name}: {f.code} {f.message}" for name, f in doubled]
    wa = [r for r in results if r.item.weights_assumed is not None]
    wrong = [r.item.name for r in wa if r.weights_assumed is not r.item.weights_assumed]
    lines.append(f"score.weights_assumed as labelled: {len(wa) - len(wrong)} of {len(wa)} {wrong or ''}")
    crashed = [(r.item.name, f.evidence) for r in results for f in r.crashed]
    lines.append(f"rules that raised (X00): {len(crashed)} {crashed or ''}")
    by_pattern: dict[str, list[DocResult]] = {}
    for r in results:
        by_pattern.setdefault(r.item.pattern, []).append(r)
    lines += ["", f"{'pattern':<24}{'docs':>5}{'false alarms':>14}{'missed':>8}"]
    for pattern, rs in sorted(by_pattern.items()):
        lines.append(f"{pattern:<24}{len(rs):>5}{sum(len(r.false) for r in rs):>14}{sum(len(r.missed) for r in rs):>8}")
    if docs:
        lines.append("")
        for r in results:
            verdict = "ok" if not (r.false or r.missed) else "FALSE ALARM" if r.false else "MISSED"
            lines.append(f"{r.item.name} [{r.item.pattern}] {verdict}")
            lines += [f"    false: {f.code}/{f.severity} {f.where} {f.message}" for f in r.false]
            lines += [f"    missed: {code} at {where or 'anywhere'}" for code, where in r.missed]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    print(report(judge_all(), docs="--docs" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
