"""What the reader asked while only a preview was in, kept until the whole book is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.book.anchor import Anchor
from tui.reading.navigation import LandingKind
from tui.reading.progress import fit

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
    "place",
    "back",
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
# Moves a page turn made after them drops: the reader no longer wants to be taken there.
MOVES: tuple[PendingKind, ...] = ("top", "bottom", "line", "place", "back")


@dataclass(frozen=True, slots=True)
class Pending:
    """Something asked while only a preview was in, done once the whole book is."""

    kind: PendingKind
    value: str = ""
    accept: bool = False  # the finder's: Enter was pressed after its query, typed ahead
    count: int = 1  # a search's: the match it goes to (`3/Mina`: the third on)
    # A saved place's ("place": a mark or a bookmark, ``value`` what it is called): found in
    # the whole book by its paragraph, as it was kept. ("back": ``value`` is the offset.)
    anchor: Anchor | None = None


class WaitingForBook:
    """The one thing asked that waits for the whole book (the last asked), what is typed
    into the finder's query while it waits, and the keys typed for the contents while it
    waits."""

    def __init__(self) -> None:
        self.pending: Pending | None = None
        # Keys typed while the contents waits (name, character): they go to it, in order,
        # once it opens.
        self.keys_ahead: list[tuple[str, str | None]] = []

    def wait_for_book(self, kind: PendingKind, value: str = "", count: int = 1) -> str:
        """Keep ``kind`` for when the whole book is in; returns what to tell the reader. Scene
        and chapter moves asked again add up (``value``: their count); ``count``: a search's
        count, the match it goes to."""
        pending = self.pending
        if kind in LANDING_KINDS and pending is not None and pending.kind == kind:
            value = str(int(pending.value) + int(value))
        return self._wait(Pending(kind, value, count=count))

    def wait_for_place(self, anchor: Anchor, name: str) -> str:
        """Keep a jump to a saved place (``name``: `mark ‘a’`, `bookmark “Ball”`) for when the
        whole book is in, where its paragraph is found (see `wait_for_book`)."""
        return self._wait(Pending("place", name, anchor=anchor))

    def _wait(self, pending: Pending) -> str:
        """Keep ``pending``; what to tell the reader, with what it takes the place of."""
        before, self.pending = self.pending, pending
        self.keys_ahead = []
        kind = pending.kind
        if kind in OPENS:
            said = f"Opening the {kind} once the whole book is read…"
        elif kind.startswith("search"):
            said = "Searching once the whole book is read…"
        elif kind == "place":
            said = f"Going to {pending.value} once the whole book is read…"
        else:
            said = "Going there once the whole book is read…"
        replaced = waiting_for(before) if before is not None and before.kind != kind else ""
        return f"{said} (instead of {replaced})" if replaced else said

    def cancel(self) -> str:
        """Escape while something waits for the whole book: it no longer does. What waited,
        as the status line said it ("" when nothing it shows did)."""
        said = waiting_for(self.pending) if self.pending is not None else ""
        if said:
            self.pending, self.keys_ahead = None, []
        return said

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
            self.pending.kind in LANDING_KINDS or self.pending.kind in MOVES
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

    def typing_ahead(self) -> bool:
        """A screen was asked for before the whole book was in (the finder, the contents): the
        keys typed meanwhile are for it, not for the page."""
        return self.pending is not None and self.pending.kind in OPENS

    def key_ahead(self, key: str, character: str | None) -> None:
        """A key typed while the contents waits for the whole book: kept for it."""
        self.keys_ahead.append((key, character))

    def take_keys_ahead(self) -> list[tuple[str, str | None]]:
        """The keys typed for the contents while it waited (taken, once)."""
        keys, self.keys_ahead = self.keys_ahead, []
        return keys

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


# What a move asked for while the book is still read is shown as, until it is made.
_WAITING_MOVES = {
    "next_scene": "next scene",
    "prev_scene": "previous scene",
    "next_chapter": "next chapter",
    "prev_chapter": "previous chapter",
    "top": "the start",
    "bottom": "the end",
    "back": "back",
    "contents": "contents",
}
# How much of a search waiting for the whole book the status line repeats.
QUERY_SHOWN = 20


def waiting_for(pending: Pending) -> str:
    """What ``pending`` is called while it waits (`next chapter ×2`, `mark ‘a’`, `40%`); ""
    for what the status line does not show."""
    if pending.kind == "percent":
        return f"{pending.value.strip()}%"
    if pending.kind == "line":
        return f"line {int(pending.value):,}"
    if pending.kind == "place":
        return pending.value
    if pending.kind.startswith("search"):
        return f"search “{fit(pending.value, QUERY_SHOWN)}”"
    if pending.kind not in _WAITING_MOVES:
        return ""
    move = _WAITING_MOVES[pending.kind]
    counted = pending.kind in LANDING_KINDS and pending.value.isdigit()
    times = f" ×{pending.value}" if counted and int(pending.value) > 1 else ""
    return f"{move}{times}"
