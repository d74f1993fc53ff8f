"""Cell values for every workbook jixiao writes (the filled form, the blank forms, the summary).

A spreadsheet program runs what it finds in a formula cell: ``=HYPERLINK("http://…")`` phones home when
clicked, ``=cmd|' /C calc'!A0`` asks to start a program. openpyxl turns any string that starts with
``=`` into a formula, and a string such as ``#REF!`` into an error value. Titles, unit names,
indicator names, deviation reasons and finding codes come from documents and hand-editable results
files, so every string goes through here and is written as text, shown exactly as it was (minus the
control characters a workbook cannot hold, which openpyxl would refuse). The only formulas are those
the tool composes itself, wrapped in ``Formula``.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell


class Formula(str):
    """A formula composed by jixiao itself (never text read from a document): written as a formula."""

    __slots__ = ()


def clean_text(text: str) -> str:
    """``text`` as a workbook can hold it: without the control characters XML forbids, at most
    ``MAX_CELL_CHARS`` characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_CHARS]


def set_value(cell: Any, value: Any) -> None:
    """Put ``value`` in an openpyxl cell: a ``Formula`` as a formula, any other string as text."""
    if isinstance(value, Formula):
        cell.value = str(value) if value.startswith("=") else "=" + value
        return
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        if value and cell.data_type != "s":  # "=…" became a formula, "#REF!" an error value
            cell.data_type = "s"
        return
    cell.value = value


def write_only_cell(ws: Any, value: Any, number_format: str | None = None) -> Any:
    """What to append to a write-only sheet for ``value``: the plain value when openpyxl takes it as
    it is, else a cell that holds it as text (or with ``number_format``)."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and not isinstance(value, Formula):
        value = clean_text(value)
        if not value.startswith("=") and not value.startswith("#"):
            return value
        c = WriteOnlyCell(ws)
        set_value(c, value)
        return c
    if isinstance(value, Formula) or (value is not None and number_format):
        c = WriteOnlyCell(ws)
        set_value(c, value)
        if number_format:
            c.number_format = number_format
        return c
    return value


__all__ = ["MAX_CELL_CHARS", "Formula", "clean_text", "set_value", "write_only_cell"]
