"""A notice a book repeats word for word at the top of its chapters, and the gaps around it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.model import Book, ParaKind

TOP_PARAGRAPHS = 8  # a chapter's top, where a notice repeated over the chapters stands
MIN_NOTICE_CHARS = 40  # a sentence at least: not a rule, a label or a picture's mark
MIN_CHAPTERS = 3  # chapters opening with the same paragraph that make it the book's notice
CHAPTER_SHARE = 3  # ... and at least one in this many of the book's chapters


def gaps_after_notices(book: Book, paras: Sequence[Para]) -> None:
    """A paragraph of some length found word for word near the top of many chapters (a
    publisher's `Read it on …` line, a disclaimer), once in each and nowhere in their stories,
    is the book's notice, not the story: an empty paragraph beside it sets the notice apart
    and opens no scene. Decided over the whole book: the same paragraph atop three chapters or
    more, and a third of them."""
    kinds = book.kinds
    tops = [range(c.start, min(c.end, c.start + TOP_PARAGRAPHS)) for c in book.chapters]
    told: Counter[str] = Counter()  # every paragraph of the chapters, and how often
    for chapter in book.chapters:
        told.update(
            _text(paras[i])
            for i in range(chapter.start, chapter.end)
            if kinds[i] == ParaKind.TEXT and len(paras[i].text) >= MIN_NOTICE_CHARS
        )
    atop: Counter[str] = Counter()  # ... and of those, the tops they stand in
    for top in tops:
        atop.update({_text(paras[i]) for i in top if kinds[i] == ParaKind.TEXT})
    least = max(MIN_CHAPTERS, -(-len(book.chapters) // CHAPTER_SHARE))
    # (a paragraph also told in a story, or twice at one top, is the story's own)
    notices = {text for text, n in atop.items() if n >= least and told[text] == n}
    # (and where the same paragraphs follow it, the same passage is told again)
    notices = {
        text for text in notices if 2 * len(_followers(book, paras, tops, text)) > atop[text]
    }
    if not notices:
        return
    for top in tops:
        for i in top:
            if kinds[i] != ParaKind.TEXT or _text(paras[i]) not in notices:
                continue
            for j in (i - 1, i + 1):  # (the gaps on either side set the notice apart)
                if 0 <= j < len(kinds) and kinds[j] == ParaKind.BREAK and paras[j].from_gap:
                    kinds[j] = ParaKind.LABEL


def _followers(book: Book, paras: Sequence[Para], tops: Sequence[range], notice: str) -> set[str]:
    """The paragraphs of text that follow the notice, one for each chapter it opens."""
    kinds = book.kinds
    out = set()
    for top in tops:
        for i in top:
            if kinds[i] == ParaKind.TEXT and _text(paras[i]) == notice:
                after = kinds.find(ParaKind.TEXT, i + 1, top.stop + TOP_PARAGRAPHS)
                out.add(_text(paras[after]) if after >= 0 else "")
    return out


def _text(para: Para) -> str:
    return " ".join(para.text.split())
