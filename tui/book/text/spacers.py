"""Spacer lines (no-break spaces only) that are not scene breaks, weighed like blank lines.

A spacer line usually stands for the empty paragraph an EPUB or web page put between scenes.
But some texts put one between every paragraph (then a single spacer is the paragraph gap,
and only a run of them is a wider one), some have one stray spacer and no blank lines at all,
or one standing for the blank line between two paragraphs, and some set off a signature under
verse or a bulleted list with one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.book.text.lines import LineInfo

# Spacers between this share of the text's paragraphs are how it separates paragraphs.
SPACING_RATIO = 0.4
SPACING_MIN = 6
# A text with this many rule or ornament lines, and this many times as many as spacer lines,
# marks its scenes with those.
RULE_HABIT = 10
RULE_SHARE = 3
SIGNATURE = re.compile(r"[—–\-~]+\s*\S.{0,60}")
VERSE_CHARS = 80
BULLET = re.compile(r"\s*(?:[-*•·◦▪‣]|\d{1,2}[.)])\s+\S")
MIN_BULLETS = 2


def spacers_not_breaks(
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
    n: int,
    common_gap: int,
    blank_before: Callable[[int], int],
    messages: bool,
) -> set[int]:
    """Paragraphs holding a spacer line that do not mark a scene break. ``blank_before(i)``
    is how many blank lines come between paragraphs ``i - 1`` and ``i``; ``messages``, whether
    the text spaces out its messages with its spacer lines (see `spaces_messages`)."""
    spacers = sorted(i for i, info in infos.items() if info.kind == "spacer")
    if not spacers:
        return set()
    rules = sum(
        1 for i, info in infos.items() if info.kind == "break" and not _by_heading(infos, i)
    )
    # (spacers set on either side of a rule are that rule's space: the others are weighed)
    loose = _loose_spacers(infos, spacers)
    if rules >= max(RULE_HABIT, RULE_SHARE * len(loose)):
        # The text marks its scenes with rules or ornaments again and again; its few spacer
        # lines away from them are its author's extra space (before a list, a memory).
        return set(spacers)
    if messages:
        # The text spaces out its logs of messages with them; the rest is the same habit.
        return {i for i in spacers if paragraph(i).strip(" \t") != "."}
    out: set[int] = set()
    spacer_set = set(spacers)
    text_paragraphs = n - len(infos)
    if len(spacers) >= max(SPACING_MIN, SPACING_RATIO * text_paragraphs):
        # The paragraph gap: one spacer is spacing, the first of a run of them is a break.
        out.update(i for i in spacers if i - 1 not in spacer_set)
        runs = {i for i in spacers if i + 1 in spacer_set and i - 1 not in spacer_set}
        out -= runs
        out.update(i for i in spacers if i - 1 in spacer_set)
        return out
    if len(spacers) == 1 and common_gap == 0:
        return set(spacers)  # a stray spacer in a text without blank lines
    for i in spacers:
        if 0 < i < n - 1 and blank_before(i) + blank_before(i + 1) + 1 <= common_gap:
            out.add(i)  # standing for the blank line the text puts between paragraphs
            continue
        before = _content(infos, i - 1, -1)
        after = _content(infos, i + 1, n)
        signed = after is not None and before is not None and _signature(paragraph, before, after)
        listed = _bullets(infos, paragraph, i + 1, n, 1) or _bullets(infos, paragraph, i - 1, n, -1)
        if signed or listed:
            out.add(i)
    return out


# A message's header in a log of emails, texts or chats: `FROM: Pam`, `SUBJECT: notes`,
# `sent 13:13`, `read 13:15`, `beesly15 is typing…`.
MESSAGE_HEADER = re.compile(
    r"\s*(?:(?:to|from|subject|cc|bcc|sent|date|file attached|attachment)\s*:|"
    r"(?:sent|read|delivered|seen)\s+(?:at\s+)?\d{1,2}[:.]\d{2}|"
    r"\S{1,30} is (?:typing|online|offline)\b)",
    re.IGNORECASE,
)
# Spacer lines beside message headers, this many and this share of them all, are the way the
# text spaces out its messages.
MESSAGE_SPACERS = 10
MESSAGE_SPACER_SHARE = 1 / 3
MESSAGE_NEAR = 2  # paragraphs from a spacer to the header it spaces


def spaces_messages(infos: dict[int, LineInfo], paragraph: Callable[[int], str], n: int) -> bool:
    """Many of the text's spacer lines stand beside the header lines of its messages (`FROM:`,
    `sent 13:13`): it spaces out its emails and texts with them and with blank lines, not its
    scenes."""
    spacers = [i for i, info in infos.items() if info.kind == "spacer"]
    if len(spacers) < MESSAGE_SPACERS:
        return False
    beside = sum(
        any(
            0 <= k < n and k not in infos and MESSAGE_HEADER.match(paragraph(k)) is not None
            for k in range(i - MESSAGE_NEAR, i + MESSAGE_NEAR + 1)
        )
        for i in spacers
    )
    return beside >= max(MESSAGE_SPACERS, MESSAGE_SPACER_SHARE * len(spacers))


def _loose_spacers(infos: dict[int, LineInfo], spacers: list[int]) -> list[int]:
    """The spacer lines not next to a rule, counting a run of spacers as one: each run (in
    ``spacers``, sorted) is weighed once, by the lines on either side of it."""

    def rule(k: int) -> bool:
        return k in infos and infos[k].kind == "break"

    loose: list[int] = []
    run = [spacers[0]]
    for i in [*spacers[1:], None]:
        if i is not None and i == run[-1] + 1:
            run.append(i)
            continue
        if not (rule(run[0] - 1) or rule(run[-1] + 1)):
            loose += run
        if i is not None:
            run = [i]
    return loose


def _by_heading(infos: dict[int, LineInfo], i: int) -> bool:
    """A rule right before or after a chapter heading: it parts chapters, not scenes."""
    return any(k in infos and infos[k].kind == "heading" for k in (i - 1, i + 1))


def _content(infos: dict[int, LineInfo], i: int, stop: int) -> int | None:
    """The nearest paragraph from ``i`` towards ``stop`` that is not a marked line."""
    step = 1 if stop > i else -1
    while i != stop and i >= 0:
        if i not in infos:
            return i
        i += step
    return None


def _signature(paragraph: Callable[[int], str], before: int, after: int) -> bool:
    """`— Old harbour song` under a short line of verse."""
    line = paragraph(after).strip()
    return (
        SIGNATURE.fullmatch(line) is not None
        and "\n" not in line
        and len(paragraph(before).strip().split("\n")[-1]) <= VERSE_CHARS
    )


def _bullets(
    infos: dict[int, LineInfo], paragraph: Callable[[int], str], i: int, n: int, step: int
) -> bool:
    """Whether a bulleted list of two items or more starts at ``i`` going ``step``ward."""
    count = 0
    while 0 <= i < n and i not in infos and BULLET.match(paragraph(i)):
        count += 1
        i += step
    return count >= MIN_BULLETS
