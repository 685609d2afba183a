"""Headings numbered without a keyword (`1.`, `XII`, `One`, `Un : Kiba`): when they are chapters."""

from __future__ import annotations

import bisect
import itertools
import re

from tui.book.rules.headings import CJK_NUMERAL, Heading, match_heading
from tui.book.rules.number_words import word_languages
from tui.book.rules.numerals import NUMBER_WORDS
from tui.book.text.lines import LineInfo
from tui.book.text.missing_numbers import with_missing_numbers
from tui.book.text.stanza_numbers import over_verse

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


def weak_sequence(infos: dict[int, LineInfo], paragraph=None) -> list[tuple[int, Heading]]:
    """Bare numbers (`1`, `II.`, `- 3 -`, `12. Title`, `One`, `1.03`) used as headings: only
    the longest run that counts up, spaced like chapters, or, in a book of parts, the runs that
    start over under each part's title (`PART I`, `I` ... `XI`, `PART II`, `I` ... `X`).

    A long run goes on over one number it lacks (`XV`, then `XVII`): a misprinted heading
    (`XVl`) ends no sequence, and with ``paragraph`` the line that misprints it is found and
    taken. So is a numeral that also reads as a rule (`XXX`, thirty) where the run expects it."""
    weak = sorted((i, info.data) for i, info in infos.items() if info.kind == "weak")
    if paragraph is not None:
        weak = sorted(weak + _numeral_rules(infos, paragraph))
    best = _count_from_anywhere(weak, longest_run(weak, paragraph), paragraph)
    best = _count_over_restarts(weak, best, paragraph)
    if paragraph is not None and over_verse(best, paragraph):
        best = _titled_count_beside(weak, best, paragraph)
    if not spaced_like_chapters(best):
        return []
    best = _runs_under_parts(weak, best, infos, paragraph)
    best = _with_repeats(best, weak, paragraph)
    best = _with_titled_last(best, weak, paragraph)
    return with_missing_numbers(best, paragraph) if paragraph is not None else best


# A count that starts past one (a second volume numbering on from the first, `216.` ...
# `476.`) is taken only when at least this long, and this many times as long as any count
# that starts at one.
MID_COUNT_RUN = 12
MID_COUNT_OVER = 2


def _count_from_anywhere(
    weak: list[tuple[int, Heading]], best: list[tuple[int, Heading]], paragraph
) -> list[tuple[int, Heading]]:
    """The longest count of the book's numbers, wherever it starts, when it is long and far
    longer than ``best`` (the longest from one): the book goes on with another's numbering,
    and other lines of the same shape (a year, `1818.`) break no count of its own."""
    if len(weak) < MID_COUNT_RUN:
        return best
    anywhere = longest_run(weak, paragraph, first=None)
    if len(anywhere) < max(MID_COUNT_RUN, MID_COUNT_OVER * len(best)):
        return best
    return anywhere


def _with_titled_last(
    run: list[tuple[int, Heading]], weak: list[tuple[int, Heading]], paragraph
) -> list[tuple[int, Heading]]:
    """A count of bare numbers whose last chapter is titled too (`XI`, then `XII. CONCLUSION`):
    the one titled heading numbered next after the count's last, far enough after it to be a
    chapter, with no other number after it but the same heading set twice (a running head
    over it), closes the count. A titled number anywhere else is no heading of this count."""
    if not run:
        return run
    a, last = run[-1]
    number = last.number
    if last.kind != "number" or number is None:
        return run
    after = [(i, h) for i, h in weak if i > a]
    if not after or len(after) > 2 or after[-1][0] - after[0][0] > 1:
        return run
    b, closing = after[-1]
    roman = not last.label.rstrip(".").isdigit()
    if (
        any(h.kind != "numbered" or h.number != number + 1 for _, h in after)
        or roman == closing.label.rstrip(".").isdigit()
        or not _far_enough(a, after[0][0], paragraph)
    ):
        return run
    return [*run, (b, closing)]


