"""What a heading paragraph shows, on the reader's page and wherever it is quoted.

This is the one place that knows a chapter's heading line stands for its clean title, for the
reader's page and for every snippet, excerpt and preview.

A chapter's title may join two lines of the file: `CHAPTER II` and, under it, `JONATHAN
HARKER’S JOURNAL--_continued_` make `CHAPTER II: JONATHAN HARKER’S JOURNAL--continued`. A
page shows the heading as the book sets it, each line once: the heading line (its alt text,
decoration and emphasis marks dropped: `CHAPTER II`), then the title line under it. Quoted
alone, the heading gives the chapter's whole clean title, as the contents and the status line
do (they join a label and its title with a colon). A heading line whose title goes on in words
the page does not have (a contents list's) shows them under it, as a title line would be
(`CHAPTER V` over `Letters—Lucy and Mina`); a heading of one line that holds its whole title
shows it as the book words it (`CHAPTER 42. The Whiteness of the Whale.`, which the contents
call `CHAPTER 42: The Whiteness of the Whale.`); any other shows the title itself (`Chapter 2:
Into the RPG World` for the file's `Chapter 2 image Into the RPG World image`).
"""

from __future__ import annotations

import re

from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.clean_headings import clean_heading, matter_heading, written_heading
from tui.book.rules.emphasis import plain_title

_HEADING = ParaKind.HEADING
_NOT_WORDS = re.compile(r"[\W_]+")


def _words(text: str) -> str:
    """Only the words, case-folded: a title line compares with a title however punctuated."""
    return " ".join(_NOT_WORDS.sub(" ", plain_title(text)).casefold().split())


def _is_heading(book: Book, para: int | None) -> bool:
    """Whether paragraph ``para`` is in the book and a heading."""
    return para is not None and 0 <= para < len(book) and book.kinds[para] == _HEADING


# Labels (an image's) that may stand between a heading and its title line.
MOST_LABELS_OVER_TITLE = 2


def title_line(book: Book, chapter: Chapter) -> int | None:
    """The heading paragraph under ``chapter``'s heading whose words end its title (the line
    the engine joined to the heading, or one an EPUB sets under an image), or None when the
    heading holds all of it."""
    at = chapter.heading
    if at is None or not _is_heading(book, at):
        return None
    below = at + 1
    labels = range(at + 1, min(chapter.end, at + 1 + MOST_LABELS_OVER_TITLE))
    while below in labels and book.kinds[below] == ParaKind.LABEL:
        below += 1
    if below >= chapter.end or not _is_heading(book, below):
        return None
    line = _words(book.paragraph(below))
    title = _words(chapter.title)
    if line and (title == line or title.endswith(" " + line)):
        return below
    return None


def title_lines(book: Book) -> frozenset[int]:
    """Every chapter's title line (see `title_line`)."""
    found = (title_line(book, chapter) for chapter in book.chapters)
    return frozenset(at for at in found if at is not None)


# Heading lines of a part that may stand over a chapter's own heading (`BOOK I.`, `MISS BROOKE.`).
MOST_PART_LINES = 5


def _under_part_lines(book: Book, chapter: Chapter) -> bool:
    """Whether ``chapter`` starts at the heading lines of the part it opens (`BOOK I.` /
    `MISS BROOKE.` over `CHAPTER I.`, `EPOCH THE SECOND.` / `1715.` over `CHAPTER I.`): its own
    heading comes a few lines below, and the part's lines show as they are."""
    at = chapter.heading
    title = _words(chapter.title)
    own = _words(book.paragraph(at)) if at is not None else ""
    if at is None or not title or not own or title.startswith(own):
        return False
    for below in range(at + 1, min(chapter.end, at + 1 + MOST_PART_LINES)):
        if book.kinds[below] == ParaKind.BREAK:
            continue  # (a rule drawn under the part's title)
        if not _is_heading(book, below):
            return False
        line = _words(book.paragraph(below))
        if line and title.startswith(line):
            return True
    return False


