"""`chapbook config check` on a table header written with the wrong brackets.

For `[[reader]]`, `[reader]]` or `[[keys` it names the line, and the header as it should be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.settings.settings import load_settings

LIST_OF_TABLES = "in double brackets, makes a list of tables, and settings are one table"

# Each case: the settings.toml text, the exit status, and the lines `config check` prints.
CHECKS = [
    # Valid TOML, but a list holding one table: read as [reader], with its line and the fix.
    pytest.param(
        'theme = "nord"\n\n[[reader]]\nwidth = 60\n',
        0,
        [
            f"settings.toml:3: warning: reader: [[reader]], {LIST_OF_TABLES}: write [reader]. "
            "chapbook reads the entries under it as [reader]'s meanwhile.",
        ],
        id="a_double_bracket_header_is_named_at_its_line_with_the_fix",
    ),
    pytest.param(
        '[[keys]]  # my keys\nnext_chapter = "x"\n',
        0,
        [
            f"settings.toml:1: warning: keys: [[keys]], {LIST_OF_TABLES}: write [keys]. "
            "chapbook reads the entries under it as [keys]'s meanwhile.",
        ],
        id="keys_under_a_double_bracket_header_are_named_and_used",
    ),
    pytest.param(
        "[[reader]]\nwidth = 60\n\n[[reader]]\nmargin = 3\n",
        1,
        [
            f"settings.toml:1: reader: [[reader]], {LIST_OF_TABLES}: write [reader] once (it is "
            "on lines 1 and 4), above all its entries. Using the default [reader] for now.",
        ],
        id="a_double_bracket_header_written_twice_is_not_read",
    ),
    pytest.param(
        "[[raeder]]\nwidth = 60\n",
        1,
        [
            'settings.toml:1: raeder: unknown table. Did you mean "[reader]"? '
            "Its entries are ignored.",
        ],
        id="an_unknown_double_bracket_table_is_named_at_its_line",
    ),
    # Not TOML at all: the parser's words ("Cannot overwrite a value") replaced by the slip.
    pytest.param(
        "[reader]\nwidth = 60\n[[reader]]\nmargin = 3\n",
        1,
        [
            f"settings.toml:3:9: not valid TOML: [[reader]], {LIST_OF_TABLES}: write [reader], "
            "once, above all its entries. Fix that line; until then chapbook uses the default "
            "settings.",
        ],
        id="a_double_bracket_header_after_the_table_says_write_it_once",
    ),
    pytest.param(
        "[reader]]\nwidth = 60\n",
        1,
        [
            'settings.toml:1:9: not valid TOML: the header "[reader]]" has 1 "[" and 2 "]": '
            "write [reader]. Fix that line; until then chapbook uses the default settings.",
        ],
        id="a_header_with_a_bracket_too_many",
    ),
]


@pytest.mark.parametrize(("text", "code", "expected"), CHECKS)
def test_check_reports_every_problem_exactly(config_check, text: str, code: int, expected) -> None:
    assert config_check(text) == (code, expected)


def test_the_settings_under_a_double_bracket_header_are_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[[reader]]\nwidth = 60\n[[keys]]\nnext_chapter = "x"\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert (settings.reader.width, settings.keys["next_chapter"]) == (60, "x")
    assert [(p.line, p.setting, p.warning) for p in problems] == [
        (1, "reader", True),
        (3, "keys", True),
    ]