def _with_repeats(
    run: list[tuple[int, Heading]], weak: list[tuple[int, Heading]], paragraph
) -> list[tuple[int, Heading]]:
    """A number of the run written again, alike, before the next number (`VI`, `VI`, `VII`):
    the book numbers two chapters alike, and the second is a chapter too, as far from both
    headings around it as chapters are."""
    found = list(run)
    at = {i for i, _ in run}
    places = [k for k, _ in weak]  # (``weak`` is in order: each gap's numbers found by halving)
    for (a, before), (b, _) in itertools.pairwise(run):
        between = weak[bisect.bisect_right(places, a) : bisect.bisect_left(places, b)]
        repeats = [
            (k, h)
            for k, h in between
            if k not in at and h.number == before.number and h.label == before.label
        ]
        if len(repeats) == 1:
            k = repeats[0][0]
            if _far_enough(a, k, paragraph) and _far_enough(k, b, paragraph):
                found.append(repeats[0])
    return sorted(found, key=lambda item: item[0])


def _titled_count_beside(
    weak: list[tuple[int, Heading]], stanzas: list[tuple[int, Heading]], paragraph
) -> list[tuple[int, Heading]]:
    """Where the longest count stands over verse (stanza numbers), the count of titled
    headings (`12. Title`) running beside it through the same pages is the chapters'; without
    one, the numbers over verse are the book's own (a book of numbered poems)."""
    titled = longest_run([(i, h) for i, h in weak if h.kind == "numbered"], paragraph)
    if not spaced_like_chapters(titled):
        return stanzas
    beside = titled[0][0] < stanzas[-1][0] and stanzas[0][0] < titled[-1][0]
    return titled if beside else stanzas


# A count starts over under another's headings at least this many times, within this many
# paragraphs of them, for it to number their sections.
RESTARTS = 2
RESTART_DISTANCE = 3


def _count_over_restarts(
    weak: list[tuple[int, Heading]], best: list[tuple[int, Heading]], paragraph
) -> list[tuple[int, Heading]]:
    """Where the longest count starts over at one, again and again, right under the headings
    of a count of another shape (`I - A Result` over `1`, `2` …, `II - An Antecedent` over
    `1` again), that other count numbers the chapters, and the first counts their sections."""
    if not best:
        return best
    shapes = set(_shapes(best[0][1]))
    ones = [i for i, h in weak if h.number == 1 and shapes & set(_shapes(h))]
    if len(ones) < RESTARTS:
        return best
    run = longest_run([(i, h) for i, h in weak if not shapes & set(_shapes(h))], paragraph)
    if not spaced_like_chapters(run):
        return best
    heads = [i for i, _ in run]

    def under_a_head(i: int) -> bool:
        k = bisect.bisect_left(heads, i) - 1
        return k >= 0 and i - heads[k] <= RESTART_DISTANCE

    under = sum(map(under_a_head, ones))
    return run if under >= max(RESTARTS, len(ones) - 1) else best


def spaced_like_chapters(run: list[tuple[int, Heading]]) -> bool:
    if len(run) < WEAK_MIN_RUN:
        return False
    spacing = (run[-1][0] - run[0][0]) / (len(run) - 1)
    bare = all(h.kind == "number" for _, h in run)
    return spacing >= (BARE_MIN_SPACING if bare else WEAK_MIN_SPACING)


def _runs_under_parts(
    weak: list[tuple[int, Heading]], best: list[tuple[int, Heading]], infos, paragraph
) -> list[tuple[int, Heading]]:
    """Where the longest run starts at one right under a part's title and the book's other
    parts each hold such a run of their own, the chapters are all of them: the numbering starts
    over in each part."""
    parts = sorted(
        i for i, info in infos.items() if info.kind == "heading" and info.data.kind == "part"
    )
    if len(parts) < 2:
        return best
    bounds = [*parts, max(i for i, _ in weak) + 1]
    shapes = set(_shapes(best[0][1]))
    runs = []
    short = []
    for lo, hi in itertools.pairwise(bounds):
        items = [(i, h) for i, h in weak if lo < i < hi and shapes & set(_shapes(h))]
        run = longest_run(items, paragraph)
        if not run:
            short += _short_count(items, lo, paragraph)
        starts = _starts_sequence(run[0][1]) if run else False
        if not spaced_like_chapters(run) and _first_unnumbered(items, lo, paragraph):
            # (the part's first chapter lost its number: its count starts at `II`)
            run = longest_run(items, paragraph, first=2)
            starts = bool(run) and run[0][1].number == 2
        if not spaced_like_chapters(run) or not starts:
            continue
        # (the run opens the part: nothing numbered stands between the title and its first)
        if any(lo < i < run[0][0] for i, _ in items):
            continue
        runs.append(run)
    first = next((run for run in runs if run[0] == best[0]), None)
    if len(runs) < 2 or first is None:
        return best
    # (the longest run may leap from one part's count into a later part's, 1 … 36 then 37 …
    # 56: each of its headings is then in one of the counts that start over)
    counted = {i for run in runs for i, _ in run}
    if len(first) < len(best) and not all(i in counted for i, _ in best):
        return best
    return sorted([item for run in runs for item in run] + short, key=lambda item: item[0])


