"""The soak's input: random keys, pastes, resizes, mouse reports and stray bytes, sent through tmux.

`TerminalStorm.step` sends one random event (a burst of keys counts each key) to the chapbook
running in a `TmuxTerminal`, and keeps the last ones sent (`trail`) for a failure's report.
The keys are those of the Pilot storm (`storm_support.vocabulary`) as tmux spells them, less
the ones that quit or save the settings (in the keymap the soak's settings choose); the mouse
sends clicks, wheel steps and drags; what is pasted has those characters taken out too,
since tmux brackets a paste only while chapbook asks for it, and in a moment it does not
(between screens, the `o` hand-off) the text arrives as typed keys.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Mapping
from pathlib import Path

from storm_support import pastes, quitting, vocabulary
from tmux_term import TmuxTerminal

LEFT_OUT = {"ctrl+s"}  # besides the keys that quit, which `vocabulary` leaves out
# Textual key names as tmux's send-keys spells them.
NAMED = {
    "enter": "Enter", "escape": "Escape", "tab": "Tab", "shift+tab": "BTab",
    "backspace": "BSpace", "delete": "DC", "insert": "IC", "space": "Space", "home": "Home",
    "end": "End", "pageup": "PPage", "pagedown": "NPage", "up": "Up", "down": "Down",
    "left": "Left", "right": "Right",
    **{f"f{n}": f"F{n}" for n in range(1, 13)},
}  # fmt: skip
CHARACTERS = {
    "comma": ",", "full_stop": ".", "slash": "/", "question_mark": "?", "apostrophe": "'",
    "percent_sign": "%", "left_square_bracket": "[", "right_square_bracket": "]",
    "left_curly_bracket": "{", "right_curly_bracket": "}", "less_than_sign": "<",
    "greater_than_sign": ">", "grave_accent": "`", "plus": "+", "minus": "-",
    "number_sign": "#", "asterisk": "*", "colon": ":", "exclamation_mark": "!",
}  # fmt: skip
MODIFIERS = {"ctrl": "C-", "alt": "M-", "shift": "S-"}
# What else a terminal (or a line with noise on it) sends, outside a paste: sequences cut short
# or out of range, answers to queries, focus reports, keys in other protocols, bytes that are
# not UTF-8, old-style mouse reports.
RAW = [
    b"\x1b[", b"\x1b[1;", b"\x1bO", b"\x1b[999999999~", b"\x1b[1;5A\x1b[1;3B",
    b"\x1b[97;5u", b"\x1b[27;5;106~", b"\x1b[I", b"\x1b[O", b"\x1b[?62;c",
    b"\x1b[8;24;80t", b"\x1b]11;rgb:0000/0000/0000\x1b\\", b"\x1b[<0;9999;9999M",
    b"\x1b[<64;0;0M", b"\x1b[M #!", b"\xff\xfe\xc3", b"\xe2\x82", b"\x00\x00",
    b"\x1b\x1b\x1b", b"\x1b[201~", b"\x1bP1$r0m\x1b\\",
    b"\x1b[2;2R", b"\x1b[?2026;2$y", b"\x1b[15;2~\x1b[24;5~", b"\x1bOP\x1bOQ\x1bOR",
]  # fmt: skip
# Sizes a resize picks from, down to a few cells: chapbook must live through them and come back.
WIDTHS = (10, 20, 40, 80, 120, 250)
HEIGHTS = (3, 5, 6, 12, 24, 40, 80)
TRAIL = 40  # events a failure's report lists, the last sent
TYPED_AT_MOST = 4096  # characters of a paste that may come as typed keys (see `paste`)


def left_out_with(keys: Mapping[str, str]) -> set[str]:
    """The keys the storm leaves out with the key table ``keys`` (a preset, user keys): those
    that quit and save the settings."""
    saving = {key.strip() for key in keys.get("save_settings", "").split(",")}
    return (LEFT_OUT | quitting(keys) | saving) - {""}


def tmux_key(key: str) -> str | None:
    """``key`` (a Textual key name) as a tmux key name, or None when tmux cannot send it."""
    *mods, base = key.split("+")
    if base in NAMED:
        name = NAMED[base]
    elif base in CHARACTERS:
        name = CHARACTERS[base]
    elif len(base) == 1 and base != ";":
        name = base
    else:
        return None
    if "shift" in mods and len(name) == 1:
        return None  # tmux types `S-a` and `C-S-p` out as text: it has no such keys
    if "+".join([*mods, base]) in NAMED:
        return NAMED[key]
    return "".join(MODIFIERS[m] for m in mods if m in MODIFIERS) + name


def send_bytes(term: TmuxTerminal, data: bytes) -> None:
    """``data`` as the terminal would send it to chapbook."""
    term.tmux("send-keys", "-t", term.session, "-H", *(f"{b:02x}" for b in data), check=False)


class TerminalStorm:
    """Random events for the chapbook in ``term``, from ``rng``; ``paste_file`` is where a
    paste is written for tmux to load."""

    def __init__(
        self,
        term: TmuxTerminal,
        rng: random.Random,
        paste_file: Path,
        keys: Mapping[str, str] | None = None,
    ) -> None:
        self.term = term
        self.rng = rng
        self.paste_file = paste_file
        left_out = LEFT_OUT if keys is None else left_out_with(keys)
        self.keys = [k for k in (tmux_key(k) for k in vocabulary() if k not in left_out) if k]
        # (and the characters of those keys from what is pasted)
        typed = "".join(key for key in left_out if len(key) == 1)
        self.left_out_of_pastes = str.maketrans("", "", "\x03\x11\x13qQZ" + typed)
        self.trail: deque[str] = deque(maxlen=TRAIL)  # the last events sent

    def step(self) -> int:
        """One random event; how many were sent (a burst of keys counts each)."""
        roll = self.rng.random()
        if roll < 0.80:
            return self.burst()
        if roll < 0.87:
            self.paste(pastes(self.rng))
        elif roll < 0.93:
            self.resize()
        elif roll < 0.96:
            self.mouse(scroll=roll >= 0.95)
        elif roll < 0.975:
            self.drag()
        else:
            raw = self.rng.choice(RAW)
            send_bytes(self.term, raw)
            self.trail.append(f"bytes {raw!r}")
        return 1

    def burst(self) -> int:
        rng = self.rng
        burst = [rng.choice(self.keys) for _ in range(rng.choice((1, 1, 1, 2, 3, 5)))]
        self.term.tmux("send-keys", "-t", self.term.session, *burst, check=False)
        self.trail.append("keys " + " ".join(burst))
        return len(burst)

    def paste(self, text: str) -> None:
        """``text`` pasted (bracketed while chapbook asks for it), less what would quit. The
        caller makes sure the pane is alive: tmux 3.3 crashes pasting into a dead pane."""
        text = text.translate(self.left_out_of_pastes)
        self.trail.append(f"paste {text[:40]!r} ({len(text)} characters)")
        term = self.term
        if not text:  # tmux has no empty buffer: the bracketed paste markers alone
            send_bytes(term, b"\x1b[200~\x1b[201~")
            return
        self.paste_file.write_text(text, encoding="utf-8", errors="replace")
        term.tmux("load-buffer", "-b", "soak", str(self.paste_file), check=False)
        if len(text) <= TYPED_AT_MOST:
            term.tmux("paste-buffer", "-p", "-d", "-b", "soak", "-t", term.session, check=False)
            return
        # A long paste is bracketed whatever chapbook asks for: typed out in a moment it does
        # not ask (the `o` hand-off), 200,000 characters are as many keys, an hour's work that
        # no one types (and that `o`, `p` or `t` among them sends it away again).
        send_bytes(term, b"\x1b[200~")
        term.tmux("paste-buffer", "-d", "-b", "soak", "-t", term.session, check=False)
        send_bytes(term, b"\x1b[201~")

    def resize(self) -> None:
        rng, term = self.rng, self.term
        width = rng.choice((*WIDTHS, rng.randint(10, 250)))
        height = rng.choice((*HEIGHTS, rng.randint(3, 80)))
        size = ("-x", str(width), "-y", str(height))
        resized = term.tmux("resize-window", "-t", term.session, *size, check=False)
        if resized.returncode:
            raise RuntimeError(f"tmux could not resize: {resized.stderr.strip()}")
        term.width, term.height = width, height
        self.trail.append(f"resize {width}x{height}")

    def mouse(self, *, scroll: bool) -> None:
        """A click (press and release) or a wheel step, as an SGR mouse report."""
        rng, term = self.rng, self.term
        x, y = rng.randint(1, term.width), rng.randint(1, term.height)
        if scroll:
            reports = [f"\x1b[<{rng.choice((64, 65))};{x};{y}M"]
        else:
            button = rng.choice((0, 0, 1, 2))
            reports = [f"\x1b[<{button};{x};{y}M", f"\x1b[<{button};{x};{y}m"]
        send_bytes(term, "".join(reports).encode())
        self.trail.append(f"mouse {reports[0]!r} at {term.width}x{term.height}")

    def drag(self) -> None:
        """A button pressed, the pointer moved with it held (SGR motion reports), released."""
        rng, term = self.rng, self.term
        button = rng.choice((0, 0, 2))
        x, y = rng.randint(1, term.width), rng.randint(1, term.height)
        reports = [f"\x1b[<{button};{x};{y}M"]
        for _ in range(rng.randint(1, 8)):
            x = min(max(x + rng.randint(-6, 6), 1), term.width)
            y = min(max(y + rng.randint(-3, 3), 1), term.height)
            reports.append(f"\x1b[<{32 + button};{x};{y}M")
        reports.append(f"\x1b[<{button};{x};{y}m")
        send_bytes(term, "".join(reports).encode())
        self.trail.append(f"drag {reports[0]!r} to {x};{y} at {term.width}x{term.height}")
