"""The lock a save of settings.toml holds: one per file, out of the user's folder, waited for."""

from __future__ import annotations

import copy
import threading
import time
from pathlib import Path

import pytest

import tui.settings.store as settings_store
from tui.settings.settings import load_settings
from tui.settings.store import (
    SettingsWriteError,
    save_changes,
    settings_lock,
)


def test_saving_leaves_no_lock_file_in_the_config_folder(tmp_path: Path, draft_for) -> None:
    """The lock is kept in chapbook's state folder: the user's folder holds their settings
    and the copy of the file before the save, nothing else."""
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml", "settings.toml.bak"]


def test_two_names_for_one_settings_file_share_its_lock(tmp_path: Path, monkeypatch) -> None:
    """A save through a symlink waits for one through the file's own name (taken elsewhere:
    the thread that holds the lock may take it again)."""
    path = tmp_path / "settings.toml"
    link = tmp_path / "link.toml"
    link.symlink_to(path)
    monkeypatch.setattr(settings_store, "LOCK_TIMEOUT", 0.1)
    refused: list[Exception] = []

    def save_through_the_link() -> None:
        with (
            pytest.raises(SettingsWriteError, match="another chapbook") as caught,
            settings_lock(link),
        ):
            pass
        refused.append(caught.value)

    with settings_lock(path):
        other = threading.Thread(target=save_through_the_link)
        other.start()
        other.join()
    assert len(refused) == 1


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


def test_saving_under_a_file_where_the_settings_folder_should_be_says_so(tmp_path: Path) -> None:
    """It said `cannot read …/settings.toml: Not a directory`."""
    folder = tmp_path / "chapbook"
    folder.write_text("not a folder\n")
    path = folder / "settings.toml"
    before, _ = load_settings(path)
    after = copy.deepcopy(before)
    after.theme = "paper"
    with pytest.raises(SettingsWriteError) as caught:
        save_changes(path, before, after)
    assert str(caught.value) == (
        f"cannot save settings.toml: {folder} is a file, not a folder: chapbook keeps its "
        "settings in a folder of that name. Move the file away (or rename it) so that the "
        "folder can be made"
    )
