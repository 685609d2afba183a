"""A key's turn still out when chapbook leaves (its last screen gone) ends quietly.

The note that would follow it has no screen to go to, and chapbook once ended with
ScreenStackError.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_open


async def test_a_key_turn_out_as_the_last_screen_goes_ends_without_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        turns = app.key_turns
        turns.turn = 7  # a key whose note has not come back yet
        with monkeypatch.context() as patch:
            # (as Textual leaves it when the app ends: no screen in the current mode)
            patch.setattr(app, "_screen_stacks", {app.current_mode: []})
            turns._send_note(7)  # as a returned note's second lap does
        assert turns.ended == 7  # the turn is over: the next key may go
        await pilot.press("j")
        assert app.screen_stack  # and chapbook still reads keys
