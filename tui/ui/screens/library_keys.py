"""The library screen's bindings, by their ids in the action registry.

Every action it has, the order its footer offers them in, and what its help says of a count
typed before a move.
"""

from __future__ import annotations

from textual.binding import BindingType

from tui.ui.actions import binding

LIBRARY_BINDINGS: list[BindingType] = [
    binding("cursor_down", "move(1)", "Next book", show=False),
    binding("cursor_up", "move(-1)", "Previous book", show=False),
    binding("page_down", "page(1)", "Page down", show=False),
    binding("page_up", "page(-1)", "Page up", show=False),
    binding("screen_down", "screen(1)", "Page down (a count: books)", show=False),
    binding("screen_up", "screen(-1)", "Page up (a count: books)", show=False),
    binding("half_page_down", "half_page(1)", "Half a page down", show=False),
    binding("half_page_up", "half_page(-1)", "Half a page up", show=False),
    binding("top", "edge(0)", "First book", show=False),
    binding("bottom", "edge(1)", "Last book", show=False),
    binding("open_book", "open_book", "Open"),
    binding("filter", "filter", "Filter", priority=True),
    # In the filter box, with words typed: on into the books they kept.
    binding("browse_matches", "browse_matches", "Browse", show=True),
    binding("sort", "sort", "Sort"),
    binding("remove", "remove", "Remove"),
    binding("restore_book", "restore_book", "Undo remove"),
    binding("rescan", "rescan", "Rescan"),
    binding("add_books", "add_books", "Add books"),
    binding("open_update", "open_update", "New chapters"),
    # The same keys on a book without new chapters: it says so (the footer offers the
    # key only for a book that has them).
    binding("open_update", "no_new_chapters", show=False),
    binding("find", "find", "Find", priority=True),
    binding("command", "command", "Command: a book's number goes there, q quits", show=False),
    binding("settings", "settings", "Settings", show=False),
    binding("help", "help", "Help"),
    binding("quit", "app.quit", "Quit"),
    # Escape with a count typed drops only the count, as in the reader.
    binding("close", "drop_count", "Drop the count", show=False),
    binding("close", "clear_filter", "Clear filter"),
    # The box shown with no words in it: Escape only hides it (the list is whole already).
    binding("close", "close_filter", "Close filter"),
    binding("close", "back_to_book", "Back to the book"),
]

# The footer's keys, most useful first: at narrow widths the last ones are left out
# (the help lists them all). Rescan is seldom needed: the library checks its files itself.
LIBRARY_FOOTER_RANK: tuple[str, ...] = (
    "open_book",
    "open_match",
    "filter",
    "browse_matches",
    "clear_filter",
    "close_filter",
    "restore_book",
    "back_to_book",
    "open_update",
    "find",
    "remove",
    "sort",
    "quit",
    "add_books",
    "rescan",
)

# Actions whose keys are letters: while the filter box has the focus they are typing.
LIBRARY_TYPED_ACTIONS = frozenset(
    {
        "filter",
        "command",
        "sort",
        "remove",
        "rescan",
        "add_books",
        "open_update",
        "help",
        "settings",
        "quit",
        "edge",
    }
)

# Under the library's keys in its help; `{action_id}` is the key the user has for it now.
LIBRARY_HELP_NOTES = (
    "A number before a move repeats it, as in the reader and vim (6{cursor_down} is six "
    "books down); 5{bottom} or 5{top} goes to the fifth book of the list. Before "
    "{screen_down} or {screen_up} a number counts books, as less counts lines (6 "
    "{screen_down} is six books down); before {page_down} or {page_up} it counts pages, as "
    "vim does (2 {page_down} is two pages down).",
)
