"""What the reader asked while only a preview was in, kept until the whole book is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.reading.navigation import LandingKind

# What can wait for the whole book: a prompt's answer, or going to the end.
PendingKind = Literal[
    "search",
    "search_back",
    "search_chapter",
    "percent",
    "top",
    "bottom",
    "line",
    "next_scene",
    "prev_scene",
    "next_chapter",
    "prev_chapter",
    "finder",
    "contents",
    "command",
]
# Scene and chapter moves asked for before the book's structure is known: the value is the count.
LANDING_KINDS: dict[PendingKind, tuple[LandingKind, bool]] = {
    "next_scene": ("scene", True),
    "prev_scene": ("scene", False),
    "next_chapter": ("chapter", True),
    "prev_chapter": ("chapter", False),
}
# Screens asked for before the book's structure is known: the finder's value is the query
# typed while it waits.
OPENS: tuple[PendingKind, ...] = ("finder", "contents")


@dataclass(frozen=True, slots=True)
class Pending:
    """Something asked while only a preview was in, done once the whole book is."""

    kind: PendingKind
    value: str = ""
    accept: bool = False  # the finder's: Enter was pressed after its query, typed ahead
    count: int = 1  # a search's: the match it goes to (`3/Mina`: the third on)


class WaitingForBook:
    """The one thing asked that waits for the whole book (the last asked), and what is typed
    into the finder's query while it waits."""

    def __init__(self) -> None:
        self.pending: Pending | None = None

    def wait_for_book(self, kind: PendingKind, value: str = "", count: int = 1) -> str:
        """Keep ``kind`` for when the whole book is in; returns what to tell the reader. Scene
        and chapter moves asked again add up (``value``: their count); ``count``: a search's
        count, the match it goes to."""
        pending = self.pending
        if kind in LANDING_KINDS and pending is not None and pending.kind == kind:
            value = str(int(pending.value) + int(value))
        self.pending = Pending(kind, value, count=count)
        if kind in OPENS:
            return f"Opening the {kind} once the whole book is read…"
        what = "Searching" if kind.startswith("search") else "Going there"
        return f"{what} once the whole book is read…"

    def wait_for_landing(self, kind: LandingKind, forward: bool, count: int) -> str:
        """Keep ``count`` scene or chapter moves for when the whole book is in (see
        `wait_for_book`)."""
        pending = next(name for name, move in LANDING_KINDS.items() if move == (kind, forward))
        return self.wait_for_book(pending, str(count))

    def drop_moves(self) -> bool:
        """The reader paged on while a move waited for the whole book: it no longer wants
        to be taken to the next chapter (or an end) from where it asked. True when a move
        was waiting."""
        if self.pending is not None and (
            self.pending.kind in LANDING_KINDS or self.pending.kind in ("top", "bottom", "line")
        ):
            self.pending = None
            return True
        return False

    def take_text_moves(self) -> Pending | None:
        """A move to the end, a percentage or a line, waiting while the text was still read:
        the whole text is read now, and it needs nothing more (taken, once)."""
        pending = self.pending
        if pending is None or pending.kind not in ("bottom", "percent", "line"):
            return None
        self.pending = None
        return pending

    def waiting_to_find(self) -> bool:
        """The finder was asked for before the whole book was in, and waits for it."""
        return self.pending is not None and self.pending.kind == "finder"

    def type_ahead(self, key: str, character: str | None) -> bool:
        """A key pressed while the finder waits for the whole book goes into its query (a
        letter, or backspace), never to the reader as a command: True when it did."""
        pending = self.pending
        if pending is None or not self.waiting_to_find():
            return False
        if key == "backspace":
            self.pending = Pending("finder", pending.value[:-1])
        elif key == "enter":
            self.pending = Pending("finder", pending.value, accept=True)
        elif character is not None and character.isprintable() and len(character) == 1:
            self.pending = Pending("finder", pending.value + character)
        else:
            return False
        return True

    def take(self, whole_book: bool) -> Pending | None:
        """What was asked while indexing, once the whole book is in (``whole_book``), and
        only once."""
        if self.pending is None or not whole_book:
            return None
        pending, self.pending = self.pending, None
        return pending
