"""The reader handing the terminal over to the shell, a pager or an editor.

To the shell (ctrl+z) or to `$PAGER` / `$EDITOR` (a compressed book or an EPUB as a copy of its
text).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from textual.app import SuspendNotSupported

from tui.book.formats import book_kind
from tui.book.loader import is_compressed, safe_name
from tui.book.model import Book
from tui.paths import scratch_dir
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.terminal.handover import shell_to_return_to

# What opens the file when neither $PAGER nor $EDITOR is set.
FALLBACK_PAGER = "less"


def pager_words(environ: Mapping[str, str]) -> list[str]:
    """The program `$PAGER` names, with its options (or `$EDITOR`'s, or less), split as a
    shell splits them. Raises ValueError, naming the variable, for quotes that do not close."""
    for name in ("PAGER", "EDITOR"):
        value = environ.get(name, "")
        if value.strip():
            try:
                return shlex.split(value)
            except ValueError as err:
                raise ValueError(f"${name} cannot be read as a command ({err}): {value}") from None
    return [FALLBACK_PAGER]


def external_command(environ: Mapping[str, str], path: str, line: int) -> list[str]:
    """`$PAGER +LINE FILE` (or `$EDITOR`, or less): both take `+N` for the line to start at."""
    return [*pager_words(environ), f"+{max(1, line)}", path]


# Longest part of a book's file name kept in the name of its text copy (the pager shows it).
COPY_NAME = 40


def why_a_copy(path: str) -> str | None:
    """Why `$PAGER` is given a copy of the book's text rather than the file itself (it could
    not show the file: compressed, or markup whose text chapbook made); None for a plain file."""
    kind = book_kind(path)
    if kind == "epub":
        return "is an EPUB (a zip of web pages)"
    if kind == "html":
        return "is a web page"
    if is_compressed(path):
        return "is compressed"
    return None


def write_text_copy(book: Book, path: str, folder: Path) -> Path:
    """The book's text as UTF-8 in a new file of its own in ``folder`` (made private to the
    user), read-only, so that an editor warns before a change that would not be kept."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = Path(path).name.split(".")[0][:COPY_NAME] or "book"
    fd, copy = tempfile.mkstemp(prefix=f"{name}-", suffix=".txt", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(book.text)
        os.chmod(copy, 0o400)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(copy)
        raise
    return Path(copy)


def line_in_text(book: Book, para: int) -> int:
    """The 1-based line of ``book.text`` that paragraph ``para`` starts on."""
    if not 0 <= para < len(book):
        return 1
    return book.text.count("\n", 0, book.starts[para]) + 1


class HandoffFlow:
    """Suspends to the shell and comes back at the same place (the place is saved first, in
    case the shell never gives it back), or opens the file in a pager or an editor at the
    line on top, and reopens it at the same place afterwards (reread if it was changed)."""

    def __init__(self, host: ReaderHost, save_now: Callable[[], None]) -> None:
        self.host = host
        self.save_now = save_now

    def suspend(self) -> None:
        self.save_now()
        if not shell_to_return_to():
            self.host.notify("No shell to suspend to: chapbook was not started from one", timeout=4)
            return
        try:
            # Textual gives the terminal back (`tui.ui.terminal.handover`); chapbook stops
            # until the shell's `fg` (SIGSTOP, as Textual's own ctrl+z sends: it cannot be
            # caught, so it stops at once), then Textual takes the terminal again.
            with self.host.app.suspend():
                os.kill(os.getpid(), signal.SIGSTOP)
        except SuspendNotSupported:
            self.host.notify("This terminal cannot suspend chapbook", timeout=3)

    def open_external(self) -> None:
        host, session = self.host, self.host.session
        pager = host.view.pager
        book = session.book
        if book is None or pager is None:
            host.notify("Still opening the book…", timeout=2)
            return
        try:
            pager_words(os.environ)
        except ValueError as err:  # (`PAGER='less "-R'`: said, where it ended chapbook)
            host.notify(
                f"{safe_name(str(err))}; set $PAGER", severity="error", timeout=6, markup=False
            )
            return
        self.save_now()
        path = str(session.path)
        name = safe_name(Path(path).name)
        reason = why_a_copy(path)
        copy: Path | None = None
        if reason is None:
            target, line = path, book.line_of(pager.top_para()) or 1
        else:
            try:
                copy = write_text_copy(book, path, scratch_dir())
            except OSError as err:
                folder = safe_name(scratch_dir())
                host.notify(
                    f"{name} {reason}, and its text could not be put in {folder} for the "
                    f"pager: {err.strerror or err}",
                    severity="error",
                    timeout=6,
                )
                return
            target, line = str(copy), line_in_text(book, pager.top_para())
        command = external_command(os.environ, target, line)
        program = safe_name(Path(command[0]).name)
        before = _changed_at(path)
        failed: OSError | None = None
        try:
            # The driver hands the terminal over with care (`tui.ui.terminal.handover`):
            # interrupts typed at the program pass, and what it left unread is dropped.
            with host.app.suspend():
                try:
                    subprocess.run(command, check=False)
                except OSError as err:
                    # Caught inside: Textual takes the terminal back only when the block ends
                    # without an exception. A $PAGER that is not installed left chapbook
                    # blank, echoing what was typed, and deaf to every key.
                    failed = err
        except SuspendNotSupported:
            host.notify("This terminal cannot hand over to another program", timeout=3)
            return
        finally:
            if copy is not None:
                with contextlib.suppress(OSError):
                    copy.unlink()
        if failed is not None:
            why = failed.strerror or failed
            said = f"Cannot run {safe_name(command[0])}: {why}; set $PAGER"
            host.notify(said, timeout=5, markup=False)
            return
        if copy is not None:
            host.notify(
                f"{name} {reason}, so {program} showed a copy of its text, now deleted "
                "(changes to it are not kept)",
                timeout=6,
            )
        elif _changed_at(path) != before:
            # Changed in the editor: read it again, at the place saved (the nearest one).
            host.app.switch_screen(host.app.screens.reader(session.path))


def _changed_at(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None
