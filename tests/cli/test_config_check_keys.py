"""`chapbook config check` on [keys]: every kind of slip, each with its fix.

Unknown actions, names that are not keys, keys that clash, that cannot be bound or that
terminals send otherwise.
"""

from __future__ import annotations

import pytest

from tui.paths import default_config_path, shown_path

LISTED = shown_path(default_config_path())  # where every action id is listed

# Each case: the settings.toml text, the exit status, and the lines `config check` prints.
CHECKS = [
    # A key of the user's runs their action; the default that had it loses it, with a word.
    # The key is named as it was written (`?`), not by Textual's name for it (question_mark).
    pytest.param(
        '[keys]\nhelp = "?"\n',
        0,
        [
            'settings.toml:2: warning: keys.help: "?" runs help, as you wrote, not search_back '
            '(its default key), which has no key now, and "h" and "f1" no longer run help (the '
            'keys written for an action replace its own; help = "?,h,f1" keeps them). Give '
            "search_back one under [keys] "
            '(search_back = "KEY"), or write search_back = "" to end this warning.',
        ],
        id="a_key_taken_from_a_default_is_named_as_written",
    ),
    # A letter said as a word: the letter, in the word's case.
    pytest.param(
        '[keys]\nbookmarks = "Bee"\nyank = "why"\n',
        1,
        [
            'settings.toml:2: keys.bookmarks: "Bee" is not a key name. Did you mean "B"? '
            'Using "B" for now.',
            'settings.toml:3: keys.yank: "why" is not a key name. Did you mean "y"? '
            'Using "y" for now.',
        ],
        id="a_letter_said_as_a_word_is_suggested",
    ),
    # The action's own default keys, left out of what was written, stop working: said too.
    pytest.param(
        '[keys]\nnext_chapter = "n"\n',
        0,
        [
            'settings.toml:2: warning: keys.next_chapter: "n" runs next_chapter, as you wrote, '
            'not search_next (its default key), which has no key now, and "}" no longer runs '
            "next_chapter (the keys written for an action replace its own; next_chapter = "
            '"n,}" keeps it). Give search_next one under [keys] (search_next = "KEY"), or write '
            'search_next = "" to end this warning.',
        ],
        id="the_default_keys_an_entry_leaves_out_are_named",
    ),
    pytest.param(
        '[keys]\nbookmark_add = "x"\nadd_bookmark = "z"\n',
        1,
        [
            'settings.toml:2: keys.bookmark_add: unknown action. Did you mean "bookmark"? '
            f"Every action id is listed under [keys] in {LISTED}. It is ignored.",
            'settings.toml:3: keys.add_bookmark: unknown action. Did you mean "bookmark"? '
            f"Every action id is listed under [keys] in {LISTED}. It is ignored.",
        ],
        id="an_action_id_with_a_word_more_is_suggested_in_either_order",
    ),
    pytest.param(
        '[keys]\nnext_scene = "f5,f5"\nprev_scene = ["[", "left_square_bracket"]\n',
        0,
        [
            'settings.toml:2: warning: keys.next_scene: "f5" is written twice: it is bound once, '
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
            'Unicode name of 🍌, which no key types. Using "/,&" for now.',
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
            'Did you mean "ctrl+x"? next_chapter has no key most terminals send now: write '
            'next_chapter = "},ctrl+shift+x" to keep "}" too.',
            'settings.toml:3: warning: keys.prev_chapter: "super+q" never arrives from most '
            "terminals: the desktop or the terminal keeps Super (the Windows or Command key) for "
            "itself, or sends q without it; only terminals with the kitty keyboard protocol "
            "(kitty, foot, WezTerm, Ghostty) send it. For a key every terminal sends, write "
            '"alt+q". prev_chapter has no key most terminals send now: write '
            'prev_chapter = "{,super+q" to keep "{" too.',
            'settings.toml:4: warning: keys.bookmarks: "meta+b" arrives as alt+b from most '
            "terminals: they send Meta as Alt (Escape, then the key), and only terminals with the "
            "kitty keyboard protocol (kitty, foot, WezTerm, Ghostty) tell the two apart. "
            'Did you mean "alt+b"? bookmarks has no key most terminals send now: write '
            'bookmarks = "B,meta+b" to keep "B" too.',
            'settings.toml:5: warning: keys.yank: "ctrl+shift+p" arrives as ctrl+p from most '
            "terminals, which send Ctrl+Shift+P as Ctrl+P; only terminals with the kitty keyboard "
            "protocol (kitty, foot, WezTerm, Ghostty) send it apart; ctrl+p is find's key here. "
            'yank has no key most terminals send now: write yank = "y,ctrl+shift+p" to keep "y" '
            "too.",
        ],
        id="keys_most_terminals_do_not_send_are_a_warning_naming_what_arrives",
    ),
    # Ctrl with a digit or a sign that has no control code (`ctrl+1`, `ctrl+;`) was bound
    # without a word, though most terminals send the digit alone for it.
    pytest.param(
        '[keys]\nsearch = "ctrl+1"\nfind = "ctrl+;"\nnext_chapter = "ctrl+]"\n',
        0,
        [
            f'settings.toml:{line}: warning: keys.{action}: "{key}" never arrives as such from '
            f"most terminals, which send {sign} alone, another key or nothing for it: Ctrl makes "
            "a key of its own only with a letter, @ \\ ] ^ _ or Space; only terminals with the "
            "kitty keyboard protocol (kitty, foot, WezTerm, Ghostty) send it. For a key every "
            "terminal sends, write Ctrl with a letter or a function key. "
            f'{action} has no key most terminals send now: write {action} = "{kept},{key}" to '
            f'keep "{kept}" too.'
            for line, action, key, sign, kept in (
                (2, "search", "ctrl+1", "1", "/,&"),
                (3, "find", "ctrl+;", ";", "ctrl+p"),
            )
        ],
        id="ctrl_with_a_digit_or_sign_is_a_warning",
    ),
    # Ctrl+Shift+/ is Ctrl+?, which terminals send as Backspace: search, given only that key,
    # searched on no key at all (`/` was its no more), and the check said nothing.
    pytest.param(
        '[keys]\nsearch = "ctrl+shift+/"\nnext_chapter = "ctrl+shift+1,x"\n',
        0,
        [
            'settings.toml:2: warning: keys.search: "ctrl+shift+/" arrives as backspace from most '
            "terminals, which send Ctrl+Shift+/ as Ctrl+?; only terminals with the kitty keyboard "
            "protocol (kitty, foot, WezTerm, Ghostty) send it apart; backspace is jump_back's key "
            'here. search has no key most terminals send now: write search = "/,&,ctrl+shift+/" '
            'to keep "/,&" too.',
            'settings.toml:3: warning: keys.next_chapter: "ctrl+shift+1" never arrives from most '
            "terminals: Shift makes 1 a !, and they send no key for Ctrl+!; only terminals with "
            "the kitty keyboard protocol (kitty, foot, WezTerm, Ghostty) send it. For a key every "
            "terminal sends, write Ctrl with a letter or a function key.",
        ],
        id="ctrl_shift_with_a_key_that_is_no_letter_is_a_warning_with_the_key_to_keep",
    ),
    pytest.param(
        '[keys]\nnext_chaptr = "x"\n',
        1,
        [
            'settings.toml:2: keys.next_chaptr: unknown action. Did you mean "next_chapter"? '
            f"Every action id is listed under [keys] in {LISTED}. It is ignored."
        ],
        id="unknown_action_suggests_the_right_id",
    ),
    pytest.param(
        '[keys]\ngo_wild = "x"\n',
        1,
        [
            "settings.toml:2: keys.go_wild: unknown action. "
            f"Every action id is listed under [keys] in {LISTED}. It is ignored."
        ],
        id="unknown_action_far_from_any_id_gets_no_guess_but_where_ids_are",
    ),
    pytest.param(
        '[keys]\nsearch = ["slash", 5]\n',
        1,
        [
            'settings.toml:2: keys.search: item 2 of the list is 5, not a key in quotes like "x" '
            'or "ctrl+f". Using "/,&" for now.'
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
    # The key taken comes from the keymap preset the user chose: say so.
    pytest.param(
        'keymap = "less"\n[keys]\nyank = "y"\n',
        0,
        [
            'settings.toml:3: warning: keys.yank: "y" runs yank, as you wrote, not line_up (its '
            'key in the less keymap), which keeps "k,K,up,ctrl+y,ctrl+k", and "c" no longer runs '
            'yank (the keys written for an action replace its own; yank = "y,c" keeps it). Give '
            "line_up another "
            'key under [keys] (line_up = "k,K,up,ctrl+y,ctrl+k,KEY"), or write '
            'line_up = "k,K,up,ctrl+y,ctrl+k" to end this warning.',
        ],
        id="a_key_taken_from_the_presets_names_the_preset",
    ),
    # A key chapbook gave a default since the user's file was written (p, J, K, e, <, >, Q):
    # the file's key still runs the user's action.
    pytest.param(
        '[keys]\nbookmark = "p"\nyank = "Q"\n',
        0,
        [
            'settings.toml:2: warning: keys.bookmark: "p" runs bookmark, as you wrote, not '
            'goto_percent (its default key), which keeps "%", and "M" no longer runs bookmark (the '
            'keys written for an action replace its own; bookmark = "p,M" keeps it). Give '
            "goto_percent another key "
            'under [keys] (goto_percent = "%,KEY"), or write goto_percent = "%" to end this '
            "warning.",
            'settings.toml:3: warning: keys.yank: "Q" runs yank, as you wrote, not quit (its '
            'default key), which keeps "q", and "y" no longer runs yank (the keys written for an '
            'action replace its own; yank = "Q,y" keeps it). Give quit another key under [keys] '
            '(quit = "q,KEY"), '
            'or write quit = "q" to end this warning.',
        ],
        id="a_newer_defaults_key_runs_the_users_action",
    ),
    # The last key of an action that must keep one is not taken.
    pytest.param(
        '[keys]\nfind = "escape,alt+f"\n',
        1,
        [
            'settings.toml:2: keys.find: "escape" is close\'s only key on the reader screen, and '
            "close must keep a key: it is the only way out of some dialogs (a bookmark's label). "
            'Choose another key, or give close another key too. Using "alt+f" for now.',
        ],
        id="the_only_key_of_a_way_out_is_not_taken",
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
    # help is on every screen, and so is q for quit: taken on each, told once.
    pytest.param(
        '[keys]\nhelp = "q"\n',
        0,
        [
            'settings.toml:2: warning: keys.help: "q" runs help, as you wrote, not quit (its '
            'default key), which keeps "Q", and "h" and "f1" no longer run help (the keys written '
            'for an action replace its own; help = "q,h,f1" keeps them). Give quit another key '
            'under [keys] (quit = "Q,KEY"), '
            'or write quit = "Q" to end this warning.',
        ],
        id="a_key_taken_on_several_screens_is_told_once",
    ),
    # space and f were page_down's before screen_down took them: a file from then pages with
    # them as it did, and is told that screen_down has no key left.
    pytest.param(
        '[keys]\npage_down = "space,f,pagedown,X"\n',
        0,
        [
            'settings.toml:2: warning: keys.page_down: "space" and "f" run page_down, as you '
            'wrote, not screen_down (its default keys), which has no key now, and "ctrl+f" no '
            "longer runs page_down (the keys written for an action replace its own; page_down = "
            '"space,f,pagedown,X,ctrl+f" keeps it). Give screen_down '
            'one under [keys] (screen_down = "KEY"), or write screen_down = "" to end this '
            "warning.",
        ],
        id="keys_taken_from_one_default_are_told_together",
    ),
    # Keys written as people write them elsewhere: the key meant, never with a modifier that
    # was not written, and with whose default it is when the action would take it.
    pytest.param(
        '[keys]\nfind = "ctlr+f"\nclose = "Esc"\nscreen_down = "PgDn"\nopen_external = "return"\n'
        'bookmarks = " "\nsearch = "C-s"\nyank = "<C-y>"\ninfo = "^G"\nnext_scene = "ctrlx"\n'
        'prev_scene = "a-t"\ncontents = "F25"\n',
        1,
        [
            'settings.toml:2: keys.find: "ctlr+f" has an unknown modifier "ctlr" (ctrl+f is '
            'page_down\'s key now: find would take it). Did you mean "ctrl+f"? Using '
            '"ctrl+p" for now.',
            'settings.toml:3: keys.close: "Esc" is not a key name. Did you mean "escape"? Using '
            '"escape" for now.',
            'settings.toml:4: keys.screen_down: "PgDn" is not a key name (pagedown is '
            'page_down\'s key now: screen_down would take it). Did you mean "pagedown"? '
            'Using "space,f" for now.',
            'settings.toml:5: keys.open_external: "return" is not a key name (enter is '
            'line_down\'s key now: open_external would take it). Did you mean "enter"? '
            'Using "o" for now.',
            'settings.toml:6: keys.bookmarks: " " is not a key name: write "space". Using "B" for '
            "now.",
            'settings.toml:7: keys.search: "C-s" is not a key name. Did you mean "ctrl+s"? Using '
            '"/,&" for now.',
            'settings.toml:8: keys.yank: "<C-y>" is not a key name (ctrl+y is line_up\'s key '
            'now: yank would take it). Did you mean "ctrl+y"? Using "y" for now.',
            'settings.toml:9: keys.info: "^G" is not a key name. Did you mean "ctrl+g"? Using '
            '"=,ctrl+g" for now.',
            'settings.toml:10: keys.next_scene: "ctrlx" is not a key name. Did you mean '
            '"ctrl+x"? Using "]" for now.',
            'settings.toml:11: keys.prev_scene: "a-t" is not a key name. Using "[" for now.',
            'settings.toml:12: keys.contents: "F25" is no key: the function keys are f1 to f24. '
            'Using "t" for now.',
        ],
        id="keys_written_as_elsewhere_get_the_key_meant",
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
            "instead: use a key with ctrl or alt, or an arrow key. Using "
            '"down,ctrl+n,ctrl+j" for now.',
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
