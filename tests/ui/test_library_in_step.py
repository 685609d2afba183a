"""The library screen keeps in step.

Removals stick, other processes' additions show up, and the small things a hands-on review found
(Pilot).
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

from library_screen_support import SIZE, library_app, remove_highlighted, settle
from library_support import add_known, fixed_library, write_story

from tui.cli import main
from tui.library.library import Library
from tui.ui.dialogs.library import ConfirmAdd
from tui.ui.widgets.library_detail import LibraryDetail
from tui.ui.widgets.library_table import LibraryTable

CHAPBOOK = str(Path(sys.executable).with_name("chapbook"))


def names(screen) -> list[str]:
    """The listed books by file name (the titles of these tiny stories are their names)."""
    return [Path(r.path).name for r in screen.query_one(LibraryTable).rows]


def _messages(pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]


def _detail(screen) -> str:
    return str(screen.query_one(LibraryDetail).render())


async def test_a_removed_book_stays_removed_on_rescan_and_restart(tmp_path: Path) -> None:
    folder = tmp_path / "fics"
    for name in ("Alpha", "Beta", "Gamma"):
        write_story(folder, f"{name.lower()}.txt", name)
    assert main(["add", str(folder)]) == 0
    library = Library.open(sample=False)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"beta", "tab")
        await remove_highlighted(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert sorted(names(screen)) == ["alpha.txt", "gamma.txt", "sample.txt"]
        await pilot.press("r")
        await settle(pilot)
        assert sorted(names(screen)) == ["alpha.txt", "gamma.txt", "sample.txt"]
        assert "Nothing changed" in _messages(pilot)[-1]
    again = Library.open(sample=False)
    assert again.check(add_new=True).total == 0
    assert sorted(Path(r.path).name for r in again.records()) == [
        "alpha.txt",
        "gamma.txt",
        "sample.txt",
    ]


async def test_rescan_sees_books_another_chapbook_added(tmp_path: Path) -> None:
    write_story(tmp_path / "first", "one.txt", "One")
    assert main(["add", str(tmp_path / "first")]) == 0
    library = Library.open(sample=False)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        screen.query_one(LibraryTable)  # mounted
        count = len(names(screen))
        write_story(tmp_path / "second", "two.txt", "Two")
        assert main(["add", str(tmp_path / "second")]) == 0  # another process, in effect
        await pilot.press("r")
        await settle(pilot)
        assert "two.txt" in names(screen) and len(names(screen)) == count + 1
        assert "there are none yet" not in _messages(pilot)[-1]
        assert f"Library · {count + 1} books" in str(screen.query_one("#library-bar").render())


async def test_the_library_picks_up_another_chapbooks_books_on_its_own(tmp_path: Path) -> None:
    library = Library.open(sample=False)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert names(screen) == []
        write_story(tmp_path / "later", "late.txt", "Late Arrival")
        done = subprocess.run(  # another chapbook, in another process
            [CHAPBOOK, "add", str(tmp_path / "later")], capture_output=True, timeout=60
        )
        assert done.returncode == 0
        for _ in range(80):  # within a few seconds, with no key pressed
            await asyncio.sleep(0.1)
            await pilot.pause()
            if names(screen):
                break
        assert sorted(names(screen)) == ["late.txt", "sample.txt"]  # with the first run's
        assert library.folders == [str((tmp_path / "later").resolve())]


async def test_the_cursor_keeps_its_row_after_a_removal(tmp_path: Path) -> None:
    library = fixed_library()
    for name in ("A one", "B two", "C three", "D four"):
        add_known(library, write_story(tmp_path, f"{name[0]}.txt", name), name)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        before = names(screen)
        await pilot.press("down", "down")
        assert table.cursor == 2
        await remove_highlighted(pilot)
        await settle(pilot)
        assert names(screen) == before[:2] + before[3:]
        assert table.cursor == 2 and Path(table.current.path).name == before[3]
        assert screen._shown is table.current  # the detail lines are about it
        await remove_highlighted(pilot)  # the last row: the cursor stays on the (new) last
        await settle(pilot)
        assert table.cursor == 1 and names(screen) == before[:2]


async def test_new_chapters_key_on_a_book_without_them_says_so(tmp_path: Path) -> None:
    library = fixed_library()
    add_known(library, write_story(tmp_path, "plain.txt", "Plain Tale"), "Plain Tale")
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await pilot.pause()
        assert "“Plain Tale” has no new chapters." in _messages(pilot)


async def test_new_chapters_key_with_no_book_listed_says_so_not_that_it_is_no_key(
    tmp_path: Path,
) -> None:
    """With the library empty (or a filter given with `:/words` finding nothing), U said `U
    is not a library key`: it is one, and it says there is no book to look in."""
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await pilot.pause()
        said = _messages(pilot)
        assert not any("not a library key" in message for message in said)
        assert "No book is listed here to look for new chapters in." in said


async def test_a_missing_book_says_where_it_was(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path.resolve()))  # the folder is named from `~`
    library = fixed_library()
    path = write_story(tmp_path / "shelf", "gone.txt", "Gone Away")
    add_known(library, path, "Gone Away")
    path.unlink()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        where = "~/shelf"
        assert f"gone.txt is not in {where} any more" in _detail(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert any(f"gone.txt is not in {where} any more" in m for m in _messages(pilot))


async def test_two_copies_of_a_text_that_names_no_story_are_marked_as_duplicates(
    tmp_path: Path, monkeypatch
) -> None:
    """Prose with no title or author: nothing tells the two files are one story."""
    monkeypatch.setenv("HOME", str(tmp_path))
    library = fixed_library()
    first = tmp_path / "a" / "tale.txt"
    first.parent.mkdir()
    first.write_text(
        "\n\n".join(
            f"The tide came in for the {n}th time that week, and the harbour wall held it "
            "back as it always had, grey and patient under the gulls."
            for n in range(30)
        ),
        encoding="utf-8",
    )
    second = tmp_path / "b" / "tale copy.txt"
    second.parent.mkdir()
    shutil.copyfile(first, second)
    library.add_paths([first, second])
    async with library_app(library).run_test(size=(140, 30)) as pilot:
        screen = await settle(pilot)
        shown = _detail(screen)
        assert (
            shown.splitlines()[1] == "Duplicate: this copy ~/a/tale.txt · also at ~/b/tale copy.txt"
        )


async def test_two_copies_of_a_story_are_one_book_keeping_the_other_file(tmp_path: Path) -> None:
    library = fixed_library()
    library.add_folder(tmp_path)
    first = write_story(tmp_path / "a", "tale.txt", "The Tale")
    second = tmp_path / "b" / "tale copy.txt"
    second.parent.mkdir()
    shutil.copyfile(first, second)
    library.check(add_new=True)
    async with library_app(library).run_test(size=(140, 30)) as pilot:
        screen = await settle(pilot)
        assert len(names(screen)) == 1
        shown = _detail(screen)
        about = shown.splitlines()[1]
        assert about.startswith("Copy kept: ") and "tale" in about and "not listed" in about


async def test_a_big_folder_from_the_command_line_asks_first(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[library]\nask_above = 10\n")
    for n in range(14):
        write_story(tmp_path / "pile", f"s{n:02d}.txt", f"Pile {n}", chapters=1)
    from tui.settings.settings import load_settings
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    loaded, _problems = load_settings(settings)
    for answer, expected in (("n", 0), ("y", 14)):
        library = fixed_library()
        library.queued = [tmp_path / "pile"]
        async with ChapbookApp(loaded, library, ChapbookScreens()).run_test(size=SIZE) as pilot:
            for _ in range(50):
                await pilot.pause(0.05)
                if isinstance(pilot.app.screen, ConfirmAdd) and pilot.app.screen.query("#add-plan"):
                    break  # (the question drawn, not only pushed: a loaded machine is slower)
            dialog = pilot.app.screen
            assert isinstance(dialog, ConfirmAdd)
            assert "14 new files" in str(dialog.query_one("#add-plan").render())
            await pilot.press(answer)
            screen = await settle(pilot)
            assert len(names(screen)) == expected


async def test_the_next_start_finishes_adding_a_folder_cut_short_without_asking_again(
    tmp_path: Path,
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[library]\nask_above = 3\n")  # the first add was asked about
    pile = tmp_path / "pile"
    for n in range(8):
        write_story(pile, f"s{n:02d}.txt", f"Pile {n}", chapters=1)

    def quit_part_way(done: int, total: int) -> None:
        if done >= 3:
            raise KeyboardInterrupt  # chapbook left here

    first = fixed_library(tmp_path / "data")
    try:
        first.add_paths([pile], quit_part_way, workers=1)
    except KeyboardInterrupt:
        first.save()
    from tui.settings.settings import load_settings
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    loaded, _problems = load_settings(settings)
    library = fixed_library(tmp_path / "data")
    async with ChapbookApp(loaded, library, ChapbookScreens()).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert not isinstance(pilot.app.screen, ConfirmAdd)
        assert len(names(screen)) == 8
        assert any(m.startswith("Added 5 books from") for m in _messages(pilot))
    assert fixed_library(tmp_path / "data").unfinished == []
