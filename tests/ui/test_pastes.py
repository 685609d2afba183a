"""Pastes and keys stay what they are when the terminal's codes arrive split across reads."""

from __future__ import annotations

import inspect
import time
from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver

from tui.ui.terminal.pastes import HOLD, PARSER_ATTRIBUTE, WholePasteParser, keep_pastes_whole

# Longer than Textual's wait for the rest of an escape code (0.1 s), shorter than `HOLD`.
A_LAG = 0.15


def read(parser: XTermParser, *reads: str) -> list[events.Event]:
    """The events ``parser`` gives for ``reads``, each read coming `A_LAG` after the one
    before it, and then for a while of nothing more."""
    got: list[events.Event] = []

    def take(tokens: Iterable[object]) -> None:
        got.extend(t for t in tokens if isinstance(t, events.Event))

    for data in reads:
        take(parser.feed(data))
        time.sleep(A_LAG)
        take(parser.tick())
    for pause in (HOLD, A_LAG):
        time.sleep(pause)
        take(parser.tick())
    return got


def keys(got: list[events.Event]) -> list[str]:
    return [e.key for e in got if isinstance(e, events.Key)]


def pastes(got: list[events.Event]) -> list[str]:
    return [e.text for e in got if isinstance(e, events.Paste)]


def test_a_paste_whose_closing_code_is_cut_after_its_escape_still_ends() -> None:
    got = read(WholePasteParser(), "\x1b[200~chapter two\x1b", "[201~j")
    assert pastes(got) == ["chapter two"]
    assert keys(got) == ["j"]  # the key after the paste is not swallowed


def test_textual_alone_swallows_every_key_after_such_a_paste() -> None:
    # Why the wrapper exists: if this starts passing, Textual has fixed it.
    got = read(XTermParser(), "\x1b[200~chapter two\x1b", "[201~j")
    assert keys(got) == ["escape"]
    assert pastes(got) == []


def test_a_paste_whose_opening_code_is_cut_is_not_typed_out_as_keys() -> None:
    got = read(WholePasteParser(), "j\x1b", "[200~\x11\x03quit\x1b[201~")
    assert keys(got) == ["j"]  # no ctrl+q, no ctrl+c, no letters
    assert pastes(got) == ["\x11\x03quit"]


def test_an_escape_pressed_alone_is_passed_on_at_once() -> None:
    parser = WholePasteParser()
    assert keys(read(parser, "\x1b")) == ["escape"]


def test_an_escape_after_other_keys_in_one_read_is_late_but_not_lost() -> None:
    assert keys(read(WholePasteParser(), "jk\x1b")) == ["j", "k", "escape"]


def test_textual_still_makes_its_input_parser_through_the_name_chapbook_replaces() -> None:
    source = inspect.getsource(linux_driver.LinuxDriver.run_input_thread)
    assert f"{PARSER_ATTRIBUTE}(" in source
    keep_pastes_whole()
    assert getattr(linux_driver, PARSER_ATTRIBUTE) is WholePasteParser


def test_textual_still_reads_key_codes_through_the_method_chapbook_overrides() -> None:
    """`WholePasteParser._sequence_to_key_events` (alt keys, key codes past the last
    character) overrides a private method of Textual's parser: it must still be there, and
    still be what the parser calls for each code."""
    assert callable(getattr(XTermParser, "_sequence_to_key_events", None))
    called: list[str] = []

    class Watched(WholePasteParser):
        def _sequence_to_key_events(self, sequence: str, alt: bool = False):  # type: ignore[override]
            called.append(sequence)
            return super()._sequence_to_key_events(sequence, alt)

    assert keys(read(Watched(), "\x1b[A")) == ["up"]
    assert "\x1b[A" in called


def test_a_paste_cut_after_its_escape_in_a_big_read_waits_for_a_slow_machine() -> None:
    """A busy machine may take longer than `HOLD` to send the rest after a full read; a read
    that big is never a person typing, so the Escape at its end waits longer."""
    parser = WholePasteParser()
    got: list[events.Event] = []
    for data in ("x" * 2000 + "\x1b", "[200~\x11quit\x1b[201~"):
        got += [t for t in parser.feed(data) if isinstance(t, events.Event)]
        time.sleep(HOLD + 0.1)  # the machine is slow
        got += [t for t in parser.tick() if isinstance(t, events.Event)]
    assert "ctrl+q" not in keys(got) and pastes(got) == ["\x11quit"]


def parser_taking_the_terminal_back(wait: float = 1.0) -> WholePasteParser:
    """The parser Textual makes as chapbook takes the terminal back from a pager or shell."""
    WholePasteParser.answer_awaited_until = time.monotonic() + wait
    return WholePasteParser()


def test_what_the_terminal_sent_before_it_had_chapbooks_modes_again_is_dropped() -> None:
    """A paste made just before the terminal took bracketed pastes again comes unmarked; its
    ctrl+q, read as a key, quit chapbook. Everything before the terminal's answer to the
    position request sent after the modes is dropped, the answer too; keys after it count."""
    got = read(
        parser_taking_the_terminal_back(),
        "\x00\x01\x02\x11 pasted\x1b[1",  # the answer cut by the end of a read
        "2;40Rj",
        "\x1b[200~later\x1b[201~",
    )
    assert keys(got) == ["j"]
    assert pastes(got) == ["later"]
    assert keys(read(WholePasteParser(), "k")) == ["k"]  # the next parser drops nothing


def test_a_terminal_that_never_answers_loses_only_a_moment_of_input() -> None:
    parser = parser_taking_the_terminal_back(wait=0.1)
    got = read(parser, "q")  # within the wait: dropped
    time.sleep(0.15)
    got += read(parser, "j")
    assert keys(got) == ["j"]


