"""Habits a vim or less user brings to the reader.

Less's other keys (`<` `>` `p` `e` `J` `K` `Q`), vim's `H` `M` `L` in the vim preset, a line
number that puts that line at the top, the lines a page turn keeps in view (`page_overlap`),
and vim's `zt` and less's `-N` typed where the keymap leaves `z` or `-` unbound.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reader_support import lantern_book, notices, reader_app, shown_rows, wait_open

from tui.paths import settings_path
from tui.settings.settings import load_settings
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path)


def app_with(book: Path, settings_toml: str):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_toml, encoding="utf-8")
    settings, problems = load_settings(None)
    assert problems == []
    return reader_app(book, settings=settings)


def status(screen) -> str:
    return str(screen.status.render())


async def test_less_keys_move_as_they_do_in_less(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("e")
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("J")
        assert shown_rows(screen)[0] == start[2]
        await pilot.press("K")
        assert shown_rows(screen)[0] == start[1]
        assert "not a reader key" not in status(screen)
        await pilot.press("greater_than_sign")
        assert screen.view.pager.at_end
        await pilot.press("less_than_sign")
        assert screen.view.top_offset() == 0
        await pilot.press("5", "0", "percent_sign")
        await pilot.pause()
        halfway = screen.view.top_offset()
        assert halfway > 0
        await pilot.press("less_than_sign", "5", "0", "p")
        await pilot.pause()
        assert screen.view.top_offset() == halfway
        assert "not a reader key" not in status(screen)
        await pilot.press("Q")
        await pilot.pause()
        assert app.return_code == 0  # left, as q leaves


async def test_the_vim_preset_pages_with_H_and_L_and_M_takes_no_keys_after_it(
    book_path: Path,
) -> None:
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        first = shown_rows(screen)
        await pilot.press("L")
        await pilot.pause()
        assert app.screen is screen  # not the library
        second = shown_rows(screen)
        assert second != first
        await pilot.press("H")
        assert shown_rows(screen) == first
        await pilot.press("M")
        await pilot.pause()
        assert app.screen is screen  # no bookmark dialog to swallow what is typed next
        assert "no cursor" in status(screen)
        await pilot.press("5", "j")
        await pilot.pause()
        assert not isinstance(app.screen, BookmarkLabelScreen)
        assert shown_rows(screen)[0] == first[5]
        assert app.library.bookmarks(screen.book_id) == []
        await pilot.press("m", "enter")  # a labelled bookmark, as m Enter always made one
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        await pilot.press("escape", "minus")  # the library, as vim-vinegar's `-` goes up
        await pilot.pause()
        assert app.screen is not screen and app.screens.is_library(app.screen)


async def test_M_unbound_says_why_it_does_nothing(book_path: Path) -> None:
    app = app_with(book_path, '[keys]\nbookmark = ""\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M")
        await pilot.pause()
        assert "no cursor" in status(screen)
        assert notices(app) == []


@pytest.mark.parametrize(
    "keys", [("N", "G"), ("N", "g"), ("colon", "N", "enter")], ids=["NG", "Ng", ":N"]
)
async def test_a_line_inside_a_paragraph_is_the_top_row(keys: tuple[str, ...]) -> None:
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        book = screen.book
        para = next(p for p in range(1000, len(book)) if book.raw(p).count("\n") >= 5)
        line = book.lines[para] + 4
        offset = book.starts[para]
        for _ in range(4):
            offset = book.text.index("\n", offset) + 1
        start = screen.view.top_offset()
        typed = [c for k in keys for c in (list(str(line)) if k == "N" else [k])]
        await pilot.press(*typed)
        await pilot.pause()
        pager = screen.view.pager
        assert pager.top == pager.pos_of_offset(offset)  # the row holding line N's start
        assert pager.top.row > 0  # not the start of its paragraph
        first_word = book.text[offset : offset + 40].split()[0]
        assert first_word in shown_rows(screen)[0]
        await pilot.press("ctrl+o")  # a jump, as before
        assert screen.view.top_offset() == start


async def test_page_overlap_keeps_lines_of_the_page_left_in_view() -> None:
    app = app_with(REAL / "pg_dracula.txt.gz", "[reader]\npage_overlap = 2\n")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("4", "0", "percent_sign")
        await pilot.pause()
        pager = screen.view.pager
        for forward, back in (("ctrl+f", "ctrl+b"), ("space", "b"), ("pagedown", "pageup")):
            before = shown_rows(screen)
            top, shown = pager.top, pager.shown_rows()
            await pilot.press(forward)
            assert pager.top == pager.advance(top, shown - 2)
            if shown == pager.height:
                assert shown_rows(screen)[:2] == before[-2:]
                await pilot.press(back)
                assert shown_rows(screen) == before
                await pilot.press(forward)


async def test_no_overlap_by_default_a_page_is_a_screen(book_path: Path) -> None:
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert app.settings.reader.page_overlap == 0
        pager = screen.view.pager
        top, shown = pager.top, pager.shown_rows()
        await pilot.press("ctrl+f")
        assert pager.top == pager.advance(top, shown)


async def test_less_s_z_and_w_move_a_window_and_a_count_sets_it(book_path: Path) -> None:
    """less's `z` and `w` page as Space and `b` do; `10z` moves ten lines and makes the window
    ten lines, for `z`, `w`, Space and `b` from then on, as in less. `ctrl+n` is a line down,
    as in less and vim."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("space")
        paged = shown_rows(screen)
        await pilot.press("b")
        await pilot.press("z")
        assert shown_rows(screen) == paged
        await pilot.press("w")
        assert shown_rows(screen) == start
        await pilot.press("ctrl+n")
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("ctrl+y")
        await pilot.press("1", "0", "z")
        window = shown_rows(screen)
        assert window[0] == start[10]
        await pilot.press("space")  # the window, not a screen
        assert shown_rows(screen)[0] == window[10]
        await pilot.press("w", "b")
        assert shown_rows(screen) == start
        assert "not a reader key" not in status(screen)


