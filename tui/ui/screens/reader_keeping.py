"""The reader's upkeep: its place saved, changed settings followed, a rewritten file read again."""

from __future__ import annotations

import time
from collections.abc import Callable

from tui.book.anchor import resolve_anchor
from tui.book.loader import safe_name
from tui.paths import FileStamp, file_stamp, shown_percent
from tui.reading.pager import LayoutOptions
from tui.ui.screens.reader_host import ReaderHost

# Seconds between looks at a file being written again, while the reader shows the text it had.
LOOK_AGAIN_EVERY = 2.0
# Seconds a file that holds less of the text than the one open (its end cut off, or cut to half)
# must hold still, unchanged from look to look, to be read as it is: the story cut short on
# purpose. A download part-way goes on growing meanwhile, and is waited for.
HELD_STILL_FOR = 8.0
# Said when another window read on and this one, left behind, moved to its place (short, to
# leave the status line its title and place at 80 columns).
READ_ON_ELSEWHERE = "Another window read on to here ('' goes back)"
# Said when another window read on and this one, in use beside it, stays: where the other is.
OTHER_WINDOW_AT = "Another window is at {where} ('' goes there)"
# Seconds the offer of the other window's place stays on the status line (a key takes it away).
OFFER_SECONDS = 10


def _written_lately(stamp: FileStamp) -> bool:
    """Whether the file was last written within one look's time of now."""
    return time.time() - stamp[0] / 1e9 < LOOK_AGAIN_EVERY


