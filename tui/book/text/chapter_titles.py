"""A chapter heading and the title line under it made one title.

`Chapter 3` over `The Dark Forest` is `Chapter 3: The Dark Forest`.
"""

from __future__ import annotations

from dataclasses import replace

from tui.book.rules.breaks import is_date_line, is_setoff_line
from tui.book.rules.emphasis import without_emphasised
from tui.book.rules.heading_decoration import without_closing_stop
from tui.book.rules.headings import Heading, match_heading
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.listed_again import spelled_alike

# A chapter's title on the line under its heading is at most this long.
SUBTITLE_CHARS = 90
SUBTITLE_WORDS = 12
# ... or, set in capitals (no sentence is), this many words: `OF MY LAUNCH INTO THE WORLD AND
# THE LAST I SAW OF BLADESOVER`.
CAPITALS_SUBTITLE_WORDS = 16
# Words a title in title case leaves in lower case (`Advice from a Caterpillar`), so they are
# not counted when weighing how much of a line is capitalised.
TITLE_LOWER_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "onto",
        "upon",
    ]
)


# Titles that end in a full stop (`The Widow and her Child.`) are taken only where most of a
# book's chapters, and at least this many, have one: a sentence alone under a heading is story.
STOPPED_TITLES_LEAST = 3


def with_subtitles(choices: list[HeadingChoice], infos, paragraph, n: int) -> list[HeadingChoice]:
    """Each chapter heading joined with the title line under it, where it has one. A book
    that ends its chapters' titles with a full stop (`CHAPTER I.` over `The Widow and her
    Child.`) is told by most of its chapters having such a line."""
    # (a line under a heading that heads a chapter of its own is not its title: `THE SUICIDE
    # CLUB` over `STORY OF THE YOUNG MAN WITH THE CREAM TARTS`, the cycle's first story)
    heads = {c.para for c in choices}
    joined = [c if c.para + 1 in heads else with_subtitle(c, infos, paragraph, n) for c in choices]
    stopped = {
        k: with_subtitle(c, infos, paragraph, n, stopped=True)
        for k, c in enumerate(choices)
        if joined[k] is c and c.para + 1 not in heads
    }
    taken = {k for k, c in stopped.items() if c is not choices[k]}
    if len(taken) < max(STOPPED_TITLES_LEAST, len(choices) / 2):
        return _with_sentence_titles(joined, heads, paragraph, n)
    return [stopped[k] if k in taken else c for k, c in enumerate(joined)]


# Titles written as a sentence under a bare numeral (`IV.` over `Um dever amarissimo!`) are
# taken only where nearly all of a book's chapters have one.
SENTENCE_TITLES_SHARE = 0.8


def _with_sentence_titles(
    choices: list[HeadingChoice], heads: set[int], paragraph, n: int
) -> list[HeadingChoice]:
    """Chapters headed by bare numerals, nearly each over one short line in sentence case
    (`III` / `A denuncia.`, `IV` / `Um dever amarissimo!`): those lines are their titles, as
    the book sets every chapter so; a sentence alone under a heading here and there is story."""
    found = {}
    for k, choice in enumerate(choices):
        heading = match_heading(choice.title)
        if heading is None or heading.kind != "number" or choice.extra or choice.para + 1 in heads:
            continue
        j = choice.para + 1
        line = paragraph(j) if j + 1 < n else ""
        words = line.split()
        if not 0 < len(line) <= SUBTITLE_CHARS or len(words) > SUBTITLE_WORDS or "\n" in line:
            continue
        # (a title may be a saying in quotation marks: `«A senhora saiu.»`)
        if not line.lstrip("«“\"‘'")[:1].isupper() or is_date_line(line) or is_setoff_line(line):
            continue
        title = without_closing_stop(line)
        found[k] = replace(choice, title=joined_title(choice.title, title), extra=(j,))
    if len(found) < max(STOPPED_TITLES_LEAST, SENTENCE_TITLES_SHARE * len(choices)):
        return choices
    return [found.get(k, c) for k, c in enumerate(choices)]


