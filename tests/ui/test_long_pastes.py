"""A paste longer than a text box holds is cut to fit, with a notice, in every box.

The limit is 1,000 characters; the boxes are the finder, the `/` search prompt, the bookmark
label and the library's filter. It used to be refused whole, with no word: the finder's box
stayed empty.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from library_support import fixed_library, populate
from reader_support import lantern_book, notices, reader_app, wait_open
from textual import events
from textual.widgets import Input

from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen
from tui.ui.dialogs.finder import FinderScreen
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.prompt_bar import LONGEST_ENTRY
from tui.ui.widgets.safe_input import fit_paste

SIZE = (80, 24)
# 5,000 characters, every one told apart from its neighbours: "lamp0 lamp1 lamp2 ...".
PASTED = " ".join(f"lamp{n}" for n in range(1000))[:5000]
CUT_NOTICE = "Pasted text cut to 1,000 characters"


def test_fit_paste() -> None:
    assert fit_paste("abc", 0, 1000) == ("abc", "")
    assert fit_paste("x" * 1000, 0, 1000) == ("x" * 1000, "")  # exactly full: no notice
    assert fit_paste("x" * 5000, 0, 1000) == ("x" * 1000, CUT_NOTICE)
    text, notice = fit_paste("x" * 5000, 10, 1000)
    assert text == "x" * 990
    assert notice == "Pasted text cut to 990 characters: the box holds 1,000"
    assert fit_paste("x", 1000, 1000) == (
        "",
        "Nothing pasted: the box holds 1,000 characters at most",
    )
    assert fit_paste("x" * 5000, 0, 0) == ("x" * 5000, "")  # no limit


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize(("pasted", "notice"), [(PASTED, True), (PASTED[:LONGEST_ENTRY], False)])
async def test_a_long_paste_into_the_finder_is_cut_to_fit(
    tmp_path: Path, pasted: str, notice: bool
) -> None:
    """Cut with a notice; exactly 1,000 characters are taken whole without one."""
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        box = app.screen.query_one(Input)
        await paste(pilot, pasted)
        assert box.value == PASTED[:LONGEST_ENTRY]
        assert (CUT_NOTICE in notices(app)) is notice
        assert notice or not any("Paste" in shown for shown in notices(app))
        # What the user sees: the pasted text in the box, not the placeholder.
        drawn = "".join(segment.text for segment in box.render_line(0))
        assert "lamp1 lamp2" in drawn and box.placeholder not in drawn


async def test_a_long_paste_into_the_search_prompt_is_cut_to_fit_after_what_was_typed(
    tmp_path: Path,
) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("slash", "l", "a")
        await paste(pilot, PASTED)
        field = reader.query_one("#reader-prompt").query_one(Input)
        assert field.value == "la" + PASTED[: LONGEST_ENTRY - 2]
        assert "Pasted text cut to 998 characters: the box holds 1,000" in notices(app)
        await paste(pilot, "more")  # the box is full now
        assert len(field.value) == LONGEST_ENTRY
        assert "Nothing pasted: the box holds 1,000 characters at most" in notices(app)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The notice repeats the start of the query only, not a screenful of it.
        (missing,) = [n for n in notices(app) if n.startswith("Not found: ")]
        assert missing == "Not found: lalamp0 lamp1 lamp2 lamp3 lamp4 lamp5 lamp6 lamp7 lamp8 lam…"


async def test_a_long_paste_into_the_bookmark_label_is_cut_to_fit(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        await paste(pilot, PASTED)
        assert app.screen.query_one(Input).value == PASTED[:LONGEST_ENTRY]
        assert CUT_NOTICE in notices(app)


async def test_a_long_paste_into_the_library_filter_is_cut_to_fit(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 3)
    settings, _ = load_settings(None)
    app = ChapbookApp(settings, library, ChapbookScreens())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await paste(pilot, PASTED)
        assert app.screen.query_one("#library-filter", Input).value == PASTED[:LONGEST_ENTRY]
        assert CUT_NOTICE in notices(app)
