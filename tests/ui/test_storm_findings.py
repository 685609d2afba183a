"""Faults the storm test found, each pinned by the smallest input that showed it."""

from __future__ import annotations

from pathlib import Path

from reader_support import lantern_book, reader_app, wait_open

from tui.ui.screens.settings import SettingsScreen


async def test_settings_page_keys_in_a_terminal_too_small_for_the_list(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("comma")
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        await pilot.resize_terminal(20, 6)
        await pilot.press("pagedown", "pagedown", "pageup")
        await pilot.resize_terminal(80, 24)
        await pilot.press("pagedown")
        assert app.screen is settings
        assert settings.query_one("#settings-list").highlighted > 1


async def test_a_huge_paste_into_the_search_prompt_is_cut_to_fit(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input

    from tui.ui.widgets.prompt_bar import LONGEST_ENTRY

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("slash", "l", "a")
        app.post_message(events.Paste("x" * 200_000))
        await pilot.pause()
        field = reader.query_one("#reader-prompt").query_one(Input)
        # What was typed stays, and as much of the paste as fits after it.
        assert field.value == "la" + "x" * (LONGEST_ENTRY - 2)
        await pilot.press("escape")
        assert not reader.query_one("#reader-prompt").is_open


async def test_a_pasted_escape_sequence_is_shown_and_never_sent_to_the_terminal(
    tmp_path: Path,
) -> None:
    """Escape sequences pasted into a box (the search prompt, the finder) are shown as `␛`:
    drawn raw, `ESC [ ? 1049 l` would have switched the terminal out of the full screen."""
    from textual import events
    from textual.widgets import Input

    pasted = "lamp\x1b[?1049l\x1b[31m\x07"
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("slash")
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        field = reader.query_one("#reader-prompt").query_one(Input)
        assert field.value == "lamp␛[?1049l␛[31m␇"
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        box = app.screen.query_one(Input)
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        assert box.value == "lamp␛[?1049l␛[31m␇"
        drawn = "".join(
            segment.text for y in range(box.size.height) for segment in box.render_line(y)
        )
        assert "lamp␛[?1049l" in drawn and "\x1b" not in drawn and "\x07" not in drawn


async def test_a_finder_without_its_widgets_takes_keys_and_results_and_escape_closes_it(
    tmp_path: Path,
) -> None:
    """Keys and search results queued for a finder reach it while Textual has not mounted its
    widgets yet or has begun to take them away; Enter there raised `NoMatches` (found by the
    soak in the library's finder). They do nothing; Escape still closes it."""
    from tui.ui.dialogs.finder import FinderScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("ctrl+p")
        finder = app.screen
        assert isinstance(finder, FinderScreen)
        await pilot.pause()
        await finder.query_one("#finder").remove()
        assert not finder.has_widgets
        finder.post_message(FinderScreen.Results("", []))
        await pilot.press("l", "enter", "down", "up", "enter")
        assert app.screen is finder
        await pilot.press("escape")
        assert app.screen is reader


async def test_a_click_on_an_option_drawn_before_the_list_changed_is_ignored(
    tmp_path: Path,
) -> None:
    """Textual finds a clicked option by what was drawn under the pointer; drawn before the
    list was filled again, that named an option past the end, and Textual's click handler
    raised `IndexError` (found by the soak)."""
    from rich.style import Style
    from textual import events

    from tui.ui.dialogs.contents import ContentsOptions, ContentsScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("t")
        contents = app.screen
        assert isinstance(contents, ContentsScreen)
        options = contents.query_one(ContentsOptions)
        gone = options.option_count + 5
        click = events.Click(
            options, 1, 1, 0, 0, 1, False, False, False, style=Style(meta={"option": gone})
        )
        options.post_message(click)
        await pilot.pause()
        assert app.screen is contents and app.is_running


async def test_a_bookmark_chosen_before_one_was_removed_is_not_another(tmp_path: Path) -> None:
    """A choice queued before a bookmark was removed named the removed one's place in the
    list, which the next bookmark now has (or none, past the end: `IndexError`)."""
    from textual.widgets import OptionList

    from tui.ui.dialogs.bookmarks import BookmarkOptions, BookmarksScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("M", *"first", "enter", "space", "space", "M", *"second", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        marks = app.screen
        assert isinstance(marks, BookmarksScreen)
        options = marks.query_one(BookmarkOptions)
        first = options.get_option_at_index(0)
        marks.action_remove()  # the first one, highlighted
        options.post_message(OptionList.OptionSelected(options, first, 0))
        await pilot.pause()
        assert app.screen is marks
        assert [e.bookmark.label for e in marks.entries] == ["second"]


def test_the_whole_book_arriving_before_the_bookmark_list_is_laid_out() -> None:
    """`B` pressed while a big book is indexed, and the book complete before the list was
    laid out: the list takes the rows as found now, and lists them when it is shown."""
    from tui.book.anchor import Anchor, Bookmark
    from tui.reading.bookmarks import BookmarkRow
    from tui.ui.dialogs.bookmarks import BookmarksScreen

    mark = Bookmark(Anchor(10, "fingerprint"), "")
    screen = BookmarksScreen([BookmarkRow(mark, "", None, "the quay")], on_remove=lambda _: None)
    screen.book_complete(
        lambda marks: [BookmarkRow(m, "Chapter 2", 0.4, "the quay") for m in marks]
    )
    assert [(row.place, row.percent) for row in screen.entries] == [("Chapter 2", 0.4)]
