"""Fuzz the text reader through ``read_report`` on byte-mutated real reports (every text layout and
encoding): the only exception allowed out is ``ReadError``.

The helpers here (byte mutations, the time limit, ``read_or_read_error``) are shared by the other
``test_fuzz_*`` modules. ``JIXIAO_FUZZ_SCALE`` multiplies the number of examples (default 1) for a
longer campaign.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import ReadError
from jixiao.readers import read_report
from tests import text_docs
from tests.conftest import SAMPLE

SCALE = max(1, int(os.environ.get("JIXIAO_FUZZ_SCALE", "1")))
TIME_LIMIT = 30  # seconds for one read; longer is a hang worth reporting


def fuzz_settings(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None, derandomize=SCALE == 1,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def _alarm(signum, frame):
        raise Hang(f"read_report took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


_SCRATCH = Path(tempfile.mkdtemp(prefix="jixiao-fuzz-"))


def read_or_read_error(data: bytes, name: str) -> str:
    """Write ``data`` as ``name`` and read it: the format read, or the ReadError code. Anything else raises."""
    path = _SCRATCH / name
    path.write_bytes(data)
    try:
        with time_limit(TIME_LIMIT):
            fmt, report = read_report(path)
        assert report is not None
        return fmt
    except ReadError as e:
        assert e.message.startswith(name) and "\n" not in e.message, e.message
        return e.code
    finally:
        path.unlink(missing_ok=True)


@st.composite
def mutated(draw: st.DrawFn, data: bytes, max_ops: int = 6) -> bytes:
    """``data`` with a few byte-level edits: flips, overwrites, insertions, deletions, duplications, a cut."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, max_ops))):
        if not buf:
            break
        op = draw(st.sampled_from(("flip", "set", "insert", "delete", "dup", "cut")))
        pos = draw(st.integers(0, len(buf) - 1))
        if op == "flip":
            buf[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            buf[pos] = draw(st.sampled_from((0, 0xFF, 0x7F, 0x0A, 0x3C, 0x3E, 0x22, 0x25, 0x30, 0x39)))
        elif op == "insert":
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del buf[pos:pos + draw(st.integers(1, 64))]
        elif op == "dup":
            n = draw(st.integers(1, 256))
            buf[pos:pos] = buf[pos:pos + n] * draw(st.integers(1, 8))
        else:
            del buf[pos:]
    return bytes(buf)


TEXT_SEEDS: tuple[tuple[str, bytes], ...] = (  # small enough to show in a failure report
    ("sample.txt", SAMPLE.read_bytes()),
    ("rows-tabs-gb.txt", text_docs.ROWS_TABS_GB.encode("gb18030")),
    ("pipes.md", text_docs.PIPES_TRANSFER.encode("utf-8-sig")),
    ("spaces-utf16.txt", text_docs.SPACES_PDF.encode("utf-16")),
    ("cells.txt", text_docs.CELLS_PLAIN.encode("utf-8")),
)


@fuzz_settings(150)
@given(st.data())
def test_mutated_text_reports(data):
    name, seed = data.draw(st.sampled_from(TEXT_SEEDS), label="seed")
    blob = data.draw(mutated(seed), label="bytes")
    assert read_or_read_error(blob, name) in {"text", "empty", "binary", "not_a_report"}


@fuzz_settings(100)
@given(st.data())
def test_text_reports_cut_anywhere(data):
    name, seed = data.draw(st.sampled_from(TEXT_SEEDS), label="seed")
    cut = data.draw(st.integers(0, len(seed)), label="cut")
    read_or_read_error(seed[:cut], name)


@fuzz_settings(60)
@given(st.data())
def test_mutated_check_json(data):
    blob = data.draw(mutated(_check_json(), max_ops=3), label="bytes")
    assert read_or_read_error(blob, "result.json") in {"json", "damaged", "not_a_report", "too_large"}


_JSON_CACHE: list[bytes] = []


def _check_json() -> bytes:
    if not _JSON_CACHE:
        import json

        from jixiao.app import check_file
        from jixiao.policy import load_policy
        from jixiao.serialize import result_to_dict, to_jsonable

        result = check_file(SAMPLE, load_policy())
        _JSON_CACHE.append(json.dumps(to_jsonable(result_to_dict(result)), ensure_ascii=False).encode())
    return _JSON_CACHE[0]