def _heading_shown(book: Book, chapter: Chapter) -> str | None:
    """What the heading paragraph of ``chapter`` shows on a page (None: its own words)."""
    if _under_part_lines(book, chapter):
        return None
    line = plain_title(book.paragraph(chapter.heading or 0))
    own = clean_heading(line)
    # (the page keeps the book's own words: `CHAPTER 42.`, not the title's `CHAPTER 42:`)
    written = written_heading(line)
    if title_line(book, chapter) is not None:
        if own:
            # (its own line as written, `CHAPTER II.`, when that is the same words)
            return written if written and _words(written) == _words(own) else own
    elif own and chapter.title.startswith(f"{own}: "):
        # The title goes on from words not on the page (the contents list's): under the
        # heading's line, as a title line would be.
        return f"{own}\n{chapter.title[len(own) + 2 :]}"
    elif written and _words(written) == _words(chapter.title):
        return written  # a heading of one line holds the whole title, as the book words it
    return chapter.title or None


def _matter_headings(book: Book) -> dict[int, str]:
    """The clean text of each front or end matter heading whose file text is not clean (`image
    Afterword image` shows `Afterword`), by paragraph."""
    lines: dict[int, str] = {}
    for section in (*book.front_matter, *book.end_matter):
        at = section.heading
        if at is not None and 0 <= at < len(book):
            text = book.paragraph(at)
            shown = matter_heading(text)
            if shown and shown != " ".join(text.split()):
                lines[at] = shown
    return lines


def heading_lines(book: Book) -> dict[int, str]:
    """The text each chapter's heading paragraph shows on a page, by paragraph: its clean
    title, only its own line when a title line under it shows the rest, or its own line over
    the rest (two lines) when the page has the rest nowhere; and the clean text of a front or
    end matter heading that needs cleaning."""
    lines = _matter_headings(book)
    for chapter in book.chapters:
        at = chapter.heading
        if at is not None and _is_heading(book, at):
            shown = _heading_shown(book, chapter)
            if shown is not None:
                lines[at] = shown
    return lines


def _chapter_headed(book: Book, para: int) -> Chapter | None:
    """The chapter whose heading is paragraph ``para``, if any."""
    if not _is_heading(book, para):
        return None
    index = book.chapter_at(para)
    chapter = book.chapters[index] if index is not None else None
    return chapter if chapter is not None and chapter.heading == para else None


def paragraph_text(book: Book, para: int) -> str:
    """A paragraph's words as a snippet or an excerpt shows it on its own: a chapter's heading
    gives its chapter's whole clean title, another heading line (a title line, a part's title)
    its words without emphasis marks, and anything else its text, line breaks rejoined."""
    chapter = _chapter_headed(book, para)
    if chapter is not None and chapter.title:
        return chapter.title
    return _own_words(book, para)


def quoted_text(book: Book, para: int) -> str:
    """A paragraph's words as a list quotes them (a finder's excerpt, a bookmark's opening
    words): as `paragraph_text`, without the underscores that mark emphasis (`_29 October._`)."""
    return plain_title(paragraph_text(book, para))


def line_text(book: Book, para: int) -> str:
    """A paragraph's words as a page of the book shows them, among the paragraphs around it (a
    preview, a copied passage): as `paragraph_text`, except that a heading over its title line
    gives only its own line, so that the title is not said twice."""
    chapter = _chapter_headed(book, para)
    if chapter is not None:
        shown = _heading_shown(book, chapter)
        if shown is not None:
            return shown
    return _own_words(book, para)


def _own_words(book: Book, para: int) -> str:
    """The paragraph's own text; a heading line's without its emphasis marks; a front or end
    matter heading's cleaned (`image Afterword image` gives `Afterword`)."""
    text = book.paragraph(para)
    if book.kinds[para] == _HEADING:
        return plain_title(text)
    if any(s.heading == para for s in (*book.front_matter, *book.end_matter)):
        return matter_heading(text) or text
    return text
