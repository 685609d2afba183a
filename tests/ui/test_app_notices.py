"""Settings problems are shown at start without burying the screen under notices."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, notices, reader_app, wait_open
from textual.content import Content

from tui.cli import main
from tui.library.library import Library
from tui.paths import default_config_path, fitted_path_text, settings_path, shown_path
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.registry import ChapbookScreens


async def _notices_for(tmp_path: Path, lines: list[str], config: Path | None = None) -> list[str]:
    """The notices shown at start, as their toasts draw them (markup read as Textual's `Toast`
    reads it, so a `[keys]` taken for markup would be missing). The settings are read from
    ``config`` as `--config FILE` would, or from `tmp_path/settings.toml` so."""
    given = config is not None
    config = config if config is not None else tmp_path / "settings.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings, problems = load_settings(None if given and config == settings_path() else config)
    app = ChapbookApp(settings, Library.open(), ChapbookScreens(), problems=problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        return [
            (Content.from_markup(n.message) if n.markup else Content(n.message)).plain
            for n in app._notifications
        ]


async def test_two_problems_share_one_short_notice(tmp_path: Path) -> None:
    notices = await _notices_for(tmp_path, ["widht = 3", "[reader]", "width = 5000"])
    assert len(notices) == 1
    said = notices[0].replace("\n", " ")
    assert "widht" in said and "Did you mean" in said
    # The file's path, too long for a line of the notice, is shortened rather than split.
    assert said.endswith(
        "1 more problem: `chapbook config check --config "
        f"{fitted_path_text(tmp_path / 'settings.toml', 46)}` lists every one."
    )
    assert any(line.startswith("--config /") for line in notices[0].splitlines())  # fmt: skip


async def test_a_problem_at_start_names_the_file_but_not_its_folders(tmp_path: Path) -> None:
    """A notice is narrow: the whole path, which has no space to wrap at, was cut mid-word
    (`settings.to` / `ml:1:`). The file's name and line say where; `config check` says more."""
    lines = ["[keys]", 'go_wild = "x"']
    shown = await _notices_for(tmp_path, lines, settings_path())
    listed = shown_path(default_config_path())
    assert shown == [
        "settings.toml:2: keys.go_wild: unknown action. "
        f"Every action id is listed under [keys] in {listed}. It is ignored."
    ]
    assert str(tmp_path) not in shown[0]


async def test_the_notice_wraps_at_words_and_stays_a_few_lines_at_80x24(tmp_path: Path) -> None:
    config = settings_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('theme = "gruvbx"\n[reader]\nwidth = 5000\n', encoding="utf-8")
    settings, problems = load_settings(None)
    app = ChapbookApp(settings, Library.open(), ChapbookScreens(), problems=problems)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause(0.2)
        [toast] = app.screen.query("Toast")
        assert toast.region.height <= 10
        shown = " ".join(
            line.text.strip() for line in toast.render_lines(toast.region.reset_offset)
        )
        assert "settings.toml:1:" in shown and '"gruvbox"' in shown


EIGHT_PROBLEMS = ["[keys]"] + [f'unknown_action_{i} = "x"' for i in range(8)]


async def test_many_problems_are_summed_up_with_a_pointer_to_config_check(tmp_path: Path) -> None:
    notices = await _notices_for(tmp_path, EIGHT_PROBLEMS, settings_path())
    assert len(notices) == 1
    assert notices[0].startswith("settings.toml:2: keys.unknown_action_0: unknown action.")
    assert notices[0].endswith("\n7 more problems: `chapbook config check` lists every one.")


