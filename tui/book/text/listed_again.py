"""Where an entry of a contents list stands again in the text.

The same words in any case (`The Sisters` over `THE SISTERS`), or spelled apart by another hand
than the headings' (`THREE AND--AN EXTRA.`, a letter misprinted in a long word); and, for the
front matter, where a list's first entry heads its part (`GENERAL INTRODUCTION.` for
`INTRODUCTION.`).
"""

from __future__ import annotations

import bisect
import re
from array import array

from tui.book.rules.heading_decoration import strip_decoration, without_closing_stop

_WORD = re.compile(r"[^\W\d_]+|\d+")
_ROMAN = re.compile(r"[ivxlcdm]+")
# A word a printer may misspell by one letter is at least this long (shorter ones are too
# often another word: `his`, `has`).
MISSPELT_WORD = 5


def _words(line: str) -> list[str]:
    return _WORD.findall(line.casefold())


def spelling_keys(line: str) -> list[tuple]:
    """Keys two lines share whenever they are `_spelled_alike` (and sometimes when not: two
    long words of one length differing in more than a letter): the words, and the words with
    each long word but a number blanked to its length."""
    words = _words(line)
    keys: list[tuple] = [tuple(words), ("".join(words),)]
    for k, word in enumerate(words):
        if len(word) >= MISSPELT_WORD and not word.isdigit() and not _ROMAN.fullmatch(word):
            keys.append((*words[:k], len(word), *words[k + 1 :]))
    return keys


def spelled_alike(a: str, b: str) -> bool:
    """The same title spelled apart: the same words but for punctuation (`THREE AND AN
    EXTRA`, `THREE AND--AN EXTRA.`, `BROOK-SIDE`) and at most one letter of one long word
    (`LESPETH`, `LISPETH`), never a number (`Chapter IV`, `Chapter V`)."""
    return _words_alike(_words(a), _words(b))


def _words_alike(wa: list[str], wb: list[str]) -> bool:
    """`spelled_alike` of two lines' words."""
    if wa and "".join(wa) == "".join(wb):
        return True  # (a word hyphenated in one and not the other: `BROOK-SIDE`, `BROOKSIDE`)
    if not wa or len(wa) != len(wb):
        return False
    apart = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if not apart:
        return True
    if len(apart) > 1:
        return False
    x, y = apart[0]
    return (
        len(x) == len(y) >= MISSPELT_WORD
        and sum(p != q for p, q in zip(x, y, strict=True)) == 1
        and not (x.isdigit() or y.isdigit() or _ROMAN.fullmatch(x) or _ROMAN.fullmatch(y))
    )


def as_set(line: str) -> str:
    line = strip_decoration(line.strip())
    return without_closing_stop(line)


class ShortLines:
    """The short paragraphs after a contents list, where an entry spelled apart is looked for,
    entry after entry: each one's line and words are read once (a novel's thousands of lines
    of speech were read again for every entry not found as written)."""

    def __init__(self, indexes: list[int], paragraph) -> None:
        self.indexes = indexes
        self._paragraph = paragraph
        self._read: dict[int, tuple[str, list[str]] | None] = {}

    def read(self, i: int) -> tuple[str, list[str]] | None:
        """Paragraph ``i`` without its decoration, and its words; None when it is more than
        one line."""
        if i not in self._read:
            line = self._paragraph(i).strip()
            if "\n" in line:
                self._read[i] = None
            else:
                line = strip_decoration(line)
                self._read[i] = (line, _words(line))
        return self._read[i]


def find_spelled_apart(
    short: ShortLines, starts: array, entry: str, pos: int, others: frozenset = frozenset()
) -> int | None:
    """The first of the ``short`` paragraphs at or after offset ``pos`` that is ``entry``
    spelled apart (see `spelled_alike`): a list set by another hand than the headings; or,
    failing that, a long title with one word another (see `worded_alike`) that is none of the
    list's ``others`` (their `entry_key`)."""
    wanted = _words(entry)
    letters = len("".join(wanted))
    first = bisect.bisect_left(short.indexes, bisect.bisect_left(starts, pos))
    worded = None
    # (a title of few words is not told apart by one: `The Red Room`, `The Blue Room`)
    long = len(wanted) >= WORDED_TITLE_WORDS
    for i in short.indexes[first:]:
        read = short.read(i)
        if read is None:
            continue
        line, words = read
        # (spelled alike, two lines have as many letters: a quick way past most lines)
        if len("".join(words)) == letters and _words_alike(words, wanted):
            return i
        if (
            long
            and worded is None
            and abs(len(line) - len(entry)) <= WORDED_LENGTH_APART
            and _worded_alike(words, wanted)
            and entry_key(line) not in others
        ):
            worded = i
    return worded


