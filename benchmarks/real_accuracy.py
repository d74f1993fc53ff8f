"""How accurately this project's `jixiao check` reads the real published documents of the
development set (``../shared/real-reports``), measured by ``../shared/tools/real_accuracy.py``.

    python benchmarks/real_accuracy.py [--verbose] [--json OUT] [--min-read F ...]

Runs the shared scorer with the `jixiao` command installed next to this Python (the project's
virtual environment) and prints its figures: per document, documents read, budget figures right
and indicators right, then the totals. Any option is passed on to the scorer. When ``../shared``
(the folder beside the repository) is absent, says so and exits 0: the measurement needs the
documents, which are not part of the project. The figures are recorded in ``docs/accuracy.md``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("JIXIAO_SHARED", ROOT.parent / "shared"))


def jixiao_command() -> str | None:
    """The `jixiao` script of this interpreter's environment, else the one on PATH."""
    here = Path(sys.executable).parent / "jixiao"
    if here.exists():
        return str(here)
    return shutil.which("jixiao")


def main(argv: list[str]) -> int:
    tool = SHARED / "tools" / "real_accuracy.py"
    cases = SHARED / "real-reports"
    if not tool.is_file() or not (cases / "expected.json").is_file():
        print(f"skipped: {SHARED} (the shared development set and its scorer) is not here; "
              "nothing to measure")
        return 0
    jixiao = jixiao_command()
    if jixiao is None:
        print("skipped: no jixiao command (install the project first: pip install -e .)")
        return 0
    return subprocess.call([sys.executable, str(tool), str(cases), "--jixiao", jixiao, *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
