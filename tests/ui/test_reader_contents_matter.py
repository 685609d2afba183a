"""The contents (`t`) lists the front and end matter by name, dimmed, and jumps there.

The chapter moves stop at the named front matter before the first chapter.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import notices, reader_app, top_text, wait_open
from rich.text import Text

from tui.ui.dialogs.contents import ContentsOptions, ContentsScreen

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
MOBY = REAL / "idpf_moby_dick.epub"
EXTRACTS = "Extracts (Supplied by a Sub-Sub-Librarian)"


def _prompt(options: ContentsOptions, index: int) -> Text:
    prompt = options.get_option_at_index(index).prompt
    assert isinstance(prompt, Text)
    return prompt


async def test_the_contents_lists_the_extracts_dimmed_and_jumps_there() -> None:
    app = reader_app(MOBY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        titles = [row.title for row in app.screen.rows]
        assert (
            titles.index("Etymology")
            < titles.index(EXTRACTS)
            < titles.index("Chapter 1. Loomings.")
        )
        options = app.screen.query_one(ContentsOptions)
        extracts = titles.index(EXTRACTS)
        assert "dim" in str(_prompt(options, extracts).spans[0].style)
        chapter = titles.index("Chapter 1. Loomings.")
        assert "bold" in str(_prompt(options, chapter).spans[0].style)
        options.highlighted = extracts
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ContentsScreen)
        assert top_text(screen).startswith("EXTRACTS")
        await pilot.press("t")  # opened again, the place is selected
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        assert app.screen.query_one(ContentsOptions).highlighted == extracts


async def test_previous_chapter_from_chapter_one_goes_to_the_extracts() -> None:
    app = reader_app(MOBY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        titles = [row.title for row in app.screen.rows]
        app.screen.query_one(ContentsOptions).highlighted = titles.index("Chapter 1. Loomings.")
        await pilot.press("enter")
        await pilot.pause()
        assert top_text(screen).startswith("Chapter 1")
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert top_text(screen).startswith("EXTRACTS")
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert top_text(screen) == "ETYMOLOGY."
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        assert top_text(screen).startswith("Chapter 1")


async def test_next_chapter_from_the_last_stops_before_the_colophon() -> None:
    app = reader_app(REAL / "se_sherlock_holmes.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        rows = app.screen.rows
        matter = [row.title for row in rows if row.matter == "End matter"]
        assert matter == ["Colophon", "Uncopyright"]
        last = max(n for n, row in enumerate(rows) if row.matter is None and row.depth == 0)
        app.screen.query_one(ContentsOptions).highlighted = last
        await pilot.press("enter")
        await pilot.pause()
        shown = top_text(screen)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert top_text(screen) == shown
        assert "No next chapter" in notices(app)


async def test_a_count_in_the_contents_numbers_the_chapters() -> None:
    """`10G` in Moby-Dick's contents goes to chapter 10, not to the tenth row: the front
    matter's parts before the chapters are not counted."""
    app = reader_app(MOBY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t", "1", "0", "G")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        highlighted = app.screen.query_one(ContentsOptions).highlighted
        assert highlighted is not None
        assert app.screen.rows[highlighted].title.startswith("Chapter 10. ")
        await pilot.press("enter")
        await pilot.pause()
        assert top_text(screen).startswith("Chapter 10")
