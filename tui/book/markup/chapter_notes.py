"""An HTML chapter's notes to readers, set off from the story by rules.

The author's word to readers before the chapter's first rule (`Kitsune here with a new story!`)
or after its last (`A/N: …`, `Please review!`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.para import Para, set_apart
from tui.book.model import ParaKind
from tui.book.rules.notes import MAX_TALK_CHARS, looks_like_author_talk, note_end, talk_words
from tui.book.rules.scenes import TITLE_LINE_CHARS  # (a title line over the note)

TEXT, BREAK, NOTE = int(ParaKind.TEXT), int(ParaKind.BREAK), int(ParaKind.NOTE)
LABEL = int(ParaKind.LABEL)
MOST_NOTE_PARAGRAPHS = 6  # an author's note opening or closing a chapter, at the longest
MOST_CLOSING_PARAGRAPHS = 18  # a labelled closing note with what comes under it (credits)
MOST_PREFACE_PARAGRAPHS = 12  # a labelled opening note with what comes under it (links, lists)
PREFACE_SHARE = 4  # the story under a preface's rule is this many times longer than the preface
_AUTHORS_NOTE = r"author['’]?s?\s+notes?\b"
NOTE_LABEL = re.compile(
    rf"[\W_]*(?:a/?n\b|{_AUTHORS_NOTE}|notes?\s*:|disclaimer\s*:)", re.IGNORECASE
)
AUTHOR_LABEL = re.compile(rf"[\W_]*(?:a/n\b|{_AUTHORS_NOTE})", re.IGNORECASE)
# The label alone, heading the note under it: `Author's Note:`, `A/N`.
BARE_AUTHOR_LABEL = re.compile(rf"[\W_]*(?:a/n\b|{_AUTHORS_NOTE})[\W_]*", re.IGNORECASE)
# A short line of a fact and its label, `Published: 10 July 2020`, `발행일: 2020년 7월 10일`.
# (a number in it: `Rio: are you coming?` over a rule is the story's chat)
FACT_LINE = re.compile(r"[^\W\d_][^\n:：]{0,24}[:：][ \t]*(?=[^\n]*\d)\S[^\n]{0,50}$")
MOST_FACT_LINES = 2
# The label that opens a paragraph of the author's own, as FFN and AO3 authors write them in
# the chapter's text: `A/N: …`, `Author's Note: …`, `Disclaimer: …` (not `An hour later`).
OWN_NOTE_LABEL = re.compile(
    rf"[\W_]*(?:a/n\b|a\.n\.|an\s*[:\-–—]|{_AUTHORS_NOTE}|disclaimer\s*:)", re.IGNORECASE
)
REQUEST = re.compile(
    r"\bplease\s+(?:review|comment|leave|let me know)|\breviews?\s+(?:are|is)\s+"
    r"(?:always\s+)?(?:welcome|appreciated)",
    re.IGNORECASE,
)


def notes_set_off_by_rules(kinds: bytearray, paras: Sequence[Para], body: int, end: int) -> bool:
    """Keep the author's notes that open and close the chapter ``[body, end)`` out of its
    scenes: the rule under an opening note opens no scene, and a closing note and its rule
    are notes; the story between them keeps its scenes. Whether an opening note was found."""
    first = kinds.find(BREAK, body, end)
    if first < 0:
        return False
    opened = False
    before = _texts(kinds, paras, body, first)
    opening = [k for k in before if len(paras[k].text) > TITLE_LINE_CHARS]
    if (
        0 < len(before) <= MOST_FACT_LINES
        and all(FACT_LINE.match(paras[k].text) for k in before)
        and kinds.find(TEXT, first + 1, end) >= 0
    ):
        # `Published: 10 July 2020` over a rule: the page's facts, and the rule under them
        # opens no scene.
        kinds[first] = NOTE
        body = first + 1
        opened = True
    elif (
        opening
        and first - body <= MOST_NOTE_PARAGRAPHS
        and looks_like_author_talk(paras[opening[0]].text)
        and _plainly_a_note([paras[opening[0]].text])
        and (
            all(looks_like_author_talk(paras[k].text) for k in opening)
            or all(set_apart(paras[k]) for k in opening)
        )
        and kinds.find(TEXT, first + 1, end) >= 0
    ):
        # The note runs to the rule, though it stops sounding like the author (`Question of
        # the chapter: …`); it stays at the head of the chapter's first scene, as the title
        # lines over a story do, and its rule opens no scene.
        kinds[first] = NOTE
        body = first + 1
        opened = True
    elif _labelled_preface(kinds, paras, body, first, end):
        # `Disclaimer: …` runs on (links, a list, thanks) to a rule with the chapter under it:
        # the whole preface is the note, kept at the head of the first scene as a short note
        # over a rule is, and its rule opens no scene.
        kinds[first] = NOTE
        body = first + 1
        opened = True
    last = kinds.rfind(BREAK, body, end)
    if last < 0:
        return opened
    labelled = _labelled_closing_note(kinds, paras, body, end)
    if labelled is not None:
        kinds[labelled:end] = bytes([NOTE]) * (end - labelled)
        return opened
    if end - last - 1 > MOST_NOTE_PARAGRAPHS:
        return opened
    after = _texts(kinds, paras, last + 1, end)
    story_before = kinds.find(TEXT, body, last) >= 0
    texts = [paras[k].text for k in after]
    if (
        after
        and story_before
        and all(looks_like_author_talk(text) for text in texts)
        and _plainly_a_note(texts)
    ):
        kinds[last:end] = bytes([NOTE]) * (end - last)
    return opened


FENCED_NOTE_PARAGRAPHS = 3  # a note fenced off at a chapter's top or end, at the longest


def notes_fenced_apart(kinds: bytearray, paras: Sequence[Para], body: int, end: int) -> bool:
    """A rule drawn twice in the chapter ``[body, end)``, a few paragraphs under its top and a
    few over its end, with the chapter's breaks drawn otherwise between them (`————` round the
    author's notes, `…………` parting the scenes): it fences the notes off from the story,
    whatever their words. The opening note stays at the head of the first scene, as a note
    over a rule does, and its rule opens no scene; the closing note and its rule are notes.
    Whether the chapter is so fenced."""
    breaks = []
    k = kinds.find(BREAK, body, end)
    while k >= 0:
        breaks.append(k)
        k = kinds.find(BREAK, k + 1, end)
    if len(breaks) < 3:
        return False
    first, last = breaks[0], breaks[-1]
    fence = _drawn(paras[first])
    if not fence or _drawn(paras[last]) != fence:
        return False
    if any(_drawn(paras[k]) in (fence, "") for k in breaks[1:-1]):
        return False  # (the rule parts scenes too, or a gap does)
    before = _texts(kinds, paras, body, first)
    after = _texts(kinds, paras, last + 1, end)
    if not (0 < len(before) <= FENCED_NOTE_PARAGRAPHS and 0 < len(after) <= FENCED_NOTE_PARAGRAPHS):
        return False
    if first - body > 2 * FENCED_NOTE_PARAGRAPHS or end - last > 2 * FENCED_NOTE_PARAGRAPHS + 1:
        return False
    kinds[first] = NOTE
    kinds[last:end] = bytes([NOTE]) * (end - last)
    return True


def _drawn(para: Para) -> str:
    """What a break line draws, with the element it is drawn in; "" for an empty one (a gap)."""
    text = para.text.strip()
    if para.from_gap or not text:
        return ""
    return f"{para.block.tag if para.block is not None else ''} {text}"


def _labelled_preface(
    kinds: bytearray, paras: Sequence[Para], body: int, rule: int, end: int
) -> bool:
    """The chapter ``[body, end)`` opens with the author's labelled note (`Disclaimer: …`,
    not a bare `Author's notes:` label) and text runs on past it, a dozen paragraphs at
    most, to a rule with far more text under it than over it; and that rule is not the
    book's scene break, used again further on: the rule closes a preface, not a first
    scene cut short."""
    before = _texts(kinds, paras, body, rule)
    if not before or rule - body > MOST_PREFACE_PARAGRAPHS:
        return False
    label = paras[before[0]].text
    if not _own_note(label) or BARE_AUTHOR_LABEL.fullmatch(label):
        return False

    def text(k: int) -> str:
        return paras[k].text if kinds[k] == TEXT else ""

    if note_end(text, before[0], rule, MOST_PREFACE_PARAGRAPHS) >= rule:
        return False  # (the note itself reaches the rule: an opening note, as usual)
    over = sum(len(paras[k].text) for k in before)
    under = sum(len(paras[k].text) for k in _texts(kinds, paras, rule + 1, end))
    return under >= PREFACE_SHARE * over and not _rule_used_again(paras, rule)


def _rule_used_again(paras: Sequence[Para], rule: int) -> bool:
    """The same rule stands anywhere else in the book but a few paragraphs under ``rule``
    (the second rule of a fence round a teaser): it is the book's scene break."""
    mark = paras[rule].text
    near = range(rule, rule + MOST_NOTE_PARAGRAPHS + 1)
    return any(
        para.hint == BREAK and para.text == mark and k not in near for k, para in enumerate(paras)
    )


