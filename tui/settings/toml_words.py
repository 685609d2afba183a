"""Python's TOML errors in plain words, and where in settings.toml each name is written.

An error such as `Cannot declare ('keys',) twice` is told with its line.
"""

from __future__ import annotations

import ast
import codecs
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TomlError:
    """What is wrong in a TOML file, worded for a user, and where (1-based; None at the end)."""

    words: str
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        """`line 12`, or `the end of the file`."""
        return f"line {self.line}" if self.line is not None else "the end of the file"


def _dotted(written: str) -> str:
    """tomllib's key tuple, `('reader', 'width')`, as `reader.width`."""
    try:
        parts = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    if isinstance(parts, tuple) and all(isinstance(part, str) for part in parts):
        return ".".join(parts)
    return str(parts)


def _character(written: str) -> str:
    """tomllib's `'\\t'` as a name a user can find in an editor."""
    try:
        character = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    if not isinstance(character, str) or len(character) != 1:
        return written
    if character.isprintable() and not character.isspace():
        return f'"{character}"'
    return f"U+{ord(character):04X} (an invisible control character)"


_QUOTE_HINT = 'text needs quotes, like "this"'

# tomllib's message (without its place) → the same in plain words.
_WORDINGS: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"Cannot declare (.+) twice", lambda m: f"the table [{_dotted(m[1])}] is declared twice"),
    (
        r"Cannot overwrite a value",
        lambda m: "this sets a name that already has a value (each name only once)",
    ),
    (
        r"Cannot mutate immutable namespace (.+)",
        lambda m: f"{_dotted(m[1])} was written whole before and cannot be added to here",
    ),
    (
        r"Cannot redefine namespace (.+)",
        lambda m: f"{_dotted(m[1])} is already a table and cannot be given a value",
    ),
    (r"Duplicate inline table key (.+)", lambda m: f"{m[1]} is written twice inside {{ }}"),
    (
        r"Expected '=' after a key in a key/value pair",
        lambda m: 'expected "=" after the name (write name = value)',
    ),
    (
        r"Expected '\]' at the end of a table declaration",
        lambda m: 'the table name is missing its closing "]"',
    ),
    (
        r"Expected '\]\]' at the end of an array declaration",
        lambda m: 'the table name is missing its closing "]]"',
    ),
    (
        r"Expected newline or end of document after a statement",
        lambda m: (
            f"expected the end of the line after the value: one setting a line, and {_QUOTE_HINT}"
        ),
    ),
    (
        r"Invalid statement",
        lambda m: "this line is neither name = value nor a [table]",
    ),
    (r"Invalid value", lambda m: f"a value is missing or not valid: {_QUOTE_HINT}"),
    (
        r"Invalid initial character for a key part",
        lambda m: "a name may hold only letters, digits, _ and - (or be in quotes)",
    ),
    (r"Unclosed array", lambda m: 'a list is missing its closing "]"'),
    (r"Unclosed inline table", lambda m: 'a { } table is missing its closing "}"'),
    (r"Unterminated string", lambda m: "a text in quotes is not closed"),
    (
        r"Illegal character '\\n'",
        lambda m: "a text in quotes is not closed before the end of the line",
    ),
    (
        r"(?:Illegal|Found invalid) character (.+)",
        lambda m: f"the character {_character(m[1])} is not allowed here",
    ),
    (
        r"Unescaped '\\' in a string",
        lambda m: r"a \ in double quotes must be written \\ (or use 'single quotes')",
    ),
    (
        r"Invalid hex value|Escaped character is not a Unicode scalar value",
        lambda m: r"a \u or \U escape in a text is not a valid character",
    ),
    (r"Invalid date or datetime", lambda m: "not a valid date or time"),
    (r"Expected (.+)", lambda m: f"expected {m[1]}"),
]


