"""XHTML/HTML to paragraphs: a tolerant streaming converter keeping italics, bold and images."""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Callable

from tui.book.loader import neutralise
from tui.book.markup.blocks import (
    BREAK,
    GAP,
    HEADING,
    IMAGE,
    MARGIN_GAP,
    TEXT,
    Block,
    Document,
    OpenElement,
    ParagraphBuilder,
)
from tui.book.markup.hidden_elements import drop_count_links, is_page_number, not_the_text
from tui.book.markup.notes import (
    AFTER_PUNCTUATION,
    NOTE_MARKS,
    NOTEREF_MARKS,
    NOTES_MARKS,
    number_in_id,
    reference_mark,
)
from tui.book.markup.style_sheets import hidden_classes, spaced_classes
from tui.book.markup.table_rows import CELL_EDGE, SPEAKER_MARKS
from tui.book.markup.tables import set_table
from tui.book.markup.tags import (
    BLOCK_TAGS,
    BOLD_TAGS,
    BREAK_CLASS,
    HEAD_TAGS,
    HEADING_TAGS,
    IMPLICIT_CLOSE,
    ITALIC_TAGS,
    LINE_NUMBER_CLASS,
    LOWER_TAGS,
    PREFORMATTED_MARKS,
    RAW_TEXT,
    RAW_TEXT_START,
    SKIP_TAGS,
    TOKEN,
    TOKEN_CDATA,
    TOKEN_TAG,
    TOKEN_TEXT,
    VERSE_CLASS,
    VOID_TAGS,
    clean_line,
    tag_attrs,
    unescaped_again,
)

STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
LIST_TAGS = frozenset(("ul", "ol", "li"))
LISTS = frozenset(("ul", "ol", "dl"))  # the elements that hold a list's items
REFERENCE_TAGS = frozenset(("a", "sup", "span"))  # inline elements that may refer to a note
BRACKETED_NUMBER = re.compile(r"\[(\d{1,4})\]")  # a reference shown in its brackets: `[12]`
# Block kinds and types are defined with the paragraph builder; importers use them from here.
SECTION_HEADINGS = ("h1", "h2", "h3", "h4")  # levels a converter gives a section of a chapter

__all__ = [
    "BREAK",
    "GAP",
    "HEADING",
    "IMAGE",
    "MARGIN_GAP",
    "TEXT",
    "Block",
    "Converter",
    "Document",
    "convert",
]


