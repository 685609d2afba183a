"""Tables and typed blocks of EPUBs in the reader at 80x24.

A play set in a table shows who speaks before each speech, and a monospaced frequency table
keeps its columns, a row a line (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, search, settle, wait_open

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def drawn(screen) -> list[str]:
    view = screen.view
    return [view.render_line(y).text.rstrip().replace("\xa0", " ") for y in range(view.size.height)]


async def test_a_play_set_in_a_table_shows_its_speakers() -> None:
    app = reader_app(REAL / "se_importance_of_being_earnest.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=30)
        await search(pilot, "slash", "what I was playing")
        await settle(pilot)
        rows = [row.strip() for row in drawn(screen)]
        assert "Algernon: Did you hear what I was playing, Lane?" in rows, rows
        assert "Lane: I didn’t think it polite to listen, sir." in rows, rows


async def test_a_monospaced_table_keeps_its_columns_a_row_a_line() -> None:
    app = reader_app(REAL / "pg_works_of_poe_vol1.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=30)
        await search(pilot, "slash", "Of the character 8 there are 33")
        await settle(pilot)
        rows = drawn(screen)
        first = next(k for k, row in enumerate(rows) if row.strip().startswith(";"))
        table = rows[first : first + 13]
        assert all(row.strip() for row in table), rows  # (no blank rows between its lines)
        assert len({row.index("“") for row in table}) == 1, table  # (its columns in line)
        assert table[2].strip() == "‡ )        “     16.", table
