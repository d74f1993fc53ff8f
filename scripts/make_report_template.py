"""Build the default Word template ``src/jixiao/templates/report.docx``.

Run after changing the house styles in ``jixiao.writers.report_docx.apply_house_styles``:

    python scripts/make_report_template.py [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from jixiao.writers.report_docx import make_template

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "jixiao" / "templates" / "report.docx"


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    make_template(out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