# A title told apart by one word only when it has at least this many, and the two lines
# differ in length by at most this much.
WORDED_TITLE_WORDS = 6
WORDED_LENGTH_APART = 16


def worded_alike(a: str, b: str) -> bool:
    """One long title said with one word another (`THE WIDESPREAD ENIGMA CONCERNING BLUE-STAR
    WOMAN` for `The Widespread Enigma of Blue-Star Woman`), never a number."""
    return _worded_alike(_words(a), _words(b))


def _worded_alike(wa: list[str], wb: list[str]) -> bool:
    """`worded_alike` of two lines' words."""
    if len(wa) != len(wb) or len(wa) < WORDED_TITLE_WORDS:
        return False
    apart = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return len(apart) == 1 and not any(w.isdigit() or _ROMAN.fullmatch(w) for w in apart[0])


def find_paragraph(text: str, starts: array, paragraph, entry: str, pos: int) -> int | None:
    """The first paragraph at or after offset ``pos`` whose whole text is ``entry``, in any
    case (`The Sisters` in the list, `THE SISTERS` over the story)."""
    pattern = re.compile(re.escape(entry), re.IGNORECASE)
    wanted = entry.casefold()
    found = pattern.search(text, pos)
    while found is not None:
        i = bisect.bisect_right(starts, found.start()) - 1
        if i >= 0 and strip_decoration(paragraph(i).strip()).casefold() == wanted:
            return i
        if i >= 0 and _titled_over_subtitle(text[starts[i] : found.end() + 200], wanted):
            return i
        found = pattern.search(text, found.end())
    return None


# A title over its subtitle (`A LODGING FOR THE NIGHT` over `A STORY OF FRANCIS VILLON`), one
# paragraph of two short lines: at most this long.
TITLE_WITH_SUBTITLE_CHARS = 120


def _titled_over_subtitle(head: str, wanted: str) -> bool:
    """``head``, the start of a paragraph, is the entry's title on a line of its own over a
    subtitle line, and nothing more."""
    lines = head.split("\n\n", 1)[0].strip().split("\n")
    return (
        len(lines) == 2
        and len(lines[0]) + len(lines[1]) <= TITLE_WITH_SUBTITLE_CHARS
        # (a title's line run over, `... education, and great / endowments`, goes on in
        # small letters)
        and lines[1].strip().lstrip("_*")[:1].isupper()
        and strip_decoration(lines[0].strip()).casefold() == wanted
    )


def entry_key(text: str) -> str:
    """A contents entry or a heading as they are compared for the same words: in lower case,
    without marks (`EXTRACTS (Supplied by …).` is `EXTRACTS. (Supplied by …)`)."""
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


def listed_parts(paragraph, listing: tuple[int, int], limit: int) -> list[tuple[int, int]]:
    """The parts of the front matter a contents list names before chapter 1 (`ETYMOLOGY.`,
    `EXTRACTS.`, `Introduction`), from where the first of them stands to the chapter: each
    headed by its own line, to the next such line, as (heading, end). None where nothing is
    written under them (the book's title or a part's, right over chapter 1)."""
    keys = {entry_key(paragraph(k)) for k in range(*listing)}
    keys.discard("")
    heads = [k for k in range(listing[1], limit) if _heads_an_entry(paragraph(k), keys)]
    if not heads:
        return []
    parts = list(zip(heads, [*heads[1:], limit], strict=True))
    written = any(
        any(c.isalpha() for c in paragraph(k)) for head, end in parts for k in range(head + 1, end)
    )
    return parts if written else []


def listed_again(paragraph, first: int, limit: int) -> int | None:
    """The paragraph before ``limit`` where the first entry of a contents list starting at
    ``first`` stands again, as the heading of what it lists; None when it does not."""
    entry = next((k for k in range(first, limit) if paragraph(k).strip()), None)
    if entry is None:
        return None
    key = entry_key(paragraph(entry))
    if len(key) < 3:
        return None
    return next((k for k in range(entry + 1, limit) if _heads_entry(paragraph(k), key)), None)


# A heading that names a list's entry with words of its own before it (`GENERAL INTRODUCTION.`
# for `INTRODUCTION.`) is at most this long.
ENTRY_HEADING_CHARS = 60


def _heads_an_entry(text: str, keys: set[str]) -> bool:
    """The paragraph is the heading of one of a contents list's entries (``keys``)."""
    if entry_key(text) in keys:
        return True
    return len(text) <= ENTRY_HEADING_CHARS and any(_heads_entry(text, key) for key in keys)


def _heads_entry(text: str, key: str) -> bool:
    """The paragraph is the heading a contents entry (``key``, its `entry_key`) lists: the
    entry's words, or a short line ending in them."""
    found = entry_key(text)
    return found == key or (len(text) <= ENTRY_HEADING_CHARS and found.endswith(" " + key))