def toml_error(err: tomllib.TOMLDecodeError, text: str = "") -> TomlError:
    """``err`` in plain words, with its line and column when tomllib gave them; with the
    file's ``text``, a name set twice also says which, and where it was set first."""
    message = str(err)
    line = column = None
    place = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if place:
        line, column = int(place[1]), int(place[2])
        message = message[: place.start()]
    else:
        message = re.sub(r"\s*\(at end of document\)$", "", message)
    lines = text.splitlines()
    if line is None and lines:
        unclosed = _unclosed_at_end(text, lines)
        if unclosed is not None:
            return unclosed
        # The end of the file is after its last line with text: that line is what to fix.
        line = max((n for n, written in enumerate(lines, 1) if written.strip()), default=None)
        column = len(lines[line - 1].rstrip()) + 1 if line is not None else None
    if lines and line is not None and message == "Cannot overwrite a value":
        twice = _set_twice(lines, line)
        if twice:
            return TomlError(twice, line, column)
    if line is not None and 0 < line <= len(lines):
        # The parser says what it expected next, which may be far from the slip made there
        # (an unclosed `[keys` read as [keys declared twice): the line itself says more.
        slip = slip_on(lines[line - 1])
        if slip:
            return TomlError(slip, line, column)
        declared = re.fullmatch(r"Cannot declare (.+) twice", message)
        if declared:
            return TomlError(_declared_twice(lines, line, _dotted(declared[1])), line, column)
    for pattern, words in _WORDINGS:
        found = re.fullmatch(pattern, message)
        if found:
            return TomlError(words(found), line, column)
    return TomlError(message[:1].lower() + message[1:], line, column)


# A name as TOML takes it without quotes, and a bare word as people write a text or a key.
_BARE_NAME = re.compile(r"[A-Za-z0-9_\-]+")
_NAME_THEN_VALUE = re.compile(r"^([A-Za-z0-9_\-]+)\s+([^=\s].*)$")
_PLUS_NAME = re.compile(r"""^([^\s="'\[\]#]*\+[^\s="'\[\]#]*)\s*=\s*(.*)$""")
_QUOTED_WORD = re.compile(r"""^(["'])([A-Za-z0-9_\-]+)\1\s*(#.*)?$""")


def slip_on(written: str) -> str | None:
    """The common slip that makes a line not TOML, in plain words with the line as it should
    be: a header without its `]`, a text without its closing quote, a missing `=`, a key or a
    word without quotes. None when the line shows none of them."""
    line = written.strip()
    if not line or line.startswith("#"):
        return None
    if line.startswith("["):
        return _header_slip(line)
    plus = _PLUS_NAME.match(line)
    if plus:
        name, value = plus[1], plus[2]
        swapped = _QUOTED_WORD.match(value.strip())
        if swapped:  # `ctrl+f = "find"`: a key written where its action belongs
            return (
                f"{name} is a key, written where a name belongs: the action comes first and "
                f'the key in quotes, {swapped[2]} = "{name}"'
            )
        return f'the name {name} holds "+", so it needs quotes: "{name}" = {value}'
    assign = ASSIGNMENT.match(line)
    if assign is None:
        return _missing_equals(line)
    name = assign[1].strip()
    value = line[assign.end() :].strip()
    if value[:1] in ('"', "'") and not value.startswith(value[0] * 3):
        return _unclosed_text(name, value)
    return _unquoted_word(name, value)


def _header_slip(line: str) -> str | None:
    """A header whose brackets are wrong: `[keys` without its `]`, `[reader]]`, `[[reader]`,
    or `[[reader]]`, which makes a list of tables where chapbook reads one table. Each is
    answered with the header as it should be, in single brackets."""
    body = line.split("#", 1)[0].rstrip()
    opening = len(body) - len(body.lstrip("["))
    closing = len(body) - len(body.rstrip("]"))
    name = body.strip("[]").strip()
    if not _BARE_NAME.fullmatch(name.replace(".", "")):
        return None
    if closing == 0:
        return f'the header "{body}" has no closing "]": write [{name}]'
    if opening == closing == 2:
        return (
            f"[[{name}]], in double brackets, makes a list of tables, and settings are one "
            f"table: write [{name}], once, above all its entries"
        )
    if opening != closing:
        return f'the header "{body}" has {opening} "[" and {closing} "]": write [{name}]'
    return None


