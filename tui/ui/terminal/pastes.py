"""Pastes stay pastes: whole, with the terminal's codes inside them taken as text.

They stay so even when their bracketing codes arrive split across two reads of the terminal;
and what the terminal sent before it took chapbook's modes back is not read as keys.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from typing import Any

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver
from textual.keys import Keys
from textual.message import Message

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
# How long a code's start at the end of a read waits for its rest (seconds): outside a paste
# (an Escape pressed with other keys in one read is that much late), and inside one.
HOLD = 0.3
HOLD_IN_BURST = 2.0  # after a read of at least BURST_READ characters
HOLD_IN_PASTE = 5.0
BURST_READ = 1024
# The terminal's answer to "where is the cursor?" (`ESC [ 6 n`): `ESC [ row ; column R`.
POSITION_ANSWER = re.compile(r"\x1b\[\d+;\d+R")
POSITION_REQUEST = "\x1b[6n"
LONGEST_ANSWER = 16  # characters of an answer cut by the end of a read, at most
# How long input is dropped while the answer does not come (a terminal that never answers).
ANSWER_WAIT = 1.0
# Escape then a key typed fast (what a terminal sends for alt and the key), with another Escape
# right after it: Textual's parser reads the first two as `^` and the key, so they are read
# here. (Not the starts of codes: `[` and `O` of keys, `]`, `P`, `_`, `^`, `X` and `\` of
# strings.)
# Escape then one of these typed fast, which Textual takes for a Mac's Option character.
ESCAPE_THEN_OPTION = frozenset("0123456789-=§")
ALT = "alt+"
ALT_KEY_BEFORE_ESCAPE = re.compile(r"\x1b([^\x1b\[O\]P_^X\\])(?=\x1b)")
ALT_KEY_BEFORE_ESCAPE_OR_END = re.compile(r"\x1b([^\x1b\[O\]P_^X\\])(?=\x1b|\Z)")
# Textual's Linux driver makes its input parser through this name; `tests/ui/test_pastes.py`
# fails loudly if a Textual release stops doing so.
PARSER_ATTRIBUTE = "XTermParser"


def paste_state(text: str, pasting: bool) -> bool:
    """Whether a paste is open after ``text``, given whether one was open before it."""
    start, end = text.rfind(PASTE_START), text.rfind(PASTE_END)
    if start == end == -1:
        return pasting
    return start > end


def split_marker(text: str, marker: str, shortest: int) -> int:
    """How many characters at the end of ``text`` begin ``marker`` (at least ``shortest``)."""
    for length in range(len(marker) - 1, shortest - 1, -1):
        if text.endswith(marker[:length]):
            return length
    return 0


class WholePasteParser(XTermParser):
    """Textual's input parser, fed so that the terminal's codes are not cut in two, and with
    the pastes taken out before it sees them.

    Textual's parser reads the codes inside a paste as codes: `ESC ] 0 ; title` in pasted text
    came out as the keys `^`, `]`, `0`, `t`... (in the reader, the next scene and the
    contents), two Escapes in a row as the Escape key (which closed the finder the text was
    pasted into), and the rest of the paste was lost. So what lies between ``ESC [200~`` and
    ``ESC [201~`` is gathered here and becomes one `Paste` whole, codes and all (less its NUL
    characters, as Textual's own pastes are); the boxes show a pasted Escape as `␛`.

    Textual reads the terminal 4 KiB at a time and takes an Escape that nothing follows for
    0.1 s as the Escape key. When a slow link or a busy machine splits a code after its
    Escape, the rest is read as typed keys; worse, when it splits a paste's closing
    ``ESC [201~``, the paste never ends: every key after it is swallowed and chapbook seems
    frozen. So the start of a code at the end of a read is held back until the next read:
    always inside a paste (the terminal always sends the rest), and outside one when the read
    brought more than that Escape (one key pressed alone is passed on at once). What is held
    is passed on anyway after a while (longer after a big read), so an Escape is never lost.

    A key code naming no character (a number past the last one) is dropped, not a crash.

    Coming back from the shell or a pager, the terminal sends what was typed or pasted before
    it took chapbook's modes back as it was, a paste unmarked (a pasted ctrl+q would quit).
    So a parser made while `answer_awaited_until` lies ahead (Textual makes one each time it
    takes the terminal back) drops its input until the terminal answers the position request
    sent after the modes: everything before the answer was sent before them.
    """

    answer_awaited_until = 0.0  # set by the driver as it takes the terminal back

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held = ""
        self._held_since = 0.0
        self._hold_limit = HOLD
        self._pasting = False
        self._pasted: list[str] = []  # the open paste's text so far
        self._dropping_until = WholePasteParser.answer_awaited_until
        WholePasteParser.answer_awaited_until = 0.0

    def feed(self, data: str) -> Iterable[Message | events.Event]:
        if not data:  # the end of input: nothing more is coming to complete what is held
            yield from self._release()
            yield from super().feed(data)
            return
        text = self._held + data
        if self._dropping_until:
            text = self._after_answer(text)
            if not text:
                return
        was_held, self._held = bool(self._held), ""
        while True:  # pastes opening and closing in the text
            marker = PASTE_END if self._pasting else PASTE_START
            found = text.find(marker)
            if found < 0:
                break
            yield from self._pass_on(text[:found])
            text = text[found + len(marker) :]
            if self._pasting:
                yield self._paste_ended()
            else:
                self._pasting = True
        if self._pasting:
            hold = split_marker(text, PASTE_END, 1)
        else:
            hold = split_marker(text, PASTE_START, 2) or int(len(text) > 1 and text[-1] == ESC)
        if hold and not was_held:
            self._held_since = time.monotonic()
            # A read this big means the terminal is sending a lot (a paste, a burst): the rest
            # of a cut code may be a while coming from a busy machine. Keys typed by a person
            # never make one.
            self._hold_limit = HOLD_IN_BURST if len(data) >= BURST_READ else HOLD
        self._held = text[len(text) - hold :] if hold else ""
        # (what is held starts with an Escape: the next read goes on after it)
        yield from self._pass_on(text[: len(text) - hold], escape_next=bool(hold))

    def _after_answer(self, text: str) -> str:
        """While the answer is awaited: what follows it in ``text``, or nothing (a possible
        start of it held)."""
        self._held = ""
        answer = POSITION_ANSWER.search(text)
        if answer is not None or time.monotonic() > self._dropping_until:
            self._dropping_until = 0.0
            return text[answer.end() :] if answer is not None else text
        cut = text.rfind(ESC, max(0, len(text) - LONGEST_ANSWER))
        if cut >= 0:
            self._held = text[cut:]
            self._held_since = time.monotonic()
        return ""

    def tick(self) -> Iterable[Message | events.Event]:
        if self._dropping_until and time.monotonic() > self._dropping_until:
            self._dropping_until = 0.0  # no answer came: what is held is passed on
            self._held_since = 0.0
        limit = HOLD_IN_PASTE if self._pasting else self._hold_limit
        if self._held and time.monotonic() - self._held_since > limit:
            yield from self._release()
        yield from super().tick()

    def _release(self) -> Iterable[Message | events.Event]:
        held, self._held = self._held, ""
        yield from self._pass_on(held)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        # Escape then a digit (or `-`, `=`) typed fast: Textual reads it as a Mac's Option
        # character (Esc 1 is `¡`), and the Escape is lost. It is alt and the key, which the
        # app splits into Escape then the key.
        if len(sequence) == 2 and sequence[0] == ESC and sequence[1] in ESCAPE_THEN_OPTION:
            sequence, alt = sequence[1], True
        # Textual reads a key code's numbers as characters with `chr`: a number past the last
        # character (`ESC [ 999999999 ~`, line noise or codes run together) raised
        # `ValueError` in the input thread and ended chapbook. Such a code is no key: Textual
        # drops an `Ignore` key whole, where a code giving no key would be typed out as its
        # characters (`[` and digits: a scene back, a count).
        try:
            keys = list(super()._sequence_to_key_events(sequence, alt))
        except (ValueError, OverflowError):
            keys = [events.Key(Keys.Ignore, None)]
        if alt and len(sequence) == 1 and sequence.isprintable():
            # Textual makes alt keys of letters and digits only: Escape then `/` typed fast
            # came as `/` alone, the Escape lost. Every printable key is alt and that key.
            keys = [
                key if key.key.startswith(ALT) else events.Key(ALT + key.key, key.character)
                for key in keys
            ]
        yield from keys

    def _pass_on(self, text: str, escape_next: bool = False) -> Iterable[Message | events.Event]:
        """``text`` into the open paste, or else to Textual's parser; ``escape_next``: an
        Escape comes after it (held back for the next read)."""
        if self._pasting:
            self._pasted.append(text)
            return
        start = 0
        before_escape = ALT_KEY_BEFORE_ESCAPE_OR_END if escape_next else ALT_KEY_BEFORE_ESCAPE
        for alt_key in before_escape.finditer(text):
            if alt_key.start() > start:  # (Textual's parser takes "" for the end of input)
                yield from super().feed(text[start : alt_key.start()])
            # (the keys Textual makes of Escape and a key when nothing comes after them)
            yield from self._sequence_to_key_events(alt_key[1], alt=True)
            start = alt_key.end()
        if text[start:]:
            yield from super().feed(text[start:])

    def _paste_ended(self) -> events.Paste:
        pasted, self._pasted, self._pasting = "".join(self._pasted), [], False
        # (Textual's own pastes lose their NULs: its issue 1661)
        return events.Paste(pasted.replace("\x00", ""))


def keep_pastes_whole() -> None:
    """Have Textual's Linux driver read the terminal through `WholePasteParser`."""
    if getattr(linux_driver, PARSER_ATTRIBUTE, None) is XTermParser:
        setattr(linux_driver, PARSER_ATTRIBUTE, WholePasteParser)
