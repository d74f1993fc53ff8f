"""Mutation testing of one core module at a time, with only that module's fast unit tests.

    .venv/bin/python scripts/mutation.py scoring        # or values, claims, review
    .venv/bin/python scripts/mutation.py scoring --summary   # counts from the last run, no new run

mutmut (a dev dependency, ``pip install -e '.[dev]'``) reads ``[tool.mutmut]`` in pyproject.toml;
this wrapper narrows it per module: which files are mutated and which unit tests run against each
mutant (mutmut further runs only the tests that reach the mutated function). The hypothesis property
tests are left out: hundreds of examples per mutant cost minutes each on a shared machine, and a
mutant should be killed by a test that states the rule it breaks. One worker only: the
machine is shared. Results stay in ``mutants/`` (git-ignored); ``--summary`` prints killed /
survived per module from them. See docs/mutation.md.

``review``: every review test runs all the rules, so mutmut maps every rule mutant to every review test
and a surviving mutant costs the whole review suite (6 s on a quiet core, ~20 s on the shared machine).
The run therefore gives a mutant of ``review/budget.py`` only the tests that state B rules
(test_rules_budget, test_rule_b*, test_mut_review_budget, test_review_messages and the false-alarm
files that name a B code); helpers in ``review/base.py`` keep every test. A mutant killed is killed by
a test; a survivor might have died on another family's test, so the review score is a floor.
``--all-tests`` turns this off.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# module -> (files mutated, unit tests that state that module's rules)
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "scoring": (["src/jixiao/scoring.py"], ["tests/unit/test_scoring_*.py"]),
    "values": (["src/jixiao/values.py"], ["tests/unit/test_values_*.py", "tests/unit/test_mut_values_*.py"]),
    "claims": (
        ["src/jixiao/claims.py"],
        ["tests/unit/test_claims_*.py", "tests/unit/test_mut_claims_*.py", "tests/unit/test_rules_narrative.py"],
    ),
    "review": (
        ["src/jixiao/review/*"],
        ["tests/unit/test_rules_*.py", "tests/unit/test_rule_*.py", "tests/unit/test_review_*.py",
         "tests/unit/test_false_alarm_*.py", "tests/unit/test_mut_review_*.py"],
    ),
}


REVIEW_FAMILIES = {"budget": "B", "indicators": "I", "stated": "S", "narrative": "N", "targets": "T",
                   "document": "D"}


def _letters_of(test_file: str) -> set[str]:
    """The rule families a test file names (``"B06"`` → B)."""
    text = (ROOT / test_file).read_text(encoding="utf-8")
    return {m[0] for m in re.findall(r"[\"'\s(]([BDINST]\d\d)\b", text)}


def _family_of(test_file: str) -> str | None:
    """The family whose own test file this is (test_rules_budget, test_rule_b09_…, test_mut_review_budget)."""
    name = Path(test_file).stem
    for family, letter in REVIEW_FAMILIES.items():
        if name in (f"test_rules_{family}", f"test_mut_review_{family}") or name.startswith(
                f"test_rule_{letter.lower()}"):
            return family
    return None


def _states_family(family: str, test_file: str) -> bool:
    """A family's own test files, the message catalogue, and any other file that is no other family's own
    and names one of the family's codes (test_false_alarm_*, test_rules_real_set_checks …)."""
    owner = _family_of(test_file)
    if owner is not None:
        return owner == family
    return Path(test_file).name == "test_review_messages.py" or REVIEW_FAMILIES[family] in _letters_of(test_file)


def _narrow_review_tests() -> None:
    """After mutmut has mapped functions to tests: a rule family's functions keep that family's tests."""
    import mutmut.__main__ as mm

    original = mm.collect_or_load_stats

    def collect(*args: object, **kwargs: object) -> None:
        original(*args, **kwargs)  # type: ignore[arg-type]
        tests_by_fn = mm.state().tests_by_mangled_function_name
        for fn, tests in tests_by_fn.items():
            family = fn.split(".")[2] if fn.startswith("jixiao.review.") else ""
            if family in REVIEW_FAMILIES:
                tests_by_fn[fn] = {t for t in tests if _states_family(family, t.split("::")[0])}

    mm.collect_or_load_stats = collect  # type: ignore[assignment]


def _patch_config(module: str) -> None:
    import mutmut.configuration as conf

    files, tests = MODULES[module]
    expanded = sorted({str(p.relative_to(ROOT)) for pattern in tests for p in ROOT.glob(pattern)
                       if not p.name.endswith("_properties.py")})
    original = conf._load_config

    def load() -> conf.Config:
        cfg = original()
        cfg.only_mutate = files
        cfg.pytest_add_cli_args_test_selection = expanded
        # the catalogue test reads the codes the project adds to the spec from docs/review-rules-additions.md
        cfg.also_copy = [*cfg.also_copy, Path("docs")]
        # test ids with Chinese parameters: pytest escapes them (\\u8fbe) and then cannot select them by
        # the escaped id mutmut hands back; keep them as written
        cfg.pytest_add_cli_args = [*cfg.pytest_add_cli_args, "-p", "tests.mutation_reset", "-o",
                                   "disable_test_id_escaping_and_forfeit_all_rights_to_community_support=true"]
        return cfg

    conf._load_config = load


def summary(module: str | None) -> Counter[tuple[str, str]]:
    out = subprocess.run(
        [str(ROOT / ".venv/bin/mutmut"), "results", "--all", "true"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout
    counts: Counter[tuple[str, str]] = Counter()
    for line in out.splitlines():
        name, _, status = line.strip().partition(": ")
        if not name.startswith("jixiao."):
            continue
        mod = "review" if name.startswith("jixiao.review") else name.split(".")[1]
        if module is None or mod == module:
            counts[(mod, status)] += 1
    return counts


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in MODULES:
        print(f"usage: mutation.py {{{','.join(MODULES)}}} [--summary] [--all-tests] [mutant names]", file=sys.stderr)
        return 2
    module = argv[0]
    if "--summary" not in argv:
        _patch_config(module)
        if module == "review" and "--all-tests" not in argv:
            _narrow_review_tests()
        from mutmut.__main__ import cli

        names = [a for a in argv[1:] if not a.startswith("-")] or [f"jixiao.{module}.*"]
        try:
            cli(["run", "--max-children", "1", *names], standalone_mode=False)
        except SystemExit as exc:  # mutmut exits when done
            if exc.code not in (0, None):
                return int(exc.code) if isinstance(exc.code, int) else 1
    counts = summary(module)
    killed = counts[(module, "killed")] + counts[(module, "timeout")]
    total = sum(n for (m, s), n in counts.items() if m == module and s not in ("not checked", "skipped"))
    for (_, status), n in sorted(counts.items()):
        print(f"{module}\t{status}\t{n}")
    if total:
        print(f"{module}\tscore\t{killed}/{total} = {killed / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
