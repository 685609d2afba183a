"""Enter in the finder brings the words searched for into view.

It does so in long paragraphs too, and when pressed before the hits for what was typed have
come; the preview shows them as well (Pilot, at 80x24).
"""

from __future__ import annotations

import re
from pathlib import Path

from reader_support import (
    burst,
    notices,
    reader_app,
    search,
    settle,
    shown_rows,
    wait_for,
    wait_open,
    write_story,
)
from test_finder_fit import open_finder

from tui.ui.dialogs.finder import QueryInput

SIZE = (80, 24)

SENTENCES = [
    "The rain came in sideways over the harbour wall and the gulls gave up early.",
    "Old Petra counted the crates twice and wrote the numbers on the back of her hand.",
    "Nobody on the quay spoke of the missing boat, though everyone looked at the water.",
    "A lamp swung in the window of the chandlery long after the shop had closed.",
    "The carter's horse stamped and blew, impatient to be out of the weather.",
]


def long_paragraph(ending: str) -> str:
    """A paragraph of about thirty rows at 72 columns that ends with ``ending``."""
    return " ".join(SENTENCES * 6) + " " + ending


def landing_story() -> str:
    chapter_two = [
        "Chapter 2",
        "Morning found the quay quiet.",
        long_paragraph("Then the brass compass rolled under the iron stove and stopped."),
        "After that there was only the noise of the rain.",
        "* * *",
        # Long enough not to be shown with the next paragraph as the line it answers.
        "The ferry came in late that evening, low in the water, its lamps lit, its horn "
        "sounding twice across the harbour and then once more for the harbourmaster, who "
        "did not come out.",
        "Lantern oil had spilled across the deck of the ferry, and the mate swore at it. "
        + " ".join(SENTENCES * 3),
        "Nobody slept much.",
    ]
    chapter_one = ["Chapter 1"] + [" ".join(SENTENCES)] * 4
    chapter_three = ["Chapter 3"] + [" ".join(SENTENCES)] * 6  # so no jump lands at the end
    return "\n\n".join(chapter_one + chapter_two + chapter_three) + "\n"


def quay_app(folder: Path):
    """The app opened on the landing story, written to ``folder``."""
    return reader_app(write_story(folder / "quay.txt", landing_story()))


def row_of(screen, words: str) -> int | None:
    """The screen row showing ``words``, if any."""
    return next((y for y, row in enumerate(shown_rows(screen)) if words in row), None)


async def jump_with(pilot, query: str):
    """Type ``query`` in the finder over the reader and press Enter; the reader screen."""
    reader = await wait_open(pilot)
    finder = await open_finder(pilot, query)
    assert finder.hits, f"nothing found for {query!r}"
    await pilot.press("enter")
    await wait_for(pilot, lambda: pilot.app.screen is reader)
    await pilot.pause()
    return reader


async def test_a_passage_deep_in_a_long_paragraph_is_on_screen_after_enter(
    tmp_path: Path,
) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "/brass compass rolled")
        row = row_of(reader, "brass compass")
        assert row is not None, "the words found are below the screen"
        # Not hard against the bottom either: a few rows from the top, with text above.
        assert 2 <= row <= reader.view.size.height // 2
        # The search highlight marks them, as for `/` in the reader.
        pattern = reader.view.pattern
        assert pattern is not None and pattern.search("brass compass rolled")


async def test_a_scene_found_by_its_words_shows_them_after_enter(tmp_path: Path) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "compass stove")
        assert row_of(reader, "compass") is not None, "the scene's words are below the screen"


async def test_words_near_a_paragraph_start_keep_the_paragraph_at_the_top(
    tmp_path: Path,
) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "/lantern oil had spilled")
        rows = [row for row in shown_rows(reader) if row]
        assert rows[0].startswith("Lantern oil had spilled")


async def test_the_preview_shows_the_words_found_deep_in_a_paragraph(tmp_path: Path) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "compass")
        preview = str(finder.query_one("#finder-preview").render())
        assert "compass" in preview
        assert "…" in preview  # the paragraph's start is left out, and says so


async def test_enter_typed_straight_after_the_query_goes_to_its_top_hit(tmp_path: Path) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        finder = await open_finder(pilot, "")  # the chapters, Chapter 1 highlighted
        # A fast typist: Enter comes before the search for the words has answered.
        burst(app, *"brass compass", "enter")
        await wait_for(pilot, lambda: app.screen is reader, timeout=20)
        await pilot.pause()
        assert finder.shown_query == "brass compass"
        assert row_of(reader, "brass compass") is not None, "Enter took the stale Chapter 1"


async def test_enter_typed_straight_after_a_query_with_no_hits_keeps_the_finder_open(
    tmp_path: Path,
) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "")
        burst(app, *"/xyzzy plugh", "enter")
        await wait_for(pilot, lambda: finder.shown_query == "/xyzzy plugh", timeout=20)
        await pilot.pause()
        assert app.screen is finder
        status = str(finder.query_one("#finder-status").render())
        assert "No matches" in status or "no " in status.casefold(), status


def wrapped_story() -> str:
    """Hard-wrapped as Project Gutenberg's books are: the words found run over a line end."""
    chapter_one = ["Chapter 1"] + [" ".join(SENTENCES)] * 4
    chapter_two = [
        "Chapter 2",
        "“I’ve often seen a cat without a grin,” thought she; “but a grin without\n"
        "a cat! It’s the most curious thing I ever saw.”",
        " ".join(SENTENCES),
    ]
    chapter_three = ["Chapter 3"] + [" ".join(SENTENCES)] * 6
    return "\n\n".join(chapter_one + chapter_two + chapter_three) + "\n"


