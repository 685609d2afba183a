"""Bold labels inside a chapter that open scenes: numbered sections, and where or when.

A one-shot posted as one chapter is often divided into numbered, titled sections set in bold
paragraphs of their own (`<b>2. Straight Through My Heart</b>`). They are not chapters (the
work has one), but each opens a scene. So does a bold line saying where or when the scene
happens (`<b>ALL WORLD:</b>`, `<b>Three days later</b>`, `<b>1733, January</b>`), when the
book does so more than once; but not a bold hour stamping a text message (`<b>6:25PM</b>` over
`<b><i>Wanda:</i></b> on my way`). A one-shot's `Part I` / `Part II` lines divide it the same
way: its parts open scenes, and the first does not name the work's one chapter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.book_breaks import says_when
from tui.book.markup.contents import part_number
from tui.book.markup.numbered_parts import PART_LINE
from tui.book.markup.para import Para, bare_number, set_apart
from tui.book.model import Book, ParaKind
from tui.book.rules.breaks import is_setoff_line

# `2. Title`, `5a. Title`, `IV. Title`, `Part 3: Title`, `#02 - Kiss`: a number label, then a
# few words.
NUMBERED = re.compile(
    r"(?:part\s+|#\s*)?(?:\d{1,3}[a-z]?|[ivxlc]{1,6})(?:[.:)]|\s+[-–—])\s+\S.{0,70}", re.I
)
MIN_LABELS = 3  # labels in a chapter before they are taken as its sections
MAX_LABEL_CHARS = 80
# `EN ROUTE FROM HOGWARTS TO THE MINISTRY OF MAGIC:`: a place in capitals, a colon after it.
CAPITAL_PLACE = re.compile(r"[^a-z\n]{3,70}:")
MIN_HEADERS = 2  # where/when lines in a book before they are taken as scene headers
OPENING_LINE_CHARS = 100  # a line of a chapter's opening (title, epigraph), at the longest


def section_starts(book: Book, paras: Sequence[Para]) -> list[int]:
    """Paragraphs that open a numbered section of their chapter, where a chapter has three or
    more such bold labels, and bold where/when lines where the book has two or more (sorted)."""
    out: list[int] = []
    headers: list[int] = []
    titled: list[int] = []  # bold lines in title case that do not say when
    for chapter in book.chapters:
        labels = []
        for i in range(chapter.start, chapter.end):
            if book.kinds[i] != ParaKind.TEXT or not _all_bold(paras[i]):
                continue
            text = paras[i].text
            if NUMBERED.fullmatch(text):
                labels.append(i)
            elif CAPITAL_PLACE.fullmatch(text) or is_setoff_line(text):
                headers.append(i)
            elif says_when(text) and not _in_opening(book, paras, chapter.start, i):
                headers.append(i)  # (under an epigraph, `SALEM - 1693` opens the chapter)
            elif _title_cased(text):
                titled.append(i)
        if len(labels) >= MIN_LABELS:
            out.extend(labels)
    stamps = _message_stamps(paras, headers)
    headers = [i for i in headers if i not in stamps]
    if len(headers) >= MIN_HEADERS:
        out.extend(headers)
        if sum(_title_cased(paras[i].text, when=True) for i in headers) >= MIN_HEADERS:
            out.extend(titled)  # (`At the Hokage's Tower` among `Two Hours Later`s)
    out.extend(counted_sections(book, paras))
    out.extend(subchapter_starts(book, paras))
    out.extend(parts_of_one_chapter(book, paras))
    return sorted(set(out))


def parts_of_one_chapter(book: Book, paras: Sequence[Para]) -> list[int]:
    """A work of one chapter that opens on a line `Part 1` of its own, with `Part 2` … further
    on: the lines divide its text into parts, each opening a scene that starts with its line,
    not into chapters; its one chapter, named so far by the first line, takes the work's
    title, as a one-shot does. Where the parts after the first begin."""
    if len(book.chapters) != 1 or not book.title:
        return []
    chapter = book.chapters[0]
    head = chapter.heading
    if head is None or paras[head].hint != ParaKind.TEXT or not _part_line(paras[head], 1):
        return []
    if " ".join(chapter.title.split()) != " ".join(paras[head].text.split()):
        return []  # (named otherwise, by the contents or a title: that name stays)
    found: list[int] = []
    for i in range(head + 1, chapter.end):
        if book.kinds[i] not in (ParaKind.TEXT, ParaKind.LABEL):
            continue
        if PART_LINE.fullmatch(paras[i].text) is not None:
            if not _part_line(paras[i], len(found) + 2):
                return []  # (numbered out of turn: not the parts of this work)
            found.append(i)
    if found:
        book.kinds[head] = ParaKind.LABEL
        chapter.heading = None
        chapter.title = book.title
    return found


def _part_line(para: Para, number: int) -> bool:
    """The paragraph is the line `Part N` alone, for this number."""
    return PART_LINE.fullmatch(para.text) is not None and part_number(para.text) == number


# An hour alone, as a phone stamps a text message: `6:25PM`, `18:02`, `9.40 am`.
HOUR_ALONE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[A-Za-z]{1,2}\.?){0,2}")
# A sender's name and a colon opening a message: `Wanda: on my way`, `Mr Stark: no`.
SENDER_LABEL = re.compile(r"[A-Z][\w'’.-]{0,24}(?:\s[A-Z][\w'’.-]{0,24})?\s*:\s*\S")


def _message_stamps(paras: Sequence[Para], headers: Sequence[int]) -> set[int]:
    """The bold hour lines among ``headers`` that stamp the messages of a text exchange, not
    scenes: where most of the book's bold hours stand right over a sender's `Name:` line, and
    two or more do, each is a message's time (a chat set out as stamp, then sender and text)."""
    hours = [i for i in headers if HOUR_ALONE.fullmatch(paras[i].text.strip())]
    over_senders = [
        i
        for i in hours
        if i + 1 < len(paras)
        and paras[i + 1].hint == ParaKind.TEXT
        and SENDER_LABEL.match(paras[i + 1].text.strip())
    ]
    if len(over_senders) < MIN_HEADERS or 2 * len(over_senders) <= len(hours):
        return set()
    return set(hours)