class Converter(ParagraphBuilder):
    """Turns markup into :class:`Block` items token by token, and never fails.

    Unclosed tags, stray end tags, unknown entities and bad nesting are all accepted: an end tag
    closes the nearest open element of its name, and whatever is left open ends with the text.
    """

    def __init__(self, linked_styles: Callable[[str], frozenset[str]] | None = None) -> None:
        """``linked_styles(href)``: the spaced classes (see `style_sheets.py`) of a style
        sheet the document links to, by the link's href."""
        self.linked_styles = linked_styles
        self.spaced: frozenset[str] = frozenset()  # classes that open a paragraph with a gap
        self.hidden: frozenset[str] = frozenset()  # classes the page's own style sheet hides
        self.doc = Document()
        self.blocks = self.doc.blocks
        root = OpenElement("#root", "", "", True)
        self.stack: list[OpenElement] = [root]
        self.owner = root  # the innermost open block element
        self.start_paragraph()
        self.italic = 0
        self.bold = 0
        self.skip = 0
        self.in_head = False
        self.in_title = False
        self.title_parts: list[str] = []
        self.verses = 0  # verse elements opened so far
        self.lists = 0  # lists opened so far
        self.references: dict[str, str] = {}  # a note's id -> what its reference shows (`1`)
        self.spaced_owner: OpenElement | None = None  # the last element a no-break space was in
        self.spacers: list[Block] = []  # the blocks that are `<div>&nbsp;</div>` empty lines
        self.rows = 0  # tables' rows opened so far
        self.speakers: dict[int, set[int]] = {}  # a table's row -> its cells naming a speaker

    def feed(self, markup: str) -> None:
        """Convert ``markup`` (decoded text); call :meth:`close` at the end."""
        if RAW_TEXT_START.search(markup) is not None:
            for sheet in STYLE_ELEMENT.findall(markup):
                self.spaced |= spaced_classes(sheet)
                self.hidden |= hidden_classes(sheet)
            markup = RAW_TEXT.sub("", markup)
        start_tag = self.start_tag
        end_tag = self.end_tag
        add_text = self.add_text
        lower_tags = LOWER_TAGS
        for match in TOKEN.finditer(markup):
            kind = match.lastindex  # which alternative matched (see TOKEN's groups)
            if kind == TOKEN_TAG:
                tag = match.group(3)
                tag = lower_tags.get(tag) or tag.lower()
                if match.group(2):
                    end_tag(tag)
                else:
                    attrs = match.group(4)
                    start_tag(tag, attrs)
                    if attrs and attrs[-1] == "/" and tag not in VOID_TAGS:
                        end_tag(tag)  # XHTML `<div/>`
                continue
            if kind == TOKEN_TEXT:
                text = match.group(5)
                if "&" in text:
                    raw = text
                    text = html.unescape(text)
                    if "&#" in raw:
                        text = neutralise(text)
                    if self.in_title or self.owner.tag in HEADING_TAGS:
                        text = unescaped_again(text)
            elif kind == TOKEN_CDATA:
                text = match.group(1)
                if not text:
                    continue
            elif match.group() == "<":
                text = "<"
            else:
                continue  # comment, declaration, processing instruction
            if self.skip:
                continue
            if self.in_head:
                if self.in_title:
                    self.title_parts.append(text)
                continue
            if not self.length and text.isspace() and not self.owner.preformatted:
                if "\xa0" in text:
                    self.spaced_owner = self.owner  # (it may hold only this: an empty line)
                continue  # layout between tags
            add_text(text)

    def close(self) -> Document:
        """End the document: flush the open paragraph."""
        self.flush()
        while len(self.stack) > 1:
            self._pop()  # (a table left open is set as one closed)
        self._spacers_kept_in_div_paragraphs()
        drop_count_links(self.blocks)
        self.doc.title = clean_line(" ".join(self.title_parts))
        return self.doc

    # -- tags --------------------------------------------------------------------------------
    def start_tag(self, tag: str, attr_text: str) -> None:
        info = tag_attrs(attr_text) if attr_text and attr_text.strip(" /\n") else None
        attrs = info.values if info is not None else None
        if tag == "head":
            self.in_head = True
            return
        if self.in_head:
            if tag in HEAD_TAGS:
                if tag == "title":
                    self.in_title = True
                elif tag == "link" and attrs and self.linked_styles is not None:
                    if "stylesheet" in attrs.get("rel", "").lower() and attrs.get("href"):
                        self.spaced |= self.linked_styles(attrs["href"])
                elif (
                    tag == "meta"
                    and attrs
                    and not self.doc.author
                    and attrs.get("name", attrs.get("property", "")).lower() == "author"
                ):
                    self.doc.author = " ".join(attrs.get("content", "").split())
                return
            self.in_head = self.in_title = False  # content without <body>: the head is over
        if tag in VOID_TAGS:
            if tag == "br":
                self.line_break()
            elif tag == "hr":
                self.flush()
                marks = info.marks if info is not None else ""
                self.blocks.append(Block(BREAK, tag="hr", marks=marks, context=self.owner.context))
            elif tag == "img" and not self.skip:
                self.add_image(attrs or {})
            if attrs is not None:
                self._note_id(tag, attrs)
            return
        if tag == "image" and not self.skip:
            self.add_image(attrs or {})  # SVG <image>, as in cover pages
        if tag == "body":
            self.doc.body_marks = info.marks if info is not None else ""
        block = tag in BLOCK_TAGS
        if block and tag == "center" and self.owner.tag in HEADING_TAGS:
            # `<h1><center>Title</center></h1>`: the heading centred, not a paragraph in it
            block = False
            self.owner.centred = True
        joined = False
        if block and tag in LIST_TAGS and self.label and self._in_labelled_value():
            # `<dd><ul><li>Teen</li><li>Mature</li></ul></dd>` (AO3's tag lists on a saved
            # page): the items stay in the value's line, separated by commas.
            block = False
            if tag == "li" and self.length and self.parts[-1][-1] not in " \n":
                self.add_text(", ")
        if block:
            self.br_between = False  # (the line breaks before it stay an empty line)
            closes = IMPLICIT_CLOSE.get(tag)
            if closes is not None:
                self._close_open(closes)
            if tag == "dd" and self.para_owner is not None and self.para_owner.tag == "dt":
                # `<dt>Rating:</dt><dd>Teen</dd>` reads as one paragraph.
                self.label = "".join(self.parts).strip().rstrip(":").strip()
                self.add_text(" ")
                joined = True
            elif self.length or self.images:
                self.flush()
            if self.spaced and tag == "p" and info is not None and self._spaced(info.marks):
                # A paragraph whose class gives it a blank line's space above it: the space
                # reads as an empty paragraph before it.
                self.blocks.append(Block(GAP, tag=MARGIN_GAP, context=self.owner.context))
        elif tag == "td" or tag == "th":
            self._open_cell(info.marks if info is not None else "")
        if info is not None:
            self._note_id(tag, attrs)  # type: ignore[arg-type]
            marks = info.marks
        else:
            marks = ""
        if tag in ("blockquote", "table"):
            marks = f"{tag} {marks}" if marks else tag
        parent = self.stack[-1]
        element = OpenElement(
            tag, marks, f"{parent.context} {marks}" if marks else parent.context, block
        )
        element.opened_at = len(self.blocks)
        if tag == "tr":
            self.rows += 1
            element.row = self.rows
        element.centred = info is not None and info.centred
        if marks and block and VERSE_CLASS.search(marks):
            self.verses += 1
            element.verse = self.verses
        else:
            element.verse = parent.verse
        if tag in LISTS:
            self.lists += 1
            element.listed = self.lists
        else:
            element.listed = parent.listed
        element.paragraph, element.text_at = self.paragraph, self.length
        if tag == "a" and attrs:
            element.href = attrs.get("href", "")
            self.linking += bool(element.href)
            if element.href.startswith("#") and len(element.href) > 1:
                self.targets.append(element.href[1:])
        element.note = parent.note
        element.preformatted = (
            parent.preformatted
            or tag == "pre"
            or bool(marks and block and PREFORMATTED_MARKS.search(marks))
        )
        if block:
            self._open_note(element, parent, attrs)
        if tag in SKIP_TAGS or (
            marks
            and (
                not_the_text(marks, parent.context)
                or (not block and LINE_NUMBER_CLASS.search(marks) is not None)
                or (self.hidden and not self.hidden.isdisjoint(marks.split()))
            )
        ):
            element.skip = True
            self.skip += 1
            if marks and is_page_number(marks):
                self.owner.page_mark = True
        elif tag in ITALIC_TAGS:
            element.italic = True
        elif tag in BOLD_TAGS:
            element.bold = True
        if info is not None:
            element.italic = element.italic or info.italic
            element.bold = element.bold or info.bold
        if element.italic:
            self.italic += 1
        if element.bold:
            self.bold += 1
        self.stack.append(element)
        if block:
            self.owner = element
            if joined:
                self.para_owner = element

    def _open_cell(self, marks: str) -> None:
        """A table's cell opening: after the row's first, it starts where the last ended."""
        row = self.owner
        if row.tag != "tr":
            return
        row.items += 1
        if row.items > 1:
            self.add_text(CELL_EDGE)
            self.text_chars -= 1  # (an edge is no text: a row of empty cells holds none)
        if marks and SPEAKER_MARKS.search(marks):
            self.speakers.setdefault(row.row, set()).add(row.items - 1)

    def _row_closed(self, row: OpenElement) -> None:
        """A table's row closing: its blocks are the row's (see `tables`)."""
        for block in self.blocks[row.opened_at :]:
            block.row = block.row or row.row

    def _spaced(self, marks: str) -> bool:
        return any(mark in self.spaced for mark in marks.split())

    def _open_note(
        self, element: OpenElement, parent: OpenElement, attrs: dict[str, str] | None
    ) -> None:
        """A footnote or endnote opening (``element``, a block): what number it shows, from
        the reference to it earlier in the document, its place in a list of notes, or its id."""
        if parent.tag in ("ol", "ul"):
            parent.items += 1
        marks = element.marks
        ident = (attrs or {}).get("id", "")
        # (a list's item the text referred to, by a note's number linked to its id, is a note
        # whatever the list is called: a wiki's `ol.references`)
        listed = element.tag == "li" and (
            NOTES_MARKS.search(parent.context) is not None or ident in self.references
        )
        if not listed and not (marks and NOTE_MARKS.search(marks)):
            return
        element.note = element
        element.note_mark = (
            self.references.get(ident)
            or (str(parent.items) if listed and parent.tag == "ol" else "")
            or number_in_id(ident)
        )

    def _close_reference(self, element: OpenElement) -> None:
        """A note's reference closing: its number, in brackets (`[1]`) as other books show it,
        when it follows text in its paragraph. Either its marks name it a reference, or it is
        a linked superscript, or a superscript number right after punctuation."""
        if element.paragraph != self.paragraph or not element.text_at or self.skip:
            return
        named = bool(element.marks) and NOTEREF_MARKS.search(element.marks) is not None
        if not named:
            linked = bool(element.href) or any(e.href for e in self.stack)
            superscript = element.tag == "sup" or any(e.tag == "sup" for e in self.stack)
            if not superscript:
                return
            before = "".join(self.parts)[: element.text_at].rstrip()
            if not linked and not before.endswith(AFTER_PUNCTUATION):
                return  # (`x²`: an exponent)
        text = "".join(self.parts)[element.text_at :]
        mark = reference_mark(text, named)
        if mark is not None:
            self.bracket_tail(element.text_at)
        else:
            shown = BRACKETED_NUMBER.fullmatch(text.strip())
            if shown is None:
                return
            mark = shown.group(1)  # (shown in its brackets already, `[1]`: kept as it is)
        href = element.href or next((e.href for e in reversed(self.stack) if e.href), "")
        if "#" in href:
            self.references.setdefault(href.rsplit("#", 1)[1], mark)

    def _spacers_kept_in_div_paragraphs(self) -> None:
        """`<div>&nbsp;</div>` empty lines stay only in a document that sets its paragraphs as
        `<div>`s; among `<p>`s such a `<div>` is the layout's spacing (a title page's lines, a
        converter's gap), left out as before."""
        if not self.spacers:
            return
        tags = Counter(block.tag for block in self.blocks if block.kind == TEXT)
        if tags["div"] > tags["p"]:
            return
        spacers = {id(block) for block in self.spacers}
        dropped = [k for k, block in enumerate(self.blocks) if id(block) in spacers]
        self.blocks[:] = [block for block in self.blocks if id(block) not in spacers]
        ids = self.doc.ids
        for ident, k in ids.items():
            ids[ident] = k - bisect.bisect_left(dropped, k)

    def _in_labelled_value(self) -> bool:
        """Whether the open paragraph is a `<dd>` joined to its `<dt>` label."""
        owner = self.para_owner
        return owner is not None and owner.tag == "dd" and owner in self.stack

    def _close_open(self, names: frozenset[str]) -> None:
        """HTML's implied end tags: `<p>` closes an open `<p>` (and any `<i>` left open in it),
        `<li>` an open `<li>`, so sloppy markup cannot carry italics from one paragraph on."""
        stack = self.stack
        depth = len(stack) - 1
        while depth > 0 and not stack[depth].block:
            depth -= 1
        if depth > 0 and stack[depth].tag in names:
            self.flush()
            while len(stack) > depth:
                self._pop()

    def _note_id(self, tag: str, attrs: dict[str, str]) -> None:
        ident = attrs.get("id") or (attrs.get("name") if tag == "a" else None)
        if ident and ident not in self.doc.ids:
            self.doc.ids[ident] = len(self.blocks)

    def end_tag(self, tag: str) -> None:
        if tag == "head" or tag == "title":
            self.in_title = False
            if tag == "head":
                self.in_head = False
            if self.in_head:
                return
        stack = self.stack
        if tag == "dt" and stack[-1].tag == "dt":
            self._pop()  # the paragraph stays open for its <dd>
            return
        depth = len(stack) - 1
        while depth > 0 and stack[depth].tag != tag:
            depth -= 1
        if depth == 0:
            if tag == "br":
                self.line_break()
            elif tag == "p":
                self.flush()
            return
        element = stack[depth]
        top = depth == len(stack) - 1
        if element.block or (not top and any(e.block for e in stack[depth + 1 :])):
            # (a `<div>&nbsp;</div>` is an empty line, as an empty `<p>` is, where a document's
            # paragraphs are `<div>`s; a `<div>` left empty is a wrapper)
            spacer = element.tag == "div" and self.spaced_owner is element
            self.flush()
            if element.page_mark and len(self.blocks) == element.opened_at:
                pass  # a paragraph holding only a printed page's number: no line on the page
            elif len(self.blocks) == element.opened_at and (
                element.tag == "p"
                or spacer
                or (element.marks and BREAK_CLASS.search(element.marks))
            ):
                # An empty paragraph: spacing, or a scene break drawn by the style sheet.
                gap = Block(GAP, tag=element.tag, marks=element.marks, context=element.context)
                if spacer and not (element.marks and BREAK_CLASS.search(element.marks)):
                    self.spacers.append(gap)  # (kept where the paragraphs are `<div>`s)
                gap.centred = element.centred
                gap.listed = element.listed
                self.blocks.append(gap)
            elif (
                element.tag == "p"
                and self.br_run == 2
                and len(self.blocks) > element.opened_at
                and self.blocks[-1].kind == TEXT
            ):
                # `text<br><br></p>`: the two line breaks closing the paragraph leave an
                # empty line under it, weighed like an empty paragraph.
                self.blocks.append(
                    Block(GAP, tag="br", marks=element.marks, context=element.context)
                )
                self.br_run = 0
            elif (
                len(self.blocks) == element.opened_at
                and element.tag in SECTION_HEADINGS
                and not element.marks
                and self.blocks
                and self.blocks[-1].kind == TEXT
            ):
                # An empty heading right after prose: a section with no name, as pandoc
                # writes a `###` standing alone, opens a scene. (A site's empty `h6` with a
                # class of its own is where it puts its watermark.)
                self.blocks.append(
                    Block(BREAK, tag=element.tag, marks=element.marks, context=element.context)
                )
        while len(stack) > depth:
            self._pop()

    def _pop(self) -> None:
        element = self.stack.pop()
        if element.tag in REFERENCE_TAGS and not element.block:
            self._close_reference(element)
        if element.italic:
            self.italic -= 1
        if element.bold:
            self.bold -= 1
        if element.tag == "a" and element.href:
            self.linking -= 1
        if element.skip:
            self.skip -= 1
        if element.tag == "tr":
            self._row_closed(element)
        elif element.tag == "table":
            set_table(self.blocks, element.opened_at, self.speakers, self.doc.ids)
        if element.block:
            for open_element in reversed(self.stack):
                if open_element.block:
                    self.owner = open_element
                    break


def convert(markup: str) -> Document:
    """Convert a decoded XHTML/HTML document into blocks."""
    converter = Converter()
    converter.feed(markup)
    return converter.close()
