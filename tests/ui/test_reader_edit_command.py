"""`:e FILE` at the reader's `:` prompt opens that book, as vim's `:e` opens a file.

The place in the book left is kept, ctrl+o and `:e #` go back to it, and a path that is no book
says why and leaves the book open.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reader_support import lantern_book, notices, reader_app, top_text, wait_for, wait_open

from tui.library.library import Library

SIZE = (80, 24)
ALICE = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_alice.txt.gz"


def two_books(tmp_path: Path) -> tuple[Path, Path]:
    other = tmp_path / "alice.txt.gz"
    shutil.copy(ALICE, other)
    return lantern_book(tmp_path), other


async def other_book_open(pilot, screen, path: Path):
    """Wait for the reader of the book at ``path`` to take ``screen``'s place."""
    await wait_for(pilot, lambda: pilot.app.screen is not screen, timeout=10)
    reader = await wait_open(pilot)
    assert reader.path == path
    return reader


async def test_colon_e_opens_the_file_and_ctrl_o_comes_back(tmp_path: Path) -> None:
    lantern, alice = two_books(tmp_path)
    async with reader_app(lantern).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")  # into the second chapter
        await pilot.pause()
        reading = top_text(screen)
        await pilot.press("colon", *f"e {alice}", "enter")
        other = await other_book_open(pilot, screen, alice)
        assert "Alice" in str(other.status.render())
        assert not any("not a chapbook command" in n for n in notices(pilot.app))
        await pilot.press("ctrl+o")  # back to the book it was opened from, at its place
        back = await other_book_open(pilot, other, lantern)
        assert top_text(back) == reading
    assert {Path(r.path).name for r in Library.open().records()} >= {"lantern.txt", alice.name}


async def test_colon_e_hash_opens_the_book_read_before(tmp_path: Path) -> None:
    lantern, alice = two_books(tmp_path)
    async with reader_app(lantern).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", *f"e {alice}", "enter")
        other = await other_book_open(pilot, screen, alice)
        await pilot.press("colon", *"e #", "enter")
        back = await other_book_open(pilot, other, lantern)
        await pilot.press("colon", *"e #", "enter")
        await other_book_open(pilot, back, alice)


async def test_colon_e_of_what_is_no_book_says_why_and_stays(tmp_path: Path) -> None:
    lantern, _alice = two_books(tmp_path)
    (tmp_path / "notes.toml").write_text("a = 1\n", encoding="utf-8")
    async with reader_app(lantern).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = top_text(screen)
        for typed, said in [
            (f"e {tmp_path}", "is a folder: the library adds a folder's books (a there)"),
            (f"e {tmp_path}/alice.txt.g", "did you mean"),
            (f"e {tmp_path}/notes.toml", "not a book"),
        ]:
            await pilot.press("colon", *typed, "enter")
            await pilot.pause()
            assert pilot.app.screen is screen and top_text(screen) == top
            shown = [" ".join(n.split()) for n in notices(pilot.app)]  # (wrapped to the box)
            assert any(said in n for n in shown), (typed, shown)


async def test_tab_completes_the_path_of_colon_e(tmp_path: Path) -> None:
    lantern, alice = two_books(tmp_path)
    (tmp_path / "alike.txt").write_text("Another story.\n", encoding="utf-8")
    async with reader_app(lantern).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", *f"e {tmp_path}/alic", "tab")
        await pilot.pause()
        field = screen.query_one("#reader-prompt Input")
        assert field.value == f"e {alice}"  # the one name that fits, whole
        await pilot.press("enter")
        await other_book_open(pilot, screen, alice)
        await pilot.press("colon", *f"e {tmp_path}/al", "tab")
        await pilot.pause()
        field = pilot.app.screen.query_one("#reader-prompt Input")
        assert field.value == f"e {tmp_path}/ali"  # as far as the names agree
        listed = " ".join(notices(pilot.app))
        assert "alice.txt.gz" in listed and "alike.txt" in listed, listed
