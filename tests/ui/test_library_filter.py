"""The library's filter.

`/` narrows the list as it is typed, its letters are never list keys, Escape clears it, and the
bar and the footer say what it kept (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, settle, titles
from library_support import fixed_library, populate

from tui.ui.dialogs.finder_library import LibraryFinderScreen
from tui.ui.widgets.library_bar import LibraryBar
from tui.ui.widgets.library_table import LibraryTable


async def test_slash_filters_fuzzily_and_escape_clears(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 30)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"skyward")
        shown = titles(screen)
        assert 0 < len(shown) < 30
        assert all(r.fandom == "Skyward Academy" for r in screen.query_one(LibraryTable).rows)
        await pilot.press("tab")  # keep the filter, on to the list
        assert screen.query_one(LibraryTable).has_focus
        assert titles(screen) == shown
        await pilot.press("escape")
        assert len(titles(screen)) == 30


async def test_typing_in_the_filter_never_triggers_list_keys(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", "q", "s", "x", "j")  # quit, sort, remove, down: just letters
        assert pilot.app.screen is screen
        assert screen.filter_text == "qsxj"
        assert len(library) == 5


async def test_a_filter_box_left_focused_but_hidden_still_answers_escape(tmp_path: Path) -> None:
    """Found by the soak: the filter box hidden while it kept the focus took the keys typed
    next (a ctrl+v pasted into it), and with Escape and the help key refused in it the
    library seemed deaf. Escape clears a filter that has words, shown or not; the focus
    given to a hidden box goes to the list."""
    from tui.ui.dialogs.help import HelpScreen

    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"zzz")
        box = screen.query_one("#library-filter")
        box.remove_class("-shown")  # hidden, still focused, words in it
        await pilot.press("escape")
        assert screen.filter_text == "" and len(titles(screen)) == 5
        assert screen.query_one(LibraryTable).has_focus
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        box.focus()
        await pilot.pause()
        assert screen.query_one(LibraryTable).has_focus


async def test_fanfiction_net_downloads_are_found_by_their_fandom(tmp_path: Path) -> None:
    from tui.library.scan import read_facts

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    library = fixed_library()
    for name in (
        "ffn_fanficfare_txt_pov_headers.txt.gz",
        "ffn_fanficfare_txt_blueberry_pie.txt.gz",
    ):
        with library.lock:
            library.apply(read_facts(str(fixtures / name)))
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        bar = screen.query_one(LibraryBar)
        await pilot.press("slash", *"twilight")
        assert titles(screen) == ["My Paper Heart"]
        assert "1 match “twilight”" in bar.left
        await pilot.press("escape", "slash", *"potter twilight")
        assert titles(screen) == []
        assert "no matches “potter twilight”" in bar.left
        await pilot.press("escape", "ctrl+p", *"twilight")
        finder = pilot.app.screen
        assert isinstance(finder, LibraryFinderScreen)
        for _ in range(50):  # the finder searches in a worker
            await pilot.pause(0.05)
            if finder.hits:
                break
        assert finder.hits[0].label.startswith("My Paper Heart")
        assert finder.hits[0].detail.startswith("Twilight")


async def test_the_footer_fits_80_columns_with_a_filter_kept(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    from tui.ui.widgets.fitting_footer import FittingFooter

    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"harbour", "tab")
        await pilot.pause()
        await pilot.pause()
        footer = screen.query_one(FittingFooter)
        keys = list(footer.query(FooterKey))
        shown = [key.description for key in keys]
        # Whole keys only, the help key last, and the filter's way out kept.
        assert shown[-1] == "Help" and "Clear filter" in shown and "Open" in shown
        text = " ".join(f"{key.key_display} {key.description}" for key in keys)
        assert len(text) <= 80
        assert max(key.region.right for key in keys) <= 80


async def test_a_long_filter_is_cut_short_in_the_title_bar_at_any_width(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 3)
    typed = "work/wt-trial/.venv/bin/chapbook"
    for size in [(80, 24), (60, 20), (40, 12)]:
        async with library_app(library).run_test(size=size) as pilot:
            screen = await settle(pilot)
            await pilot.press("slash", *typed, "enter")
            await pilot.pause()
            bar = screen.query_one(LibraryBar)
            [line] = str(bar.render()).splitlines()
            assert bar.region.height == 1 and len(line) <= bar.content_region.width
            assert line.startswith("Library · 3 books · no matches “work")
            assert "…”" in line and typed not in line


async def test_a_long_filter_that_matches_nothing_is_cut_with_an_ellipsis(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *("zq " * 40))
        table = screen.query_one(LibraryTable)
        width = table.size.width
        rows = [table.render_line(y).text.rstrip() for y in range(table.size.height)]
        [said] = [row for row in rows if "No book matches" in row]
        assert said.endswith("…") and len(said) <= width - 1


async def test_a_key_typed_right_after_tab_in_the_filter_moves_the_list(tmp_path: Path) -> None:
    from reader_support import burst, wait_for

    library = fixed_library()
    populate(library, tmp_path, 30)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        burst(pilot.app, "/", *"skyward", "tab", "j")
        table = screen.query_one(LibraryTable)
        # (the burst is taken in one go; on a busy machine the list may take a moment longer.
        # `s` alone highlights a title that begins with it, on the second row: the list has the
        # focus only once tab is taken)
        await wait_for(pilot, lambda: table.has_focus and table.cursor == 1, timeout=5.0)
        assert screen.filter_text == "skyward" and len(table.rows) > 1
        assert table.has_focus and table.cursor == 1


async def test_narrowing_the_list_keeps_its_order_and_highlights_the_best_match(
    tmp_path: Path,
) -> None:
    """The filter narrows the list and keeps the order chosen (here: last read first): a book
    that also matches, but less well, stays above the best match where the sort puts it. The
    highlight goes to the best match, so Enter opens the book the filter found."""
    from library_screen_support import wait_reader_open
    from library_support import DAY, NOW, add_known, read_to, write_story

    library = fixed_library()
    # War and Peace matches as each letter is typed, never as typed from `sto` on: `sto` in
    # Tolstoy, `stor` in Historical, `storm` by Sturm, a slip away.
    books = {
        "War and Peace": ("Leo Tolstoy", "Historical, Sturm und Drang", NOW - DAY),
        "'til storm breaks loose": ("A. Writer", "Original Work", NOW - 5 * DAY),
        "The Slow Harbour": ("A. Writer", "Original Work", NOW - 9 * DAY),
    }
    for n, (title, (author, fandom, when)) in enumerate(books.items()):
        path = write_story(tmp_path, f"{n}.txt", title)
        record = add_known(library, path, title, author=author, fandom=fandom)
        read_to(library, record, 0.5, when)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert table.current.display_title == "War and Peace"  # last read, at the top
        await pilot.press("slash", *"storm")
        assert titles(screen) == ["War and Peace", "'til storm breaks loose"]  # last read first
        assert table.current.display_title == "'til storm breaks loose"
        await pilot.press("space")  # a letter that keeps the list keeps the cursor
        assert table.current.display_title == "'til storm breaks loose"
        await pilot.press("up")  # on into the list, to the book above
        assert table.has_focus and table.current.display_title == "War and Peace"
        await pilot.press("escape")  # the whole list again: the book stays
        assert len(titles(screen)) == 3 and table.current.display_title == "War and Peace"
        await pilot.press("s", "down", "enter")  # by title: the order the filter keeps
        await pilot.pause()
        await pilot.press("slash", *"storm")
        assert titles(screen) == ["'til storm breaks loose", "War and Peace"]
        assert table.current.display_title == "'til storm breaks loose"
        assert "sorted by title" in screen.query_one(LibraryBar).right
        await pilot.press("enter")  # one Enter opens the best match
        await wait_reader_open(pilot)
        assert pilot.app.screen.session.book.title == "'til storm breaks loose"


async def test_enter_in_the_filter_opens_the_best_match_and_down_browses(tmp_path: Path) -> None:
    from library_screen_support import wait_reader_open
    from library_support import DAY, NOW, add_known, read_to, write_story

    library = fixed_library()
    books = {
        "Dracula": ("Bram Stoker", NOW - DAY),
        "Dracula's Guest": ("Bram Stoker", NOW - 2 * DAY),
        "Emma": ("Jane Austen", NOW - 3 * DAY),
    }
    for n, (title, (author, when)) in enumerate(books.items()):
        record = add_known(library, write_story(tmp_path, f"{n}.txt", title), title, author=author)
        read_to(library, record, 0.5, when)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"dracula", "enter")
        await wait_reader_open(pilot)
        assert pilot.app.screen.session.book.title == "Dracula"
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.screen is screen and screen.filter_text == "dracula"
        await pilot.press("slash", "down")  # into the filtered list, the next match
        table = screen.query_one(LibraryTable)
        assert table.has_focus and table.current.display_title == "Dracula's Guest"
        assert screen.filter_box.shown and len(titles(screen)) == 2
        await pilot.press("enter")
        await wait_reader_open(pilot)
        assert pilot.app.screen.session.book.title == "Dracula's Guest"


def footer_keys(screen) -> list[str]:
    from textual.widgets._footer import FooterKey

    from tui.ui.widgets.fitting_footer import FittingFooter

    return [key.description for key in screen.query_one(FittingFooter).query(FooterKey)]


async def test_the_footer_says_what_enter_tab_and_escape_do_in_the_filter(tmp_path: Path) -> None:
    """With words typed, Enter opens the best match, Tab goes on into the books found, Escape
    clears the words; with the words deleted, Escape only closes the empty box, and once the
    filter is gone neither is offered (a stale `esc Clear filter` stood there)."""
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"harbour")
        await pilot.pause()
        shown = footer_keys(screen)
        assert {"Open", "Browse", "Clear filter"} <= set(shown) and "Close filter" not in shown
        await pilot.press(*["backspace"] * 7)  # the words deleted: the whole list again
        await pilot.pause()
        shown = footer_keys(screen)
        assert "Close filter" in shown and "Clear filter" not in shown and "Open" not in shown
        assert len(titles(screen)) == 12 and screen.filter_box.shown
        await pilot.press("escape")  # as the footer said: the box goes
        await pilot.pause()
        shown = footer_keys(screen)
        assert not screen.filter_box.shown and screen.query_one(LibraryTable).has_focus
        assert "Close filter" not in shown and "Clear filter" not in shown
        await pilot.press("slash", *"harbour", "tab", "escape")  # kept, then cleared
        await pilot.pause()
        assert screen.filter_text == "" and "Clear filter" not in footer_keys(screen)
        await pilot.press("slash", *"zzzq")  # nothing found: nothing for Enter to open
        await pilot.pause()
        shown = footer_keys(screen)
        assert "Open" not in shown and "Clear filter" in shown
        # ... nor a list for Tab to go on into: the words stay where they can be changed
        assert "Browse" not in shown
        await pilot.press("tab", "down")
        await pilot.pause()
        assert screen.filter_box.has_focus and screen.filter_text == "zzzq"


async def test_escape_and_a_key_typed_fast_in_the_filter_are_both_kept(tmp_path: Path) -> None:
    """Escape then j typed fast (in tmux, within its escape-time) come as alt+j: that clears
    the filter and moves down the list, as the two keys would; the box never took the j."""
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        await pilot.press("slash", *"harbour", "alt+j")
        await pilot.pause()
        assert screen.filter_text == "" and not screen.filter_box.shown
        assert table.has_focus and len(titles(screen)) == 12
        best = table.current
        await pilot.press("slash", *"harbour", "escape", "j")  # as two keys: the same
        await pilot.pause()
        assert table.current is best
