"""Key names: what users may write in [keys], checked against what Textual 8 really delivers."""

from __future__ import annotations

import contextlib

import pytest
from textual._xterm_parser import XTermParser
from textual.keys import Keys, _character_to_key

from tui.settings.key_display import display_key, display_keys, writable_keys
from tui.settings.key_names import (
    NAMED_KEYS,
    KeyNameError,
    character_key,
    character_of,
    normalise_key,
)
from tui.settings.terminal_keys import not_sent_apart


def delivered(sequence: str) -> str:
    """The key name Textual's input parser gives for bytes a terminal sends."""
    parser = XTermParser()
    events = list(parser.feed(sequence))
    with contextlib.suppress(Exception):  # end of input: flushes a lone ESC prefix
        events += list(parser.feed(""))
    keys = [event.key for event in events if hasattr(event, "key")]
    assert len(keys) == 1, keys
    return keys[0]


@pytest.mark.parametrize(
    ("sequence", "written"),
    [
        ("G", "G"),  # Shift+G
        ("G", "shift+g"),
        ("?", "?"),
        ("?", "question_mark"),
        ("[", "["),
        ("%", "%"),
        (",", ","),
        (",", "comma"),
        ("}", "}"),
        ("'", "'"),
        (" ", "space"),
        ("\x7f", "backspace"),
        ("\x1b[6~", "pagedown"),
        ("\x1b[6~", "PageDown"),
        ("\x1b[5~", "pageup"),
        ("\x1b[H", "home"),
        ("\x10", "ctrl+p"),
        ("\x10", "Ctrl+P"),
        ("\x16", "ctrl+v"),
        ("\x0f", "ctrl+o"),
        ("\x1bv", "alt+v"),
        ("\x1bV", "alt+V"),
        ("\x1bV", "shift+alt+v"),
        ("\x1b[1;5C", "ctrl+right"),
        ("\x1b[1;3A", "alt+up"),
        ("\x1b[Z", "shift+tab"),
        ("\r", "enter"),
        ("\t", "tab"),
        ("\x00", "ctrl+@"),
        ("\x00", "ctrl+space"),  # what terminals and tmux send for it
        ("\x00", "Ctrl+Space"),
        ("\x00", "CTRL+SPACE"),
        ("é", "é"),
    ],
)
def test_what_a_user_writes_matches_what_textual_delivers(sequence: str, written: str) -> None:
    assert normalise_key(written) == delivered(sequence)


# Names in Textual's `Keys` that a terminal never delivers as such.
NEVER_DELIVERED = {"<any>", "<scroll-up>", "<scroll-down>", "<ignore>", "ctrl-at", "return"}
ARRIVES_AS_ANOTHER = {
    "ctrl+i": "\t",
    "ctrl+m": "\r",
    "ctrl+h": "\x08",
    "shift+space": " ",
    "ctrl+question_mark": "\x7f",
}


def test_every_textual_key_name_is_accepted_unchanged() -> None:
    for key in Keys:
        if key.value in NEVER_DELIVERED or key.value in ARRIVES_AS_ANOTHER:
            continue
        assert normalise_key(key.value) == key.value


