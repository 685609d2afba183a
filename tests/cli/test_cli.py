"""The command line: options may come before the subcommand, and each subcommand explains itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

CHAPBOOK = str(Path(sys.executable).with_name("chapbook"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHAPBOOK, *args], capture_output=True, text=True, timeout=60)


def test_config_option_before_the_subcommand(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[keys]\nnext_chapter = 'x'\n", encoding="utf-8")
    result = run("--config", str(config), "config", "check")
    assert result.returncode == 0, result.stderr
    listed = run("--config", str(config), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.lstrip().startswith("[")


def test_subcommand_help_describes_the_command_and_its_arguments() -> None:
    result = run("find", "--help")
    assert result.returncode == 0
    assert "Fuzzy-find scenes" in result.stdout
    assert "ch3 s5" in result.stdout
    outline = run("outline", "--help").stdout
    assert "structure" in outline and "a .txt, .epub or .html book" in outline


def no_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting the interface fails the test: the command must end before the terminal is
    switched."""
    from tui.ui.app import ChapbookApp

    def started(*_args: object, **_kw: object) -> None:
        raise AssertionError("the interface started (the terminal was switched)")

    monkeypatch.setattr(ChapbookApp, "run", started)


@pytest.mark.parametrize("name", ["program", "noise.txt", "tiny.txt"])
def test_a_file_that_is_not_a_book_fails_before_the_interface_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    no_interface(monkeypatch)
    path = tmp_path / name
    noise = {"noise.txt": bytes(range(256)) * 16, "tiny.txt": b"\x00\x01\x02binary"}
    path.write_bytes(noise.get(name, b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4))
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"chapbook: {path}: ")
    assert ("this is a program" if name == "program" else "looks like a binary file") in err


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"just some text, not a zip at all\n", "not a readable EPUB (damaged zip"),
        (b"PK\x05\x06" + bytes(18), "not an EPUB"),  # an empty zip: no package inside
    ],
)
def test_a_damaged_epub_fails_before_the_interface_starts_with_its_folder_named(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    why: str,
) -> None:
    no_interface(monkeypatch)
    (tmp_path / "weird").mkdir()
    (tmp_path / "weird" / "fake.epub").write_bytes(content)
    monkeypatch.chdir(tmp_path)
    assert main(["weird/fake.epub"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("chapbook: weird/fake.epub: ")
    assert why in err and "Traceback" not in err


def test_the_interface_is_refused_when_the_output_is_not_a_terminal(tmp_path: Path) -> None:
    book = tmp_path / "story.txt"
    book.write_text("Chapter 1\n\nIt was a dark night.\n" * 20, encoding="utf-8")
    for args in ([str(tmp_path)], [str(book)], []):
        result = run(*args)  # stdout is a pipe here
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("chapbook: ")
        assert "not a terminal" in result.stderr and "chapbook outline" in result.stderr


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "empty.html"])
def test_a_file_with_no_text_is_refused_and_not_added_as_the_library_skips_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from tui.library.library import Library

    no_interface(monkeypatch)
    path = tmp_path / name
    path.write_text("\n  \n\t\n" if name == "blank.txt" else "", encoding="utf-8")
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"chapbook: {path}: empty: no text in it\n"
    main(["add", str(path)])  # the same rule: not a book
    assert "skipped 1 file that is not a book" in capsys.readouterr().err
    assert Library.open(sample=False).find_by_path(path) is None


def test_leaving_part_way_through_an_adding_says_the_rest_comes_later() -> None:
    from tui.cli.open import unfinished_text

    said = unfinished_text([str(Path.home() / "fics")])
    assert said == (
        "adding ~/fics stopped part-way; the books not added yet are added when chapbook next "
        "starts (or at r, rescan, in the library)"
    )


def test_a_file_name_one_letter_short_is_met_with_the_near_name_and_no_interface(
    tmp_path: Path,
) -> None:
    """`chapbook pg_dracula.tx` offers `pg_dracula.txt`, as the library's add prompt does,
    without importing Textual (the command stays quick and works headless)."""
    (tmp_path / "pg_dracula.txt").write_text("Dracula\n\nChapter I\n\nText.\n", encoding="utf-8")
    typed = tmp_path / "pg_dracula.tx"
    script = (
        "import sys\nfrom tui.cli import main\ncode = main(sys.argv[1:])\n"
        "print(code, 'textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(typed)], capture_output=True, text=True, timeout=60
    )
    assert result.stderr == (
        f"chapbook: no such file or folder: {typed}; did you mean {tmp_path / 'pg_dracula.txt'}?\n"
    )
    assert result.stdout == "2 False\n"


def test_a_name_with_nothing_near_says_only_that_it_is_not_there(tmp_path: Path) -> None:
    result = run(str(tmp_path / "zzzz.epub"))
    assert result.returncode == 2
    assert result.stderr == f"chapbook: no such file or folder: {tmp_path / 'zzzz.epub'}\n"


