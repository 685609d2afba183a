"""The start-up notice of a settings file with only warnings: titled so, short at 80×24, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, wait_open
from settings_screen_support import with_settings_file

from tui.paths import settings_path

WARNED = '[keys]\nnext_chapter = "n"\n'


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path)


async def start(book: Path, text: str | None = None) -> list[tuple[str, str]]:
    """The notices (title, message) standing after a start with ``text`` as settings.toml."""
    app = with_settings_file(book, text)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        return [(str(n.title), str(n.message)) for n in app._notifications]


async def test_warnings_alone_are_told_as_warnings_briefly_and_once(book_path: Path) -> None:
    [(title, message)] = await start(book_path, WARNED)
    # (it was "Settings problem", for what `config check` calls a warning, exiting 0)
    assert title == "Settings warning"
    assert message == (
        "1 warning in settings.toml (keys.next_chapter). `chapbook config check` lists it; "
        "not shown again until it changes."
    )
    assert len(message) < 140  # (the whole warning, 330 characters, covered half the screen)
    # The next start, the same file: nothing (it was told at every start, for ever).
    assert await start(book_path) == []
    # The file changed, and its warnings with it: told again, once.
    settings_path().write_text(WARNED + 'bookmark = "p"\n', encoding="utf-8")
    [(title, message)] = await start(book_path)
    assert title == "Settings warnings"
    assert message.startswith("2 warnings in settings.toml (keys.next_chapter, keys.bookmark).")
    assert await start(book_path) == []


async def test_a_problem_is_still_told_at_every_start(book_path: Path) -> None:
    """A problem keeps a setting from being used: it is told each time, titled a problem."""
    for _ in range(2):
        [(title, message)] = await start(book_path, WARNED + "[reader]\nwidth = 5\n")
        assert title == "Settings problems"
        assert message.startswith("settings.toml:4: reader.width: 5 is out of range")
        assert message.endswith("1 more warning: `chapbook config check` lists every one.")
