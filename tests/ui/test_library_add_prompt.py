"""The library's add prompt (`a`).

A file or a folder added from a typed path, Tab completing names, a path not there named with a
near one to try, Escape and ctrl+c cancelling (Pilot).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from library_screen_support import library_app, remove_highlighted, settle, titles
from library_support import fixed_library, write_story

from tui.library.library import Library
from tui.ui.widgets.library_table import LibraryTable

SIZE = (80, 24)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def notices(pilot) -> list[str]:
    """Each notice's words on one line, however it breaks them (never inside a path)."""
    return [n.message.replace("\n", " ") for n in pilot.app._notifications]


def prompt_value(screen) -> str:
    return screen.query_one("#path-input").value


def prompt_open(screen) -> bool:
    return screen.query_one("#library-add").has_class("-open")


def choices_shown(screen) -> str:
    box = screen.query_one("#path-choices")
    return str(box.render()) if box.has_class("-shown") else ""


async def test_a_file_typed_at_the_prompt_is_added_and_under_the_cursor(home: Path) -> None:
    write_story(home / "fics", "other.txt", "Another Tale")
    write_story(home / "fics", "harbour.txt", "The Slow Harbour")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics/harbour.txt", "enter")
        await settle(pilot)
        assert not prompt_open(screen)
        assert titles(screen) == ["The Slow Harbour"]  # the file only, not its folder
        assert screen.query_one(LibraryTable).current.display_title == "The Slow Harbour"
        assert "Added 1 book from ~/fics/harbour.txt" in notices(pilot)
    assert [r.display_title for r in Library.open(sample=False).records()] == ["The Slow Harbour"]


async def test_a_folder_typed_at_the_prompt_is_scanned_and_kept(home: Path) -> None:
    write_story(home / "fics", "one.txt", "The First One")
    write_story(home / "fics" / "deeper", "two.txt", "The Second One")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        assert sorted(titles(screen)) == ["The First One", "The Second One"]
        assert "Added 2 books from ~/fics" in notices(pilot)
    assert Library.open(sample=False).folders == [str((home / "fics").resolve())]


async def test_a_folder_added_again_names_the_book_removed_from_it(home: Path) -> None:
    write_story(home / "fics", "one.txt", "The First One")
    write_story(home / "fics", "two.txt", "The Second One")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        removed = screen.query_one(LibraryTable).current.display_title
        await remove_highlighted(pilot)
        await settle(pilot)
        assert removed not in titles(screen)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        assert removed not in titles(screen)  # a removed book stays removed
        assert (
            "No new books in ~/fics; 1 was already in the library, 1 was removed earlier: "
            "add it by its own path to bring it back"
        ) in notices(pilot)


async def test_a_path_not_there_is_named_with_a_near_one_to_try(home: Path) -> None:
    write_story(home / "fics" / "worm", "one.txt", "The First One")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics/wrom", "enter")
        await settle(pilot)
        # The prompt stays open with what was typed, the problem said above it: a slip is
        # mended there, not typed again.
        said = "No such file or folder: ~/fics/wrom; did you mean ~/fics/worm?"
        assert choices_shown(screen) == said and prompt_value(screen) == "~/fics/wrom"
        assert titles(screen) == [] and not notices(pilot)
        assert screen.focused is screen.query_one("#path-input")
        await pilot.press("tab")  # nothing to complete: it says why
        assert choices_shown(screen) == said
        await pilot.press(*["backspace"] * 3, *"orm", "enter")
        await settle(pilot)
        assert titles(screen) == ["The First One"]
        assert screen.focused is screen.query_one(LibraryTable)


async def test_tab_completes_a_name_and_lists_the_choices_when_several_fit(home: Path) -> None:
    write_story(home / "fics" / "worm", "one.txt", "The First One")
    write_story(home / "fics" / "ward", "two.txt", "The Second One")
    write_story(home / "fics", "pact.txt", "Pact")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fi", "tab")
        assert prompt_value(screen) == "~/fics/"
        assert choices_shown(screen) == ""
        await pilot.press("w", "tab")
        await pilot.pause()
        assert prompt_value(screen) == "~/fics/w"  # as a shell: both start with w
        assert choices_shown(screen) == "ward/  worm/"
        await pilot.press("o", "tab", "tab")
        assert prompt_value(screen) == "~/fics/worm/one.txt"
        assert screen.focused is screen.query_one("#path-input")  # Tab never left the prompt
        await pilot.press("enter")
        await settle(pilot)
        assert titles(screen) == ["The First One"]


@pytest.mark.parametrize("key", ["escape", "ctrl+c"])
async def test_escape_or_ctrl_c_cancels_and_adds_nothing(home: Path, key: str) -> None:
    write_story(home / "fics", "one.txt", "The First One")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics", key)
        await settle(pilot)
        assert not prompt_open(screen)
        assert titles(screen) == [] and notices(pilot) == []
        # The library's keys work again: `a` opens an empty prompt.
        await pilot.press("a")
        assert prompt_open(screen) and prompt_value(screen) == ""


async def test_letters_and_slashes_typed_at_the_prompt_are_text_not_keys(home: Path) -> None:
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"/srv/q r s/a")
        assert prompt_value(screen) == "/srv/q r s/a"
        assert not screen.query_one("#library-filter").has_class("-shown")
        assert type(pilot.app.screen) is type(screen)


