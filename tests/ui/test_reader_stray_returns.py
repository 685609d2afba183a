"""A lone carriage return inside a line of a file whose lines end in LF or CRLF is stray: it
neither breaks the line nor starts a paragraph; an old Mac file's CR line ends still do (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import reader_app, shown_rows, wait_open

from tui.book.loader import decode_bytes
from tui.settings.settings import load_settings


@pytest.mark.parametrize("end", [b"\n", b"\r\n"])
async def test_a_stray_cr_does_not_start_an_indented_paragraph(tmp_path: Path, end: bytes) -> None:
    # In `indent` mode the page showed `CR` and, under it, `  overwrite.` as a new paragraph.
    lines = [b"Title", b"", b"A line with a stray CR\roverwrite. It goes on.", b"", b"Next one."]
    path = tmp_path / "stray.txt"
    path.write_bytes(end.join(lines) + end)
    settings, _ = load_settings(None)
    settings.reader.paragraph_style = "indent"
    app = reader_app(path, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        rows = [row.strip() for row in shown_rows(screen) if row.strip()]
        assert "A line with a stray CR overwrite. It goes on." in rows, rows
        assert not any(row.startswith("overwrite") for row in rows)


def test_an_old_mac_files_cr_line_ends_still_end_its_lines() -> None:
    text, _, _ = decode_bytes(b"Title\r\rFirst paragraph,\rwrapped.\r\rSecond.\r")
    assert text == "Title\n\nFirst paragraph,\nwrapped.\n\nSecond.\n"
    # A CRLF file written over twice (`\r\r\n`): one line end each, not a blank line between.
    text, _, _ = decode_bytes(b"Title\r\r\n\r\r\nOne\r\r\ntwo.\r\r\n")
    assert [line.strip() for line in text.split("\n")] == ["Title", "", "One", "two.", ""]
