"""Whatever key a user gives whatever action, settings load: a clash is reported, the default
kept, and every screen's keys are left without a clash."""

from __future__ import annotations

from tui.settings.keymap_check import check_keys
from tui.settings.keymaps import find_clashes, preset_keys, preset_names


def test_every_action_given_every_other_actions_key_loads_without_a_clash() -> None:
    for name in preset_names():
        preset = preset_keys(name)
        taken = sorted({key for keys in preset.values() for key in keys.split(",") if key})
        for action in preset:
            for key in taken:
                problems: list[str] = []
                keys = check_keys({action: key}, preset, _collect(problems))
                assert find_clashes(keys) == [], (name, action, key)
                assert len(problems) <= 1, (name, action, key, problems)
                if problems:
                    assert keys[action] == preset[action]


def _collect(problems: list[str]):
    """A report that keeps each problem's message in ``problems``."""
    return lambda where, why: problems.append(why)


def test_a_misspelt_key_is_never_answered_with_another_actions_key() -> None:
    preset = preset_keys("default")
    assert "ctrl+y" in preset["line_up"].split(",")
    problems: list[str] = []
    check_keys({"yank": "^Y"}, preset, _collect(problems))
    assert problems == [
        '"^Y" is not a key name; the key meant, "ctrl+y", is line_up\'s now: choose another. '
        'Using "y" for now.'
    ]
    problems.clear()
    check_keys({"yank": "^T"}, preset, _collect(problems))  # a free key is still suggested
    assert problems == ['"^T" is not a key name. Did you mean "ctrl+t"? Using "y" for now.']
