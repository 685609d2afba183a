"""Searching the open book: `/`, `?`, `n`, `N`, highlights, wrap-around notices (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    notices,
    reader_app,
    search,
    settle,
    shown_rows,
    wait_open,
    write_story,
)

SIZE = (80, 24)


def said(screen) -> str:
    """The status line as drawn: where the reader's short messages appear."""
    return str(screen.status.render())


def highlighted(screen) -> list[str]:
    """Text drawn in the strongest (current match) style on screen."""
    view = screen.view
    current = view._style("current")
    found = []
    for y in range(view.size.height):
        for segment in view.render_line(y):
            if segment.style and current.bgcolor and segment.style.bgcolor == current.bgcolor:
                found.append(segment.text)
    return found


async def test_search_forward_shows_and_highlights_the_match(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "scene 3.2 opens")
        assert screen.hit is not None
        assert any("Scene 3.2 opens" in row for row in shown_rows(screen))
        assert highlighted(screen) == ["Scene 3.2 opens"]


async def test_n_and_N_repeat_the_search(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "opens.")
        first = screen.hit.start
        await pilot.press("n")
        await settle(pilot)
        second = screen.hit.start
        assert second > first
        await pilot.press("n")
        await settle(pilot)
        assert screen.hit.start > second
        await pilot.press("N")
        await settle(pilot)
        assert screen.hit.start == second
        assert any("opens." in row for row in shown_rows(screen))


