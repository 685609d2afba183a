"""The mouse wheel over the book moves it three rows a turn, and only that."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, shown_rows, wait_open
from textual import events
from textual.widget import Widget

from tui.ui.widgets.reader_view import WHEEL_ROWS

SIZE = (80, 24)


def wheel(app, kind: type[events.MouseScrollDown | events.MouseScrollUp], x: int, y: int) -> None:
    """A wheel turn at screen cell (x, y), as the terminal driver reports one."""
    app.post_message(kind(None, x, y, 0, 1 if kind is events.MouseScrollDown else -1, 0,
                          False, False, False, screen_x=x, screen_y=y))  # fmt: skip


async def test_mouse_wheel_scrolls_the_book_three_rows_a_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's own wheel scrolling must not run as well (`prevent_default` in the reader
    # view's handlers): were it called, this would say so.
    textuals_own: list[str] = []
    monkeypatch.setattr(Widget, "_on_mouse_scroll_down", lambda self, e: textuals_own.append("d"))
    monkeypatch.setattr(Widget, "_on_mouse_scroll_up", lambda self, e: textuals_own.append("u"))
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        view = screen.view
        x, y = view.region.x + view.region.width // 2, view.region.y + 5
        before = shown_rows(screen)
        top = view.top_offset()
        wheel(app, events.MouseScrollDown, x, y)
        await pilot.pause()
        once = shown_rows(screen)
        assert once[: len(once) - WHEEL_ROWS] == before[WHEEL_ROWS:]
        wheel(app, events.MouseScrollDown, x, y)
        await pilot.pause()
        assert shown_rows(screen)[: len(once) - WHEEL_ROWS] == once[WHEEL_ROWS:]
        wheel(app, events.MouseScrollUp, x, y)
        wheel(app, events.MouseScrollUp, x, y)
        await pilot.pause()
        assert shown_rows(screen) == before
        assert view.top_offset() == top
    assert textuals_own == []