async def test_a_long_path_in_the_notice_is_shortened_with_its_file_name_whole(
    home: Path,
) -> None:
    folder = home / "collections" / "fanfiction_archive_backup" / "harry_potter" / "longfics"
    write_story(folder, "tintagel.txt", "Tintagel")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *f"{folder}/tintagel.txt", "enter")
        await settle(pilot)
        # A line of a notice holds 36 cells at 80 columns: the path fits one, whole words.
        assert notices(pilot) == ["Added 1 book from ~/…/longfics/tintagel.txt"]


async def test_a_path_with_spaces_in_the_notice_stays_on_one_line(home: Path) -> None:
    write_story(home / "my fics", "dragon story.txt", "Dragon")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"~/my fics/dragon story.txt", "enter")
        await settle(pilot)
        lines = [n.message.split("\n") for n in pilot.app._notifications]
        assert lines == [["Added 1 book from", "~/my fics/dragon story.txt"]]


async def test_a_path_with_spaces_that_is_not_there_stays_on_one_line(home: Path) -> None:
    (home / "my fics").mkdir()
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(
            "a",
            *"~/my fics/a dragon tale told of long ago and far away in another land.txt",
            "enter",
        )
        await pilot.pause()
        said = str(pilot.app.screen.query_one("#path-choices").render())
        # Said over the prompt, the path whole on a line of its own rather than split.
        assert said.split("\n") == [
            "No such file or folder:",
            "~/my fics/a dragon tale told of long ago and far away in another land.txt",
        ]


async def test_a_book_added_while_a_filter_hides_it_clears_the_filter(home: Path) -> None:
    """The list shows what came in: a filter that would hide the book added is cleared (the
    notice says so), and the book is under the cursor."""
    for name, title in [("heart.txt", "My Paper Heart"), ("ferry.txt", "The Night Ferry")]:
        write_story(home / "fics", name, title)
    write_story(home / "new", "harbour.txt", "The Slow Harbour")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        await pilot.press("slash", *"paper heart", "tab")
        assert titles(screen) == ["My Paper Heart"]
        await pilot.press("a", *"~/new/harbour.txt", "enter")
        await settle(pilot)
        assert screen.filter_text == "" and len(titles(screen)) == 3
        assert screen.query_one(LibraryTable).current.display_title == "The Slow Harbour"
        assert not screen.query_one("#library-filter").has_class("-shown")
        assert notices(pilot)[-1] == (
            "Added 1 book from ~/new/harbour.txt; the filter “paper heart” was cleared"
        )


async def test_a_book_added_that_the_filter_shows_keeps_the_filter(home: Path) -> None:
    write_story(home / "fics", "heart.txt", "My Paper Heart")
    write_story(home / "fics", "ferry.txt", "The Night Ferry")
    write_story(home / "new", "hearts.txt", "Paper Hearts Again")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        await pilot.press("slash", *"paper heart", "tab", "a", *"~/new/hearts.txt", "enter")
        await settle(pilot)
        assert screen.filter_text == "paper heart"
        assert sorted(titles(screen)) == ["My Paper Heart", "Paper Hearts Again"]
        assert screen.query_one(LibraryTable).current.display_title == "Paper Hearts Again"
        assert notices(pilot)[-1] == "Added 1 book from ~/new/hearts.txt"


async def test_a_folder_added_while_a_filter_hides_its_books_clears_the_filter(
    home: Path,
) -> None:
    write_story(home / "fics", "heart.txt", "My Paper Heart")
    write_story(home / "more", "one.txt", "The First One")
    write_story(home / "more", "two.txt", "The Second One")
    library = fixed_library()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics/heart.txt", "enter")
        await settle(pilot)
        await pilot.press("slash", *"paper", "tab", "a", *"~/more", "enter")
        await settle(pilot)
        assert sorted(titles(screen)) == ["My Paper Heart", "The First One", "The Second One"]
        assert notices(pilot)[-1].endswith("; the filter “paper” was cleared")


async def test_a_finished_add_is_titled_as_done_and_goes_once_read(home: Path) -> None:
    """The notice of an add that is over says what it did in its title (not `Adding`, as if
    still under way), and leaves the library's detail lines to view once read, sooner
    than the 8 seconds that outstayed it; one saying nothing came in is titled so."""
    for n in range(3):
        write_story(home / "fics", f"story{n}.txt", f"Story Number {n}")
    library = fixed_library()
    app = library_app(library)
    told: list[tuple[str, str, float]] = []
    notify = app.notify

    def noted(message: str, **how: Any) -> None:
        # (as each is given: on a slow machine the first may be gone before the last comes)
        told.append((how.get("title", ""), message.replace("\n", " "), how.get("timeout", 0)))
        notify(message, **how)

    app.notify = noted  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("a", *"~/fics/story0.txt", "enter")
        await settle(pilot)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        await pilot.press("a", *"~/fics", "enter")
        await settle(pilot)
        assert told[0][:2] == ("Added", "Added 1 book from ~/fics/story0.txt")
        assert told[1][:2] == ("Added", "Added 2 books from ~/fics; 1 was already in the library")
        assert told[2][:2] == (
            "Nothing new",
            "No new books in ~/fics; 3 were already in the library",
        )
        assert all(4 <= timeout <= 6 for _title, _text, timeout in told)
        assert "Adding" not in [title for title, _text, _timeout in told]
        assert screen.query_one(LibraryTable).current is not None