def test_a_key_code_naming_no_character_is_dropped_and_the_keys_after_it_still_come() -> None:
    """`ESC [ 999999999 ~` (line noise, or a terminal's code cut and run together) names a
    character past the last one; Textual's parser raised `ValueError` from `chr` in the
    input thread and chapbook ended with a traceback (found by the soak)."""
    for code in ("\x1b[999999999~", "\x1b[1114112u", "\x1b[97;5;99999999u", "\x1b[97;;9999999u"):
        assert keys(read(WholePasteParser(), code + "j")) == ["j"], code


# Pasted text holding the terminal's own codes: a window title, a clear screen, a clipboard
# write, a lone Escape, two in a row, and the Escape ending the text just before the paste's
# closing code (found by the soak pasting into the finder).
PASTED_CODES = "a\x1b]0;title\x1b\\b\x1b[2Jc\x1b]52;c;aGk=\x07d\x1be\x1b\x1bf\x1b"


def test_codes_inside_a_paste_are_pasted_text_and_never_keys() -> None:
    """Textual's parser reads an escape code inside a paste as keys: `ESC ]0;title` came as
    `^`, `]`, `0`, `t`... typed (in the reader, `]` is the next scene and `t` the contents),
    and two Escapes as the Escape key, which closed the finder the text was pasted into."""
    got = read(WholePasteParser(), f"\x1b[200~{PASTED_CODES}\x1b[201~j")
    assert pastes(got) == [PASTED_CODES]
    assert keys(got) == ["j"]


def test_codes_inside_a_paste_cut_across_reads_are_pasted_text_too() -> None:
    whole = f"\x1b[200~{PASTED_CODES * 3}\x1b[201~k"
    got = read(WholePasteParser(), *(whole[n : n + 7] for n in range(0, len(whole), 7)))
    assert pastes(got) == [PASTED_CODES * 3]
    assert keys(got) == ["k"]


def test_a_paste_holding_the_start_of_another_is_one_paste() -> None:
    got = read(WholePasteParser(), "\x1b[200~one \x1b[200~two\x1b[201~l")
    assert pastes(got) == ["one \x1b[200~two"]
    assert keys(got) == ["l"]


def test_a_paste_loses_only_its_nul_characters() -> None:
    got = read(WholePasteParser(), "\x1b[200~a\x00b\x00\x1b[201~")
    assert pastes(got) == ["ab"]  # as Textual's parser does (Textual issue 1661)


def test_escape_then_a_key_typed_fast_twice_is_two_alt_keys() -> None:
    """Escape then a key, typed fast, comes as alt and the key (chapbook splits it again, see
    `tui/ui/terminal/alt_keys.py`). With another Escape right after it in the same read (a
    fast typist, an SSH packet), Textual's parser gave `^` and the key instead: a `^` typed
    into the library's filter or a prompt (found by hand, Esc s Esc ctrl+p typed fast)."""
    assert keys(read(WholePasteParser(), "\x1bj\x1bk")) == ["alt+j", "alt+k"]
    assert keys(read(WholePasteParser(), "a\x1bs\x1bj")) == ["a", "alt+s", "alt+j"]
    assert keys(read(WholePasteParser(), "\x1bs\x1b")) == ["alt+s", "escape"]
    assert keys(read(WholePasteParser(), "\x1bG\x1bg")) == ["alt+shift+g", "alt+g"]
    assert keys(read(WholePasteParser(), "\x1b\x1bj")) == ["escape", "alt+j"]
    # Codes are still codes: an arrow key, and a function key, between them.
    assert keys(read(WholePasteParser(), "\x1bj\x1b[A\x1bOP")) == ["alt+j", "up", "f1"]


def test_textual_alone_reads_escape_then_a_key_before_another_escape_as_a_caret() -> None:
    # Why the wrapper reads them itself: if this starts failing, Textual has fixed it.
    assert keys(read(XTermParser(), "\x1bj\x1bk")) == ["circumflex_accent", "j", "alt+k"]


def test_escape_then_a_key_before_an_escape_held_to_the_next_read_is_an_alt_key() -> None:
    """The second Escape ends the read: held back until the next one (which comes at once),
    as a code's start."""
    parser = WholePasteParser()
    got = [t for data in ("j\x1bs\x1b", "k") for t in parser.feed(data)]
    got += read(parser)  # (and then nothing for a while)
    assert keys([t for t in got if isinstance(t, events.Event)]) == ["j", "alt+s", "alt+k"]


def test_escape_then_a_key_that_is_no_letter_comes_as_alt_and_that_key() -> None:
    """Escape then `/` typed fast came as `/` alone (the Escape lost), and Escape then `1` as
    a Mac's Option character `¡`: each is alt and the key, which the app splits again."""
    for typed, key, character in [
        ("\x1b/", "alt+slash", "/"),
        ("\x1b?", "alt+question_mark", "?"),
        ("\x1b ", "alt+space", " "),
        ("\x1b]", "alt+right_square_bracket", "]"),
        ("\x1b1", "alt+1", "1"),
        ("\x1b-", "alt+minus", "-"),
        ("\x1bG", "alt+shift+g", "G"),
    ]:
        got = [e for e in read(WholePasteParser(), typed) if isinstance(e, events.Key)]
        assert [(e.key, e.character) for e in got] == [(key, character)], typed
    assert keys(read(WholePasteParser(), "\x1b\x1b[A")) == ["escape", "up"]  # (and an arrow)
    assert keys(read(WholePasteParser(), "a/1")) == ["a", "slash", "1"]  # (typed alone)
