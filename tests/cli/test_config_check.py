"""`chapbook config check|path|init`: each problem's message exactly as the command prints it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tui.cli import main
from tui.paths import default_config_path, settings_path, shown_path

LISTED = shown_path(default_config_path())  # where every action id is listed


def check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    code = main(["config", "check", "--config", str(path)])
    out = capsys.readouterr().out
    return code, [line.replace(str(path), "settings.toml") for line in out.splitlines()]


# Each case: the settings.toml text, the exit status, and the lines `config check` prints.
CHECKS = [
    pytest.param(
        'theme = "nord"\n[reader\nwidth = 80\n',
        1,
        [
            'settings.toml:2:8: not valid TOML: the header "[reader" has no closing "]": '
            "write [reader]. Fix that line; until then chapbook uses the default settings."
        ],
        id="toml_syntax_error_names_line_and_column",
    ),
    # tomllib says [keys] is declared twice: the slip is the header's missing "]".
    pytest.param(
        '[keys]\nquit = "q"\n[reader]\nwidth = 60\n[keys\n',
        1,
        [
            'settings.toml:5:6: not valid TOML: the header "[keys" has no closing "]": write '
            "[keys]. Fix that line; until then chapbook uses the default settings."
        ],
        id="an_unclosed_header_is_named_not_a_table_declared_twice",
    ),
    # tomllib says only "Invalid value (at end of document)": the list's line and bracket.
    pytest.param(
        'theme = "ansi"\nwidth = [\n',
        1,
        [
            'settings.toml:2:9: not valid TOML: a list is missing its closing "]". '
            "Fix that line; until then chapbook uses the default settings."
        ],
        id="a_list_left_open_at_the_end_names_its_line_not_quotes",
    ),
    # The key named as it was written (`?`), not by Textual's name for it (question_mark).
    pytest.param(
        '[keys]\nhelp = "?"\n',
        1,
        [
            'settings.toml:2: keys.help: "?" is also search_back\'s key on the reader screen: '
            'choose another key, or give search_back another key too. Using "h,f1" for now.',
        ],
        id="a_clashing_key_is_named_as_written",
    ),
    pytest.param(
        '[keys]\nnext_chapter = "x"\n[keys]\nnext_chaptr = "x"\n',
        1,
        [
            "settings.toml:3:6: not valid TOML: the table [keys] is declared twice. "
            "Fix that line; until then chapbook uses the default settings."
        ],
        id="a_table_declared_twice_in_plain_words",
    ),
    pytest.param(
        "[reader]\nwidht = 80\n",
        1,
        ['settings.toml:2: reader.widht: unknown setting. Did you mean "reader.width"?'],
        id="unknown_setting_suggests_the_right_name",
    ),
    pytest.param(
        "words_per_minute = 300\n",
        1,
        [
            "settings.toml:1: words_per_minute: words_per_minute belongs under [reader], not at "
            "the top of the file."
        ],
        id="setting_outside_its_table_is_pointed_to_it",
    ),
    pytest.param(
        '[keys]\nkeymap = "less"\nwidth = 60\n',
        1,
        [
            "settings.toml:2: keys.keymap: keymap is a setting, not an action: it belongs at the "
            "top of the file, above [keys] and every other table.",
            "settings.toml:3: keys.width: width is a setting, not an action: it belongs under "
            "[reader].",
        ],
        id="a_setting_under_keys_says_where_it_belongs",
    ),
    pytest.param(
        '[reader]\ntheme = "nord"\nborders = "ascii"\n',
        1,
        [
            "settings.toml:2: reader.theme: theme belongs at the top of the file, above [reader] "
            "and every other table.",
            "settings.toml:3: reader.borders: borders belongs under [display], not [reader].",
        ],
        id="a_setting_under_another_table_says_which_it_belongs_in",
    ),
    pytest.param(
        '[keys]\nbookmark_add = "x"\nadd_bookmark = "z"\n',
        1,
        [
            'settings.toml:2: keys.bookmark_add: unknown action. Did you mean "bookmark"? '
            f"Every action id is listed under [keys] in {LISTED}.",
            'settings.toml:3: keys.add_bookmark: unknown action. Did you mean "bookmark"? '
            f"Every action id is listed under [keys] in {LISTED}.",
        ],
        id="an_action_id_with_a_word_more_is_suggested_in_either_order",
    ),
    pytest.param(
        '[keys]\nnext_scene = "w,w"\nprev_scene = ["[", "left_square_bracket"]\n',
        0,
        [
            'settings.toml:2: warning: keys.next_scene: "w" is written twice: it is bound once, '
            "so remove the repeat or write the key you meant there.",
            'settings.toml:3: warning: keys.prev_scene: "[" and "left_square_bracket" are one '
            "key: it is bound once, so remove the repeat or write the key you meant there.",
        ],
        id="a_key_written_twice_in_one_binding_is_a_warning",
    ),
    # A word that is a character's Unicode name is no key name: Textual delivers "banana"
    # only for a 🍌 pasted, never for a key, and a character is written as itself.
    pytest.param(
        '[keys]\nbookmark = "ctrl+shift+banana"\nsearch = "shift+banana"\nfind = "banana"\n'
        'yank = "pound_sign"\n',
        1,
        [
            'settings.toml:2: keys.bookmark: "ctrl+shift+banana" is not a key name: "banana" is '
            'the Unicode name of 🍌, which no key types. Using "M" for now.',
            'settings.toml:3: keys.search: "shift+banana" is not a key name: "banana" is the '
            'Unicode name of 🍌, which no key types. Using "/" for now.',
            'settings.toml:4: keys.find: "banana" is not a key name: it is the Unicode name of '
            '🍌, which no key types. Using "ctrl+p" for now.',
            'settings.toml:5: keys.yank: "pound_sign" is not a key name: it is the name of the '
            'character £, which is written as itself. Did you mean "£"? Using "y" for now.',
        ],
        id="a_unicode_name_is_not_a_key_name",
    ),
    # Keys most terminals never send as such: still bound (kitty's protocol sends them), but
    # the user is told what arrives instead, and what to write.
    pytest.param(
        '[keys]\nnext_chapter = "ctrl+shift+x"\nprev_chapter = "super+q"\n'
        'bookmarks = "meta+b"\nyank = "ctrl+shift+p"\n',
        0,
        [
            'settings.toml:2: warning: keys.next_chapter: "ctrl+shift+x" arrives as ctrl+x from '
            "most terminals, which send Ctrl+Shift+X as Ctrl+X; only terminals with the kitty "
            "keyboard protocol (kitty, foot, WezTerm, Ghostty) send it apart. "
            'Did you mean "ctrl+x"?',
            'settings.toml:3: warning: keys.prev_chapter: "super+q" never arrives from most '
            "terminals: the desktop or the terminal keeps Super (the Windows or Command key) for "
            "itself, or sends q without it; only terminals with the kitty keyboard protocol "
            '(kitty, foot, WezTerm, Ghostty) send it. Did you mean "alt+q"?',
            'settings.toml:4: warning: keys.bookmarks: "meta+b" arrives as alt+b from most '
            "terminals: they send Meta as Alt (Escape, then the key), and only terminals with the "
            "kitty keyboard protocol (kitty, foot, WezTerm, Ghostty) tell the two apart. "
            'Did you mean "alt+b"?',
            'settings.toml:5: warning: keys.yank: "ctrl+shift+p" arrives as ctrl+p from most '
            "terminals, which send Ctrl+Shift+P as Ctrl+P; only terminals with the kitty keyboard "
            "protocol (kitty, foot, WezTerm, Ghostty) send it apart; ctrl+p is find's key here.",
        ],
        id="keys_most_terminals_do_not_send_are_a_warning_naming_what_arrives",
    ),
    pytest.param(
        '[keys]\nnext_chaptr = "x"\n',
        1,
        [
            'settings.toml:2: keys.next_chaptr: unknown action. Did you mean "next_chapter"? '
            f"Every action id is listed under [keys] in {LISTED}."
        ],
        id="unknown_action_suggests_the_right_id",
    ),
    pytest.param(
        "[reader]\nfont = 80\n",
        1,
        [
            "settings.toml:2: reader.font: unknown setting: [reader] holds width, margin, "
            "paragraph_style, justify, words_per_minute, scene_ornament, search_regex, "
            "chapter_notes."
        ],
        id="unknown_setting_unlike_any_lists_its_table",
    ),
    pytest.param(
        '[keys]\ngo_wild = "x"\n',
        1,
        [
            "settings.toml:2: keys.go_wild: unknown action. "
            f"Every action id is listed under [keys] in {LISTED}."
        ],
        id="unknown_action_far_from_any_id_gets_no_guess_but_where_ids_are",
    ),
    pytest.param(
        '[keys]\nsearch = ["slash", 5]\n',
        1,
        [
            'settings.toml:2: keys.search: item 2 of the list is 5, not a key in quotes like "x" '
            'or "ctrl+f". Using "/" for now.'
        ],
        id="a_list_of_keys_points_at_the_item_that_is_not_a_key",
    ),
    pytest.param(
        '[keys]\npage_down = "space,ctrl+pgdn"\n',
        1,
        [
            'settings.toml:2: keys.page_down: "ctrl+pgdn" is not a key name. '
            'Did you mean "ctrl+pagedown"? Using "ctrl+f,pagedown" for now.'
        ],
        id="invalid_key_name_suggests_a_real_one",
    ),
    pytest.param(
        '[reader]\nwidth = "wide"\njustify = "yes"\n',
        1,
        [
            'settings.toml:2: reader.width: expected a whole number, not the text "wide". '
            "Using 72 for now.",
            'settings.toml:3: reader.justify: expected true or false, not the text "yes": '
            "write true or false, without quotes. Using false for now.",
        ],
        id="wrong_type",
    ),
    # `justify = yes` is no TOML: the words to write are true and false.
    pytest.param(
        '[reader]\njustify = "true"\nsearch_regex = "No"\n',
        1,
        [
            'settings.toml:2: reader.justify: expected true or false, not the text "true": '
            "write it without quotes. Using false for now.",
            'settings.toml:3: reader.search_regex: expected true or false, not the text "No": '
            "write true or false, without quotes. Using false for now.",
        ],
        id="a_yes_or_no_in_quotes_says_to_write_true_or_false",
    ),
    # The clashing key comes from the keymap preset the user chose: say so.
    pytest.param(
        'keymap = "less"\n[keys]\nyank = "y"\n',
        1,
        [
            'settings.toml:3: keys.yank: "y" is also line_up\'s key on the reader screen in the '
            'less keymap ([keymaps.less], keymap = "less"): choose another key, or give line_up '
            'another key too. Using "c" for now.',
        ],
        id="a_clash_with_a_presets_key_names_the_preset",
    ),
    pytest.param(
        "[reader]\nwords_per_minute = 5\n",
        1,
        [
            "settings.toml:2: reader.words_per_minute: 5 is out of range: use 50 to 2000. "
            "Using 250 for now."
        ],
        id="value_out_of_range",
    ),
    pytest.param(
        'theme = "nrod"\nkeymap = "vi"\n',
        1,
        [
            'settings.toml:1: theme: "nrod" is not one of the choices. Did you mean "nord"? '
            'Using "textual-dark" for now.',
            'settings.toml:2: keymap: "vi" is not one of the choices. Did you mean "vim"? '
            'Using "default" for now.',
        ],
        id="unknown_choice_suggests_the_closest",
    ),
    pytest.param(
        '[keys]\nnext_chapter = "n"\n',
        1,
        [
            'settings.toml:2: keys.next_chapter: "n" is also search_next\'s key on the reader '
            "screen: choose another key, or give search_next another key too. "
            'Using "}" for now.'
        ],
        id="same_key_for_two_actions_on_one_screen",
    ),
    pytest.param(
        '[keys]\nnext_scene = "x"\nprev_scene = "x"\n',
        1,
        [
            'settings.toml:3: keys.prev_scene: "x" is also next_scene\'s key on the reader screen: '
            'give one of them another key. Using "]" for next_scene and "[" for prev_scene '
            "for now.",
        ],
        id="two_of_your_own_keys_clashing_are_reported_once_at_the_later",
    ),
    pytest.param(
        'theme = "x"\n[keys]\nsearch_next = "n"\nnext_scene = "n"\nline_down = 7\n'
        "[reader]\nwidth = 1\n",
        1,
        [
            'settings.toml:1: theme: "x" is not one of the choices: use "paper", "ansi", '
            '"textual-dark", "textual-light", "nord", "gruvbox" ... (listed in default.toml). '
            'Using "textual-dark" for now.',
            'settings.toml:4: keys.next_scene: "n" is also search_next\'s key on the reader '
            'screen: give one of them another key. Using "n" for search_next and "]" for '
            "next_scene for now.",
            'settings.toml:5: keys.line_down: expected keys in quotes, like "x" or "ctrl+f", '
            'not 7. Using "j,down,enter,ctrl+e" for now.',
            "settings.toml:7: reader.width: 1 is out of range: use 20 to 400. Using 72 for now.",
        ],
        id="problems_are_listed_in_the_order_of_the_file_lines",
    ),
    # help is on every screen, and so is q for quit: one clash on each screen, told once.
    pytest.param(
        '[keys]\nhelp = "q"\n',
        1,
        [
            'settings.toml:2: keys.help: "q" is also quit\'s key on the reader screen: choose '
            'another key, or give quit another key too. Using "h,f1" for now.',
        ],
        id="a_key_clashing_on_several_screens_is_told_once",
    ),
    # Only the keys that clash go, each named; the entry's other keys stay (`J`).
    pytest.param(
        '[keys]\npage_down = "space,f,pagedown,J"\n',
        1,
        [
            'settings.toml:2: keys.page_down: "space" is also screen_down\'s key on the reader '
            "screen: choose another key, or give screen_down another key too. "
            'Using "f,pagedown,J" for now.',
            'settings.toml:2: keys.page_down: "f" is also screen_down\'s key on the reader '
            "screen: choose another key, or give screen_down another key too. "
            'Using "pagedown,J" for now.',
        ],
        id="only_the_clashing_keys_of_an_entry_go_each_named",
    ),
    # `x` removes a book in the library; in the reader it is free.
    pytest.param(
        '[keys]\nnext_chapter = "x"\n',
        0,
        ["settings.toml: no problems"],
        id="the_same_key_on_different_screens_is_fine",
    ),
    pytest.param(
        '[keys]\nquit = "ctrl+c"\nfinder_down = "j"\n',
        1,
        [
            'settings.toml:2: keys.quit: "ctrl+c" cannot be bound: it copies selected text and, in '
            'a terminal, interrupts. Using "q" for now.',
            'settings.toml:3: keys.finder_down: "j" would be typed into the finder\'s search box '
            'instead: use a key with ctrl or alt, or an arrow key. Using "down,ctrl+n" for now.',
        ],
        id="reserved_and_untypable_keys",
    ),
    pytest.param(
        '[keys]\nline_up = "k,up,5"\n',
        1,
        [
            'settings.toml:2: keys.line_up: "5" is a digit, which the reader takes as a count '
            'before a key (5j is five lines down): use another key. Using "k,up,ctrl+y" for now.',
        ],
        id="a_digit_is_a_count_not_a_key",
    ),
    pytest.param(
        '[keys]\nnext_scene = "next_chapter"\n',
        1,
        [
            'settings.toml:2: keys.next_scene: "next_chapter" names an action, not a key: give '
            'next_scene a key, as in "x" or "ctrl+f". Using "]" for now.',
        ],
        id="an_action_written_where_its_key_belongs",
    ),
    pytest.param(
        '[keys]\nhelp = 5\nquit = ""\n',
        1,
        [
            'settings.toml:2: keys.help: expected keys in quotes, like "x" or "ctrl+f", not 5. '
            'Using "h,f1" for now.',
            "settings.toml:3: keys.quit: names no key, but quit must keep one: it is how you "
            'leave a screen and chapbook. Using "q" for now.',
        ],
        id="key_value_of_the_wrong_type",
    ),
    pytest.param(
        'theme = "paper"\nkeymap = "vim"\n[reader]\nwidth = 66\n[keys]\nfind = ["alt+f", "F"]\n',
        0,
        ["settings.toml: no problems"],
        id="good_file_passes",
    ),
]


@pytest.mark.parametrize(("text", "code", "expected"), CHECKS)
def test_check_reports_every_problem_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, code: int, expected: list[str]
) -> None:
    assert check(tmp_path, text, capsys) == (code, expected)


def test_file_that_is_not_utf8(tmp_path, capsys) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b'theme = "\xff"\n')
    assert main(["config", "check", "--config", str(path)]) == 1
    assert capsys.readouterr().out == (
        f'{path}:1:10: is not UTF-8 text: the byte 0xFF ("ÿ" in Latin-1) here is not UTF-8. '
        "Save the file as UTF-8 (your editor's encoding choice when saving). Using the default "
        "settings for now.\n"
    )


def test_missing_file_given_on_purpose(tmp_path, capsys) -> None:
    path = tmp_path / "nope.toml"
    assert main(["config", "check", "--config", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}: no such file. Using the default settings for now.\n"


def test_a_settings_path_the_system_refuses_is_a_problem_not_a_crash(tmp_path, capsys) -> None:
    path = tmp_path / ("x" * 300)
    assert main(["config", "check", "--config", str(path)]) == 1
    assert capsys.readouterr().out.startswith(
        f"{path}: cannot be read (file name too long). Using the default settings for now."
    )


def test_no_file_at_all_means_defaults(capsys) -> None:
    assert main(["config", "check"]) == 0
    assert "does not exist: chapbook uses the default settings" in capsys.readouterr().out


def test_path_prints_the_user_config_file(capsys) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(settings_path())
    assert settings_path().parent.name == "chapbook"


def test_init_writes_a_template_that_changes_nothing(capsys) -> None:
    assert main(["config", "init"]) == 0
    text = settings_path().read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert all(value == {} for value in data.values())
    assert "# next_chapter = " in text and "# width = 72" in text
    assert main(["config", "check"]) == 0


def test_uncommenting_the_templates_key_example_points_at_keys(capsys) -> None:
    """The template shows `#   next_chapter = "x"` under [display]: uncommented there, it is an
    action's keys, which belong under [keys]."""
    assert main(["config", "init"]) == 0
    path = settings_path()
    text = path.read_text(encoding="utf-8")
    example = text.index('#   next_chapter = "x"')
    assert text.index("\n[display]") < example < text.index("\n[keys]")
    path.write_text(text.replace('#   next_chapter = "x"', 'next_chapter = "x"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["config", "check"]) == 1
    assert (
        "display.next_chapter: next_chapter is an action, not a setting: its keys belong under "
        '[keys], as next_chapter = "x".'
    ) in capsys.readouterr().out


@pytest.mark.parametrize(
    "name", ["config.toml", "chapbook.toml", "settings.tml", "Settings.toml", "settings.toml.txt"]
)
def test_a_settings_file_under_another_name_is_named_with_the_fix(name: str, capsys) -> None:
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / name).write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        f"{shown_path(folder / name)}: chapbook does not read this file: it reads its settings "
        "from settings.toml, beside it. If this file holds your settings, rename it "
        "settings.toml. Using the default settings for now.\n"
    )
    assert "settings.toml does not exist: chapbook uses the default settings" in captured.err
    assert main(["config", "path"]) == 0
    assert f"chapbook does not read {name} beside it" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["settings.toml.bak", "notes.txt", ".settings.toml.1.tmp"])
