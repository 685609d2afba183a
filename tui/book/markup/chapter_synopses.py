"""A chapter's synopsis under its heading, read as part of the heading.

The book sets it in a style it keeps for synopses (`<p class="summary">` centred under
`ELSŐ FEJEZET.`); it is part of the chapter's heading, not the opening of its story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.book.markup.para import GAP_TEXT, Para
from tui.book.markup.style_sheets import ClassStyles, paragraph_box
from tui.book.model import Book, ParaKind

TEXT, NOTE = int(ParaKind.TEXT), int(ParaKind.NOTE)
MIN_SYNOPSES = 3  # chapters opening on one, at the least, to read them as the book's habit
# The style is the book's style for synopses when at least this share of the paragraphs set in
# it open chapters: a style for prose (or for letters, verse) sets paragraphs anywhere.
SYNOPSIS_STYLE_SHARE = 2 / 3
LINE_REACH = 2  # paragraphs from the heading to its synopsis (past an empty one or a picture)


def chapter_synopses(book: Book, paras: Sequence[Para], styles: ClassStyles) -> None:
    """Where most headed chapters open, right under their heading, on a paragraph in one
    classed style that sets it apart from the prose (centred, or set in from the sides), and
    the book keeps that style for those openings, each such paragraph is its chapter's synopsis:
    shown as the chapter's note, so that the story (and its first scene) opens under it. A
    chapter's first paragraph of prose set flush (`p.noindent`, a drop cap) is not set apart,
    and a quotation's or a letter's style sets paragraphs all through the book."""
    if not styles:
        return
    headed = [c for c in book.chapters if c.heading is not None]
    most = max(MIN_SYNOPSES, len(headed) // 2 + 1)
    openings = [(c.end, j) for c in headed if (j := _opening(book, paras, c.heading, c.end))]
    counts = Counter(_marks(paras[j]) for _, j in openings)
    if not counts:
        return
    marks, count = counts.most_common(1)[0]
    if not marks or count < most or not _set_apart(marks, styles):
        return
    total = sum(1 for p in paras if p.block is not None and _marks(p) == marks)
    if count < SYNOPSIS_STYLE_SHARE * total:
        return
    kinds = book.kinds
    for end, j in openings:
        if _marks(paras[j]) != marks:
            continue
        k = j
        while k < end and kinds[k] == TEXT and _marks(paras[k]) == marks:
            k += 1
        if kinds.find(TEXT, k, end) >= 0:  # (a chapter that is its synopsis alone keeps it)
            kinds[j:k] = bytes([NOTE]) * (k - j)


def _opening(book: Book, paras: Sequence[Para], heading: int | None, end: int) -> int:
    """The first paragraph of text under a chapter's heading, near it; 0 when there is none."""
    if heading is None:
        return 0
    start = heading + 1
    while start < end and book.kinds[start] == ParaKind.HEADING:
        start += 1
    for j in range(start, min(end, start + LINE_REACH)):
        para = paras[j]
        if para.image or para.text in ("", GAP_TEXT):
            continue
        return j if book.kinds[j] == TEXT else 0
    return 0


def _marks(para: Para) -> str:
    """A paragraph's element and classes (not its id), or "" when it has no class."""
    block = para.block
    if block is None:
        return ""
    classes = " ".join(m for m in block.marks.split() if not m.startswith("#"))
    return f"{block.tag} {classes}" if classes else ""


def _set_apart(marks: str, styles: ClassStyles) -> bool:
    """Whether the classes centre a paragraph or set it in from the sides, as no prose is."""
    classes = marks.split()[1:]
    declared: dict[str, str] = {}
    for name in classes:
        declared.update(styles.get(name, {}))
    if declared.get("text-align") == "center":
        return True
    box = paragraph_box(" ".join(classes), styles)
    return box is not None and box.sides > 0
