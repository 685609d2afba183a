"""Whatever key a user gives whatever action, settings load.

A clash is reported, the default kept, and every screen's keys are left without a clash.
"""

from __future__ import annotations

from tui.settings.keymap_check import check_keys
from tui.settings.keymaps import find_clashes, preset_keys, preset_names


def test_every_action_given_every_other_actions_key_loads_without_a_clash() -> None:
    """The key given runs the action it was given to, the default that had it losing it
    with a warning; only where it is the last key of an action that must keep one is it
    refused, the default kept."""
    for name in preset_names():
        preset = preset_keys(name)
        taken = sorted({key for keys in preset.values() for key in keys.split(",") if key})
        for action in preset:
            for key in taken:
                problems: list[str] = []
                warnings: list[str] = []
                keys, _lost = check_keys({action: key}, preset, _collect(problems, warnings))
                assert find_clashes(keys) == [], (name, action, key)
                assert len(problems) <= 1, (name, action, key, problems)
                if problems:
                    assert keys[action] == preset[action]
                elif key not in ("ctrl+c", "ctrl+q"):
                    assert key in keys[action].split(","), (name, action, key, warnings)


def _collect(problems: list[str], warnings: list[str] | None = None):
    """A report that keeps each problem's message in ``problems`` (and each warning's in
    ``warnings``, when given)."""

    def report(where: str, why: str, *, warning: bool = False) -> None:
        if warning and warnings is not None:
            warnings.append(why)
        elif not warning:
            problems.append(why)

    return report


def test_a_misspelt_key_is_never_answered_with_a_key_of_the_users_own() -> None:
    preset = preset_keys("default")
    assert "ctrl+y" in preset["line_up"].split(",")
    problems: list[str] = []
    check_keys({"yank": "^Y"}, preset, _collect(problems))
    # A default's key is suggested, with whose it is: written so, it would be yank's.
    assert problems == [
        '"^Y" is not a key name (ctrl+y is line_up\'s key now: yank would take it). Did '
        'you mean "ctrl+y"? Using "y" for now.'
    ]
    problems.clear()
    # One of the user's own entries is never taken: its key is not suggested.
    check_keys({"line_up": "ctrl+y", "yank": "^Y"}, preset, _collect(problems))
    assert problems == [
        '"^Y" is not a key name; the key meant, "ctrl+y", is line_up\'s key now: choose another. '
        'Using "y" for now.'
    ]
    problems.clear()
    check_keys({"yank": "^T"}, preset, _collect(problems))  # a free key is still suggested
    assert problems == ['"^T" is not a key name. Did you mean "ctrl+t"? Using "y" for now.']


def test_whatever_keys_a_file_gives_every_way_out_keeps_a_key() -> None:
    """Entries taking several keys of one action at once (`top = "Q,q"`: quit's two) leave it
    its last; no screen is left with a clash, and each key taken runs its new action."""
    import random

    from tui.settings.key_clashes import KEEPS_A_KEY

    chance = random.Random(7)
    for name in preset_names():
        preset = preset_keys(name)
        keys = sorted({key for value in preset.values() for key in value.split(",") if key})
        actions = list(preset)
        for _ in range(300):
            table = {
                chance.choice(actions): ",".join(chance.sample(keys, chance.randint(0, 3)))
                for _ in range(chance.randint(1, 6))
            }
            result, taken = check_keys(table, preset, _collect([], []))
            assert find_clashes(result) == [], (name, table)
            assert all(result[action] for action in KEEPS_A_KEY), (name, table)
            for loser, lost in taken.items():
                for key, taker in lost.items():
                    assert key in result[taker].split(","), (name, table)
                    assert key not in result[loser].split(","), (name, table)
    problems: list[str] = []
    result, _taken = check_keys({"top": "Q,q"}, preset_keys("default"), _collect(problems))
    assert result["quit"] == "q" and result["top"] == "Q"
    assert problems[0].startswith('"q" is quit\'s only key on the reader screen')
