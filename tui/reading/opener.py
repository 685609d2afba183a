"""Opening a book in a thread of its own, started before the screen that shows it exists."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tui.book.anchor import Anchor
from tui.book.loader import safe_name
from tui.book.model import Book, BookError
from tui.reading.first_page import FirstStageChild
from tui.reading.stages import Stage, StartAt, cheap_first_stage, open_stages
from tui.reading.whole_text import WholeText

# After finding a preview, the full parse waits at most this long (seconds) for a screen to
# take it, then at most PAINT_WAIT for it to be painted, so that it does not compete with the
# first paint for the interpreter (nor wait for ever for a screen that never comes).
ATTACH_WAIT = 30.0
PAINT_WAIT = 1.0


@dataclass(frozen=True, slots=True)
class OpenFailure:
    """The book cannot be opened; ``error`` is one line for the user."""

    error: str


@dataclass(frozen=True, slots=True)
class Registration:
    """The library knows the book now, under ``book_id``. ``replaced``: the file holds another
    story than the one the library knew at its path, which was set aside with its place.
    ``rejoined``: the file holds again a book set aside from its path (a download had cut it
    short), which takes its path back, with its place. ``linked``: the file, new to the
    library, holds a book it had with a place elsewhere (the story downloaded again under
    another name), which is read from this file from now on, with its place. ``older_than``:
    the file holds an older copy of the story of that book (read from a newer file), and is
    read as it is, a book of its own."""

    book_id: str
    replaced: bool = False
    rejoined: bool = False
    linked: bool = False
    older_than: str = ""


Outcome = Stage | WholeText | OpenFailure | Registration
# Runs the opener's reading (a callable taking no arguments) on some thread other than the caller's.
Launcher = Callable[[Callable[[], None]], object]


class KnownBook(Protocol):
    """A book as the library records it."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...


class BookRegistry(Protocol):
    """Where the opener looks the book up, finds its place, and registers it (the library)."""

    def find_by_path(self, path: Path) -> KnownBook | None: ...

    def position(self, book_id: str) -> Anchor | None: ...

    def add_book(self, path: Path, book: Book) -> KnownBook: ...

    def waiting_place(self, path: Path) -> Anchor | None: ...

    def newer_copy_of(self, path: Path) -> KnownBook | None: ...


