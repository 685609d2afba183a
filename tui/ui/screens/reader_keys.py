"""The reader screen's bindings: every action it has, with its id and description."""

from __future__ import annotations

from textual.binding import BindingType

from tui.ui.actions import binding

# The [screens] entry these bindings belong to (`binding()` files their descriptions there).
KEYS_SCREEN = "reader"

READER_BINDINGS: list[BindingType] = [
    binding("line_down", description="Line down", show=False),
    binding("line_up", description="Line up", show=False),
    binding("half_page_down", description="Half a page down", show=False),
    binding("half_page_up", description="Half a page up", show=False),
    binding("page_down", description="Page down", show=False),
    binding("page_up", description="Page up", show=False),
    binding("top", description="Beginning of the book", show=False),
    binding("bottom", description="End of the book", show=False),
    binding("goto_percent", description="Go to a percentage", show=False, priority=True),
    binding("next_scene", description="Next scene"),
    binding("prev_scene", description="Previous scene"),
    binding("next_chapter", description="Next chapter"),
    binding("prev_chapter", description="Previous chapter"),
    binding("skip_notes", description="Past the author's notes here"),
    binding("jump_back", description="Back to where you were before a jump"),
    binding("jump_forward", description="Forward again, undoing jump_back"),
    binding("set_mark", description="Set a mark: then a letter (Enter: a labelled bookmark)"),
    binding("goto_mark", description="Go to a mark: then its letter (Enter: the bookmarks)"),
    binding("contents", description="Contents: chapters and scenes", priority=True),
    binding("search", description="Search forward", priority=True),
    binding("search_back", description="Search backward", priority=True),
    binding("search_chapter", description="Search this chapter", priority=True),
    binding("search_next", description="Next match"),
    binding("search_prev", description="Previous match"),
    binding("clear_search", description="Clear the search highlights"),
    # Escape (`close`) in the reader: leave what is going on, the search highlights first.
    binding(
        "close",
        description="Leave visual mode, or clear the search",
        show=False,
        describes=False,
    ),
    binding("yank", description="Copy the selection or the top paragraph"),
    binding("visual", description="Select paragraphs to copy"),
    binding("quote", description="Save the selection as a quote"),
    binding("bookmark", description="Bookmark this place", priority=True),
    binding("bookmarks", description="List bookmarks"),
    binding("find", description="Find a scene, chapter or passage", priority=True),
    binding("info", description="About this book and the place"),
    binding("suspend", description="Suspend to the shell (fg comes back)"),
    binding("open_external", description="Open the file in $PAGER or $EDITOR"),
    binding("library", description="Library"),
    binding("settings", description="Settings"),
    binding("help", description="Keys"),
    binding("quit", description="Leave the book"),
]
