"""The settings screen's panel over its list: what a save did and what is wrong.

A few rows under a count line say what a save did and what is wrong in the file; a key shows
all of them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from tui.settings.settings import Problem

# Every problem shown still leaves the list this many rows (its border and three settings),
# and takes at most this share of the screen.
LIST_AT_LEAST = 5
ALL_AT_MOST = 0.7


class SettingsProblems(Vertical):
    """A count line, then a save's notes and the file's problems, scrolled in three rows."""

    DEFAULT_CSS = """
    SettingsProblems { height: auto; }
    #settings-problems { height: auto; max-height: 3; }
    #settings-problems-count { height: auto; padding: 0 1; color: $text-muted; display: none; }
    #settings-problems-count.-shown { display: block; }
    #settings-saved { height: auto; padding: 0 1; color: $warning; display: none; }
    #settings-saved.-shown { display: block; }
    #settings-file-problem { height: auto; padding: 0 1; color: $error; display: none; }
    #settings-file-problem.-shown { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="settings-problems-count", markup=False)
        with VerticalScroll(id="settings-problems"):
            yield Static("", id="settings-saved", markup=False)
            yield Static("", id="settings-file-problem", markup=False)

    @property
    def showing_all(self) -> bool:
        return self.query_one("#settings-problems").has_class("-all")

    def toggle_all(self) -> None:
        """Every row of notes and problems, or only the first few again."""
        self.query_one("#settings-problems").toggle_class("-all")
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Every problem shown takes the rows the screen has over the list's few: on a small
        screen (40x12) it took them all, the list and the keys' line below it gone."""
        rows = self.query_one("#settings-problems")
        panel = self.parent
        if not self.showing_all or not isinstance(panel, Widget) or not self.is_mounted:
            rows.styles.max_height = None  # (the few rows of the stylesheet)
            return
        around = sum(
            widget.outer_size.height
            for widget in (*panel.children, self.query_one("#settings-problems-count"))
            if widget is not self and widget.id != "settings-list"
        )
        room = panel.size.height - around - LIST_AT_LEAST
        rows.styles.max_height = max(1, min(room, int(self.screen.size.height * ALL_AT_MOST)))

    def show(self, *, problem: str | None, saved: str | None) -> None:
        """The file's problem (or problems) and what the last save said; None hides each."""
        for name, text in (("#settings-file-problem", problem), ("#settings-saved", saved)):
            line = self.query_one(name, Static)
            line.update(text or "")
            line.set_class(bool(text), "-shown")

    def count(self, parts: list[str]) -> None:
        """The count line, from its parts; hidden when there are none."""
        line = self.query_one("#settings-problems-count", Static)
        line.set_class(bool(parts), "-shown")
        line.update(" · ".join(parts))


def counted(problems: list[Problem]) -> str:
    """`2 problems`, `1 problem and 1 warning`: as `chapbook config check` counts them."""
    wrong = sum(not problem.warning for problem in problems)
    said = [
        f"{count} {word}{'s' if count > 1 else ''}"
        for count, word in ((wrong, "problem"), (len(problems) - wrong, "warning"))
        if count
    ]
    return " and ".join(said)
