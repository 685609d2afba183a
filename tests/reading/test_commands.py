"""The reader's `:` prompt reads what a vim user types there."""

from __future__ import annotations

import pytest

from tui.reading.commands import Command, read_command


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("200", Command("line", 200)),
        (" 200 ", Command("line", 200)),
        (":200", Command("line", 200)),  # `::200`, a colon typed twice
        ("0", Command("line", 0)),
        ("$", Command("end")),
        ("q", Command("quit")),
        ("q!", Command("quit")),
        ("wq", Command("quit")),
        ("x", Command("quit")),
        ("qa", Command("quit_all")),
        ("qa!", Command("quit_all")),
        ("qall", Command("quit_all")),
        ("wqa", Command("quit_all")),
        ("xa", Command("quit_all")),
        ("/Mina", Command("search", words="Mina")),
        ("/Mina/", Command("search", words="Mina")),
        ("/a\\/", Command("search", words="a\\/")),
        ("?Mina", Command("search_back", words="Mina")),
        ("/", Command("search", words="")),
        ("h", Command("help")),
        ("help marks", Command("help")),
        ("f", Command("file")),
        ("file", Command("file")),
        ("marks", Command("marks")),
        ("", Command("none")),
        ("w", Command("write")),
        ("+10", Command("lines", 10)),
        ("-10", Command("lines", -10)),
        ("+", Command("lines", 1)),
        ("-", Command("lines", -1)),
        ("50%", Command("percent", words="50")),
        ("12.5 %", Command("percent", words="12.5")),
        ("noh", Command("clear_search")),
        ("nohl", Command("clear_search")),
        ("nohlsearch", Command("clear_search")),
        ("no", Command("unknown")),
        ("%", Command("unknown")),
        ("+10j", Command("unknown")),
        ("set nu", Command("set", words="nu")),
        ("se width=60", Command("set", words="width=60")),
        ("settings", Command("settings")),
        ("set", Command("settings")),
        (" se ", Command("settings")),
        ("options", Command("settings")),
        ("settingsx", Command("unknown", words="settings")),
        ("hepl", Command("unknown", words="help")),
        ("marsk", Command("unknown", words="marks")),
        ("qiut", Command("unknown", words="quit")),
        ("colo desert", Command("set", words="background")),
        ("nu", Command("file")),
        ("number", Command("file")),
        ("200j", Command("unknown")),
        ("e ~/books/Worm.epub", Command("edit", words="~/books/Worm.epub")),
        ("e  My Story.txt ", Command("edit", words="My Story.txt")),
        ("edit! story.txt", Command("edit", words="story.txt")),
        ("view story.txt", Command("edit", words="story.txt")),
        ("e", Command("edit")),
        ("e!", Command("edit")),
        ("e #", Command("edit", words="#")),
        ("e#", Command("edit", words="#")),
        ("e!#", Command("edit", words="#")),
        ("x#", Command("unknown")),
    ],
)
def test_what_is_typed_at_the_colon_prompt(typed: str, expected: Command) -> None:
    assert read_command(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("e ~/bo", ("e ", "~/bo")),
        (":edit  My Bo", (":edit  ", "My Bo")),
        ("e", None),  # (no path begun: nothing to complete)
        ("set wi", None),
        ("/e x", None),
    ],
)
def test_the_path_a_colon_e_command_is_typing(typed: str, expected) -> None:
    from tui.reading.commands import file_typed

    assert file_typed(typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("nu", "no line numbers"),
        ("number", "no line numbers"),
        ("nonu", "no line numbers"),
        ("rnu", "no line numbers"),
        ("nu?", "no line numbers"),
        ("invnumber", "no line numbers"),
        ("wrap", "always wraps"),
        ("nowrap", "always wraps"),
        ("tw=60", "always wraps"),
        ("hls", ":noh clears"),
        ("nohlsearch", ":noh clears"),
        ("ic", "smart-case"),
        ("noignorecase", "smart-case"),
        ("bg=dark", "the theme"),
        ("ro", "never writes"),
        ("spell", "no :set NAME=VALUE"),
        ("width=60", "no :set NAME=VALUE"),
    ],
)
def test_set_with_a_vim_option_says_what_chapbook_does_instead(typed: str, says: str) -> None:
    from tui.reading.set_options import set_answer

    assert says in set_answer(typed)


def test_an_unknown_command_close_to_one_names_it() -> None:
    from tui.reading.commands import unknown_said

    def said(typed: str) -> str:
        return unknown_said("“:{typed}”: the list", typed, read_command(typed))

    assert said("hepl") == "“:hepl” is not a chapbook command; did you mean :help?"
    assert said("zz") == "“:zz”: the list"  # (too short to tell)
    assert said("xyzzy") == "“:xyzzy”: the list"
