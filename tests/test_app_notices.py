"""Settings problems are shown at start without burying the screen under notices."""

from __future__ import annotations

from pathlib import Path

from tui.library.library import Library
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.registry import ChapbookScreens


async def _notices_for(tmp_path: Path, lines: list[str]) -> list[str]:
    config = tmp_path / "settings.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings, problems = load_settings(config)
    app = ChapbookApp(settings, Library.open(), ChapbookScreens(), problems=problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        return [str(n.message) for n in app._notifications]


async def test_a_few_problems_each_get_a_notice(tmp_path: Path) -> None:
    notices = await _notices_for(tmp_path, ["widht = 3", "[reader]", "width = 5000"])
    assert len(notices) == 2
    assert any("widht" in n and "Did you mean" in n for n in notices)


async def test_many_problems_are_summed_up_with_a_pointer_to_config_check(tmp_path: Path) -> None:
    lines = ["[keys]"] + [f'unknown_action_{i} = "x"' for i in range(8)]
    notices = await _notices_for(tmp_path, lines)
    assert len(notices) == 3
    assert "6 more problems" in notices[-1]
    assert "chapbook config check" in notices[-1]
