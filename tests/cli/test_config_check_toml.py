"""`chapbook config check` on a file that is not TOML or not UTF-8.

It names the line, the column and the slip, in plain words.
"""

from __future__ import annotations

import pytest

from tui.cli import main

# Each case: the settings.toml text, the exit status, and the lines `config check` prints.
CHECKS = [
    pytest.param(
        'theme = "nord"\n[reader\nwidth = 80\n',
        1,
        [
            'settings.toml:2:8: not valid TOML: the header "[reader" has no closing "]": '
            "write [reader]. Fix that line; until then chapbook uses the default settings."
        ],
        id="toml_syntax_error_names_line_and_column",
    ),
    # tomllib says [keys] is declared twice: the slip is the header's missing "]".
    pytest.param(
        '[keys]\nquit = "q"\n[reader]\nwidth = 60\n[keys\n',
        1,
        [
            'settings.toml:5:6: not valid TOML: the header "[keys" has no closing "]": write '
            "[keys]. Fix that line; until then chapbook uses the default settings."
        ],
        id="an_unclosed_header_is_named_not_a_table_declared_twice",
    ),
    # tomllib says only "Invalid value (at end of document)": the list's line and bracket.
    pytest.param(
        'theme = "ansi"\nwidth = [\n',
        1,
        [
            'settings.toml:2:9: not valid TOML: a list is missing its closing "]". '
            "Fix that line; until then chapbook uses the default settings."
        ],
        id="a_list_left_open_at_the_end_names_its_line_not_quotes",
    ),
    pytest.param(
        '[keys]\nnext_chapter = "x"\n[keys]\nnext_chaptr = "x"\n',
        1,
        [
            "settings.toml:3:6: not valid TOML: the table [keys] is declared twice, on line 1 "
            "and here: keep one [keys] and put all its entries under it. Fix that line; until "
            "then chapbook uses the default settings."
        ],
        id="a_table_declared_twice_in_plain_words",
    ),
]


@pytest.mark.parametrize(("text", "code", "expected"), CHECKS)
def test_check_reports_every_problem_exactly(config_check, text: str, code: int, expected) -> None:
    assert config_check(text) == (code, expected)


def test_file_that_is_not_utf8(tmp_path, capsys) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b'theme = "\xff"\n')
    assert main(["config", "check", "--config", str(path)]) == 1
    assert capsys.readouterr().out == (
        f'{path}:1:10: is not UTF-8 text: the byte 0xFF ("ÿ" in Latin-1) here is not UTF-8. '
        "Save the file as UTF-8 (your editor's encoding choice when saving). Using the default "
        "settings for now.\n"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_as_utf16_is_named_so(tmp_path, capsys, encoding: str) -> None:
    """With its byte order mark it was `the byte 0xFF ("ÿ" in Latin-1) here is not UTF-8`;
    without, `a name may hold only letters, digits, _ and -` at the NUL beside the first."""
    path = tmp_path / "settings.toml"
    path.write_bytes("[reader]\nwidth = 70\n".encode(encoding))
    assert main(["config", "check", "--config", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:1:1: is UTF-16 text, not UTF-8. Save the file as UTF-8 (your editor's encoding "
        "choice when saving; Windows Notepad calls UTF-16 “Unicode”). Using the default "
        "settings for now.\n"
    )
