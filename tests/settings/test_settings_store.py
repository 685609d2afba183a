"""Saving settings: overrides only, merged with the file on disk in its own lines."""

from __future__ import annotations

from pathlib import Path

from tui.settings.settings import load_settings


def test_only_overrides_are_written(tmp_path: Path, draft_for) -> None:
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


def test_saving_merges_with_what_another_chapbook_wrote(tmp_path: Path, draft_for) -> None:
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
    draft_for,
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


def test_a_hand_written_file_keeps_its_comments_order_and_other_entries(
    tmp_path: Path, draft_for
) -> None:
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


def test_a_file_chapbook_cannot_change_line_by_line_is_still_saved_whole(
    tmp_path: Path, draft_for
) -> None:
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


def test_saving_one_setting_untidied_leaves_entries_chapbook_cannot_use_as_written(
    tmp_path: Path,
    draft_for,
) -> None:
    path = tmp_path / "settings.toml"
    written = '[reader]\nwidht = 60\n\n[library]\nsort = "title"\n'
    path.write_text(written, encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("library.sort", "words")
    assert draft.save(tidy=False) is None  # nothing to tell: nothing else was touched
    assert path.read_text(encoding="utf-8") == written.replace('"title"', '"words"')


def test_a_setting_written_in_the_wrong_table_is_kept_with_where_it_belongs(
    tmp_path: Path,
    draft_for,
) -> None:
    """Saved from the settings screen, `keymap` under [keys] was kept as a comment called an
    unknown action: the note says it is the preset setting, and where it goes."""
    path = tmp_path / "settings.toml"
    path.write_text('[keys]\nkeymap = "less"\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("theme", "paper")
    draft.save()
    assert path.read_text(encoding="utf-8") == (
        'theme = "paper"\n'
        "\n"
        "[keys]\n"
        '# chapbook: the keymap preset is set with keymap = "less" at the top of the file; '
        "kept here as a comment\n"
        '# keymap = "less"\n'
    )


def test_a_comment_after_a_changed_value_stays_beside_it(tmp_path: Path, draft_for) -> None:
    """Only the value changes: the note after it (a `#` in quotes being part of a value, not
    a note) and one after a list's closing bracket stay."""
    path = tmp_path / "settings.toml"
    path.write_text(
        "[reader]\n"
        "page_overlap = 2  # two lines of context\n"
        'scene_ornament = "#"   # a plain hash\n'
        "[keys]\n"
        'page_down = [\n  "ctrl+v",\n]  # emacs habits\n',
        encoding="utf-8",
    )
    draft = draft_for(path)
    draft.step("reader.page_overlap", 1)
    draft.set_value("reader.scene_ornament", "* * *")
    assert draft.rebind("page_down", "pagedown", add=True).key == "pagedown"
    draft.save()
    assert path.read_text(encoding="utf-8") == (
        "[reader]\n"
        "page_overlap = 3  # two lines of context\n"
        'scene_ornament = "* * *"   # a plain hash\n'
        "[keys]\n"
        'page_down = "ctrl+v,pagedown"  # emacs habits\n'
    )


def test_saving_writes_a_double_bracket_header_in_single_brackets(
    tmp_path: Path, draft_for
) -> None:
    """`[[reader]]` is read as [reader] (with a warning): saving writes it so, its comment
    and its entries kept, and says so; the next start has nothing to report."""
    path = tmp_path / "settings.toml"
    path.write_text("[[reader]]  # laptop\nwidth = 60\nmargin = 4\n", encoding="utf-8")
    draft = draft_for(path)
    draft.step("reader.width", 1)
    notice = draft.save()
    assert path.read_text(encoding="utf-8") == "[reader]  # laptop\nwidth = 62\nmargin = 4\n"
    assert notice == f"{path}: [[reader]] is [reader] now, as chapbook reads it"
    settings, problems = load_settings(path)
    assert problems == []
    assert (settings.reader.width, settings.reader.margin) == (62, 4)


def test_one_setting_saved_under_a_double_bracket_header_keeps_the_others(
    tmp_path: Path, draft_for
) -> None:
    """The library's sort, saved alone, changes its line and nothing else (it replaced the
    whole table, and the file's other entries under it went)."""
    path = tmp_path / "settings.toml"
    path.write_text('[[library]]\nsort = "title"\nask_above = 20\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("library.sort", "words")
    draft.save(tidy=False)
    assert path.read_text(encoding="utf-8") == '[[library]]\nsort = "words"\nask_above = 20\n'


def test_a_preset_under_keys_is_kept_as_a_comment_naming_the_keymap_line(
    tmp_path: Path, draft_for
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[keys]\npreset = "vim"  # as at work\n', encoding="utf-8")
    draft = draft_for(path)
    draft.set_value("keymap", "vim")
    draft.save()
    assert path.read_text(encoding="utf-8") == (
        'keymap = "vim"\n'
        "\n"
        "[keys]\n"
        '# chapbook: the keymap preset is set with keymap = "vim" at the top of the file; kept '
        "here as a comment\n"
        '# preset = "vim"  # as at work\n'
    )
    assert load_settings(path)[1] == []
