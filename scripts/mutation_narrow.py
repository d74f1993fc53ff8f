"""Narrow a review mutation run: each rule family's mutants run only the tests that state that family.

    .venv/bin/python scripts/mutation_narrow.py     # after mutmut has collected its stats (mutants/mutmut-stats.json)

Every review test runs all 45 rules, so mutmut maps every rule mutant to every review test and a surviving
mutant costs the whole review suite (6 s on a quiet core, ~20 s on the shared machine). This keeps, for a
mutant of ``review/budget.py``, only the tests whose file states B rules (test_rules_budget, test_rule_b*,
the false-alarm files that name B codes, test_mut_review_budget, test_review_messages …); helpers in
``review/base.py`` keep every test. A mutant killed stays honestly killed; a survivor might have been killed
by another family's test, so the score is a floor. See docs/mutation.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATS = ROOT / "mutants" / "mutmut-stats.json"
FAMILY = {"budget": "B", "indicators": "I", "stated": "S", "narrative": "N", "targets": "T", "document": "D"}


def letters_of(test_file: Path) -> set[str]:
    """The rule families a test file names (``"B06"`` → B)."""
    text = test_file.read_text(encoding="utf-8")
    return {m[0] for m in re.findall(r"[\"'\s(]([BDINST]\d\d)\b", text)}


def keep(family: str, test_file: str) -> bool:
    name = Path(test_file).name
    letter = FAMILY[family]
    if name in (f"test_rules_{family}.py", f"test_mut_review_{family}.py", "test_review_messages.py"):
        return True
    if name.startswith(f"test_rule_{letter.lower()}"):
        return True
    if name.startswith(("test_false_alarm_", "test_rules_reading_gaps", "test_review_unsure")):
        return letter in letters_of(ROOT / test_file)
    return False


def main() -> None:
    stats = json.loads(STATS.read_text(encoding="utf-8"))
    tests_by_fn: dict[str, list[str]] = stats["tests_by_mangled_function_name"]
    for fn, tests in tests_by_fn.items():
        module = fn.split(".")[2] if fn.startswith("jixiao.review.") else ""
        if module in FAMILY:
            tests_by_fn[fn] = [t for t in tests if keep(module, t.split("::")[0])]
    STATS.write_text(json.dumps(stats, indent=2), encoding="utf-8")
    durations = stats["duration_by_test"]
    for family in FAMILY:
        fns = [f for f in tests_by_fn if f.startswith(f"jixiao.review.{family}.")]
        worst = max((sum(durations.get(t, 0) for t in tests_by_fn[f]) for f in fns), default=0)
        print(f"{family}: {len(fns)} functions, at most {worst:.2f} s of tests per mutant")


if __name__ == "__main__":
    main()
