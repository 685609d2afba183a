"""`L` from a book opened from the command line: answered at once, the library's code ready."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reader_support import reader_app, wait_open

from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.status_line import StatusLine

SAMPLE = Path(__file__).resolve().parents[2] / "tui" / "data" / "sample.txt"


async def test_l_before_the_librarys_code_is_in_says_so_at_once_and_opens_one_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its code still coming in (it took seconds while a big book was indexed), `L` says
    `opening the library…` on the status line at once; a second `L` meanwhile opens no
    second library."""
    from tui.ui.screens.library import LibraryScreen

    said: list[str] = []
    say = StatusLine.say

    def recording(self: StatusLine, message: str, *args: object, **kwargs: object) -> None:
        said.append(message)
        say(self, message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StatusLine, "say", recording)
    monkeypatch.setattr(ChapbookScreens, "library_ready", lambda self: False)
    app = reader_app(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("L", "L")
        assert said == ["opening the library…"]
        await pilot.pause(0.2)
        libraries = [s for s in app.screen_stack if isinstance(s, LibraryScreen)]
        assert len(libraries) == 1 and app.screen is libraries[0]


def test_the_librarys_code_comes_in_soon_after_a_book_opens(tmp_path: Path) -> None:
    """Opened from the command line, the book's first page comes without the library's
    code (`test_reader_imports`); half a second on, it is brought in, off the interface
    thread, so that the first `L` shows the library at once."""
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from pathlib import Path
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        from reader_support import reader_app, wait_open

        async def main():
            app = reader_app(Path({str(SAMPLE)!r}))
            async with app.run_test(size=(80, 24)) as pilot:
                await wait_open(pilot)
                for _ in range(100):
                    await pilot.pause(0.05)
                    if "tui.ui.screens.library" in sys.modules:
                        break
                print("tui.ui.screens.library" in sys.modules)

        asyncio.run(main())
        """
    )
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"]


def test_while_the_librarys_code_comes_in_it_is_not_ready_and_no_screen_is_the_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`L` pressed while the library's module is being imported (in `sys.modules`, without
    its classes yet) ended chapbook with an AttributeError: the screen below the reader is
    asked about, and the library is made once the import is through."""
    import importlib.machinery
    import types

    from textual.screen import Screen

    from tui.ui.screens.registry import LIBRARY_MODULE

    half = types.ModuleType(LIBRARY_MODULE)
    half.__spec__ = importlib.machinery.ModuleSpec(LIBRARY_MODULE, None)
    half.__spec__._initializing = True  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, LIBRARY_MODULE, half)
    screens = ChapbookScreens()
    assert screens.is_library(Screen()) is False
    assert screens.library_ready() is False
