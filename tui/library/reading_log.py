"""The reading side of the library: places, bookmarks, statistics, chapters read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tui.book.anchor import Anchor, Bookmark
from tui.book.model import Book
from tui.library.records import BookRecord
from tui.library.same_work import paragraph_sample
from tui.library.scan import FileFacts
from tui.library.store.details import SESSION_GAP, Details, DetailStore, Session


def first_new_chapter(
    titles: list[str],
    read_titles: list[str],
    read_count: int,
    starts: list[int] | None = None,
    place: int = -1,
) -> int:
    """Index of the first chapter added since the book was read; ``len(titles)`` when none is.

    By count, corrected by titles when they tell chapters apart: a chapter inserted earlier (an
    author's note posted as a chapter) or one taken down shifts where the new ones start, and a
    chapter whose title was read before (in the file before it was cut short and made whole
    again) is not new. A chapter that starts at or before the reader's ``place`` (``starts``:
    where each chapter starts) was read there, whatever its title.
    """
    count = len(titles)
    first = min(max(read_count, 0), count)
    # Only a title that one chapter has tells it apart (untitled chapters share theirs).
    telling = {title for title in titles if title and titles.count(title) == 1}
    read = set(read_titles) & telling
    if read:
        while first < count and titles[first] in read:
            first += 1
        while first > 0 and titles[first - 1] in telling and titles[first - 1] not in read:
            first -= 1
    if starts is not None and place >= 0:
        while first < count and starts[first] <= place:
            first += 1
    return first


def every_title_read(now: list[str], before: list[str]) -> list[str]:
    """The chapter titles of the book as read now, then those read before that it no longer
    has (a file cut short while it was read): once back, they are not new."""
    return list(now) + [title for title in before if title not in set(now)]


class ReadingLog:
    """What a reader leaves behind, per book: the detail files and the sessions going on.

    It changes the records it is given (their place and chapter counts); the `Library` that
    owns it holds its lock around every call and saves the records.
    """

    def __init__(self, data_dir: Path, clock: Callable[[], float]) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self._details = DetailStore(data_dir)
        self._sessions: dict[str, Session] = {}  # the reading session going on, per book

    # -- detail files -------------------------------------------------------------------------
    def details(self, book_id: str) -> Details:
        """Bookmarks, sessions and chapter titles of one book (read from disk once)."""
        return self._details.get(book_id)

    def take_in(self, book_id: str) -> bool:
        """Another process's saved changes to the book's details, merged in (`DetailStore`)."""
        return self._details.take_in(book_id)

    def touch(self, book_id: str) -> None:
        """The book's details changed: the next save writes them."""
        self._details.dirty.add(book_id)

    @property
    def dirty(self) -> bool:
        return bool(self._details.dirty)

    def take_notices(self) -> list[str]:
        notices, self._details.notices = self._details.notices, []
        return notices

    def forget(self, book_id: str) -> None:
        """The book was removed: its session ends, its detail files go (hold the file lock)."""
        self._sessions.pop(book_id, None)
        self._details.forget(book_id)

    def put_back(self, book_id: str, details: Details) -> None:
        """A removed book is back: its details as they were, written with the next save."""
        self._details.loaded[book_id] = details
        self.touch(book_id)

    def end_session(self, book_id: str) -> None:
        self._sessions.pop(book_id, None)

    def put_away(self, book_id: str) -> None:
        """The book left the screen: the time until it is taken up again is not reading."""
        session = self._sessions.get(book_id)
        if session is not None and session.away is None:
            self._sessions[book_id] = replace(session, away=self.clock())

    def take_up(self, book_id: str) -> None:
        """The book is on screen again: its session goes on from now, as if the time away
        had not passed; or, away longer than a session's gap, the next change starts one."""
        session = self._sessions.get(book_id)
        if session is None or session.away is None:
            return
        now = self.clock()
        if now - session.away > SESSION_GAP:
            self._sessions.pop(book_id)
            return
        shifted = session.last + max(0.0, now - session.away)
        self._sessions[book_id] = replace(session, last=shifted, away=None)

    def save(self) -> None:
        """Write the changed detail files (hold the file lock)."""
        self._details.save()

    # -- place and statistics ----------------------------------------------------------------
    def record_place(
        self,
        record: BookRecord,
        anchor: Anchor,
        *,
        at_end: bool,
        moved: bool = True,
        glanced: bool = False,
        new_read: bool = True,
        reached_at: float | None = None,
        place: tuple[str, int] = ("", 0),
    ) -> None:
        """The reader's place in ``record``; ``at_end``: the end of the book is on screen;
        ``moved``: the reader moved from where the book opened; ``glanced``: a glance at the
        end went there (the book is not finished by it); ``new_read``: False while the new
        chapters at the place were only glimpsed by a jump there (they are still to read);
        ``reached_at``: when the reader moved there by reading (None: the place is saved
        again, and keeps the time it was read to); ``place``: the title and number of the
        chapter holding it (`record.place_title`)."""
        details = self.details(record.id)
        record.reached_at = record.reached_at if reached_at is None else reached_at
        self._sessions[record.id] = details.count(self._sessions.get(record.id), anchor)
        self.touch(record.id)
        # Moved from where it first opened, in this reader or one before (a first place: as
        # this reader says).
        record.started = moved or (record.started and record.offset >= 0)
        record.offset, record.fingerprint = anchor.offset, anchor.fingerprint
        record.within, record.sketch = anchor.within, anchor.sketch
        record.last_read = anchor.saved_at
        record.ended = at_end
        record.glanced = glanced
        record.place_title, record.place_chapter = place
        # The new chapters are read once the place is in them, or the end of the book is on
        # screen (a new chapter shorter than a screen never reaches the top of the screen).
        # A place near the end but before them, saved by a reader that never showed them (the
        # file written again under it), leaves them to read.
        if record.read_chapters < 0 or (
            record.updated
            and new_read
            and (anchor.offset >= record.new_offset or (at_end and not glanced))
        ):
            self.catch_up(record)

    # -- bookmarks ----------------------------------------------------------------------------
    def bookmarks(self, book_id: str) -> list[Bookmark]:
        return list(self.details(book_id).bookmarks)

    def has_bookmarks(self, book_id: str) -> bool:
        return bool(self.details(book_id).bookmarks)

    def known_fingerprints(self, record: BookRecord) -> list[str]:
        """What is remembered of the book's text: its sample, its place, its bookmarks."""
        details = self.details(record.id)
        place = [record.fingerprint] if record.fingerprint else []
        return details.sample + place + [b.anchor.fingerprint for b in details.bookmarks]

    def keep_sample(self, record: BookRecord, sample: list[str]) -> None:
        """A sample of the book's file as it is now, taken without opening it (a book never
        read), to know its story again in another file (`redownloads`)."""
        details = self.details(record.id)
        if sample and not details.sample:
            details.sample = sample
            self.touch(record.id)

    def add_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        details = self.details(book_id)
        details.bookmarks.append(bookmark)
        details.bookmarks.sort(key=lambda b: b.anchor.offset)
        self.touch(book_id)

    def jumps(self, book_id: str) -> list[Anchor]:
        return list(self.details(book_id).jumps)

    def keep_jumps(self, book_id: str, jumps: list[Anchor], now: float) -> None:
        details = self.details(book_id)
        if [a.offset for a in jumps] != [a.offset for a in details.jumps]:
            details.jumps, details.jumps_at = list(jumps), now
            self.touch(book_id)

    def remove_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        details = self.details(book_id)
        details.bookmarks = [b for b in details.bookmarks if b != bookmark]
        details.removed_marks.add(bookmark.created)
        self.touch(book_id)

    # -- chapters read and new chapters -------------------------------------------------------
    def note_new_chapters(self, record: BookRecord, facts: FileFacts) -> None:
        """The file of a book already read changed: count the chapters added since."""
        details = self.details(record.id)
        details.pending_titles = list(facts.chapter_titles)
        self.touch(record.id)
        titles, starts = facts.chapter_titles, facts.chapter_offsets
        first = len(titles)
        if facts.chapters > record.read_chapters and starts and len(starts) == len(titles):
            place = record.offset + record.within if record.offset >= 0 else -1
            first = first_new_chapter(
                titles, details.read_titles, record.read_chapters, starts, place
            )
        if first >= len(titles):
            record.new_chapters, record.new_title, record.new_offset = 0, "", -1
            return
        record.ended = False  # the end reached is no longer the story's: chapters follow it
        record.new_chapters = len(titles) - first
        record.new_title = titles[first]
        record.new_offset = starts[first]

    def catch_up(self, record: BookRecord) -> None:
        """The reader has reached the new chapters (or opened the book for the first time)."""
        details = self.details(record.id)
        if details.pending_titles:
            details.read_titles = every_title_read(details.pending_titles, details.read_titles)
            details.pending_titles = []
            details.titles_at = self.clock()
            self.touch(record.id)
        record.read_chapters = record.chapters
        record.new_chapters, record.new_title, record.new_offset = 0, "", -1
        record.changed = self.clock()

    def opened(self, record: BookRecord, book: Book) -> None:
        """The reader opened the book with a fresh parse: remember its chapters as read, and
        a sample of its paragraphs to know it again (`same_work`)."""
        chapter_titles = [chapter.title for chapter in book.chapters]
        details = self.details(record.id)
        details.sample = paragraph_sample(book)
        if record.updated:
            details.pending_titles = list(chapter_titles)
        else:
            details.read_titles = every_title_read(chapter_titles, details.read_titles)
            details.titles_at = self.clock()
            if record.read_chapters != record.chapters:
                record.read_chapters, record.changed = record.chapters, self.clock()
        self.touch(record.id)
