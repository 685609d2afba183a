"""Every binding has an id listed in default.toml, and [screens] matches the screens' bindings.

`[screens]` in default.toml tells the core (which cannot import Textual) which actions share a
screen, so `chapbook config check` can find clashes. These tests read the real screen and widget
classes, so the table cannot drift from them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
from textual.actions import parse
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

import tui.ui.dialogs
import tui.ui.screens
import tui.ui.widgets
from tui.settings.defaults import defaults
from tui.settings.keymaps import screen_actions
from tui.ui.app import ChapbookApp


def _our_classes() -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for package in (tui.ui.screens, tui.ui.dialogs, tui.ui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                    found.append(cls)
    return found


CLASSES = _our_classes()
SCREENS = [cls for cls in CLASSES if issubclass(cls, Screen)]
WIDGETS = [cls for cls in CLASSES if issubclass(cls, Widget) and not issubclass(cls, Screen)]


def table_name(cls: type) -> str:
    """`ReaderScreen` → `reader`, `BookmarkLabelScreen` → `bookmark_label`, or `KEYS_SCREEN`."""
    if getattr(cls, "KEYS_SCREEN", None):
        return str(cls.KEYS_SCREEN)
    name = cls.__name__.removesuffix("Screen") or cls.__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def own_ids(cls: type[DOMNode]) -> set[str]:
    merged = cls._merged_bindings
    return {binding.id for _key, binding in merged if binding.id} if merged else set()


def composed_widgets(cls: type[DOMNode], seen: frozenset[type] = frozenset()) -> set[type]:
    """Our widget classes that `cls` builds (its source calls `Name(`), and theirs in turn."""
    source = inspect.getsource(cls)
    found: set[type] = set()
    for widget in WIDGETS:
        if (
            widget not in seen
            and widget is not cls
            and re.search(rf"\b{widget.__name__}\(", source)
        ):
            found |= {widget} | composed_widgets(widget, seen | {cls, widget})
    return found


def screen_ids(cls: type[Screen]) -> set[str]:
    ids = own_ids(cls)
    for widget in composed_widgets(cls):
        ids |= own_ids(widget)
    return ids


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_binding_has_an_id_listed_in_default_toml(cls: type[DOMNode]) -> None:
    merged = cls._merged_bindings
    bindings = [binding for _key, binding in merged] if merged else []
    # A text field keeps Textual's own editing keys (cursor moves, deleting words): they are
    # the field's, not chapbook actions, and the screens' priority keys act before them.
    editing = (
        {(key, b.action) for key, b in Input._merged_bindings} if issubclass(cls, Input) else set()
    )
    bindings = [b for key, b in (merged or []) if (key, b.action) not in editing]
    missing = sorted({f"{b.key} → {b.action}" for b in bindings if not b.id})
    assert not missing, (
        f"{cls.__name__} has bindings without an id (declare them with tui.ui.actions.binding, "
        f"and use inherit_bindings=False to drop Textual's own): {missing}"
    )
    unknown = sorted({b.id for b in bindings if b.id and b.id not in defaults()["keys"]})
    assert not unknown, f"{cls.__name__}: add these ids to [keys] in default.toml: {unknown}"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_binding_names_a_real_action(cls: type[DOMNode]) -> None:
    merged = cls._merged_bindings
    for _key, binding in merged or []:
        namespace, name, _params = parse(binding.action)
        target = ChapbookApp if namespace == "app" else Screen if namespace == "screen" else cls
        if namespace == "screen":
            continue  # resolved on whichever screen holds the widget
        assert hasattr(target, f"action_{name}"), f"{cls.__name__}: no action_{name}"


@pytest.mark.parametrize(
    "cls", [cls for cls in SCREENS if screen_ids(cls)], ids=lambda cls: cls.__name__
)
def test_screens_table_matches_the_live_bindings(cls: type[Screen]) -> None:
    name = table_name(cls)
    ids = screen_ids(cls)
    table = screen_actions()
    assert name in table, (
        f"add to [screens] in default.toml: {name} = {sorted(ids)} "
        f"(or give {cls.__name__} a KEYS_SCREEN naming its entry)"
    )
    assert set(table[name]) == ids, (
        f"[screens] {name} in default.toml is out of date: "
        f"missing {sorted(ids - set(table[name]))}, stale {sorted(set(table[name]) - ids)}"
    )


def test_every_table_entry_is_a_screen() -> None:
    names = {table_name(cls) for cls in SCREENS}
    assert set(screen_actions()) <= names


def test_every_action_in_default_toml_is_bound_on_some_screen() -> None:
    used = set().union(*(screen_ids(cls) for cls in SCREENS))
    unused = sorted(set(defaults()["keys"]) - used)
    assert not unused, f"[keys] entries no screen binds: {unused}"