# A section of a chapter marked as such (Standard Ebooks' `<section epub:type="z3998:subchapter">`).
SUBCHAPTER = "z3998:subchapter"
# A section's title set over it (`<header><p>Afternoon</p></header>`), at the longest.
SECTION_TITLE_CHARS = 80


def _subchapter(context: str) -> str | None:
    """The id of the innermost subchapter section around a paragraph, if any."""
    tokens = context.split()
    if SUBCHAPTER not in tokens:
        return None
    last = len(tokens) - 1 - tokens[::-1].index(SUBCHAPTER)
    return next((t for t in reversed(tokens[:last]) if t.startswith("#")), "")


def subchapter_starts(book: Book, paras: Sequence[Para]) -> list[int]:
    """The first paragraph of each section a chapter marks as its subchapter: a scene, whose
    title over it, when it has one, is its label."""
    found: list[int] = []
    for chapter in book.chapters:
        current = None
        for i in range(chapter.start, chapter.end):
            block = paras[i].block
            section = _subchapter(block.context) if block is not None else None
            if section is not None and section != current and i > chapter.start:
                found.append(i)
                text = paras[i].text.strip()
                if (
                    book.kinds[i] == ParaKind.TEXT
                    and len(text) <= SECTION_TITLE_CHARS
                    and "\n" not in text
                    and not text.endswith((".", "!", "?", "”", '"'))
                    and i + 1 < chapter.end
                ):
                    book.kinds[i] = ParaKind.LABEL  # (its title: the scene is known by it)
            current = section
    return found


# Chapters that count their sections so before a book is taken to do it.
MIN_COUNTING_CHAPTERS = 2


