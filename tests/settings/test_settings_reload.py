"""Reading settings.toml again when it changed on disk.

A stat when it did not, the same checks as at start-up when it did, and a save that leaves the
draft on what the file holds.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.paths import settings_path
from tui.settings.edit import SettingsDraft
from tui.settings.settings import default_settings, load_settings, reload_if_changed


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    write(path, "[reader]\nwidth = 60\n")
    settings, _ = load_settings(path)
    assert reload_if_changed(settings) is None


def test_a_file_edited_in_place_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    write(path, "[reader]\nwidth = 60\n")
    settings, _ = load_settings(path)
    before = path.stat()
    write(path, "[reader]\nwidth = 80\n")  # the same size, the same file
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    reloaded = reload_if_changed(settings)
    assert reloaded is not None
    again, problems = reloaded
    assert (again.reader.width, problems) == (80, [])
    assert reload_if_changed(again) is None


def test_a_bad_value_written_meanwhile_is_reported_as_at_start_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    write(path, "[reader]\nwidth = 60\n")
    settings, _ = load_settings(path)
    write(path, "[reader]\nwidth = 5\n")
    reloaded = reload_if_changed(settings)
    assert reloaded is not None
    again, problems = reloaded
    assert again.reader.width == 72
    assert [str(p) for p in problems] == [str(p) for p in load_settings(path)[1]]
    assert "reader.width: 5 is out of range: use 20 to 400. Using 72 for now." in str(problems[0])


def test_the_usual_file_removed_means_the_defaults_without_a_problem() -> None:
    path = settings_path()
    write(path, "[reader]\nwidth = 60\n")
    settings, _ = load_settings(None)
    path.unlink()
    reloaded = reload_if_changed(settings)
    assert reloaded is not None
    again, problems = reloaded
    assert (again.reader.width, problems) == (72, [])


def test_a_config_file_removed_is_a_problem_as_at_start_up(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    write(path, "[reader]\nwidth = 60\n")
    settings, _ = load_settings(path)
    path.unlink()
    reloaded = reload_if_changed(settings)
    assert reloaded is not None
    assert "no such file" in str(reloaded[1][0])


def test_settings_made_in_code_follow_no_file() -> None:
    write(settings_path(), "[reader]\nwidth = 60\n")
    assert reload_if_changed(default_settings()) is None


def test_saving_leaves_the_draft_on_the_file_merged_with_an_edit_made_meanwhile(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    write(path, "[reader]\nwidth = 60\n")
    settings, _ = load_settings(path)
    draft = SettingsDraft(settings)
    write(path, "[reader]\nwidth = 80  # wider\n")  # by hand, while the screen is open
    draft.step("reader.scene_ornament", 1)
    draft.save()
    assert path.read_text(encoding="utf-8") == (
        '[reader]\nwidth = 80  # wider\nscene_ornament = "* * *"\n'
    )
    assert (draft.saved.reader.width, draft.saved.reader.scene_ornament) == (80, "* * *")
    assert draft.value("reader.width") == 80
    assert not draft.dirty and draft.problems == []
    assert reload_if_changed(draft.saved) is None
