"""The reader's prompt over the status line, opened and carried out.

It opens for a search, a percentage or a `:` command, and what was typed there is carried out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.screen import Screen

from tui.reading.commands import read_command, unknown_said
from tui.reading.pending import PendingKind
from tui.reading.set_options import set_answer
from tui.ui.screens.reader_moves import MovesFlow
from tui.ui.screens.reader_search import SearchFlow
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.prompt_bar import PromptBar

# What the `:` prompt says of a command it does not know.
UNKNOWN_COMMAND = (
    "“:{typed}” is not a chapbook command. The commands are a line number (:200 goes to line "
    "200), +10 and -10 (lines on and back), 50% (halfway), $ (the end), /words (search), noh "
    "(clear the search highlights), e FILE (open a book), h (the help), set (the settings), q "
    "(leave the book) and qa (quit chapbook)"
)
# What `:w` says: vim's habit after reading, but there is nothing to write.
NOTHING_TO_WRITE = (
    "Nothing needs writing: chapbook keeps your place as you read (:q leaves the book)"
)


class PromptFlow:
    """Opens the prompt bar on demand and hands what is typed there to search or to a move."""

    def __init__(
        self,
        screen: Screen[None],
        searching: SearchFlow,
        moves: MovesFlow,
        quit_reading: Callable[[], Awaitable[None]],
        quit_all: Callable[[], Awaitable[None]],
        show_help: Callable[[], None],
        edit: Callable[[str], None] = lambda typed: None,
    ) -> None:
        self.screen = screen
        self.searching = searching
        self.moves = moves
        self.quit_reading = quit_reading
        self.quit_all = quit_all
        self.show_help = show_help
        self.edit = edit  # `:e FILE`: open that book here

    @property
    def bar(self) -> PromptBar | None:
        """The prompt, once it has been used (it is made on demand)."""
        found = self.screen.query(PromptBar)
        return found.first() if found else None

    async def ask(self, kind: PendingKind) -> None:
        """Open the prompt (over the status line) to ask for a search, a percentage or a command."""
        bar = self.bar
        if bar is None:
            bar = PromptBar(id="reader-prompt")
            await self.screen.mount(bar)  # after the status line, so it covers it while open
        self.searching.ask(bar, kind)

    async def submitted(self, kind: PendingKind, value: str) -> None:
        if kind == "command":
            await self.command(value)
        else:
            self.searching.submitted(kind, value)

    async def command(self, typed: str) -> None:
        """What was typed at the `:` prompt: a line number, lines on or back, a percentage,
        the end, a search or clearing its highlights, another book, the help, or quit (the
        book, or chapbook)."""
        self.searching.remember("command", typed)
        command = read_command(typed)
        if command.kind == "line":
            self.moves.go_to_line(command.line)
        elif command.kind == "lines":
            self.moves.drop_count()  # (the lines are typed after the colon)
            self.moves.scroll(rows=command.line)
        elif command.kind == "percent":
            self.searching.submitted("percent", command.words)
        elif command.kind == "clear_search":
            self.searching.clear()
        elif command.kind == "write":
            self.screen.notify(NOTHING_TO_WRITE, timeout=4, markup=False)
        elif command.kind == "end":
            self.moves.bottom()
        elif command.kind == "quit":
            await self.quit_reading()
        elif command.kind == "quit_all":
            await self.quit_all()
        elif command.kind in ("search", "search_back"):
            self.searching.submitted(command.kind, command.words)
        elif command.kind == "edit":
            self.edit(command.words)
        elif command.kind == "help":
            self.show_help()
        elif command.kind == "settings":
            await self.screen.run_action("settings")
        elif command.kind == "file":
            await self.screen.run_action("info")
        elif command.kind == "marks":
            await self.screen.run_action("bookmarks")
        elif command.kind == "set":
            app = self.screen.app
            answer = set_answer(command.words)
            said = answer.format(settings=key_hint(app, "settings"), info=key_hint(app, "info"))
            self.screen.notify(said, timeout=6, markup=False)
        elif command.kind == "unknown":
            self.screen.notify(
                unknown_said(UNKNOWN_COMMAND, typed, command),
                severity="warning",
                timeout=5,
                markup=False,
            )

    def cancelled(self) -> None:
        self.moves.drop_count()  # (`3/` then Escape: the 3 was the search's, for no later key)