def labelled_notes(
    kinds: bytearray, paras: Sequence[Para], body: int, end: int, *, opened: bool = False
) -> None:
    """The runs of `A/N: …` and `Disclaimer: …` paragraphs (and the author's talk under each)
    that open or close the chapter ``[body, end)`` are notes, as in a text file: not the story,
    and not what its scenes are named by; the story between them keeps its scenes. Where a
    rule already set off the opening note (``opened``), it stays at the head of the first
    scene."""

    def text(k: int) -> str:
        return paras[k].text if kinds[k] == TEXT else ""  # (a note stops at a rule)

    k = body
    while k < end and kinds[k] in (NOTE, LABEL):
        k += 1
    opening = k
    while k < end and not opened and _own_note(text(k)):
        k = _headed_note_end(kinds, paras, k, end) or note_end(text, k, end, MOST_NOTE_PARAGRAPHS)
    if k > opening and kinds.find(TEXT, k, end) >= 0:
        kinds[opening:k] = bytes([NOTE]) * (k - opening)
        if k < end and kinds[k] == BREAK:
            kinds[k] = NOTE  # the rule that closes them opens no scene
    tail = [k for k in range(max(body, end - MOST_NOTE_PARAGRAPHS), end) if kinds[k] == TEXT]
    for at, k in enumerate(tail):
        if _own_note(text(k)) and all(looks_like_author_talk(text(j)) for j in tail[at + 1 :]):
            if kinds.find(TEXT, body, k) >= 0:
                kinds[k:end] = bytes([NOTE]) * (end - k)
            return


