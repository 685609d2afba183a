"""The scene break ornament on the settings screen.

Stepped like any choice, saved, and drawn in the reader once saved (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from reader_support import (
    highlight,
    lantern_book,
    open_settings,
    reader_app,
    shown_rows,
    wait_open,
)
from textual.widgets import OptionList

from tui.paths import settings_path


async def test_the_scene_break_row_changes_the_ornament_in_the_reader(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path, scenes=2, paras=1))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await wait_open(pilot)
        assert any(row.strip() == "⁂" for row in shown_rows(reader))
        settings = await open_settings(pilot)
        await highlight(pilot, "reader.scene_ornament")
        options = settings.query_one(OptionList)
        assert "Scene break" in options.highlighted_option.prompt.plain
        await pilot.press("right")
        assert "‹ * * * ›" in options.highlighted_option.prompt.plain
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert app.screen is reader
        assert settings_path().read_text(encoding="utf-8") == '[reader]\nscene_ornament = "* * *"\n'
        await pilot.pause()
        assert any(row.strip() == "* * *" for row in shown_rows(reader))
        assert not any(row.strip() == "⁂" for row in shown_rows(reader))