class KeepingFlow:
    """Saves the place (often while reading, always on leaving) and lays the book out again
    when the reader's settings changed."""

    def __init__(self, host: ReaderHost, mounted: Callable[[], bool]) -> None:
        self.host = host
        self._mounted = mounted  # whether the screen is mounted (its view exists)
        self._settings_seen: object = None
        self._put_down = False  # another screen (the library, another book) took its place
        # The book's file while it is being written again (a download part-way): as last
        # looked at, and as last told; and whether a look again is due.
        self._seen: FileStamp | None = None
        self._told: FileStamp | None = None
        self._looking = False
        # The file cut short, as first seen so, and when (`time.monotonic`).
        self._still: tuple[FileStamp | None, float] = (None, 0.0)

    def registered(self) -> None:
        """The book is in the library under its id: its place there was read to when the
        library says; reading on from it in another window (another chapbook) is newer."""
        session = self.host.session
        record = self.host.app.library.get(session.book_id) if session.book_id else None
        session.read_on.opened(record.reached_at if record is not None else 0.0, time.time())

    def _read_on_elsewhere(self) -> tuple[int, float] | None:
        """Where another reader of this book (another chapbook, in another window, or this
        one's library opening it again) read on to, after everything this reader read to or
        took up: the offset in this book and when it was read to; else None. A place only
        saved again there (the book opened and left where it was) is not reading on. Read
        from the index only when another process wrote it (a stat per file)."""
        host, session = self.host, self.host.session
        library = host.app.library
        if session.read_on.known is None or session.book is None or session.book_id is None:
            return None
        if library.changed_on_disk():
            library.reload()
        record = library.get(session.book_id)
        if record is None or record.position is None:
            return None
        if not session.read_on.read_on_elsewhere(record.reached_at):
            return None
        offset, _ = resolve_anchor(session.book, record.position)
        if offset == host.view.top_offset():
            session.read_on.take_up(record.reached_at)  # (read on to where this reader is)
            return None
        return offset, record.reached_at

    def _take_up(self, offset: int, reached: float) -> None:
        """Go to the place read on to elsewhere (a jump: `''` goes back), as this reader's."""
        self.host.jump_to_offset(offset)
        self.host.session.took_up(self.host.view.top_offset(), reached)

    def _offer(self, offset: int, reached: float) -> None:
        """Another window, in use beside this one, read on to ``offset``: this reader stays
        where it moved to, its own place kept, and the other's is put in its jump list, as a
        place a jump left, so that `''` goes there (and again comes back) and ctrl+o walks to
        it; the status line says so."""
        session = self.host.session
        session.jumps.push(offset)
        session.read_on.offered(reached)
        self.host.say(OTHER_WINDOW_AT.format(where=self._where(offset)), OFFER_SECONDS)

    def _where(self, offset: int) -> str:
        """How far in ``offset`` is, as the status line says it (`8%`), or its chapter while
        only a preview is in."""
        session = self.host.session
        book = session.book
        para = book.para_read_at(offset) if book is not None and len(book) else 0
        progress = session.progress(offset, para, False)
        if progress is not None:
            return shown_percent(progress.percent)
        return session.place_name(para) or "another place"

    def put_down(self) -> None:
        """Another screen (the library, another book) takes the reader's place: the place is
        saved, and a place read on to by another reader of the book is taken up on return."""
        self.save_now()
        self._put_down = True

    def catch_up(self) -> bool:
        """Back on screen: where the book was read to meanwhile in another reader of it (the
        same book opened again from the library that was over this one, or another window),
        taken up, so that this reader does not put its older place back. True when it moved."""
        put_down, self._put_down = self._put_down, False
        found = self._read_on_elsewhere() if put_down and self._mounted() else None
        if found is None:
            return False
        self._take_up(*found)
        return True

    def read_again_if_changed(self) -> bool:
        """The book's file was written again while it was open (a chapter posted, a
        re-download): the place is saved and the book opened again from the file, as the
        library opens it (new chapters offered, the place found in the new text), rather than
        read on in text that is no longer there. True when it was."""
        host = self.host
        if not host.session.final or not host.session.file_changed():
            return False
        written = host.session.file_still_being_written()
        stamp = file_stamp(host.session.path)
        if written is not None and not (written.cut_short and self._held_still(stamp)):
            self._wait_for_the_whole_file(written.why)
            return False
        if written is None and stamp is not None and stamp != self._seen and _written_lately(stamp):
            # Whole in size, but written a moment ago: a download may still be writing it
            # over. It is read once it has held still from one look to the next.
            self._seen = stamp
            self._look_again_soon()
            return False
        self.save_now()
        shorter = None
        if written is not None:  # (cut short on purpose: where the place was, to say so)
            shorter = host.session.place_said(host.view.top_offset())
        host.app.switch_screen(host.app.screens.reader(host.session.path, shorter=shorter))
        return True

    def _held_still(self, stamp: FileStamp | None) -> bool:
        """Whether the file, cut short, has been so unchanged for `HELD_STILL_FOR` seconds."""
        seen, since = self._still
        if stamp != seen:
            self._still = (stamp, time.monotonic())
            return False
        return time.monotonic() - since >= HELD_STILL_FOR

    def _wait_for_the_whole_file(self, why: str) -> None:
        """The file is being written again (empty, or part of the text): the text open stays,
        with its place, and the file is looked at again until it is whole and holds still."""
        host = self.host
        stamp = file_stamp(host.session.path)
        self._seen = stamp
        if stamp != self._told:
            self._told = stamp
            host.notify(
                f"{safe_name(host.session.path.name)} is being written or is incomplete "
                f"({why}): the text open stays, with your place, and is read again once "
                "the file is whole",
                title="File being written",
                severity="warning",
                timeout=10,
                markup=False,
            )
        self._look_again_soon()

    def _look_again_soon(self) -> None:
        if not self._looking:
            self._looking = True
            self.host.set_timer(LOOK_AGAIN_EVERY, self._look_again)

    def _look_again(self) -> None:
        """While the reader is on screen: once the file held still since the last look, read
        it again if it is whole now (else wait on)."""
        self._looking = False
        host = self.host
        if not self._mounted() or host.app.screen is not host:
            return  # back on screen, the reader looks at its file again
        stamp = file_stamp(host.session.path)
        if stamp != self._seen:  # still being written
            self._seen = stamp
            self._look_again_soon()
            return
        self.read_again_if_changed()

    def save_state(self) -> None:
        """Store the place in the library index (the app then saves the index). A book not in
        the library yet (left while it is still being read) keeps it as a waiting place,
        written at once, which it takes when it joins the library. A place another window
        read on to since this reader last read stays: a line moved in a reader left behind
        (`ReadOn.left_behind`) does not put an older place over it."""
        host = self.host
        if self._mounted() and host.view.pager is not None:
            # (a move just made, whose word from the view is still on its way: a hang-up
            # saves the place it runs between the two)
            host.session.moved_to(host.view.top_offset())
        host.session.glimpse_lasted()
        found = self._read_on_elsewhere() if self._mounted() else None
        if found is not None and host.session.read_on.left_behind(found[1]):
            host.session.yield_place()
            return
        if self._store_place():
            return
        if self._mounted() and host.view.pager is not None:
            anchor = host.session.waiting_anchor(self._place_read())
            if anchor is not None:
                host.app.library.keep_waiting_place(host.session.path, anchor)

    def _store_place(self) -> bool:
        host = self.host
        pager = host.view.pager if self._mounted() else None
        if pager is None:
            return False
        ended = host.session.story_ended(pager.bottom_offset(), pager.at_end)
        return host.session.save(host.app.library, self._place_read(), ended)

    def _place_read(self) -> int:
        """The place on screen to keep: the top line, or the start of a chapter a jump went
        to that the end of the book holds lower (opened again, the book names it)."""
        view, session = self.host.view, self.host.session
        pager = view.pager
        if pager is None:
            return view.top_offset()
        return session.place_read(view.top_offset(), pager.top_para(), pager.bottom_offset())

    def autosave(self) -> None:
        if self._mounted():
            self.host.session.glimpse_lasted()
        if self.host.session.dirty:
            elsewhere = self._read_on_elsewhere() if self._mounted() else None
            if elsewhere is not None and self.host.session.read_on.left_behind(elsewhere[1]):
                # Read on in another window since this one was left: that place is taken up,
                # as a reader in this window takes up one read to from the library's
                # (`catch_up`). Said of the place moved to: the next move takes it away.
                self._take_up(*elsewhere)
                self.host.say(READ_ON_ELSEWHERE, 6, about="place")
                return
            if elsewhere is not None:
                self._offer(*elsewhere)
            self._store_place()
            # Written off the interface thread: an fsync can take a while on a slow disk, and
            # a page turn must not wait for it. (The library locks its own state.)
            self.host.run_worker(self.host.app.library.save, thread=True, group="save")

    def save_now(self) -> None:
        """Save the place and write the library at once (leaving, or suspending)."""
        self.host.session.glimpse_lasted()
        if self.host.session.dirty:
            self.save_state()
            self.host.app.library.save()

    def apply_settings(self) -> None:
        host = self.host
        reader = host.app.settings.reader
        key = (
            reader.width,
            reader.margin,
            reader.paragraph_style,
            reader.justify,
            reader.scene_ornament,
            reader.words_per_minute,
            reader.chapter_notes,
            reader.page_overlap,
        )
        if key == self._settings_seen:
            return
        self._settings_seen = key
        options = LayoutOptions(
            column=max(8, reader.width),
            paragraph_style=reader.paragraph_style,
            justify=reader.justify,
            ornament=reader.scene_ornament,
            notes=reader.chapter_notes,
        )
        host.view.configure(options, reader.margin, reader.page_overlap)
        host.session.set_words_per_minute(reader.words_per_minute)
        host.refresh_status()
