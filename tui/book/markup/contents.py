"""A table of contents read against the text: subtitles, illustration captions, numbered parts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.book.markup.families import heading_title
from tui.book.markup.package import TocEntry
from tui.book.markup.para import Para, Source
from tui.book.markup.producers import title_key
from tui.book.model import ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import match_heading
from tui.book.rules.numerals import parse_number

HEADING = ParaKind.HEADING

# A leading number of a part: `I`, `II.`, `3`, `Part 2`, `I. The Rabbi and the Diadem`.
PART_NUMBER = re.compile(
    r"(?:(?i:part|section|chapter)\s+)?(?P<num>\d{1,3}|[IVXLC]{1,6}|[ivxlc]{1,6})(?:[.:)]|\s|$)"
)
SUBTITLE_REACH = 3  # paragraphs between a label entry and its subtitle entry, all headings
SHORT_TITLE_CHARS = 80  # a story's title in the contents, at the longest
PROSE_REACH = 40  # paragraphs under a subtitle in which the story's prose begins
CONTENTS_TITLES = frozenset(("contents", "table of contents"))
PROSE_WORDS = 25  # a paragraph of the story's prose has at least this many words
PART_SIBLINGS = 3  # a story split into parts stands among at least this many stories


@dataclass(slots=True)
class Shaped:
    """The table of contents fitted to the text."""

    entries: list[TocEntry]  # entries that may start chapters, subtitles joined to labels
    part_starts: list[int]  # paragraphs where a numbered part inside a story begins


def entry_para(entry: TocEntry, by_name: dict[str, Source], folded: dict[str, Source]) -> int:
    """The paragraph an entry points at, or -1 when its document is missing or empty."""
    source = by_name.get(entry.path) or folded.get(entry.path.casefold())
    if source is None or source.first == source.end:
        return -1
    para = source.ids.get(entry.fragment, source.first) if entry.fragment else source.first
    return min(max(para, source.first), source.end - 1)


def shape_toc(toc: Sequence[TocEntry], sources: Sequence[Source], paras: Sequence[Para]) -> Shaped:
    """Read the contents as a reader would: an illustration's caption listed in the contents
    is not a chapter; a bare label (`STAVE ONE.`) whose first sub-entry is the heading right
    under it takes that subtitle (`STAVE ONE: MARLEY'S GHOST.`), and a titled entry's only
    sub-entry right under its heading is its subtitle, not a chapter of it; and the numbered
    parts of one story (`I`, `II`, `III` under `A Scandal in Bohemia`) in a collection of
    stories without parts divide that story's scenes, not its chapters."""
    by_name = {s.name: s for s in sources}
    folded = {s.name.casefold(): s for s in sources}
    entries = list(toc)
    where = [entry_para(e, by_name, folded) for e in entries]
    keep = [not _is_caption(entries, where, k, paras) for k in range(len(entries))]
    _half_titles_off(entries)
    _join_subtitles(entries, where, keep, paras)
    _titles_from_text(entries, where, keep, paras)
    part_starts = _story_parts(entries, where, keep, paras)
    return Shaped([e for k, e in enumerate(entries) if keep[k]], sorted(part_starts))


def _is_caption(
    entries: Sequence[TocEntry], where: Sequence[int], k: int, paras: Sequence[Para]
) -> bool:
    """A sub-entry pointing at a heading right under an image whose description it repeats,
    in the middle of its parent chapter's text: the illustration's caption."""
    at, entry = where[k], entries[k]
    if at <= 0 or entry.depth == 0 or not paras[at - 1].image:
        return False
    key = title_key(entry.title)
    alt = title_key(paras[at - 1].text.removeprefix("[image:").removesuffix("]"))
    if not key or not alt or (key != alt and key not in alt):
        return False
    parent = next((j for j in range(k - 1, -1, -1) if entries[j].depth < entry.depth), None)
    if parent is None or entries[parent].path != entry.path or not 0 <= where[parent] < at:
        return False
    return any(p.hint == ParaKind.TEXT and not p.image for p in paras[where[parent] : at])


def _children(entries: Sequence[TocEntry], k: int) -> list[int]:
    """Indexes of the entries directly under entry ``k``."""
    depth = entries[k].depth
    out = []
    for j in range(k + 1, len(entries)):
        if entries[j].depth <= depth:
            break
        if entries[j].depth == depth + 1:
            out.append(j)
    return out


