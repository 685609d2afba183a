"""Stepping the scene ornament through common ornaments, and reading a typed number.

Stepping the scene ornament, a free-text setting, through common ornaments on the settings
screen, keeping one written by hand among them; reading a number typed for a setting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.settings.edit import EDITABLE, TEXT_CHOICES, SettingsDraft, typed_number
from tui.settings.settings import load_settings


def draft_for(path: Path) -> SettingsDraft:
    if not path.exists():
        path.write_text("", encoding="utf-8")
    settings, problems = load_settings(path)
    assert not problems
    return SettingsDraft(settings)


def test_the_scene_ornament_is_on_the_settings_screen() -> None:
    assert EDITABLE["reader.scene_ornament"] == "Scene break"


def test_the_ornament_steps_through_common_ones_and_wraps_round(tmp_path: Path) -> None:
    draft = draft_for(tmp_path / "settings.toml")
    ornaments = TEXT_CHOICES["reader.scene_ornament"]
    assert draft.value("reader.scene_ornament") == ornaments[0] == "⁂"
    assert draft.step("reader.scene_ornament", 1) == "* * *"
    assert draft.step("reader.scene_ornament", -1) == "⁂"
    assert draft.step("reader.scene_ornament", -1) == ornaments[-1]


def test_an_ornament_written_by_hand_is_one_of_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[reader]\nscene_ornament = "o0o"\n', encoding="utf-8")
    draft = draft_for(path)
    assert draft.step("reader.scene_ornament", 1) == "⁂"
    draft.reset("reader.scene_ornament")
    assert draft.value("reader.scene_ornament") == "⁂"


def test_an_ornament_written_by_hand_comes_back_after_a_full_round(tmp_path: Path) -> None:
    """Right through every ornament leads back to the user's own, first in the cycle, and
    Left from the first common one goes back to it too."""
    path = tmp_path / "settings.toml"
    path.write_text('[reader]\nscene_ornament = "~ * ~"\n', encoding="utf-8")
    draft = draft_for(path)
    ornaments = TEXT_CHOICES["reader.scene_ornament"]
    seen = [draft.step("reader.scene_ornament", 1) for _ in range(len(ornaments) + 1)]
    assert seen == [*ornaments, "~ * ~"]
    assert draft.step("reader.scene_ornament", 1) == "⁂"
    assert draft.step("reader.scene_ornament", -1) == "~ * ~"
    assert not draft.dirty


def test_a_stepped_ornament_is_saved_as_an_override(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    draft = draft_for(path)
    draft.step("reader.scene_ornament", 1)
    draft.save()
    assert path.read_text(encoding="utf-8") == '[reader]\nscene_ornament = "* * *"\n'


@pytest.mark.parametrize(
    ("typed", "value", "problem"),
    [
        ("120", 120, None),
        (" 72 ", 72, None),
        ("500", None, "500 is out of range: use 20 to 400."),
        ("19", None, "19 is out of range: use 20 to 400."),
        ("64.5", None, "expected a whole number, not 64.5."),
        ("wide", None, 'expected a whole number, not the text "wide".'),
        ("true", None, "expected a whole number, not true."),
        ("", None, "type a whole number from 20 to 400."),
    ],
)
def test_a_typed_text_width_is_checked_as_the_config_file_is(typed, value, problem) -> None:
    assert typed_number("reader.width", typed) == (value, problem)


@pytest.mark.parametrize("pressed", ["pound_sign", "ctrl+pound_sign"])
def test_a_symbol_key_pressed_on_the_settings_screen_is_bound_and_saved(
    tmp_path: Path, pressed: str
) -> None:
    """Textual names £ pressed by its Unicode name, which is no key name in settings.toml: it
    is bound all the same, saved as the character, and read back as the same key."""
    path = tmp_path / "settings.toml"
    draft = draft_for(path)
    result = draft.rebind("bookmarks", pressed)
    assert result.error is None and result.key == pressed
    draft.save()
    assert "£" in path.read_text(encoding="utf-8")
    settings, problems = load_settings(path)
    assert problems == [] and settings.keys["bookmarks"] == pressed