def _missing_equals(line: str) -> str | None:
    """`width 64`, `theme "paper"`: a name and its value without the `=` between them."""
    found = _NAME_THEN_VALUE.match(line)
    if found is None or "=" in line:
        return None
    name, value = found[1], found[2].strip()
    return f'"=" is missing between {name} and its value: write {name} = {value}'


def _unclosed_text(name: str, value: str) -> str | None:
    """`find = "ctrl+f`: a text whose closing quote is missing."""
    quote = value[0]
    body = value[1:]
    if quote == '"':
        closed = re.search(r'(?<!\\)(?:\\\\)*"', body)
    else:
        closed = re.search("'", body)
    if closed is not None:
        return None
    text = body.rstrip()
    return f"the text after {name} = has no closing quote: write {name} = {quote}{text}{quote}"


def _unquoted_word(name: str, value: str) -> str | None:
    """`find = ctrl+f`, `theme = paper`: a key or a word written without quotes."""
    bare = value.split("#", 1)[0].strip()
    if not bare or not re.fullmatch(r"[^\s\"'\[\]{},=]+", bare):
        return None
    try:
        tomllib.loads(f"x = {bare}")
    except tomllib.TOMLDecodeError:
        pass
    else:
        return None  # a number, true or a date: the slip is elsewhere on the line
    if bare.lower() in ("yes", "no", "on", "off"):
        return f"{bare} is not a TOML value: write true or false, without quotes"
    what = "the key" if "+" in bare else "the word"
    return f'{what} {bare} needs quotes: write {name} = "{bare}"'


# What closes a list or a { } table left open at the end of a file, and what is missing then.
_CLOSINGS = {
    "]": 'a list is missing its closing "]"',
    "]]": 'a list inside a list is missing its closing "]"s',
    "}": 'a { } table is missing its closing "}"',
    "]}": 'a { } table is missing its closing "]" and "}"',
    "}]": 'a list is missing its closing "}" and "]"',
}


def _unclosed_at_end(text: str, lines: list[str]) -> TomlError | None:
    """A list or a { } table still open where the file ends, which tomllib reports only as
    an invalid value at the end of the document: what is missing, at the line of the last
    `name = value` (where it was opened) and the column of its bracket."""
    for closing, words in _CLOSINGS.items():
        try:
            tomllib.loads(text + "\n" + closing)
        except tomllib.TOMLDecodeError:
            continue
        opened = [number for number, _name, _table in _names_by_line(lines)]
        if not opened:
            return None
        line = opened[-1]
        written = lines[line - 1]
        bracket = written.find("[" if closing.endswith("]") else "{", written.find("="))
        return TomlError(words, line, bracket + 1 if bracket >= 0 else None)
    return None


# A line of a TOML file: a `[table]` header (or a `[[table]]` one, which TOML reads as a list
# of tables), or the start of `name = value` (indented or not).
TABLE_HEADER = re.compile(
    r"^\s*(?:\[\[\s*(?P<listed>[^\[\]]+?)\s*\]\]|\[\s*(?P<name>[^\[\]]+?)\s*\])\s*(#.*)?$"
)
ASSIGNMENT = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*="""
)


def header_name(line: str) -> str | None:
    """The dotted name of the table a header line opens (`[reader]`, `[[reader]]` and
    `[ "keys" ]` alike), or None when the line is no header."""
    header = TABLE_HEADER.match(line)
    if header is None:
        return None
    return key_path(header["listed"] or header["name"])


def listed_header(line: str) -> bool:
    """True for a `[[name]]` header: a table of a list of tables, which chapbook never has."""
    header = TABLE_HEADER.match(line)
    return header is not None and header["listed"] is not None


def key_path(written: str) -> str:
    """A dotted TOML name as written (`"a b".c`, `keys . find`) read as `a b.c`, `keys.find`."""
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_\-]+)""", written)
    return ".".join("".join(part) for part in parts)


