from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "seed-report-2023-traffic-police.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The web application's process cache starts empty in every test (the sign-in failure counters
    are in the database now, which every test starts afresh; the cache holds rendered fragments)."""
    import sys

    if "django.core.cache" in sys.modules:
        from django.core.cache import cache

        cache.clear()
    yield
