"""A text box made narrower keeps its cursor, and the end of the text typed, in view.

The box narrows when the terminal shrinks; Textual itself scrolls only when the cursor moves.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.ui.widgets.safe_input import SafeInput

TYPED = "the lighthouse keeper's second daughter"


class OneBox(App[None]):
    def compose(self) -> ComposeResult:
        yield SafeInput(id="box")


async def test_the_cursor_stays_in_view_when_the_box_narrows() -> None:
    app = OneBox()
    async with app.run_test(size=(60, 5)) as pilot:
        box = app.query_one(SafeInput)
        box.focus()
        await pilot.press(*TYPED)
        await pilot.pause()
        assert box.scroll_offset.x == 0  # it all fits
        await pilot.resize_terminal(20, 5)
        for _ in range(5):
            await pilot.pause(0.05)
        shown = box.content_region.width
        cursor = len(TYPED) + 1
        # The cell after the last letter (the cursor) is on screen, and so is the last letter.
        assert box.scroll_offset.x <= len(TYPED) - 1
        assert box.scroll_offset.x + shown >= cursor