# A part's short count (`PART II`, `I`, `II`) opens at most this many paragraphs under its title.
SHORT_COUNT_UNDER_PART = 3


def _short_count(
    items: list[tuple[int, Heading]], part: int, paragraph
) -> list[tuple[int, Heading]]:
    """A part of one or two chapters, in a book whose other parts count theirs from one: its
    numbers are all its numbered lines, one, two, counting up from right under its title,
    each far enough after the one before to be a chapter."""
    if not 0 < len(items) < WEAK_MIN_RUN or items[0][0] - part > SHORT_COUNT_UNDER_PART:
        return []
    if [h.number for _, h in items] != list(range(1, len(items) + 1)):
        return []
    if not all(_far_enough(a, b, paragraph) for (a, _), (b, _) in itertools.pairwise(items)):
        return []
    return items


def longest_run(
    weak: list[tuple[int, Heading]], paragraph=None, first: int | None = 1
) -> list[tuple[int, Heading]]:
    """The longest run of ``weak`` numbers that counts up (over one number it lacks, once the
    run is long) from one (or zero), or from ``first``, or from any number when ``first`` is
    None, each heading far enough after the one before (see `_far_enough`)."""
    if len(weak) < WEAK_MIN_RUN:
        return []
    by_shape: dict[str, list[tuple[int, Heading]]] = {}
    for i, heading in weak:
        for shape in _shapes(heading):
            by_shape.setdefault(shape, []).append((i, heading))

    def far(run: list[tuple[int, Heading]], b: int, heading: Heading) -> bool:
        a = run[-1][0]
        if b - a == 2 and heading.kind == "numbered" and spaced_like_chapters(run):
            # (a count of titled headings, `12. Title`, that already reads as chapters, as
            # many and as far apart as `weak_sequence` asks, goes on over a chapter of one
            # paragraph of any length: a short chapter of the count; a list's items stand
            # too close together to make such a count first)
            return True
        return _far_enough(a, b, paragraph)

    best: list[tuple[int, Heading]] = []
    for items in by_shape.values():
        # One pass: each open run waits for the number that continues it, and takes the first
        # such heading far enough after its last one. Of two runs waiting for the same number
        # only the longer is kept: from there on they would grow alike.
        waiting: dict[tuple[int | None, int | None], list[tuple[int, Heading]]] = {}
        # Long runs also wait for the number after the next one: theirs lacks a heading.
        skipping: dict[tuple[int | None, int | None], list[tuple[int, Heading]]] = {}
        for i, heading in items:
            key = (heading.number, heading.minor)
            run = waiting.get(key)
            if run is not None and key not in _next_numbers(run[-1][1]):
                del waiting[key]  # filed under several numbers, it has moved on since
                run = None
            over = skipping.get(key)
            if over is not None and key != _number_after_next(over):
                del skipping[key]
                over = None
            if over is not None and (run is None or len(over) > len(run)) and far(over, i, heading):
                run = over
            if run is not None and far(run, i, heading):
                waiting.pop(key, None)
                skipping.pop(key, None)
                run.append((i, heading))
                _wait(waiting, run)
                _wait_over_one(skipping, run)
                best = run if len(run) > len(best) else best
            if first is None and heading.number is not None and run is None:
                # (any number may open the count; one already counted on opens no other)
                _wait(waiting, [(i, heading)])
            elif _starts_sequence(heading) or (first != 1 and heading.number == first):
                start_run = [(i, heading)]
                _wait(waiting, start_run)
                best = best or start_run
    return best


