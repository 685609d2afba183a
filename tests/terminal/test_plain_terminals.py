"""Without colours, or with only 16, selections and the status line stand out in reverse video.

Without colours is NO_COLOR; with only the terminal's 16 is the ansi theme.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import reader_app, wait_for, wait_open
from textual.strip import Strip
from textual.widgets import OptionList

from tui.ui.dialogs.finder import ResultList
from tui.ui.dialogs.finder_book import BookFinderScreen
from tui.ui.screens.settings import SettingsScreen

SAMPLE = Path(__file__).resolve().parents[2] / "tui" / "data" / "sample.txt"


def reversed_text(strip: Strip) -> str:
    return "".join(s.text for s in strip if s.style is not None and s.style.reverse).strip()


def rows(widget: OptionList) -> list[Strip]:
    return [widget.render_line(y) for y in range(widget.size.height)]


async def test_under_no_color_selections_and_the_status_line_are_reversed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = reader_app(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        assert "What the Tide Keeps" in reversed_text(reader.status.render_line(0))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        finder = app.screen
        await wait_for(pilot, lambda: finder.shown_query == "")
        await pilot.pause()
        drawn = rows(finder.query_one(ResultList))
        assert reversed_text(drawn[0]).startswith("# Chapter 1")
        assert not reversed_text(drawn[2])  # the next hit is not selected
        await pilot.press("escape", "comma")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await pilot.pause()
        settings = app.screen.query_one(OptionList)
        drawn = rows(settings)
        assert reversed_text(drawn[1]).startswith("Theme")
        assert not reversed_text(drawn[0])  # the section header is not the cursor


async def test_with_the_16_colour_theme_the_status_line_is_reversed() -> None:
    app = reader_app(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        assert not reversed_text(reader.status.render_line(0))
        app.theme = "ansi"  # as on TERM=linux
        await pilot.pause()
        await pilot.pause()
        assert "What the Tide Keeps" in reversed_text(reader.status.render_line(0))
