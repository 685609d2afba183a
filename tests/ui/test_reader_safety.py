"""Book text never drives the terminal: escape sequences and control characters are shown."""

from __future__ import annotations

from pathlib import Path

from reader_support import make_book, reader_app, wait_open

from tui.reading.pager import LayoutOptions, Pager
from tui.ui.widgets.status_line import StatusLine

NASTY = (
    "Clear \x1b[2J the screen, ring \x07 the bell, \x9b31m C1 CSI, \x1b]0;title\x07 OSC, "
    "\u202eturned round\u202c by an override, \u2067isolated\u2069."
)
# The bidirectional embeddings, overrides and isolates: a terminal that lays out right-to-left
# text would turn the rest of the row (the frame, the status line) around.
BIDI = {
    *map(chr, (0x061C, 0x200E, 0x200F)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
}


def _controls(text: str) -> list[str]:
    return [ch for ch in text if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in BIDI]


def test_rows_never_carry_control_characters_even_from_a_raw_book() -> None:
    # A Book made without the loader (as a buggy converter might): the reader still cleans it.
    book = make_book(f"Chapter 1\n\n{NASTY}\n\nAnother line.\n")
    book.chapters[0].title = "Chapter 1: \x1b[5mBlink"
    rows = Pager(book, LayoutOptions(column=40), 20).screen()
    text = "".join(row.text for row in rows)
    assert not _controls(text)
    assert "␛[2J" in text and "Blink" in text


async def test_a_file_with_escape_sequences_is_drawn_harmlessly(tmp_path: Path) -> None:
    path = tmp_path / "nasty.txt"
    path.write_text(f"\x1b]0;evil title\x07Title\n\n{NASTY}\n", encoding="utf-8")
    app = reader_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        drawn = "".join(segment.text for y in range(24) for segment in screen.view.render_line(y))
        status = "".join(segment.text for segment in screen.status.render().render(app.console))
        assert not _controls(drawn) and not _controls(status)
        assert "␛" in drawn and "turned round\u2060 by an override" in drawn
        assert drawn.count("�") == 1  # the C1 control's: the bidi controls take no cell


def test_status_line_cleans_its_title() -> None:
    line = StatusLine()
    line.show("Title \x1b[31m red", None)
    assert not _controls(line.title)
