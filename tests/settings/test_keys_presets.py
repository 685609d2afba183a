"""Keymap presets and [keys] overrides, and default.toml as the one documented source."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tui.paths import default_config_path
from tui.settings.defaults import defaults
from tui.settings.keymap_check import check_key_value
from tui.settings.keymaps import find_clashes, parse_key_list, preset_keys, preset_names
from tui.settings.schema import SCHEMA
from tui.settings.settings import load_settings


def settings_from(tmp_path: Path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_presets_are_default_vim_less_emacs() -> None:
    assert preset_names() == ["default", "vim", "less", "emacs"]


@pytest.mark.parametrize("preset", ["default", "vim", "less", "emacs"])
def test_each_preset_is_valid_and_has_no_clash(preset: str) -> None:
    keys = preset_keys(preset)
    assert set(keys) == set(defaults()["keys"])
    for action, value in keys.items():
        # ("" leaves an action without a key: less's page keys all count lines)
        assert not value or parse_key_list(value) == value, f"{preset}.{action} not normal"
        assert check_key_value(action, value) == value, f"{preset}.{action} is refused"
    assert find_clashes(keys) == []


def test_vim_preset() -> None:
    keys = preset_keys("vim")
    assert keys["half_page_down"] == "ctrl+d"  # d is not a motion in vim
    assert keys["page_down"].split(",")[0] == "ctrl+f"
    assert "ctrl+e" in keys["line_down"] and "ctrl+y" in keys["line_up"]
    assert keys["bottom"].split(",")[0] == "G" and keys["search_prev"] == "N"
    # vim's H and L turn pages (the reader has no cursor to move); M and L open nothing.
    assert "L" in keys["page_down"].split(",") and "H" in keys["page_up"].split(",")
    assert keys["bookmark"] == "" and keys["library"] == "minus"
    # Space pages down, and b up, as a pager does (`b` is no reader key otherwise).
    assert keys["screen_down"] == "space" and keys["screen_up"] == "b"
    # h and l are left and right (a setting's value), so the help is vim's K and F1.
    assert keys["setting_prev"].startswith("h,") and keys["setting_next"].startswith("l,")
    assert keys["help"] == "K,f1" and "K" not in keys["line_up"].split(",")


def test_less_preset() -> None:
    keys = preset_keys("less")
    # Every page key of less scrolls the lines a count before it gives: none counts pages.
    assert keys["screen_down"].startswith("space") and keys["page_down"] == ""
    assert "b" in keys["screen_up"].split(",") and "ctrl+f" in keys["screen_down"].split(",")
    assert "less_than_sign" in keys["top"] and "greater_than_sign" in keys["bottom"]
    assert "p" in keys["goto_percent"].split(",")
    assert keys["quit"] == "q,Q"


def test_emacs_preset_moves_find_off_ctrl_p() -> None:
    keys = preset_keys("emacs")
    assert keys["line_down"].startswith("ctrl+n") and keys["line_up"].startswith("ctrl+p")
    assert keys["screen_down"].startswith("ctrl+v") and keys["screen_up"].startswith("alt+v")
    assert keys["search"].startswith("ctrl+s") and keys["search_back"].startswith("ctrl+r")
    assert "ctrl+p" not in keys["find"].split(",")


def test_keys_table_applies_on_top_of_the_preset(tmp_path: Path) -> None:
    settings, problems = settings_from(
        tmp_path,
        'keymap = "vim"\n[keys]\nnext_chapter = "x"\npage_down = ["ctrl+v", "ctrl+Down"]\n',
    )
    assert problems == []
    assert settings.keymap == "vim"
    assert settings.keys["next_chapter"] == "x"
    assert settings.keys["page_down"] == "ctrl+v,ctrl+down"
    assert settings.keys["line_down"] == preset_keys("vim")["line_down"]
    assert settings.user_keys() == {"next_chapter": "x", "page_down": "ctrl+v,ctrl+down"}


def test_a_key_of_the_chosen_preset_given_another_action_is_taken_with_a_word(
    tmp_path: Path,
) -> None:
    """[keys] is applied on top of the preset: ctrl+n is next_chapter's, as written, and the
    warning says line_down lost it."""
    settings, problems = settings_from(
        tmp_path, 'keymap = "emacs"\n[keys]\nnext_chapter = "ctrl+n"\n'
    )
    assert [(p.setting, p.warning) for p in problems] == [("keys.next_chapter", True)]
    assert "not line_down (its key in the emacs keymap)" in problems[0].message
    assert settings.keys["next_chapter"] == "ctrl+n"
    assert settings.keys["line_down"] == "down,enter"
    assert settings.taken == {"line_down": {"ctrl+n": "next_chapter"}}


def test_bad_preset_falls_back_to_default_keys(tmp_path: Path) -> None:
    settings, problems = settings_from(tmp_path, 'keymap = "vim-ish"\n')
    assert settings.keymap == "default" and settings.keys == preset_keys("default")
    assert problems[0].setting == "keymap"


def _settings_names(data: dict, prefix: str = "") -> set[str]:
    names = set()
    for key, value in data.items():
        if key in ("keys", "keymaps", "screens"):
            continue
        if isinstance(value, dict):
            names |= _settings_names(value, f"{prefix}{key}.")
        else:
            names.add(prefix + key)
    return names


def test_every_setting_in_default_toml_has_a_rule_and_back() -> None:
    assert _settings_names(defaults()) == set(SCHEMA)


def _comment_above(name: str) -> str:
    """The comment lines just above a setting in default.toml."""
    lines = default_config_path().read_text(encoding="utf-8").splitlines()
    table, _, leaf = name.rpartition(".")
    in_table = not table
    comment: list[str] = []
    for line in lines:
        if line.startswith("["):
            in_table = line.strip() == f"[{table}]"
            comment = []
        elif line.startswith("#"):
            comment.append(line)
        elif in_table and re.match(rf"{leaf}\s*=", line):
            return " ".join(comment)
        else:
            comment = []
    raise AssertionError(f"{name} not found in default.toml")


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_default_toml_documents_each_range_and_choice(name: str) -> None:
    rule = SCHEMA[name]
    comment = _comment_above(name)
    assert comment, f"{name} has no comment in default.toml"
    if rule.kind == "int":
        assert f"{rule.low} to {rule.high}" in comment
    if rule.kind == "choice" and len(rule.options()) <= 8:
        for option in rule.options():
            assert f'"{option}"' in comment, f'{name}: "{option}" is not documented'


def test_default_values_pass_their_own_rules() -> None:
    data = defaults()
    for name, rule in SCHEMA.items():
        value = data
        for part in name.split("."):
            value = value[part]
        assert rule.check(value) is None, name


def test_every_action_has_a_comment_heading_in_default_toml() -> None:
    text = default_config_path().read_text(encoding="utf-8")
    keys_block = text.split("\n[keys]\n", 1)[1].split("\n[keymaps.", 1)[0]
    assert keys_block.lstrip().startswith("#")
    assert set(tomllib.loads("[keys]\n" + keys_block)["keys"]) == set(defaults()["keys"])