# A chapter of one paragraph (a bare `V` over it, then `VI`) has at least this many characters:
# a numbered list's item is shorter.
ONE_PARAGRAPH_CHAPTER = 700


def _far_enough(a: int, b: int, paragraph) -> bool:
    """Headings at paragraphs ``a`` and ``b`` are far enough apart to be chapters: three
    paragraphs or more, or one long paragraph between them."""
    if b - a >= 3:
        return True
    return b - a == 2 and paragraph is not None and len(paragraph(a + 1)) >= ONE_PARAGRAPH_CHAPTER


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


def _wait_over_one(skipping: dict, run: list[tuple[int, Heading]]) -> None:
    """File a run of at least ``WEAK_MIN_RUN`` numbers in a row under the number after its
    next, unless a longer run waits there: one heading lost to a misprint ends no run."""
    key = _number_after_next(run)
    if key is None:
        return
    other = skipping.get(key)
    if other is None or len(run) > len(other) or key != _number_after_next(other):
        skipping[key] = run


def _number_after_next(run: list[tuple[int, Heading]]) -> tuple[int, None] | None:
    """The number two past a run's last, when the run's last numbers count up one by one
    (one skip at a time) and are plain numbers, not an arc's `1.03`."""
    if len(run) < WEAK_MIN_RUN:
        return None
    tail = [h.number for _, h in run[-WEAK_MIN_RUN:]]
    if run[-1][1].kind == "decimal" or tail[0] is None:
        return None
    if tail != list(range(tail[0], tail[0] + WEAK_MIN_RUN)):
        return None
    return (tail[0] + WEAK_MIN_RUN + 1, None)


def _numeral_rules(infos: dict[int, LineInfo], paragraph) -> list[tuple[int, Heading]]:
    """Lines taken for rules that are Roman numerals too (`XXX`, `xxx`)."""
    found = []
    for i, info in infos.items():
        if info.kind == "break":
            heading = match_heading(paragraph(i))
            if heading is not None and heading.kind == "number":
                found.append((i, heading))
    return found


# The story before a part's `II` is its first chapter when it is at least this share of the
# part's other chapters, on average.
FIRST_CHAPTER_SHARE = 0.5


def _first_unnumbered(items: list[tuple[int, Heading]], part: int, paragraph) -> bool:
    """A part's numbers (``items``, in order) start at two with a chapter's worth of story
    between the part's title and its `II`: the first chapter's number was lost, and that story
    is the chapter."""
    if paragraph is None or len(items) < WEAK_MIN_RUN - 1 or items[0][1].number != 2:
        return False

    def chars(a: int, b: int) -> int:
        return sum(len(paragraph(k)) for k in range(a, b))

    first, last = items[0][0], items[-1][0]
    usual = chars(first, last) / (len(items) - 1)
    return chars(part + 1, first) >= FIRST_CHAPTER_SHARE * usual


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
        # (a transcription that drops the full stop after some numerals, `VII` among `VI.`
        # and `VIII.`, still counts them in one run)
        return ["numbered"] if heading.kind == "numbered" else [f"number:{roman}", "number:R?"]
    if heading.kind == "number" and re.fullmatch(CJK_NUMERAL, heading.label):
        return ["number:cjk"]  # (`三十六`: no language's number words, a numeral of its own)
    words = _NUMBER_WORD.search(heading.label)
    if words is None:
        return [heading.kind if heading.kind == "numbered" else f"number:{shape}"]
    english = re.fullmatch(NUMBER_WORDS, words.group(), re.IGNORECASE) is not None
    langs = [*sorted(word_languages(words.group())), *(["en"] if english else [])]
    prefix = "numbered" if heading.kind == "numbered" else f"number:{_NUMBER_WORD.sub('W', shape)}"
    return [f"{prefix}:{lang}" for lang in langs]
