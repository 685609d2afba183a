"""A part's own page in the contents, read as the part's heading, not a chapter.

The page (`PARTE PRIMA`, its subtitle and a line or two of blurb, or a titled part's epigraph)
is listed in the contents over the chapters nested under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para, quoted
from tui.book.markup.segments import CHAPTER, Segment
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading

PART_PAGE_LINES = 4  # paragraphs on a part's page, at the most (a subtitle, a blurb, a picture)
BLURB_WORDS = 40  # words in each, at the most: a blurb, not a chapter's prose


def part_pages(segments: Sequence[Segment], paras: Sequence[Para]) -> None:
    """Set the lines of each part's page as its heading, so the part opens the chapter after
    it: the page is listed with the next chapters nested under it, and holds a few short
    lines only under a part's label (`PARTE SECONDA`, `Part Two`), or under any title an
    epigraph only (a quotation and its source, however long)."""
    for k in range(len(segments) - 1):
        segment, after = segments[k], segments[k + 1]
        if segment.role != CHAPTER or after.role != CHAPTER or after.depth <= segment.depth:
            continue
        texts = [i for i in range(segment.start, after.start) if paras[i].hint == ParaKind.TEXT]
        if not texts or len(texts) > PART_PAGE_LINES:
            continue
        if not all(quoted(paras[i]) for i in texts):
            found = match_heading(segment.title.strip())
            if found is None or found.kind != "part" or found.title:
                continue
            if any(_prose(paras[i]) for i in texts):
                continue
        for i in texts:
            paras[i].hint = ParaKind.HEADING


def _prose(para: Para) -> bool:
    """Longer than a blurb, and no picture's caption (`[image: …]` and the quote under it)."""
    pictured = para.image or (para.block is not None and bool(para.block.images))
    return not pictured and len(para.text.split()) > BLURB_WORDS
