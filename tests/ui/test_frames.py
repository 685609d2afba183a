"""Screen updates as written to the terminal: fewer bytes, the same screen; emoji pinned.

A small terminal model replays updates cell by cell (cursor moves, colour codes, text) so
that what a compacted update leaves on screen can be compared with the original, on real
frames of the reader, the library and the finder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_open
from rich.cells import split_graphemes
from textual._compositor import CompositorUpdate

from tui.ui.terminal.output import compact, pin_disputed

_TOKEN = re.compile(r"\x1b\[([0-9]*);([0-9]*)H|\x1b\[([0-9;:]*)m|(\n)|(\r)")
Cell = tuple[str, tuple[str, ...]]


def rich_width(grapheme: str) -> int:
    return split_graphemes(grapheme)[1]


def tmux_width(grapheme: str) -> int:
    """How tmux 3 draws the disputed emoji: `❤️` one cell, `👍🏽` four (two glyphs)."""
    if grapheme == "❤️":
        return 1
    if grapheme == "👍🏽":
        return 4
    return rich_width(grapheme)


class Terminal:
    """Cells, each a character and the colour codes in effect when it was written."""

    def __init__(self, width: Callable[[str], int] = rich_width) -> None:
        self.cells: dict[tuple[int, int], Cell] = {}
        self.width = width
        self.row, self.column = 1, 1
        self.style: tuple[str, ...] = ()

    def feed(self, data: str) -> Terminal:
        position = 0
        for match in _TOKEN.finditer(data):
            self._text(data[position : match.start()])
            position = match.end()
            row, column, params, newline, carriage = match.groups()
            if row is not None:
                self.row, self.column = int(row or 1), int(column or 1)
            elif params is not None:
                self.style = () if params in ("", "0") else (*self.style, params)
            elif newline:
                self.row, self.column = self.row + 1, 1  # the tty's ONLCR
            elif carriage:
                self.column = 1
        self._text(data[position:])
        return self

    def _text(self, text: str) -> None:
        spans, _ = split_graphemes(text)
        for start, end, _cells in spans:
            grapheme = text[start:end]
            width = self.width(grapheme)
            self.cells[(self.row, self.column)] = (grapheme, self.style)
            for extra in range(1, width):
                self.cells[(self.row, self.column + extra)] = ("", self.style)
            self.column += width


async def _frames(tmp_path: Path) -> tuple[list[str], list[str]]:
    """Real updates, as Textual would write them: the reader's first frame, a page turn
    (only the rows that change), the finder, the library; and the page turn's alone."""
    app = reader_app(lantern_book(tmp_path))
    frames: list[str] = []
    display = app._display

    def capture(screen, renderable) -> None:
        if isinstance(renderable, CompositorUpdate):
            frames.append(renderable.render_segments(app.console))
        display(screen, renderable)

    app._display = capture
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_open(pilot)
        await pilot.pause()
        shown = len(frames)
        await pilot.press("space")
        await pilot.pause()
        turned = len(frames)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape", "L")
        await pilot.pause()
    assert 0 < shown < turned < len(frames)
    return frames, frames[shown:turned]


async def test_compacting_real_frames_leaves_the_same_screen_for_fewer_bytes(
    tmp_path: Path,
) -> None:
    frames, page_turn = await _frames(tmp_path)
    for frame in frames:
        compacted = compact(frame)
        assert Terminal().feed(compacted).cells == Terminal().feed(frame).cells
        assert len(compacted) <= len(frame)
    turn = "".join(page_turn)
    assert len(compact(turn)) < 0.9 * len(turn)  # more with longer colour codes (256, 24-bit)


async def test_a_page_turn_sends_the_page_colours_once_not_per_row(tmp_path: Path) -> None:
    first = "".join((await _frames(tmp_path))[1])
    codes = set(re.findall(r"\x1b\[[0-9;]+m", first)) - {"\x1b[0m"}
    reader_colours = max(codes, key=first.count)
    assert first.count(reader_colours) > 20  # once per row
    # Again only after a row of another style (a scene break, the status line).
    assert compact(first).count(reader_colours) <= 4


def test_compact_keeps_resets_that_matter() -> None:
    bold_then_plain = "\x1b[1;5H\x1b[1mTitle\x1b[0m\x1b[1;10Hplain"
    assert compact(bold_then_plain) == bold_then_plain
    other_colours = "\x1b[1;1H\x1b[31mred\x1b[0m\n\x1b[2;1H\x1b[32mgreen\x1b[0m"
    assert compact(other_colours) == other_colours.replace("\n", "")
    # The state before the first code of an update is not known: that code is kept whole.
    first_row = "\x1b[1;1H\x1b[31mred\x1b[0m\x1b[2;1H\x1b[31mred\x1b[0m\x1b[3;1H\x1b[31mred\x1b[0m"
    assert (
        compact(first_row) == "\x1b[1;1H\x1b[31mred\x1b[0m\x1b[2;1H\x1b[31mred\x1b[3;1Hred\x1b[0m"
    )
    assert compact("plain text, no codes\n") == "plain text, no codes\n"


@pytest.mark.parametrize("emoji", ["❤️", "👍🏽"])
def test_pinned_emoji_leave_the_rest_of_the_row_in_place(emoji: str) -> None:
    old = "\x1b[1;1H" + "x" * 20
    new = f"\x1b[1;1Ha {emoji} b{' ' * 15}"
    expected = Terminal().feed(old).feed(new).cells  # what chapbook laid out
    on_tmux = Terminal(tmux_width).feed(old).feed(pin_disputed(new)).cells
    unpinned = Terminal(tmux_width).feed(old).feed(new).cells
    text = {key: cell for key, cell in expected.items() if cell[0] not in ("", " ")}
    assert {key: on_tmux.get(key) for key in text} == text  # the letters where they belong
    assert all(on_tmux[key][0] in ("", " ") for key in expected if key not in text)  # no "x"
    assert unpinned != expected


def test_pinning_changes_nothing_without_disputed_emoji() -> None:
    frame = "\x1b[1;1H\x1b[38;5;2mPlain, 中文, café and the flag 🇯🇵 agree on widths.\x1b[0m"
    assert pin_disputed(frame) == frame


def test_pinning_needs_to_know_where_the_cursor_is() -> None:
    # After ESC 8 (restore cursor) the column is unknown: nothing is pinned to a guess.
    restored = "\x1b[2;1Hab\x1b8\x1b[1m❤️X"
    assert pin_disputed(restored) == restored
    assert pin_disputed("\x1b[2;1Hab\x1b[1m❤️X") == "\x1b[2;1Hab\x1b[1m  \x1b[2;3H❤️\x1b[2;5HX"


def test_compact_drops_only_cursor_moves_that_move_for_nothing() -> None:
    assert compact("\x1b[1;1H\x1b[KOH\x1b[2;1Hx") == "\x1b[1;1H\x1b[KOH\x1b[2;1Hx"
    assert compact("\x1b[1;1H\x1b[5;1H\x1b[31mx") == "\x1b[5;1H\x1b[31mx"
    # A sequence that may restore other colours (ESC 8) leaves the colours unknown.
    restore = "\x1b[1;1H\x1b[31ma\x1b[0m\x1b[2;1H\x1b[31mb\x1b[0m\x1b8\x1b[31mc"
    assert Terminal().feed(compact(restore)).cells == Terminal().feed(restore).cells
    assert compact(restore).endswith("\x1b[0m\x1b8\x1b[31mc")
