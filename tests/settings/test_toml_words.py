"""Python's TOML errors turned into plain words a user can act on, with the line."""

from __future__ import annotations

import tomllib

import pytest

from tui.settings.toml_words import TomlError, toml_error


def words_for(text: str) -> TomlError:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    return toml_error(raised.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[keys]\na = "x"\n[keys]\n', 3, "the table [keys] is declared twice"),
        ("[reader]\n[a.b]\n[a.b]\n", 3, "the table [a.b] is declared twice"),
        ("a = 1\na = 2\n", 2, "this sets a name that already has a value (each name only once)"),
        ("[reader\n", 1, 'the table name is missing its closing "]"'),
        ("width\n", 1, 'expected "=" after the name (write name = value)'),
        ("theme = paper\n", 1, 'a value is missing or not valid: text needs quotes, like "this"'),
        ('theme = "paper\n', 1, "a text in quotes is not closed before the end of the line"),
        ("x = {a = 1, a = 2}\n", 1, "'a' is written twice inside { }"),
        (
            'a = "\x01"\n',
            1,
            "the character U+0001 (an invisible control character) is not allowed here",
        ),
    ],
)
def test_toml_errors_in_plain_words(text: str, line: int, words: str) -> None:
    error = words_for(text)
    assert (error.line, error.words) == (line, words)
    assert "('" not in error.words  # never Python's tuple syntax


def test_an_error_at_the_end_of_the_file_has_no_line() -> None:
    error = words_for("a = [1,\n")
    assert error.line is None and error.where() == "the end of the file"


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        ("width = [\n", (1, 9), 'a list is missing its closing "]"'),
        ('theme = "ansi"\n[reader]\nwidth = [70,\n\n', (3, 9), 'a list is missing its closing "]"'),
        ("a = 1\nb = {x = [1,\n", (2, 5), 'a { } table is missing its closing "]" and "}"'),
        (
            "a = 1\nwidth =",
            (2, 8),
            'a value is missing or not valid: text needs quotes, like "this"',
        ),
    ],
)
def test_an_error_at_the_end_of_the_file_is_placed_on_its_last_line(
    text: str, place: tuple[int, int], words: str
) -> None:
    """tomllib says only "at end of document": with the file's text, the line (and column) to
    fix, and a list left open is not taken for text without quotes."""
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    error = toml_error(raised.value, text)
    assert ((error.line, error.column), error.words) == (place, words)


def test_a_name_set_twice_says_which_and_where_first() -> None:
    text = 'theme = "nord"\n[keys]\nfind = "ctrl+p"\nquit = "q"\n"find" = "ctrl+t"\n'
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    error = toml_error(raised.value, text)
    assert (error.line, error.words) == (
        5,
        "find in [keys] is set twice: first on line 3, again here; keep only one of the two",
    )
