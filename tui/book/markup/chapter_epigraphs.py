"""Rules atop chapters that close an epigraph or a title block, and so open no scene.

One closes an epigraph fenced by rules atop most chapters; another closes a title block with
its subtitle.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para
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


TITLE_LINE_WORDS = 10  # a subtitle under a title (`Et Eventyr i syv Historier.`), at the longest
MOST_SUBTITLE_LINES = 2


def rules_under_subtitles(book: Book, paras: Sequence[Para]) -> None:
    """A rule between a chapter's title block, its heading and a subtitle line or two of a few
    words (`Snedronningen.` / `Et Eventyr i syv Historier.`), and the heading of its first
    section (`<hr/>` / `<h3>Første Historie…</h3>`) closes the title block as a rule right
    under the heading does: it opens no scene, and the subtitle is no scene of its own. Over
    the story's first paragraph the rule under such a line may part a scene from a short
    opening, unless most chapters set a rule atop their story (the book's divider under the
    heading, or under a line about the music): then it is how the book sets its chapters'
    openings, no break."""
    kinds = book.kinds
    found: list[tuple[int, bool]] = []  # (the rule, a section's heading right under it)
    atop = 0  # chapters with a rule atop their story, under their title lines or not
    for chapter in book.chapters:
        at = chapter.start
        while at < chapter.end and (kinds[at] in (HEADING, NOTE, LABEL) or paras[at].image):
            at += 1
        if at == chapter.start:
            continue
        lines = 0
        while at < chapter.end and kinds[at] == TEXT and lines <= MOST_SUBTITLE_LINES:
            if paras[at].image or len(paras[at].text.split()) > TITLE_LINE_WORDS:
                break
            lines += 1
            at += 1
        if lines <= MOST_SUBTITLE_LINES and at + 1 < chapter.end and kinds[at] == BREAK:
            atop += 1
            if lines:
                found.append((at, paras[at + 1].hint == HEADING))
    habit = atop >= max(MIN_FENCED, (len(book.chapters) + 1) // 2)
    for at, sectioned in found:
        if sectioned or habit:
            kinds[at] = LABEL