def test_other_files_beside_a_missing_settings_file_are_no_problem(name: str, capsys) -> None:
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / name).write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 0


def test_init_refuses_to_overwrite(capsys) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("theme = 'nord'\n", encoding="utf-8")
    assert main(["config", "init"]) == 1
    assert "already exists, so it was left as it is" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "theme = 'nord'\n"


def test_commands_suggested_for_a_file_given_with_config_name_it(
    tmp_path, monkeypatch, capsys
) -> None:
    """`--config FILE`: the commands chapbook suggests work on FILE, not on settings.toml."""
    monkeypatch.chdir(tmp_path)
    assert main(["config", "path", "--config", "my settings.toml"]) == 0
    assert capsys.readouterr().err == (
        "(not created yet: `chapbook config init --config 'my settings.toml'` writes a "
        "template there)\n"
    )
    assert main(["config", "init", "--config", "my settings.toml"]) == 0
    assert main(["config", "init", "--config", "my settings.toml"]) == 1
    assert "run `chapbook config init --config 'my settings.toml'` again" in (
        capsys.readouterr().err
    )


def test_the_installed_command_exits_1_on_problems(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nwidht = 80\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "config", "check", "--config", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert 'reader.widht: unknown setting. Did you mean "reader.width"?' in result.stdout
    assert "Traceback" not in result.stderr
