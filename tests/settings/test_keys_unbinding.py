"""Giving an action no key frees its keys; quit, help and the ways out keep theirs.

A sequence of keys (`g g`) is refused with a plain reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.settings.keymaps import find_clashes
from tui.settings.settings import load_settings


def settings_from(tmp_path: Path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize("nothing", ['""', "[]"])
def test_an_empty_value_leaves_the_action_without_a_key(tmp_path: Path, nothing: str) -> None:
    settings, problems = settings_from(tmp_path, f"[keys]\nopen_external = {nothing}\n")
    assert problems == []
    assert settings.keys["open_external"] == ""
    assert settings.user_keys() == {"open_external": ""}
    assert find_clashes(settings.keys) == []


def test_a_freed_key_can_go_to_another_action(tmp_path: Path) -> None:
    settings, problems = settings_from(tmp_path, '[keys]\nopen_external = []\nnext_chapter = "o"\n')
    assert problems == []
    assert settings.keys["next_chapter"] == "o"


@pytest.mark.parametrize("action", ["quit", "help", "close", "finder_cancel"])
def test_the_ways_out_and_the_help_keep_a_key(tmp_path: Path, action: str) -> None:
    settings, problems = settings_from(tmp_path, f"[keys]\n{action} = []\n")
    assert [p.setting for p in problems] == [f"keys.{action}"]
    assert f"names no key, but {action} must keep one: " in problems[0].message
    assert settings.keys[action] != ""


@pytest.mark.parametrize(
    ("written", "suggestion"),
    # (j and k are other actions' keys: never suggested, so the advice makes no clash)
    [("g g", "g"), ("gg", "g"), ("X X", "X"), ("j k", None), ("ctrl+x ctrl+s", None)],
)
def test_a_sequence_of_keys_is_refused_plainly(
    tmp_path: Path, written: str, suggestion: str | None
) -> None:
    settings, problems = settings_from(tmp_path, f'[keys]\ntop = "{written},home"\n')
    [problem] = problems
    assert problem.setting == "keys.top"
    assert problem.message.startswith(
        f'"{written}" is a sequence of keys, which chapbook does not bind: a key is one key '
        'with optional modifiers, like "g" or "ctrl+g"'
    )
    assert (f'Did you mean "{suggestion}"?' in problem.message) == (suggestion is not None)
    assert settings.keys["top"] == "g,less_than_sign,home"  # the default, until it is fixed


def test_a_key_name_written_in_words_is_still_suggested_as_one(tmp_path: Path) -> None:
    _, problems = settings_from(tmp_path, '[keys]\npage_down = "page down"\n')
    assert 'is not a key name. Did you mean "pagedown"?' in problems[0].message


def test_ctrl_i_never_suggests_tab_while_tab_is_another_entrys_key(tmp_path) -> None:
    from tui.settings.edit import SettingsDraft
    from tui.settings.settings import build_settings, load_settings

    settings, _ = load_settings(tmp_path / "none.toml")
    refused = SettingsDraft(settings).rebind("next_scene", "ctrl+i")
    assert refused.key is None and refused.error == (
        '"ctrl+i" is sent as tab by most terminals, so chapbook cannot bind it apart from tab, '
        "and tab is already jump_forward's key: choose another key"
    )
    # In the file, a default's key may be taken by the user's entry: tab is suggested, with
    # whose key it is.
    _, problems = build_settings({"keys": {"next_scene": "ctrl+i"}}, tmp_path / "s.toml")
    assert "(tab is jump_forward's key now: next_scene would take it)" in (problems[0].message)
    assert 'Did you mean "tab"?' in problems[0].message
    # Not from an entry of the user's own.
    _, problems = build_settings(
        {"keys": {"jump_forward": "tab", "next_scene": "ctrl+i"}}, tmp_path / "s.toml"
    )
    assert "tab is already jump_forward's key: choose another key" in problems[0].message
    # With tab freed, tab is what to bind instead.
    _, problems = build_settings(
        {"keys": {"jump_forward": "x", "next_scene": "ctrl+i"}}, tmp_path / "s.toml"
    )
    assert 'Did you mean "tab"?' in problems[0].message


@pytest.mark.parametrize("written", ["shift+space", "ctrl+?"])
def test_a_key_no_terminal_sends_is_a_problem_at_start(tmp_path, written: str) -> None:
    from tui.settings.settings import build_settings

    settings, problems = build_settings({"keys": {"screen_down": written}}, tmp_path / "s.toml")
    assert (
        len(problems) == 1
        and "by most terminals, so chapbook cannot bind it" in problems[0].message
    )
    assert settings.keys["screen_down"] == "space,f"  # the default stays


def test_ctrl_space_in_any_case_is_bound_as_the_nul_terminals_send(tmp_path) -> None:
    from tui.settings.settings import build_settings

    settings, problems = build_settings({"keys": {"find": "Ctrl+Space"}}, tmp_path / "s.toml")
    assert problems == [] and settings.keys["find"] == "ctrl+@"
