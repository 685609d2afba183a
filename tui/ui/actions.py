"""Build Textual `Binding`s with default keys from `config/default.toml`, and read them back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.settings.defaults import default_keys
from tui.settings.keymaps import changed_from_defaults

# Textual keeps a binding's own keys when the keymap gives it none, so an action the user left
# without a key (`open_external = ""`) is bound to this name and its id, which no key sends.
NO_KEY = "no-key-for-"


@dataclass(frozen=True, slots=True)
class Action:
    """What an action id is: how it is described, whether the footer shows it, whether its
    key is read before the focused widget sees it (a priority binding), and whether a count
    typed before its key means something to it (`counted`: 5j, 3n, 50%, 200G, 2 ctrl+o).
    A count before any other action is dropped when its key is pressed, as in vim and less."""

    description: str
    show: bool = True
    priority: bool = False
    counted: bool = False


# Every action chapbook has, by the id that `[keys]` in config/default.toml binds keys to.
# A screen may describe an id in its own words where it means something local (the help
# screen's `line_down` scrolls the help); settings and clashes use the words here.
ACTIONS: dict[str, Action] = {
    # the reader: moving
    "line_down": Action("Line down", show=False, counted=True),
    "line_up": Action("Line up", show=False, counted=True),
    "half_page_down": Action("Half a page down", show=False, counted=True),
    "half_page_up": Action("Half a page up", show=False, counted=True),
    # vim's page keys and less's: a count before vim's is pages, before less's lines.
    "page_down": Action("Page down", show=False, counted=True),
    "page_up": Action("Page up", show=False, counted=True),
    "screen_down": Action("Page down (a count: lines)", show=False, counted=True),
    "screen_up": Action("Page up (a count: lines)", show=False, counted=True),
    # less's z and w: a count before them sets the window (the lines a page moves) for good.
    "window_down": Action("Window down (a count sets its lines)", show=False, counted=True),
    "window_up": Action("Window up (a count sets its lines)", show=False, counted=True),
    "top": Action("Beginning of the book", show=False, counted=True),
    "bottom": Action("End of the book", show=False, counted=True),
    "goto_percent": Action("Go to a percentage", show=False, priority=True, counted=True),
    "command": Action("Command: a line number goes there, q quits", priority=True),
    # the reader: structure
    "next_scene": Action("Next scene", counted=True),
    "prev_scene": Action("Previous scene", counted=True),
    "next_chapter": Action("Next chapter", counted=True),
    "prev_chapter": Action("Previous chapter", counted=True),
    "jump_back": Action("Back to where you were before a jump", counted=True),
    # the reader: search and marks
    "search": Action("Search forward", priority=True, counted=True),
    "search_back": Action("Search backward", priority=True, counted=True),
    "search_next": Action("Next match", counted=True),
    "search_prev": Action("Previous match", counted=True),
    "search_chapter": Action("Search this chapter", priority=True, counted=True),
    "clear_search": Action("Clear the search highlights"),
    "bookmark": Action("Bookmark this place", priority=True),
    "bookmarks": Action("List bookmarks"),
    "remove_keys": Action("Twice: remove the bookmark (dd)", show=False),
    "rename_bookmark": Action("Rename bookmark"),
    "undo_remove": Action("Bring back a removed bookmark"),
    "jump_forward": Action("Forward again, to where you went back from", counted=True),
    "set_mark": Action("Set a mark: then a letter (Enter: a labelled bookmark)"),
    "goto_mark": Action("Go to a mark: then its letter (Enter: the bookmarks)"),
    "contents": Action("Contents: chapters and scenes", priority=True),
    "skip_notes": Action("Past the author's notes here"),
    # the reader: copying and leaving for a while
    "yank": Action("Copy the selection or the top paragraph"),
    "visual": Action("Select paragraphs to copy"),
    "quote": Action("Save the selection as a quote"),
    "info": Action("About this book and the place"),
    "suspend": Action("Suspend to the shell (fg comes back)"),
    "open_external": Action("Open the file in $PAGER or $EDITOR"),
    "redraw": Action("Redraw the whole screen", show=False),
    # everywhere
    "find": Action("Find a scene, chapter or passage", priority=True),
    "library": Action("Library"),
    "settings": Action("Settings"),
    "help": Action("Keys (this help)"),
    "quit": Action("Quit or leave"),
    "quit_keys": Action("Then Z or Q: quit or leave (ZZ, ZQ)", show=False),
    "close": Action("Close, cancel"),
    # the library
    "cursor_down": Action("Next book", show=False, counted=True),
    "cursor_up": Action("Previous book", show=False, counted=True),
    "open_book": Action("Open"),
    "filter": Action("Filter", priority=True),
    "browse_matches": Action("From the filter to the books it found"),
    "sort": Action("Sort"),
    "remove": Action("Remove"),
    "restore_book": Action("Bring back the book removed last"),
    "rescan": Action("Rescan"),
    "add_books": Action("Add a book file or a folder of them"),
    "open_update": Action("First new chapter"),
    "confirm": Action("Remove"),
    "decline": Action("Keep"),
    # the finder
    "finder_accept": Action("Jump there", priority=True),
    "finder_cancel": Action("Back", priority=True),
    "finder_down": Action("Next", show=False, priority=True),
    "finder_up": Action("Previous", show=False, priority=True),
    # the settings screen
    "setting_next": Action("Next value"),
    "setting_prev": Action("Previous value"),
    "rebind": Action("Change / press a new key"),
    "add_key": Action("Add a key, keeping the others"),
    "reset_setting": Action("Back to default"),
    "save_settings": Action("Save"),
    "all_problems": Action("Every problem of the file, or only a few"),
}


def action_info(action_id: str) -> Action:
    """The registry's entry for ``action_id``; a `KeyError` naming it when there is none."""
    try:
        return ACTIONS[action_id]
    except KeyError:
        raise KeyError(f"action {action_id!r} is not in tui.ui.actions.ACTIONS") from None


