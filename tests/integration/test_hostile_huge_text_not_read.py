"""A 200 MB text file is refused by its size, without being opened."""

from __future__ import annotations

import builtins
import io
import os

import pytest

from jixiao.model import ReadError
from jixiao.readers import read_report


def test_refused_by_size_without_opening(tmp_path, monkeypatch):
    big = tmp_path / "巨大.txt"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no disk used, nothing written
    real_open = io.open

    def no_open(file, *args, **kwargs):
        if isinstance(file, str | os.PathLike) and os.fspath(file) == os.fspath(big):
            raise AssertionError("the huge file was opened")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", no_open)
    monkeypatch.setattr(builtins, "open", no_open)
    try:
        with pytest.raises(ReadError) as e:
            read_report(big)
        assert e.value.code == "too_large"
        assert e.value.message.startswith("巨大.txt：") and "200 MB" in e.value.message
    finally:
        big.unlink()
