"""The reader screen's bindings: every action it has, by its id in the action registry."""

from __future__ import annotations

from textual.binding import BindingType

from tui.ui.actions import binding

READER_BINDINGS: list[BindingType] = [
    binding("line_down"),
    binding("line_up"),
    binding("half_page_down"),
    binding("half_page_up"),
    binding("page_down"),
    binding("page_up"),
    binding("top"),
    binding("bottom"),
    binding("goto_percent"),
    binding("next_scene"),
    binding("prev_scene"),
    binding("next_chapter"),
    binding("prev_chapter"),
    binding("skip_notes"),
    binding("open_update", description="First new chapter"),
    binding("jump_back"),
    binding("jump_forward"),
    binding("set_mark"),
    binding("goto_mark"),
    binding("contents"),
    binding("search"),
    binding("search_back"),
    binding("search_chapter"),
    binding("search_next"),
    binding("search_prev"),
    binding("clear_search"),
    # Escape (`close`) in the reader: leave what is going on, the search highlights first.
    binding("close", description="Leave visual mode, or clear the search", show=False),
    binding("yank"),
    binding("visual"),
    binding("quote"),
    binding("bookmark"),
    binding("bookmarks"),
    binding("find"),
    binding("info"),
    binding("suspend"),
    binding("open_external"),
    binding("library"),
    binding("settings"),
    binding("help", description="Keys"),
    binding("quit", description="Leave the book"),
]
