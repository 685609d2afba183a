"""Heading lines that stand for one chapter, made one heading.

Part titles stacked over it, a heading repeated with its title, a download's heading over the
author's own.
"""

from __future__ import annotations

from tui.book.rules.headings import Heading
from tui.book.rules.notes import looks_like_author_talk
from tui.book.rules.numerals import parse_number
from tui.book.rules.sentence_ends import FULL_STOPS
from tui.book.text.chapter_titles import joined_title
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.lines import AUTHOR_NOTE

# Two heading lines belong together (`Part One` over `Chapter 1`) when at most this much text
# stands between them.
BETWEEN_HEADINGS_CHARS = 160
_QUOTES_AND_DASHES = "\"“‘'«—–-"
# A chapter's header between a download's heading and the author's own: at most this many
# paragraphs (title, byline, summary, notes, a rule).
NOTES_BETWEEN_HEADINGS = 12
HEADER_LINE_CHARS = 60  # a line of a chapter's header (its title, a dedication), at the longest
# Headings that name a chapter without numbering it, which a `Chapter N` line may sit over.
NAMED_CHAPTERS = frozenset(("prologue", "epilogue", "interlude"))


def grouped_headings(strong: list[tuple[int, Heading]], infos, paragraph) -> list[HeadingChoice]:
    """One chapter heading for each group of heading lines that stand for one chapter, in
    order."""
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
            words = [h.word for _, h in strong[k:group]]
            if len(set(words)) < len(words):
                # (`PART I`, `PART II`, `PART III` stacked over one heading are the parts a
                # contents list names, not parts it is in: the heading stands alone)
                k = group
                continue
            head, title = strong[group][0], strong[group][1].text
            extra = tuple(p for p, _ in strong[k:group])
            # The chapter is in the parts stacked over it; a part's title with story under it
            # is a chapter itself ("").
            part = " · ".join(h.label or h.text for _, h in strong[k:group])
            choices.append(HeadingChoice(head, title, i, extra, part))
            k = group + 1
            continue
        nxt = strong[k + 1] if k + 1 < len(strong) else None
        if (
            nxt is not None
            and _close(paragraph, strong[k], nxt)
            and _same_number(heading, nxt[1])
            and not _numbered_apart(heading, nxt[1])
        ):
            # `Chapter 1` then `Chapter 1: The Beginning`: one heading, the fuller title.
            title = max(heading.text, nxt[1].text, key=len)
            choices.append(HeadingChoice(i, title, i, (nxt[0],)))
            k += 2
        elif nxt is not None and _names_numbered(heading, nxt, i):
            # `Chapter 1` over `Prologue` on the next line: the first chapter is the prologue.
            choices.append(HeadingChoice(i, joined_title(heading.text, nxt[1].text), i, (nxt[0],)))
            k += 2
        elif nxt is not None and _number_over_title(heading, nxt, i):
            # `II.` (or `PRELUDE`) over `THE MARKET-PLACE`, which the contents list names: one
            # heading.
            label = heading.label or heading.text
            choices.append(HeadingChoice(i, joined_title(label, nxt[1].text), i, (nxt[0],)))
            k += 2
        elif nxt is not None and _same_chapter_over_notes(infos, paragraph, strong[k], nxt):
            # A download's heading, the story's header and notes, then the author's own heading
            # of the same chapter (`*Chapter 2*: X` ... `Chapter 2: X`): one chapter.
            title = max(heading.text, nxt[1].text, key=len)
            choices.append(HeadingChoice(i, title, i, (nxt[0],), repeated=nxt[0]))
            k += 2
        else:
            choices.append(HeadingChoice(i, heading.text))
            k += 1
    return choices


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


def _number_over_title(heading: Heading, nxt: tuple[int, Heading], i: int) -> bool:
    """A bare number (`II.`, `CHAPTER IV.`), or a chapter's name with nothing after it
    (`PRELUDE`), right above a title without a number of its own (a contents entry found
    again): the chapter's label and its title."""
    below = nxt[1]
    numbered = heading.kind in ("number", "chapter") and heading.number is not None
    named = heading.kind in NAMED_CHAPTERS and heading.number is None
    return (
        nxt[0] == i + 1
        and (numbered or named)
        and not heading.title
        and below.kind == "titled"
        and below.number is None
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
    if not same or b[0] - a[0] > NOTES_BETWEEN_HEADINGS or _numbered_apart(a[1], b[1]):
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


def _numbered_apart(a: Heading, b: Heading) -> bool:
    """`Chapter 2.XLI.` and `Chapter 2.XLII.`: the volume's number, then each chapter's own,
    and the chapters' differ."""
    first, second = parse_number(a.title.strip(" .")), parse_number(b.title.strip(" ."))
    return first is not None and second is not None and first != second


def _same_number(a: Heading, b: Heading) -> bool:
    return a.number is not None and a.number == b.number and a.minor == b.minor


def _only_short_between(paragraph, a: int, b: int) -> bool:
    """Only a subtitle, an epigraph or its attribution between two headings: no sentences of
    story (a short scene under a part title makes that part a chapter)."""
    between = [paragraph(k).strip() for k in range(a + 1, b)]
    if sum(len(t) for t in between) > BETWEEN_HEADINGS_CHARS:
        return False
    # (a quotation over its author's name set after a dash, `- A. Writer`, is an epigraph,
    # however its words end)
    attributed = len(between) > 1 and _attribution(between[-1])
    return all(
        not t.endswith(FULL_STOPS) or t[:1] in _QUOTES_AND_DASHES or attributed for t in between
    )


ATTRIBUTION_CHARS = 60  # an epigraph's `- A. Writer` line, at the longest


def _attribution(line: str) -> bool:
    """The line naming who said an epigraph: a dash, then a name (no sentence, as a line of
    dialogue after a dash would be)."""
    return (
        line[:1] in "—–-"
        and len(line) <= ATTRIBUTION_CHARS
        and not line.endswith(FULL_STOPS)
        and line.lstrip("—–- ")[:1].isupper()
    )
