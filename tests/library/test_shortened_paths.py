"""Paths in notices, shortened, and paths typed at the add prompt.

In notices the home folder is `~`, middle folders are left out for `…`, and the file name is
whole; at the add prompt, completion, and what is wrong with a path.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.library.typed_paths import complete, missing_said, problem
from tui.paths import fitted_path, fitted_words


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_a_path_that_fits_is_only_written_from_home(home: Path) -> None:
    assert fitted_path(home / "fics" / "story.txt", 40) == "~/fics/story.txt"
    assert fitted_path("/srv/books/story.txt", 40) == "/srv/books/story.txt"


def test_middle_folders_go_first_and_the_file_name_stays_whole(home: Path) -> None:
    path = home / "fics" / "serials" / "worm" / "arc-01" / "gestation-1.01.txt"
    assert fitted_path(path, 36) == "~/…/worm/arc-01/gestation-1.01.txt"
    assert fitted_path(path, 30) == "~/…/arc-01/gestation-1.01.txt"
    assert fitted_path(path, 22) == "~/…/gestation-1.01.txt"
    assert fitted_path(path, 20) == "…/gestation-1.01.txt"
    assert fitted_path("/srv/library/a/b/c/story.txt", 20) == "/srv/…/b/c/story.txt"


def test_a_name_too_long_for_the_line_alone_is_cut_in_its_middle(home: Path) -> None:
    shown = fitted_path(home / "a_very_long_file_name_for_one_story.txt", 20)
    assert shown == "a_very_lon…story.txt"
    assert len(shown) <= 20


def test_no_word_of_a_notice_is_left_longer_than_its_line(home: Path) -> None:
    text = f"No books found in {home}/fanfiction/archive/2023/crossovers/drafts; nothing added"
    fitted = fitted_words(text, 30)
    assert fitted.split("\n") == [
        "No books found in",
        "~/…/2023/crossovers/drafts;",
        "nothing added",
    ]
    assert all(len(word) <= 30 for word in fitted.split())


def test_tab_completes_one_name_whole_and_several_to_their_common_start(tmp_path: Path) -> None:
    (tmp_path / "worm").mkdir()
    (tmp_path / "ward").mkdir()
    (tmp_path / "story.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    assert complete(f"{tmp_path}/st").text == f"{tmp_path}/story.txt"
    assert complete(f"{tmp_path}/wo").text == f"{tmp_path}/worm/"
    several = complete(f"{tmp_path}/w")
    assert (several.text, several.choices) == (f"{tmp_path}/w", ["ward/", "worm/"])
    assert complete(f"{tmp_path}/").choices == ["story.txt", "ward/", "worm/"]
    assert complete(f"{tmp_path}/.h").text == f"{tmp_path}/.hidden/"


def test_tab_completes_under_the_home_folder_keeping_the_tilde(home: Path) -> None:
    (home / "fics").mkdir()
    assert complete("~").text == "~/"
    assert complete("~/fi").text == "~/fics/"


def test_a_path_not_there_is_named_with_a_near_name_to_try(home: Path) -> None:
    (home / "fics" / "worm").mkdir(parents=True)
    missing = "No such file or folder:"
    assert problem("~/fics/wrom") == f"{missing} ~/fics/wrom; did you mean ~/fics/worm?"
    assert problem("~/fisc/worm") == f"{missing} ~/fisc/worm; did you mean ~/fics/worm?"
    assert problem("~/zzzz") == "No such file or folder: ~/zzzz"
    (home / "fics" / "hugeline.txt").write_text("A line.\n", encoding="utf-8")
    assert problem("~/fics/nope.txt") == f"{missing} ~/fics/nope.txt"  # (only `.txt` alike)
    assert problem("~/fics") == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_named_pipe_typed_at_the_prompt_is_refused_as_the_reader_refuses_it(home: Path) -> None:
    os.mkfifo(home / "pipe.txt")
    assert problem("~/pipe.txt") == "~/pipe.txt is a named pipe, not a file"
    assert problem("/dev/null") == "/dev/null is a device, not a file"


def test_a_link_that_leads_nowhere_is_named_so_not_offered_as_its_own_near_name(
    home: Path,
) -> None:
    """It said `No such file or folder: ~/loop.txt; did you mean ~/loop.txt?`."""
    (home / "loop.txt").symlink_to("round.txt")
    (home / "round.txt").symlink_to("loop.txt")
    (home / "gone.txt").symlink_to("deleted.txt")
    assert problem("~/loop.txt") == "~/loop.txt is a symbolic link loop"
    assert (
        problem("~/gone.txt") == "~/gone.txt is a symbolic link to deleted.txt, which is not there"
    )
    assert missing_said(home / "gone.txt") == (
        f"{home / 'gone.txt'} is a symbolic link to deleted.txt, which is not there"
    )
    assert missing_said(home / "loop.txt") == f"{home / 'loop.txt'} is a symbolic link loop"


def test_a_name_too_long_for_the_system_is_said_so_in_a_short_line(home: Path) -> None:
    # (a paste of a paragraph into the prompt: the system refuses a name of 255 bytes or more)
    said = problem("~/" + "Chapter XXXI. An Exploring Expedition " * 8)
    assert said.endswith("cannot be opened: File name too long")
    assert len(said) < 130


def test_a_path_with_spaces_in_a_notice_is_never_split_at_them() -> None:
    path = "/tmp/trial/my fics/dragon story.txt"
    text = fitted_words(f"Added 1 book from {fitted_path(path, 36)}", 36)
    # The line breaks before the path, not at the spaces inside it.
    assert text.split("\n") == ["Added 1 book from", "/tmp/trial/my fics/dragon story.txt"]
    narrow = fitted_words(f"Added 1 book from {fitted_path(path, 24)}", 24)
    assert narrow.split("\n") == ["Added 1 book from", "/tmp/…/dragon story.txt"]


def test_a_path_pasted_as_a_terminal_writes_a_dropped_file_is_that_file(tmp_path: Path) -> None:
    """A file dragged onto the terminal comes as the shell would write it: in quotes, with its
    spaces escaped, or as a `file://` address. The add prompt said `No such file or folder:
    '/…/pg_dracula.txt'`; it takes the file named, as the shell would."""
    from tui.library.typed_paths import expanded

    folder = tmp_path / "My Books"
    folder.mkdir()
    book = folder / "Worm (1).txt"
    book.write_text("Chapter 1\n\nText.\n", encoding="utf-8")
    for typed in (
        f"'{book}'",
        f'"{book}"',
        str(book).replace(" ", "\\ ").replace("(", "\\(").replace(")", "\\)"),
        book.as_uri(),
        f"  '{book}'  ",
    ):
        assert expanded(typed) == book, typed
        assert problem(typed) == "", typed
    # A name that really holds quotes is taken as typed.
    quoted = tmp_path / "'odd'.txt"
    quoted.write_text("x", encoding="utf-8")
    assert expanded(str(quoted)) == quoted
    # Nothing there either way: the path as typed is what the message names.
    assert problem(f"'{tmp_path / 'nope.txt'}'").startswith("No such file or folder: '")
    # Another machine's file is not this one's.
    assert problem(f"file://elsewhere{book}").startswith("No such file or folder")
