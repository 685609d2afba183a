"""`chapbook [PATH...]`: open a book in the reader, or add folders and open the library."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from tui.cli.crash import CrashLog, debugging
from tui.paths import missing, shown_path

SWITCH_INTERVAL = 0.001  # seconds


def run(args: argparse.Namespace) -> int:
    # Starting makes objects that live as long as chapbook does (modules, classes, the settings,
    # the library): the cyclic garbage collector, left on, looks them all over again and again
    # (a full pass over some 50,000 objects came just before the first page: 25 ms of a cold
    # start, and 20 ms more in younger passes). It is off while they are made, and they are set
    # aside from it (`gc.freeze`) before the interface starts.
    gc.disable()
    try:
        return _start(args)
    finally:
        gc.enable()


def _start(args: argparse.Namespace) -> int:
    paths = [Path(p).expanduser() for p in args.paths]
    for path in paths:
        if missing(path) is not None:
            from tui.library.typed_paths import missing_said  # (only when a path is wrong)

            print(f"chapbook: {missing_said(path)}", file=sys.stderr)
            return 2
    if len(paths) == 1 and not paths[0].is_dir():
        _check_book(paths[0])  # a BookError is one line on stderr, before the screen changes
    if not _output_is_a_terminal():
        print(f"chapbook: {NOT_A_TERMINAL}", file=sys.stderr)
        return 2
    book = paths[0] if len(paths) == 1 and not paths[0].is_dir() else None
    with opening_said(book):
        return _run(args, paths, library_only=book is None)


def _run(args: argparse.Namespace, paths: list[Path], library_only: bool) -> int:
    from tui.library.library import Library
    from tui.settings.settings import load_settings

    settings, problems = load_settings(Path(args.config) if args.config else None)
    library = Library.open()
    open_path: Path | None = None
    opener = None
    if not library_only:
        open_path = paths[0]
        # A known book opened at its new path keeps its place: relink it before the reader
        # looks its position up.
        library.find_moved(open_path)
        from tui.reading.opener import BookOpener

        # Reading starts now, while Textual is imported and sets up (the first page in a
        # child process where there is a core to spare): the first page is usually ready
        # by the time the screen is, and is on its first frame.
        opener = BookOpener(open_path, library).fork_first_stage().start()
    elif paths:
        # The library screen adds them in a worker, with a progress bar, so a big folder
        # does not keep the screen from appearing.
        library.queued = [*library.queued, *paths]  # after an adding cut short last time
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    crash_log = None if debugging() else CrashLog()
    app = ChapbookApp(
        settings,
        library,
        ChapbookScreens(),
        open_path=open_path,
        opener=opener,
        problems=problems,
        crash_handler=crash_log.record if crash_log is not None else None,
    )
    # A big book is read and indexed in threads while the reader turns pages: a key waits for
    # the interpreter lock at most this long, not the default 5 ms at each hand-over.
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.freeze()
    gc.enable()  # for what the interface makes and drops
    with screen_on_the_terminal():
        app.run()
    unsay_opening()
    if library.unfinished:
        print(f"chapbook: {unfinished_text(library.unfinished)}", file=sys.stderr)
    if library.not_saved is not None:  # (said on screen too: said again where it stays)
        print(f"chapbook: your place was not saved: {library.not_saved}", file=sys.stderr)
    if crash_log is not None and app.crashed:
        crash_log.announce()
        return 1
    return app.return_code or 0


# What `opening_said` wrote, while it stands on the terminal ("" once taken away).
_said = [""]


@contextlib.contextmanager
def opening_said(book: Path | None) -> Iterator[None]:
    """`chapbook: opening BIG.txt…` on the terminal at once, while the settings, the library
    and the interface's code come in (a second or two on a loaded machine, with nothing on
    the screen); the interface draws over it, and it is taken away as chapbook ends (on its
    way out, or by `unsay_opening` before what chapbook says last), so the shell's screen
    is as it was."""
    name = book.name if book is not None else "the library"
    shown = "".join(c if c.isprintable() else "?" for c in name)
    text = f"chapbook: opening {shown[:60]}…"
    try:
        os.write(1, text.encode("utf-8", "replace"))
        _said[0] = text
    except OSError:
        pass
    try:
        yield
    finally:
        unsay_opening()


def unsay_opening() -> None:
    """Take `opening_said`'s line away (the cursor is at its end: the interface's screen,
    gone, gave it back the terminal as it found it)."""
    if _said[0]:
        _said[0] = ""
        with contextlib.suppress(OSError):
            os.write(1, b"\r\x1b[K")


def unfinished_text(folders: list[str]) -> str:
    """What is said on leaving while folders are still being added: the rest comes later."""
    named = ", ".join(shown_path(folder) for folder in folders)
    return (
        f"adding {named} stopped part-way; the books not added yet are added when chapbook "
        "next starts (or at r, rescan, in the library)"
    )


NOT_A_TERMINAL = (
    "the output is not a terminal, and the reader and the library are drawn on one; for text "
    "to a file or a pipe, use `chapbook outline FILE` (a book's chapters) or `chapbook list` "
    "(the library)"
)


def _output_is_a_terminal() -> bool:
    """Whether stdout is a terminal: the interface is drawn there (or on stderr, moved to it
    by `screen_on_the_terminal`), and drawn into a file it would never end."""
    try:
        return os.isatty(1)
    except OSError:
        return False


def _check_book(path: Path) -> None:
    """Refuse a file that cannot be a book before the interface takes the terminal."""
    from tui.library.book_check import check_book

    check_book(path)


@contextlib.contextmanager
def screen_on_the_terminal() -> Iterator[None]:
    """Draw on the terminal even when stderr, where the screen is drawn, goes to a file
    (`chapbook book.txt 2>err.log`): stderr is the terminal of stdout while chapbook runs,
    and the file again after, for what chapbook says as it ends."""
    try:
        moved = not os.isatty(2) and os.isatty(1)
    except OSError:
        moved = False
    if not moved:
        yield
        return
    sys.stderr.flush()
    kept = os.dup(2)
    os.dup2(1, 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(kept, 2)
        os.close(kept)
