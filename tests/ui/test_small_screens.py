"""The library, the help and the reader at 80×24 and 40×12.

Every part fits, nothing is cut in half (Pilot), and how each screen looks there (snapshots).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from library_screen_support import library_app, settle
from library_support import fixed_library, populate
from reader_support import lantern_book, reader_app, wait_open
from textual.widgets import Footer

from tui.ui.dialogs.help import HelpList, HelpRows, HelpScreen

SIZES = [(80, 24), (40, 12)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_library_footer_fits_and_keeps_the_help_key(tmp_path: Path, size) -> None:
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=size) as pilot:
        screen = await settle(pilot)
        footer = screen.query_one(Footer)
        keys = list(footer.children)
        assert keys, "the footer shows no key"
        for key in keys:
            assert key.region.right <= size[0], f"{key.render()} is cut off"
        shown = " ".join(str(key.render()) for key in keys)
        assert "Help" in shown and "Open" in shown


@pytest.mark.parametrize("size", SIZES)
async def test_the_help_fits(tmp_path: Path, size) -> None:
    library = fixed_library()
    populate(library, tmp_path, 3)
    async with library_app(library).run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        listing = help_screen.query_one(HelpList)
        assert help_screen.region.contains_region(listing.region)
        subtitle = str(listing.border_subtitle)
        assert len(subtitle) + 6 <= listing.region.width, "the subtitle is cut off"
        rows = listing.query_one(HelpRows)
        width = rows.content_region.width
        assert rows.keys_width(width) >= 6 and width - rows.keys_width(width) >= 12
        assert rows.region.right <= listing.region.right


# -- snapshots --------------------------------------------------------------------------------


async def _settled(pilot) -> None:
    await settle(pilot)


def _library(tmp_path: Path):
    library = fixed_library()
    populate(library, tmp_path, 12)
    return library_app(library)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_snapshot_library(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(_library(tmp_path), terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_snapshot_help(snap_compare, tmp_path: Path, size) -> None:
    async def helped(pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(_library(tmp_path), terminal_size=size, run_before=helped)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_snapshot_reader(snap_compare, tmp_path: Path, size) -> None:
    async def opened(pilot) -> None:
        await wait_open(pilot)
        await pilot.press("right_curly_bracket")
        await pilot.pause()

    app = reader_app(lantern_book(tmp_path))
    assert snap_compare(app, terminal_size=size, run_before=opened)
