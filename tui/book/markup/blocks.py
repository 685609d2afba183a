"""Blocks of converted markup, and the paragraph being built: text, inline styles, images."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from tui.book.markup.notes import opens_with_mark
from tui.book.markup.span_maps import remap_spans
from tui.book.markup.table_rows import Cell
from tui.book.markup.tags import (
    HEADING_TAGS,
    LINE_BREAK_OWNERS,
    PRE_BLANK,
)
from tui.book.rules.cjk_lines import collapse_spaces, joins_without_space
from tui.book.rules.illustrations import caption_once, decorative_alt


class BlockKind(StrEnum):
    """What a block is: text, a heading, a break (`<hr>`), a gap (an empty `<p>`), an image."""

    TEXT = "text"
    HEADING = "heading"
    BREAK = "break"
    GAP = "gap"
    IMAGE = "image"  # a block holding images only


TEXT, HEADING, BREAK, GAP, IMAGE = BlockKind
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # characters with no width, that end no line
# The tag of a gap that is a paragraph's top margin (a class the style sheet spaces above).
MARGIN_GAP = "margin"
GAP_BREAKS = 3  # `<br>`s in a row (two empty lines) that leave a gap, like an empty paragraph


@dataclass(slots=True)
class Block:
    """One paragraph-level piece of a document, before it becomes a book paragraph."""

    kind: BlockKind
    text: str = ""
    spans: list[tuple[int, int, str]] | None = None  # (start, end, "italic"|"bold")
    tag: str = ""  # the block element it came from: p, h2, li, dd, hr ...
    marks: str = ""  # its own `#id`, classes and epub:type, lower case
    context: str = ""  # the same for it and its ancestors, outermost first
    label: str = ""  # for `<dt>label</dt><dd>value</dd>`: the label, without its colon
    images: list[tuple[str, str]] | None = None  # (src, alt) of the images it holds
    lines: int = 1  # a gap: the empty lines it stands for (`<br>` runs leave more than one)
    verse: int = 0  # the verse element (`div.stanza`) it is in, numbered in the document; 0: none
    listed: int = 0  # the innermost list (`ul`, `ol`, `dl`) it is in, numbered in the document
    note: bool = False  # it is (part of) a footnote or endnote
    linked: int = 0  # characters of its text inside links (`<a href>`)
    targets: tuple[str, ...] = ()  # the places in its own page its links lead to (`#ch1`)
    centred: bool = False  # its element is centred by its own attributes
    row: int = 0  # the table's row it is in, numbered in the document; 0: none
    cells: list[Cell] | None = None  # a table's row read as one: its cells
    runs_on: bool = False  # a table's row set in columns, the next row of the table under it
    # Text set as typed (`<pre>`, a monospaced block): the spaces each of its lines opens with.
    typed: tuple[int, ...] | None = None

    @property
    def level(self) -> int:
        """Heading level 1-6, or 0."""
        return int(self.tag[1]) if self.kind == HEADING else 0


@dataclass(slots=True)
class Document:
    """A converted XHTML/HTML document."""

    blocks: list[Block] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)  # element id -> index of its block
    title: str = ""  # the <title>
    author: str = ""  # the head's `<meta name="author">`
    body_marks: str = ""  # id and classes of <body>


class OpenElement:
    """An open element on the converter's stack."""

    __slots__ = (
        "block",
        "bold",
        "centred",
        "context",
        "href",
        "italic",
        "items",
        "listed",
        "marks",
        "note",
        "note_mark",
        "noted",
        "opened_at",
        "page_mark",
        "paragraph",
        "preformatted",
        "row",
        "skip",
        "tag",
        "text_at",
        "verse",
    )

    def __init__(self, tag: str, marks: str, context: str, block: bool) -> None:
        self.tag = tag
        self.marks = marks
        self.context = context
        self.block = block
        self.centred = False
        self.italic = False
        self.bold = False
        self.skip = False
        self.page_mark = False  # it holds a printed page's number, hidden from the text
        self.opened_at = 0  # blocks emitted when it opened (to spot empty paragraphs)
        self.verse = 0  # the innermost verse element it is or is in (see `Block.verse`)
        self.listed = 0  # the innermost list it is or is in (see `Block.listed`)
        self.paragraph = 0  # the paragraph open when it opened (see `ParagraphBuilder.paragraph`)
        self.text_at = 0  # ... and that paragraph's length then
        self.href = ""  # a link: where to
        self.items = 0  # a list: its items so far
        self.note: OpenElement | None = None  # the footnote or endnote it is or is in
        self.note_mark = ""  # a note: its number (`1`), or "" when it has none
        self.noted = False  # a note: its number has been shown at its start
        self.preformatted = False  # it is or is in a block set as typed (see `Block.typed`)
        self.row = 0  # a table's row: its number in the document (see `Block.row`)


