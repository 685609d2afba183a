"""A table's row as one line of the page.

Its cells stand side by side, set apart by a rule (`SEA │ JAM │ COW`), in columns where the
table fits the page; a play's row gives the speaker before the speech
(`Algernon: Did you hear…`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.paths import cells as cell_width

# Where one cell of a row ends and the next begins while the row is read (a character no text
# holds: the private-use area); `row_cells` takes the row apart there.
CELL_EDGE = "\ue01f"
CELL_RULE = " │ "  # how the page sets two cells apart
SPEAKER_RULE = ": "  # ... and a play's speaker from the speech
# A table is set in columns when its widest row, padded, fits this many cells (a narrow
# terminal's text column): wider tables keep their cells apart by the rule alone.
ALIGNED_CELLS = 60
# A cell that names who speaks (`<td epub:type="z3998:persona">`, `class="speaker"`).
SPEAKER_MARKS = re.compile(r"(?:^|[\s:])(?:persona|speaker)(?:$|\s)")

Spans = list[tuple[int, int, str]]


@dataclass(slots=True)
class Cell:
    """One cell of a row: its text, its inline styles (offsets into its text), whether it
    names a speaker."""

    text: str
    spans: Spans
    speaker: bool = False


def row_cells(text: str, spans: Spans, speakers: frozenset[int] = frozenset()) -> list[Cell]:
    """The cells of a row read as one paragraph with ``CELL_EDGE`` between cells, each without
    the spaces at its edges; ``speakers``: the numbers of the cells that name a speaker."""
    cells = []
    at = 0
    for number, piece in enumerate(text.split(CELL_EDGE)):
        lead = len(piece) - len(piece.lstrip())
        words = " ".join(piece.split())
        start, end = at + lead, at + lead + len(piece.strip())
        own = [
            (max(s, start) - start, min(e, end) - start, k)
            for s, e, k in spans
            if min(e, end) > max(s, start)
        ]
        if words != piece.strip():
            own = [(min(s, len(words)), min(e, len(words)), k) for s, e, k in own]
        cells.append(Cell(words, own, number in speakers))
        at += len(piece) + len(CELL_EDGE)
    return cells


def row_text(cells: list[Cell], widths: list[int] | None = None) -> tuple[str, Spans]:
    """A row's cells as one line and its styles: in columns ``widths`` wide (every cell
    kept, an empty one as blank space), or else its cells with text, set apart by the rule,
    a speaker's name in bold before the speech."""
    if widths is None:
        kept = [cell for cell in cells if cell.text]
        # (a play set in a table: the speaker's cell, then the speech)
        speaker = len(kept) == 2 and kept[0].speaker
        rules = [SPEAKER_RULE if speaker else CELL_RULE] * (len(kept) - 1)
        # (a label's cell before its value's: `Words:` `1,000` reads `Words: 1,000`)
        rules = [
            " " if cell.text.endswith(":") else rule
            for cell, rule in zip(kept, rules, strict=False)
        ]
        pads = [0] * len(kept)
    else:
        kept = cells
        rules = [CELL_RULE] * (len(kept) - 1)
        pads = [width - cell_width(cell.text) for width, cell in zip(widths, kept, strict=False)]
    parts: list[str] = []
    spans: Spans = []
    at = 0
    for k, cell in enumerate(kept):
        spans += [(s + at, e + at, style) for s, e, style in cell.spans]
        if cell.speaker and widths is None and cell.text:
            spans.append((at, at + len(cell.text), "bold"))
        parts.append(cell.text)
        at += len(cell.text)
        if k < len(rules):
            filler = " " * pads[k] + rules[k]
            parts.append(filler)
            at += len(filler)
    return "".join(parts).rstrip(), sorted(set(spans))


def column_widths(rows: list[list[Cell]]) -> list[int] | None:
    """The width of each column of a table whose rows have the same number of cells, two or
    more, where the widest row set in those columns fits the page (and no cell names a
    speaker); None otherwise."""
    counts = {len(cells) for cells in rows}
    if len(rows) < 2 or len(counts) != 1 or counts.pop() < 2:
        return None
    if any(cell.speaker for cells in rows for cell in cells):
        return None  # (a play's speeches, however short, are set as speeches)
    widths = [max(cell_width(cells[k].text) for cells in rows) for k in range(len(rows[0]))]
    if sum(widths) + len(CELL_RULE) * (len(widths) - 1) > ALIGNED_CELLS:
        return None
    return widths
