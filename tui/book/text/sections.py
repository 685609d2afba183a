"""Lines that divide chapters into scenes without an ornament: sections and POV labels.

Numbered sections are `Part 1`, `Part 2` or a bare `1`, `2` starting over in every chapter, as
light novels and their fan translations have them; point-of-view labels are `Harry's POV` or
`~Draco~`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from tui.book.rules.breaks import is_slugline, time_shape
from tui.book.rules.headings import Heading
from tui.book.rules.notes import looks_like_author_talk
from tui.book.text.lines import LineInfo
from tui.book.text.weak_headings import weak_sequence

# A section numbered 1 this close under a chapter heading opens the chapter's first scene.
FIRST_SECTION_DISTANCE = 3
# Sections must start over in at least this many chapters, or count to this in one (the parts
# `I.` `II.` `III.` of one story in a collection).
MIN_CHAPTERS = 2
# ... or under one of at least this many stories.
MIN_STORIES = 3
MIN_LONE_RUN = 3


def subparts(strong: list[tuple[int, Heading]]) -> list[tuple[int, Heading]]:
    """The numbered `Part` headings of ``strong`` (sorted) that divide chapters: `Part 1` comes
    right under a chapter heading, again and again, and the numbers count up from there."""
    restarts = 0
    previous: tuple[int, Heading] | None = None
    for item in strong:
        i, heading = item
        if (
            heading.kind == "part"
            and heading.number == 1
            and previous is not None
            and previous[1].kind != "part"
            and i - previous[0] <= FIRST_SECTION_DISTANCE
        ):
            restarts += 1
        previous = item
    if restarts < MIN_CHAPTERS:
        return []
    return [(i, h) for i, h in strong if h.kind == "part" and h.number is not None]


def numbers_under_titles(strong: list[tuple[int, Heading]], infos: dict[int, LineInfo]) -> bool:
    """Bare numbers that start over at one right under the titles of several chapters named
    without a number (the stories of a collection, from its contents list: `IONITCH` over `I`)
    number the sections of those stories: they are scenes, not chapters; so do those under
    one story of a collection of several, the others told straight through."""
    ones = sorted(
        i
        for i, info in infos.items()
        if info.kind == "weak" and info.data.kind == "number" and info.data.number == 1
    )
    opened = titled = 0
    for i, heading in strong:
        if heading.kind == "titled":
            titled += 1
            k = bisect.bisect_right(ones, i)
            opened += k < len(ones) and ones[k] - i <= FIRST_SECTION_DISTANCE
    return opened >= MIN_CHAPTERS or (opened > 0 and titled >= MIN_STORIES)


# A title's bare numbers are a novel's chapters when they count this far ...
NOVEL_CHAPTERS = 10
# ... and the novel holds at least this share of the book's titled pieces.
NOVEL_SHARE = 0.6


def novel_among_stories(
    strong: list[tuple[int, Heading]], infos: dict[int, LineInfo], n: int, paragraph
) -> list[tuple[int, Heading]]:
    """The bare numbers under one title of a collection that count on to ten and more and
    hold most of the book (`THE AWAKENING` over `I` … `XXXIX`, before eight short stories
    that number their sections from `I` again): the chapters of a novel printed with the
    stories, not sections. Empty when no title heads such a count."""
    titles = [i for i, heading in strong if heading.kind == "titled"]
    for title, end in zip(titles, [*titles[1:], n], strict=True):
        if end - title < NOVEL_SHARE * (n - titles[0]):
            continue
        run = weak_sequence({i: info for i, info in infos.items() if title < i < end}, paragraph)
        if (
            len(run) >= NOVEL_CHAPTERS
            and run[0][1].number == 1
            and run[0][0] - title <= FIRST_SECTION_DISTANCE
        ):
            return run
    return []


def numbered_sections(
    infos: dict[int, LineInfo], chapters: list[tuple[int, int, int]]
) -> list[int]:
    """Bare numbers (`1`, `2`, `3`, alone on their line, or with a title in capitals) counting
    up from 1 inside chapters.

    ``chapters`` are ``(heading, body, end)`` paragraph indexes. A chapter's count must start
    right under its heading; it must happen in at least two chapters, or run to three in one.
    Where the book counts so, a chapter whose count starts at 2 counts too: its heading opens
    the first section (a printer left out the `I`, or set it on the title's line); where one
    chapter only counts from 1, such a count must run to three. Where none does, a chapter with
    no `1` at all counting from 2 to three, its sections far apart, counts too (an essay's
    opening is its first section, unnumbered).
    """
    bare = sorted(i for i, info in infos.items() if info.kind == "weak" and _section_number(info))
    if not bare:
        return []
    found: list[int] = []
    unmarked: list[list[int]] = []
    unheaded: list[list[int]] = []
    counted = longest = 0
    k = 0
    for _heading, body, end in chapters:
        while k < len(bare) and bare[k] < body:
            k += 1
        j = k
        while j < len(bare) and bare[j] < end:
            j += 1
        run = _counted(infos, bare[k:j], 1)
        if run and run[0] - body <= FIRST_SECTION_DISTANCE:
            found.extend(_with_misnumbered(infos, bare[k:j], run))
            counted += 1
            longest = max(longest, len(run))
        else:
            unmarked.append(_with_misnumbered(infos, bare[k:j], _counted(infos, bare[k:j], 2)))
            if not run:
                unheaded.append(unmarked[-1])
        k = j
    if counted >= MIN_CHAPTERS:
        return sorted(found + [i for run in unmarked for i in run])
    if longest < MIN_LONE_RUN:
        # (a chapter numbering no `1` anywhere whose count from 2 runs to three, sections apart
        # like chapters: its opening is its first section, unnumbered, as an essay's may be)
        return sorted(i for run in unheaded if _sections_apart(run) for i in run)
    # (a count from 2 that runs to three, `II` `III` `IV`, is one too where another chapter
    # counts from 1)
    return sorted(found + [i for run in unmarked if len(run) >= MIN_LONE_RUN for i in run])


# A lone count's sections stand at least this many paragraphs apart on average (a song's
# numbered stanzas stand a paragraph or two apart).
SECTION_SPACING = 10


def _sections_apart(run: list[int]) -> bool:
    if len(run) < MIN_LONE_RUN:
        return False
    return (run[-1] - run[0]) / (len(run) - 1) >= SECTION_SPACING


def _section_number(info: LineInfo) -> bool:
    """A bare number (`II`), or one with a title in capitals (`III. - ON FALLING IN LOVE`), as an
    essay numbers its sections; a number with a title in small letters is a list's item."""
    heading = info.data
    return heading.kind == "number" or (heading.kind == "numbered" and heading.title.isupper())


def _with_misnumbered(infos: dict[int, LineInfo], lines: list[int], run: list[int]) -> list[int]:
    """A chapter's count of its sections (``run``, three or more, among the bare numbers
    ``lines``), with the other bare numbers after its start that stand between paragraphs of
    story: sections numbered wrong as printed (a numeral set twice, one left out, a count gone
    from roman to arabic and back); and the `1` before a count from two (its sections opening
    after a prologue told unnumbered)."""
    if len(run) < MIN_LONE_RUN:
        return run
    first = infos[run[0]].data.number
    counted = set(run)
    wrong = {
        i
        for i in lines
        if i not in counted and (i > run[0] or (first == 2 and infos[i].data.number == 1))
    }
    kept: list[int] = []
    places = sorted(counted | wrong)
    for k, i in enumerate(places):
        # (story between it and the sections on either side: not a list, not a stanza's count)
        apart = (k == 0 or i - places[k - 1] >= 2) and (
            k + 1 == len(places) or places[k + 1] - i >= 2
        )
        if i in counted or apart:
            kept.append(i)
    return kept


def _counted(infos: dict[int, LineInfo], lines: list[int], first: int) -> list[int]:
    """The numbers among ``lines`` that count up from ``first`` with story between (`One.`
    `Two.` `Three.` counted aloud in consecutive paragraphs is not this)."""
    run: list[int] = []
    for i in lines:
        if infos[i].data.number == first + len(run) and (not run or i - run[-1] >= 2):
            run.append(i)
    return run


# Words that open an editor's bracketed placeholder: `[Illustration]`, `[Music notation]`.
_EDITORIAL = frozenset(
    [
        "illustration",
        "music",
        "footnote",
        "transcriber",
        "sidenote",
        "picture",
        "image",
        "figure",
        "plate",
        "map",
        "table",
        "note",
        "editor",
    ]
)
# Decorated name lines open scenes only as a family: this many lines, at least two names.
MIN_LABELS = 3
TIME_LINE_CHARS = 70  # a set-off time line is short


def label_openers(
    infos: dict[int, LineInfo], paragraph: Callable[[int], str], n: int, text: str
) -> list[int]:
    """Lines that open a scene by naming whose point of view it is, or when it happens:
    `Harry's POV` and a bold `**Ten Years Later**` always;
    `~Harry~` / `~Draco~` when the book uses the same decoration for several names again and
    again (a lone `*Thud*` is a sound, not a label; `~Abram` under an author's note is the
    author signing it)."""
    openers = [i for i, info in infos.items() if info.kind in ("pov", "when")]
    families: dict[str, list[tuple[int, str]]] = {}
    for i, info in infos.items():
        if info.kind == "decorated" and not _signs_a_note(infos, paragraph, i):
            left, name = info.data
            # Names are capitalised; `*thud*` and `*BANG*` are sounds; `[Illustration]` is an
            # editor's placeholder.
            editorial = name.split()[0].casefold() in _EDITORIAL
            if name[:1].isupper() and not name.isupper() and not editorial:
                families.setdefault(left, []).append((i, name.casefold()))
    for left, found in families.items():
        # Lines decorated alike one after another are a list (names, a letter's close, a
        # pairing under a byline), not labels.
        lines = [
            (i, name)
            for i, name in found
            if not any(
                0 <= k < n and paragraph(k).lstrip().startswith(left) for k in (i - 1, i + 1)
            )
        ]
        if len(lines) >= MIN_LABELS and len({name for _, name in lines}) >= 2:
            named: dict[str, bool] = {}  # (each name looked for once, however many labels)
            for i, _ in lines:
                name = paragraph(i).strip(" \t*_~=+#<>[]()—–-").split()[0]
                if name not in named:
                    named[name] = _named_in_story(text, name, lines)
                if named[name]:
                    openers.append(i)
    return sorted(openers)


def _named_in_story(text: str, name: str, lines: list[tuple[int, str]]) -> bool:
    """Whether a label's name is also met outside its labels, as the name of one of the
    story's people or places is; `*Ding*` and `*Clink*` are sounds, named nowhere else."""
    labels = sum(1 for _, other in lines if other.split()[0] == name.casefold())
    at = -1
    for _ in range(labels + 1):  # (a name is met early; only a sound is looked for to the end)
        at = text.find(name, at + 1)
        if at < 0:
            return False
    return True


def recurring_time_lines(paragraph: Callable[[int], str], candidates: Iterable[int]) -> list[int]:
    """One-line paragraphs that say how much time has passed in a shape the book repeats
    (`One Year after the Accident`, `Two Years after the Accident`, ...), or a screenplay's
    scene headings (`INT. A BEDROOM - NIGHT`): each opens a scene.
    A lone `Three days later` may be a sentence of the story; the same shape again and
    again, in different words, is the author's way of marking time."""
    families: dict[str, list[tuple[int, str]]] = {}
    for i in candidates:
        text = paragraph(i)
        if len(text) > TIME_LINE_CHARS or "\n" in text:
            continue
        shape = "slugline" if is_slugline(text.strip()) else time_shape(text)
        if shape is not None:
            families.setdefault(shape, []).append((i, text.strip()))
    found: list[int] = []
    for shape, lines in families.items():
        if shape == "slugline" and len(lines) >= 2:
            found.extend(i for i, _ in lines)  # a screenplay's scene headings
        elif len(lines) >= MIN_LABELS and len({text for _, text in lines}) >= 2:
            found.extend(i for i, _ in lines)
    return sorted(found)


def _signs_a_note(infos: dict[int, LineInfo], paragraph: Callable[[int], str], i: int) -> bool:
    """The paragraph before line ``i`` is an author's note (`A/N: …`, `Thanks for reading!`),
    not a heading or another labelled line."""
    if i == 0:
        return False
    before = infos.get(i - 1)
    if before is not None:
        return before.kind == "author_note"
    return looks_like_author_talk(paragraph(i - 1))


# Parts of one chapter are a minority of the book's headings: at most one in this many.
PARTS_SHARE = 4
_ORDINAL_FIRST = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _count(heading: Heading) -> int | None:
    """The place a heading gives itself in a count: `2. How They Went...`, `SECOND STORY`."""
    if heading.kind == "numbered":
        return heading.number
    if heading.kind == "titled":
        first = heading.title.split(" ", 1)[0].casefold()
        if first in _ORDINAL_FIRST:
            return _ORDINAL_FIRST.index(first) + 1
    return None


def counted_parts(headings: list[tuple[int, Heading]]) -> list[tuple[int, Heading]]:
    """Headings that count the parts of one chapter (sorted ``headings``): `1. How They Went
    to the Mountains` stacked right under `The Adventures of Chanticleer and Partlet`, then
    `2. ...` and `3. ...` before the next heading of the book's own kind; likewise `FIRST
    STORY`, `SECOND STORY`. They open scenes of that chapter, not chapters of their own. Only
    where such counts are a minority of the headings (in a book of numbered chapters under
    part titles the numbers are the chapters)."""
    found: list[tuple[int, Heading]] = []
    k = 0
    while k + 1 < len(headings):
        (i, parent), (j, first) = headings[k], headings[k + 1]
        if j != i + 1 or parent.kind == "part" or _count(parent) is not None or _count(first) != 1:
            k += 1
            continue
        run = [headings[k + 1]]
        for item in headings[k + 2 :]:
            if _count(item[1]) != len(run) + 1:
                break
            run.append(item)
        if len(run) >= 2:
            found.extend(run)
        k += 1 + len(run)
    if len(found) * PARTS_SHARE > len(headings):
        return []
    return found
