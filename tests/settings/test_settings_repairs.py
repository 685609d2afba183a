"""Entries chapbook could not use, and what saving from the settings screen writes for them.

Saving from the settings screen writes the values it used instead, a value changed on the screen
wins, and the library's sort leaves them as written.
"""

from __future__ import annotations

from pathlib import Path

from tui.settings.edit import SettingsDraft
from tui.settings.settings import load_settings

MISTAKES = """\
theme = "solarized-nope"

[reader]
width = 70
margin = -3  # more room
widht = 80

[keys]
quit = "ctrl+c"
help = ""
next_chaptr = "n"
"""


def test_saving_from_the_settings_screen_writes_the_values_shown_for_broken_entries(
    tmp_path: Path,
) -> None:
    """A theme chapbook lacks, a margin out of range, a quit key it cannot bind, a help with no
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
    assert 'quit = "q,Q"' in text and 'help = "h,f1"' in text and "width = 64" in text
    assert (tmp_path / "settings.toml.bak").read_text(encoding="utf-8") == MISTAKES
    assert notice is not None and notice.startswith(
        f"{path}: 4 entries chapbook could not use now hold the values it used instead, as "
        'shown here: theme = "textual-dark" (was "solarized-nope"), reader.margin = 2 '
        '(was -3), keys.quit = "q,Q" (was "ctrl+c"), keys.help = "h,f1" (was ""). The file as it '
        f"was is {path}.bak"
    )
    _settings, problems = load_settings(path)
    assert problems == [] and draft.problems == []


def test_a_value_changed_on_the_screen_wins_over_the_one_shown_for_a_broken_entry(
    tmp_path: Path,
    draft_for,
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nmargin = -3\n", encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("reader.margin", 5)
    notice = draft.save()
    assert path.read_text(encoding="utf-8") == "[reader]\nmargin = 5\n"
    assert notice is None


def test_the_librarys_sort_leaves_broken_entries_as_written(tmp_path: Path, draft_for) -> None:
    """Only the settings screen, which showed the values in use, writes them."""
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nmargin = -3\n", encoding="utf-8")
    draft = draft_for(path)
    draft.step("reader.words_per_minute", 1)
    draft.save(tidy=False)
    assert "margin = -3" in path.read_text(encoding="utf-8")


def test_saving_with_nothing_changed_still_writes_the_values_shown(
    tmp_path: Path, draft_for
) -> None:
    """The settings screen says ctrl+s writes the values shown for the file's problems: it
    does so with nothing else changed too (it said Saved and wrote nothing)."""
    path = tmp_path / "settings.toml"
    path.write_text("[reader]\nmargin = -3  # more room\n", encoding="utf-8")
    draft = draft_for(path)
    notice = draft.save()
    assert path.read_text(encoding="utf-8") == "[reader]\nmargin = 2  # more room\n"
    assert notice is not None and "reader.margin = 2 (was -3)" in notice
    assert load_settings(path)[1] == []
