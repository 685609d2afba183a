"""The Book's text from converted paragraphs: offsets, hint kinds, spans, insets, notes, runs."""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.markup.tags import LINE_ONLY_MARKS
from tui.book.model import Book, ParaKind


def text_book(paras: Sequence[Para]) -> Book:
    """Text (paragraphs joined by blank lines), offsets, hint kinds and spans."""
    starts = array("q")
    ends = array("q")
    spans: dict[int, list[tuple[int, int, str]]] = {}
    insets: dict[int, int] = {}
    offset = 0
    for i, para in enumerate(paras):
        starts.append(offset)
        offset += len(para.text)
        ends.append(offset)
        offset += 2
        if para.spans:
            spans[i] = para.spans
        if para.block is not None and (levels := quoted_levels(para.block.context)):
            insets[i] = levels
    insets = _without_container(insets, paras)
    text = "\n\n".join(p.text for p in paras)
    kinds = bytearray(int(p.hint) for p in paras)
    book = Book(text, starts, ends, kinds, array("q", bytes(8 * len(paras))), spans=spans)
    book.insets = insets
    book.notes = {i for i, para in enumerate(paras) if para.block is not None and para.block.note}
    book.typed = {
        i: para.block.typed
        for i, para in enumerate(paras)
        if para.block is not None
        and para.block.typed is not None
        and len(para.block.typed) == para.text.count("\n") + 1
    }
    book.runs_on = {
        i
        for i, (para, after) in enumerate(itertools.pairwise(paras))
        if _same_stanza(para, after) or _same_table(para, after)
    }
    return book


def _without_container(insets: dict[int, int], paras: Sequence[Para]) -> dict[int, int]:
    """The levels of ``insets`` less the blockquotes around all of the text: a forum wraps each
    post in one (`blockquote.messageText`), as some converters wrap a whole book; that holds
    the text, and quotes nothing."""
    texts = [i for i, para in enumerate(paras) if para.hint == ParaKind.TEXT]
    if not texts or len(insets) < len(texts):
        return insets
    around = min(insets.get(i, 0) for i in texts)
    if not around:
        return insets
    return {i: level - around for i, level in insets.items() if level > around}


def _same_table(para: Para, after: Para) -> bool:
    """Whether ``after`` is the next row of the table set in columns ``para`` is a row of."""
    block, next_block = para.block, after.block
    return block is not None and block.runs_on and next_block is not None and bool(next_block.cells)


def _same_stanza(para: Para, after: Para) -> bool:
    """Whether ``after`` is the next line of the stanza ``para`` is a line of: both `<p>`s of
    text in the same verse element, set alike but for a line's indent or id (an attribution
    under the verse, `<p class="source">`, is set apart)."""
    block, next_block = para.block, after.block
    if block is None or next_block is None or not block.verse or block.verse != next_block.verse:
        return False
    if para.hint != ParaKind.TEXT or after.hint != ParaKind.TEXT:
        return False
    if "\n" in para.text or "\n" in after.text:
        return False  # (stanzas set one `<p>` each, their lines divided by `<br>`)
    return (
        LINE_ONLY_MARKS.sub("", block.marks).split()
        == LINE_ONLY_MARKS.sub("", next_block.marks).split()
    )


# Marks of an element that holds a letter quoted in the story (Standard Ebooks' epub:type,
# a class `letter`).
_LETTER_MARKS = frozenset(("letter", "z3998:letter"))


def quoted_levels(context: str) -> int:
    """How many levels in a book sets a paragraph inside ``context`` (a block's ancestors'
    tags and marks): one for each `<blockquote>` around it, and one for a letter that no
    blockquote holds."""
    marks = context.split()
    levels = marks.count("blockquote")
    return levels or int(not _LETTER_MARKS.isdisjoint(marks))
