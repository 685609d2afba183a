"""Justified text at 80 columns: rows may end after an em-dash, and long words stay ragged.

A row may end after an em-dash, so dashed words leave no wide gaps, and a row before a word too
long for any row (an address) stays ragged, not stretched.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader_support import reader_app, shown_rows, wait_open, write_story

from tui.settings.settings import load_settings

SIZE = (80, 24)
# Made up for this test: dashes without spaces, as novels set them, and an address too long
# for a row.
DASHED = (
    "Wren stacked the crates by the harbour door and counted them twice—the tally-keeper’s "
    "old-fashioned—never-to-be-trusted—ledger had lied before—then sat down on the last of "
    "them to wait for the carter, who was late again, as he had been every morning that week."
)
ADDRESS = (
    "The chart was copied from https://charts.example.org/harbour/soundings/1851/"
    "north-approach/plate-seventeen-with-the-lighthouse-and-both-breakwaters.html and "
    "nobody had checked it since."
)
STORY = f"The Carter\n\nby Tessaly Brook\n\nChapter 1: Crates\n\n{DASHED}\n\n{ADDRESS}\n"


async def test_justified_rows_break_after_a_dash_and_keep_a_row_before_an_address_ragged(
    tmp_path: Path,
) -> None:
    settings, _ = load_settings(None)
    settings.reader.justify = True
    app = reader_app(write_story(tmp_path / "carter.txt", STORY), settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        rows = [row for row in shown_rows(screen) if row]
        dashed = rows[rows.index("Chapter 1: Crates") + 1 :][:4]
        # A row may end after an em-dash, so no row is spread thin around one long dashed
        # word: every row but the paragraph's last is full, with gaps of two spaces at most.
        assert any(row.endswith("—") for row in dashed), dashed
        body = [row for row in dashed if not row.endswith("week.")]
        assert all(len(row) == len(body[0]) for row in body), body
        assert not any(re.search(r"\S {3,}\S", row) for row in body), dashed
        # The row before the address keeps single spaces: it ended early because the address
        # cannot fit on any row, as a paragraph's last row ends.
        before = [row for row in rows if row.split()[:2] == ["The", "chart"]]
        assert before == ["The chart was copied from"], rows
        assert any(row.startswith("https://charts.example.org/") for row in rows), rows


# Made up for this test: a download's title page and metadata, then a paragraph of prose.
TITLE_PAGE = (
    "The Long Tide\n\n"
    "Posted originally on the Archive of Our Own at http://archiveofourown.org/works/00000000 "
    "and kept here for reading later on the ferry.\n\n"
    "Additional Tags: Lighthouses, Letters, Serial Fiction, Weather, Found Family, Slow Burn, "
    "Happy Ending, Fluff and Angst, Alternate Universe - Coffee Shops & Cafés\n\n"
    "Stats: Published: 2024-11-30 Completed: 2025-01-12 Words: 48,210 Chapters: 12/12 "
    "Comments: 310 Kudos: 2,118 Bookmarks: 402 Hits: 30,411\n\n"
    "Chapter 1: The Ferry\n\n"
    f"{DASHED}\n"
)


async def test_justify_spreads_prose_only_not_a_title_page_or_its_fields(
    tmp_path: Path,
) -> None:
    """`justify = true` sets prose flush at both ends; the lines of a title page and of its
    metadata (`Posted originally on …`, `Stats: Published: …`, tags) keep single spaces, by
    what they are: fields, a link, not a paragraph of sentences."""
    settings, _ = load_settings(None)
    settings.reader.justify = True
    app = reader_app(write_story(tmp_path / "tide.txt", TITLE_PAGE), settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        rows = [row for row in shown_rows(screen) if row]
        fields = [row for row in rows if row.startswith(("Posted", "Additional", "Stats"))]
        assert len(fields) == 3, rows
        assert not any(re.search(r"\S {2,}\S", row) for row in fields), fields
        prose = rows[rows.index("Chapter 1: The Ferry") + 1 :][:3]
        assert len(prose[0]) == len(prose[1]) and len(prose[0]) > 60, prose
