"""`chapbook config check`: which file it reads, and its exit status.

The file given, missing, or under another name; and the exit status from the installed command.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.cli import main
from tui.paths import settings_path, shown_path


def test_missing_file_given_on_purpose(tmp_path, capsys) -> None:
    path = tmp_path / "nope.toml"
    assert main(["config", "check", "--config", str(path)]) == 1
    captured = capsys.readouterr()
    # Once, on stderr, in one wording: it was said on stdout, then again in other words.
    assert captured.out == ""
    assert captured.err == f"{path}: no such file. Using the default settings for now.\n"


def test_a_settings_path_the_system_refuses_is_a_problem_not_a_crash(tmp_path, capsys) -> None:
    path = tmp_path / ("x" * 300)
    assert main(["config", "check", "--config", str(path)]) == 1
    assert capsys.readouterr().out.startswith(
        f"{path}: cannot be read (file name too long). Using the default settings for now."
    )


def test_no_file_at_all_means_defaults(capsys) -> None:
    assert main(["config", "check"]) == 0
    assert "does not exist: chapbook uses the default settings" in capsys.readouterr().out


@pytest.mark.parametrize(
    "name", ["config.toml", "chapbook.toml", "settings.tml", "Settings.toml", "settings.toml.txt"]
)
def test_a_settings_file_under_another_name_is_named_with_the_fix(name: str, capsys) -> None:
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / name).write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        f"{shown_path(folder / name)}: chapbook does not read this file: it reads its settings "
        "from settings.toml, beside it. If this file holds your settings, rename it "
        "settings.toml. Using the default settings for now.\n"
    )
    assert "settings.toml does not exist: chapbook uses the default settings" in captured.err
    assert main(["config", "path"]) == 0
    assert f"chapbook does not read {name} beside it" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name", ["config.toml", "chapbook.toml", "settings.tml", "setting.toml", "settings.toml.txt"]
)
def test_a_settings_file_under_another_name_beside_settings_toml_is_a_warning(
    name: str, capsys
) -> None:
    """A config.toml written beside the settings.toml a save made was left unread without a
    word: it is named, with where its settings belong. A warning: settings.toml is used."""
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text("[reader]\nwidth = 70\n", encoding="utf-8")
    (folder / name).write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"{shown_path(folder / name)}: warning: chapbook does not read this file: it reads its "
        "settings from settings.toml, beside it. If this file holds settings of yours, move "
        "them into settings.toml, then remove this file.\n"
    )
    # The count names the file the warning is of, not the settings.toml that was checked.
    assert captured.err == f"1 warning in {shown_path(folder / name)}\n"


def test_the_count_names_each_file_with_what_was_found_in_it(capsys) -> None:
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text("[reader]\nwidht = 70\n", encoding="utf-8")
    (folder / "config.toml").write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 1
    assert capsys.readouterr().err == (
        f"1 problem in {shown_path(folder / 'settings.toml')}; "
        f"1 warning in {shown_path(folder / 'config.toml')}\n"
    )


@pytest.mark.parametrize("name", ["settings.toml.bak", "notes.txt", "settings.toml.invalid-1"])
def test_other_files_beside_settings_toml_are_no_warning(name: str, capsys) -> None:
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text("[reader]\nwidth = 70\n", encoding="utf-8")
    (folder / name).write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 0
    assert capsys.readouterr().out.endswith("settings.toml: no problems\n")


@pytest.mark.parametrize("name", ["settings.toml.bak", "notes.txt", ".settings.toml.1.tmp"])
def test_other_files_beside_a_missing_settings_file_are_no_problem(name: str, capsys) -> None:
    folder = settings_path().parent
    folder.mkdir(parents=True)
    (folder / name).write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config", "check"]) == 0


def test_the_installed_command_exits_1_on_problems(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nwidht = 80\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "config", "check", "--config", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert 'reader.widht: unknown setting. Did you mean "reader.width"?' in result.stdout
    assert "Traceback" not in result.stderr


def test_on_a_terminal_each_problem_is_broken_between_words_at_its_width(
    tmp_path, capsys, monkeypatch
) -> None:
    """At 80 columns a long problem was cut mid-word by the terminal; on a terminal it is
    broken between words, its further lines indented (piped, it stays one line, for grep)."""
    (tmp_path / "settings.toml").write_text('[keys]\npreset = "vim"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # (a short path: a long one is no word to break)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["config", "check", "--config", "settings.toml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and all(len(line) < 80 for line in lines)
    assert all(line.startswith("  ") for line in lines[1:])
    assert " ".join(line.strip() for line in lines).endswith(
        "before [keys] on line 1, the first table, and remove this line."
    )


def test_a_file_where_the_settings_folder_should_be_is_named_with_the_fix(capsys) -> None:
    """`~/.config/chapbook` written as a file: check said the settings file does not exist and
    exited 0, init said it already exists, path that init would write it."""
    folder = settings_path().parent
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder\n")
    said = (
        f"{shown_path(folder)} is a file, not a folder: chapbook keeps its settings in a folder "
        "of that name. Move the file away (or rename it) so that the folder can be made"
    )
    assert main(["config", "check"]) == 1
    assert f"settings.toml: {said}. Using the default settings for now." in capsys.readouterr().out
    assert main(["config", "init"]) == 2
    assert capsys.readouterr().err == f"chapbook: cannot write {settings_path()}: {said}.\n"
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().err == f"({said})\n"
    assert folder.read_text() == "not a folder\n"
