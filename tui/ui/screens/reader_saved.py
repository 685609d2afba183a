"""Jumps to saved places (marks, bookmarks), made only in text that is read.

A jump is made in the text that is read, or kept until the whole book is, never guessed from
the part of it on screen.
"""

from __future__ import annotations

from tui.book.anchor import Anchor, resolve_anchor
from tui.book.model import Book
from tui.reading.saved_places import found_in_part
from tui.ui.screens.reader_host import ReaderHost


class SavedPlacesFlow:
    """A saved place is a content anchor (an offset and its paragraph's fingerprint). In the
    whole book it is found as ever; while only a preview is in, only where the preview holds
    its very paragraph. Else, with the whole text read, a preview is made around it and it is
    looked for there; without, the jump waits for the whole book, as a search does, saying
    so on the status line (`mark ‘a’ when read`) until it is made or Escape gives it up."""

    def __init__(self, host: ReaderHost) -> None:
        self.host = host

    def go(self, anchor: Anchor, name: str) -> None:
        """Jump to ``anchor``; ``name`` is what it is called (`mark ‘a’`, `the bookmark`)."""
        host, session = self.host, self.host.session
        book = session.book
        offset = self._found(book, anchor, name) if book is not None else None
        if offset is not None:
            host.jump_to_offset(offset)
            return
        if book is not None and host.go_before_the_parse(
            anchor.offset,
            lambda: self._go_found(anchor, name),
            True,
            lambda part: found_in_part(part, anchor) is not None,
            lambda: self._wait(anchor, name),
        ):
            return
        self._wait(anchor, name)

    def _found(self, book: Book, anchor: Anchor, name: str) -> int | None:
        """Where ``anchor`` is in the book on screen; None when a preview cannot say."""
        if not self.host.session.final:
            return found_in_part(book, anchor)
        # (only nearby: a scan of a whole 84 MB book would hold up the screen)
        offset, exact = resolve_anchor(book, anchor, whole_book=False)
        if not exact:
            self.host.notify(f"The book changed: {name} is at the nearest place", timeout=3)
        return offset

    def _go_found(self, anchor: Anchor, name: str) -> None:
        """In the preview made around the place (or the whole book, if it came first)."""
        book = self.host.session.book
        offset = self._found(book, anchor, name) if book is not None else None
        if offset is not None:
            self.host.view.go_to_offset(offset)

    def _wait(self, anchor: Anchor, name: str) -> None:
        host = self.host
        host.notify(host.session.waiting.wait_for_place(anchor, name), timeout=3)
        host.refresh_status()
