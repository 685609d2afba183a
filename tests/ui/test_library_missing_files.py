"""A book whose file is gone: opening it says so, and what will find it, instead (Pilot)."""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, settle
from library_support import add_known, fixed_library, write_story

from tui.ui.widgets.library_detail import LibraryDetail


async def test_a_missing_book_says_so_instead_of_opening(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "gone.txt", "Gone Away")
    record = add_known(library, path, "Gone Away")
    path.unlink()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert record.missing
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert any("gone.txt" in n.message for n in pilot.app._notifications)


async def test_a_missing_book_says_what_will_find_it(tmp_path: Path) -> None:
    """Without library folders a rescan cannot find a renamed file: the notice offers only
    what works, opening the file where it is now; with folders it offers the rescan too."""
    library = fixed_library()
    path = write_story(tmp_path / "loose", "gone.txt", "Gone Away")
    add_known(library, path, "Gone Away")
    path.rename(path.with_name("renamed.txt"))

    async def notice_on_enter() -> str:
        async with library_app(library).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await pilot.pause()
            return "\n".join(n.message.replace("\n", " ") for n in pilot.app._notifications)

    alone = await notice_on_enter()
    assert "gone.txt is not in" in alone
    assert "chapbook NEWPATH" in alone and "your place is kept" in alone
    assert "Press r" not in alone

    # A rescan looks only in the library's folders: one the book was not in cannot find it.
    library.add_folder(tmp_path / "fics")
    elsewhere = await notice_on_enter()
    assert "Press r" not in elsewhere
    assert "It was in no library folder, so a rescan will not find it" in elsewhere
    assert "chapbook NEWPATH" in elsewhere

    # In a library folder, the check at start finds it at its new name: no notice.
    library.add_folder(tmp_path / "loose")
    assert "is not in" not in await notice_on_enter()
    # Gone from the folder too, a rescan (which looks there) is offered.
    (tmp_path / "loose" / "renamed.txt").unlink()
    with_folders = await notice_on_enter()
    assert "Press r to look for it in the library folders" in with_folders
    assert "chapbook NEWPATH" in with_folders


async def test_a_missing_book_in_a_terminal_too_narrow_for_its_name(tmp_path: Path) -> None:
    """At 10 columns the title and author fill the detail lines alone: the missing file's
    advice still gets the last one, and the library still answers."""
    library = fixed_library()
    path = write_story(tmp_path, "gone.txt", "Alice's Adventures in Wonderland")
    add_known(library, path, "Alice's Adventures in Wonderland", author="Lewis Carroll")
    path.unlink()
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.resize_terminal(10, 12)
        await pilot.pause()
        detail = screen.query_one(LibraryDetail)
        lines = [detail.render_line(y).text.strip() for y in range(detail.size.height)]
        assert lines[-1].startswith("File")
        await pilot.press("f1")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "HelpScreen"


async def test_a_book_gone_since_the_start_is_marked_missing_and_the_footer_offers_the_rescan(
    tmp_path: Path,
) -> None:
    """Its file deleted while the library is open, the book found by the filter and Enter:
    the notice says `Press r`, and at 80 columns the footer (the filter's `esc Clear filter`
    taking its room) shows `r Rescan` too, where it showed every key but that one; the row
    says `missing`."""
    from textual.widgets._footer import FooterKey

    from tui.library.catalog import status_text
    from tui.ui.widgets.fitting_footer import FittingFooter

    library = fixed_library()
    folder = tmp_path / "fics"
    path = write_story(folder, "carmilla.txt", "Carmilla")
    record = add_known(library, path, "Carmilla")
    add_known(library, write_story(folder, "other.txt", "Other"), "Laura's Other Story")
    library.add_folder(folder)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        path.unlink()
        await pilot.press("slash", *"carmilla", "enter")
        await pilot.pause()
        said = " ".join(n.message.replace("\n", " ") for n in pilot.app._notifications)
        assert "Press r to look for it in the library folders" in said, said
        await pilot.pause()
        footer = [k.description for k in screen.query_one(FittingFooter).query(FooterKey)]
        assert "Rescan" in footer and "Quit" in footer, footer
        assert record.missing and status_text(record) == "missing"  # (the row's status)
