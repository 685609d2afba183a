"""The reader screen's bindings, by their ids in the action registry.

Every action it has, and what its help says of the keys typed before or after an action
(counts, marks).
"""

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
    binding("screen_down"),
    binding("screen_up"),
    binding("window_down"),
    binding("window_up"),
    binding("top"),
    binding("bottom"),
    binding("goto_percent"),
    binding("command"),
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
    binding("redraw"),
    binding("library"),
    binding("settings"),
    binding("help", description="Keys"),
    binding("quit_keys", description="Then Z or Q: leave the book (ZZ, ZQ)"),
    binding("quit", description="Leave the book"),
]

# Under the reader's keys in its help: what no single row says. `{action_id}` is the key the
# user has for that action now.
READER_HELP_NOTES = (
    "Counts, as in vim and less: a number before a move repeats it (5{line_down} is five "
    "lines down, 3{next_scene} three scenes on, 2 {jump_back} two places back); "
    "50{goto_percent} goes halfway; 3{search}word goes to the third match on; "
    "200{bottom} or 200{top}{top} goes to line 200 of the file. Before any other key the "
    "number is dropped.",
    "Paging: without a number each page key moves a screen (less the rows the page_overlap "
    "setting keeps in view). A number before less's keys is "
    "lines, as in less (20 {screen_down} is twenty lines down, 3 {screen_up} three up); "
    "before vim's, pages, as in vim (3 {page_down} is three pages on, 2 {page_up} two back).",
    "Marks: {set_mark} a sets mark a here, {goto_mark} a goes back to it; "
    "{goto_mark}{goto_mark} goes to where the last jump left, and again comes back. When "
    "another window on this book reads on, {goto_mark}{goto_mark} goes to its place too "
    "(the status line says where it is); a window not used for ten minutes before that "
    "takes the place up at its next move.",
    "Search is smart-case: a query all in lowercase matches any case, one with a capital "
    "matches case exactly. {search} or {search_back} and Enter alone repeat the last search.",
)
