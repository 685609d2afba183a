"""Search as vim and less users expect.

Match counts, the chapter, patterns, history, repeat with an empty prompt, a prompt that never
scrolls the page, and clearing the highlights.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    lantern_book,
    notices,
    reader_app,
    search,
    settle,
    shown_rows,
    story,
    wait_open,
    write_story,
)
from textual.widgets import Input

from tui.reading.history import PromptHistory, Recall, history_path
from tui.reading.search import BadQuery, compile_query, find, match_around, match_starts
from tui.settings.keymaps import preset_keys
from tui.settings.settings import load_settings

SIZE = (80, 24)


def emacs_settings():
    """The settings with the emacs keymap preset chosen."""
    settings, _ = load_settings(None)
    settings.keymap, settings.keys = "emacs", preset_keys("emacs")
    return settings


def status(screen) -> str:
    return str(screen.status.render())


def current(screen) -> str:
    hit = screen.hit
    return screen.book.text[hit.start : hit.end] if hit else ""


# -- headless ------------------------------------------------------------------------------


def test_re_prefix_and_the_setting_make_a_regular_expression() -> None:
    text = "Scene 3.2 opens. scene 4.1 opens."
    pattern = compile_query(r"re:scene [34]\.\d")
    assert pattern is not None and [m.group() for m in pattern.finditer(text)] == [
        "Scene 3.2",
        "scene 4.1",
    ]
    literal = compile_query(r"scene [34]\.\d")
    assert literal is not None and literal.search(text) is None
    assert compile_query(r"Scene \d", regex=True).findall(text) == ["Scene 3"]  # smart case


def test_a_bad_pattern_is_one_line_for_the_user() -> None:
    with pytest.raises(BadQuery) as err:
        compile_query("re:(unclosed")
    assert "\n" not in str(err.value) and "(unclosed" in str(err.value)
    with pytest.raises(BadQuery):
        compile_query("re:x*")  # matches nothing at all as well as something


def test_match_starts_and_find_within_a_span() -> None:
    text = "ab ab ab ab ab"
    pattern = compile_query("ab")
    assert match_starts(text, pattern) == [0, 3, 6, 9, 12]
    assert match_starts(text, pattern, (3, 9)) == [3, 6]
    match = find(text, pattern, 7, within=(3, 9))
    assert match is not None and match.start == 3 and match.wrapped


def test_the_match_around_a_place_is_the_one_holding_it() -> None:
    # The finder lands on a phrase's first word that counts (`blood`), not on its `The`.
    text = "again: The blood is the life! The blood is the life! Later, the blood is the life."
    pattern = compile_query("the blood is the life")
    assert pattern is not None
    first = match_around(text, pattern, text.index("blood"), 2000)
    assert first is not None and first.start == text.index("The blood")
    after = match_around(text, pattern, text.index("Later"), 2000)
    assert after is not None and text[after.start : after.end] == "the blood is the life"
    assert match_around(text, pattern, text.index("Later"), 5) is None


def test_history_is_kept_merged_and_recalled(tmp_path: Path) -> None:
    path = tmp_path / "state" / "history.toml"
    one, two = PromptHistory.load(path), PromptHistory.load(path)
    one.add("search", "lantern")
    one.add("percent", "50")
    assert one.save() is None
    two.add("search", "quay")
    two.add("search", "lantern")  # a repeat moves to the end
    assert two.save() is None
    again = PromptHistory.load(path)
    assert again.entries["search"] == ["quay", "lantern"]
    assert again.entries["percent"] == ["50"]
    recall = Recall(again.entries["search"])
    assert recall.older("typed") == "lantern"
    assert recall.older("") == "quay"
    assert recall.older("") == "quay"  # the oldest stays
    assert recall.newer() == "lantern"
    assert recall.newer() == "typed"  # past the newest: what was being typed


# -- in the reader ---------------------------------------------------------------------------


async def test_the_status_line_counts_the_matches(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        total = screen.book.text.count("opens.")
        assert total == 12
        await search(pilot, "slash", "opens.")
        assert "match 1/12" in status(screen)
        await pilot.press("n")
        await settle(pilot)
        assert "match 2/12" in status(screen)
        await pilot.press("N", "N")
        await settle(pilot)
        assert "match 12/12" in status(screen)


async def test_n_goes_on_from_a_text_query_in_the_finder(book_path: Path) -> None:
    """ctrl+p, `/breakwater`, Enter: the reader lands on the passage, and `n` goes on to the
    next `breakwater` as if it had been searched with `/`."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("ctrl+p")
        await pilot.press("slash", *"breakwater")
        await settle(pilot)
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        total = screen.book.text.count("breakwater")
        await pilot.press("n")
        await settle(pilot)
        assert "No search yet" not in " ".join(notices(app))
        first = status(screen)
        assert f"/{total}" in first
        await pilot.press("n")
        await settle(pilot)
        assert status(screen) != first and f"/{total}" in status(screen)


