"""Saving settings never loses the file.

The old one kept as .bak, a broken one kept aside, a link written through, a failed write
leaving the file whole.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.settings.store import (
    BrokenSettingsFile,
    SettingsWriteError,
)


def test_previous_file_is_kept_as_bak(tmp_path: Path, draft_for) -> None:
    path = tmp_path / "settings.toml"
    original = '# my settings\ntheme = "nord"\n'
    path.write_text(original, encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert (tmp_path / "settings.toml.bak").read_text(encoding="utf-8") == original


def test_a_file_that_is_not_toml_is_never_merged_into_silently(tmp_path: Path, draft_for) -> None:
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
        "is not valid TOML (line 4: the table [keys] is declared twice, on line 2 and here: "
        "keep one [keys] and put all its entries under it)"
    )
    assert path.read_bytes() == broken
    assert list(tmp_path.glob("settings.toml.*")) == []


def test_a_file_that_is_not_toml_is_kept_aside_when_the_user_replaces_it(
    tmp_path: Path, draft_for
) -> None:
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


def test_a_linked_settings_file_is_written_through_its_link(tmp_path: Path, draft_for) -> None:
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
    draft_for,
) -> None:
    path, target = _linked_settings(tmp_path, 'theme = "paper\n')
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save(replace_broken=True)
    assert path.is_symlink() and path.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") == 'theme = "paper"\n'
    aside = list(target.parent.glob("chapbook.toml.invalid-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == 'theme = "paper\n'


def test_a_file_that_is_not_utf8_is_named_so(tmp_path: Path, draft_for) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    assert draft_for(path).file_problem == "is not UTF-8 text (line 1, column 13)"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch, draft_for) -> None:
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
