"""Chapters of a plain-text book: choosing which heading lines are chapters, and their titles."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from tui.book.rules.breaks import is_setoff_line
from tui.book.rules.headings import Heading
from tui.book.rules.notes import looks_like_author_talk
from tui.book.text.contents import contents_entries
from tui.book.text.line_candidates import CANDIDATE
from tui.book.text.lines import AUTHOR_NOTE, LineInfo, classify_line
from tui.book.text.sections import counted_parts, subparts
from tui.book.text.weak_headings import WEAK_MIN_RUN, opening_heading, weak_sequence

# A run of at least this many headings with (almost) nothing between them is a contents list.
TOC_RUN = 3
# Two heading lines belong together (`Part One` over `Chapter 1`) when at most this much text
# stands between them.
BETWEEN_HEADINGS_CHARS = 160
_SENTENCE_ENDS = (".", "!", "?", "…")
_QUOTES_AND_DASHES = "\"“‘'«—–-"
# A chapter's title on the line under its heading is at most this long.
SUBTITLE_CHARS = 90
SUBTITLE_WORDS = 12
# A chapter's header between a download's heading and the author's own: at most this many
# paragraphs (title, byline, summary, notes, a rule).
NOTES_BETWEEN_HEADINGS = 12
HEADER_LINE_CHARS = 60  # a line of a chapter's header (its title, a dedication), at the longest
# Tab-indented titles outside FanFicFare files stand at least this many paragraphs apart.
TAB_TITLE_SPACING = 4
# Headings that name a chapter without numbering it, which a `Chapter N` line may sit over.
NAMED_CHAPTERS = frozenset(("prologue", "epilogue", "interlude"))


@dataclass(slots=True)
class HeadingChoice:
    """A paragraph chosen as a chapter heading."""

    para: int  # the heading line
    title: str  # display title
    start: int = -1  # first paragraph of the chapter (a part title before the heading)
    extra: tuple[int, ...] = ()  # other heading paragraphs: part title, duplicate, subtitle
    # The part (book, volume) the chapter opens, as its title over the heading names it
    # (`PART II`, `Book the Second`); "" when the chapter is a part itself; None: no new part.
    part: str | None = None

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.para


LEAD_IN_AMONG = 4  # chapter headings a book has before a lone lead-in is weighed against them
LEAD_IN_TEXT = 150  # the paragraph a lead-in runs into, at the shortest


def find_candidates(text: str, starts, ends, lo: int = 0, hi: int | None = None) -> dict:
    """Classify the paragraphs whose first line may be more than prose (one regex pass)."""
    hi = len(text) if hi is None else hi
    n = len(starts)
    infos: dict[int, LineInfo] = {}
    if n == 0:
        return infos
    first = bisect.bisect_left(starts, lo)
    positions = [starts[first]] if first < n else []
    positions += [m.start() + 1 for m in CANDIDATE.finditer(text, max(lo - 1, 0), hi)]
    if hi >= len(text):
        positions.append(starts[-1])  # the last line, which may have no newline to end it
    for pos in positions:
        i = bisect.bisect_left(starts, pos)
        if i >= n or starts[i] != pos or i in infos:
            continue
        end = ends[i]
        newline = text.find("\n", pos, end)
        line = text[pos : newline if newline >= 0 else end]
        info = classify_line(line)
        if info is None:
            continue
        if newline >= 0 and not _multiline_ok(info, end - pos):
            continue
        infos[i] = info
    return infos


def _multiline_ok(info: LineInfo, length: int) -> bool:
    """In hard-wrapped text a paragraph is several lines; only short ones can be headings,
    while a wrapped `Summary: ...` or `A/N: ...` paragraph is still labelled."""
    if info.kind in ("heading", "weak", "tab", "end", "landmark", "by", "cover", "front"):
        return length <= 160
    return info.kind in ("meta", "author_note", "see_end", "posted", "please")


def choose_headings(
    infos: dict[int, LineInfo], paragraph, n: int, listed: Sequence[tuple[int, Heading]] = ()
) -> tuple[list[HeadingChoice], list[int]]:
    """The chapter headings of a book, in order, and the section lines inside chapters
    (`Part 1`, `Part 2` starting over in each chapter: scene openers, not chapters).

    ``listed`` are lines that repeat an entry of the book's contents list (see
    `tui.book.text.contents`)."""
    fff = _fanficfare_headings(infos, n)
    if fff is not None:
        return fff, []
    strong = [(i, info.data) for i, info in infos.items() if info.kind == "heading"]
    strong = sorted(
        {**dict(_over_chapter_labels(infos, paragraph)), **dict(strong + list(listed))}.items()
    )
    # A contents list's entries look like headings: they are not the book's chapters.
    # (Lines that repeat an entry of a contents list, ``listed``, are after it.)
    every = sorted((i, info.data) for i, info in infos.items() if info.kind in ("heading", "weak"))
    toc = min(
        (i for i, info in infos.items() if info.kind == "landmark" and info.data == "toc"),
        default=None,
    )
    listing = contents_entries(every, n, paragraph, toc)
    if listing:
        strong = [item for item in strong if item[0] not in listing]
        infos = {i: info for i, info in infos.items() if i not in listing}
    strong = _without_lead_ins(strong, paragraph, n)
    parts = subparts(strong)
    if parts:
        inside = {i for i, _ in parts}
        strong = [item for item in strong if item[0] not in inside]
    # A book with `Chapter N` headings does not also number its chapters bare.
    chapters = any(h.kind == "chapter" for _, h in strong)
    weak = [] if chapters else weak_sequence(infos)
    if not strong and not weak:
        weak = opening_heading(infos, paragraph, n)
    if strong or weak:
        taken = {i for i, _ in strong}
        every = sorted(strong + [item for item in weak if item[0] not in taken], key=_at)
        counted = counted_parts(every)
        if counted:
            inside = {i for i, _ in counted}
            every = [item for item in every if item[0] not in inside]
            parts = sorted(parts + counted, key=_at)
        return _strong_headings(every, infos, paragraph, n), [i for i, _ in parts]
    return [], []


def _without_lead_ins(
    strong: list[tuple[int, Heading]], paragraph, n: int
) -> list[tuple[int, Heading]]:
    """A line of another kind than the book's chapter headings that ends in a colon and runs
    straight into a long paragraph (`*Interlude 3:*` over a dream, among `Chapter N`
    headings) introduces that paragraph: it heads no chapter."""
    kinds = Counter(h.kind for _, h in strong)
    if len(strong) < LEAD_IN_AMONG:
        return strong
    usual = kinds.most_common(1)[0][0]
    return [
        (i, h)
        for i, h in strong
        if h.kind == usual
        or not paragraph(i).strip(" *_").endswith(":")
        or i + 1 >= n
        or len(paragraph(i + 1)) <= LEAD_IN_TEXT
    ]


def _at(item: tuple[int, Heading]) -> int:
    return item[0]


def _over_chapter_labels(infos: dict[int, LineInfo], paragraph) -> list[tuple[int, Heading]]:
    """A chapter's title over AO3's `Chapter Summary` or `Chapter Notes` label, in a text made
    from AO3's download (`Better Days`, where the other chapters say `Chapter 3`)."""
    labels = [
        i
        for i, info in infos.items()
        if info.kind == "landmark" and info.data in ("chapter_summary", "chapter_notes")
    ]
    if len(labels) < 2:
        return []  # (one label is no evidence of AO3's layout)
    found = []
    for i in labels:
        above = i - 1
        if above < 0 or above in infos or above - 1 in infos:
            continue  # (under `Chapter 3`, the line is that chapter's title)
        text = paragraph(above).strip()
        short = 0 < len(text) <= SUBTITLE_CHARS and len(text.split()) <= SUBTITLE_WORDS
        if short and "\n" not in text and not text.endswith(_SENTENCE_ENDS):
            found.append((above, Heading("titled", None, "", text, True)))
    return found