def with_subtitle(
    choice: HeadingChoice, infos, paragraph, n: int, *, stopped: bool = False
) -> HeadingChoice:
    """`Chapter 3` followed by a short title-case line `The Dark Forest`: one heading (also
    under a part's title: `PART I.` / `CHAPTER I.` / `MR. SHERLOCK HOLMES.`). With
    ``stopped``, a title-case line ending in a full stop counts too."""
    if ":" in choice.title or any(i > choice.para for i in choice.extra):
        return choice
    j = choice.para + 1
    # (`I.` over `Introduction`: a word that heads front matter elsewhere is this one's title)
    if j + 1 >= n or (j in infos and infos[j].kind != "front"):
        return choice
    line = paragraph(j)
    words = line.split()
    if not 0 < len(line) <= SUBTITLE_CHARS or len(words) > CAPITALS_SUBTITLE_WORDS or "\n" in line:
        return choice
    if is_date_line(line):
        return choice  # (`BOOK I` over `MAY 4.`: the first letter's date, not the book's title)
    unstressed = without_emphasised(line)  # (`DR. SEWARD’S DIARY--_continued_.`)
    if unstressed.isupper() and unstressed[0].isalpha() and not line.endswith(("”", '"')):
        # `TOBIAS GREGSON SHOWS WHAT HE CAN DO.`: a title in capitals, full stop and all
        return replace(choice, title=joined_title(choice.title, line), extra=(*choice.extra, j))
    if len(words) > SUBTITLE_WORDS:
        return choice
    if stopped:
        line = without_closing_stop(line)
    if line.endswith((".", ",", ";", "”", '"', "…")) or line[0] in "\"“‘'—-(":
        return choice
    if is_setoff_line(line):
        return choice
    weighed = [words[0], *(w for w in words[1:] if w.casefold() not in TITLE_LOWER_WORDS)]
    capitalised = sum(1 for w in weighed if w[:1].isupper() or not w[:1].isalpha())
    if not words[0][:1].isupper() or capitalised < 0.6 * len(weighed):
        return choice
    return replace(choice, title=joined_title(choice.title, line), extra=(*choice.extra, j))


def joined_title(heading: str, line: str) -> str:
    """A heading and the title line under it as one title: `I.` over `An Early Fright` is
    `I: An Early Fright`, not `I.: An Early Fright`."""
    if heading.endswith(".") and heading[-2:-1].isalnum():
        heading = heading[:-1]
    return f"{heading}: {line}"


def titles_from_contents(
    choices: list[HeadingChoice],
    headings: dict[int, Heading],
    listed: list[tuple[int, Heading]],
    paragraph,
    n: int,
) -> list[HeadingChoice]:
    """A chapter whose heading is its number alone (`CHAPTER V`) takes the title its entry in
    the book's contents list gives it (`CHAPTER V. Letters—Lucy and Mina`), where each entry
    and each chapter heading names one chapter number, and the entry is a title, one short
    line (not a synopsis wrapped over two: `Y-o-u-u Tom—Aunt Polly Decides Upon her Duty—`).
    A line under the heading that says that title, however set (`_Lucy Westenra’s Diary._`
    under `CHAPTER XI`), is the heading's title line, as a title line in capitals would be."""
    numbers = [h.number for _, h in listed if h.kind == "chapter" and h.number is not None]
    own = [headings[c.para].number for c in choices if c.para in headings]
    own = [n for n in own if n is not None]
    if len(numbers) != len(set(numbers)) or len(own) != len(set(own)):
        return choices  # (numbers start again in each part: an entry names no one chapter)
    entries = [(i, e) for i, e in listed if e.kind == "chapter" and e.number is not None]
    # (an entry's paragraph holds more than its line where a synopsis wraps on: a list of
    # synopses, a few of them short enough for a line, gives no titles)
    if any(_wraps_on(paragraph(i), e) for i, e in entries):
        return choices
    titles = {
        e.number: e.title
        for _, e in entries
        if e.number is not None and e.title and len(e.title.split()) <= SUBTITLE_WORDS
    }
    if not titles:
        return choices
    heads = {c.para for c in choices}
    named = []
    for choice in choices:
        heading = headings.get(choice.para)
        if (
            heading is not None
            and heading.kind == "chapter"
            and heading.number in titles
            and not heading.title
            and choice.title == heading.text
        ):
            title = titles[heading.number]
            extra = choice.extra
            below = choice.para + 1
            if below < n and below not in heads and _says(paragraph(below), title):
                extra = (*extra, below)
            choice = replace(choice, title=joined_title(choice.title, title), extra=extra)
        named.append(choice)
    return named


def _says(line: str, title: str) -> bool:
    """Whether a line under a heading is its title line: one line of the title's words."""
    return "\n" not in line.strip() and spelled_alike(line, title)


def _wraps_on(text: str, entry: Heading) -> bool:
    """Whether a contents entry's paragraph goes on past its line into more of the entry (a
    synopsis wrapped over lines), not into the next entry."""
    words = text.split()
    own = len(f"{entry.label} {entry.title}".split())
    return len(words) > own and match_heading(" ".join(words[own:])) is None
