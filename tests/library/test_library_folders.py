"""What a folder scan takes and leaves out.

Markdown chapters but not READMEs, software folders, hidden ones, and `.chapbookignore`.
"""

from __future__ import annotations

from pathlib import Path

from library_support import write_story

from tui.library.folders import walk_books
from tui.library.ignore import IgnoreRules


def _names(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in walk_books(folder)]


def test_software_and_hidden_folders_are_not_scanned(tmp_path: Path) -> None:
    write_story(tmp_path / "fics", "story.txt", "Story")
    for junk in ("node_modules/pkg", "lib/site-packages/x", "src/__pycache__", ".git", ".cache"):
        (tmp_path / junk).mkdir(parents=True, exist_ok=True)
        (tmp_path / junk / "README.txt").write_text("not a story")
    env = tmp_path / "myenv"
    (env / "lib").mkdir(parents=True)
    (env / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (env / "lib" / "LICENSE.txt").write_text("licence")
    assert _names(tmp_path) == ["fics/story.txt"]


def test_markdown_chapters_are_scanned_but_not_readmes_licences_or_notes(tmp_path: Path) -> None:
    chapters = ["01 - Arrival.md", "02 - Tintagel.md.gz", "Chapter03.markdown"]
    chapters += ["story.txt", "Notes from Underground.txt"]
    not_stories = ["README.md", "readme.markdown.gz", "LICENSE.txt", "Licence.md", "NOTES.md"]
    not_stories += ["SOURCES.md", "CREDITS.txt"]
    not_stories += ["CHANGELOG.md", "CONTRIBUTING.md", "todo.txt", "Notes.txt.gz"]
    for name in chapters + not_stories:
        (tmp_path / name).write_bytes(b"")
    assert sorted(_names(tmp_path)) == sorted(chapters)


def test_chapbookignore_patterns_leave_files_and_folders_out(tmp_path: Path) -> None:
    for name in (
        "keep.txt",
        "jottings.txt",
        "draft-1.txt",
        "draft-22.txt",
        "logs/run.txt",
        "deep/a/b/scratch.txt",
        "deep/a/b/keep-me.txt",
        "old/tale.txt",
        "sub/old/tale.txt",
        "tests/fixture.txt",
        "tests/important.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    (tmp_path / ".chapbookignore").write_text(
        "# comments and blank lines do nothing\n"
        "\n"
        "jottings.txt\n"
        "draft-?.txt\n"
        "logs/\n"
        "**/scratch.txt\n"
        "/old\n"  # only the top-level one
        "tests/*\n"
        "!tests/important.txt\n"
    )
    assert sorted(_names(tmp_path)) == [
        "deep/a/b/keep-me.txt",
        "draft-22.txt",
        "keep.txt",
        "sub/old/tale.txt",
        "tests/important.txt",
    ]


def test_an_ignore_file_in_a_subfolder_applies_below_it(tmp_path: Path) -> None:
    for name in ("a/one.txt", "a/two.txt", "b/one.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    (tmp_path / "a" / ".chapbookignore").write_text("one.txt\n")
    assert sorted(_names(tmp_path)) == ["a/two.txt", "b/one.txt"]


def test_a_trailing_slash_matches_folders_only(tmp_path: Path) -> None:
    rules = IgnoreRules.parse(tmp_path, "build/\n")
    assert rules.verdict(tmp_path / "build", is_folder=True) is True
    assert rules.verdict(tmp_path / "build", is_folder=False) is None
    assert rules.verdict(tmp_path / "x" / "build", is_folder=True) is True


def test_double_star_in_the_middle_matches_any_depth(tmp_path: Path) -> None:
    rules = IgnoreRules.parse(tmp_path, "a/**/z.txt\n")
    for path in ("a/z.txt", "a/b/z.txt", "a/b/c/z.txt"):
        assert rules.verdict(tmp_path / path, is_folder=False) is True
    assert rules.verdict(tmp_path / "b/a/z.txt", is_folder=False) is None


def test_a_link_to_a_folder_above_is_walked_once_not_round_and_round(tmp_path: Path) -> None:
    """`fics/sub/up -> ..` led the walk back into `fics` until the paths were too long: the
    one book came in 40 times, as `fics/sub/up/sub/up/…/a.txt`."""
    write_story(tmp_path / "fics", "a.txt", "A")
    (tmp_path / "fics" / "sub").mkdir()
    (tmp_path / "fics" / "sub" / "up").symlink_to("..")
    assert _names(tmp_path / "fics") == ["a.txt"]


def test_a_link_to_a_folder_walked_already_is_not_walked_again(tmp_path: Path) -> None:
    write_story(tmp_path / "fics" / "ao3", "a.txt", "A")
    (tmp_path / "fics" / "all").symlink_to("ao3")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "fics" / "more").symlink_to(tmp_path / "elsewhere")
    write_story(tmp_path / "elsewhere", "b.txt", "B")
    assert _names(tmp_path / "fics") == ["all/a.txt", "more/b.txt"]