def _names_by_line(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line, dotted name, its table) of each [table] header and each name = value."""
    found: list[tuple[int, str, str]] = []
    table = ""
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        name = header_name(stripped)
        if name is not None:
            table = name
            found.append((number, table, table))
            continue
        assign = ASSIGNMENT.match(stripped)
        if assign:
            key = key_path(assign[1])
            found.append((number, f"{table}.{key}" if table else key, table))
    return found


def locate(lines: list[str], dotted: str) -> int | None:
    """The 1-based line in settings.toml where a dotted setting is written, if it can be found;
    for a table, its first header (`[keymaps.vim]` is where the table keymaps begins); for an
    entry of a `{ }` table, the line of the table."""
    if not lines or not dotted:
        return None
    for number, name, _table in _names_by_line(lines):
        if name == dotted or name.startswith(dotted + "."):
            return number
    if "." in dotted:  # (an entry of an inline table, `reader = { widht = 70 }`: its line)
        return locate(lines, dotted.rpartition(".")[0])
    return None


def _set_twice(lines: list[str], line: int) -> str | None:
    """What tomllib's `Cannot overwrite a value` at ``line`` means: which name is set again,
    and the line where it was set first."""
    here = next(((name, table) for n, name, table in _names_by_line(lines) if n == line), None)
    if here is None or header_name(lines[line - 1]) is not None:
        return None  # (a header set again: its slip is told by the header's own words)
    dotted, table = here
    first = locate(lines, dotted)
    if first is None or first >= line:
        return None
    name = dotted.removeprefix(f"{table}.") if table else dotted
    where = f"{name} in [{table}]" if table else name
    return f"{where} is set twice: first on line {first}, again here; keep only one of the two"


def _declared_twice(lines: list[str], line: int, table: str) -> str:
    """What tomllib's `Cannot declare ('keys',) twice` at ``line`` means, with the line where
    the table was declared first and the fix."""
    first = next(
        (n for n, written in enumerate(lines[: line - 1], 1) if header_name(written) == table),
        None,
    )
    where = f", on line {first} and here" if first is not None else ""
    return (
        f"the table [{table}] is declared twice{where}: keep one [{table}] and put all its "
        "entries under it"
    )


def not_utf8(raw: bytes) -> TomlError | None:
    """Where the first byte that is not UTF-8 is in a settings file, and what to do; None when
    the file is UTF-8 (a byte-order mark is allowed)."""
    body = raw.removeprefix(codecs.BOM_UTF8)
    if _utf16(body):
        # (its first byte, or the NUL beside every letter, was named as if it were UTF-8 gone
        # wrong: `the byte 0xFF ("ÿ" in Latin-1)`, or a name holding a bad character)
        words = (
            "is UTF-16 text, not UTF-8. Save the file as UTF-8 (your editor's encoding "
            "choice when saving; Windows Notepad calls UTF-16 “Unicode”)."
        )
        return TomlError(words, 1, 1)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as err:
        before = body[: err.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8")) + 1
        byte = body[err.start]
        legacy = bytes([byte]).decode("cp1252", errors="replace")
        named = f' ("{legacy}" in Latin-1)' if legacy.isprintable() and legacy != "\ufffd" else ""
        words = (
            f"is not UTF-8 text: the byte 0x{byte:02X}{named} here is not UTF-8. Save the file "
            "as UTF-8 (your editor's encoding choice when saving)."
        )
        return TomlError(words, before.count(b"\n") + 1, column)
    return None


def _utf16(raw: bytes) -> bool:
    """Whether ``raw`` is UTF-16 text: its byte order mark, or a NUL beside the characters of
    its start (ASCII in UTF-16), tells."""
    head = raw[:200]
    return raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(head) >= 4 and head.count(0) >= len(head) // 3
    )


__all__ = ["TomlError", "locate", "not_utf8", "toml_error"]
