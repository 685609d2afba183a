"""XHTML/HTML to paragraphs: a tolerant streaming converter keeping italics, bold and images."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from tui.core.epub_markup import (
    BLOCK_TAGS,
    HEAD_TAGS,
    HEADING_TAGS,
    LINE_BREAK_OWNERS,
    SKIP_TAGS,
    VOID_TAGS,
    decorative_alt,
    tag_attrs,
    words,
)
from tui.core.loader import neutralise

# One token of markup: a comment, CDATA, a declaration or processing instruction, a tag, text,
# or a lone `<` that starts no tag (kept as text). An unclosed comment runs to the end, as in
# browsers. The attribute pattern knows quotes, so `alt="a > b"` does not end the tag.
TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[(?P<cdata>.*?)(?:\]\]>|\Z)"
    r"|<[!?][^>]*>?"
    r"|<(?P<end>/)?(?P<tag>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|(?P<text>[^<]+)"
    r"|<",
    re.S,
)
_CDATA, _TAG, _TEXT = 1, 4, 5  # TOKEN's last group for CDATA, a tag (its attributes), text
_LOWER = {t: t for t in words("p div span i b em strong a br hr img h1 h2 h3 h4 li td tr")}
# Elements whose content is code or fallback markup, removed before tokenizing.
RAW_TEXT = re.compile(r"<(script|style|template|noscript)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)
RAW_TEXT_START = re.compile(r"<(?:script|style|template|noscript)\b", re.I)
# Class names of elements that stand for a scene break (drawn by the book's style sheet).
BREAK_CLASS = re.compile(
    r"scene-?break|section-?break|space-?break|separator|divider|dinkus|asterism|"
    r"transition|(?:^|\s|(?<!page)[_-])(?:break|sep|hr)(?:$|[\s_-])",
    re.I,
)
SPACES = re.compile(r"[ \t\n\r\f\v]+")
PRE_BLANK = re.compile(r"\n[ \t\r\f\v\xa0]*\n\s*")

TEXT, HEADING, BREAK, GAP, IMAGE = "text", "heading", "break", "gap", "image"
_P = frozenset(("p",))
_HEADINGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6"))
# Block elements whose start ends an open paragraph of the given kinds (HTML's implied ends).
IMPLICIT_CLOSE = {
    **dict.fromkeys(words("div blockquote dl ol ul table pre section article aside nav"), _P),
    **dict.fromkeys(words("header footer main figure address center fieldset form"), _P),
    "p": _HEADINGS,
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _HEADINGS),
    "li": frozenset(("p", "li")),
    "dt": frozenset(("p", "dt", "dd")),
    "dd": frozenset(("p", "dd")),
    "tr": frozenset(("tr",)),
}
ITALIC_TAGS = frozenset(("i", "em", "cite", "var", "dfn"))
BOLD_TAGS = frozenset(("b", "strong"))


@dataclass(slots=True)
class Block:
    """One paragraph-level piece of a document, before it becomes a book paragraph."""

    kind: str  # text, heading, break (<hr>), gap (an empty <p>), image (images only)
    text: str = ""
    spans: list[tuple[int, int, str]] | None = None  # (start, end, "italic"|"bold")
    tag: str = ""  # the block element it came from: p, h2, li, dd, hr ...
    marks: str = ""  # its own `#id`, classes and epub:type, lower case
    context: str = ""  # the same for it and its ancestors, outermost first
    label: str = ""  # for `<dt>label</dt><dd>value</dd>`: the label, without its colon
    images: list[tuple[str, str]] | None = None  # (src, alt) of the images it holds

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
    body_marks: str = ""  # id and classes of <body>


class _Element:
    """An open element on the converter's stack."""

    __slots__ = ("block", "bold", "context", "italic", "marks", "opened_at", "skip", "tag")

    def __init__(self, tag: str, marks: str, context: str, block: bool) -> None:
        self.tag = tag
        self.marks = marks
        self.context = context
        self.block = block
        self.italic = False
        self.bold = False
        self.skip = False
        self.opened_at = 0  # blocks emitted when it opened (to spot empty paragraphs)