async def test_the_less_preset_keeps_z_and_w_and_the_vim_preset_leaves_them_out(
    book_path: Path,
) -> None:
    app = app_with(book_path, 'keymap = "less"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("5", "z", "ctrl+n", "space")
        assert shown_rows(screen)[0] == start[11]
    # In vim, z begins its commands (zz, zt) and w moves a word: a zz typed from habit moves
    # nothing; ctrl+n is a line down, as in vim.
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("z", "z")
        await pilot.pause()
        assert shown_rows(screen) == start
        assert "zz: no cursor here to scroll to the screen's middle" in status(screen)
        await pilot.press("ctrl+n")
        assert shown_rows(screen)[0] == start[1]


@pytest.mark.parametrize("second", ["t", "b", "z", "enter", "minus", "full_stop"])
async def test_vims_z_commands_take_their_second_key_in_the_vim_preset(
    book_path: Path, second: str
) -> None:
    # `zt` opened the contents (its `t`) and `zb` turned a page back (its `b`).
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("ctrl+f")
        start = shown_rows(screen)
        await pilot.press("z", second)
        await pilot.pause()
        assert app.screen is screen and shown_rows(screen) == start
        assert "no cursor here to scroll to the screen's" in status(screen)
        await pilot.press("j")  # the next key is the reader's again
        assert shown_rows(screen)[0] == start[1]


async def test_escape_after_z_gives_the_z_command_up(book_path: Path) -> None:
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("z", "escape", "j")
        assert shown_rows(screen)[0] == start[1]


@pytest.mark.parametrize("preset", ["less", "default"])
@pytest.mark.parametrize("option", ["N", "S", "n", "i"])
@pytest.mark.parametrize("first", ["minus", "underscore"])
async def test_less_options_typed_from_habit_move_nothing(
    tmp_path: Path, preset: str, option: str, first: str
) -> None:
    # less's `-N` (line numbers) ran `N`, a search backward, and `-S` skipped notes; so did
    # `_N` (what the option is set to).
    app = app_with(lantern_book(tmp_path), f'keymap = "{preset}"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"lantern", "enter")
        await pilot.pause()
        await pilot.press("ctrl+f", "ctrl+f")
        start = shown_rows(screen)
        await pilot.press(first, option)
        await pilot.pause()
        assert app.screen is screen and shown_rows(screen) == start
        typed = "-" if first == "minus" else "_"
        assert f"{typed}{option}: chapbook's options are its settings (,)" in status(screen)
        assert notices(app) == []


async def test_less_r_and_R_repaint_and_R_reads_a_changed_file_again(book_path: Path) -> None:
    """less's r repaints the screen (as ctrl+l), and R too, reading the file again when it
    changed, in the less preset; neither was a key there."""
    app = app_with(book_path, 'keymap = "less"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        drawn: list[int] = []
        draw = screen.view.render_line

        def render_line(y: int):
            drawn.append(y)
            return draw(y)

        screen.view.render_line = render_line
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert set(drawn) == set(range(screen.view.size.height))
        assert "not a reader key" not in status(screen)
        book_path.write_text(book_path.read_text(encoding="utf-8") + "\nA new last line.\n")
        written = book_path.stat().st_mtime - 60  # (written a while ago: whole, not being written)
        os.utime(book_path, (written, written))
        await pilot.press("R")
        await pilot.pause()
        assert pilot.app.screen is not screen  # the book opened again from its file
        again = await wait_open(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert "A new last line." in shown_rows(again)


async def test_vims_g_waits_for_the_key_after_it_in_the_vim_preset(book_path: Path) -> None:
    # `gj` went to the top of the book at its `g`, then a line down.
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("ctrl+f", "ctrl+f")
        start = shown_rows(screen)
        await pilot.press("g")
        await pilot.pause()
        assert shown_rows(screen) == start
        assert "g… (vim's g commands)" in status(screen)
        await pilot.press("j")
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("g", "k")
        assert shown_rows(screen) == start
        await pilot.press("3", "g", "j")
        assert shown_rows(screen)[0] == start[3]
        await pilot.press("g", "e")
        await pilot.pause()
        assert shown_rows(screen)[0] == start[3]
        assert "ge: not a reader key" in status(screen)
        await pilot.press("g", "escape", "j")  # Escape gives the g up
        assert shown_rows(screen)[0] == start[4]
        await pilot.press("g", "g")
        assert screen.view.top_offset() == 0


async def test_vims_gg_after_a_line_number_still_goes_to_the_top(book_path: Path) -> None:
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("5", "g", "g")
        await pilot.pause()
        at_line = screen.view.top_offset()
        assert at_line > 0
        await pilot.press("g", "g")
        await pilot.pause()
        assert screen.view.top_offset() == 0


async def test_vims_underscore_takes_no_key_after_it_in_the_vim_preset(book_path: Path) -> None:
    # (vim's `_` is a motion of its own: the `j` after it moves)
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("underscore", "j")
        assert shown_rows(screen)[0] == start[1]


async def test_the_help_of_the_vim_preset_shows_gg_for_the_top(book_path: Path) -> None:
    from tui.ui.dialogs.help import HelpRows, HelpScreen

    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((desc, keys) for keys, desc in app.screen.query_one(HelpRows).rows)
        assert rows["Beginning of the book"].split()[0] == "gg"


@pytest.mark.parametrize("preset", ["less", "default"])
async def test_less_ampersand_pattern_searches_for_it(tmp_path: Path, preset: str) -> None:
    # `&pip` Enter: & was no key, p asked for a percentage and `ip` went into it.
    app = app_with(lantern_book(tmp_path), f'keymap = "{preset}"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("ampersand", *"lantern", "enter")
        await pilot.pause()
        assert screen.session.search.text == "lantern"
        assert "not a reader key" not in status(screen)


@pytest.mark.parametrize("preset", ["less", "default", "vim"])
async def test_less_F_says_the_reader_follows_the_file_on_its_own(
    book_path: Path, preset: str
) -> None:
    app = app_with(book_path, f'keymap = "{preset}"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("F")
        await pilot.pause()
        assert "F: chapbook reads in what the file gains on its own" in status(screen)


@pytest.mark.parametrize(("preset", "first"), [("vim", "g"), ("vim", "z"), ("less", "minus")])
async def test_escape_after_a_waiting_key_gives_only_it_up(
    book_path: Path, preset: str, first: str
) -> None:
    # `g` then Escape also took the search's highlights away, as Escape alone does.
    app = app_with(book_path, f'keymap = "{preset}"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"lantern", "enter")
        await pilot.pause()
        assert screen.session.search.shown
        start = shown_rows(screen)
        await pilot.press(first, "escape")
        await pilot.pause()
        assert screen.session.search.shown and shown_rows(screen) == start
        assert "commands)" not in status(screen) and "options)" not in status(screen)
        await pilot.press("escape")  # (Escape alone takes them away, as ever)
        await pilot.pause()
        assert not screen.session.search.shown


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("h", "h: no cursor here to move left (K: keys)"),
        ("l", "l: no cursor here to move right"),
        ("w", "w: no cursor here to move a word on"),
        ("dollar_sign", "$: no cursor here to move to the line's end"),
    ],
)
async def test_vims_cursor_moves_unbound_in_the_vim_preset_say_why(
    book_path: Path, key: str, said: str
) -> None:
    # They said only `h: not a reader key`.
    app = app_with(book_path, 'keymap = "vim"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press(key)
        await pilot.pause()
        assert said in status(screen) and shown_rows(screen) == start


@pytest.mark.parametrize("preset", ["less", "default"])
async def test_less_long_options_are_taken_up_to_enter(tmp_path: Path, preset: str) -> None:
    # `--quit-at-eof`: after `--` the `q` left the book, and the letters before it ran keys.
    app = app_with(lantern_book(tmp_path), f'keymap = "{preset}"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("ctrl+f")
        start = shown_rows(screen)
        await pilot.press("minus", "minus", *"line-nx", "backspace", "u")
        await pilot.pause()
        assert "--line-nu… (less's long option, then Enter)" in status(screen)
        await pilot.press(*"mbers", "enter")
        await pilot.pause()
        assert "--line-numbers: chapbook's options are its settings (,)" in status(screen)
        await pilot.press("minus", "minus", *"quit-at-eof", "escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running and shown_rows(screen) == start
        await pilot.press("j")  # (the reader's keys again)
        assert shown_rows(screen)[0] == start[1]
