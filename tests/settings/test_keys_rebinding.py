"""Rebinding a key in the settings draft.

Clashes never saved, keys that cannot work refused, your own keys kept over a new preset.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def test_clashing_keys_are_never_saved(tmp_path: Path, draft_for) -> None:
    path = tmp_path / "settings.toml"
    draft = draft_for(path)
    result = draft.rebind("next_chapter", "n")
    assert [c.actions for c in result.clashes] == [("next_chapter", "search_next")]
    with pytest.raises(ValueError, match="keys clash"):
        draft.save()
    assert not path.exists()


def test_rebinding_refuses_keys_that_cannot_work(tmp_path: Path, draft_for) -> None:
    draft = draft_for(tmp_path / "settings.toml")
    assert draft.rebind("quit", "ctrl+c").error == (
        '"ctrl+c" cannot be bound: it copies selected text and, in a terminal, interrupts'
    )
    assert "search box" in (draft.rebind("finder_down", "j").error or "")
    assert draft.settings.keys["quit"] == "q,Q"


def test_preset_change_keeps_your_own_keys_on_top(tmp_path: Path, draft_for) -> None:
    draft = draft_for(tmp_path / "settings.toml")
    draft.rebind("next_chapter", "x")
    draft.set_value("keymap", "emacs")
    assert draft.settings.keys["line_down"] == "ctrl+n,down,enter"
    assert draft.settings.keys["next_chapter"] == "x"
