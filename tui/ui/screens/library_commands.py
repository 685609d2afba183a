"""The library's `:` prompt: what is typed there, carried out.

What is typed is read as the reader reads it, and carried out on the list (a book's number, the
last book, a filter), or a book opened (`:e FILE`), the help, vim's `:set`, or quit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.library.catalog import read_last
from tui.library.typed_paths import book_problem, expanded
from tui.paths import unbroken
from tui.reading.commands import LIBRARY_WORDS, OTHER_FILE, read_command, unknown_said
from tui.reading.history import PromptHistory
from tui.reading.set_options import set_answer
from tui.ui.notices import notice_text
from tui.ui.screens.library_opening import open_book
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.prompt_bar import PromptBar

if TYPE_CHECKING:
    from tui.ui.screens.library import LibraryScreen

# The prompt and its hint, as the reader's `:` has them.
PROMPT, PLACEHOLDER = ":", "a book's number, then Enter · q quits · ↑ earlier"
# What the prompt says of a command it does not know (or that only the reader has).
UNKNOWN_COMMAND = (
    "“:{typed}” is not a library command. The commands are a number (:5 goes to the fifth "
    "book), $ (the last), /words (filter), e FILE (open a book), h (the help), set (the settings) "
    "and q (quit chapbook)"
)
NO_BOOK_READ = "No book read yet (:e # opens the book read last)"
NOTHING_TO_WRITE = "Nothing needs writing: the library is kept as it changes (:q quits)"


class LibraryCommands:
    """Opens the `:` prompt over the footer and carries out what is typed there."""

    def __init__(self, host: LibraryScreen) -> None:
        self.host = host
        self._history: PromptHistory | None = None

    @property
    def history(self) -> PromptHistory:
        """The prompts' history, the reader's `:` entries among them (read when first needed)."""
        if self._history is None:
            self._history = PromptHistory.load()
        return self._history

    async def ask(self) -> None:
        """Open the prompt over the footer, its earlier commands for ↑ and ↓."""
        found = self.host.query(PromptBar)
        bar = found.first() if found else None
        if bar is None:  # made on first use, as the reader's: after the footer, to cover it
            bar = PromptBar(id="library-command")
            await self.host.mount(bar)
        bar.ask("command", PROMPT, placeholder=PLACEHOLDER, history=self.history.entries["command"])

    async def submitted(self, typed: str) -> None:
        host = self.host
        problem = self.history.remember("command", typed)
        if problem:
            host.notify(problem, timeout=5)
        command = read_command(typed)
        if command.kind in ("quit", "quit_all"):  # (the library's `q` quits chapbook too)
            await host.app.action_quit()
        elif command.kind == "help":
            host.action_help()
        elif command.kind == "line":
            host.go_to_row(command.line)
        elif command.kind == "end":
            host.go_to_row(None)
        elif command.kind == "lines":
            host.move_by(command.line)
        elif command.kind == "search" and command.words:
            host.filter_for(command.words)
        elif command.kind == "write":
            host.notify(NOTHING_TO_WRITE, timeout=4, markup=False)
        elif command.kind == "edit" and command.words:
            self.edit(command.words)
        elif command.kind == "settings":
            host.action_settings()
        elif command.kind == "set":
            answer = set_answer(command.words)
            said = answer.format(
                settings=key_hint(host.app, "settings"), info=key_hint(host.app, "info")
            )
            host.notify(said, timeout=6, markup=False)
        elif command.kind != "none":  # (a percentage, a search back: the reader's)
            said = unknown_said(UNKNOWN_COMMAND, typed, command, "library", LIBRARY_WORDS)
            host.notify(said, timeout=6, markup=False)

    def edit(self, typed: str) -> None:
        """`:e FILE` opens FILE in the reader (added to the library, as `chapbook FILE` adds
        it); `:e FOLDER` adds the folder's books, as the add prompt does; `:e #` opens the book
        read last."""
        host = self.host
        if typed == OTHER_FILE:
            record = read_last(host.library.records())
            if record is None:
                host.notify(NO_BOOK_READ, timeout=4, markup=False)
            else:
                open_book(host, host.library, record)
            return
        if expanded(typed).is_dir():
            host.adding.submitted(typed)
            return
        wrong = book_problem(typed, unbroken)
        if wrong:
            host.notify(notice_text(host.app, wrong), severity="error", timeout=8, markup=False)
            return
        host.app.notice_board.withdraw_passing()  # (the list's notices are not the book's)
        host.app.push_screen(host.app.screens.reader(expanded(typed)))