async def test_the_pointer_to_config_check_names_the_file_given_with_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started with `--config ct/3.toml`, the command to see every problem checks that file:
    `chapbook config check --config ct/3.toml` (which the command line accepts)."""
    monkeypatch.chdir(tmp_path)
    notices = await _notices_for(tmp_path, EIGHT_PROBLEMS, Path("ct/3.toml"))
    assert notices[-1].endswith("`chapbook config check --config ct/3.toml` lists every one.")
    assert main(["config", "check", "--config", "ct/3.toml"]) == 1  # 8 problems, as said


async def test_ctrl_c_names_the_key_that_really_quits(tmp_path: Path) -> None:
    from library_screen_support import library_app, settle
    from library_support import fixed_library, populate
    from reader_support import notices, wait_for

    from tui.ui.screens.reader import ReaderScreen

    library = fixed_library()
    populate(library, tmp_path, 2)
    app = library_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notices(app)[-1] == "Press q to quit chapbook"
        await pilot.press("enter")  # the book, opened from the library: q goes back to it
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notices(app)[-1] == "Press q to go back, then q again to quit chapbook"
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)


async def test_a_key_held_down_shows_its_notice_once_and_notices_never_pile_up(
    tmp_path: Path,
) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press(*["ctrl+o"] * 12)  # nowhere to go back to, twelve times
        await pilot.pause()
        assert notices(app).count("No earlier place to go back to") == 1
        for n in range(10):
            screen.notify(f"notice {n}")
        await pilot.pause()
        assert len(notices(app)) <= app.MAX_NOTICES
        assert "notice 9" in notices(app)


async def test_ctrl_c_counts_the_quit_keys_from_a_book_opened_from_a_library_over_a_book(
    tmp_path: Path,
) -> None:
    # A book, its library (`L`), a book opened from there: q back to the library, q quits.
    from reader_support import lantern_book, notices, reader_app, wait_for, wait_open

    from tui.ui.screens.reader import ReaderScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notices(app)[-1] == "Press q to go back, then q again to quit chapbook"


async def test_a_books_facts_do_not_follow_the_reader_to_the_settings(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("equals_sign")
        await pilot.pause()
        assert any("lantern" in n for n in notices(app))
        await pilot.press("comma")  # the settings, in the reader's place
        await pilot.pause()
        assert type(app.screen).__name__ == "SettingsScreen"
        assert notices(app) == []


@pytest.mark.parametrize("in_a_book", [True, False])
async def test_a_settings_problem_goes_with_a_key_once_it_has_been_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_a_book: bool
) -> None:
    # In the reader (over the page) and in the library (over its detail lines).
    import tui.ui.notice_board as board_module

    config = tmp_path / "settings.toml"
    config.write_text("widht = 3\n", encoding="utf-8")
    settings, problems = load_settings(config)
    book = lantern_book(tmp_path) if in_a_book else None
    app = ChapbookApp(
        settings, Library.open(), ChapbookScreens(), open_path=book, problems=problems
    )
    async with app.run_test(size=(80, 24)) as pilot:
        if in_a_book:
            await wait_open(pilot)
        await pilot.press("j")  # at once: the notice has not been read yet, it stays
        await pilot.pause()
        assert any("widht" in n for n in notices(app))
        monkeypatch.setattr(board_module, "STARTUP_NOTICES_READ", 0.0)
        await pilot.press("j")
        await pilot.pause()
        assert not any("widht" in n for n in notices(app))


async def test_a_settings_problem_goes_after_a_few_keys_of_reading_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It stood over the right half of the page through `G`, `50%`, a search and four `j`.
    import tui.ui.notice_board as board_module

    config = tmp_path / "settings.toml"
    config.write_text("[reader\nwidth = 60\n", encoding="utf-8")
    settings, problems = load_settings(config)
    app = ChapbookApp(
        settings,
        Library.open(),
        ChapbookScreens(),
        open_path=lantern_book(tmp_path),
        problems=problems,
    )
    monkeypatch.setattr(board_module, "STARTUP_GLANCE", 0.0)  # (however fast the machine is)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        # Left alone, it goes after a reading time, not a quarter of a minute.
        [until] = [t for key, t in app.notice_board._shown.items() if "[reader" in key[0]]
        assert until - app.notice_board._started_at <= 10.5
        await pilot.press("G", "5", "0")
        await pilot.pause()
        assert any("[reader" in n for n in notices(app))  # three keys: it may not be read yet
        await pilot.press("percent_sign", "j")
        await pilot.pause()
        assert not any("[reader" in n for n in notices(app))


async def test_a_notice_naming_the_settings_file_never_splits_its_path(tmp_path: Path) -> None:
    """A notice naming the settings file, whose path is longer than a notice's line at 80
    columns (saving the sort once said so of misspelt entries), split it inside the path
    (`…/settings.tom` / `l: 2 entries`): the path is shortened instead."""
    from library_screen_support import library_app, settle

    config = settings_path()
    async with library_app(Library.open()).run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        pilot.app.clear_notifications()
        pilot.app.notify(f"{config}: 2 entries chapbook cannot use, kept as comments")
        await pilot.pause(0.2)
        [toast] = [t for t in pilot.app.screen.query("Toast") if "cannot use" in str(t.render())]
        drawn = toast.render_lines(toast.region.reset_offset)
        lines = [line.text.strip().lstrip("▌").strip() for line in drawn]
        [path_line] = [line for line in lines if "settings.tom" in line]
        # the whole path on one line, shortened: it starts where the path starts
        assert path_line.startswith((f"/{config.parts[1]}/", "~/")), lines
        assert "chapbook/settings.toml:" in path_line
        assert not any(line.startswith("l:") for line in lines)


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        (("m", "1", "m", "enter"), "Marks are letters"),  # from the reader
    ],
)
async def test_a_dialog_takes_away_the_notices_of_the_screen_left(
    tmp_path: Path, keys: tuple[str, ...], said: str
) -> None:
    """They would cover the dialog, as the bookmark label dialog's right half was hidden."""
    from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press(*keys[:2])
        await pilot.pause()
        assert any(n.startswith(said) for n in notices(app))
        await pilot.press(*keys[2:])
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        assert not any(n.startswith(said) for n in notices(app))


async def test_a_config_toml_beside_settings_toml_is_told_at_start() -> None:
    """A config.toml beside settings.toml (which a save on the settings screen wrote) was
    silently left unread: the start-up notice names it and where its settings belong."""
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text("[reader]\nwidth = 70\n", encoding="utf-8")
    (folder / "config.toml").write_text('theme = "nord"\n', encoding="utf-8")
    settings, problems = load_settings(None)
    app = ChapbookApp(settings, Library.open(), ChapbookScreens(), problems=problems)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [shown] = [n.message for n in app._notifications]
    assert shown.startswith("config.toml: warning: chapbook does not read this file")
    assert "move them into settings.toml" in shown
    assert settings.reader.width == 70


async def test_a_settings_file_under_another_name_is_told_at_start() -> None:
    """A settings file named config.toml, a natural guess, was left unread without a word:
    the start-up notice names it and says to rename it settings.toml."""
    guessed = settings_path().with_name("config.toml")
    guessed.parent.mkdir(parents=True)
    guessed.write_text('theme = "nord"\n', encoding="utf-8")
    settings, problems = load_settings(None)
    app = ChapbookApp(settings, Library.open(), ChapbookScreens(), problems=problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        [shown] = [n.message for n in app._notifications]
    assert shown.startswith("config.toml: chapbook does not read this file")
    assert "rename it settings.toml" in shown


async def test_the_librarys_notices_do_not_follow_escape_back_to_the_book(tmp_path: Path) -> None:
    # `z is not a library key` stood over the page for its time, back in the book.
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert any("not a library key" in n for n in notices(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert not any("not a library key" in n for n in notices(app))
