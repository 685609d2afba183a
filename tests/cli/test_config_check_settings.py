"""`chapbook config check` on the settings: every kind of slip, each with its fix.

Unknown names, settings in the wrong table, wrong types, values out of range or not among the
choices.
"""

from __future__ import annotations

import pytest

# Each case: the settings.toml text, the exit status, and the lines `config check` prints.
CHECKS = [
    pytest.param(
        "[reader]\nwidht = 80\n",
        1,
        [
            'settings.toml:2: reader.widht: unknown setting. Did you mean "reader.width"? '
            "It is ignored."
        ],
        id="unknown_setting_suggests_the_right_name",
    ),
    pytest.param(
        "words_per_minute = 300\n",
        1,
        [
            "settings.toml:1: words_per_minute: words_per_minute belongs under [reader], not at "
            "the top of the file. It is ignored."
        ],
        id="setting_outside_its_table_is_pointed_to_it",
    ),
    pytest.param(
        '[keys]\nkeymap = "less"\nwidth = 60\n',
        1,
        [
            "settings.toml:2: keys.keymap: the keymap preset is the setting keymap, not an entry "
            'of [keys]: write keymap = "less" at the top of the file, before [keys] on line 1, '
            "the first table, and remove this line.",
            "settings.toml:3: keys.width: width is a setting, not an action: it belongs under "
            "[reader]. It is ignored.",
        ],
        id="a_setting_under_keys_says_where_it_belongs",
    ),
    # The preset written as an action (a likely slip): the setting it is, and the line to
    # write, where.
    pytest.param(
        'theme = "nord"\n\n[reader]\nwidth = 66\n\n[keys]\npreset = "vim"\n',
        1,
        [
            "settings.toml:7: keys.preset: the keymap preset is the setting keymap, not an entry "
            'of [keys]: write keymap = "vim" at the top of the file, before [reader] on line 3, '
            "the first table, and remove this line."
        ],
        id="a_preset_under_keys_names_the_keymap_line_and_where_it_goes",
    ),
    pytest.param(
        'keymap = "less"\n[keys]\npreset = "Vim"\n',
        1,
        [
            "settings.toml:3: keys.preset: the keymap preset is the setting keymap, which line 1 "
            'sets to "less": write keymap = "vim" there, and remove this line.'
        ],
        id="a_preset_under_keys_points_to_the_keymap_line_there_is",
    ),
    pytest.param(
        'preset = "emacs"\n[keys]\nfind = "alt+f"\n',
        1,
        [
            "settings.toml:1: preset: the keymap preset is the setting keymap: write "
            'keymap = "emacs" in place of this line.'
        ],
        id="a_preset_at_the_top_is_the_keymap_line",
    ),
    pytest.param(
        '[keys]\nbindings = "nano"\n',
        1,
        [
            "settings.toml:2: keys.bindings: the keymap preset is the setting keymap, not an "
            'entry of [keys]: write keymap = "vim" (or "default", "less", "emacs") at the top of '
            "the file, before [keys] on line 1, the first table, and remove this line."
        ],
        id="a_preset_chapbook_lacks_lists_the_presets",
    ),
    # An entry of a { } table is named at the table's line (it had none).
    pytest.param(
        "reader = { widht = 70, margin = 99 }\n",
        1,
        [
            'settings.toml:1: reader.widht: unknown setting. Did you mean "reader.width"? '
            "It is ignored.",
            "settings.toml:1: reader.margin: 99 is out of range: use 0 to 40. Using 2 for now.",
        ],
        id="an_inline_tables_entries_are_named_at_its_line",
    ),
    pytest.param(
        '[reader]\ntheme = "nord"\nborders = "ascii"\n',
        1,
        [
            "settings.toml:2: reader.theme: theme belongs at the top of the file, above [reader] "
            "and every other table. It is ignored.",
            "settings.toml:3: reader.borders: borders belongs under [display], not [reader]. "
            "It is ignored.",
        ],
        id="a_setting_under_another_table_says_which_it_belongs_in",
    ),
    pytest.param(
        "[reader]\nfont = 80\n",
        1,
        [
            "settings.toml:2: reader.font: unknown setting: [reader] holds width, margin, "
            "paragraph_style, justify, page_overlap, words_per_minute, scene_ornament, "
            "search_regex, chapter_notes. It is ignored."
        ],
        id="unknown_setting_unlike_any_lists_its_table",
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
            'not 7. Using "j,down,enter,ctrl+e,e,J,ctrl+n" for now.',
            "settings.toml:7: reader.width: 1 is out of range: use 20 to 400. Using 72 for now.",
        ],
        id="problems_are_listed_in_the_order_of_the_file_lines",
    ),
    pytest.param(
        'theme = "paper"\nkeymap = "vim"\n[reader]\nwidth = 66\n[keys]\nfind = ["alt+f", "F"]\n',
        0,
        ["settings.toml: no problems"],
        id="good_file_passes",
    ),
    # The file's own escape codes never drive the terminal (they reached it as they were),
    # and a value pasted a megabyte long is named, not printed whole.
    pytest.param(
        'theme = "\\u001b[31mred"\n[reader]\nwidth = "\\u001b]0;title\\u0007"\n',
        1,
        [
            'settings.toml:1: theme: "␛[31mred" is not one of the choices: use "paper", "ansi", '
            '"textual-dark", "textual-light", "nord", "gruvbox" ... (listed in default.toml). '
            'Using "textual-dark" for now.',
            'settings.toml:3: reader.width: expected a whole number, not the text "␛]0;title␇". '
            "Using 72 for now.",
        ],
        id="escape_codes_in_values_are_shown_not_sent",
    ),
    pytest.param(
        'keymap = "vi\\nm"\n',
        1,
        [
            'settings.toml:1: keymap: "vi␊m" is not one of the choices. Did you mean "vim"? '
            'Using "default" for now.'
        ],
        id="a_line_break_in_a_value_keeps_the_problem_on_its_line",
    ),
    pytest.param(
        f'theme = "{"a" * 100_000}"\n[reader]\n{"w" * 200} = 1\n',
        1,
        [
            f'settings.toml:1: theme: "{"a" * 59}…" is not one of the choices: use "paper", '
            '"ansi", "textual-dark", "textual-light", "nord", "gruvbox" ... (listed in '
            'default.toml). Using "textual-dark" for now.',
            f"settings.toml:3: reader.{'w' * 52}…: unknown setting: [reader] holds width, "
            "margin, paragraph_style, justify, page_overlap, words_per_minute, scene_ornament, "
            "search_regex, chapter_notes. It is ignored.",
        ],
        id="a_huge_value_or_name_is_cut",
    ),
]


@pytest.mark.parametrize(("text", "code", "expected"), CHECKS)
def test_check_reports_every_problem_exactly(config_check, text: str, code: int, expected) -> None:
    assert config_check(text) == (code, expected)
