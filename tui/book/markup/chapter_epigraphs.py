"""An epigraph fenced by rules atop most chapters: part of the first scene, its rule no break."""

from __future__ import annotations

from tui.book.model import Book, ParaKind

TEXT, HEADING, BREAK = int(ParaKind.TEXT), int(ParaKind.HEADING), int(ParaKind.BREAK)
NOTE, LABEL = int(ParaKind.NOTE), int(ParaKind.LABEL)
MOST_EPIGRAPH_PARAGRAPHS = 3  # an epigraph (a quotation and its source) at the longest
MIN_FENCED = 3  # chapters opening on a fenced epigraph that make it the book's habit


def fenced_epigraphs(book: Book) -> None:
    """Where most chapters open on a paragraph or two between two rules (`<hr/>` / a
    glossary's definition / `<hr/>`) before their story, the rule under it closes the
    epigraph and opens no scene: the story under it is still the chapter's opening, and an
    epigraph does not make a scene of its own. One chapter doing so is not enough: the rule
    may as well close a short opening scene."""
    kinds = book.kinds
    closing: list[int] = []
    for chapter in book.chapters:
        at = chapter.start
        while at < chapter.end and kinds[at] in (HEADING, NOTE, LABEL):
            at += 1
        if at >= chapter.end or kinds[at] != BREAK:
            continue  # (prose and a rule under it: a short first scene, not an epigraph)
        at += 1
        texts = 0
        while at < chapter.end and kinds[at] == TEXT and texts <= MOST_EPIGRAPH_PARAGRAPHS:
            texts += 1
            at += 1
        if (
            0 < texts <= MOST_EPIGRAPH_PARAGRAPHS
            and at < chapter.end
            and kinds[at] == BREAK
            and kinds.find(TEXT, at + 1, chapter.end) >= 0
        ):
            closing.append(at)
    if len(closing) >= max(MIN_FENCED, (len(book.chapters) + 1) // 2):
        for at in closing:
            kinds[at] = LABEL