def _fanficfare_headings(infos: dict[int, LineInfo], n: int) -> list[HeadingChoice] | None:
    """FanFicFare TXT: chapter titles are the tab-indented lines after the contents list
    (FanFicFare's default 78-column wrapping turns that tab into eight spaces)."""
    tabs = sorted(
        i for i, info in infos.items() if info.tab and info.kind not in ("spacer", "break")
    )
    if not tabs or len(tabs) > max(3, n // 20):
        return None  # none, or tab-indented paragraphs
    toc = [i for i, info in infos.items() if info.kind == "landmark" and info.data == "toc"]
    end_file = any(
        info.kind == "end" and "file" in str(info.data).lower() for info in infos.values()
    )
    # Keyword headings flush left outnumbering the tab-indented lines are the chapters (an
    # indented verse or letter is not a chapter family).
    flush = sum(1 for info in infos.values() if info.kind == "heading" and not info.tab)
    if toc:
        first_toc = min(toc)
        tabs = [i for i in tabs if i > first_toc]
        if flush >= max(len(tabs), WEAK_MIN_RUN):
            return None
    elif not end_file:
        # Without FanFicFare's landmarks, tab-indented lines are titles only when nothing
        # else in the book looks like a heading and they stand apart like headings (the
        # lines of an indented poem or song follow each other).
        strong = any(info.kind == "heading" and not info.tab for info in infos.values())
        apart = all(b - a >= TAB_TITLE_SPACING for a, b in pairwise(tabs))
        if strong or len(tabs) < 2 or not apart:
            return None
    if not tabs:
        return None
    return [HeadingChoice(i, _tab_title(infos[i])) for i in tabs]


def _tab_title(info: LineInfo) -> str:
    heading = info.data if isinstance(info.data, Heading) else None
    return heading.text if heading else str(info.data).strip()


def _strong_headings(strong, infos, paragraph, n: int) -> list[HeadingChoice]:
    strong = _drop_contents_lists(strong)
    choices: list[HeadingChoice] = []
    k = 0
    while k < len(strong):
        i, heading = strong[k]
        if heading.kind == "part":
            # `Book Two` / `Part III` / `Ch. 4`: titles of the parts a chapter opens belong to
            # it; a part title with story right after it is a chapter heading itself.
            group = k
            while group + 1 < len(strong) and _close(paragraph, strong[group], strong[group + 1]):
                group += 1
                if strong[group][1].kind != "part":
                    break
            head, title = strong[group][0], strong[group][1].text
            extra = tuple(p for p, _ in strong[k:group])
            # The chapter is in the parts stacked over it; a part's title with story under it
            # is a chapter itself ("").
            part = " · ".join(h.label or h.text for _, h in strong[k:group])
            choices.append(HeadingChoice(head, title, i, extra, part))
            k = group + 1
            continue
        nxt = strong[k + 1] if k + 1 < len(strong) else None
        if nxt is not None and _close(paragraph, strong[k], nxt) and _same_number(heading, nxt[1]):
            # `Chapter 1` then `Chapter 1: The Beginning`: one heading, the fuller title.
            title = max(heading.text, nxt[1].text, key=len)
            choices.append(HeadingChoice(i, title, i, (nxt[0],)))
            k += 2
        elif nxt is not None and _names_numbered(heading, nxt, i):
            # `Chapter 1` over `Prologue` on the next line: the first chapter is the prologue.
            choices.append(HeadingChoice(i, joined_title(heading.text, nxt[1].text), i, (nxt[0],)))
            k += 2
        elif nxt is not None and _same_chapter_over_notes(infos, paragraph, strong[k], nxt):
            # A download's heading, the story's header and notes, then the author's own heading
            # of the same chapter (`*Chapter 2*: X` ... `Chapter 2: X`): one chapter.
            title = max(heading.text, nxt[1].text, key=len)
            choices.append(HeadingChoice(i, title, i, (nxt[0],)))
            k += 2
        else:
            choices.append(HeadingChoice(i, heading.text))
            k += 1
    return [_with_subtitle(c, infos, paragraph, n) for c in choices]


def _names_numbered(heading: Heading, nxt: tuple[int, Heading], i: int) -> bool:
    """A bare `Chapter N` line right above a named heading (`Prologue`, `Interlude`) with no
    number of its own: one heading naming the numbered chapter."""
    below = nxt[1]
    return (
        nxt[0] == i + 1
        and heading.kind == "chapter"
        and heading.number is not None
        and not heading.title
        and below.number is None
        and below.kind in NAMED_CHAPTERS
    )


def _close(paragraph, a: tuple[int, Heading], b: tuple[int, Heading]) -> bool:
    """Two heading lines with at most two short lines between them (a subtitle, an epigraph
    and its author), not a scene of story."""
    return b[0] - a[0] <= 3 and _only_short_between(paragraph, a[0], b[0])


def _same_chapter_over_notes(infos, paragraph, a: tuple[int, Heading], b: tuple[int, Heading]):
    """Two headings of one chapter with only its header between them: a download's heading
    and the author's own (`*Chapter 2*: X` ... `Chapter 2: X`; or `Chapter 1` where the site
    counts the prologue, numbering one ahead), with labelled lines (`by`, `Summary:`, a rule),
    an author's note and short lines between them, no story."""
    first, second = a[1].number, b[1].number
    same = first is not None and second is not None and second in (first, first - 1)
    # (`*Chapter 1*: Prologue` over `Prologue`, `*Chapter 20*: The Absent Scar` over
    # `Epilogue`: the author names the chapter the download numbers)
    named = first is not None and b[1].number is None and b[1].kind in NAMED_CHAPTERS
    same = same or named
    if not same or b[0] - a[0] > NOTES_BETWEEN_HEADINGS:
        return False
    in_note = False
    for k in range(a[0] + 1, b[0]):
        info = infos.get(k)
        if info is not None:
            in_note = info.kind == "author_note" or (in_note and info.kind != "break")
            continue
        text = paragraph(k).strip()
        if AUTHOR_NOTE.match(text):
            in_note = True  # (a long `A/N: …` is not classified, but is a note all the same)
        elif not in_note and len(text) > HEADER_LINE_CHARS and not looks_like_author_talk(text):
            return False
    return True


def _same_number(a: Heading, b: Heading) -> bool:
    return a.number is not None and a.number == b.number and a.minor == b.minor


def _only_short_between(paragraph, a: int, b: int) -> bool:
    """Only a subtitle, an epigraph or its attribution between two headings: no sentences of
    story (a short scene under a part title makes that part a chapter)."""
    between = [paragraph(k).strip() for k in range(a + 1, b)]
    if sum(len(t) for t in between) > BETWEEN_HEADINGS_CHARS:
        return False
    return all(not t.endswith(_SENTENCE_ENDS) or t[:1] in _QUOTES_AND_DASHES for t in between)


def _drop_contents_lists(strong):
    """A run of consecutive headings at the start is a table of contents.

    The run's last heading is the real first chapter when text follows it, the numbering
    does not start over after it and the heading after it does not repeat the run's first.
    """
    if len(strong) < TOC_RUN:
        return strong
    run = 1
    while run < len(strong) and strong[run][0] - strong[run - 1][0] == 1:
        run += 1
    if run < TOC_RUN or run == len(strong) or _stacked(strong[:run]):
        return strong  # a list of headings and nothing else is still the book's chapters
    last = strong[run - 1][1]
    following = strong[run][1]
    restarts = (
        last.number is not None and following.number is not None and following.number <= last.number
    ) or _same_heading(strong[0][1], following)
    return strong[run:] if restarts else strong[run - 1 :]


def _stacked(run: list[tuple[int, Heading]]) -> bool:
    """`Book One` / `Part I` / `Chapter 1`: titles of different levels over one chapter, not a
    contents list (whose entries repeat their keyword: `Chapter 1`, `Chapter 2` ...)."""
    levels = [(h.kind, h.label.split()[0].casefold() if h.label else "") for _, h in run]
    parts = all(h.kind == "part" for _, h in run[:-1])
    return parts and len(set(levels)) == len(levels)


def _same_heading(a: Heading, b: Heading) -> bool:
    """`Prologue` and `Prologue`, `Chapter 1: X` and `Chapter 1` name the same chapter."""
    if a.kind != b.kind:
        return False
    if a.number is not None or b.number is not None:
        return a.number == b.number
    return a.text.casefold() == b.text.casefold()


def _with_subtitle(choice: HeadingChoice, infos, paragraph, n: int) -> HeadingChoice:
    """`Chapter 3` followed by a short title-case line `The Dark Forest`: one heading (also
    under a part's title: `PART I.` / `CHAPTER I.` / `MR. SHERLOCK HOLMES.`)."""
    if ":" in choice.title or any(i > choice.para for i in choice.extra):
        return choice
    j = choice.para + 1
    if j + 1 >= n or j in infos:
        return choice
    line = paragraph(j)
    words = line.split()
    if not (0 < len(line) <= SUBTITLE_CHARS and len(words) <= SUBTITLE_WORDS) or "\n" in line:
        return choice
    if line.isupper() and line[0].isalpha() and not line.endswith(("”", '"')):
        # `TOBIAS GREGSON SHOWS WHAT HE CAN DO.`: a title in capitals, full stop and all
        return replace(choice, title=joined_title(choice.title, line), extra=(*choice.extra, j))
    if line.endswith((".", ",", ";", "”", '"', "…")) or line[0] in "\"“‘'—-(":
        return choice
    if is_setoff_line(line):
        return choice
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    if not words[0][:1].isupper() or capitalised < 0.6 * len(words):
        return choice
    return replace(choice, title=joined_title(choice.title, line), extra=(*choice.extra, j))


def joined_title(heading: str, line: str) -> str:
    """A heading and the title line under it as one title: `I.` over `An Early Fright` is
    `I: An Early Fright`, not `I.: An Early Fright`."""
    if heading.endswith(".") and heading[-2:-1].isalnum():
        heading = heading[:-1]
    return f"{heading}: {line}"