def counted_sections(book: Book, paras: Sequence[Para]) -> list[int]:
    """Paragraphs that are nothing but a number counting up inside a chapter (`I`, `II`,
    `III`, or from `II` where the chapter's heading stands for `I`): the chapter's numbered
    sections, each opening a scene, where at least MIN_COUNTING_CHAPTERS chapters count so.
    The numbers are labels over their sections, as a chapter's number is over it."""
    runs: list[list[int]] = []
    for chapter in book.chapters:
        run: list[int] = []
        expected: int | None = None
        for i in range(chapter.start + 1, chapter.end):
            # (a chapter's numbers read as its parts already, three or more of them, are
            # labels by now: they still show that this chapter counts its sections so)
            counted = book.kinds[i] in (ParaKind.TEXT, ParaKind.LABEL)
            heading = bare_number(paras[i]) if counted else None
            number = heading.number if heading is not None else None
            if number is None or not _prose_under(paras, i, chapter.end):
                continue  # (a song's stanzas are numbered too: verse under them)
            if expected is None and number in (1, 2):
                expected = number
            if number == expected or (run and expected is not None and number == expected + 1):
                run.append(i)  # (a number skipped in print, `IV` then `VI`, goes on counting)
                expected = number + 1
        if run and expected is not None and expected > 2:
            runs.append(run)
    if len(runs) < MIN_COUNTING_CHAPTERS:
        return []
    # (a chapter whose parts were read so already keeps them as they were read)
    found = [i for run in runs if all(book.kinds[j] == ParaKind.TEXT for j in run) for i in run]
    for i in found:
        book.kinds[i] = ParaKind.LABEL
    return found


# A section's first paragraph under its number is prose of at least this many words, or a
# whole sentence of at least the fewer (`Mrs. Babbitt returned in August.`).
SECTION_PROSE_WORDS = 6
SECTION_SENTENCE_WORDS = 3
SENTENCE = re.compile(r"[\"“‘']?[A-Z].*[.!?][\"”’']?")


def _prose_under(paras: Sequence[Para], i: int, end: int) -> bool:
    """The paragraph under paragraph ``i`` is prose, not a stanza of verse (set in lines)."""
    if i + 1 >= end or _in_verse(paras[i]) or _in_verse(paras[i + 1]):
        return False
    text = paras[i + 1].text.strip()
    if "\n" in text:
        return False
    words = len(text.split())
    return words >= SECTION_PROSE_WORDS or (
        words >= SECTION_SENTENCE_WORDS and SENTENCE.fullmatch(text) is not None
    )


_VERSE_CLASSES = re.compile(r"poem|stanza|verse|song|lyric", re.IGNORECASE)


def _in_verse(para: Para) -> bool:
    """Set in a poem's container (`div.poem`, `div.stanza`)."""
    return para.block is not None and _VERSE_CLASSES.search(para.block.context) is not None


def _in_opening(book: Book, paras: Sequence[Para], start: int, i: int) -> bool:
    """Nothing but short lines or lines set apart (a title, an epigraph) stands between the
    chapter's start and paragraph ``i``."""
    return all(
        book.kinds[k] != ParaKind.TEXT
        or len(paras[k].text) <= OPENING_LINE_CHARS
        or set_apart(paras[k])
        for k in range(start, i)
    )


# A bold line that names a place in title case, `At the Hokage's Tower`, `Sakura's House`: words
# and apostrophes only (a thought in bold, `Hot?`, `But -`, `Yup.`, is punctuated).
TITLE_CASED = re.compile(r"[A-Z][\w'’]*(?:\s+[\w'’]+){1,5}")
# A when-line in the same shape may have an hour or a dash in it: `The Next Morning - 5:00 am`.
TITLE_CASED_WHEN = re.compile(r"[A-Z][\w'’]*(?:\s+[\w'’:–—-]+){1,7}")
SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "at", "in", "on", "to", "and", "or", "for", "by", "from", "with"}
    | {"near", "am", "pm"}
)


def _title_cased(text: str, *, when: bool = False) -> bool:
    """A short line in title case: every word capitalised but the small ones (not all in
    capitals). ``when``: a line that says when, which may give an hour too. Where a book's
    bold when-lines are so (`Two Hours Later`, `The Next Morning`), its bold lines alike that
    do not say when say where: each opens a scene as they do."""
    text = text.strip()
    if (TITLE_CASED_WHEN if when else TITLE_CASED).fullmatch(text) is None or text.isupper():
        return False  # (a line in capitals is a shout, a sign, a system's message)
    return all(
        w[0].isupper() or not w[0].isalpha() or w.casefold() in SMALL_WORDS for w in text.split()
    )


def _all_bold(para: Para) -> bool:
    """A short paragraph of one line set in bold from end to end."""
    text = para.text
    if len(text) > MAX_LABEL_CHARS or "\n" in text or not para.spans:
        return False
    bold = sorted((s, e) for s, e, style in para.spans if style == "bold")
    covered = 0
    for s, e in bold:
        if s > covered and text[covered:s].strip():
            return False
        covered = max(covered, e)
    return bool(bold) and not text[covered:].strip()
