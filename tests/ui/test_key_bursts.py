"""Keys that arrive together do what they do typed slowly.

Keys from fast typing, an SSH packet or a paste: `50%`, `ma` and `'a`, `3j`, and the words typed
after `/`.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import burst, reader_app, shown_rows, wait_open
from textual import events

SIZE = (80, 24)


async def settle(pilot) -> None:
    for _ in range(6):
        await pilot.pause(0.02)


async def test_50_percent_in_one_burst_goes_halfway(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        burst(app, "5", "0", "%")
        await settle(pilot)
        assert screen.prompt is None or not screen.prompt.is_open
        assert abs(screen.view.top_offset() - len(screen.book.text) // 2) < 1200


async def test_a_mark_set_and_visited_in_bursts(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        burst(app, "2", "]")
        await settle(pilot)
        marked = screen.view.top_offset()
        assert marked > 0
        burst(app, "m", "a", "G")
        await settle(pilot)
        assert screen.view.top_offset() > marked
        for prefix in ("'", "`"):
            burst(app, "g", prefix, "a")
            await settle(pilot)
            assert screen.view.top_offset() == marked
            assert screen.session.mark_pending is None


async def test_a_count_in_one_burst_repeats_the_move(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        burst(app, "3", "j")
        await settle(pilot)
        assert shown_rows(screen)[0] == start[3]


async def test_words_typed_right_after_slash_go_into_the_search(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        burst(app, "/", "b", "e", "l", "l", "s", "enter")
        await settle(pilot)
        pattern = screen.session.search.pattern
        assert pattern is not None and pattern.search("the bells rang")
        assert screen.prompt is None or not screen.prompt.is_open


async def test_keys_after_one_that_opens_and_one_that_closes_a_screen(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        burst(app, "comma", "escape", "j", "j")
        await settle(pilot)
        await pilot.pause(0.3)
        assert app.screen is screen
        assert shown_rows(screen)[0] == start[2]


def test_a_note_back_after_its_turn_was_given_up_lets_no_second_key_in() -> None:
    from tui.ui.terminal.keys_in_order import KeyTurns

    class Later:
        def __init__(self) -> None:
            self.calls: list[object] = []

        def call_later(self, callback: object) -> None:
            self.calls.append(callback)

    app = Later()

    async def handle(key: events.Key) -> None:
        pass

    turns = KeyTurns(app, handle)  # type: ignore[arg-type]
    turns.turn = 1
    turns.waiting.extend([events.Key("j", "j"), events.Key("k", "k")])
    turns.done(1)  # given up after the longest wait
    turns.done(1)  # and then its note comes back
    assert len(app.calls) == 1  # one key goes next, not two at once


async def test_a_key_typed_right_after_enter_in_a_prompt_is_the_readers(book_path: Path) -> None:
    # `%55⏎t` in one burst: the `t` went to the prompt's box, closed but still focused.
    from tui.ui.dialogs.contents import ContentsScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        burst(app, "%", "5", "5", "enter", "t")
        await settle(pilot)
        assert abs(screen.view.top_offset() - len(screen.book.text) * 55 // 100) < 1200
        assert isinstance(app.screen, ContentsScreen)
        burst(app, "escape", "/", "Q", "u", "a", "y", "enter", "j", "j", "j")
        await settle(pilot)
        after_search = screen.view.top_offset()
        burst(app, "?", "Q", "u", "a", "y", "enter", "j")
        await settle(pilot)
        assert screen.view.top_offset() != after_search
        assert not screen.prompt.is_open
