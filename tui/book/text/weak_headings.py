"""Headings numbered without a keyword (`1.`, `XII`, `One`, `Un : Kiba`): when they are chapters."""

from __future__ import annotations

import re

from tui.book.rules.breaks import is_setoff_line
from tui.book.rules.headings import Heading
from tui.book.rules.number_words import word_languages
from tui.book.rules.numerals import NUMBER_WORDS
from tui.book.text.lines import LineInfo

# Bare-number headings (`1.`, `XII`) count only in a sequence at least this long ...
WEAK_MIN_RUN = 3
# ... and at least this many paragraphs apart on average.
WEAK_MIN_SPACING = 5
# Bare numbers alone on their line (`1`, `IV.`) need only this spacing: a numbered list has
# text after its numbers.
BARE_MIN_SPACING = 3
# Unlabelled prose before the first heading longer than this is a chapter without a heading,
# not front matter.
FRONT_PROSE_PARAGRAPHS = 12
FRONT_PROSE_CHARS = 2500
# A lone titled number (`One: The Storm`) opening a story needs this many paragraphs after it.
OPENING_BODY_PARAGRAPHS = 5


def weak_sequence(infos: dict[int, LineInfo]) -> list[tuple[int, Heading]]:
    """Bare numbers (`1`, `II.`, `- 3 -`, `12. Title`, `One`, `1.03`) used as headings: only
    the longest run that counts up, spaced like chapters."""
    weak = sorted((i, info.data) for i, info in infos.items() if info.kind == "weak")
    if len(weak) < WEAK_MIN_RUN:
        return []
    by_shape: dict[str, list[tuple[int, Heading]]] = {}
    for i, heading in weak:
        for shape in _shapes(heading):
            by_shape.setdefault(shape, []).append((i, heading))
    best: list[tuple[int, Heading]] = []
    for items in by_shape.values():
        # One pass: each open run waits for the number that continues it, and takes the first
        # such heading at least three paragraphs after its last one. Of two runs waiting for
        # the same number only the longer is kept: from there on they would grow alike.
        waiting: dict[tuple[int | None, int | None], list[tuple[int, Heading]]] = {}
        for i, heading in items:
            key = (heading.number, heading.minor)
            run = waiting.get(key)
            if run is not None and key not in _next_numbers(run[-1][1]):
                del waiting[key]  # filed under several numbers, it has moved on since
                run = None
            if run is not None and i - run[-1][0] >= 3:
                del waiting[key]
                run.append((i, heading))
                _wait(waiting, run)
                best = run if len(run) > len(best) else best
            if _starts_sequence(heading):
                start_run = [(i, heading)]
                _wait(waiting, start_run)
                best = best or start_run
    if len(best) < WEAK_MIN_RUN:
        return []
    spacing = (best[-1][0] - best[0][0]) / (len(best) - 1)
    bare = all(h.kind == "number" for _, h in best)
    if spacing < (BARE_MIN_SPACING if bare else WEAK_MIN_SPACING):
        return []
    return best


def opening_heading(infos: dict[int, LineInfo], paragraph, n: int) -> list[tuple[int, Heading]]:
    """A story of one chapter may still head it: `One: Kiba` (`Un : Kiba`, `1. The Storm`) right
    after the front matter, the only numbered title in the book, with the story under it.

    A number and a title are a heading's shape, the number one opens a count (or the line
    opens the file, a chapter saved alone), and nothing before it is long enough to be story:
    a lone `Two: ...` or a line mid-story is not taken.
    """
    weak = [(i, info.data) for i, info in infos.items() if info.kind == "weak"]
    titled = [(i, h) for i, h in weak if h.kind == "numbered"]
    if len(titled) != 1 or any(h.number == 2 for _, h in weak):
        return []
    i, heading = titled[0]
    # (a chapter saved on its own opens with its own number: `29. Egocentric Bias`)
    if (heading.number != 1 and i > 0) or n - i - 1 < OPENING_BODY_PARAGRAPHS:
        return []
    before = sum(len(paragraph(k)) for k in range(i))
    if i > FRONT_PROSE_PARAGRAPHS or before > FRONT_PROSE_CHARS:
        return []
    # Story under it: the next paragraphs are prose, not more short labelled lines.
    body = range(i + 1, i + 1 + OPENING_BODY_PARAGRAPHS)
    if sum(k in infos for k in body) > 1:
        return []
    return [(i, heading)]


