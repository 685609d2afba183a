"""Numbered headings inside a chapter that divide it into parts.

Heading tags numbered 1, 2, 3 ... (or paragraphs of a number alone) inside a chapter: the
chapters of a tale inside a collection, a talk's numbered points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.contents import part_number
from tui.book.markup.front import is_prose
from tui.book.markup.para import Para, quoted, set_apart
from tui.book.model import Book, ParaKind

TEXT, HEADING = ParaKind.TEXT, ParaKind.HEADING
# A paragraph that is only a part's number: `2`, `II.`.
BARE_NUMBER = re.compile(r"\s*(?:\d{1,2}|[IVXLC]{1,6})\.?\s*")
PART_LINE = re.compile(r"\s*(?i:part)\s+(?:\d{1,2}|[IVXLC]{1,6})\.?\s*")  # `Part 2` alone
PART_LINE_CHARS = 12
# Paragraphs of prose between a chapter's heading and its part 1, at the least, that make them
# an opening of its own, so that part 1 opens a scene as the others do.
OPENING_PROSE = 2


def numbered_parts(book: Book, paras: Sequence[Para]) -> list[int]:
    """Heading tags inside a chapter numbered 1, 2, 3 ... divide it into parts (the chapters of
    a tale inside a collection): where each part after the first begins."""
    out = []
    kinds = book.kinds
    for chapter in book.chapters:
        heads = [
            j
            for j in range(chapter.start, chapter.end)
            if not _in_verse(paras[j])  # (a song's stanzas are numbered, not its chapter)
            and (
                (paras[j].hint == HEADING and kinds[j] != HEADING)
                or (
                    kinds[j] == TEXT
                    and len(paras[j].text) <= PART_LINE_CHARS
                    and (BARE_NUMBER.fullmatch(paras[j].text) or PART_LINE.fullmatch(paras[j].text))
                )
            )
        ]
        numbered = [(j, part_number(paras[j].text.replace("\n", " "))) for j in heads]
        parts = [j for j, n in numbered if n is not None]
        # (paragraphs of a bare number, `1` `2` `3`, count as parts from three on; named as
        # parts, `Part 1` `Part 2`, from two)
        least = (
            2
            if all(paras[j].hint == HEADING or PART_LINE.fullmatch(paras[j].text) for j in parts)
            else 3
        )
        numbers = [n for _, n in numbered if n]
        if len(parts) >= least and numbers == list(range(1, len(parts) + 1)):
            # (part 1 opens a scene too after an opening of the chapter's own, and a heading
            # set as the parts are after the last, `Consigli finali`, closes them)
            opening = sum(1 for j in range(chapter.start, parts[0]) if _own_prose(paras[j]))
            out.extend(parts if opening >= OPENING_PROSE else parts[1:])
            out.extend(j for j in heads if j > parts[-1] and _set_alike(paras[j], paras[parts[-1]]))
        elif numbers == list(range(2, len(parts) + 2)) and all(
            PART_LINE.fullmatch(paras[j].text) and kinds[j - 1] == TEXT for j in parts
        ):
            # `Part 1` went with the chapter's heading, and nothing else parts the rest from
            # the prose before them: they open the parts.
            out.extend(parts)
    return out


def _in_verse(para: Para) -> bool:
    return para.block is not None and para.block.verse > 0


def _set_alike(para: Para, part: Para) -> bool:
    """A heading tag of the same element as a numbered part's heading (both `<h4>`)."""
    return (
        para.hint == HEADING
        and part.hint == HEADING
        and para.block is not None
        and part.block is not None
        and para.block.tag == part.block.tag
    )


def _own_prose(para: Para) -> bool:
    """Prose of the chapter's own, not an epigraph quoted over it (`<blockquote>`, Project
    Gutenberg's `div.blockquot`, a class naming an epigraph) nor set in italics as one."""
    return is_prose(para) and not set_apart(para) and not quoted(para)
