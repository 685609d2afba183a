"""Themes: the names `config check` knows match Textual's, and "ansi" sends only 16 colours."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from textual.theme import BUILTIN_THEMES

from tui.library.library import Library
from tui.settings.schema import CHAPBOOK_THEMES, TEXTUAL_THEMES, theme_names
from tui.settings.settings import default_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.screens.settings import SettingsScreen
from tui.ui.themes import THEMES

TRUECOLOR = re.compile(r"\x1b\[[0-9;]*[34]8;2;")


class SettingsOnly(ChapbookApp):
    """The real app showing only the settings screen (no reader or library needed)."""

    def on_mount(self, event) -> None:
        event.prevent_default()
        self.apply_settings(self.settings)
        self.push_screen(SettingsScreen())


def test_theme_names_match_textual_and_ours() -> None:
    assert set(TEXTUAL_THEMES) == set(BUILTIN_THEMES)
    assert tuple(theme.name for theme in THEMES) == CHAPBOOK_THEMES
    assert len(set(theme_names())) == len(theme_names())


async def rendered(theme: str) -> str:
    """Every byte the settings screen would send to a 24-bit colour terminal."""
    settings = default_settings()
    settings.theme = theme
    app = SettingsOnly(settings, Library(), ChapbookScreens())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert app.theme == ("ansi" if app.no_color else theme)
        update = app.screen._compositor.render_full_update()
        console = Console(color_system="truecolor", force_terminal=True, file=io.StringIO())
        return update.render_segments(console)


async def test_ansi_theme_uses_only_the_terminals_16_colours() -> None:
    output = await rendered("ansi")
    colours = set(re.findall(r"\x1b\[([0-9;]*)m", output))
    assert not TRUECOLOR.search(output)
    assert any("34" in codes.split(";") for codes in colours)  # ANSI blue accents


async def test_paper_theme_is_a_warm_light_page() -> None:
    output = await rendered("paper")
    assert "48;2;244;236;216" in output or "48;2;239;229;204" in output  # the paper colours


async def test_no_color_sends_no_colour_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    output = await rendered("paper")
    for codes in set(re.findall(r"\x1b\[([0-9;]*)m", output)):
        colours = [c for c in codes.split(";") if c and c not in {"0", "1", "2", "3", "4", "7"}]
        assert set(colours) <= {"39", "49"}, codes  # only "default colour"


async def test_the_theme_row_under_no_color_is_one_row_at_80_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.widgets import OptionList

    monkeypatch.setenv("NO_COLOR", "1")
    settings = default_settings()
    settings.theme = "gruvbox"
    app = SettingsOnly(settings, Library(), ChapbookScreens())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        rows = [options.render_line(y).text.strip() for y in range(options.size.height)]
        theme = [i for i, row in enumerate(rows) if row.startswith("Theme")]
        assert len(theme) == 1
        row = rows[theme[0]]
        assert "‹ gruvbox ›" in row and "NO_COLOR" in row and row.endswith("ansi is used")
        assert rows[theme[0] + 1].startswith("Text width")  # nothing wrapped under it
