"""`[display] borders = "ascii"` draws every box with +, - and |.

This is for console fonts that lack the rounded corners.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, wait_for, wait_open
from textual.geometry import Region
from textual.widget import Widget

from tui.settings.settings import load_settings
from tui.ui.dialogs.finder_book import BookFinderScreen

SAMPLE = Path(__file__).resolve().parents[2] / "tui" / "data" / "sample.txt"


def top_edge(widget: Widget) -> str:
    return widget.render_lines(Region(0, 0, widget.outer_size.width, 1))[0].text


async def finder_top_edge(borders: str | None) -> str:
    settings, problems = load_settings(None)
    assert not problems
    if borders is not None:
        settings.display.borders = borders
    app = reader_app(SAMPLE, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        await pilot.pause()
        return top_edge(app.screen.query_one("#finder"))


async def test_boxes_are_rounded_by_default_and_ascii_when_asked() -> None:
    rounded = await finder_top_edge(None)
    assert rounded.startswith("╭") and rounded.endswith("╮")
    ascii_edge = await finder_top_edge("ascii")
    assert ascii_edge.startswith("+") and ascii_edge.endswith("+")
    assert set(ascii_edge) <= {"+", "-"}


def test_the_setting_is_read_from_the_users_file(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text('[display]\nborders = "ascii"\n', encoding="utf-8")
    settings, problems = load_settings(user)
    assert not problems and settings.display.borders == "ascii"
    user.write_text('[display]\nborders = "square"\n', encoding="utf-8")
    settings, problems = load_settings(user)
    assert settings.display.borders == "rounded"
    assert "rounded" in str(problems[0]) and "ascii" in str(problems[0])
