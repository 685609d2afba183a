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


async def test_a_huge_paste_into_the_search_prompt_is_refused(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("slash", "l", "a")
        app.post_message(events.Paste("x" * 200_000))
        await pilot.pause()
        field = reader.query_one("#reader-prompt").query_one(Input)
        assert field.value == "la"  # refused whole, with the bell: what was typed stays
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