def takes_count(action_id: str) -> bool:
    """True when a count typed before ``action_id``'s key is its to use; any other action's
    key drops the count (it never waits for a later key)."""
    info = ACTIONS.get(action_id)
    return info is not None and info.counted


def binding(
    action_id: str,
    action: str | None = None,
    description: str | None = None,
    *,
    show: bool | None = None,
    priority: bool | None = None,
) -> Binding:
    """A `Binding` with ``id=action_id``, the default keys `default.toml` gives that id, and
    the description, visibility and priority the registry gives it (unless given here).

    The action defaults to the id itself, so `binding("next_chapter")` runs
    `action_next_chapter`. User keymaps override the keys through `App.set_keymap`.
    """
    info = action_info(action_id)
    return Binding(
        default_keys(action_id),
        action or action_id,
        info.description if description is None else description,
        show=info.show if show is None else show,
        priority=info.priority if priority is None else priority,
        id=action_id,
    )


def textual_keymap(keys: dict[str, str]) -> dict[str, str]:
    """The keymap for `App.set_keymap` from the effective keys (action id → keys): what
    differs from `default.toml`, an action without a key on a name no key press has."""
    return {action: k or NO_KEY + action for action, k in changed_from_defaults(keys).items()}


def pressable(key: str) -> bool:
    """False for the stand-in name of an action that has no key."""
    return not key.startswith(NO_KEY)


def describe_action(action_id: str) -> str:
    """A readable name for an action: the registry's words, else the id as words."""
    info = ACTIONS.get(action_id)
    return info.description if info else action_id.replace("_", " ").capitalize()


@dataclass
class LiveAction:
    """One action as it is bound right now on a screen."""

    action_id: str
    description: str
    keys: list[str] = field(default_factory=list)


def _default_or_empty(action_id: str) -> str:
    try:
        return default_keys(action_id)
    except KeyError:
        return ""


def live_actions(screen: Screen[Any], keymap: dict[str, str]) -> list[LiveAction]:
    """Every action bound on `screen` and its focused widgets, with the keys it has now.

    Read from the screen's live bindings (``keymap`` applied), so it cannot drift from what
    the keys really do. Bindings without an id are left out: every chapbook binding has one.
    """
    found: dict[str, LiveAction] = {}
    # The order the screen declares its actions in, whatever keys were changed: Textual moves
    # a binding the keymap gave new keys to the end of its node's bindings.
    nodes: list[object] = []
    rank: dict[str, tuple[int, int]] = {}
    for key, active in screen.active_bindings.items():
        bound = active.binding
        if bound.id is None:
            continue
        entry = found.get(bound.id)
        if entry is None:
            description = bound.description or describe_action(bound.id)
            entry = found[bound.id] = LiveAction(bound.id, description)
            if active.node not in nodes:
                nodes.append(active.node)
            declared = declared_ids(active.node)
            place = declared.index(bound.id) if bound.id in declared else len(declared)
            rank[bound.id] = (nodes.index(active.node), place)
        if key not in entry.keys and pressable(key):
            entry.keys.append(key)
    for entry in found.values():
        # Show keys in the order the keymap (or default.toml) lists them.
        order = (keymap.get(entry.action_id) or _default_or_empty(entry.action_id)).split(",")
        entry.keys.sort(key=lambda k: order.index(k) if k in order else len(order))
    return sorted(found.values(), key=lambda entry: rank[entry.action_id])


def declared_ids(node: object) -> list[str]:
    """The binding ids a node's class lists in its BINDINGS (its bases' first), in order."""
    ids: list[str] = []
    for cls in reversed(type(node).__mro__):
        for bound in vars(cls).get("BINDINGS", ()):
            if isinstance(bound, Binding) and bound.id and bound.id not in ids:
                ids.append(bound.id)
    return ids


def option_list_moves() -> list[BindingType]:
    """The moves of a list of options (contents, settings) on chapbook's own keys: a row, a
    page (vim's keys and less's), the first and the last row."""
    return [
        binding("cursor_down", "cursor_down", "Down", show=False),
        binding("cursor_up", "cursor_up", "Up", show=False),
        binding("page_down", "page_down", "Page down", show=False),
        binding("page_up", "page_up", "Page up", show=False),
        binding("screen_down", "screen_down", "Page down", show=False),
        binding("screen_up", "screen_up", "Page up", show=False),
        binding("top", "first", "First", show=False),
        binding("bottom", "last", "Last", show=False),
    ]