def _half_titles_off(entries: list[TocEntry]) -> None:
    """An entry that runs a half-title into the first chapter's number (`NOLI ME TANGERE I.`,
    the book's title set again over `I.`, both taken into one label) is that chapter's
    label: its words before the number repeat an earlier entry, and the next entry at its
    depth is the following number (`II.`)."""
    earlier: set[str] = set()
    for k, entry in enumerate(entries):
        words = entry.title.split()
        head, number = title_key(" ".join(words[:-1])), _label_number(words[-1:])
        after = next((e for e in entries[k + 1 :] if e.depth <= entry.depth), None)
        if (
            head in earlier
            and number is not None
            and after is not None
            and after.depth == entry.depth
            and _label_number(after.title.split()) == number + 1
        ):
            entries[k] = replace(entry, title=words[-1])
        earlier.add(title_key(entry.title))


def _label_number(words: list[str]) -> int | None:
    """The number of a bare numeral label (`II.`, `3`), or None."""
    if len(words) != 1:
        return None
    return parse_number(words[0].rstrip(".:"))


def _is_label(title: str) -> bool:
    """A heading that is only a label and a number: `STAVE ONE.`, `Chapter 3`, `IV`."""
    found = match_heading(title)
    if found is not None:
        return not found.title
    words = title.strip().rstrip(".:").split()
    return 1 <= len(words) <= 3 and parse_number(words[-1]) is not None


def _join_subtitles(
    entries: list[TocEntry], where: list[int], keep: list[bool], paras: Sequence[Para]
) -> None:
    for k, entry in enumerate(entries):
        if not keep[k] or where[k] < 0:
            continue
        kids = [j for j in _children(entries, k) if keep[j]]
        if not kids:
            continue
        j = kids[0]
        label = _is_label(entry.title)
        if label and any(entries[i].path != entry.path for i in kids[1:]):
            continue  # (`Act I` over its prologue and scenes, each a document: a part)
        if not (label or _titled_story(entries, where, k, j, kids, paras)):
            continue
        lo, hi = where[k], where[j]
        if entries[j].path != entry.path or not 0 < hi - lo <= SUBTITLE_REACH:
            continue
        if any(p.hint == ParaKind.TEXT and not p.image for p in paras[lo + 1 : hi]):
            continue  # (a picture between the number and the title is still the heading's)
        if label:
            named = entry.title.rstrip(" .:")
            entries[k] = replace(entry, title=f"{named}: {entries[j].title}")
        # (`THE MYSTERY OF MARIE ROGET.` over `A SEQUEL TO …`: the story keeps its own title)
        keep[j] = False


def _titled_story(
    entries: Sequence[TocEntry],
    where: Sequence[int],
    k: int,
    j: int,
    kids: Sequence[int],
    paras: Sequence[Para],
) -> bool:
    """Whether entry ``k``, a title (`THE MYSTERY OF MARIE ROGET.`), has as its one sub-entry
    ``j`` a subtitle (`A SEQUEL TO …`) that names no chapter, over the story's prose: not a
    title page's lines (`And What Alice Found There` over an edition), nor a sentence set as
    a heading over the name of what follows (`The Count's Narrative`)."""
    if len(kids) > 1 or len(entries[k].title) > SHORT_TITLE_CHARS:
        return False
    if any(title_key(e.title) in CONTENTS_TITLES for e in entries[j + 1 :]):
        return False  # (before the contents list: the title page's lines)
    if match_heading(entries[j].title) is not None:
        return False
    start = where[j] + 1
    end = next((where[n] for n in range(j + 1, len(entries)) if where[n] >= start), len(paras))
    return any(
        p.hint == ParaKind.TEXT and not p.image and len(p.text.split()) >= PROSE_WORDS
        for p in paras[start : min(end, start + PROSE_REACH)]
    )


