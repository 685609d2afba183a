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


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # tomllib: "Cannot declare ('keys',) twice": the header's missing "]" is the slip.
        (
            '[keys]\nquit = "q"\n[reader]\nwidth = 60\n[keys\n',
            5,
            'the header "[keys" has no closing "]": write [keys]',
        ),
        ("[reader\nwidth = 60\n", 1, 'the header "[reader" has no closing "]": write [reader]'),
        # (chapbook's tables are never lists of tables: single brackets are the fix)
        ("[[keys\n", 1, 'the header "[[keys" has no closing "]": write [keys]'),
        ("[reader]]\n", 1, 'the header "[reader]]" has 1 "[" and 2 "]": write [reader]'),
        ("[[reader]\n", 1, 'the header "[[reader]" has 2 "[" and 1 "]": write [reader]'),
        (
            "[reader]\nwidth = 60\n[[reader]]\n",
            3,
            "[[reader]], in double brackets, makes a list of tables, and settings are one "
            "table: write [reader], once, above all its entries",
        ),
        (
            '[keys]\na = "x"\n[reader]\n[keys]\n',
            4,
            "the table [keys] is declared twice, on line 1 and here: keep one [keys] and put "
            "all its entries under it",
        ),
        (
            'theme = "paper\nkeymap = "vim"\n',
            1,
            'the text after theme = has no closing quote: write theme = "paper"',
        ),
        (
            '[keys]\nfind = "ctrl+f\n',
            2,
            'the text after find = has no closing quote: write find = "ctrl+f"',
        ),
        ("[reader]\nwidth 64\n", 2, '"=" is missing between width and its value: write width = 64'),
        (
            'theme "paper"\n',
            1,
            '"=" is missing between theme and its value: write theme = "paper"',
        ),
        ("[keys]\nfind = ctrl+f\n", 2, 'the key ctrl+f needs quotes: write find = "ctrl+f"'),
        (
            "[keys]\nfind = ctrl+f  # the finder\n",
            2,
            'the key ctrl+f needs quotes: write find = "ctrl+f"',
        ),
        ("theme = paper\n", 1, 'the word paper needs quotes: write theme = "paper"'),
        (
            '[keys]\nctrl+f = "find"\n',
            2,
            "ctrl+f is a key, written where a name belongs: the action comes first and the key "
            'in quotes, find = "ctrl+f"',
        ),
        (
            "[reader]\njustify = yes\n",
            2,
            "yes is not a TOML value: write true or false, without quotes",
        ),
    ],
)
def test_common_slips_are_explained_from_the_line_itself(text: str, line: int, words: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    error = toml_error(raised.value, text)
    assert (error.line, error.words) == (line, words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "width = 6 4\n",
            "expected the end of the line after the value: one setting a line, "
            'and text needs quotes, like "this"',
        ),
    ],
)
def test_a_line_without_a_known_slip_keeps_the_parsers_words(text: str, words: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    assert toml_error(raised.value, text).words == words
