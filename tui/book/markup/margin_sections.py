"""Sections a book opens by paragraph style alone, weighed over the whole book.

In a book whose prose is indented, such a section opens with an unindented paragraph with a
line's space above it, after ordinary prose, where the book does so again and again.

Publishers exporting from a word processor or InDesign often mark a new section of a chapter
with no rule and no ornament, only a paragraph style: no first-line indent and some space above
(`p.text-noindent--12-0 { text-indent: 0; margin-top: 12pt }`), where every other paragraph is
indented and set close. A reader sees the gap and the flush first line and takes a new section.
The same styles also resume the prose after a letter, a poster or a song set in from the
margins; there the gap only ends the inset, and the scene goes on. So the rule is weighed over
the whole book: the style opens sections only when the book uses it after ordinary prose (an
indented paragraph, not set in from the sides) several times.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.markup.style_sheets import Box, ClassStyles, paragraph_box
from tui.book.model import Book, ParaKind

LINE_SPACE_EMS = 0.75  # space above a paragraph (12pt in a 12pt book: 1em) that reads as a gap
MARGIN_HABIT = 3  # sections opened so before the style is taken as the book's section opening
SET_APART = frozenset(("center", "right", "end"))  # alignments of a heading, a card, a signature


def margin_section_starts(book: Book, paras: Sequence[Para], styles: ClassStyles) -> list[int]:
    """The paragraphs that open a section by their style alone (see the module's docstring);
    and, after such a section of one paragraph whose style spaces it below as well as above,
    the paragraph the gap under it opens."""
    if not styles:
        return []
    boxes: dict[str, Box | None] = {}

    def box(k: int) -> Box | None:
        para = paras[k]
        block = para.block
        if para.hint != ParaKind.TEXT or para.image or block is None or block.tag != "p":
            return None
        if block.verse or "blockquote" in block.context.split():
            return None
        if block.marks not in boxes:
            boxes[block.marks] = paragraph_box(block.marks, styles)
        return boxes[block.marks]

    usual = Counter(p.block.marks for p in paras if p.hint == ParaKind.TEXT and p.block)
    if not usual:
        return []
    prose = paragraph_box(usual.most_common(1)[0][0], styles)
    if prose is None or prose.indent <= 0 or prose.top >= LINE_SPACE_EMS:
        return []  # (a book that spaces or sets flush all its paragraphs marks nothing so)
    found: list[int] = []
    for chapter in book.chapters:
        for k in range(chapter.start + 1, chapter.end):
            here = box(k)
            if here is None or not _opens_section(here):
                continue
            before = box(k - 1)
            if before is not None and _ordinary(before):
                found.append(k)
    if len(found) < MARGIN_HABIT:
        return []
    out = list(found)
    for k in found:
        here, after = box(k), box(k + 1) if k + 1 < len(paras) else None
        if here is None or after is None or here.bottom < LINE_SPACE_EMS:
            continue
        if book.kinds[k + 1] == ParaKind.TEXT and after.sides == 0 and after.top < LINE_SPACE_EMS:
            out.append(k + 1)  # (a section of one paragraph, set off above and below)
    return sorted(out)


def _opens_section(box: Box) -> bool:
    """Set flush with a line's space above it, at the text's full width."""
    return (
        box.indent == 0
        and box.top >= LINE_SPACE_EMS
        and box.sides == 0
        and box.align not in SET_APART
    )


def _ordinary(box: Box) -> bool:
    """A paragraph of running prose: indented, at the text's full width."""
    return box.indent > 0 and box.sides == 0 and box.align not in SET_APART
