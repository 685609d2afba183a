"""Saving settings: overrides only, merged with the file on disk, atomic, never losing a file."""

from __future__ import annotations

import copy
import os
import threading
import time
from pathlib import Path

import pytest

import tui.settings.store as settings_store
from tui.settings.edit import SettingsDraft
from tui.settings.settings import load_settings
from tui.settings.store import (
    BrokenSettingsFile,
    SettingsWriteError,
    save_changes,
    settings_lock,
)


def draft_for(path: Path) -> SettingsDraft:
    settings, _problems = load_settings(path)
    return SettingsDraft(settings)


def test_only_overrides_are_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    draft = draft_for(path)
    draft.set_value("reader.justify", True)
    draft.step("reader.words_per_minute", 1)
    assert draft.rebind("next_chapter", "X").key == "X"
    draft.save()
    assert path.read_text(encoding="utf-8") == (
        '[reader]\njustify = true\nwords_per_minute = 260\n\n[keys]\nnext_chapter = "X"\n'
    )
    # Back to the defaults: the entries disappear again.
    draft.reset("reader.justify")
    draft.step("reader.words_per_minute", -1)
    draft.reset("keys.next_chapter")
    draft.save()
    assert path.read_text(encoding="utf-8") == ""


def test_saving_merges_with_what_another_chapbook_wrote(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n', encoding="utf-8")
    draft = draft_for(path)
    # Meanwhile another chapbook (or the user's editor) changes the file.
    path.write_text('theme = "nord"\n[reader]\nwidth = 80\n', encoding="utf-8")
    draft.set_value("keymap", "less")
    draft.save()
    settings, problems = load_settings(path)
    assert problems == []
    assert (settings.theme, settings.reader.width, settings.keymap) == ("nord", 80, "less")


def test_entries_chapbook_cannot_use_are_kept_as_comments_and_not_reported_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[reader]\nwidht = 80\n[keys]\nnext_chaptr = "x"\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    notice = draft.save()
    assert path.read_text(encoding="utf-8") == (
        'theme = "paper"\n'
        "\n"
        "[reader]\n"
        '# chapbook: unknown setting "widht" (did you mean "width"?), kept here as a comment\n'
        "# widht = 80\n"
        "[keys]\n"
        '# chapbook: unknown action "next_chaptr" (did you mean "next_chapter"?), kept here as '
        "a comment\n"
        '# next_chaptr = "x"\n'
    )
    assert notice is not None
    assert "reader.widht (did you mean width?)" in notice
    assert "keys.next_chaptr (did you mean next_chapter?)" in notice
    settings, problems = load_settings(path)
    assert problems == []  # the next start has nothing to report
    assert settings.theme == "paper"


def test_a_hand_written_file_keeps_its_comments_order_and_other_entries(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "# My reading setup, tuned on the laptop.\n"
        'theme = "nord"  # easy on the eyes\n'
        "\n"
        "[reader]\n"
        "# narrow column for the small screen\n"
        "width = 60\n"
        "widht = 70\n"
        "justify = true   # like a book\n"
        "\n"
        "[keys]\n"
        "# vim habits\n"
        'page_down = [\n  "ctrl+v",\n  "ctrl+f",\n]\n',
        encoding="utf-8",
    )
    draft = draft_for(path)
    draft.step("reader.width", 1)
    draft.set_value("reader.justify", False)  # back to the default: its line goes
    draft.set_value("library.sort", "title")
    notice = draft.save()
    assert path.read_text(encoding="utf-8") == (
        "# My reading setup, tuned on the laptop.\n"
        'theme = "nord"  # easy on the eyes\n'
        "\n"
        "[reader]\n"
        "# narrow column for the small screen\n"
        "width = 62\n"
        '# chapbook: unknown setting "widht" (did you mean "width"?), kept here as a comment\n'
        "# widht = 70\n"
        "\n"
        "[keys]\n"
        "# vim habits\n"
        'page_down = [\n  "ctrl+v",\n  "ctrl+f",\n]\n'
        "\n"
        "[library]\n"
        'sort = "title"\n'
    )
    assert notice is not None and "reader.widht" in notice
    settings, problems = load_settings(path)
    assert problems == []
    assert (settings.theme, settings.reader.width, settings.reader.justify) == ("nord", 62, False)
    assert settings.keys["page_down"] == "ctrl+v,ctrl+f"


def test_a_file_chapbook_cannot_change_line_by_line_is_still_saved_whole(tmp_path: Path) -> None:
    # An inline table cannot take a new entry as a line: the file is written afresh, and
    # the entry chapbook does not know stays as it was (the old file is the .bak).
    path = tmp_path / "settings.toml"
    path.write_text("reader = { width = 60, widht = 70 }\n", encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("reader.justify", True)
    draft.save()
    settings, _problems = load_settings(path)
    assert (settings.reader.width, settings.reader.justify) == (60, True)
    assert "widht = 70" in path.read_text(encoding="utf-8")
    assert (tmp_path / "settings.toml.bak").exists()


def test_previous_file_is_kept_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = '# my settings\ntheme = "nord"\n'
    path.write_text(original, encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert (tmp_path / "settings.toml.bak").read_text(encoding="utf-8") == original


def test_a_file_that_is_not_toml_is_never_merged_into_silently(tmp_path: Path) -> None:
    """Saving over a settings.toml that is not valid TOML is refused, naming the line and
    what is wrong; the user's file stays exactly as it was."""
    path = tmp_path / "settings.toml"
    draft = draft_for(path)
    broken = b'theme = "paper"\n[keys]\nnext_chapter = "x"\n[keys]\nnext_chaptr = "x"\n'
    path.write_bytes(broken)  # broken after the settings were read
    draft.set_value("theme", "nord")
    with pytest.raises(BrokenSettingsFile) as refused:
        draft.save()
    assert refused.value.reason == (
        "is not valid TOML (line 4: the table [keys] is declared twice)"
    )
    assert path.read_bytes() == broken
    assert list(tmp_path.glob("settings.toml.*")) == []


def test_a_file_that_is_not_toml_is_kept_aside_when_the_user_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    broken = b'theme = "paper\n'
    path.write_bytes(broken)
    draft = draft_for(path)
    assert draft.file_problem == (
        "is not valid TOML (line 1: the text after theme = has no closing quote: write "
        'theme = "paper")'
    )
    draft.set_value("theme", "paper")
    notice = draft.save(replace_broken=True)
    aside = list(tmp_path.glob("settings.toml.invalid-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == broken
    assert notice == (
        f"{path} is not valid TOML (line 1: the text after theme = has no closing quote: "
        f'write theme = "paper"): it was kept as {aside[0]}, and the new file holds what you '
        "saved"
    )
    assert path.read_text(encoding="utf-8") == 'theme = "paper"\n'
    assert draft.file_problem is None


def _linked_settings(tmp_path: Path, text: str) -> tuple[Path, Path]:
    """settings.toml as a symbolic link into a dotfiles folder (stow, home-manager)."""
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "chapbook.toml"
    target.write_text(text, encoding="utf-8")
    path = tmp_path / "config" / "settings.toml"
    path.parent.mkdir()
    path.symlink_to(target)
    return path, target


def test_a_linked_settings_file_is_written_through_its_link(tmp_path: Path) -> None:
    path, target = _linked_settings(tmp_path, '# mine\ntheme = "nord"\n')
    target.chmod(0o600)  # private to its owner
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert path.is_symlink() and path.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") == '# mine\ntheme = "paper"\n'
    assert target.stat().st_mode & 0o777 == 0o600
    assert not list(target.parent.glob(".*.tmp"))


def test_a_broken_linked_file_is_kept_aside_beside_its_target_and_the_link_stays(
    tmp_path: Path,
) -> None:
    path, target = _linked_settings(tmp_path, 'theme = "paper\n')
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save(replace_broken=True)
    assert path.is_symlink() and path.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") == 'theme = "paper"\n'
    aside = list(target.parent.glob("chapbook.toml.invalid-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == 'theme = "paper\n'


def test_saving_one_setting_untidied_leaves_entries_chapbook_cannot_use_as_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    written = '[reader]\nwidht = 60\n\n[library]\nsort = "title"\n'
    path.write_text(written, encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("library.sort", "words")
    assert draft.save(tidy=False) is None  # nothing to tell: nothing else was touched
    assert path.read_text(encoding="utf-8") == written.replace('"title"', '"words"')


def test_a_file_that_is_not_utf8_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    assert draft_for(path).file_problem == "is not UTF-8 text (line 1, column 13)"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SettingsWriteError, match="No space left on device"):
        draft.save()
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_saving_leaves_no_lock_file_in_the_config_folder(tmp_path: Path) -> None:
    """The lock is kept in chapbook's state folder: the user's folder holds their settings
    and the copy of the file before the save, nothing else."""
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml", "settings.toml.bak"]


def test_two_names_for_one_settings_file_share_its_lock(tmp_path: Path, monkeypatch) -> None:
    """A save through a symlink waits for one through the file's own name."""
    path = tmp_path / "settings.toml"
    link = tmp_path / "link.toml"
    link.symlink_to(path)
    monkeypatch.setattr(settings_store, "LOCK_TIMEOUT", 0.1)
    with (
        settings_lock(path),
        pytest.raises(SettingsWriteError, match="another chapbook"),
        settings_lock(link),
    ):
        pass


def test_save_waits_for_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    before, _ = load_settings(path)
    after = copy.deepcopy(before)
    after.theme = "paper"
    released = threading.Event()

    def hold() -> None:
        with settings_lock(path):
            time.sleep(0.3)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.05)
    save_changes(path, before, after)
    assert released.is_set()  # the save happened after the other holder let go
    holder.join()
    assert path.read_text(encoding="utf-8") == 'theme = "paper"\n'


def test_clashing_keys_are_never_saved(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    draft = draft_for(path)
    result = draft.rebind("next_chapter", "n")
    assert [c.actions for c in result.clashes] == [("next_chapter", "search_next")]
    with pytest.raises(ValueError, match="keys clash"):
        draft.save()
    assert not path.exists()


def test_rebinding_refuses_keys_that_cannot_work(tmp_path: Path) -> None:
    draft = draft_for(tmp_path / "settings.toml")
    assert draft.rebind("quit", "ctrl+c").error == (
        '"ctrl+c" cannot be bound: it copies selected text and, in a terminal, interrupts'
    )
    assert "search box" in (draft.rebind("finder_down", "j").error or "")
    assert draft.settings.keys["quit"] == "q"


def test_preset_change_keeps_your_own_keys_on_top(tmp_path: Path) -> None:
    draft = draft_for(tmp_path / "settings.toml")
    draft.rebind("next_chapter", "x")
    draft.set_value("keymap", "emacs")
    assert draft.settings.keys["line_down"] == "ctrl+n,down,enter"
    assert draft.settings.keys["next_chapter"] == "x"


def test_a_setting_written_in_the_wrong_table_is_kept_with_where_it_belongs(
    tmp_path: Path,
) -> None:
    """Saved from the settings screen, `keymap` under [keys] was kept as a comment called an
    unknown action: the note says it is a setting, and where it goes."""
    path = tmp_path / "settings.toml"
    path.write_text('[keys]\nkeymap = "less"\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert path.read_text(encoding="utf-8") == (
        'theme = "paper"\n'
        "\n"
        "[keys]\n"
        "# chapbook: keymap is a setting, not an action: it belongs at the top of the file, "
        "above [keys] and every other table; kept here as a comment\n"
        '# keymap = "less"\n'
    )


MISTAKES = """\
theme = "solarized-nope"

[reader]
width = 70
margin = -3  # more room
widht = 80

[keys]
quit = "j"
help = ""
next_chaptr = "n"
"""


def test_saving_from_the_settings_screen_writes_the_values_shown_for_broken_entries(
    tmp_path: Path,
) -> None:
    """A theme chapbook lacks, a margin out of range, a quit key that clashes, a help with no
    key: the screen showed the values used instead, and saving writes those, saying so and
    keeping the old file, so the next start has nothing to report."""
    path = tmp_path / "settings.toml"
    path.write_text(MISTAKES, encoding="utf-8")
    settings, problems = load_settings(path)
    assert {p.setting for p in problems} >= {"theme", "reader.margin", "keys.quit", "keys.help"}
    draft = SettingsDraft(settings)
    draft.set_value("reader.width", 64)
    notice = draft.save()
    text = path.read_text(encoding="utf-8")
    assert 'theme = "textual-dark"' in text
    assert "margin = 2" in text
    assert 'quit = "q"' in text and 'help = "h,f1"' in text and "width = 64" in text
    assert (tmp_path / "settings.toml.bak").read_text(encoding="utf-8") == MISTAKES
    assert notice is not None and notice.startswith(
        f"{path}: 4 entries chapbook could not use now hold the values it used instead, as "
        'shown here: theme = "textual-dark" (was "solarized-nope"), reader.margin = 2 '
        '(was -3), keys.quit = "q" (was "j"), keys.help = "h,f1" (was ""). The file as it '
        f"was is {path}.bak"
    )
    _settings, problems = load_settings(path)
    assert problems == [] and draft.problems == []


def test_a_value_changed_on_the_screen_wins_over_the_one_shown_for_a_broken_entry(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nmargin = -3\n", encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("reader.margin", 5)
    notice = draft.save()
    assert path.read_text(encoding="utf-8") == "[reader]\nmargin = 5\n"
    assert notice is None


def test_the_librarys_sort_leaves_broken_entries_as_written(tmp_path: Path) -> None:
    """Only the settings screen, which showed the values in use, writes them."""
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nmargin = -3\n", encoding="utf-8")
    draft = draft_for(path)
    draft.step("reader.words_per_minute", 1)
    draft.save(tidy=False)
    assert "margin = -3" in path.read_text(encoding="utf-8")
