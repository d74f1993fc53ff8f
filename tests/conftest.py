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
    """The web application's cache (the sign-in failure counters) starts empty in every test: failed
    sign-ins in one test must not lock the test client's address out in the next."""
    import sys

    if "django.core.cache" in sys.modules:
        from django.core.cache import cache

        cache.clear()
    yield
