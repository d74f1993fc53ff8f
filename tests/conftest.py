from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "seed-report-2023-traffic-police.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
