"""Split a run of digits that lost its separators ("194.9194.9100%") into the numbers it was.

Pure. A run is cut into ``k`` pieces, each a well-formed number as forms write them (no leading
zero unless the piece is 0 or 0.x, at most one decimal point, a percent sign only at a piece's
end and every percent sign of the run ending a piece). The caller's ``accept`` says which readings
the form's arithmetic allows; a run is split only when exactly one reading is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

_PIECE = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?%?")
_RUN = re.compile(r"[0-9.%]+")
MAX_RUN = 40  # longer runs are not a row of a form: never enumerated
MAX_READINGS = 2000


def is_piece(text: str) -> bool:
    """A well-formed number as a form cell writes it."""
    return _PIECE.fullmatch(text) is not None


def value_of(piece: str) -> Decimal:
    return Decimal(piece.rstrip("%"))


def _cuts(run: str, k: int, start: int = 0) -> Iterator[list[str]]:
    if k == 1:
        rest = run[start:]
        if is_piece(rest):
            yield [rest]
        return
    for end in range(start + 1, len(run) - k + 2):
        piece = run[start:end]
        if not is_piece(piece):
            if "%" in piece:
                return  # a percent sign must end a piece: no longer piece can be well formed
            continue
        if end < len(run) and run[end] == "%":
            continue  # the piece must take the percent sign that follows it
        for tail in _cuts(run, k - 1, end):
            yield [piece, *tail]


def readings(run: str, k: int) -> list[list[str]]:
    """Every way to cut ``run`` into ``k`` well-formed numbers (at most MAX_READINGS)."""
    if k < 1 or not run or len(run) > MAX_RUN or _RUN.fullmatch(run) is None:
        return []
    out: list[list[str]] = []
    for r in _cuts(run, k):
        out.append(r)
        if len(out) >= MAX_READINGS:
            break
    return out


def split_run(run: str, k: int, accept: Callable[[list[str]], bool] | None = None) -> list[str] | None:
    """The one reading of ``run`` as ``k`` numbers that ``accept`` allows; None when there is no such
    reading or more than one. Never raises on any input."""
    try:
        found = [r for r in readings(run, k) if accept is None or accept(r)]
    except (InvalidOperation, ArithmeticError, ValueError):
        return None
    return found[0] if len(found) == 1 else None


def rate_tolerance(text: str) -> Decimal:
    """One unit of the last digit a stated rate shows: "99%" → 1, "89.7%" → 0.1, "100.00%" → 0.01."""
    digits = text.rstrip("%").strip()
    _, _, frac = digits.partition(".")
    return Decimal(1).scaleb(-len(frac))


def rate_fits(annual: Decimal | None, executed: Decimal | None, rate_text: str) -> bool | None:
    """Whether a stated rate agrees with executed ÷ annual (None when it cannot be checked)."""
    if annual is None or executed is None or not rate_text:
        return None
    try:
        rate = value_of(rate_text.strip())
    except (InvalidOperation, ValueError):
        return None
    if "%" not in rate_text and rate <= 1:
        rate = rate * 100
    if annual == 0:
        return (executed == 0 and rate == 0) or None
    if executed > 0 and rate == 0:
        return False
    computed = executed / annual * 100
    return abs(computed - rate) <= rate_tolerance(rate_text) + Decimal("0.001")


__all__ = ["is_piece", "rate_fits", "rate_tolerance", "readings", "split_run", "value_of"]
