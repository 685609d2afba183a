"""Where moves land: scenes and chapters, past the author's notes, a percentage, a file's line."""

from __future__ import annotations

import bisect
import math
from typing import Literal

from tui.book.model import Book, ParaKind, Section, scene_top
from tui.book.section_names import headed_name, story_start

LandingKind = Literal["scene", "chapter"]
# How far below the top `past_notes` looks for notes (a heading and a label may come first).
NOTES_NEAR = 4
# Front matter a chapter move skips though it has a heading: a title page's is the book's
# title, a contents page is not read as a chapter is.
NOT_READ_BEFORE = frozenset(
    # A fan work's summary and notes are read on its title page, on the way to chapter 1.
    {"title", "cover", "work_title", "metadata", "work_header", "toc", "summary", "notes"}
)
# End matter a reader goes on to from the last chapter, when it has a heading: the author's
# afterword or notes, not a licence, a colophon or a list of other books.
READ_AFTER = frozenset({"afterword", "end_notes", "notes", "author_note"})


def scene_landings(book: Book) -> list[int]:
    """The paragraph each scene is shown from, in order.

    A chapter's first scene lands on the chapter (its heading and notes); a scene that follows
    an ornament line lands on the ornament, so the break is seen; one opened by a line of its
    own (its title, a part's number) lands on that line.
    """
    landings = set()
    for chapter in book.chapters:
        for scene in chapter.scenes:
            if scene.index == 0:
                landings.add(chapter.start)
                continue
            top = scene_top(book, scene)  # (the line that opens it: its title, its number `II`)
            if top > 0 and book.kinds[top - 1] == ParaKind.BREAK:
                landings.add(top - 1)
            else:
                landings.add(top)
        if not chapter.scenes:
            landings.add(chapter.start)
    return sorted(p for p in landings if 0 <= p < len(book))


def _read_like_chapters(book: Book) -> list[Section]:
    """The front and end matter a chapter move stops at: front matter named by a heading of
    its own (the Etymology and Extracts before Moby-Dick's first chapter), and an afterword or
    notes so named after the last chapter."""
    front = [s for s in book.front_matter if s.kind not in NOT_READ_BEFORE]
    end = [s for s in book.end_matter if s.kind in READ_AFTER]
    return [s for s in (*front, *end) if headed_name(book, s) is not None and _has_words(book, s)]


def _has_words(book: Book, section: Section) -> bool:
    """Whether anything is written under a section's heading: an edition line over an
    ornament (`THE MILLENNIUM FULCRUM EDITION 3.0` / `* * *`) is part of the title page, not a
    place to read."""
    return any(
        any(c.isalnum() for c in book.paragraph(i))
        for i in range(section.start, min(section.end, len(book)))
    )


def chapter_landings(book: Book) -> list[int]:
    """The first paragraph of each chapter, and the heading of each part of the front or end
    matter read as a chapter is (`_read_like_chapters`), in order."""
    starts = {c.start for c in book.chapters}
    starts.update(s.heading for s in _read_like_chapters(book) if s.heading is not None)
    return sorted(p for p in starts if 0 <= p < len(book))


def next_landing(landings: list[int], para: int) -> int | None:
    """The first landing after the scene or chapter holding ``para`` (the paragraph being
    read, `Pager.top_para`)."""
    i = bisect.bisect_right(landings, para)
    return landings[i] if i < len(landings) else None


def prev_landing(landings: list[int], para: int, first_shown: int) -> int | None:
    """The start of the scene or chapter holding ``para`` (the paragraph being read) when that
    start is above the screen, else the one before. ``first_shown`` is the first paragraph
    whose beginning is on screen (`Pager.first_start_shown`)."""
    i = bisect.bisect_right(landings, para) - 1
    if i >= 0 and landings[i] < first_shown:
        return landings[i]
    return landings[i - 1] if i > 0 else None


def landing(
    landings: list[int],
    kind: LandingKind,
    forward: bool,
    para: int,
    first_shown: int,
    count: int = 1,
    *,
    final: bool,
) -> int | str:
    """The paragraph ``count`` scene or chapter moves land on (as far as there are scenes or
    chapters), or why there is none. ``landings``: the book's `scene_landings` or
    `chapter_landings`, as ``kind`` says; ``final``: the whole book is in, not a preview.
    They start from ``para``, the paragraph being read, which is the one the status line
    names (`Pager.top_para`), so that the next chapter is the one after the chapter it shows;
    ``first_shown`` is the first paragraph whose beginning is on screen
    (`Pager.first_start_shown`): a backward move goes to the start of the current scene or
    chapter only when that start is above the screen."""
    target = None
    for _ in range(max(1, count)):
        if forward:
            step = next_landing(landings, para)
        else:
            step = prev_landing(landings, para, first_shown)
        if step is None:
            break
        target = para = first_shown = step
    if target is not None:
        return target
    if not landings:
        return f"This book has no {kind}s" if final else "Still indexing…"
    return f"No {'next' if forward else 'previous'} {kind}"


