"""A table once read: data set as rows of cells, a page's layout left as its paragraphs.

Where it holds data (rows of short cells), each row is one paragraph of its cells, in columns
where they fit the page; where it lays out a page (a post beside its poster's panel), its
cells' paragraphs stay the page's own.
"""

from __future__ import annotations

from dataclasses import replace

from tui.book.markup.blocks import GAP, TEXT, Block
from tui.book.markup.table_rows import CELL_EDGE, column_widths, row_cells, row_text

# A row of data holds at most this many characters; a longer one is a page's layout (a post,
# a story in a cell), except a play's speech beside its speaker.
ROW_CHARS = 600


def set_table(
    blocks: list[Block], start: int, speakers: dict[int, set[int]], ids: dict[str, int]
) -> None:
    """``blocks[start:]``, a table's, set as the table reads: rows of data one paragraph each
    (see `table_rows`), or the cells' paragraphs as they are. ``speakers``: each row's cells
    that name a speaker; ``ids``: the element ids pointing at blocks, kept pointing at theirs."""
    table = blocks[start:]
    rows: dict[int, list[Block]] = {}
    for block in table:
        if block.row:
            rows.setdefault(block.row, []).append(block)
    data = len(rows) >= 2 and all(
        _holds_data(row, bool(speakers.get(n))) for n, row in rows.items()
    )
    kept: list[Block] = []
    where: list[int] = []  # the new index of each of the table's blocks (or the next one's)
    joined_at: dict[int, int] = {}
    for block in table:
        if data and block.row:
            if block.row not in joined_at:
                joined = _joined_row(rows[block.row], speakers.get(block.row))
                joined_at[block.row] = start + len(kept)
                if joined is not None:
                    kept.append(joined)
            where.append(joined_at[block.row])
            continue
        where.append(start + len(kept))
        if CELL_EDGE not in block.text:
            kept.append(block)
        elif (plain := _without_edges(block)) is not None:
            kept.append(plain)
    for ident, at in ids.items():
        if at >= start:
            ids[ident] = where[at - start] if at - start < len(where) else start + len(kept)
    blocks[start:] = kept
    _in_columns([block for block in kept if block.cells is not None], blocks, start)


def _holds_data(row: list[Block], speaker: bool) -> bool:
    """Whether a row's blocks are a row of data: text only, short (or a speech)."""
    if any(block.kind not in (TEXT, GAP) for block in row):
        return False
    return speaker or sum(len(block.text) for block in row) <= ROW_CHARS


def _joined_row(row: list[Block], speakers: set[int] | None) -> Block | None:
    """A row's paragraphs as one, its cells set apart; None for a row of empty cells."""
    text = ""
    spans: list[tuple[int, int, str]] = []
    for block in row:
        if block.kind != TEXT:
            continue
        if text and not block.text.startswith(CELL_EDGE):
            text += " "  # (two paragraphs of one cell)
        spans += [(s + len(text), e + len(text), k) for s, e, k in block.spans or ()]
        text += block.text
    cells = row_cells(text, spans, frozenset(speakers or ()))
    shown, shown_spans = row_text(cells)
    if not shown:
        return None
    first = next(block for block in row if block.kind == TEXT)
    targets = tuple(target for block in row for target in block.targets)
    return replace(
        first, text=shown, spans=shown_spans or None, tag="tr", cells=cells, targets=targets
    )


def _without_edges(block: Block) -> Block | None:
    """A cell's paragraph with the cells' edges read as spaces, as a page's text; None when
    nothing is left."""
    text = block.text.replace(CELL_EDGE, " ")
    lead = len(text) - len(text.lstrip())
    if not text.strip():
        return None
    spans = [(max(0, s - lead), e - lead, k) for s, e, k in block.spans or () if e > lead]
    return replace(block, text=text.strip(), spans=spans or None)


def _in_columns(rows: list[Block], blocks: list[Block], start: int) -> None:
    """The rows of a table of data set in columns where they fit the page, one under the
    next with no blank line between them."""
    widths = column_widths([row.cells for row in rows if row.cells is not None])
    if widths is None:
        return
    at = {id(block): k for k, block in enumerate(blocks[start:], start)}
    for n, row in enumerate(rows):
        row.runs_on = n + 1 < len(rows) and at[id(rows[n + 1])] == at[id(row)] + 1
        text, spans = row_text(row.cells or [], widths)
        # (an empty first cell: the row is set in as far, its text flush as a line's is)
        lead = len(text) - len(text.lstrip())
        row.text, row.typed = text[lead:], (lead,)
        row.spans = [(s - lead, e - lead, style) for s, e, style in spans] or None
