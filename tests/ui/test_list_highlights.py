"""Every list shows which row is selected under every theme.

Without colours (NO_COLOR, the "ansi" theme) the selected row is drawn in reverse video.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_open
from textual.widgets import OptionList

from tui.settings.settings import default_settings

SIZE = (80, 24)


def reversed_rows(options: OptionList) -> list[str]:
    """The rows of ``options`` drawn in reverse video, as the terminal would show them."""
    rows = []
    for y in range(options.size.height):
        strip = options.render_line(y)
        words = "".join(s.text for s in strip if s.style and s.style.reverse and s.text.strip())
        if words.strip():
            rows.append(words.strip())
    return rows


@pytest.fixture(params=["no_color", "ansi"])
def plain_settings(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    settings = default_settings()
    if request.param == "no_color":
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        settings.theme = "ansi"
    return settings


async def test_the_contents_shows_the_selected_row_without_colours(
    tmp_path: Path, plain_settings
) -> None:
    from tui.ui.dialogs.contents import ContentsOptions

    app = reader_app(lantern_book(tmp_path), settings=plain_settings)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        # Where the book opens, Chapter 1's heading is on the upper half of the page: the
        # status line names it, and the contents select its first scene.
        first = reversed_rows(options)
        assert len(first) == 1 and first[0].startswith("Scene 1"), first
        await pilot.press("j")
        await pilot.pause()
        selected = options.get_option_at_index(options.highlighted or 0)
        assert reversed_rows(options) == [str(selected.prompt).strip()] != first


async def test_the_bookmarks_show_the_selected_row_without_colours(
    tmp_path: Path, plain_settings
) -> None:
    from tui.ui.dialogs.bookmarks import BookmarkOptions

    app = reader_app(lantern_book(tmp_path), settings=plain_settings)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        for label in ("one", "two"):
            await pilot.press("M", *label, "enter", "right_curly_bracket")
            await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        options = app.screen.query_one(BookmarkOptions)
        # an entry is two rows: its label and where it is
        first = reversed_rows(options)
        assert first[0].startswith("one") and "two" not in " ".join(first)
        await pilot.press("j")
        await pilot.pause()
        second = reversed_rows(options)
        assert second[0].startswith("two") and "one" not in " ".join(second)
