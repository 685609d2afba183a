"""Boxes a plain text draws in its characters, read without their frame or kept as drawn.

A box (`+-----+` over lines between bars, a transcriber's note, a card) of one column is read
without its frame; a table of several columns is kept as drawn.
"""

from __future__ import annotations

import re

# A box's top or bottom edge (`+-----+`, `+=====+`), or a table's (`+----+----+`).
_EDGE = re.compile(r"\+[-=]{3,}(?:\+[-=]{3,})*\+")
BAR = "|"


def is_drawn(raw: str) -> bool:
    """Whether the stored paragraph ``raw`` is a drawing of a box or a table: an edge above and
    below, every line between opening and closing with a bar. Its lines are its drawing, never
    wrapped prose to be joined."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    if len(lines) < 3 or not _EDGE.fullmatch(lines[0]) or not _EDGE.fullmatch(lines[-1]):
        return False
    return all(
        _EDGE.fullmatch(line) or (len(line) > 1 and line[0] == BAR and line[-1] == BAR)
        for line in lines[1:-1]
    )


def unframed(raw: str) -> str | None:
    """``raw`` with the frame of the box it draws blanked out, the edges and the bars each side
    made spaces (so every character left keeps its place in the paragraph); None unless it is a
    drawing of one column (see `is_drawn`), whose text is prose or lines set on their own. The
    lines the frame leaves empty (`|      |`) are where the box's text divides."""
    if not is_drawn(raw):
        return None
    lines = raw.split("\n")
    inner = [line.strip() for line in lines if line.strip()][1:-1]
    if any(_EDGE.fullmatch(line) or BAR in line[1:-1] for line in inner):
        return None  # (a table: rows and columns drawn inside it)
    out = []
    for line in lines:
        body = line.strip()
        if _EDGE.fullmatch(body):
            out.append(" " * len(line))
        elif body:
            first, last = line.index(BAR), line.rindex(BAR)
            out.append(f"{line[:first]} {line[first + 1 : last]} {line[last + 1 :]}")
        else:
            out.append(line)
    return "\n".join(out)