class ParagraphBuilder:
    """The open paragraph of a converter: its text pieces, spans and images, until a block
    boundary flushes it into a :class:`Block`. A mixin: the converter supplies ``owner`` (the
    innermost open block element), ``blocks``, and the ``italic``/``bold`` depths."""

    owner: OpenElement
    blocks: list[Block]
    italic: int
    bold: int
    linking = 0  # links open around the text added (`<a href>`), supplied by the converter
    # `<br>`s since the last text: one is a line break, two a paragraph break, three or more
    # (two empty lines or more) a wider gap, weighed like an empty paragraph.
    br_run = 0
    # The run of `<br>`s stands after a paragraph, outside any text; it is an empty line
    # between paragraphs once the next block element opens (see the converter's start_tag).
    br_between = False
    # The open paragraph ends in a space that was a line break in the file: the next text
    # takes it away when the two sides join with none (`若\n<b>不</b>`, see `cjk_lines`).
    soft_break = False
    paragraph = 0  # paragraphs started so far: which one is open

    def start_paragraph(self) -> None:
        self.paragraph += 1
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, str]] = []
        self.images: list[tuple[str, str]] = []
        self.para_owner: OpenElement | None = None  # the block element the paragraph is in
        self.label = ""
        self.soft_break = False
        self.text_chars = 0  # characters of real text (not placeholders) in the paragraph
        self.linked_chars = 0  # characters of text inside links
        self.targets: list[str] = []  # fragments of the links to places in the page

    def add_text(self, text: str) -> None:
        if self.br_between:
            # `</p><br/>Loose text`: the line breaks lead into text outside any paragraph,
            # and are its own line breaks, not an empty line between paragraphs.
            self.br_between = False
            if self.blocks and self.blocks[-1].kind == GAP and self.blocks[-1].tag == "br":
                self.blocks.pop()
        if self.length and self.parts[-1][-1] == "\n" and not text.strip().strip(INVISIBLE):
            # A line holding only spaces, no-break spaces among them, is an empty line: in
            # `<br>&nbsp;<br>` the two `<br>`s are a paragraph break, as `<br><br>` is.
            return
        soft_break = False
        if self.owner.preformatted:
            self.add_pre(text, newlines=self.owner.tag == "pre")
            return
        if "\n" in text or "\t" in text or "  " in text or "\r" in text or "\f" in text:
            soft_break = "\n" in text[len(text.rstrip(" \t\n\r\f\v")) :]
            text = collapse_spaces(text, self.parts[-1][-1] if self.length else "")
        if text[0] == " " and (not self.length or self.parts[-1][-1] in " \n"):
            text = text[1:]
            if not text:
                self.soft_break = self.soft_break or soft_break
                return
        if self.soft_break:
            self._join_soft_break(text[0])
        self.soft_break = soft_break
        if not self.length:
            self.para_owner = self.owner
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if text != " ":
            self.text_chars += len(text)
            self.br_run = 0
            if self.linking:
                self.linked_chars += len(text.strip())
        if self.italic:
            self._span(start, "italic")
        if self.bold:
            self._span(start, "bold")

    def _join_soft_break(self, after: str) -> None:
        """Take away the space a line break left at the paragraph's end when the characters
        on its two sides join with none."""
        parts = self.parts
        last = parts[-1] if parts else ""
        before = last[-2:-1] or (parts[-2][-1:] if len(parts) > 1 else "")
        if not last.endswith(" ") or not joins_without_space(before, after):
            return
        if len(last) == 1:
            parts.pop()
        else:
            parts[-1] = last[:-1]
            self.text_chars -= 1
        self.length -= 1
        self.spans = [(s, min(e, self.length), k) for s, e, k in self.spans if s < self.length]

    def bracket_tail(self, start: int) -> None:
        """Set the open paragraph's text from ``start`` on in brackets (a note's reference,
        `1` → `[1]`); inline styles over it stretch to cover them."""
        text = "".join(self.parts)
        self.parts[:] = [text[:start], f"[{text[start:].strip()}]"]
        self.length = start + len(self.parts[1])
        self.text_chars += 2
        self.spans = [
            (s if s <= start else s + 1, min(self.length, e + 1 if e > start else e), k)
            for s, e, k in self.spans
        ]

    def _span(self, start: int, style: str) -> None:
        spans = self.spans
        for i in range(len(spans) - 1, max(len(spans) - 3, -1), -1):
            if spans[i][2] == style and spans[i][1] == start:
                spans[i] = (spans[i][0], self.length, style)
                return
        spans.append((start, self.length, style))

    def add_pre(self, text: str, newlines: bool = True) -> None:
        """Preformatted text keeps its spaces and (``newlines``: a `<pre>`'s) its line breaks;
        a blank line ends the paragraph."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not newlines:
            text = text.replace("\n", " ")  # (a monospaced `<div>` breaks its lines by `<br>`)
        pieces = PRE_BLANK.split(text)
        for i, piece in enumerate(pieces):
            if i:
                self.flush()
            piece = piece.replace("\t", "    ")
            # (spaces between words, or setting the first line in, are the typist's)
            if piece.strip() or (piece and (self.length or "\n" not in piece)):
                if not self.length:
                    self.para_owner = self.owner
                start = self.length
                self.parts.append(piece)
                self.length += len(piece)
                self.text_chars += len(piece)
                self.br_run = 0
                if self.italic:
                    self._span(start, "italic")
                if self.bold:
                    self._span(start, "bold")

    def line_break(self) -> None:
        """`<br>`: a line break inside a paragraph element, a paragraph break in loose text;
        `<br><br>` a paragraph break; a longer run a gap."""
        self.br_run += 1
        owns_lines = self.owner.tag in LINE_BREAK_OWNERS or self.owner.preformatted
        if self.br_run == 1:
            self.br_between = (
                not self.length and not self.images and bool(self.blocks) and not owns_lines
            )
        if self.br_between:
            # `</P><BR><BR><P>`: line breaks standing between two paragraphs, not inside any
            # text, each leave an empty line on the page.
            gap = self.blocks[-1]
            if self.br_run > 1 and gap.kind == GAP and gap.tag == "br":
                gap.lines += 1
            else:
                owner = self.owner
                self.blocks.append(Block(GAP, tag="br", marks=owner.marks, context=owner.context))
            return
        if self.br_run >= GAP_BREAKS:
            if self.br_run > GAP_BREAKS and self.blocks and self.blocks[-1].kind == GAP:
                self.blocks[-1].lines += 1
                return
            self.flush()
            owner = self.owner
            self.blocks.append(
                Block(GAP, tag="br", marks=owner.marks, context=owner.context, lines=2)
            )
            return
        if not owns_lines or (self.length and self.parts[-1] == "\n"):
            self.flush()  # loose text, or `<br><br>`
            return
        if not self.text_chars:
            return
        self.soft_break = False
        last = self.parts[-1]
        if last.endswith(" "):
            self.length -= 1
            if len(last) == 1:
                self.parts.pop()
            else:
                self.parts[-1] = last[:-1]
        self.parts.append("\n")
        self.length += 1

    def add_image(self, attrs: dict[str, str]) -> None:
        src = attrs.get("src") or attrs.get("xlink:href") or attrs.get("href") or ""
        alt = " ".join(attrs.get("alt", "").split())
        self.images.append((src, alt))
        if alt and not decorative_alt(alt, src):
            if self.length and self.parts[-1][-1] not in " \n":
                self.add_text(" ")
            placeholder = f"[image: {alt}]"
            self.add_text(placeholder)
            self.text_chars -= len(placeholder)
        elif self.length and self.parts[-1][-1] not in " \n":
            self.add_text(" ")  # a decorative image between words still separates them

    def flush(self) -> None:
        """End the open paragraph and emit its block: text, heading, or images only."""
        if not self.length and not self.images:
            self.label = ""
            return
        owner = self.para_owner or self.owner
        text = "".join(self.parts)
        spans = self.spans
        typed = None
        if owner.preformatted:
            typed = tuple(
                len(line) - len(line.lstrip()) for line in text.split("\n") if line.strip()
            )
        if "\n" in text:
            # Line breaks inside the paragraph: no spaces around them, none at the edges.
            lines = [line.strip() for line in text.split("\n")]
            cleaned = "\n".join(line for line in lines if line)
            if spans and cleaned != text:
                spans = remap_spans(text, cleaned, spans)
            text = cleaned
        else:
            stripped = text.strip()
            if stripped != text:
                lead = len(text) - len(text.lstrip())
                size = len(stripped)
                if spans:
                    spans = [
                        (max(s - lead, 0), min(e - lead, size), k)
                        for s, e, k in spans
                        if min(e - lead, size) > max(s - lead, 0)
                    ]
                text = stripped
        if text.startswith("[image: "):
            shown = caption_once(text)
            if shown != text:
                spans = remap_spans(text, shown, spans) if spans else spans
                text = shown
        if text and (self.text_chars > 0 or not self.images):
            kind = HEADING if owner.tag in HEADING_TAGS else TEXT
            block = Block(kind, text, spans or None, owner.tag, owner.marks, owner.context)
            block.centred = owner.centred
            block.label = self.label
            block.verse = owner.verse
            block.listed = owner.listed
            block.linked = self.linked_chars
            block.targets = tuple(self.targets)
            if owner.note is not None:
                _mark_note(block, owner.note)
            block.images = self.images or None
            block.typed = typed
            self.blocks.append(block)
        elif self.images:
            block = Block(IMAGE, text, None, owner.tag, owner.marks, owner.context)
            block.images = self.images
            self.blocks.append(block)
        self.start_paragraph()


def _mark_note(block: Block, note: OpenElement) -> None:
    """A paragraph of a footnote or endnote: the note's first opens with its number (`[1] …`),
    the number a list or a reference gave it, unless the book printed it there itself."""
    block.note = True
    if note.noted or not note.note_mark:
        return
    note.noted = True
    if opens_with_mark(block.text, note.note_mark):
        return
    number = f"[{note.note_mark}] "
    block.text = number + block.text
    if block.spans:
        block.spans = [(s + len(number), e + len(number), k) for s, e, k in block.spans]
