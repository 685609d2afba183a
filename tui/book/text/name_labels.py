"""Narrators' names alone on their lines that head a book's sections (`Laura`, `Carmilla`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Sequence
from itertools import pairwise
from statistics import median

from tui.book.model import ParaKind
from tui.book.rules.scene_headers import HEADER_CHARS, header_key
from tui.book.text.stanzas import stanza_under

TEXT = int(ParaKind.TEXT)
# A name is a label of the book's when it is set alone this many times, and two or more such
# names this many times in all (a few narrators taking turns through the book, not two people
# who each sign a few letters).
NAME_RECURS = 3
NAMES_IN_ALL = 10
# A section under a label runs this many characters at least, in the middle of the book's: a
# name over a line or two is a speaker's (a script, a chat log), not a narrator's.
SECTION_CHARS = 800
# A line set alone over a stanza this share of the times is a poem's title.
POEM_SHARE = 0.5


# What `_name_shaped` may take, looked at in the text before the paragraph is read: words
# opening with any letter but a small Latin one, of letters, full stops and apostrophes; or a
# paragraph of more than one line, which a book rejoining its lines reads as one.
_MAY_BE_NAMES = re.compile(
    r"[^\S\n]*[^\W\d_a-z][\w.']*(?:[^\S\n]+[^\W\d_a-z][\w.']*)*[^\S\n]*|[^\n]*\n[\s\S]*"
)


def name_labels(
    text: str,
    paragraph: Callable[[int], str],
    kinds: bytearray,
    classified: Container[int],
    spans: tuple[Sequence[int], Sequence[int]],
    first: int,
    last: int,
) -> list[int]:
    """Paragraphs in ``[first, last)`` that are one of the few names the book sets alone on
    their lines again and again, each over a long stretch of story: the narrator of the
    section it heads (a point of view switching), which opens a scene wherever it stands.
    ``classified`` are the paragraphs read as something else (a heading, a label); ``spans``
    are the paragraphs' start and end offsets in ``text``."""
    starts, ends = spans
    keys: dict[int, str] = {}
    for i in range(first, last):
        if ends[i] - starts[i] > 2 * HEADER_CHARS or kinds[i] != TEXT or i in classified:
            continue
        lead = text[starts[i]]
        if not (lead.isupper() or lead.isspace()):
            continue  # (a name begins with a capital: most short lines are seen no further)
        if not _MAY_BE_NAMES.fullmatch(text, starts[i], ends[i]):
            continue  # (a line of prose, `He nodded.`, is seen no further)
        line = paragraph(i)
        if "\n" in line.strip():
            continue
        if not _name_shaped(line):
            continue
        key = header_key(line)
        # (a name under `Yours ever,` signs a letter: it closes what is above it)
        if key and not (i and paragraph(i - 1).rstrip().endswith(",")):
            keys[i] = key
    counts = Counter(keys.values())
    if not recurring_labels(counts):
        return []  # (before any word is counted: most books have no such names)
    # (`And`, `She` alone on a line, where OCR split a paragraph, are words of the prose: a
    # name is not written in small letters as often as the book sets it alone)
    in_prose = _words_in_small_letters(text, {key.split()[0] for key in counts})
    labels = recurring_labels(
        Counter({key: count for key, count in counts.items() if _a_name(in_prose, key, count)})
    )
    if not labels:
        return []
    # (a line set over the poems the story quotes, `SONNET`, titles verse, not a narrator's
    # section: those left must still be a few names taking turns)
    poems = Counter(
        key for i, key in keys.items() if key in labels and stanza_under(text, starts, ends, i)
    )
    labels = recurring_labels(
        Counter({key: counts[key] for key in labels if poems[key] < POEM_SHARE * counts[key]})
    )
    if not labels:
        return []
    found = sorted(i for i, key in keys.items() if key in labels)
    sections = [starts[b] - ends[a] for a, b in pairwise(found)]
    if median(sections) < SECTION_CHARS:
        return []
    return found


def recurring_labels(alone: Counter[str]) -> set[str]:
    """The lines among ``alone`` (each with how often the book sets it alone on its line) that
    are labels heading the book's sections: where two or more recur NAME_RECURS times or more,
    NAMES_IN_ALL in all (a few narrators taking turns), each set alone twice or more (once the
    book is seen to name its narrators so, a name it sets alone twice is one more)."""
    family = [line for line, count in alone.items() if count >= NAME_RECURS]
    if len(family) < 2 or sum(alone[line] for line in family) < NAMES_IN_ALL:
        return set()
    return {line for line, count in alone.items() if count >= 2}


def _a_name(in_prose: Counter[str], key: str, count: int) -> bool:
    """The label (`laura`, as compared) is not a word the prose writes in small letters at
    least as often as the book sets it alone: a name, not `and` or `she`. ``in_prose`` counts
    the words the text writes between spaces."""
    return count < 2 or in_prose[key.split()[0]] < count


def _words_in_small_letters(text: str, words: set[str]) -> Counter[str]:
    """How often the text writes each of ``words`` between spaces, in one pass over it (not
    one for each word: a chat log sets thousands of short lines alone twice or more)."""
    between = Counter(text.split(" ")[1:-1])
    return Counter({w: between[w] for w in words if w in between})


def _name_shaped(line: str) -> bool:
    """One to three capitalised words and nothing else: `Laura`, `Mother Karnstein`, `JP`."""
    words = line.split()
    return all(w[:1].isupper() and w.replace(".", "").replace("'", "").isalpha() for w in words)
