"""Chapters of a plain-text book: choosing which heading lines are chapters, and their titles."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.core.breaks import is_setoff_line
from tui.core.headings import Heading
from tui.core.text_lines import CANDIDATE, LineInfo, classify_line

# A run of at least this many headings with (almost) nothing between them is a contents list.
TOC_RUN = 3
# Bare-number headings (`1.`, `XII`) count only in a sequence at least this long ...
WEAK_MIN_RUN = 3
# ... and at least this many paragraphs apart on average.
WEAK_MIN_SPACING = 8


@dataclass(slots=True)
class HeadingChoice:
    """A paragraph chosen as a chapter heading."""

    para: int  # the heading line
    title: str  # display title
    start: int = -1  # first paragraph of the chapter (a part title before the heading)
    extra: tuple[int, ...] = ()  # other heading paragraphs: part title, duplicate, subtitle

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.para


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


def choose_headings(infos: dict[int, LineInfo], paragraph, n: int) -> list[HeadingChoice]:
    """The chapter headings of a book, in order."""
    fff = _fanficfare_headings(infos, n)
    if fff is not None:
        return fff
    strong = sorted((i, info.data) for i, info in infos.items() if info.kind == "heading")
    if strong:
        return _strong_headings(strong, infos, paragraph, n)
    return _weak_headings(infos, paragraph)


def _fanficfare_headings(infos: dict[int, LineInfo], n: int) -> list[HeadingChoice] | None:
    """FanFicFare TXT: chapter titles are the tab-indented lines after the contents list."""
    tabs = sorted(
        i for i, info in infos.items() if info.tab and info.kind not in ("spacer", "break")
    )
    if not tabs or len(tabs) > max(3, n // 20):
        return None  # none, or tab-indented paragraphs
    toc = [i for i, info in infos.items() if info.kind == "landmark" and info.data == "toc"]
    end_file = any(
        info.kind == "end" and "file" in str(info.data).lower() for info in infos.values()
    )
    if toc:
        tabs = [i for i in tabs if i > min(toc)]
    elif not end_file:
        # Without FanFicFare's landmarks, tab-indented lines are titles only when nothing
        # else in the book looks like a heading (a poem's indented lines are not chapters).
        strong = any(info.kind == "heading" and not info.tab for info in infos.values())
        if strong or len(tabs) < 2:
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
        nxt = strong[k + 1] if k + 1 < len(strong) else None
        close = nxt is not None and nxt[0] - i <= 3 and _only_short_between(paragraph, i, nxt[0])
        if close and heading.kind == "part" and nxt[1].kind != "part":
            # `Part One` right before `Chapter 1`: the part opens the chapter.
            choices.append(HeadingChoice(nxt[0], nxt[1].text, i, (i,)))
            k += 2
        elif close and heading.number is not None and heading.number == nxt[1].number:
            # `Chapter 1` then `Chapter 1: The Beginning`: one heading, the fuller title.
            title = max(heading.text, nxt[1].text, key=len)
            choices.append(HeadingChoice(i, title, i, (nxt[0],)))
            k += 2
        else:
            choices.append(HeadingChoice(i, heading.text))
            k += 1
    return [_with_subtitle(c, infos, paragraph, n) for c in choices]


def _only_short_between(paragraph, a: int, b: int) -> bool:
    return all(len(paragraph(k)) <= 120 for k in range(a + 1, b))


def _drop_contents_lists(strong):
    """A run of consecutive headings at the start is a table of contents.

    The run's last heading is the real first chapter when text follows it and the numbering
    does not start over after it.
    """
    if len(strong) < TOC_RUN:
        return strong
    run = 1
    while run < len(strong) and strong[run][0] - strong[run - 1][0] == 1:
        run += 1
    if run < TOC_RUN or run == len(strong):
        return strong  # a list of headings and nothing else is still the book's chapters
    last = strong[run - 1][1]
    following = strong[run][1] if run < len(strong) else None
    restarts = (
        following is not None
        and last.number is not None
        and following.number is not None
        and following.number <= last.number
    )
    return strong[run:] if restarts else strong[run - 1 :]


def _with_subtitle(choice: HeadingChoice, infos, paragraph, n: int) -> HeadingChoice:
    """`Chapter 3` followed by a short title-case line `The Dark Forest`: one heading."""
    if ":" in choice.title or choice.extra:
        return choice
    j = choice.para + 1
    if j + 1 >= n or j in infos:
        return choice
    line = paragraph(j)
    words = line.split()
    if not (0 < len(line) <= 60 and len(words) <= 8) or "\n" in line:
        return choice
    if line.endswith((".", ",", ";", "”", '"', "…")) or line[0] in "\"“‘'—-(":
        return choice
    if is_setoff_line(line):
        return choice
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    if not words[0][:1].isupper() or capitalised < 0.6 * len(words):
        return choice
    return HeadingChoice(choice.para, f"{choice.title}: {line}", choice.start, (j,))


def _weak_headings(infos: dict[int, LineInfo], paragraph) -> list[HeadingChoice]:
    """Bare numbers (`1`, `II.`, `- 3 -`, `12. Title`) used as headings, only in sequence."""
    weak = sorted((i, info.data) for i, info in infos.items() if info.kind == "weak")
    if len(weak) < WEAK_MIN_RUN:
        return []
    best: list[tuple[int, Heading]] = []
    by_shape: dict[str, list[tuple[int, Heading]]] = {}
    for i, heading in weak:
        by_shape.setdefault(_shape(paragraph(i), heading), []).append((i, heading))
    for items in by_shape.values():
        for k, (i, heading) in enumerate(items):
            if heading.number not in (0, 1):
                continue
            run = [(i, heading)]
            for j, other in items[k + 1 :]:
                if other.number == run[-1][1].number + 1 and j - run[-1][0] >= 3:
                    run.append((j, other))
            if len(run) > len(best):
                best = run
    if len(best) < WEAK_MIN_RUN:
        return []
    spacing = (best[-1][0] - best[0][0]) / (len(best) - 1)
    if spacing < WEAK_MIN_SPACING:
        return []
    return [HeadingChoice(i, h.text) for i, h in best]


def _shape(text: str, heading: Heading) -> str:
    """`12.` and `3.` share a shape; `- 3 -` and `IV` do not."""
    shape = re.sub(r"\d+", "9", heading.label)
    shape = re.sub(r"[IVXLCivxlc]+", "R", shape) if heading.number else shape
    return f"{heading.kind}:{shape if heading.kind == 'number' else ''}"