async def test_search_wraps_past_the_end_with_a_notice(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        await search(pilot, "slash", "Scene 1.1 opens")
        assert screen.hit is not None and screen.hit.wrapped
        assert "search wrapped to the beginning" in said(screen)
        assert any("Scene 1.1 opens" in row for row in shown_rows(screen))


async def test_the_wrap_message_covers_no_text_and_goes_after_a_while(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        await search(pilot, "slash", "Scene 1.1 opens")
        await pilot.pause()
        assert "search wrapped to the beginning" in said(screen)
        assert notices(app) == []  # no notice in the corner over the page
        assert screen.status.region.y == SIZE[1] - 1  # the bottom row, under the text
        page = shown_rows(screen)
        await pilot.pause(3.2)
        assert "wrapped" not in said(screen)
        assert shown_rows(screen) == page
        assert "match 1/" in said(screen)  # the match count stays


async def test_escape_takes_the_wrap_message_away(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "question_mark", "Scene 4.3 opens")
        assert "search wrapped to the end" in said(screen)
        await pilot.press("escape")
        assert "wrapped" not in said(screen)


async def test_a_failed_search_takes_away_the_last_ones_wrap_message(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        await search(pilot, "slash", "Scene 1.1 opens")
        assert "search wrapped to the beginning" in said(screen)
        await search(pilot, "slash", "Qwertyx")
        assert any(notice.startswith("Not found: Qwertyx") for notice in notices(app))
        assert "wrapped" not in said(screen)


async def test_n_that_does_not_wrap_takes_away_the_wrap_message(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        await search(pilot, "slash", "opens.")
        assert "search wrapped to the beginning" in said(screen)
        await pilot.press("n")
        await settle(pilot)
        assert "wrapped" not in said(screen)


async def test_backward_search_wraps_past_the_beginning(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "question_mark", "Scene 4.3 opens")
        assert screen.hit is not None and screen.hit.wrapped
        assert "search wrapped to the end" in said(screen)
        assert any("Scene 4.3 opens" in row for row in shown_rows(screen))
        await pilot.press("ctrl+o")  # the search jump is in the jump list
        assert shown_rows(screen)[0] == "The Lantern Ledger"


async def test_N_names_the_end_it_wrapped_to(book_path: Path) -> None:
    # `/` from the top finds the first match; `N` goes backward, round to the book's end.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "opens.")
        first = screen.hit.start
        app.clear_notifications()
        await pilot.press("N")
        await settle(pilot)
        assert screen.hit.start > first  # the last match, near the end
        assert "search wrapped to the end" in said(screen)
        assert "to the beginning" not in said(screen)


async def test_N_after_a_backward_search_names_the_beginning(book_path: Path) -> None:
    # `?` from the top wraps to the last match; `N` then goes forward, round to the first.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "question_mark", "opens.")
        assert "search wrapped to the end" in said(screen)
        app.clear_notifications()
        await pilot.press("N")
        await settle(pilot)
        assert screen.book.text[screen.hit.start - 10 : screen.hit.start] == "Scene 1.1 "
        assert "search wrapped to the beginning" in said(screen)
        assert "to the end" not in said(screen)


async def test_smart_case(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "lantern ledger")
        assert screen.hit is not None
        await search(pilot, "slash", "LANTERN")
        assert screen.hit is None or screen.book.text[screen.hit.start :].startswith("LANTERN")
        # The notice says why, and how to match any case.
        assert (
            "Not found: LANTERN (a capital matches case: type it in lowercase to match any)"
            in notices(app)
        )


async def test_escape_closes_the_prompt_without_searching(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        before = shown_rows(screen)
        await pilot.press("slash", "x", "escape")
        await settle(pilot)
        assert not screen.prompt.is_open
        assert screen.hit is None and shown_rows(screen) == before
        await pilot.press("space")  # keys reach the reader again
        assert shown_rows(screen) != before


async def test_ctrl_c_cancels_every_prompt_of_the_reader_as_escape_does(book_path: Path) -> None:
    """As in vim and less: ctrl+c in the search, percentage or bookmark label prompt, or in
    the finder, cancels it, rather than saying how to quit while the prompt waits."""
    from tui.ui.screens.reader import ReaderScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        before = shown_rows(screen)
        for opening in ("slash", "question_mark", "percent_sign"):
            await pilot.press(opening, "5", "ctrl+c")
            await settle(pilot)
            assert not screen.prompt.is_open
            assert screen.hit is None and shown_rows(screen) == before
        assert not any("quit" in n for n in notices(app))
        for opening in ("M", "ctrl+p"):  # the bookmark label, the finder
            await pilot.press(opening)
            await pilot.pause()
            assert not isinstance(app.screen, ReaderScreen)
            await pilot.press("x", "ctrl+c")
            await pilot.pause()
            assert app.screen is screen
        assert app.library.bookmarks(screen.book_id) == []
        await pilot.press("space")  # keys reach the reader again
        assert shown_rows(screen) != before


async def test_search_keys_type_into_the_prompt_not_the_reader(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        before = shown_rows(screen)
        await pilot.press("slash", *"jqn G", "escape")
        assert shown_rows(screen) == before
        assert app.is_running


async def test_starting_a_search_does_not_copy_the_book_into_the_worker_description(
    book_path: Path,
) -> None:
    # Textual describes a worker by the repr() of its arguments unless told otherwise: for an
    # 84 MB book that froze the screen for a second each time `/`, `n` or `N` was pressed.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        started = []
        run_worker = app.workers.add_worker

        def record(worker, **kwargs):
            started.append(worker)
            return run_worker(worker, **kwargs)

        app.workers.add_worker = record
        await search(pilot, "slash", "opens.")
        searches = [w for w in started if w.group == "search"]
        assert searches and screen.hit is not None
        assert all(len(worker.description) < 100 for worker in searches)


async def test_matches_are_underlined_so_they_show_without_colour(book_path: Path) -> None:
    # Under NO_COLOR every colour is stripped: the underline (and bold for the current
    # match) is what still marks them.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "the")
        view = screen.view
        marked = [
            segment
            for y in range(view.size.height)
            for segment in view.render_line(y)
            if segment.text.lower() == "the" and segment.style
        ]
        assert len(marked) >= 2
        assert all(segment.style.underline for segment in marked)
        current = [
            segment for segment in marked if segment.style.bgcolor == view._style("current").bgcolor
        ]
        assert len(current) == 1 and current[0].style.bold  # bold as well: the current one


@pytest.mark.parametrize("query", ["\\bMara\\b", "^Chapter", "lanterns.*quay"])
async def test_a_regular_expression_in_a_plain_search_says_how_to_search_by_one(
    book_path: Path, query: str
) -> None:
    """Searches are plain text: a pattern finds nothing, and the notice says how to search
    by regular expression, not that a capital matches case."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await search(pilot, "slash", query)
        said = [n for n in notices(app) if n.startswith("Not found")]
        assert said == [
            f"Not found: {query} (a search is plain text: /re:{query} searches by regular "
            "expression, as every search does with search_regex = true)"
        ]
        await search(pilot, "slash", f"re:{query}")  # and so it does
        assert app.screen.hit is not None


@pytest.mark.parametrize("query", ["\\<Mina\\>", "re:\\<Mina\\>"])
async def test_vim_word_edges_find_the_whole_word(tmp_path: Path, query: str) -> None:
    """`/\\<Mina\\>`, as a vim user types it, finds Mina and not Wilhelmina or Minadoro, in a
    plain search and a pattern alike; nothing says it was not found."""
    text = "\n\n".join(
        ["Wilhelmina wrote to Minadoro.", "Nobody answered for a week.", "Then Mina came."]
    )
    app = reader_app(write_story(tmp_path / "mina.txt", text + "\n"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", query)
        assert not [n for n in notices(app) if n.startswith("Not found")]
        hit = screen.hit
        assert hit is not None
        assert screen.book.text[hit.start - 5 : hit.end] == "Then Mina"
        assert "match 1/1" in str(screen.status.render())
