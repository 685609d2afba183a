"""Kinds inside one chapter of converted markup: its heading, labels, and AO3's chapter notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.chapter_notes import (
    labelled_notes,
    notes_fenced_apart,
    notes_set_off_by_rules,
)
from tui.book.markup.keyword_headings import prologue_of_its_own_epilogue
from tui.book.markup.para import Para, is_illustration
from tui.book.markup.producers import ENDNOTE_LINK, is_note_label, same_title
from tui.book.markup.segments import Segment
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading

TEXT, HEADING, BREAK = ParaKind.TEXT, ParaKind.HEADING, ParaKind.BREAK
NOTE, LABEL = ParaKind.NOTE, ParaKind.LABEL
# Class names of paragraphs that hold a chapter's title in books without heading tags: any
# containing these, or exactly one of the short ones (`chapter-text` is prose, `chapter` not).
TITLE_CLASSES = ("title", "heading", "chapter-num", "chapnum", "chapter_num")
TITLE_SHORT_CLASSES = frozenset(("chapter", "ct", "cn", "chap", "head", "h1", "h2", "h3"))
AO3_LANDMARK = re.compile(r"(?:Chapter|Work) Text")


def chapter_kinds(
    kinds: bytearray, paras: Sequence[Para], seg: Segment, end: int, ao3: bool
) -> int | None:
    """Kinds inside a chapter; returns the paragraph index of its heading (or None).

    Headings open the chapter (an `<h2>`, or a short line naming the chapter); images among
    them are labels, not scenes; a heading tag later in the chapter is prose. AO3 chapter notes
    (`div.meta`, or a `Chapter Notes` label and its quote) are notes.
    """
    heading = None
    i = seg.start
    while i < end and i < seg.start + 8:
        para = paras[i]
        if para.hint == HEADING or (
            para.hint == TEXT
            and _names_chapter(para, seg.title)
            and not prologue_of_its_own_epilogue(paras, i, end)
        ):
            kinds[i] = HEADING
            heading = i if heading is None else heading
        elif para.image and not (ao3 and _in_meta(para)):
            kinds[i] = LABEL
        elif para.hint != BREAK and not (ao3 and _ao3_note_line(para)):
            break
        i += 1
    for j in range(i, end):
        if kinds[j] == HEADING:
            # A heading tag inside the chapter is part of the story; right after a rule it
            # labels the scene the rule opens (`ACT II.` of a play inside the chapter), and
            # right after an illustration it is the illustration's caption.
            after = kinds[j - 1] if j > i else TEXT
            kinds[j] = LABEL if after == BREAK or (after == LABEL and paras[j - 1].image) else TEXT
        elif kinds[j] == TEXT and (paras[j].image or is_illustration(paras[j])):
            kinds[j] = LABEL  # an illustration is not the text a scene opens with
    # AO3's `Chapter Text` landmark, left as text by a converter (or after a rule under it),
    # is a landmark still, not the first words (and a name, `Text`) of the chapter's scene.
    for j in range(i, end):
        if kinds[j] == TEXT and AO3_LANDMARK.fullmatch(paras[j].text.strip()):
            kinds[j] = LABEL
    if ao3:
        _ao3_notes(kinds, paras, seg.start, end)
        # A heading tag right under the chapter's notes (a point of view, `Felix`) labels
        # its first scene, as it would right under its title.
        after = next((j for j in range(i, end) if kinds[j] not in (NOTE, LABEL)), end)
        if after < end and after > i and paras[after].hint == HEADING and kinds[after] == TEXT:
            kinds[after] = LABEL
    # A note's label passed over with the headings but left as text (`Author's notes:` in the
    # chapter's own text, no AO3 notes block under it) opens the chapter's body: its note is
    # the author's.
    body = i
    while body > seg.start and kinds[body - 1] == TEXT and is_note_label(paras[body - 1].text):
        body -= 1
    opened = notes_fenced_apart(kinds, paras, body, end) or notes_set_off_by_rules(
        kinds, paras, body, end
    )
    labelled_notes(kinds, paras, body, end, opened=opened)
    return heading


def _names_chapter(para: Para, title: str) -> bool:
    if len(para.text) > 120 or para.image:
        return False
    if title and same_title(para.text, title):
        return True
    found = match_heading(para.text.replace("\n", " "))
    if found is not None and found.strong:
        return True
    marks = para.block.marks.split() if para.block is not None else []
    return len(para.text) <= 60 and any(
        m in TITLE_SHORT_CLASSES or any(word in m for word in TITLE_CLASSES) for m in marks
    )


def _ao3_note_line(para: Para) -> bool:
    return _in_meta(para) or is_note_label(para.text) or bool(ENDNOTE_LINK.match(para.text))


def _in_meta(para: Para) -> bool:
    block = para.block
    if block is None:
        return False
    tokens = block.context.split()
    if "meta" in tokens or any(t.startswith(("#endnotes", "endnote")) for t in tokens):
        return True
    # A saved AO3 page: `div.notes.module`, `div.summary.module`, `div.end.notes.module`.
    return "module" in tokens and ("notes" in tokens or "summary" in tokens)


def _ao3_notes(kinds: bytearray, paras: Sequence[Para], start: int, end: int) -> None:
    """AO3 chapter notes and end notes: by class when the download kept them, else by their
    `Chapter Notes` / `Chapter End Notes` labels and the quotes that follow."""
    for j in range(start, end):
        if kinds[j] != HEADING and (_in_meta(paras[j]) or ENDNOTE_LINK.match(paras[j].text)):
            kinds[j] = NOTE
    j = start
    while j < end:
        if kinds[j] in (TEXT, LABEL) and is_note_label(paras[j].text):
            quoted = j + 1
            while quoted < end and _quoted(paras[quoted]):
                quoted += 1
            if quoted == j + 1 and quoted < end and kinds[quoted] == NOTE:
                kinds[j] = NOTE  # the label over notes AO3 marked (`See the end of the chapter…`)
            elif quoted > j + 1:
                kinds[j:quoted] = bytes([NOTE]) * (quoted - j)
                j = quoted
                continue
        j += 1


def _quoted(para: Para) -> bool:
    return para.block is not None and "blockquote" in para.block.context.split()
