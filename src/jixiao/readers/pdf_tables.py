"""Ruled tables of a PDF page, found and read the way pdfplumber's ``lines`` strategy does, faster.

pdfplumber's ``TableFinder`` and ``Table.extract`` give the right answer but cost more than parsing
the page itself: intersections are found by a double loop that re-sorts the horizontal edges for
every vertical one, cells by scanning every later point for each point, and each cell's characters
by testing every character of the page once per row and once per cell. The reader needs both a
first pass and a second one with each table's top and bottom closed (see ``readers/pdf.py``), so
this was most of what reading a PDF cost beyond parsing it.

This module keeps pdfplumber's own pieces where they are cheap (edge filtering, snapping and joining,
``Table`` for rows, ``extract_text`` for the text of a cell) and replaces the three loops with
indexed versions that give the same cells, tables and text: intersections by bisecting the sorted
horizontal edges, cells by looking only at points on the same vertical and horizontal line, tables as
connected components of cells sharing a corner, and characters assigned to cells through the grid of
cell boundaries. ``tests/integration/test_read_pdf_tables_same_as_pdfplumber.py`` compares them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Any

from pdfplumber import utils
from pdfplumber.table import Table, merge_edges
from pdfplumber.utils.text import LIGATURES

# pdfplumber's defaults for the ``lines`` strategy (TableSettings).
SNAP = 3
JOIN = 3
EDGE_MIN_LENGTH = 3
EDGE_MIN_LENGTH_PREFILTER = 1
INTERSECTION = 3
# pdfplumber's defaults for text (WordExtractor).
X_TOLERANCE = 3
Y_TOLERANCE = 3

Point = tuple[float, float]
BBox = tuple[float, float, float, float]


def page_edges(page: Any) -> list[dict[str, Any]]:
    """The page's ruling lines as pdfplumber's ``lines`` strategy has them before finding cells.

    Filtered, snapped and joined (``merge_edges``) but not yet stripped of short edges, so that
    :func:`find_tables` can add closing lines and merge again cheaply: snapping and joining edges
    that are already snapped and joined changes nothing (snapped positions are more than the
    tolerance apart, joined edges more than the tolerance apart), so merging these with extra lines
    gives what merging the raw edges with them gives.
    """
    edges = page.edges
    raw = utils.filter_edges(edges, "v", min_length=EDGE_MIN_LENGTH_PREFILTER) + utils.filter_edges(
        edges, "h", min_length=EDGE_MIN_LENGTH_PREFILTER
    )
    return merge_edges(raw, SNAP, SNAP, JOIN, JOIN) if raw else []


def find_tables(
    page: Any, edges: list[dict[str, Any]], extra_h: list[dict[str, Any]] | None = None
) -> list[Table]:
    """Tables from ``page_edges(page)`` plus horizontal lines ``extra_h``, as ``page.find_tables`` finds them."""
    if extra_h:
        extra = [e for line in extra_h for e in utils.obj_to_edges(line) if e["orientation"] == "h"]
        edges = merge_edges(edges + extra, SNAP, SNAP, JOIN, JOIN)
    edges = utils.filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    cells = _cells(_intersections(edges))
    return [Table(page, group) for group in _group(cells)]


def _intersections(edges: list[dict[str, Any]]) -> dict[Point, tuple[set[BBox], set[BBox]]]:
    """Points where a vertical and a horizontal edge meet (within the tolerance), with the edges."""
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=lambda e: (e["x0"], e["top"]))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (e["top"], e["x0"]))
    h_tops = [h["top"] for h in h_edges]
    points: dict[Point, tuple[set[BBox], set[BBox]]] = {}
    tol = INTERSECTION
    for v in v_edges:
        vx, vbox = v["x0"], (v["x0"], v["top"], v["x1"], v["bottom"])
        # v.top <= h.top + tol and v.bottom >= h.top - tol
        lo = bisect_left(h_tops, v["top"] - tol)
        hi = bisect_right(h_tops, v["bottom"] + tol)
        for h in h_edges[lo:hi]:
            if not (v["top"] <= h["top"] + tol and v["bottom"] >= h["top"] - tol):
                continue  # float edge of the bisected range
            if h["x0"] - tol <= vx <= h["x1"] + tol:
                point = (vx, h["top"])
                found = points.get(point)
                if found is None:
                    found = points[point] = (set(), set())
                found[0].add(vbox)
                found[1].add((h["x0"], h["top"], h["x1"], h["bottom"]))
    return points


def _cells(points: dict[Point, tuple[set[BBox], set[BBox]]]) -> list[BBox]:
    """For each point, the smallest cell it is the top-left corner of (pdfplumber's rule)."""
    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    ordered = sorted(points)
    for x, y in ordered:
        by_x[x].append(y)  # ordered by y, since points are sorted by (x, y)
    for x, y in sorted(points, key=lambda p: (p[1], p[0])):
        by_y[y].append(x)

    def v_connects(a: Point, b: Point) -> bool:
        return not points[a][0].isdisjoint(points[b][0])

    def h_connects(a: Point, b: Point) -> bool:
        return not points[a][1].isdisjoint(points[b][1])

    cells: list[BBox] = []
    for pt in ordered:
        x, y = pt
        col, row = by_x[x], by_y[y]
        below = col[bisect_right(col, y):]
        right = row[bisect_right(row, x):]
        found = None
        for by in below:
            below_pt = (x, by)
            if not v_connects(pt, below_pt):
                continue
            for rx in right:
                right_pt = (rx, y)
                if not h_connects(pt, right_pt):
                    continue
                corner = (rx, by)
                if corner in points and v_connects(corner, right_pt) and h_connects(corner, below_pt):
                    found = (x, y, rx, by)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _group(cells: list[BBox]) -> list[list[BBox]]:
    """Cells sharing a corner, transitively, as tables; top to bottom, then left to right; ≥ 2 cells."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                ri, rj = root(i), root(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[BBox]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[root(i)].append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def extract(table: Table, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """``table.extract()``: the text of each cell of each row (None where a row has no cell).

    A character belongs to the cell holding its centre (left and top edges inclusive, right and
    bottom exclusive), in the page's order; each cell's text is pdfplumber's ``extract_text`` of them.
    """
    rows = table.rows
    boxes = table.cells
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    col_of = {x: k for k, x in enumerate(xs)}
    row_of = {y: k for k, y in enumerate(ys)}
    slot: dict[tuple[int, int], BBox] = {}
    overlapping = False
    for box in boxes:
        c0, c1 = col_of[box[0]], col_of[box[2]]
        r0, r1 = row_of[box[1]], row_of[box[3]]
        for r in range(r0, r1):
            for c in range(c0, c1):
                if slot.setdefault((r, c), box) != box:
                    overlapping = True
    if overlapping:  # boxes overlap: not a grid; pdfplumber's own way
        return table.extract()
    in_box: dict[BBox, list[dict[str, Any]]] = defaultdict(list)
    left, top, right, bottom = xs[0], ys[0], xs[-1], ys[-1]
    for ch in chars:
        h_mid = (ch["x0"] + ch["x1"]) / 2
        v_mid = (ch["top"] + ch["bottom"]) / 2
        if not (left <= h_mid < right and top <= v_mid < bottom):
            continue
        box = slot.get((bisect_right(ys, v_mid) - 1, bisect_right(xs, h_mid) - 1))
        if box is not None:
            in_box[box].append(ch)
    out: list[list[str | None]] = []
    for row in rows:
        arr: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                arr.append(None)
                continue
            cell_chars = in_box.get(tuple(cell))  # type: ignore[arg-type]
            arr.append(cell_text(cell_chars) if cell_chars else "")
        out.append(arr)
    return out


def cell_text(chars: list[dict[str, Any]]) -> str:
    """``pdfplumber.utils.extract_text(chars)`` with the default settings, quicker for one line.

    Most cells hold one line of upright text (every top within the line tolerance); then the words
    are the characters in x order split at blanks and at gaps wider than the tolerance, joined with
    a space, exactly as pdfplumber's ``WordExtractor`` and ``extract_text`` would make them. Anything
    else (several lines, rotated characters) goes to pdfplumber.
    """
    tops = [c["top"] for c in chars]
    if max(tops) - min(tops) > Y_TOLERANCE or not all(c["upright"] for c in chars):
        return str(utils.extract_text(chars))
    words: list[str] = []
    word: list[str] = []
    prev: dict[str, Any] | None = None
    for ch in sorted(chars, key=lambda c: c["x0"]):
        text = ch["text"]
        if text.isspace():
            if word:
                words.append("".join(word))
            word, prev = [], None
            continue
        if not text:  # pdfplumber: "" is "in" its empty punctuation string, so it is a word of its own
            if word:
                words.append("".join(word))
            words.append("")
            word, prev = [], None
            continue
        if prev is not None and (ch["x0"] < prev["x0"] or ch["x0"] > prev["x1"] + X_TOLERANCE):
            words.append("".join(word))
            word = []
        word.append(LIGATURES.get(text, text))
        prev = ch
    if word:
        words.append("".join(word))
    return " ".join(words)
