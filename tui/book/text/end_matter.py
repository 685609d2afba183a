"""Where the story ends (The End, Afterword, end notes) and the notes inside each chapter."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from tui.book.model import ParaKind, Section
from tui.book.rules.notes import looks_like_author_talk, note_end
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.lines import LineInfo

NOTE = int(ParaKind.NOTE)
LABEL = int(ParaKind.LABEL)
END = int(ParaKind.END)
TEXT = int(ParaKind.TEXT)

# Landmarks that open end matter when they come after the last chapter's story.
_END_LANDMARKS = {"afterword", "end_notes", "chapter_end_notes", "colophon", "index", "errata"}
# An `Author's Note` this close to the end of the book is end matter, not story.
TAIL_PARAGRAPHS = 15
# `The End` counts as the end of the story only near the end.
END_MARKER_TAIL = 40
# An author's note opening or closing a chapter runs at most this many paragraphs.
MOST_NOTE_PARAGRAPHS = 6
NOTES_GAP = 2  # blank lines parting a chapter's notes from its text, at the fewest
# A note's label with the note under it, not after it: `Author's Note:`, `(A/N)`, `**A/N**`.
BARE_NOTE_LABEL = re.compile(
    r"[*_(\[]*(?:author'?s?\s+notes?|a/?n|notes?)[*_)\]]*\s*:?[*_]*", re.IGNORECASE
)


def _kind(info: LineInfo | None) -> tuple[str | None, Any]:
    return (info.kind, info.data) if info is not None else (None, None)


def find_story_end(
    infos: dict[int, LineInfo],
    last_chapter: int,
    n: int,
    body: int | None = None,
    only_lists_after: Callable[[int], bool] | None = None,
) -> int:
    """The first paragraph of end matter after the last chapter's start (``n`` if none);
    ``body`` is the first paragraph under the last chapter's heading; ``only_lists_after(i)``
    tells whether nothing but short lines (a publisher's list) follows paragraph ``i``."""
    after_text = False  # AO3 work page: a `Chapter Text` landmark was seen in this chapter
    # The classified lines right under the last heading (notes, a disclaimer) open it.
    opening = last_chapter + 1 if body is None else body
    while opening in infos:
        opening += 1
    for i in sorted(k for k in infos if k > last_chapter):
        kind, data = _kind(infos[i])
        if kind == "landmark" and data in ("chapter_text", "work_text"):
            after_text = True
        elif kind == "author_note" and i < opening:
            continue  # a note opening the last chapter, right under its heading
        elif _ends_story(kind, data, after_text, i, last_chapter, n, infos):
            return i
        elif kind == "end" and only_lists_after is not None and only_lists_after(i):
            # `THE END.` then a page of other titles by the publisher, however long.
            return i
    return n


# Headings of the pages an e-book ends with.
_CLOSING_PAGES = re.compile(r"[\W_]*(acknowledge?ments?|about the author)[\W_]*", re.IGNORECASE)


def _closing_page(kind, data) -> str | None:
    """`acknowledgements` or `about_the_author` for those headings, `notes` for another
    page's label set in a banner like the chapters' (`===== Thanks: =====`), else None."""
    m = _CLOSING_PAGES.fullmatch(str(data)) if kind == "front" else None
    if m is None:
        return "notes" if kind == "front" and str(data).endswith(":") else None
    name = m.group(1).lower()
    return "acknowledgements" if name.startswith("ack") else name.replace(" ", "_")


def _ends_story(kind, data, after_text: bool, i: int, last: int, n: int, infos) -> bool:
    if kind == "landmark":
        # After the last `Chapter Text`, AO3's `Notes:` and page furniture (`Actions`) end it.
        return data in _END_LANDMARKS or (data in ("notes", "actions") and after_text)
    if kind == "please" or _closing_page(kind, data):
        return True
    if kind == "end":
        # `The End` near the end of the book, or in the last quarter of the last chapter.
        return n - i <= END_MARKER_TAIL or (i - last) * 4 >= 3 * (n - last)
    return kind == "author_note" and n - i <= TAIL_PARAGRAPHS and _nothing_after(infos, i)


def _nothing_after(infos: dict[int, LineInfo], i: int) -> bool:
    """No heading or scene break after paragraph ``i``: it is in the book's tail."""
    return not any(
        k > i and info.kind in ("heading", "break", "spacer", "tab") for k, info in infos.items()
    )


def end_sections(infos: dict[int, LineInfo], start: int, n: int) -> list[Section]:
    """Split the end matter ``[start, n)`` at its landmarks into sections."""
    marks = [i for i in sorted(infos) if start <= i < n and _end_mark(infos[i])]
    if not marks or marks[0] != start:
        marks.insert(0, start)
    sections = []
    for k, i in enumerate(marks):
        stop = marks[k + 1] if k + 1 < len(marks) else n
        kind, data = _kind(infos.get(i))
        if kind == "end":
            sections.append(Section("end_marker", None, i, i + 1))
            if stop > i + 1:
                sections.append(Section("notes", None, i + 1, stop))
        elif kind == "landmark":
            name = {"notes": "end_notes", "chapter_end_notes": "end_notes"}.get(str(data), data)
            sections.append(Section(str(name), i, i + 1, stop))
        elif kind == "author_note":
            sections.append(Section("author_note", None, i, stop))
        elif kind == "please":
            sections.append(Section("comment_request", None, i, stop))
        elif _closing_page(kind, data):
            sections.append(Section(str(_closing_page(kind, data)), i, i + 1, stop))
        else:
            sections.append(Section("notes", None, i, stop))
    return sections


def _end_mark(info: LineInfo) -> bool:
    return (
        info.kind in ("end", "author_note", "please")
        or bool(_closing_page(*_kind(info)))
        or (info.kind == "landmark" and info.data in (*_END_LANDMARKS, "notes"))
    )


def mark_chapter_notes(
    kinds: bytearray,
    infos: dict[int, LineInfo],
    marks: list[int],
    body: int,
    end: int,
    paragraph: Callable[[int], str],
    line_of: Callable[[int], int | None] | None = None,
) -> None:
    """Mark a chapter's own notes (NOTE) and landmarks (LABEL) in ``[body, end)``.

    ``marks`` are the classified paragraphs of ``[body, end)``, sorted; ``body`` is the first
    paragraph after the heading; ``paragraph(i)`` gives display text. AO3 work pages put notes
    between the heading and `Chapter Text`, and end notes after a `Notes:` line; AO3 downloads
    use `Chapter Notes` / `Chapter End Notes`; many fics open or close a chapter with `A/N:`,
    sometimes over several paragraphs (see :func:`tui.book.rules.notes.note_end`).
    """
    text_label = next(
        (
            i
            for i in marks
            if _kind(infos[i]) in (("landmark", "chapter_text"), ("landmark", "work_text"))
        ),
        None,
    )
    if text_label is not None:
        for i in range(body, text_label):
            kinds[i] = NOTE
        kinds[text_label] = LABEL
        for i in marks:
            if i > text_label and _kind(infos[i]) in (
                ("landmark", "notes"),
                ("landmark", "end_notes"),
            ):
                kinds[i:end] = bytes([NOTE]) * (end - i)
                break
        return
    head = body  # where the chapter's opening notes end so far
    for i in marks:
        if i < head:
            continue  # inside a note already marked
        kind, data = _kind(infos[i])
        opening = i - head <= 2
        if kind == "landmark" and data in ("chapter_summary", "chapter_notes", "summary", "notes"):
            if opening:
                stop = _notes_stop(infos, marks, i, end, paragraph)
                if line_of is not None:
                    stop = max(stop, _gap_under_notes(line_of, i, end) or stop)
                kinds[i:stop] = bytes([NOTE]) * (stop - i)
                head = stop
            elif data == "notes" and end - i <= MOST_NOTE_PARAGRAPHS + 1:
                kinds[i:end] = bytes([NOTE]) * (end - i)  # `Notes:` over the chapter's last lines
                return
        elif kind == "landmark" and data in ("chapter_end_notes", "end_notes"):
            kinds[i:end] = bytes([NOTE]) * (end - i)
            return
        elif kind == "see_end":
            if opening and head > body:
                # (`See the end of the chapter for notes` closes the notes over it, however
                # little their last lines sound like the author talking)
                kinds[head:i] = bytes([NOTE]) * (i - head)
            kinds[i] = NOTE
            head = max(head, i + 1) if opening else head
        elif kind in ("meta", "by") and opening:
            # `Disclaimer: I own nothing.`, `Published: 2022-12-15`, `by Arctikfox` at the top
            # of a chapter
            kinds[i] = NOTE
            head = i + 1
        elif kind == "break" and i == head > body:
            kinds[i] = NOTE  # the rule that closes the chapter's opening notes
            head = i + 1
        elif kind == "author_note":
            if opening:
                stop = note_end(paragraph, i, end, MOST_NOTE_PARAGRAPHS)
                if BARE_NOTE_LABEL.fullmatch(paragraph(i).strip()):
                    stop = _rule_after(infos, marks, i, stop)
                kinds[i:stop] = bytes([NOTE]) * (stop - i)
                head = stop
            elif end - i <= 3 or _talk_to_the_end(paragraph, i + 1, end):
                kinds[i:end] = bytes([NOTE]) * (end - i)
                return


def _rule_after(infos: dict[int, LineInfo], marks: list[int], i: int, stop: int) -> int:
    """A note under a bare label, set off by a rule, runs to that rule a few paragraphs on,
    though it stops sounding like the author (`Author's Note:` / `(A/N)` / the news / `---`)."""
    for k in marks:
        if k > i + MOST_NOTE_PARAGRAPHS:
            break
        if k >= stop and infos[k].kind == "break":
            return k
    return stop


def _gap_under_notes(line_of: Callable[[int], int | None], i: int, end: int) -> int | None:
    """Where notes set line under line below their label (no blank line between, as a dump
    with a paragraph a line sets them) meet the wider gap that parts them from the chapter's
    text: they run to it, however little their lines sound like the author talking."""
    for k in range(i + 1, min(end, i + 2 + MOST_NOTE_PARAGRAPHS)):
        before, here = line_of(k - 1), line_of(k)
        if before is None or here is None:
            return None
        if here - before - 1 >= NOTES_GAP:
            return k
        if here - before != 1:
            return None
    return None


def _talk_to_the_end(paragraph: Callable[[int], str], start: int, end: int) -> bool:
    """Everything from ``start`` to the chapter's end is the author talking to readers."""
    return end - start <= MOST_NOTE_PARAGRAPHS and all(
        looks_like_author_talk(paragraph(k)) for k in range(start, end)
    )


def _notes_stop(infos: dict[int, LineInfo], marks: list[int], i: int, end: int, paragraph) -> int:
    """AO3 download chapter notes run to `See the end of the chapter...` or to the next
    landmark just after them; otherwise while the author is still talking."""
    talk = note_end(paragraph, i + 1, end, MOST_NOTE_PARAGRAPHS)
    for k in marks:
        if k <= i:
            continue
        if k > talk + 1:
            break
        kind, _ = _kind(infos[k])
        if kind == "see_end":
            return k + 1
        if kind in ("landmark", "heading"):
            return k
        break
    return talk


FOOTNOTE_REACH = 2000  # paragraphs before the notes looked through for the first note's mark
# A footnote's text, as the book ends with its notes: `[1] That wasn't …`.
# `[1] …`, or a note named in Markdown, `[^fall]: …` (read as `[fall]: …`)
FOOTNOTE = re.compile(r"\[(\d{1,3})\]:?\s+\S|\[([^\]\s\d][^\]\s]{0,11})\]:\s+\S")


def before_footnotes(
    kinds: bytearray,
    paragraph: Callable[[int], str],
    raw: Callable[[int], str],
    end: int,
    start: int,
) -> int:
    """Where the footnotes that close the book begin, or ``end`` when it does not close with
    footnotes: each opens with its number, `[1] …`, and may go on in indented lines, and the
    story marks the first of them (`…heard of it[1] once`)."""
    titled = _titled_footnotes(paragraph, start, end)
    if titled is not None:
        return titled
    i = end
    while i > start and kinds[i - 1] == TEXT:
        text = paragraph(i - 1)
        going_on = raw(i - 1)[:1] in (" ", "\t") or text[:1].islower()  # (a note's next line)
        if not (FOOTNOTE.match(text) or going_on):
            break
        i -= 1
    while i < end and not FOOTNOTE.match(paragraph(i)):
        i += 1  # (indented lines before the first mark are the story's)
    if not start < i < end or kinds[i - 1] != TEXT:
        return end
    return i if _marked_before(paragraph, i, i) else end


def _marked_before(paragraph: Callable[[int], str], note: int, before: int) -> bool:
    """Whether the story before paragraph ``before`` carries the mark (`[1]`) of the note
    that paragraph ``note`` opens; the mark may be chapters back (notes numbered through the
    whole book)."""
    first = FOOTNOTE.match(paragraph(note))
    if first is None:
        return False
    mark = f"[{first.group(1) or first.group(2)}]"
    return any(mark in paragraph(k) for k in range(max(0, before - FOOTNOTE_REACH), before))


# The heading of the notes a book ends with: `FOOTNOTES:`, `NOTES`, `Endnotes.`
FOOTNOTES_TITLE = re.compile(r"(?:foot|end)?notes?[:.]?", re.IGNORECASE)


def _titled_footnotes(paragraph: Callable[[int], str], start: int, end: int) -> int | None:
    """The `FOOTNOTES:` line over the book's closing notes, with a first note (`[1] …`) under
    it whose mark the story carries; the notes may be followed by more end matter (an
    editor's list of corrections). Only the book's last paragraphs are looked through."""
    for i in range(max(start + 1, end - FOOTNOTE_REACH), end - 1):
        if FOOTNOTES_TITLE.fullmatch(paragraph(i).strip()) and _marked_before(paragraph, i + 1, i):
            return i
    return None


SEQUEL_LINE = re.compile(r"continued\W+in\W*$", re.IGNORECASE)
SEQUEL_GAP = 2  # paragraphs from `To be continued in` to the sequel's name


def before_sequel(choices: list[HeadingChoice], infos, last: int) -> list[HeadingChoice]:
    """Headings right under a `To be continued in` at the end of the book name the sequel
    (`TO BE CONTINUED IN` / `BOOK 2:` / `HARRY POTTER AND THE …`): they are no chapters. (A
    plain `To be continued…` closes a chapter, and the next one may follow.)"""
    for i in sorted(infos):
        info = infos[i]
        if last - i > END_MARKER_TAIL or info.kind != "end" or not SEQUEL_LINE.search(info.data):
            continue
        after = [c for c in choices if c.para > i]
        if after and after[0].para - i <= SEQUEL_GAP:
            return [c for c in choices if c.para < i]
    return choices


# A web page's links saved after its text: at least this many lines (links come in groups: one
# line set in by a tab is the text's own, a letter's dateline `\tLondon, 1923`), at most this
# many, each this long at most.
LEAST_TRAILING_LINKS = 2
TRAILING_LINKS = 4
LINK_CHARS = 40


def before_trailing_links(infos: dict[int, LineInfo], paragraph, story_end: int) -> int:
    """The story ends before the lines that close the file when they are a few short lines (two
    or more) set in by a tab, none a sentence (`The Latin Library`, `The Classics Page`): the
    links of the web page the text was saved from, where no other tab-led line stands in the book (a
    download's chapter titles are led so)."""
    tabbed = sorted(i for i, info in infos.items() if info.kind == "tab" and i < story_end)
    if not LEAST_TRAILING_LINKS <= len(tabbed) <= TRAILING_LINKS or tabbed[-1] != story_end - 1:
        return story_end
    if tabbed != list(range(tabbed[0], story_end)):
        return story_end
    lines = [paragraph(i).strip() for i in tabbed]
    if any(len(line) > LINK_CHARS or line.endswith((".", "!", "?", ",", ";")) for line in lines):
        return story_end
    return tabbed[0]


# A title page's block between two rules: at least this many short lines, ...
FENCED_TITLE_LINES = 3
# ... each at most this long, set in from the margin.
FENCED_LINE_CHARS = 60


def before_fenced_title(
    infos: dict[int, LineInfo], raw: Callable[[int], str], end: int, start: int
) -> int:
    """Where the back matter that closes the book begins under a title block set between two
    rules (`* * *` / `NOTES AND COMMENTS` / `to the edition of 1875` / `* * *`): several short
    lines set in, none a sentence, between rules after the last chapter's story; else
    ``end``."""
    rules = [i for i in sorted(infos) if start <= i < end and infos[i].kind == "break"]
    for above, below in pairwise(rules):
        block = [raw(k) for k in range(above + 1, below)]
        if len(block) >= FENCED_TITLE_LINES and all(_title_block_line(line) for line in block):
            return above
    return end


def _title_block_line(raw: str) -> bool:
    """A line of a title block: short, set in, no sentence (a line in capitals may end in a
    stop, `BY THE AUTHOR.`)."""
    line = raw.strip()
    return (
        0 < len(line) <= FENCED_LINE_CHARS
        and "\n" not in line
        and raw[:1] in (" ", "\t")
        and not line.endswith(("!", "?", ",", ";", ":"))
        and not (line.endswith(".") and not line.isupper())
    )