class Converter:
    """Turns markup into :class:`Block` items token by token, and never fails.

    Unclosed tags, stray end tags, unknown entities and bad nesting are all accepted: an end tag
    closes the nearest open element of its name, and whatever is left open ends with the text.
    """

    def __init__(self) -> None:
        self.doc = Document()
        self.blocks = self.doc.blocks
        root = _Element("#root", "", "", True)
        self.stack: list[_Element] = [root]
        self.owner = root  # the innermost open block element
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, str]] = []
        self.images: list[tuple[str, str]] = []
        self.para_owner: _Element | None = None  # the block element the open paragraph is in
        self.label = ""
        self.text_chars = 0  # characters of real text (not placeholders) in the paragraph
        self.italic = 0
        self.bold = 0
        self.skip = 0
        self.in_head = False
        self.in_title = False
        self.title_parts: list[str] = []

    def feed(self, markup: str) -> None:
        """Convert ``markup`` (decoded text); call :meth:`close` at the end."""
        if RAW_TEXT_START.search(markup) is not None:
            markup = RAW_TEXT.sub("", markup)
        start_tag = self.start_tag
        end_tag = self.end_tag
        add_text = self.add_text
        lower_tags = _LOWER
        for match in TOKEN.finditer(markup):
            kind = match.lastindex  # which alternative matched (see TOKEN's groups)
            if kind == _TAG:
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
            if kind == _TEXT:
                text = match.group(5)
                if "&" in text:
                    raw = text
                    text = html.unescape(text)
                    if "&#" in raw:
                        text = neutralise(text)
            elif kind == _CDATA:
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
            if not self.length and text.isspace():
                continue  # layout between tags
            add_text(text)

    def close(self) -> Document:
        """End the document: flush the open paragraph."""
        self.flush()
        self.doc.title = " ".join(" ".join(self.title_parts).split())
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
        joined = False
        if block:
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
        elif (tag == "td" or tag == "th") and self.length and self.parts[-1][-1] not in " \n":
            self.add_text(" ")
        if info is not None:
            self._note_id(tag, attrs)  # type: ignore[arg-type]
            marks = info.marks
        else:
            marks = ""
        if tag == "blockquote":
            marks = f"blockquote {marks}" if marks else "blockquote"
        parent = self.stack[-1]
        element = _Element(
            tag, marks, f"{parent.context} {marks}" if marks else parent.context, block
        )
        element.opened_at = len(self.blocks)
        if tag in SKIP_TAGS:
            element.skip = True
            self.skip += 1
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
            self.flush()
            if len(self.blocks) == element.opened_at and (
                element.tag == "p" or (element.marks and BREAK_CLASS.search(element.marks))
            ):
                # An empty paragraph: spacing, or a scene break drawn by the style sheet.
                self.blocks.append(
                    Block(GAP, tag=element.tag, marks=element.marks, context=element.context)
                )
        while len(stack) > depth:
            self._pop()

    def _pop(self) -> None:
        element = self.stack.pop()
        if element.italic:
            self.italic -= 1
        if element.bold:
            self.bold -= 1
        if element.skip:
            self.skip -= 1
        if element.block:
            for open_element in reversed(self.stack):
                if open_element.block:
                    self.owner = open_element
                    break

    # -- content -----------------------------------------------------------------------------
    def add_text(self, text: str) -> None:
        if "\n" in text or "\t" in text or "  " in text or "\r" in text or "\f" in text:
            if self.owner.tag == "pre":
                self.add_pre(text)
                return
            text = SPACES.sub(" ", text)
        if text[0] == " " and (not self.length or self.parts[-1][-1] in " \n"):
            text = text[1:]
            if not text:
                return
        if not self.length:
            self.para_owner = self.owner
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if text != " ":
            self.text_chars += len(text)
        if self.italic:
            self._span(start, "italic")
        if self.bold:
            self._span(start, "bold")

    def _span(self, start: int, style: str) -> None:
        spans = self.spans
        for i in range(len(spans) - 1, max(len(spans) - 3, -1), -1):
            if spans[i][2] == style and spans[i][1] == start:
                spans[i] = (spans[i][0], self.length, style)
                return
        spans.append((start, self.length, style))

    def add_pre(self, text: str) -> None:
        """Preformatted text keeps its line breaks; a blank line ends the paragraph."""
        pieces = PRE_BLANK.split(text.replace("\r\n", "\n").replace("\r", "\n"))
        for i, piece in enumerate(pieces):
            if i:
                self.flush()
            piece = piece.replace("\t", "    ")
            if piece.strip():
                if not self.length:
                    self.para_owner = self.owner
                start = self.length
                self.parts.append(piece)
                self.length += len(piece)
                self.text_chars += len(piece)
                if self.italic:
                    self._span(start, "italic")
                if self.bold:
                    self._span(start, "bold")

    def line_break(self) -> None:
        """`<br>`: a line break inside a paragraph element, a paragraph break in loose text."""
        if self.owner.tag not in LINE_BREAK_OWNERS or (self.length and self.parts[-1] == "\n"):
            self.flush()  # loose text, or `<br><br>`
            return
        if not self.text_chars:
            return
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
        if "\n" in text:
            # Line breaks inside the paragraph: no spaces around them, none at the edges.
            lines = [line.strip() for line in text.split("\n")]
            cleaned = "\n".join(line for line in lines if line)
            if spans and cleaned != text:
                spans = _remap_spans(text, cleaned, spans)
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
        if text and (self.text_chars > 0 or not self.images):
            kind = HEADING if owner.tag in HEADING_TAGS else TEXT
            block = Block(kind, text, spans or None, owner.tag, owner.marks, owner.context)
            block.label = self.label
            block.images = self.images or None
            self.blocks.append(block)
        elif self.images:
            block = Block(IMAGE, text, None, owner.tag, owner.marks, owner.context)
            block.images = self.images
            self.blocks.append(block)
        self.parts = []
        self.length = 0
        self.spans = []
        self.images = []
        self.para_owner = None
        self.label = ""
        self.text_chars = 0


def _remap_spans(
    before: str, after: str, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Carry span offsets over whitespace removed from ``before`` to give ``after``."""
    mapping = [0] * (len(before) + 1)
    j = 0
    for i, ch in enumerate(before):
        mapping[i] = j
        if j < len(after) and after[j] == ch:
            j += 1
    mapping[len(before)] = j
    out = []
    for s, e, k in spans:
        s2, e2 = mapping[s], mapping[e]
        if e2 > s2:
            out.append((s2, e2, k))
    return out


def convert(markup: str) -> Document:
    """Convert a decoded XHTML/HTML document into blocks."""
    converter = Converter()
    converter.feed(markup)
    return converter.close()