async def test_a_text_search_over_a_line_end_stays_highlighted_for_n(tmp_path: Path) -> None:
    path = write_story(tmp_path / "grin.txt", wrapped_story())
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "/grin without a cat")
        pattern = reader.view.pattern
        assert pattern is not None, "the words found are not highlighted"
        assert pattern.search("a grin without\na cat")
        await pilot.press("n")
        await wait_for(pilot, lambda: reader.hit is not None)
        assert reader.session.book.text[reader.hit.start : reader.hit.end] == (
            "grin without\na cat"
        )


def blood_story() -> str:
    """A phrase said twice in one paragraph of chapter 2 and once in chapter 3."""
    chapter_one = ["Chapter 1"] + [" ".join(SENTENCES)] * 4
    chapter_two = [
        "Chapter 2",
        " ".join(SENTENCES),
        "He was easily secured, and went with the attendants quite placidly, simply "
        "repeating over and over again: “The blood is the life! The blood is the life!”",
        " ".join(SENTENCES),
    ]
    chapter_three = ["Chapter 3"] + [" ".join(SENTENCES)] * 3
    chapter_three.append("He dwelt upon the Scriptural phrase, ‘For the blood is the life.’")
    return "\n\n".join(chapter_one + chapter_two + chapter_three) + "\n"


async def test_the_words_the_finder_lands_on_are_the_current_match(tmp_path: Path) -> None:
    # As in vim: after Enter the match jumped to is current and counted, so the first `n`
    # goes on to the next one rather than staying put.
    app = reader_app(write_story(tmp_path / "blood.txt", blood_story()))
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "/the blood is the life")
        text = reader.session.book.text
        starts = [m.start() for m in re.finditer("The blood is the life", text, re.I)]
        assert len(starts) == 3
        await wait_for(pilot, lambda: "match 1/3" in str(reader.status.render()))
        assert reader.hit is not None and reader.hit.start == starts[0]
        await pilot.press("n")
        await wait_for(pilot, lambda: "match 2/3" in str(reader.status.render()))
        assert reader.hit is not None and reader.hit.start == starts[1]


def kettle_story() -> str:
    """A short line of dialogue before a paragraph whose last words are the ones found: at
    80x24 both fit the preview only if the short line is counted as the row it takes."""
    chapter_two = [
        "Chapter 2",
        "I told him.",
        "“I shall go round to the others in the course of the day and burn the letters,” "
        "said the clerk; “it is a good rule never to leave papers about if you can help it, "
        "because you never know when they may be read. I am going to ask a favour of you. "
        "Would you mind minding this copper kettle for the old gentleman?”",
        "I said I should be glad to.",
        " ".join(SENTENCES),
    ]
    chapter_one = ["Chapter 1"] + [" ".join(SENTENCES)] * 4
    chapter_three = ["Chapter 3"] + [" ".join(SENTENCES)] * 6
    return "\n\n".join(chapter_one + chapter_two + chapter_three) + "\n"


def drawn_preview(finder) -> list[str]:
    """The preview's rows as drawn (those its room on screen shows)."""
    preview = finder.query_one("#finder-preview")
    return [preview.render_line(y).text.strip() for y in range(preview.size.height)]


async def test_the_preview_shows_the_line_of_the_words_found_after_a_short_line(
    tmp_path: Path,
) -> None:
    app = reader_app(write_story(tmp_path / "kettle.txt", kettle_story()))
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "/copper kettle for the old gentleman")
        rows = drawn_preview(finder)
        assert any("old gentleman" in row for row in rows), rows
        assert any("copper kettle" in row for row in rows), rows


async def test_a_scene_found_by_its_words_lands_with_them_near_the_top_highlighted(
    tmp_path: Path,
) -> None:
    # As less puts a match: at the top, with a line or two of context above, not a quarter
    # of the way down; and marked as a search's match is.
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "compass stove")
        row = row_of(reader, "compass")
        assert row is not None and 1 <= row <= 3, shown_rows(reader)
        pattern = reader.view.pattern
        assert pattern is not None, "the words found are not highlighted"
        assert pattern.search("brass compass") and pattern.search("the iron stove")
        text = reader.session.book.text
        assert reader.view.current is not None
        assert text[slice(*reader.view.current)].lower() in {"compass", "stove"}


async def test_n_after_a_finder_jump_goes_on_with_its_words_not_an_older_search(
    tmp_path: Path,
) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await search(pilot, "slash", "xyzzyq")  # found nowhere: an old search, unrelated
        reader = await jump_with(pilot, "compass stove")
        landed = reader.view.current
        assert landed is not None
        await pilot.press("n")
        await settle(pilot)
        assert not any("xyzzyq" in notice for notice in notices(app))
        assert reader.hit is not None and reader.hit.start > landed[0]
        text = reader.session.book.text
        assert text[reader.hit.start : reader.hit.end].lower() in {"compass", "stove"}


async def test_the_finder_reopens_with_its_last_query_selected(tmp_path: Path) -> None:
    app = quay_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await jump_with(pilot, "compass stove")
        first = reader.view.top_offset()
        # Back in the same book: the last query and its hits, so the second is a ↓ away.
        finder = await open_finder(pilot, "")
        box = finder.query_one(QueryInput)
        assert box.value == "compass stove"
        assert finder.shown_query == "compass stove" and len(finder.hits) >= 2
        assert (box.selection.start, box.selection.end) in {(0, 13), (13, 0)}
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: pilot.app.screen is reader)
        assert reader.view.top_offset() != first
        # Selected, so what is typed replaces it.
        finder = await open_finder(pilot, "lantern")
        assert finder.query_one(QueryInput).value == "lantern"
        await pilot.press("escape")
        await wait_for(pilot, lambda: pilot.app.screen is reader)
        finder = await open_finder(pilot, "")
        assert finder.query_one(QueryInput).value == "lantern"  # kept on Escape too
