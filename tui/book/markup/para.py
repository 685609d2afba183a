"""The paragraph and document records the markup passes share, and how a paragraph looks.

The book paragraph and converted-document records, and the looks of a paragraph every pass asks
about (set in italics, an `[Illustration]` line).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.book.markup.convert import Block
from tui.book.model import ParaKind
from tui.book.rules.headings import Heading, match_heading

BREAK_TEXT = "* * *"  # the stored text of a break made from <hr> or an ornament image
# The stored text of an empty paragraph between paragraphs of prose: a spacer, as in text files
# made from EPUBs, so the scene pass weighs it as a soft break (it may only set off a line).
GAP_TEXT = "\xa0"
IMAGE_TEXT = "[image]"  # an image with no alt text worth showing
# A paragraph that ends announcing what follows: `…the following letter:—`.
INTRODUCES_NEXT = re.compile(r":\s*[—–-]*\s*$")
ILLUSTRATION = re.compile(r"\[\s*Illustrations?\b[^\]]*\]?\s*$", re.I)


@dataclass(slots=True)
class Para:
    """A book paragraph before the structure pass gives it its final kind."""

    text: str
    spans: list[tuple[int, int, str]] | None
    hint: ParaKind  # TEXT, HEADING or BREAK
    block: Block | None  # where it came from
    image: bool = False  # an image placeholder
    from_gap: bool = False  # a break made from an empty paragraph
    gap_lines: int = 0  # such a break: the empty lines it stands for
    # such a break: the top margin of a class spaced above only, as a book opens its sections
    margin: bool = False
    # such a break: drawn as a centred empty paragraph, as a book centres its ornaments
    centred: bool = False


@dataclass(slots=True)
class Source:
    """A converted document (an EPUB spine item, or an HTML file) and where its paragraphs are."""

    name: str  # the section name: spine item path, or the HTML file name
    first: int  # index of its first paragraph in the book
    end: int  # one past its last
    title: str  # its <title>
    body_marks: str  # id and classes of its <body>
    ids: dict[str, int]  # element id -> book paragraph index


def set_apart(para: Para) -> bool:
    """The whole paragraph is in italics or bold, as authors set their notes and downloaders
    their title lines."""
    return whole_emphasis(para.text, para.spans)


def whole_emphasis(text: str, spans: list[tuple[int, int, str]] | None) -> bool:
    """The whole of ``text`` is in italics or bold: in one span, or in one style's spans end to
    end but for spaces and line breaks (a bold paragraph with italics inside may keep its bold
    in pieces; a stanza sets each line in italics of its own)."""
    length = len(text.rstrip())
    if not spans:
        return False
    if any(start == 0 and stop >= length for start, stop, _ in spans):
        return True
    for style in {style for _, _, style in spans}:
        covered = 0
        for start, stop in sorted((s, e) for s, e, k in spans if k == style):
            if start > covered and text[covered:start].strip():
                break
            covered = max(covered, stop)
        if covered >= length:
            return True
    return False


def is_illustration(para: Para) -> bool:
    """Gutenberg's `[Illustration]` and `[Illustration: The Gate]` lines."""
    return (
        para.hint == ParaKind.TEXT
        and para.text[:1] == "["
        and ILLUSTRATION.match(para.text) is not None
    )


def quoted(para: Para) -> bool:
    """Set as a quotation: `<blockquote>`, Project Gutenberg's `div.blockquot`, a class naming
    an epigraph."""
    context = para.block.context if para.block is not None else ""
    return any(word in context for word in ("quot", "epigraph"))


def introduces_next(text: str) -> bool:
    """The paragraph ends on a colon announcing what follows (`…the following letter:—`)."""
    return INTRODUCES_NEXT.search(text) is not None


def source_at(sources: Sequence[Source], para: int) -> Source:
    """The document holding paragraph ``para`` (sources are in order, possibly empty)."""
    i = bisect.bisect_right(sources, para, key=lambda s: s.first) - 1
    while i > 0 and sources[i].first == sources[i].end:
        i -= 1  # an empty document shares its start with the next one
    return sources[max(i, 0)]


# A paragraph that is a number alone (`XVII.`), at the longest.
BARE_NUMBER_CHARS = 8


def bare_number(para: Para) -> Heading | None:
    """The paragraph as a number alone (`II`, `III.`: a chapter's or a section's number set
    as text), else None."""
    text = para.text.strip()
    if len(text) > BARE_NUMBER_CHARS:
        return None
    heading = match_heading(text)
    if heading is None or heading.kind != "number" or heading.title:
        return None
    return heading