def _titles_from_text(
    entries: list[TocEntry], where: list[int], keep: list[bool], paras: Sequence[Para]
) -> None:
    """A bare label in the contents (`CHAPTER I.`) takes the title the text gives its heading
    (`CHAPTER I.` over `HER TWELFTH BIRTHDAY`: `CHAPTER I: HER TWELFTH BIRTHDAY`)."""
    for k, entry in enumerate(entries):
        if not keep[k] or where[k] < 0 or paras[where[k]].hint != ParaKind.HEADING:
            continue
        text = heading_title(paras, where[k])
        label, found = title_key(entry.title), title_key(text)
        if _is_label(entry.title) and found != label and found.startswith(label + " "):
            entries[k] = replace(entry, title=text)
        elif found == label and _set_apart(entry.title, paras[where[k]].text):
            # The same words, the label and the title on lines of their own in the heading
            # (`CHAPTER I<br/>THE ONE THING NEEDFUL`): the contents lost the break between.
            entries[k] = replace(entry, title=clean_heading(paras[where[k]].text))


def _set_apart(title: str, heading: str) -> bool:
    """Whether the heading sets its label on a line apart from its title, where the entry runs
    them together with a space only (`CHAPTER I THE ONE THING NEEDFUL`; `CHAPTER I. Down the
    Rabbit-Hole` has its own stop)."""
    found = match_heading(title)
    if found is None or not found.title or "\n" not in heading.strip():
        return False
    return title == f"{found.label} {found.title}"


def part_number(title: str) -> int | None:
    """The number a part's heading starts with: `II`, `3.`, `Part 2`, `CHAPTER IV ...`."""
    found = PART_NUMBER.match(title.strip())
    return parse_number(found["num"]) if found else None


def _story_parts(
    entries: list[TocEntry], where: list[int], keep: list[bool], paras: Sequence[Para]
) -> list[int]:
    """Starts of numbered parts inside one story, or of titled ones headed a level below the
    story's title (`Mandag.` in h3 under `Ole Lukøje.` in h2), where none lists entries of its
    own; their entries are dropped from ``keep``."""
    starts: list[int] = []
    for k, entry in enumerate(entries):
        if not keep[k] or where[k] < 0:
            continue
        kids = [j for j in _children(entries, k) if keep[j]]
        if len(kids) < 2 or any(entries[j].path != entry.path for j in kids):
            continue
        if any(keep[n] for j in kids for n in _children(entries, j)):
            continue  # (entries listed under them: parts over chapters, not a story's sections)
        numbers = [part_number(entries[j].title) for j in kids]
        titled = numbers != list(range(1, len(kids) + 1))
        if titled and not _headed_below(paras, where[k], [where[j] for j in kids]):
            continue
        siblings = _siblings(entries, k)
        with_parts = sum(1 for s in siblings if _children(entries, s))
        if len(siblings) < PART_SIBLINGS or with_parts * 3 > len(siblings):
            continue
        for n, j in enumerate(kids):
            keep[j] = False
            # (the first part starts with the story, unless the story's own opening comes
            # before its first titled section: `Ole Lukøje` tells who he is before `Mandag`)
            opening = titled and any(_prose(paras[i]) for i in range(where[k], where[j]))
            if (n or opening) and where[j] > where[k]:
                starts.append(where[j])
    return starts


def _headed_below(paras: Sequence[Para], story: int, parts: list[int]) -> bool:
    """Whether every part's entry points at a heading tag of a lower level than the story's
    title, the first heading from the story's entry on: its sections, not chapters beside it."""
    title = next(
        (paras[i] for i in range(story, min(parts, default=story)) if paras[i].hint == HEADING),
        None,
    )
    level = title.block.level if title is not None and title.block is not None else 0
    if not level:
        return False
    for i in parts:
        block = paras[i].block if 0 <= i < len(paras) else None
        if block is None or paras[i].hint != HEADING or block.level <= level:
            return False
    return True


def _prose(para: Para) -> bool:
    return para.hint == ParaKind.TEXT and not para.image and len(para.text.split()) >= PROSE_WORDS


def _siblings(entries: Sequence[TocEntry], k: int) -> list[int]:
    """Entries at the same depth under the same parent as entry ``k`` (itself included)."""
    depth = entries[k].depth
    lo = k
    while lo > 0 and entries[lo - 1].depth >= depth:
        lo -= 1
    hi = k
    while hi + 1 < len(entries) and entries[hi + 1].depth >= depth:
        hi += 1
    return [j for j in range(lo, hi + 1) if entries[j].depth == depth]
