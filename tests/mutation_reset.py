"""A pytest plugin for mutation runs only (scripts/mutation.py passes ``-p tests.mutation_reset``).

mutmut forks each mutant's test run from a process that has already run the tests once, so the core's
memo caches (lru_cache on parse_value, word lists, patterns; module-level ``*_MEMO`` dicts) are full
of answers the un-mutated code gave: a mutant inside a memoised function would never run and would
"survive". Clearing every jixiao cache before each test makes each mutant's code actually execute.
"""

from __future__ import annotations

import sys
from typing import Any


def _clear(obj: Any) -> None:
    clear = getattr(obj, "cache_clear", None)
    if callable(clear):
        clear()
    for cell in getattr(obj, "__closure__", None) or ():
        inner = getattr(cell.cell_contents, "cache_clear", None) if hasattr(cell, "cell_contents") else None
        if callable(inner):
            inner()


def pytest_runtest_setup(item: Any) -> None:
    for name, module in list(sys.modules.items()):
        if name == "jixiao" or name.startswith("jixiao."):
            for key, obj in list(vars(module).items()):
                _clear(obj)
                if key.endswith("_MEMO") and isinstance(obj, dict):
                    obj.clear()  # hand-made memos (claims._FILLER_MEMO)
