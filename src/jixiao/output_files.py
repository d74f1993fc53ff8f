"""Writing output files without touching the inputs.

Names do not tell whether two paths are one file: a hard link, a symbolic link or another spelling of
the path lead to the same file. ``overwritten_input`` compares the files themselves (device and
inode) and, for an output that does not exist yet, the resolved paths. ``atomic_output`` gives a
temporary path in the output's folder and renames it onto the output only when it was written
whole: a failure leaves no half-written file, and a symbolic link at the output's path is replaced,
never written through onto whatever it points at.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file (following links); by resolved path when either is missing."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        try:
            return Path(a).resolve() == Path(b).resolve()
        except (OSError, RuntimeError):
            return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def overwritten_input(out: Path, inputs: Iterable[Path | None]) -> Path | None:
    """The first of ``inputs`` that writing ``out`` would destroy, or None."""
    for source in inputs:
        if source is not None and same_file(out, source):
            return source
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary path next to ``out`` to write to; renamed onto ``out`` when the block ends without
    an exception, removed otherwise. The folder is created when missing."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".jixiao-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp made it private; the output is an ordinary file
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


__all__ = ["atomic_output", "overwritten_input", "same_file"]
