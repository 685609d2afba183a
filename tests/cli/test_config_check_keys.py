"""`chapbook config check` on [keys]: unknown actions, names that are not keys, keys that
clash, that cannot be bound or that terminals send otherwise, each with its fix."""

from __future__ import annotations

import pytest

from tui.paths import default_config_path, shown_path

LISTED = shown_path(default_config_path())  # where every action id is listed

# Each case: the settings.toml text, the exit status, and the lines `config check` prints.
CHECKS = [
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
            "(kitty, foot, WezTerm, Ghostty) send it. For a key every terminal sends, write "
            '"alt+q".',
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
    # Only the keys that clash go, each named; the entry's other keys stay (`X`).
    pytest.param(
        '[keys]\npage_down = "space,f,pagedown,X"\n',
        1,
        [
            'settings.toml:2: keys.page_down: "space" is also screen_down\'s key on the reader '
            "screen: choose another key, or give screen_down another key too. "
            'Using "f,pagedown,X" for now.',
            'settings.toml:2: keys.page_down: "f" is also screen_down\'s key on the reader '
            "screen: choose another key, or give screen_down another key too. "
            'Using "pagedown,X" for now.',
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
            'a terminal, interrupts. Using "q,Q" for now.',
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
            "before a key (5j is five lines down): use another key. "
            'Using "k,up,ctrl+y,K" for now.',
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
            'leave a screen and chapbook. Using "q,Q" for now.',
        ],
        id="key_value_of_the_wrong_type",
    ),
]


@pytest.mark.parametrize(("text", "code", "expected"), CHECKS)
def test_check_reports_every_problem_exactly(config_check, text: str, code: int, expected) -> None:
    assert config_check(text) == (code, expected)
