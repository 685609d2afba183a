"""Loading settings.toml: merging over the defaults, and finding the line of each problem."""

from __future__ import annotations

from pathlib import Path

from tui.settings.keymaps import preset_keys
from tui.settings.settings import load_settings, locate


def load(tmp_path: Path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_only_what_is_written_changes(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, "[reader]\nwidth = 60\n")
    assert problems == []
    assert settings.reader.width == 60
    assert settings.reader.margin == 2 and settings.theme == "textual-dark"
    assert settings.keys == preset_keys("default")


def test_good_values_survive_next_to_bad_ones(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[reader]\nwidth = 5\nmargin = 4\n[keys]\nquit = "Q"\n')
    assert [p.setting for p in problems] == ["reader.width"]
    assert (settings.reader.width, settings.reader.margin) == (72, 4)
    assert settings.keys["quit"] == "Q"


def test_dotted_and_quoted_keys_are_located(tmp_path: Path) -> None:
    text = 'reader.widht = 80\n\n[ keys ]\n"next_chaptr" = "x"\n'
    _settings, problems = load(tmp_path, text)
    assert [(p.setting, p.line) for p in problems] == [
        ("reader.widht", 1),
        ("keys.next_chaptr", 4),
    ]


def test_locate_finds_tables_and_misses_gracefully() -> None:
    lines = ["theme = 'x'", "[reader]", "width = 1  # note", "[keys]", "quit = 'q'"]
    assert locate(lines, "theme") == 1
    assert locate(lines, "reader") == 2
    assert locate(lines, "reader.width") == 3
    assert locate(lines, "keys.quit") == 5
    assert locate(lines, "keys.help") is None


def test_a_table_where_a_value_belongs(tmp_path: Path) -> None:
    _settings, problems = load(tmp_path, "reader = 3\n[keys.reader]\nx = 1\n")
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "reader: expected a table: write [reader] above its settings.",
        "keys.reader: unknown action.",
    ]


def test_presets_and_screens_tables_are_not_user_settings(tmp_path: Path) -> None:
    _settings, problems = load(tmp_path, '[keymaps.vim]\nline_down = "x"\n')
    assert problems[0].setting == "keymaps"
    assert "choose one with keymap =" in problems[0].message


def test_no_file_is_no_problem() -> None:
    settings, problems = load_settings(None)
    assert problems == [] and settings.path is not None and settings.path.name == "settings.toml"