class BookOpener:
    """Reads a book in a daemon thread: preview stages, then the whole book, which it adds
    to the library.

    It can start before the interface does (while Textual is still being imported): what
    it finds waits until a screen `attach`es, and is then handed to it as it comes. A
    daemon thread, because parsing a huge book cannot be interrupted and Python waits for
    other threads before a process ends: quitting or a hang-up mid-parse ends at once.
    """

    def __init__(self, path: Path, library: BookRegistry, start_at: StartAt | None = None) -> None:
        self.path = Path(path)
        self.library = library
        self.start_at = start_at
        self.book_id: str | None = None
        self.known_title = ""  # the title the library knows, shown until the book is read
        self.anchor: Anchor | None = None
        try:
            record = library.find_by_path(self.path)
        except (OSError, BookError):
            record = None
        if record is not None:
            self.book_id = record.id
            self.known_title = record.title or ""
            self.anchor = library.position(record.id)
        else:  # a place read before the book was in the library (left while being read)
            self.anchor = library.waiting_place(self.path)
        self._lock = threading.Lock()
        self._waiting: list[Outcome] = []
        self._sink: Callable[[Outcome], None] | None = None
        self._attached = threading.Event()
        self._painted = threading.Event()
        self._shown = threading.Event()  # the screen is up, saying the book is being opened
        self._cancelled = threading.Event()
        self.done = threading.Event()  # the thread has finished, whatever the outcome
        self._started = False
        self._child: FirstStageChild | None = None

    def fork_first_stage(self) -> BookOpener:
        """Have a child process prepare the first page (see `FirstStageChild`); call before
        `start`, while this process has no other thread."""
        if not self._started and self._child is None:
            self._child = FirstStageChild.start(self.path, self.anchor, self.start_at)
        return self

    def start(self, launch: Launcher | None = None) -> BookOpener:
        """Start reading (once), in a thread of its own unless ``launch`` runs the reading
        elsewhere: the interface passes one that runs it as a worker of the screen."""
        if not self._started:
            self._started = True
            if launch is None:
                threading.Thread(target=self._read, name="chapbook-open", daemon=True).start()
            else:
                launch(self._read)
        return self

    @property
    def started(self) -> bool:
        return self._started

    def attach(self, sink: Callable[[Outcome], None]) -> list[Outcome]:
        """Take what was found so far (returned) and have ``sink`` called, from the thread,
        with everything found from now on."""
        with self._lock:
            waiting, self._waiting = self._waiting, []
            self._sink = sink
        self._attached.set()
        return waiting

    def shown(self) -> None:
        """The screen is on the terminal (its title, `Opening…`): a first page that needs the
        whole of a big book may be read now."""
        self._shown.set()

    def painted(self) -> None:
        """The preview is on screen: the whole book may be parsed now."""
        self._painted.set()

    def cancel(self) -> None:
        """Nobody wants the book any more: stop at the next step."""
        self._cancelled.set()
        self._attached.set()
        self._shown.set()
        self._painted.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _hand_over(self, outcome: Outcome) -> None:
        with self._lock:
            if self._sink is None:
                self._waiting.append(outcome)
                return
            sink = self._sink
        try:
            sink(outcome)
        except Exception:  # the screen is going away: nobody wants the book any more
            self.cancel()

    def _read(self) -> None:
        try:
            first = None
            if self._child is not None:
                first = self._child.take(cancelled=self._cancelled.is_set)
            if self.cancelled:
                return
            if first is not None:
                self._deliver(first)
                if first.final:
                    return
            elif not cheap_first_stage(self.path, self.anchor, self.start_at):
                # Reading and decoding the whole of a big book holds the interpreter for long
                # stretches: the screen, its title and `Opening…` go out first (else it stays
                # blank until the page is ready).
                if self._attached.wait(timeout=ATTACH_WAIT):
                    self._shown.wait(timeout=PAINT_WAIT)
                if self.cancelled:
                    return
            stages = open_stages(
                self.path, self.anchor, self.start_at, previews=first is None, whole_text=True
            )
            for stage in stages:
                if self.cancelled:
                    return
                if isinstance(stage, WholeText):
                    self._hand_over(stage)  # (the parse of it goes on at once)
                else:
                    self._deliver(stage)
        except BookError as err:
            self._hand_over(OpenFailure(str(err)))
        except Exception as err:  # a parser bug: one line for the user, never a traceback
            message = f"cannot open {safe_name(self.path)}: {type(err).__name__}: {err}"
            self._hand_over(OpenFailure(message.splitlines()[0]))
        finally:
            self.done.set()

    def _deliver(self, stage: Stage) -> None:
        self._hand_over(stage)
        if not stage.final:
            # The full parse holds the interpreter for long stretches: let the preview reach
            # the screen first.
            if self._attached.wait(timeout=ATTACH_WAIT):
                self._painted.wait(timeout=PAINT_WAIT)
        elif not self.cancelled:
            record = self.library.add_book(self.path, stage.book)
            other = self.book_id is not None and record.id != self.book_id
            # (a book of the library's with a place of its own is one set aside before)
            rejoined = other and self.library.position(record.id) is not None
            # (a file new to the library that is a book with a place: found elsewhere before)
            linked = (
                self.book_id is None
                and self.anchor is None
                and self.library.position(record.id) is not None
            )
            newer = self.library.newer_copy_of(self.path) if self.book_id is None else None
            self._hand_over(
                Registration(
                    record.id,
                    other and not rejoined,
                    rejoined,
                    linked,
                    newer.id if newer is not None and newer.id != record.id else "",
                )
            )