def test_a_name_only_sharing_its_extension_with_one_there_gets_no_guess(tmp_path: Path) -> None:
    """`chapbook nope.txt` beside `hugeline.txt`: the two are not spelt alike, so no "did you
    mean"; beside `hope.txt` too, that one is a slip away and is offered."""
    (tmp_path / "hugeline.txt").write_text("A line.\n", encoding="utf-8")
    result = subprocess.run(
        [CHAPBOOK, "nope.txt"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr == "chapbook: no such file or folder: nope.txt\n"
    (tmp_path / "hope.txt").write_text("A line.\n", encoding="utf-8")
    result = subprocess.run(
        [CHAPBOOK, "nope.txt"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.stderr == "chapbook: no such file or folder: nope.txt; did you mean hope.txt?\n"


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("check_truth.py", "#!/usr/bin/env python3\nprint('all true')\n", "source code (.py)"),
        ("truth.json", '{\n  "claims": [1, 2, 3]\n}\n', "data (.json)"),
        ("run-me", "#!/bin/sh\necho hello\n", "a script (its first line is #!)"),
    ],
)
def test_source_code_and_data_are_refused_and_not_added_as_a_folder_scan_skips_them(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: str,
    why: str,
) -> None:
    """Named directly, a script or a JSON file is not opened as a book titled `#!/usr/bin/env
    python3` or `{`: one line naming it and why, and nothing is added."""
    from tui.library.library import Library

    no_interface(monkeypatch)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    said = f"chapbook: {path}: this is {why}, not a book\n"
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == said
    assert main(["add", str(path)]) == 1
    assert capsys.readouterr().err == said
    assert Library.open(sample=False).find_by_path(path) is None
    # The file is named before the output is found not to be a terminal.
    piped = run(str(path))
    assert piped.returncode == 2 and piped.stderr == said


def test_what_starting_makes_is_set_aside_from_the_garbage_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The modules, settings and library a start makes live as long as chapbook: the cyclic
    garbage collector is off while they are made (its passes over them cost a cold start
    about 45 ms), they are frozen out of its sight, and it is on again for the interface."""
    import gc

    import tui.cli.open as cli_open
    import tui.settings.settings as settings_module
    from tui.ui.app import ChapbookApp

    seen: dict[str, object] = {}
    load_settings = settings_module.load_settings

    def loading(*args: object) -> object:
        seen["on while starting"] = gc.isenabled()
        return load_settings(*args)  # type: ignore[arg-type]

    def started(_app: object) -> None:
        seen["on while running"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()

    monkeypatch.setattr(settings_module, "load_settings", loading)
    monkeypatch.setattr(cli_open, "_output_is_a_terminal", lambda: True)
    monkeypatch.setattr(ChapbookApp, "run", started)
    try:
        assert main([]) == 0
    finally:
        gc.unfreeze()
    assert seen["on while starting"] is False
    assert seen["on while running"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 10_000
    assert gc.isenabled()


def test_the_garbage_collector_is_on_again_after_a_start_cut_short(tmp_path: Path) -> None:
    import gc

    assert main([str(tmp_path / "missing.txt")]) == 2
    assert gc.isenabled()


def test_starting_the_reader_imports_no_fuzzy_matching(tmp_path: Path) -> None:
    """What runs before the interface of `chapbook BOOK` (the settings read and checked, the
    library opened, the book's opener made) leaves rapidfuzz unimported: its 43 modules cost a
    cold start 9 ms, and only filtering the library's list or the finder use it."""
    book = tmp_path / "story.txt"
    book.write_text("Chapter 1\n\nIt was a dark night.\n" * 20, encoding="utf-8")
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from tui.library.library import Library\n"
        "from tui.settings.settings import load_settings\n"
        "from tui.reading.opener import BookOpener\n"
        "load_settings(None)\nlibrary = Library.open()\n"
        "BookOpener(Path(sys.argv[1]), library)\n"
        "print('rapidfuzz' in sys.modules)\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        **{f"XDG_{kind}_HOME": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "STATE")},
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(book)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"


def test_a_short_text_with_a_stray_control_character_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"Hello\x07 world, a story of a bell.\n")
    assert main(["outline", str(path)]) == 0


@pytest.mark.parametrize("command", [["outline"], ["find"], ["bookmarks"]])
def test_the_commands_on_a_book_offer_the_near_name_as_chapbook_file_does(
    tmp_path: Path, capsys, command: list[str]
) -> None:
    """They said only `pg_dracula.tx: no such file`."""
    (tmp_path / "pg_dracula.txt").write_text("Dracula\n\nChapter I\n\nText.\n", encoding="utf-8")
    typed = tmp_path / "pg_dracula.tx"
    words = ["dracula"] if command == ["find"] else []
    assert main([*command, str(typed), *words]) == 2
    assert capsys.readouterr().err == (
        f"chapbook: no such file or folder: {typed}; did you mean {tmp_path / 'pg_dracula.txt'}?\n"
    )


@pytest.mark.parametrize("command", [[], ["outline"], ["add"]])
def test_a_file_named_like_an_option_is_met_with_the_way_to_write_it(
    tmp_path: Path, command: list[str]
) -> None:
    """argparse said only `unrecognized arguments: -notes.txt`, or for `outline`, that the
    file was missing."""
    (tmp_path / "-notes.txt").write_text("Chapter 1\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [CHAPBOOK, *command, "-notes.txt"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.endswith(
        "chapbook: -notes.txt is read as an option: for the file, write ./-notes.txt, or put -- "
        "before it\n"
    )
    written = subprocess.run(
        [CHAPBOOK, "outline", "--", "-notes.txt"], capture_output=True, text=True, cwd=tmp_path
    )
    assert written.returncode == 0 and written.stdout.startswith("-notes\n")
