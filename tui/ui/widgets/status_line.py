"""The reader's status line: book and chapter, then scene, percentage and time left."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.reactive import reactive
from textual.theme import Theme
from textual.timer import Timer
from textual.widget import Widget

from tui.book.loader import neutralise
from tui.reading.progress import Progress, fit, status_layout
from tui.reading.wrapping import measure

# The cells a message leaves the title, the place and how far in (the note aside): at 80
# columns `r: not a reader key (h: keys, q: quit)` is said whole beside a search's count of
# five digits.
MESSAGE_LEAVES = 16


class StatusLine(Widget):
    """One row: `Title — Chapter 3: Title` and `scene 2/5 · 41% · ch 12m · book 4h10m`.

    Under NO_COLOR and with the 16-colour theme its background is the terminal's own, so it
    is drawn in reverse video to stand apart from the text."""

    DEFAULT_CSS = """
    StatusLine {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    StatusLine:nocolor, StatusLine.-plain-colours { text-style: reverse; }
    """

    title: reactive[str] = reactive("")
    progress: reactive[Progress | None] = reactive(None)
    note: reactive[str] = reactive("")  # replaces the right-hand side while something goes on
    # A short message for a few seconds (`search wrapped to the beginning`): said here, in
    # the line the reader already reads, because a notice in the corner would cover the text.
    message: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._message_timer: Timer | None = None
        self._message_about = ""  # what the message is about: `search` is the last search's

    def on_mount(self) -> None:
        self._theme_changed(self.app.current_theme)
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        self.set_class(theme.ansi, "-plain-colours")

    def show(self, title: str, progress: Progress | None, note: str = "") -> None:
        self.title = neutralise(title.replace("\n", " "))
        self.progress = progress
        self.note = note

    def set_note(self, note: str) -> None:
        self.note = note

    def say(self, message: str, seconds: float = 3, about: str = "") -> None:
        """Show ``message`` before the note for ``seconds``, then take it away. ``about``
        names what it is about, for `unsay` to take away only a message about that."""
        if self._message_timer is not None:
            self._message_timer.stop()
        self.message = neutralise(message.replace("\n", " "))
        self._message_about = about
        self._message_timer = self.set_timer(seconds, self.unsay)

    def unsay(self, about: str | None = None) -> None:
        """Take the message away now (Escape, or its time is up); given ``about``, only a
        message said about that (a new search takes away what the last one said)."""
        if about is not None and (not self.message or about != self._message_about):
            return
        if self._message_timer is not None:
            self._message_timer.stop()
            self._message_timer = None
        self.message = ""

    def render(self) -> Text:
        width = max(0, self.size.width - 2)
        progress = self.progress
        if progress is not None:
            place = neutralise(progress.place.replace("\n", " "))
            progress = replace(progress, place=place)
        if self.note or self.message:
            # The note (searching, `match 3/17`, a count) comes first on the right; the place
            # stays on the left, as it says where one is. A message goes before the note and
            # may take most of the line for its few seconds, but never the note's room.
            note = fit(self.note, max(10, width // 2))
            if self.message:
                room = max(10, width - MESSAGE_LEAVES - measure(note) - 3 * bool(note))
                note = " · ".join(part for part in (fit(self.message, room), note) if part)
            title, place, right = status_layout(
                self.title, progress, max(0, width - measure(note) - 3), fair=width // 2
            )
            right = f"{note} · {right}" if right else note
        else:
            title, place, right = status_layout(self.title, progress, width)
        text = Text(" ", end="", no_wrap=True, overflow="crop")
        if title:
            text.append(title, style="bold")
        if place:
            text.append(" — " + place if title else place)
        gap = max(1, width - text.cell_len + 1 - measure(right))
        text.append(" " * gap + right + " ")
        return text