def _wait(waiting: dict, run: list[tuple[int, Heading]]) -> None:
    """File ``run`` under each number that would continue it, unless a longer run waits."""
    for key in _next_numbers(run[-1][1]):
        other = waiting.get(key)
        if other is None or len(run) > len(other) or key not in _next_numbers(other[-1][1]):
            waiting[key] = run


def _starts_sequence(heading: Heading) -> bool:
    if heading.kind == "decimal":
        return heading.minor in (0, 1)  # an arc's first chapter (a serial may start mid-way)
    return heading.number in (0, 1)


def _next_numbers(heading: Heading) -> list[tuple[int | None, int | None]]:
    """What may follow a heading: `3` after `2`; `1.04` or `2.01` after `1.03`."""
    if heading.number is None:
        return []
    if heading.kind != "decimal" or heading.minor is None:
        return [(heading.number + 1, None)]
    return [
        (heading.number, heading.minor + 1),
        (heading.number + 1, 0),
        (heading.number + 1, 1),
    ]


_NUMBER_WORD = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


def _shapes(heading: Heading) -> list[str]:
    """`12.` and `3.` share a shape, and so do `One` and `Two`; `- 3 -` and `IV` do not.

    Number words have one shape per language they belong to: `Ten`, `Once` (Spanish eleven),
    `Twelve` are no sequence, while `Cinq`, `Six`, `Sept` are (`six` is English too)."""
    if heading.kind not in ("number", "numbered"):
        return [heading.kind]
    shape = re.sub(r"\d+", "9", heading.label)
    if re.fullmatch(r"[IVXLCivxlc]+\.?", shape):
        roman = re.sub(r"[IVXLCivxlc]+", "R", shape)
        return ["numbered"] if heading.kind == "numbered" else [f"number:{roman}"]
    words = _NUMBER_WORD.search(heading.label)
    if words is None:
        return [heading.kind if heading.kind == "numbered" else f"number:{shape}"]
    english = re.fullmatch(NUMBER_WORDS, words.group(), re.IGNORECASE) is not None
    langs = [*sorted(word_languages(words.group())), *(["en"] if english else [])]
    prefix = "numbered" if heading.kind == "numbered" else f"number:{_NUMBER_WORD.sub('W', shape)}"
    return [f"{prefix}:{lang}" for lang in langs]


# A chapter title set off only by space: short, one line, no sentence's end.
SPACED_TITLE_CHARS = 60
MIN_SPACED_TITLES = 3
_TITLE_ENDS = (".", "!", "?", "…", '"', "”", "’", "'", ",", ";", ":")


def spaced_titles(
    text: str, starts, ends, common_gap: int, infos: dict[int, LineInfo], paragraph
) -> list[tuple[int, Heading]]:
    """Chapter titles a text sets off only by the space after them (`Marching Ever Forward`
    over four blank lines, where paragraphs are parted by two): short lines with no sentence's
    end, each followed by a wider gap than the text's usual one, when the book has several
    spread through it (a scene's last line rarely lacks its full stop) and no headings of a
    heading's own shape (`Chapter 3`, `XII`)."""
    from tui.book.text.paragraphs import wider_gaps

    if any(info.kind == "heading" for info in infos.values()) or weak_sequence(infos):
        return []  # (a book with headings of a heading's shape sets only those apart)
    after_gap = {offset for offset, _ in wider_gaps(text, common_gap)}
    found = []
    for i in range(len(starts) - 1):
        if starts[i + 1] not in after_gap or i in infos or ends[i] - starts[i] > SPACED_TITLE_CHARS:
            continue
        line = paragraph(i).strip()
        if not line or "\n" in line or line.endswith(_TITLE_ENDS) or line[0] in "\"“'‘(":
            continue
        letter = next((c for c in line if c.isalpha()), "")
        # A title is capitalised (`good` is a text message) and says no time (`11:29am`, a
        # scene's header), and no rule stands right above it (a scene's header again).
        above = infos.get(i - 1)
        marked = above is not None and above.kind in ("break", "spacer", "glyph")
        if letter.isupper() and not is_setoff_line(line) and not marked:
            found.append((i, Heading("titled", None, "", line, True)))
    if len(found) < MIN_SPACED_TITLES:
        return []
    spacing = (found[-1][0] - found[0][0]) / (len(found) - 1)
    return found if spacing >= WEAK_MIN_SPACING else []
