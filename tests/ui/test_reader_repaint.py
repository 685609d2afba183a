"""What the terminal is sent after a change of layout or a page turn.

No row wider than the column, and the cells the column leaves redrawn (no residue of the old
page). Emoji whose width terminals disagree about are checked in a real terminal:
test_reader_emoji_tmux.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import highlight, lantern_book, open_settings, reader_app, wait_open

from tui.reading.wrapping import measure


def _watch_rows(view) -> list[str]:
    """Record every row the view draws that is wider than the view is at that moment."""
    spills: list[str] = []
    draw = view.render_line

    def render_line(y: int):
        strip = draw(y)
        if strip.cell_length > view.size.width or measure(strip.text) > view.size.width:
            spills.append(strip.text)
        return strip

    view.render_line = render_line
    return spills


async def test_narrowing_the_column_in_settings_repaints_it_at_the_new_width(
    tmp_path: Path,
) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("j", "j", "j")
        spills = _watch_rows(reader.view)
        await open_settings(pilot)
        await highlight(pilot, "reader.width")
        await pilot.press(*["left"] * 10)
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        await pilot.pause()
        width = app.settings.reader.width
        assert width < 72
        assert reader.view.pager.options.column == width
        assert spills == []  # no row of the wider layout was ever drawn into the narrow one
        rows = [reader.view.render_line(y).text.rstrip() for y in range(reader.view.size.height)]
        assert max(measure(row) for row in rows) <= width
        assert any(len(row) > width - 12 for row in rows)  # the text fills the new column


async def test_a_changed_column_repaints_the_whole_screen(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await wait_open(pilot)
        repainted: list[object] = []
        real_refresh = reader.refresh

        def refresh(*regions, **kwargs):
            repainted.append(regions)
            return real_refresh(*regions, **kwargs)

        reader.refresh = refresh
        reader.view.fit(60)  # the margin or the width changed: the column moves
        await pilot.pause()
        await pilot.pause()
        assert () in repainted  # the cells the column left are the screen's: all redrawn