def _headed_note_end(kinds: bytearray, paras: Sequence[Para], start: int, end: int) -> int:
    """Where an opening note headed by its label alone (`Author's notes:`) ends: at the rule
    under it, a few paragraphs on, however little it sounds like the author (an imported
    chapter summary), when story follows the rule; 0 when it is not such a note."""
    if kinds[start] != TEXT or not BARE_AUTHOR_LABEL.fullmatch(paras[start].text):
        return 0
    rule = kinds.find(BREAK, start + 1, min(end, start + 1 + MOST_NOTE_PARAGRAPHS))
    if rule < 0 or kinds.find(TEXT, rule + 1, end) < 0:
        return 0
    return rule if kinds.find(NOTE, start + 1, rule) < 0 else 0


def _own_note(text: str) -> bool:
    """A paragraph that opens with the author's label and is no longer than a note."""
    return len(text) <= MAX_TALK_CHARS and OWN_NOTE_LABEL.match(text) is not None


def _labelled_closing_note(
    kinds: bytearray, paras: Sequence[Para], body: int, end: int
) -> int | None:
    """Where a closing note that opens with the author's label (`Author's Note: This is the
    first chapter…`, `A/N: …`) starts, near the chapter's end and after its story: the note
    runs to the end, through the gaps between its parts (the artists' credits under it)."""
    headed = _headed_closing_note(kinds, paras, body, end)
    if headed is not None:
        return headed
    tail: list[int] = []  # the chapter's last paragraphs of text, from the end back
    k = end
    while k > body and len(tail) < MOST_CLOSING_PARAGRAPHS:
        k -= 1
        if _lettered(kinds, paras, k):
            tail.append(k)
    for k in reversed(tail):
        text = paras[k].text
        if AUTHOR_LABEL.match(text) and (
            looks_like_author_talk(text) or _set_apart_under_rule(kinds, paras, k, end)
        ):
            if kinds.find(TEXT, body, k) < 0:
                return None
            return k - 1 if kinds[k - 1] == BREAK else k
    return None


def _set_apart_under_rule(kinds: bytearray, paras: Sequence[Para], start: int, end: int) -> bool:
    """A rule stands right over paragraph ``start``, and every paragraph of text from it to the
    chapter's end is set apart (wholly bold or italic), as authors set their closing notes: the
    labelled note there is the author's, however little its words say so."""
    if start == 0 or kinds[start - 1] != BREAK:
        return False
    return all(set_apart(paras[k]) for k in _texts(kinds, paras, start, end))


def _headed_closing_note(
    kinds: bytearray, paras: Sequence[Para], body: int, end: int
) -> int | None:
    """Where a closing note headed by its label alone (`Author's Note:`) starts: set off from
    the story by a rule or a gap, with less text under it than story above it, it runs to
    the chapter's end, however long it is with the art, credits and links under it (the
    rule that sets it off is the note's). A web serial's chapter closes so."""
    for k in range(body + 1, end):
        if kinds[k] != TEXT or kinds[k - 1] != BREAK:
            continue
        if not BARE_AUTHOR_LABEL.fullmatch(paras[k].text):
            continue
        before = sum(len(paras[j].text) for j in range(body, k) if kinds[j] == TEXT)
        after = sum(len(paras[j].text) for j in range(k, end) if kinds[j] == TEXT)
        if after < before:
            return k - 1
    return None


def _plainly_a_note(texts: list[str]) -> bool:
    """The author is plainly speaking: a note's label (`A/N:`, `Author's note`, `Disclaimer:`),
    a request (`Please review!`), or two words of talk to readers or more (a single `warning`
    or `follows` may be the story's)."""
    if NOTE_LABEL.match(texts[0]) or any(REQUEST.search(text) for text in texts):
        return True
    return sum(len(talk_words().findall(text)) for text in texts) >= 2


def _texts(kinds: bytearray, paras: Sequence[Para], start: int, stop: int) -> list[int]:
    """The paragraphs of text with a letter in them in ``[start, stop)``."""
    return [k for k in range(start, stop) if _lettered(kinds, paras, k)]


def _lettered(kinds: bytearray, paras: Sequence[Para], k: int) -> bool:
    """Paragraph ``k`` is text with a letter in it (not `...`, not `*`)."""
    return kinds[k] == TEXT and any(c.isalpha() for c in paras[k].text)
