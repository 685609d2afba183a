"""A number typed before a move repeats it: `5j`, `3]`, `2}`; `50%` goes to a percentage."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    make_book,
    notices,
    reader_app,
    shown_rows,
    story,
    top_text,
    wait_open,
)

from tui.reading.counts import CountPrefix
from tui.reading.navigation import landing, line_place, percent_offset, scene_landings

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_a_count_is_its_digits_and_is_used_once() -> None:
    count = CountPrefix()
    assert count.take() == 1
    assert count.type("0") and count.pending == "0"  # `0%`: the start
    assert count.take() == 1  # any other move with it moves once
    assert count.type("1") and count.type("2") and count.type("0")
    assert count.pending == "120"
    assert count.take() == 120
    assert count.pending == "" and count.value() is None
    assert not count.type("x")
    for digit in "1533871":  # a line of an 80 MB serial: every digit counts
        count.type(digit)
    assert count.take() == 1533871
    for _ in range(20):
        count.type("9")
    assert count.take() == 999_999_999  # a held-down key asks for no more than nine digits


def test_a_late_drop_forgets_only_the_count_it_was_set_for() -> None:
    # `99j` then, before the j's moment was over, `5G`: the j's timer dropped the 5 when the
    # machine was slow, and G went to the last row.
    count = CountPrefix()
    count.type("9") and count.type("9")
    assert not count.key_after()  # j
    later = count.dropper()
    assert count.take() == 99  # j used it
    count.type("5")
    assert not count.key_after()  # G
    assert not later()  # the j's timer, late
    assert count.take() == 5  # G still has its count
    count.type("3")
    assert not count.key_after()  # a key that does not use it
    assert count.dropper()()  # dropped a moment later
    assert count.pending == ""


def test_a_counted_landing_moves_that_many_scenes_and_stops_at_the_last() -> None:
    book = make_book(story(chapters=2, scenes=3, paras=2))
    scenes = scene_landings(book)
    one = landing(scenes, "scene", True, 0, 0, final=True)
    three = landing(scenes, "scene", True, 0, 0, count=3, final=True)
    assert isinstance(one, int) and isinstance(three, int)
    step = one
    for _ in range(2):
        step = landing(scenes, "scene", True, step, step, final=True)
    assert three == step
    last = landing(scenes, "scene", True, 0, 0, count=99, final=True)
    assert last == scenes[-1]


async def test_5j_moves_five_rows_and_the_status_shows_the_count(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("5")
        assert " 5 · scene 1/3 · 0%" in str(screen.status.render())  # the count, then the place
        assert shown_rows(screen) == start  # a digit alone does not move
        await pilot.press("j")
        assert shown_rows(screen)[0] == start[5]
        assert " 5 · " not in str(screen.status.render())
        await pilot.press("j")  # the count was used once
        assert shown_rows(screen)[0] == start[6]
        await pilot.press("1", "2", "k")
        assert shown_rows(screen)[0] == start[0]  # no further than the top


async def test_a_count_before_ctrl_d_sets_the_rows_it_and_later_ones_move(
    book_path: Path,
) -> None:
    # As in vim and less: `3 ctrl+d` moves three rows, and so does every ctrl+d or ctrl+u after.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("ctrl+d")
        half = next(n for n in range(1, len(start)) if shown_rows(screen)[0] == start[n])
        assert half > 3  # half a page, with no count yet
        await pilot.press("ctrl+u", "3", "ctrl+d")
        assert shown_rows(screen)[0] == start[3]
        await pilot.press("ctrl+d")
        assert shown_rows(screen)[0] == start[6]
        await pilot.press("ctrl+u")
        assert shown_rows(screen)[0] == start[3]


async def test_a_count_before_less_s_page_keys_is_lines_and_before_vim_s_is_pages(
    book_path: Path,
) -> None:
    # less's `20 SPACE` scrolls twenty lines and `3 b` three back; vim's `2 ctrl+f` two pages.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("1", "0", "space")
        assert shown_rows(screen)[0] == start[10]
        await pilot.press("3", "b")
        assert shown_rows(screen)[0] == start[7]
        await pilot.press("2", "f")
        assert shown_rows(screen)[0] == start[9]
        await pilot.press("g", "space", "space")
        two_pages = shown_rows(screen)
        await pilot.press("g", "2", "ctrl+f")
        assert shown_rows(screen) == two_pages
        await pilot.press("2", "pagedown", "2", "ctrl+b")
        assert shown_rows(screen) == two_pages
        await pilot.press("2", "pageup")
        assert shown_rows(screen) == start
        await pilot.press("space")  # without a count, Space is a page, as ctrl+f is
        one_page = shown_rows(screen)
        await pilot.press("g", "ctrl+f")
        assert shown_rows(screen) == one_page != start


async def test_2_bracket_and_2_brace_repeat_structure_moves(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("2", "right_square_bracket")  # past scene 2.2 to 2.3
        assert "Scene 2.3 opens." in "\n".join(shown_rows(screen)[:3])
        await pilot.press("ctrl+o")  # one jump, one step back
        assert top_text(screen) == "Chapter 2: The Bells"


async def test_50_percent_goes_halfway_without_a_prompt(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("5", "0", "percent_sign")
        assert screen.prompt is None or not screen.prompt.is_open
        assert abs(screen.view.top_offset() - len(screen.book.text) // 2) < 1200
        await pilot.press("percent_sign")  # without a count, the prompt as before
        assert screen.prompt is not None and screen.prompt.is_open


async def test_0_percent_goes_to_the_start_and_the_prompt_takes_only_a_number(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("5", "0", "percent_sign")
        await pilot.press("0", "percent_sign")  # as in less
        assert screen.prompt is None or not screen.prompt.is_open
        assert screen.view.top_offset() == 0
        await pilot.press("percent_sign", *"x1y5", "enter")  # letters are not taken
        assert screen.session.waiting.pending is None or not screen.prompt.is_open
        assert abs(screen.view.top_offset() - len(screen.book.text) * 15 // 100) < 1200
        here = screen.view.top_offset()
        await pilot.press("percent_sign", "1", "backspace", "backspace")  # one too many
        assert screen.prompt.is_open and screen.view.top_offset() == here  # no jump back


async def test_0_percent_goes_where_g_goes_above_a_gutenberg_header() -> None:
    # Dracula's title page is 28 lines in, after Project Gutenberg's header: percentages are
    # measured from it, but `0%` goes to the start of the file, as `g` and `1G` do (and less).
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("g")
        start = screen.view.pager.top
        assert screen.view.top_offset() == 0
        await pilot.press("5", "0", "percent_sign")
        assert screen.view.top_offset() > 0
        await pilot.press("0", "percent_sign")
        assert screen.view.pager.top == start and screen.view.top_offset() == 0
        await pilot.press("G", "percent_sign", "0", "enter")  # typed into the prompt
        assert screen.view.pager.top == start
        assert "0%" in str(screen.status.render())


def test_a_percentage_past_either_end_goes_to_that_end_and_says_so() -> None:
    book = make_book(story(chapters=2))
    assert percent_offset(book, "50") == (len(book.text) // 2, "")
    assert percent_offset(book, "100%") == (len(book.text), "")
    assert percent_offset(book, "150") == (
        len(book.text),
        "150% taken as 100%: the end",
    )
    assert percent_offset(book, " -5 % ") == (0, "-5% taken as 0%: the start")
    assert percent_offset(book, "lots") is None


@pytest.mark.parametrize(
    "keys", [("1", "5", "0", "percent_sign"), ("percent_sign", *"150", "enter")]
)
async def test_150_percent_goes_to_the_end_and_says_it_is_past_it(
    book_path: Path, keys: tuple[str, ...]
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert screen.view.pager.at_end
        # (said on the status line, as the page is not covered: a notice in the corner was
        # drawn over by the page while a big book was still indexed)
        assert "150% taken as 100%: the end" in str(screen.status.render())
        await pilot.press("ctrl+o")  # a jump as any other: back to the start
        assert shown_rows(screen)[0] == "The Lantern Ledger"


async def test_a_percentage_within_the_book_says_nothing(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("1", "0", "0", "percent_sign")
        await pilot.pause()
        assert notices(app) == []


async def test_a_count_not_used_by_the_next_key_is_dropped(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("4", "x", "j")  # x does nothing in the reader
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("3", "x")
        await pilot.pause(0.7)  # and soon leaves the status line
        assert screen.session.count.pending == ""
        assert " 3 · " not in str(screen.status.render())


async def test_escape_cancels_a_count_and_takes_it_off_the_status_line(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("2", "0")
        assert " 20 · scene 1/3 · 0%" in str(screen.status.render())
        await pilot.press("escape")
        assert " 20 · " not in str(screen.status.render())  # at once, not at the next move
        await pilot.pause(0.7)
        assert " 20 · " not in str(screen.status.render())
        await pilot.press("j")  # the count is gone: one row, not twenty
        assert shown_rows(screen)[0] == start[1]


def test_a_line_number_finds_where_the_line_starts_or_the_end() -> None:
    text = story(chapters=2)
    book = make_book(text)
    lines = text.count("\n")
    assert line_place(book, 1) == (0, "")
    heading = book.chapters[0].heading
    assert line_place(book, book.lines[heading]) == (book.starts[heading], "")
    # the blank line after: the paragraph above it
    assert line_place(book, book.lines[heading] + 1) == (book.starts[heading], "")
    assert line_place(book, lines) == (book.starts[len(book) - 1], "")
    assert line_place(book, lines + 1) == (
        None,
        f"Line {lines + 1:,} is past the end ({lines:,} lines): went to the end",
    )


async def test_a_count_before_G_or_g_goes_to_that_line_of_the_file(book_path: Path) -> None:
    lines = book_path.read_text(encoding="utf-8").splitlines()
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        line = lines.index("Chapter 2: The Bells") + 1
        await pilot.press(*str(line), "G")
        await pilot.pause()
        assert top_text(screen) == "Chapter 2: The Bells"
        assert f" {line} · " not in str(screen.status.render())  # the count was used
        opening = next(n for n, text in enumerate(lines, 1) if text.startswith("Scene 3.2 opens"))
        await pilot.press(*str(opening + 1), "g")  # the blank line after it: the same paragraph
        await pilot.pause()
        assert top_text(screen).startswith("Scene 3.2 opens.")
        assert notices(app) == []
        await pilot.press("ctrl+o")  # each is a jump
        assert top_text(screen) == "Chapter 2: The Bells"


async def test_a_line_past_the_end_goes_to_the_end_and_says_so(book_path: Path) -> None:
    lines = len(book_path.read_text(encoding="utf-8").splitlines())
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press(*"99999", "G")
        await pilot.pause()
        assert screen.view.pager.at_end
        assert f"Line 99,999 is past the end ({lines:,} lines): went to the end" in notices(app)


def test_a_line_of_a_hard_wrapped_paragraph_is_found_inside_it() -> None:
    text = "Title\n\nOne two three\nfour five six\nseven eight\n\nLast words\n"
    book = make_book(text)
    assert line_place(book, 4) == (text.index("four"), "")
    assert line_place(book, 5) == (text.index("seven"), "")
    assert line_place(book, 6) == (text.index("One"), "")  # the blank line under it


async def test_a_count_before_G_in_an_epub_says_what_it_has_instead() -> None:
    app = reader_app(REAL / "pg_alice_epub3.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        before = screen.view.top_offset()
        await pilot.press("5", "0", "G")
        await pilot.pause()
        assert screen.view.top_offset() == before  # not the end, nor anywhere else
        assert any(
            n.startswith("No line 50: this book has no lines of its own") and "(50%)" in n
            for n in notices(app)
        )


async def test_a_count_then_gg_goes_to_that_line_and_gg_alone_to_the_top(
    book_path: Path,
) -> None:
    lines = book_path.read_text(encoding="utf-8").splitlines()
    line = lines.index("Chapter 2: The Bells") + 1
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        first = top_text(screen)
        await pilot.press(*str(line), "g", "g")  # vim's 200gg
        await pilot.pause()
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("g", "g")  # gg alone: the top
        assert top_text(screen) == first
        await pilot.press(*str(line), "g", "j", "g")  # a key between: the second g is the top
        assert top_text(screen) == first
        await pilot.press("G", "g")  # a single g, as before
        assert top_text(screen) == first


async def test_a_refused_count_leaves_the_status_line() -> None:
    app = reader_app(REAL / "se_the_time_machine.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("5", "0")
        assert " 50 · 0%" in str(screen.status.render())
        await pilot.press("G")  # an EPUB has no lines: refused with a notice
        await pilot.pause()
        assert any(n.startswith("No line 50") for n in notices(app))
        assert " 50 · " not in str(screen.status.render())
        await pilot.press("5", "n")  # no search yet: refused too
        await pilot.pause()
        assert any(n.startswith("No search yet") for n in notices(app))
        assert " 5 · " not in str(screen.status.render())


async def test_two_jumps_to_the_same_place_take_one_jump_back(book_path: Path) -> None:
    # As in vim: the end reached twice (`150%`, then `99999G`) is one place to go back from.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("1", "5", "0", "percent_sign")
        await pilot.pause()
        end = shown_rows(screen)
        assert screen.view.pager.at_end
        await pilot.press(*"99999", "G")
        await pilot.pause()
        assert shown_rows(screen) == end
        await pilot.press("ctrl+o")
        assert shown_rows(screen)[0] == "The Lantern Ledger"


async def test_a_count_before_a_search_goes_to_that_match_and_no_further_move(
    book_path: Path,
) -> None:
    # As in vim and less: `3/opens` lands on the third match forward, and says so; the 3 is
    # the search's, so the `j` after it moves one row, not three.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "slash", *"opens", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.book.text.startswith("opens", screen.hit.start)
        assert screen.book.text[: screen.hit.start].endswith("Scene 1.3 ")
        status = str(screen.status.render())
        assert "match 3/" in status and " 3 · " not in status
        rows = shown_rows(screen)
        await pilot.press("j")
        assert shown_rows(screen)[0] == rows[1]
        await pilot.press("2", "question_mark", *"opens", "enter")  # two matches back
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.book.text[: screen.hit.start].endswith("Scene 1.1 ")
        assert "match 1/" in str(screen.status.render())


async def test_a_count_before_a_key_that_takes_none_is_dropped_at_once(book_path: Path) -> None:
    # The contents, the finder, a bookmark's label, the bookmark list and the help take no
    # count: the count goes when their key is pressed, never to the key after them.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        for key in ("t", "ctrl+p", "M", "B", "h"):
            await pilot.press("5", key)
            assert screen.session.count.pending == "", key
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen, key
            assert " 5 · " not in str(screen.status.render()), key
        await pilot.press("4", "slash", "escape")  # a search given up takes its count along
        assert screen.session.count.pending == ""
        await pilot.press("j")
        assert shown_rows(screen)[0] == start[1]


async def test_a_count_before_jump_back_or_forward_walks_that_many_jumps(
    book_path: Path,
) -> None:
    # vim's `2 ctrl+o` and `2 ctrl+i`.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        for _ in range(3):
            await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 3: The Flats"
        await pilot.press("2", "ctrl+o")
        assert top_text(screen) == "Chapter 1: The Ledger"
        await pilot.press("2", "tab")
        assert top_text(screen) == "Chapter 3: The Flats"


@pytest.mark.parametrize(
    "keys",
    [("1", "G"), ("g", "g"), ("1", "g", "g"), ("colon", "1", "enter"), ("colon", "0", "enter")],
)
@pytest.mark.parametrize("name", ["pg_alice_epub3.epub", "mit_shakespeare_henry_v.html.gz"])
async def test_line_one_is_the_top_of_a_book_without_lines(
    name: str, keys: tuple[str, ...]
) -> None:
    # An EPUB or a web page has no lines of its own, but its first line is still its top.
    app = reader_app(REAL / name)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press(*"50", "percent_sign")
        await pilot.pause()
        assert screen.view.top_offset() > 0
        await pilot.press(*keys)
        await pilot.pause()
        assert screen.view.top_offset() == 0
        assert not any("No line" in n for n in notices(app))
