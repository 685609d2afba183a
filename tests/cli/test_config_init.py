"""`chapbook config init` and `config path`: the template, and the commands suggested.

The template is written, never over a file, and the commands suggested suit the file named.
"""

from __future__ import annotations

import tomllib

from tui.cli import main
from tui.paths import settings_path


def test_path_prints_the_user_config_file(capsys) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(settings_path())
    assert settings_path().parent.name == "chapbook"


def test_init_writes_a_template_that_changes_nothing(capsys) -> None:
    assert main(["config", "init"]) == 0
    text = settings_path().read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert all(value == {} for value in data.values())
    assert "# next_chapter = " in text and "# width = 72" in text
    assert main(["config", "check"]) == 0


def test_uncommenting_the_templates_key_example_points_at_keys(capsys) -> None:
    """The template shows `#   next_chapter = "x"` under [display]: uncommented there, it is an
    action's keys, which belong under [keys]."""
    assert main(["config", "init"]) == 0
    path = settings_path()
    text = path.read_text(encoding="utf-8")
    example = text.index('#   next_chapter = "x"')
    assert text.index("\n[display]") < example < text.index("\n[keys]")
    path.write_text(text.replace('#   next_chapter = "x"', 'next_chapter = "x"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["config", "check"]) == 1
    assert (
        "display.next_chapter: next_chapter is an action, not a setting: its keys belong under "
        '[keys], as next_chapter = "x".'
    ) in capsys.readouterr().out


def test_init_refuses_to_overwrite(capsys) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("theme = 'nord'\n", encoding="utf-8")
    assert main(["config", "init"]) == 1
    assert "already exists, so it was left as it is" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "theme = 'nord'\n"


def test_commands_suggested_for_a_file_given_with_config_name_it(
    tmp_path, monkeypatch, capsys
) -> None:
    """`--config FILE`: the commands chapbook suggests work on FILE, not on settings.toml."""
    monkeypatch.chdir(tmp_path)
    assert main(["config", "path", "--config", "my settings.toml"]) == 0
    assert capsys.readouterr().err == (
        "(not created yet: `chapbook config init --config 'my settings.toml'` writes a "
        "template there)\n"
    )
    assert main(["config", "init", "--config", "my settings.toml"]) == 0
    assert main(["config", "init", "--config", "my settings.toml"]) == 1
    assert "run `chapbook config init --config 'my settings.toml'` again" in (
        capsys.readouterr().err
    )
