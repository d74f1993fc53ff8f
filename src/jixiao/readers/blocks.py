"""The neutral shape every reader produces: paragraphs and tables, in document order.

A reader (text, docx, xlsx, pdf) only turns its format into a ``Document``; ``assemble`` turns a
``Document`` into the domain ``Report``. A new file format is a new reader; a new table layout is a
change to ``assemble`` and the header synonyms in ``data/headers.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    """Rows of cell texts. Merged cells carry their text in every cell they cover, or "" (both are
    accepted by ``assemble``). Rows may have different lengths."""

    rows: list[list[str]]
    name: str | None = None  # e.g. the sheet name of a workbook
    # rows whose cells the reader moved to fit the header (a space-separated row that lost an empty
    # cell): their figures are read as "realigned", not as written
    realigned: set[int] = field(default_factory=set)


@dataclass
class Document:
    blocks: list[Paragraph | Table] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]
