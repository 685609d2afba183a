"""A Hebrew EPUB in the reader at 80x24, set as a right-to-left book is printed.

Its prose is set flush right in the text column, ragged on the left (Pilot).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reader_support import reader_app, settle, wait_open
from rich.cells import cell_len

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


async def test_a_hebrew_books_prose_is_set_flush_right() -> None:
    app = reader_app(REAL / "idpf_israelsailing.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=30)
        await pilot.press("right_curly_bracket")  # to the first chapter, `פרק ראשון`
        await settle(pilot)
        view = screen.view
        rows = [view.render_line(y).text.rstrip() for y in range(view.size.height)]
        hebrew = [row for row in rows if any("\u0590" <= c <= "\u05ff" for c in row)]
        assert len(hebrew) >= 10, rows
        edges = Counter(cell_len(row) for row in hebrew)
        right, count = edges.most_common(1)[0]
        # (the headings are centred; every line of prose ends at the column's right edge)
        assert count >= len(hebrew) - 3, rows
        starts = {
            cell_len(row) - cell_len(row.lstrip()) for row in hebrew if cell_len(row) == right
        }
        assert len(starts) > 2, rows  # ragged on the left