@pytest.mark.parametrize(("name", "sequence"), ARRIVES_AS_ANOTHER.items())
def test_keys_a_terminal_sends_as_another_key_are_refused(name: str, sequence: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(name)
    assert caught.value.suggestion == delivered(sequence)


def test_named_keys_are_the_ones_textual_names() -> None:
    bases = {key.value.rpartition("+")[2] for key in Keys if key.value not in NEVER_DELIVERED}
    named = {b for b in bases if b == "space" or (len(b) > 1 and character_of(b) is None)}
    assert named == NAMED_KEYS


@pytest.mark.parametrize("code", [*range(0x21, 0x7F), 0xA7, 0xB6, 0x20AC, 0x2026, 0x3001])
def test_character_names_agree_with_textual(code: int) -> None:
    character = chr(code)
    assert character_key(character) == _character_to_key(character)
    assert character_of(character_key(character)) == character


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("ctrl+pgdn", '"ctrl+pgdn" is not a key name; did you mean "ctrl+pagedown"?'),
        ("pgup", '"pgup" is not a key name; did you mean "pageup"?'),
        ("esc", '"esc" is not a key name; did you mean "escape"?'),
        ("return", '"return" is not a key name; did you mean "enter"?'),
        ("questionmark", '"questionmark" is not a key name; did you mean "question_mark"?'),
        ("percent", '"percent" is not a key name; did you mean "percent_sign"?'),
        ("hyphen_minus", '"hyphen_minus" is not a key name; did you mean "minus"?'),
        ("contrl+x", '"contrl+x" has an unknown modifier "contrl"; did you mean "ctrl+x"?'),
        ("ctrl+ctrl+x", '"ctrl+ctrl+x" repeats a modifier; did you mean "ctrl+x"?'),
        (
            "ctrl+i",
            '"ctrl+i" is sent as tab by most terminals, so chapbook cannot bind it apart '
            'from tab; did you mean "tab"?',
        ),
        (
            "ctrl+h",
            '"ctrl+h" is sent as backspace by most terminals, so chapbook cannot bind it '
            'apart from backspace; did you mean "backspace"?',
        ),
        (
            "shift+1",
            '"shift+1" cannot be typed: Shift turns that key into another character; '
            'did you mean "1"?',
        ),
        ("ctrl", '"ctrl" is only a modifier: add the key it goes with, as in ctrl+x'),
        ("", '"" is empty'),
        ("blorp", '"blorp" is not a key name'),
    ],
)
def test_typos_are_rejected_with_a_suggestion(written: str, message: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert str(caught.value) == message


def test_modifiers_are_put_in_textual_order() -> None:
    assert normalise_key("Shift+Ctrl+Left") == "ctrl+shift+left"
    assert normalise_key("ctrl+alt+x") == "alt+ctrl+x"


def test_keys_are_shown_as_people_know_them() -> None:
    assert display_key("question_mark") == "?"
    assert display_key("pagedown") == "PgDn"
    assert display_key("ctrl+right_square_bracket") == "ctrl+]"
    assert display_key("f1") == "F1"
    assert display_keys("space,pagedown,f,ctrl+f") == "Space PgDn f ctrl+f"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (" ", '" " is not a key name: write "space"'),
        ("  ", '"  " is not a key name: write "space"'),
        ("\t", '"\\t" is not a key name: write "tab"'),
    ],
)
def test_a_blank_key_asks_for_its_name(written: str, message: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Ctrl-P", "ctrl+p"),
        ("ctrl-y", "ctrl+y"),
        ("<C-p>", "ctrl+p"),
        ("<C-k>", "ctrl+k"),
        ("<c-P>", "ctrl+p"),
        ("C-g", "ctrl+g"),
        ("^G", "ctrl+g"),
        ("^[", "escape"),  # ctrl+[ is what the Escape key sends
        ("M-b", "alt+b"),
        ("Meta-x", "alt+x"),
        ("C-M-x", "alt+ctrl+x"),
        ("<Esc>", "escape"),
        ("<CR>", "enter"),
        ("<Space>", "space"),
        ("<Tab>", "tab"),
        ("S-Tab", "shift+tab"),
        ("<S-Tab>", "shift+tab"),
        ("<PageDown>", "pagedown"),
        ("<F1>", "f1"),
        ("<lt>", "less_than_sign"),
        ("<Bar>", "vertical_line"),
        ("<C-->", "ctrl+minus"),
        ("Alt-Shift-Left", "alt+shift+left"),
    ],
)
def test_vim_emacs_and_readline_notations_get_chapbooks_name(written: str, meant: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert str(caught.value) == f'"{written}" is not a key name; did you mean "{meant}"?'
    assert normalise_key(meant) == meant  # the suggestion itself is a key chapbook binds


@pytest.mark.parametrize("written", ["<blorp>", "x-y-z", "Q-x", "<>"])
def test_what_only_looks_like_a_notation_gets_no_guess(written: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert caught.value.suggestion is None


def test_ctrl_space_is_shown_by_its_name() -> None:
    assert display_key(normalise_key("ctrl+space")) == "ctrl+Space"


@pytest.mark.parametrize(
    ("written", "instead"), [("shift+space", "space"), ("ctrl+?", "backspace")]
)
def test_keys_no_terminal_sends_are_refused_with_the_key_it_sends(
    written: str, instead: str
) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert str(caught.value) == (
        f'"{written}" is sent as {instead} by most terminals, so chapbook cannot bind it apart '
        f'from {instead}; did you mean "{instead}"?'
    )


@pytest.mark.parametrize("written", ["C-Space", "<C-Space>", "<Nul>"])
def test_ctrl_space_in_another_notation_is_suggested_as_default_toml_spells_it(
    written: str,
) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert str(caught.value) == f'"{written}" is not a key name; did you mean "ctrl+space"?'
    assert normalise_key("ctrl+space") == "ctrl+@"  # bound as the NUL terminals send for it


@pytest.mark.parametrize("written", ["banana", "ctrl+banana", "ctrl+shift+banana", "shift+banana"])
def test_a_unicode_name_is_not_a_key_name(written: str) -> None:
    """Textual names 🍌 "banana" when one is pasted, but no key sends it: the word is refused,
    and nothing suggests the same word without its modifiers."""
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert "Unicode name of 🍌" in str(caught.value)
    assert caught.value.suggestion is None


@pytest.mark.parametrize(("written", "meant"), [("pound_sign", "£"), ("ctrl+euro_sign", "ctrl+€")])
def test_a_symbols_name_suggests_the_symbol_written_as_itself(written: str, meant: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert caught.value.suggestion == meant
    assert normalise_key(meant) == delivered("\x1b[8364;5u" if "ctrl" in meant else meant)


@pytest.mark.parametrize("key", ["ctrl+pound_sign", "pound_sign", "alt+euro_sign"])
def test_keys_written_back_read_as_the_same_keys(key: str) -> None:
    assert normalise_key(writable_keys(key)) == key


@pytest.mark.parametrize(
    ("written", "kitty", "legacy"),
    [
        ("ctrl+shift+x", "\x1b[120;6u", "\x18"),
        # Ctrl+Shift with a key that is no letter: Ctrl with what Shift makes of it (Ctrl+? is
        # DEL, Backspace; Ctrl+_ and Ctrl+^ are control codes of their own)
        ("ctrl+shift+/", "\x1b[47;6u", "\x7f"),
        ("ctrl+shift+-", "\x1b[45;6u", "\x1f"),
        ("ctrl+shift+6", "\x1b[54;6u", "\x1e"),
        ("meta+x", "\x1b[120;33u", "\x1bx"),
        ("super+q", "\x1b[113;9u", None),
        ("hyper+q", "\x1b[113;17u", None),
    ],
)
def test_keys_only_the_kitty_protocol_sends_name_what_other_terminals_send(
    written: str, kitty: str, legacy: str | None
) -> None:
    """Bound as Textual names them from a kitty-protocol terminal; elsewhere the suggestion is
    what arrives instead (ctrl+x), or, for Super and Hyper, which arrive not at all, alt."""
    key = normalise_key(written)
    assert key == delivered(kitty)
    apart = not_sent_apart(key)
    assert apart is not None
    _reason, instead = apart
    if legacy is not None:
        assert instead == delivered(legacy)
    else:
        assert instead == "alt+q"


@pytest.mark.parametrize(
    ("written", "kitty", "legacy"),
    [
        ("ctrl+1", "\x1b[49;5u", "1"),
        ("ctrl+;", "\x1b[59;5u", ";"),
        ("ctrl+5", "\x1b[53;5u", "\x1d"),
    ],
)
def test_ctrl_with_a_digit_or_a_sign_without_a_control_code_is_warned_of(
    written: str, kitty: str, legacy: str
) -> None:
    """Bound as a kitty-protocol terminal sends it; others send the digit alone, another key
    (ctrl+5 is ctrl+] in xterm) or nothing, and it was bound without a word. No key is
    offered: Alt with a digit arrives as macOS's Option character (`alt+1` as `¡`)."""
    key = normalise_key(written)
    assert key == delivered(kitty) and delivered(legacy) != key
    assert delivered("\x1b1") == "inverted_exclamation_mark"
    apart = not_sent_apart(key)
    assert apart is not None and apart[1] == ""


@pytest.mark.parametrize(
    "key",
    [
        "ctrl+x",
        "alt+x",
        "alt+shift+x",
        "ctrl+shift+left",
        "shift+tab",
        "ctrl+backslash",
        "ctrl+right_square_bracket",
        "ctrl+circumflex_accent",
        "ctrl+underscore",
        "ctrl+@",
        "ctrl+f5",
    ],
)
def test_keys_every_terminal_sends_need_no_warning(key: str) -> None:
    assert not_sent_apart(key) is None


def test_ctrl_shift_with_a_key_no_terminal_sends_a_code_for_says_it_never_arrives() -> None:
    """Ctrl+Shift+1 is Ctrl+!, for which terminals send nothing: no key to suggest."""
    apart = not_sent_apart(normalise_key("ctrl+shift+1"))
    assert apart is not None
    reason, instead = apart
    assert reason.startswith("never arrives from most terminals: Shift makes 1 a !")
    assert instead == ""


# Realistic slips, each with the key suggested for it (None: no guess is better than a wrong
# one). A suggestion is always a key chapbook binds, and never holds a modifier the user did
# not write (by name, by letter as in C-f, ^F or ⌃F, or run into the key, as in ctrlf).
TYPOS = [
    # modifiers misspelt
    ("ctlr+f", "ctrl+f"),
    ("crtl+f", "ctrl+f"),
    ("cntrl+f", "ctrl+f"),
    ("contrl+f", "ctrl+f"),
    ("ctl+f", "ctrl+f"),
    ("control+f", "ctrl+f"),
    ("atl+v", "alt+v"),
    ("option+v", "alt+v"),
    ("shft+tab", "shift+tab"),
    ("ctlr+pgdn", "ctrl+pagedown"),  # two slips in one key, both mended
    # a modifier run into its key, or written with a space
    ("ctrlf", "ctrl+f"),
    ("ctrl_f", "ctrl+f"),
    ("ctrl f", "ctrl+f"),
    ("Ctrl F", "ctrl+f"),
    ("altf", "alt+f"),
    ("alt tab", "alt+tab"),
    ("ctrl+ ", "ctrl+space"),
    # other programs' notations
    ("C-f", "ctrl+f"),
    ("c-f", "ctrl+f"),
    ("<C-f>", "ctrl+f"),
    ("^F", "ctrl+f"),
    ("⌃F", "ctrl+f"),
    ("M-v", "alt+v"),
    ("<A-v>", "alt+v"),
    ("S-Tab", "shift+tab"),
    # Escape, PageDown, Enter, Space by other names
    ("Esc", "escape"),
    ("ESC", "escape"),
    ("<Esc>", "escape"),
    ("escpae", "escape"),
    ("escape key", "escape"),
    ("PgDn", "pagedown"),
    ("Page_Down", "pagedown"),
    ("page down", "pagedown"),
    ("page-down", "pagedown"),
    ("pagdown", "pagedown"),
    ("<PageDown>", "pagedown"),
    ("return", "enter"),
    ("Return", "enter"),
    ("retrun", "enter"),
    ("<CR>", "enter"),
    ("kp_enter", "enter"),
    ("SPC", "space"),
    ("spacebar", "space"),
    ("space bar", "space"),
    ("sapce", "space"),
    ("<Space>", "space"),
    # arrows and the rest
    ("ArrowUp", "up"),
    ("left arrow", "left"),
    ("dwon", "down"),
    ("tabulator", "tab"),
    ("bksp", "backspace"),
    ("fn+f1", "f1"),
    ("ctrl+ff", "ctrl+f"),
    # plain keys misspelt get plain keys, never a modifier (a-t is no alt+t, l+ss_than_sign no
    # alt+ss_than_sign), and nothing when no key is spelt like them
    ("a-t", None),
    ("d-u", None),
    ("h-j", None),
    ("l+ss_than_sign", "less_than_sign"),
    ("spa+ce", "space"),
    ("next", None),
    ("F25", None),
    ("f0", None),
    ("leader", None),
    ("x+", "x"),
    ("+f", "f"),
]


@pytest.mark.parametrize(("written", "meant"), TYPOS)
def test_a_slip_gets_the_key_meant_and_no_modifier_it_did_not_write(
    written: str, meant: str | None
) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert caught.value.suggestion == meant
    if meant is not None:
        normalise_key(meant)  # a key chapbook binds


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("F25", '"F25" is no key: the function keys are f1 to f24'),
        ("fn+f1", '"fn+f1" holds "fn", which the keyboard keeps to itself; did you mean "f1"?'),
        (
            "<Leader>f",
            '"<Leader>f" uses vim\'s <Leader>, a key pressed before another, which chapbook does '
            'not bind: a key is one key with optional modifiers, like "g" or "ctrl+g"; did you '
            'mean "f"?',
        ),
        (
            "cmd+f",
            '"cmd+f" has an unknown modifier "cmd" (Super is the Command or Windows key); did '
            'you mean "super+f"?',
        ),
        (
            "ctrl+ ",
            '"ctrl+ " ends with a space, which is written "space"; did you mean "ctrl+space"?',
        ),
    ],
)
def test_a_slip_says_what_is_wrong(written: str, message: str) -> None:
    with pytest.raises(KeyNameError) as caught:
        normalise_key(written)
    assert str(caught.value) == message