def past_notes(book: Book, para: int, bottom: int | None = None) -> int | str:
    """The first paragraph after the author's notes on the page whose top is in ``para``
    (``bottom``: the offset past its last row): the first notes shown (a chapter's end notes
    in the lower half of the page), or, with none shown, notes starting within a few
    paragraphs of ``para`` (a chapter heading, then its notes); or why there is none. A
    work's notes that run into a chapter's heading over the chapter's own notes (an AO3
    work's summary, then `Chapter 1` and its `Chapter Notes`, or a chapter's end notes, then
    the next chapter's heading and notes) are passed with them: the story starts past both."""
    notes = (ParaKind.NOTE, ParaKind.FRONT)
    shown = _first_notes_shown(book, para, bottom) if bottom is not None else None
    at = _past_notes_near(book, para if shown is None else shown, notes)
    if at is None:
        return "No author's notes here"
    if at < len(book) and book.kinds[at] == ParaKind.HEADING:
        at = _past_notes_near(book, at, (ParaKind.NOTE,)) or at
    return at if at < len(book) else "The notes run to the end of the book"


def _first_notes_shown(book: Book, para: int, bottom: int) -> int | None:
    """The first paragraph of author's notes from ``para`` that starts above ``bottom`` (the
    page's end), or ``para`` itself when it is one (notes begun above the page); None for
    none on the page."""
    at = para
    while at < len(book) and (at == para or book.starts[at] < bottom):
        if book.kinds[at] in (ParaKind.NOTE, ParaKind.FRONT):
            return at
        at += 1
    return None


def _past_notes_near(book: Book, para: int, notes: tuple[ParaKind, ...]) -> int | None:
    """The first paragraph after the ``notes`` kinds starting within a few paragraphs of
    ``para`` (and the labels among them), or None when none start there."""
    at = para
    while at < min(len(book), para + NOTES_NEAR) and book.kinds[at] not in notes:
        at += 1
    if at >= len(book) or book.kinds[at] not in notes:
        return None
    while at < len(book) and book.kinds[at] in (*notes, ParaKind.LABEL):
        at += 1
    return at


def typed_percent(value: str) -> tuple[float, str] | None:
    """The percentage typed (`37`, `37%`), and what to tell the reader of one past either end
    ("" when nothing); None when ``value`` is not a number."""
    typed = value.strip().rstrip("%").strip()
    try:
        percent = float(typed)
    except ValueError:
        return None
    if percent != percent:  # NaN
        return None
    note = ""
    if percent > 100:
        note = f"{typed}% taken as 100%: the end"
    elif percent < 0:
        note = f"{typed}% taken as 0%: the start"
    return percent, note


def percent_offset(book: Book, value: str) -> tuple[int, str] | None:
    """The offset ``value`` percent of the way into the story, and what to tell the reader ("" when
    nothing): a percentage past either end goes to that end and says so, as a count past the
    last scene goes to the last; None when ``value`` is not a number. `0%` goes to the start of
    the book, where `g` goes, as in less: the header before the story reads 0% too."""
    typed = typed_percent(value)
    if typed is None:
        return None
    percent, note = typed
    if percent <= 0:
        return 0, note
    # Measured as the status line measures it: over the story, not Gutenberg's header before
    # it or the end matter after it.
    start = story_start(book)
    # Rounded up: the place is at least that far in, as the status line rounds down.
    far = math.ceil((book.story_end - start) * max(0.0, min(100.0, percent)) / 100)
    return start + far, note


def line_place(book: Book, line: int) -> tuple[int | None, str] | None:
    """Where line ``line`` of the book's file is (`50G`, as in less and vim): the offset of its
    first character (`line_in_paragraph`), and what to tell the reader ("" when nothing). A
    line past the end gives no offset (go to the end) and says so, as a percentage past it
    does. None when the book has no lines of its own (an EPUB or a web page, whose text
    chapbook made)."""
    last = book.line_count()
    if last is None:
        return None
    if line > last:
        return None, line_past_the_end(line, last)
    para = book.para_of_line(line)
    offset = book.starts[para]
    for _ in range(line - book.lines[para]):  # (the lines of a hard-wrapped paragraph)
        end = book.text.find("\n", offset, book.ends[para])
        if end < 0:  # a line after the paragraph's last: the blank line under it
            return book.starts[para], ""
        offset = end + 1
    return line_in_paragraph(book, offset), ""


def line_in_paragraph(book: Book, offset: int) -> int:
    """Where a move to a line starting at ``offset`` lands: there, when the line is one of a
    paragraph's (the row holding its start then opens the page, as vim and less put line N at
    the top); the start of the paragraph before it for a line between paragraphs (a blank
    line), so that a page never opens on a gap."""
    para = book.para_at(offset)
    if book.starts[para] <= offset < book.ends[para]:
        return offset
    return book.starts[para]


def line_past_the_end(line: int, last: int) -> str:
    """What a move to line ``line`` of a file of ``last`` lines says, having gone to the end."""
    return f"Line {line:,} is past the end ({last:,} lines): went to the end"
