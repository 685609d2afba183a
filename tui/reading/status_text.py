"""What the reader's status line says: the title, how far in, and a note beside them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tui.book.loader import safe_name
from tui.reading.pager import Pager
from tui.reading.pending import waiting_for
from tui.reading.progress import Progress
from tui.reading.search_state import SearchState
from tui.reading.session import ReadingSession


@dataclass(frozen=True, slots=True)
class StatusText:
    """The status line's parts: the title, how far in (None while that is not known), a note."""

    title: str
    progress: Progress | None
    note: str


def status_text(session: ReadingSession, pager: Pager, known_title: str) -> StatusText | None:
    """What the status line says with ``pager``'s page on screen; None until a book is in.
    While only a preview is in, which knows neither the whole length nor every chapter: the
    title the library knows (``known_title``), and that the book is being indexed."""
    book = session.book
    if book is None:
        return None
    title = book.title or session.path.stem or safe_name(session.path)
    if not session.final:
        return StatusText(known_title or title, None, _waiting_note(session))
    top, bottom = pager.top_offset(), pager.bottom_offset()
    reading = para_named(session, pager)
    progress = session.progress(top, reading, session.story_ended(bottom, pager.at_end))
    return StatusText(title, progress, status_note(session, (top, bottom)))


def para_named(session: ReadingSession, pager: Pager) -> int:
    """The paragraph whose chapter and scene are "this chapter" with ``pager``'s page on
    screen: the one the status line names, `search_chapter` searches, a bookmark or mark set
    here is listed under and the contents select. The paragraph of the match a search just
    landed on, while the page stays there (the match found is in the chapter named), else
    that of `_chapter_on_page`."""
    top, bottom = pager.top_offset(), pager.bottom_offset()
    landed = _match_landed_on(session, top, bottom)
    if landed is not None:
        return landed
    return _chapter_on_page(session, session.para_read(pager.top_para(), bottom), top, bottom)


def _match_landed_on(session: ReadingSession, top: int, bottom: int) -> int | None:
    """The paragraph of the current match, when a search landed on it with the page's top at
    ``top`` and it is on screen (``bottom``: the offset past the last row); None otherwise:
    once the page moves, the page names its chapter again."""
    search, book = session.search, session.book
    match = search.match
    if book is None or match is None or not search.shown or search.landed_top != top:
        return None
    return book.para_at(match.start) if top <= match.start < bottom else None


def _chapter_on_page(session: ReadingSession, reading: int, top: int, bottom: int) -> int:
    """The paragraph the status line names the place of: ``reading``, or the start of a
    chapter that opens on the upper half of the page (the last lines of the contents above
    its heading are not what is being read), or, at the end of the book, the last scene's
    start when it is on the page (a short last chapter or scene never reaches the top). A
    page that begins at a chapter's heading is that chapter's, however short it is and
    whatever follows it on the page."""
    book = session.book
    if book is None:
        return reading
    landings = session.chapter_marks
    k = bisect.bisect_right(landings, reading)
    at_heading = k > 0 and landings[k - 1] == reading
    next_chapter = landings[k] if k < len(landings) else len(book)
    if bottom >= len(book.text):
        scenes = book.chapters[-1].scenes if book.chapters else []
        last = scenes[-1].start if scenes else reading
        if at_heading and last >= next_chapter:
            return reading
        return last if reading < last < len(book) else reading
    middle = top + (bottom - top) // 2
    if not at_heading and k < len(landings) and book.starts[next_chapter] < middle:
        return next_chapter
    return reading


def _waiting_note(session: ReadingSession) -> str:
    """`indexing…`, what waits for the whole book (`next chapter ×2 when read`, `40% when
    read`), and what `status_note` shows of a count or a mark being typed, so that a key that
    seems to do nothing says it will."""
    return " · ".join(
        part for part in ("indexing…", waiting_note(session), status_note(session)) if part
    )


def waiting_note(session: ReadingSession) -> str:
    """What was asked while the book is still read, until it is done (`mark ‘a’ when read`),
    with the keys typed for the contents meanwhile; "" for nothing shown."""
    pending = session.waiting.pending
    what = waiting_for(pending) if pending is not None else ""
    if not what:
        return ""
    keys = " ".join(_shown_key(key, character) for key, character in session.waiting.keys_ahead)
    return f"{what} when read, then {keys}" if keys else f"{what} when read"


def _shown_key(key: str, character: str | None) -> str:
    """A key typed ahead as the status line shows it: its character, or its name."""
    if character is not None and len(character) == 1 and character.isprintable():
        return character if character != " " else "space"
    return key


def status_note(session: ReadingSession, visible: tuple[int, int] | None = None) -> str:
    """What the status line says beside the place: a mark waiting for its letter, visual mode,
    the match, a count (``visible``: the characters on screen, see `match_note`)."""
    selection = session.selection
    visual = ""
    if selection is not None:
        size = selection.last - selection.first + 1
        visual = f"visual: {size} paragraph{'' if size == 1 else 's'}"
    waiting = {"set": "mark: a letter", "goto": "go to mark: a letter"}.get(
        session.mark_pending or "", ""
    )
    parts = (waiting, visual, match_note(session.search, visible), session.count.pending)
    return " · ".join(part for part in parts if part)


def match_note(search: SearchState, visible: tuple[int, int] | None = None) -> str:
    """`match 3/17` for the status line; `match 3/…` while the matches are counted. With the
    ``visible`` characters given and the current match not among them (a jump went
    elsewhere), only how many there are: `17 matches`."""
    match = search.match
    if not search.shown or match is None:
        return ""
    starts = search.match_starts
    if visible is not None and not visible[0] <= match.start < visible[1]:
        if starts is None:
            return "matches …"
        return f"{len(starts)} match{'' if len(starts) == 1 else 'es'}"
    if starts is None:
        before = search.matches_before
        return f"match {before + 1}/…" if before is not None else "match …"
    at = bisect.bisect_left(starts, match.start)
    if at >= len(starts) or starts[at] != match.start:
        return f"match ?/{len(starts)}"
    return f"match {at + 1}/{len(starts)}"
