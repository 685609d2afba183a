"""Loading settings.toml: merging over the defaults, and finding the line of each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.paths import default_config_path, shown_path
from tui.settings.keymap_check import nearest_action
from tui.settings.keymaps import preset_keys
from tui.settings.settings import load_settings, locate, unknown_setting

LISTED = shown_path(default_config_path())  # where every action id is listed


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
    # (an entry not found as a line of its own is in its table: a `{ }` table's, say)
    assert locate(lines, "keys.help") == 4
    assert locate(lines, "display.borders") is None


def test_a_table_where_a_value_belongs(tmp_path: Path) -> None:
    _settings, problems = load(tmp_path, "reader = 3\n[keys.reader]\nx = 1\n")
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "reader: expected a table: write [reader] above its settings. Using the default [reader] "
        "settings for now.",
        "keys.reader: unknown action: [keys] holds action ids, each with its keys, like "
        f'next_chapter = "x". Every action id is listed under [keys] in {LISTED}. Its entries are '
        "ignored.",
    ]


def test_presets_and_screens_tables_are_not_user_settings(tmp_path: Path) -> None:
    _settings, problems = load(tmp_path, '[keymaps.vim]\nline_down = "x"\n')
    assert problems[0].setting == "keymaps"
    assert "choose one with keymap =" in problems[0].message


def test_no_file_is_no_problem() -> None:
    settings, problems = load_settings(None)
    assert problems == [] and settings.path is not None and settings.path.name == "settings.toml"


def test_an_unknown_action_gets_a_near_id_and_where_the_ids_are(tmp_path: Path) -> None:
    text = '[keys]\ngo_wild = "x"\nx = "next_chapter"\nchapter_next = "x"\n'
    settings, problems = load(tmp_path, text)
    assert [(p.line, p.message) for p in problems] == [
        (
            2,
            f"unknown action. Every action id is listed under [keys] in {LISTED}. It is ignored.",
        ),
        (
            3,
            'unknown action: write the action first, next_chapter = "x". '
            f"Every action id is listed under [keys] in {LISTED}. It is ignored.",
        ),
        (
            4,
            'unknown action. Did you mean "next_chapter"? '
            f"Every action id is listed under [keys] in {LISTED}. It is ignored.",
        ),
    ]
    assert settings.keys == preset_keys("default")
    assert "[keys]" in default_config_path().read_text(encoding="utf-8")


def test_the_nearest_action_id() -> None:
    ids = list(preset_keys("default"))
    assert nearest_action("nxt_chap", ids) == "next_chapter"
    assert nearest_action("NextChapter", ids) == "next_chapter"
    assert nearest_action("next-chapter", ids) == "next_chapter"
    assert nearest_action("pagedown", ids) == "page_down"
    assert nearest_action("serach", ids) == "search"
    assert nearest_action("_", ids) is None  # nothing alike: no guess
    assert nearest_action("next_chaptr", ids) == "next_chapter"
    assert nearest_action("bookmakrs", ids) == "bookmarks"


@pytest.mark.parametrize("far", ["go_wild", "toggle_theme", "scroll_down", "cursor_left", "jump"])
def test_no_guess_for_an_action_id_spelt_unlike_any(far: str) -> None:
    """Sharing a few letters (`go_wild`, `find`) or a word (`scroll_down`, `cursor_down`) is
    not a slip of the keyboard: a guess there would send the user the wrong way."""
    assert nearest_action(far, list(preset_keys("default"))) is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("reader.widht", 'unknown setting. Did you mean "reader.width"? It is ignored.'),
        ("widht", 'unknown setting. Did you mean "reader.width"? It is ignored.'),
        ("reader.sort", "sort belongs under [library], not [reader]. It is ignored."),
        ("them", 'unknown setting. Did you mean "theme"? It is ignored.'),
        (
            "reader.font",
            "unknown setting: [reader] holds width, margin, paragraph_style, justify, "
            "page_overlap, words_per_minute, scene_ornament, search_regex, chapter_notes. "
            "It is ignored.",
        ),
        ("display.font", "unknown setting: [display] holds borders. It is ignored."),
        (
            "fonts",
            "unknown setting: the settings outside a table are theme, keymap; the tables are "
            "[reader], [library], [display], [keys]. It is ignored.",
        ),
    ],
)
def test_an_unknown_setting_gets_a_near_name_or_its_table_listed(name: str, message: str) -> None:
    assert unknown_setting(name) == message


def test_an_unknown_table_is_called_a_table_with_a_near_name(tmp_path: Path) -> None:
    _settings, problems = load(tmp_path, "[reaer]\nwidth = 70\n[fonts]\nsize = 3\n")
    assert [(p.setting, p.line, p.message) for p in problems] == [
        ("reaer", 1, 'unknown table. Did you mean "[reader]"? Its entries are ignored.'),
        (
            "fonts",
            3,
            "unknown table: the tables are [reader], [library], [display], [keys]. "
            "Its entries are ignored.",
        ),
    ]


def test_a_list_of_keys_points_at_the_item_that_is_not_a_key(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[keys]\nsearch = ["slash", 5]\nhelp = ["h", ["x"]]\n')
    assert [(p.setting, p.line, p.message) for p in problems] == [
        (
            "keys.search",
            2,
            'item 2 of the list is 5, not a key in quotes like "x" or "ctrl+f". '
            'Using "/,&" for now.',
        ),
        (
            "keys.help",
            3,
            'item 2 of the list is a list, not a key in quotes like "x" or "ctrl+f". '
            'Using "h,f1" for now.',
        ),
    ]
    assert settings.keys["search"] == preset_keys("default")["search"]


def test_a_blank_key_is_reported_and_the_default_kept(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[keys]\nprev_scene = " "\nnext_scene = "\\t"\n')
    assert [(p.setting, p.line, p.message) for p in problems] == [
        ("keys.prev_scene", 2, '" " is not a key name: write "space". Using "[" for now.'),
        ("keys.next_scene", 3, '"\\t" is not a key name: write "tab". Using "]" for now.'),
    ]
    assert settings.keys["prev_scene"] == "left_square_bracket"
    assert settings.keys["next_scene"] == "right_square_bracket"


def test_a_trailing_comma_is_named_with_how_to_write_the_comma_key(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[keys]\nprev_scene = "[,"\n')
    assert [str(p) for p in problems] == [
        f"{shown_path(tmp_path / 'settings.toml')}:2: keys.prev_scene: "
        '"[," has a comma at its end, which makes an empty key name (a comma separates keys): '
        'remove that comma, or write the comma key as "comma": "[,comma". Using "[" for now.'
    ]
    assert settings.keys["prev_scene"] == "left_square_bracket"


def test_an_empty_value_still_frees_an_actions_keys(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[keys]\nprev_scene = ""\n')
    assert problems == [] and settings.keys["prev_scene"] == ""


def test_a_key_set_twice_names_it_and_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "b4.toml"
    path.write_text('[keys]\nfind = "ctrl+p"\nfind = "ctrl+t"\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert [p.brief() for p in problems] == [
        "b4.toml:3:16: not valid TOML: find in [keys] is set twice: first on line 2, again "
        "here; keep only one of the two. Fix that line; until then chapbook uses the default "
        "settings."
    ]
    assert settings.keys["find"] == "ctrl+p"  # the defaults


def test_a_latin1_file_says_where_its_first_bad_byte_is(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[reader]\nscene_ornament = "* é *"\n'.encode("latin-1"))
    _settings, problems = load_settings(path)
    assert [p.brief() for p in problems] == [
        'latin1.toml:2:21: is not UTF-8 text: the byte 0xE9 ("é" in Latin-1) here is not '
        "UTF-8. Save the file as UTF-8 (your editor's encoding choice when saving). Using the "
        "default settings for now."
    ]


def test_a_preset_table_in_the_users_file_has_its_line(tmp_path: Path) -> None:
    _settings, problems = load(tmp_path, 'theme = "nord"\n\n[keymaps.vim]\nline_down = "x"\n')
    assert [(p.setting, p.line) for p in problems] == [("keymaps", 3)]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("bookmark_add", "bookmark"),
        ("add_bookmark", "bookmark"),
        ("AddBookmark", "bookmark"),
        ("add_bookmarks", "bookmarks"),
        ("go_to_top", "top"),
        ("search_next_match", "search_next"),
    ],
)
def test_an_action_id_with_words_of_its_own_around_it_is_suggested(written, meant) -> None:
    """Not a slip of the keyboard but a word more, in either order: the id's words are all
    there."""
    assert nearest_action(written, list(preset_keys("default"))) == meant


def test_a_key_written_twice_in_one_binding_is_a_warning_and_bound(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[keys]\nnext_scene = "x,X,x,x"\n')
    assert settings.keys["next_scene"] == "x,X"
    [problem] = problems
    assert problem.warning and problem.setting == "keys.next_scene"
    assert problem.message.startswith('"x" is written more than once: it is bound once')
    assert str(problem).endswith(f"settings.toml:2: warning: keys.next_scene: {problem.message}")


def test_a_settings_name_in_the_wrong_table_says_which_it_belongs_in(tmp_path: Path) -> None:
    settings, problems = load(tmp_path, '[keys]\nkeymap = "less"\n[display]\nnext_chapter = "x"\n')
    assert [(p.setting, p.message) for p in problems] == [
        (
            "keys.keymap",
            "the keymap preset is the setting keymap, not an entry of [keys]: write keymap = "
            '"less" at the top of the file, before [keys] on line 1, the first table, and remove '
            "this line.",
        ),
        (
            "display.next_chapter",
            "next_chapter is an action, not a setting: its keys belong under [keys], as "
            'next_chapter = "x". It is ignored.',
        ),
    ]
    assert settings.keymap == "default"


def test_a_preset_under_keys_is_not_used_as_an_action(tmp_path: Path) -> None:
    """`preset = "vim"` under [keys] changes no key and no preset: it is told, at its line."""
    settings, problems = load(tmp_path, '[keys]\npreset = "vim"\nnext_chapter = "x"\n')
    assert settings.keymap == "default" and settings.keys["next_chapter"] == "x"
    assert [(p.line, p.setting) for p in problems] == [(2, "keys.preset")]