async def test_search_chapter_stays_in_the_chapter(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # chapter 2
        await search(pilot, "backslash", "opens.")
        seen = []
        for _ in range(4):
            seen.append(screen.book.text[screen.hit.start - 10 : screen.hit.start].strip())
            await pilot.press("n")
            await settle(pilot)
        assert seen == ["Scene 2.1", "Scene 2.2", "Scene 2.3", "Scene 2.1"]
        assert "match 2/3" in status(screen)  # the fourth n


async def test_search_chapter_in_the_front_matter_keeps_to_it_and_says_so(
    tmp_path: Path,
) -> None:
    # A summary long enough that the title page fills the page's upper half: the status line
    # names the front matter, not Chapter 1 below it, and so the chapter search keeps to it.
    longer = "Summary: A harbour town, a missing lantern, and a ledger nobody should read." + (
        " The tide comes in twice a day and the town keeps its secrets between the tides." * 6
    )
    text = story(chapters=4).replace(
        "Summary: A harbour town, a missing lantern, and a ledger nobody should read.", longer
    )
    app = reader_app(write_story(tmp_path / "lantern.txt", text))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert screen.status.progress.place == "Title page", screen.status.progress
        await search(pilot, "backslash", "ledger")  # from the title page
        assert any("Searching the front matter only (/ searches" in n for n in notices(app))
        front_end = screen.book.starts[screen.book.chapters[0].start]
        seen, said = [], []
        for _ in range(3):
            assert screen.hit.start < front_end  # never into Chapter 1
            seen.append(screen.hit.start)
            said.append(screen.status.message)
            await pilot.press("n")
            await settle(pilot)
        assert seen[2] == seen[0] and seen[1] != seen[0]  # the two in the front matter
        assert "match 2/2" in status(screen)
        # The second n went round: it says so; the third did not, and the message went.
        assert said[2] == "wrapped to the front matter's start"
        assert screen.status.message == ""


async def test_search_chapter_says_when_the_words_are_elsewhere_in_the_book(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")  # chapter 2
        before = screen.view.top_offset()
        await search(pilot, "backslash", "Scene 3.1")
        assert screen.hit is None and screen.view.top_offset() == before
        assert (
            "Not in this chapter: Scene 3.1 (1 match elsewhere in the book: / searches it all)"
            in notices(app)
        )
        await search(pilot, "backslash", "[nowhere]")
        assert "Not found: [nowhere]" in notices(app)
        # Each search takes away what was said of the one before: a match found in the
        # chapter leaves no notice over the page that it is not there.
        assert not any(n.startswith("Not in this chapter") for n in notices(app))
        await search(pilot, "backslash", "Scene 2.2")
        assert screen.hit is not None
        assert not any(n.startswith("Not") for n in notices(app)), notices(app)


async def test_regular_expressions_by_prefix_or_setting(book_path: Path, tmp_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", r"re:Scene [34]\.2")
        assert current(screen) == "Scene 3.2"
        await search(pilot, "slash", "re:(Scene")
        [said] = [n for n in notices(app) if n.startswith("Not a regular expression: (Scene")]
        assert current(screen) == "Scene 3.2"  # the last good search stays, and it says so
        assert said.endswith("The last search, “re:Scene [34]\\.2”, stays: n goes on with it.")
    settings, _ = load_settings(None)
    settings.reader.search_regex = True
    app = reader_app(book_path, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", r"Scene 4\.\d")
        assert current(screen) == "Scene 4.1"


async def test_arrows_recall_searches_across_runs(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await search(pilot, "slash", "lantern")
        await search(pilot, "slash", "quay")
    assert history_path().is_file()
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", "up")
        field = screen.prompt.query_one("Input")
        assert field.value == "quay"
        await pilot.press("up")
        assert field.value == "lantern"
        await pilot.press("down", "down")
        assert field.value == ""
        await pilot.press("up", "enter")
        await settle(pilot)
        assert current(screen).lower() == "quay"


async def test_ctrl_p_and_ctrl_n_recall_searches_as_vims_command_line_does(
    book_path: Path,
) -> None:
    """ctrl+n recalled a later search but ctrl+p, the finder's key, did nothing in the
    prompt: as in vim's command line (and the shell's), ctrl+p recalls an earlier one."""
    from tui.ui.dialogs.finder import FinderScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "lantern")
        await search(pilot, "slash", "quay")
        await pilot.press("slash", "ctrl+p")
        field = screen.prompt.query_one("Input")
        assert field.value == "quay"
        await pilot.press("ctrl+p")
        assert field.value == "lantern"
        await pilot.press("ctrl+n")
        assert field.value == "quay"
        assert not isinstance(app.screen, FinderScreen)
        await pilot.press("escape", "ctrl+p")  # on the page, ctrl+p is the finder still
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)


async def test_keys_typed_in_the_prompt_never_scroll_the_page(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        before = shown_rows(screen)
        await pilot.press("slash", "down", "pagedown", "up", "pageup", "ctrl+d", "ctrl+f")
        assert shown_rows(screen) == before
        assert screen.prompt.is_open
        await pilot.press("escape", "percent_sign", "down", "pagedown")
        assert shown_rows(screen) == before


async def test_an_empty_search_repeats_the_last_one(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "opens.")
        first = screen.hit.start
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert screen.hit is not None and screen.hit.start > first
        second = screen.hit.start
        await pilot.press("question_mark", "enter")  # ? alone: the same, backward
        await settle(pilot)
        assert screen.hit.start == first
        assert second > first


async def test_escape_and_alt_u_clear_the_highlights(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "opens.")
        assert screen.view.render_line(0) is not None
        assert "match 1/12" in status(screen)
        await pilot.press("escape")
        assert screen.hit is None and "match" not in status(screen)
        assert not marked(screen)
        await pilot.press("n")
        await settle(pilot)
        assert marked(screen) and "match 2/12" in status(screen)
        await pilot.press("alt+u")
        assert not marked(screen) and "match" not in status(screen)


def marked(screen) -> list[str]:
    """Text drawn underlined on screen: the search highlights."""
    view = screen.view
    return [
        segment.text
        for y in range(view.size.height)
        for segment in view.render_line(y)
        if segment.style and segment.style.underline
    ]


async def test_a_passage_pasted_across_lines_is_searched_whole(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("slash")
        app.post_message(events.Paste("the lamp\n  was lit\r\n"))
        await pilot.pause()
        assert reader.query_one("#reader-prompt").query_one(Input).value == "the lamp was lit"


async def test_after_a_jump_away_from_the_match_the_status_line_gives_only_the_count(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "opens.")
        assert "match 1/12" in status(screen)
        await pilot.press("G")  # the end of the book: match 1 is far away
        await settle(pilot)
        assert "12 matches" in status(screen) and "match 1/12" not in status(screen)
        await pilot.press("n")  # on from here, as less and vim go
        await settle(pilot)
        assert "match " in status(screen) and "/12" in status(screen)


@pytest.mark.parametrize("key", ["n", "N"])
async def test_n_in_a_new_session_searches_for_the_last_search_of_the_history(
    book_path: Path, key: str
) -> None:
    """As vim reuses its last pattern: `n` before any search this session searches for what
    ↑ in the search prompt would recall, and the status line says what it searched for."""
    history = PromptHistory.load()
    history.add("search", "lantern")
    history.add("search", "breakwater")
    assert history.save() is None
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert "No search yet" not in " ".join(notices(app))
        assert screen.session.search.text == "breakwater"
        assert "breakwater" in current(screen)
        total = screen.book.text.count("breakwater")
        assert f"/{total}" in status(screen)
        if key == "n":
            assert "/breakwater, the last search · match" in status(screen)
        else:  # backward from the top of the book: wrapped to the end
            assert "?breakwater · wrapped to the end · match" in status(screen)


async def test_n_with_no_search_and_no_history_says_how_to_search(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = shown_rows(screen)[0]
        await pilot.press("n")
        await settle(pilot)
        assert "No search yet: press / to search" in notices(app)
        assert shown_rows(screen)[0] == top


async def test_in_the_emacs_keymap_ctrl_g_gives_the_search_up_where_it_began(
    book_path: Path,
) -> None:
    """As emacs's C-g quits an isearch: after ctrl+s words ctrl+s ctrl+s, ctrl+g goes back to
    the page the search began on, the highlights off (it stayed on the match); ctrl+o goes
    to the match again. Another key ends the search where it is, as in emacs."""
    app = reader_app(book_path, settings=emacs_settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        began = screen.view.top_offset()
        await pilot.press("ctrl+s", *"Scene 3.2", "ctrl+s")
        await settle(pilot)
        found = screen.view.top_offset()
        assert found != began and "match 1/" in status(screen)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.view.top_offset() == began
        assert "match" not in status(screen)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.view.top_offset() == found
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+n")  # the last search again, ended
        await settle(pilot)
        there = screen.view.top_offset()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.view.top_offset() == there


async def test_in_the_emacs_keymap_ctrl_s_again_in_the_prompt_searches_on(
    book_path: Path,
) -> None:
    """emacs's isearch: ctrl+s opens the search, ctrl+s again searches for the words typed,
    and each ctrl+s after it is the next match (ctrl+r the one before), as in emacs, until
    another key ends the search; then ctrl+s opens the prompt again, and ctrl+s there with the
    prompt empty goes on with the last search (ctrl+r there turns it round). `/` is typed."""
    app = reader_app(book_path, settings=emacs_settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("ctrl+s", *"opens.", "ctrl+s")
        await settle(pilot)
        assert "match 1/12" in status(screen)
        await pilot.press("ctrl+s")  # the next match at once, not the prompt again
        await settle(pilot)
        assert "match 2/12" in status(screen) and not screen.prompt.is_open
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "match 3/12" in status(screen)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "match 2/12" in status(screen) and not screen.prompt.is_open
        await pilot.press("ctrl+n")  # another key ends the search
        await pilot.press("ctrl+s")
        assert screen.prompt.is_open
        await pilot.press("ctrl+s")  # the empty prompt: the last search, on
        await settle(pilot)
        assert "match 3/12" in status(screen) and not screen.prompt.is_open
        await pilot.press("ctrl+r")  # and on, back
        await settle(pilot)
        assert "match 2/12" in status(screen)
        await pilot.press("ctrl+n", "ctrl+s", "ctrl+r")  # the other direction's key turns it
        await settle(pilot)
        assert "match 1/12" in status(screen)
        await pilot.press("ctrl+n", "ctrl+s", "slash")
        assert screen.prompt.is_open and screen.prompt.query_one(Input).value == "/"
