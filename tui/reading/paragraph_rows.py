"""How one paragraph becomes rows on the page.

Wrapping, indents, justification, and the ornaments and blank rows set around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.book.heading_text import title_lines
from tui.book.model import Book, ParaKind
from tui.book.rules.illustrations import illustration_blocks
from tui.book.scene_breaks import gap_scene_starts, scene_break_lines
from tui.reading.insets import Insets, hang
from tui.reading.set_lines import SET_KINDS
from tui.reading.shown_text import ShownCache
from tui.reading.text_direction import runs_right_to_left
from tui.reading.wrapping import (
    JUSTIFY_LEAST,
    Row,
    RowKind,
    breaks_before_a_long_word,
    centre,
    justifiable,
    justify,
    measure,
    wrap,
)

_ROW_KIND = {
    ParaKind.TEXT: RowKind.TEXT,
    ParaKind.HEADING: RowKind.HEADING,
    ParaKind.BREAK: RowKind.ORNAMENT,
    ParaKind.FRONT: RowKind.MATTER,
    ParaKind.END: RowKind.MATTER,
    ParaKind.LABEL: RowKind.LABEL,
    ParaKind.NOTE: RowKind.NOTE,
}


# Between the paragraphs of a collapsed note, on its one row.
NOTE_JOIN = " · "


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """How paragraphs are laid out; any change re-wraps."""

    column: int = 72  # text column width in cells
    paragraph_style: str = "blank"  # "blank" line between paragraphs, or first-line "indent"
    justify: bool = False
    ornament: str = "⁂"
    indent: int = 2  # first-line indent in the "indent" style
    notes: str = "show"  # a chapter's author's notes: "show" them, or "collapse" each to a line


class ParagraphRows:
    """Lays out a book's paragraphs one at a time (the pager caches and walks the results)."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.shown = ShownCache(book)
        self.insets = Insets(book, self.shown.set_lines)
        self.gap_scenes = gap_scene_starts(book)
        self.break_lines = scene_break_lines(book)
        # A chapter's title line sits right under its heading line, as one heading.
        self.title_lines = title_lines(book)
        # The paragraphs of an illustration's note (`[Illustration:` / its caption / `]`) follow
        # one another as one note.
        self.note_runs_on = {
            k for first, end in illustration_blocks(book) for k in range(first, end - 1)
        }

    def build(self, para: int, piece: int, opts: LayoutOptions) -> list[Row]:
        """The rows of paragraph ``para`` (or of one piece of a huge one), laid out with
        ``opts``: the blank rows and ornament around it included."""
        book = self.book
        kind = ParaKind(book.kinds[para])
        blank_style = opts.paragraph_style != "indent"
        pieces = self.shown.pieces(para)
        rows: list[Row] = []
        blank = Row(RowKind.BLANK, para)
        if kind == ParaKind.BREAK and self.break_lines is not None and para not in self.break_lines:
            return [blank]  # a spacer that sets off a line inside a scene: a wider gap only
        if (
            opts.notes == "collapse"
            and kind == ParaKind.NOTE
            and (piece > 0 or self._note_goes_on(para))
        ):
            return []  # (a collapsed note is its first paragraph's first line)
        if piece == 0:
            if para in self.gap_scenes:
                if not blank_style:
                    rows.append(blank)
                rows.append(self._ornament(para, opts))
                rows.append(blank)
            elif kind == ParaKind.HEADING and para > 0 and not self._joined_title(para):
                rows.append(blank)  # air above a chapter title
            elif kind == ParaKind.BREAK and not blank_style:
                rows.append(blank)
        if kind == ParaKind.BREAK:
            rows.append(self._ornament(para, opts))
        else:
            rows.extend(self._text_rows(para, piece, kind, opts))
        if piece == pieces - 1 and self._blank_after(para, kind, blank_style):
            rows.append(blank)
        return rows

    def _ornament(self, para: int, opts: LayoutOptions) -> Row:
        text = opts.ornament or "*"
        return Row(RowKind.ORNAMENT, para, text, centre(text, opts.column))

    def _text_rows(self, para: int, piece: int, kind: ParaKind, opts: LayoutOptions) -> list[Row]:
        shown = self.shown(para)
        start, end = self.shown.piece(para, piece)
        text = shown.text[start:end]
        row_kind = _ROW_KIND.get(kind, RowKind.TEXT)
        if para in self.book.notes and row_kind in (RowKind.TEXT, RowKind.MATTER):
            row_kind = RowKind.NOTE  # (a footnote or endnote of an EPUB)
        first_indent = 0
        if opts.paragraph_style == "indent" and kind == ParaKind.TEXT and piece == 0:
            first_indent = 0 if self._opens_section(para) else opts.indent
        indents = self.insets.lines(para, shown.text, opts.column)
        hangs = row_kind != RowKind.HEADING and self.insets.hangs(para, shown.text)
        if indents is None and hangs:
            indents = [0] * (shown.text.count("\n") + 1)
        if indents is None:
            spans = wrap(text, opts.column, first_indent)
            row_indents = [first_indent]
        else:
            # (the lines of a piece after the first: a huge paragraph is laid out in pieces)
            indents = indents[shown.text.count("\n", 0, start) :]
            spans, row_indents = _set_in(text, indents, opts.column, first_indent, hangs)
        collapsed = (
            kind == ParaKind.NOTE
            and opts.notes == "collapse"
            and (len(spans) > 1 or self.shown.pieces(para) > 1 or self._note_goes_on(para + 1))
        )
        line_text = text
        if collapsed:  # one line, its last word given up for the ellipsis
            if self._note_goes_on(para + 1):
                # (the note's next paragraphs run on, to show what it is about)
                line_text = self._note_run_text(para, text, opts.column)
                spans = wrap(line_text, opts.column, first_indent)
            a, b = spans[0]
            cut = line_text.rfind(" ", a, max(a, b - 2))
            spans = [(a, cut if cut > a else max(a, b - 1))]
        rows = []
        last = len(spans) - 1
        # (lines set off, inset or hanging, stay as set; only prose is justified)
        prose = opts.justify and indents is None and justifiable(text)
        # (a right-to-left paragraph is set flush right, its indents on the right; the terminal
        # puts its letters in order)
        rightward = row_kind != RowKind.HEADING and runs_right_to_left(shown.text)
        for n, (a, b) in enumerate(spans):
            line = line_text[a:b]
            indent = row_indents[n] if n < len(row_indents) else 0
            inserts: tuple[tuple[int, int], ...] = ()
            if row_kind == RowKind.HEADING:
                indent = centre(line, opts.column)
            elif (
                prose
                and n < last
                and measure(line) >= JUSTIFY_LEAST * (opts.column - indent)
                and para not in self.book.typed  # (a table's spaces are its columns)
                and row_kind != RowKind.LABEL
                and "\n" not in text[b : spans[n + 1][0]]  # a line the book ends stays ragged
                and not breaks_before_a_long_word(text, spans[n + 1][0], opts.column - indent)
            ):
                line, inserts = justify(line, opts.column - indent)
            if collapsed:
                line = line.rstrip(NOTE_JOIN) + " …"
            if rightward:
                indent = max(0, opts.column - indent - measure(line))
            end = min(b, len(text))  # (what runs on from the next paragraphs maps to none)
            rows.append(Row(row_kind, para, line, indent, start + a, start + end, inserts))
        return rows

    def _note_run_text(self, para: int, text: str, column: int) -> str:
        """``text`` (a note's first paragraph) with the note's next paragraphs run on, as much
        as one row of ``column`` cells can show."""
        parts = [text]
        length = len(text)
        nxt = para + 1
        while length < 2 * column and self._note_goes_on(nxt):
            more = self.shown(nxt).text
            parts.append(more)
            length += len(more) + len(NOTE_JOIN)
            nxt += 1
        return NOTE_JOIN.join(parts)

    def _note_goes_on(self, para: int) -> bool:
        """Whether ``para`` carries on the note of the paragraph before it."""
        kinds = self.book.kinds
        return 0 < para < len(kinds) and kinds[para] == kinds[para - 1] == ParaKind.NOTE

    def _opens_section(self, para: int) -> bool:
        """No first-line indent after a heading, a scene break or at the start of the book."""
        if para == 0 or para in self.gap_scenes:
            return True
        return self.book.kinds[para - 1] in (ParaKind.HEADING, ParaKind.BREAK, ParaKind.LABEL)

    def _joined_title(self, para: int) -> bool:
        """Whether ``para`` is a title line right under its heading's line (not an image's)."""
        return para in self.title_lines and self.book.kinds[para - 1] == ParaKind.HEADING

    def _blank_after(self, para: int, kind: ParaKind, blank_style: bool) -> bool:
        if self._joined_title(para + 1):
            return False
        if para in self.note_runs_on and self.book.kinds[para + 1] == kind:
            return False
        if kind in SET_KINDS and self.shown.set_lines.runs_on(para):
            # (a poem's next line, a contents list's next entry)
            return self.book.kinds[para + 1] != kind
        if blank_style or kind in (ParaKind.HEADING, ParaKind.BREAK):
            return True
        if para + 1 >= len(self.book):
            return False
        nxt = self.book.kinds[para + 1]
        # In the indent style a blank row still sets off front matter, notes and headings.
        return nxt != kind and (nxt == ParaKind.HEADING or kind != ParaKind.TEXT)


def _set_in(
    text: str, indents: list[int], column: int, first_indent: int, hangs: bool
) -> tuple[list[tuple[int, int]], list[int]]:
    """The rows of ``text`` whose lines (divided by `\n`) are set in by ``indents`` cells each,
    as `wrap` gives them, and each row's indent: a line too long for its room wraps under
    itself, its rows after the first set in further (`hang`) where its lines ``hangs``."""
    spans: list[tuple[int, int]] = []
    row_indents: list[int] = []
    at = 0
    for number, line in enumerate(text.split("\n")):
        indent = indents[number] if number < len(indents) else 0
        if number == 0:
            indent = max(indent, first_indent)
        if line.strip():
            room = max(1, column - indent)
            more = hang(room) if hangs else 0
            # (the line's first row has the whole room: `wrap` makes a negative indent wider)
            for n, (a, b) in enumerate(wrap(line, room - more, -more)):
                spans.append((at + a, at + b))
                row_indents.append(indent + (more if n else 0))
        at += len(line) + 1
    return (spans, row_indents) if spans else ([(0, 0)], [0])
