"""Illustration notes, image file names left in the text, and alt text that says nothing.

Project Gutenberg's illustration notes, `[Illustration]` and `[Illustration: caption]`, also
where the caption runs over several lines and paragraphs before its closing bracket; the file
names a conversion left alone on their lines where pictures were; and alt text that says
nothing of its picture, or only what its caption says again.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote

from tui.book.model import Book, ParaKind
from tui.book.rules.patterns import matches_led_by, word_set
from tui.book.rules.sentence_ends import FULL_STOPS

_OPENING = re.compile(r"\[\s*Illustrations?\b", re.I)
# A note whose bracket is still open after this many paragraphs was no note (a stray `[`).
MAX_PARAGRAPHS = 8
MAX_CHARS = 1200


def opens_illustration(raw: str) -> bool:
    """Whether a stored paragraph starts an illustration note (`[Illustration`)."""
    return _OPENING.match(raw.lstrip()) is not None


def _depth(text: str) -> int:
    return text.count("[") - text.count("]")


def illustration_blocks(book: Book) -> list[tuple[int, int]]:
    """Each illustration note as paragraphs ``(first, end)``: the paragraph opening it, and
    the ones after it up to the one holding its closing bracket (`[Illustration:` /
    `“He came down to see the place”` / `[_Copyright 1894 by George Allen._]]`). A note whose
    bracket does not close within a few short paragraphs is its first paragraph alone."""
    blocks: list[tuple[int, int]] = []
    if not len(book):
        return blocks
    # (a preview's paragraphs cover a window of the text)
    for match in matches_led_by(_OPENING, "[", book.text, book.starts[0], book.ends[len(book) - 1]):
        para = book.para_at(match.start())
        if blocks and para < blocks[-1][1]:
            continue  # (inside the note before)
        start = book.starts[para]
        if book.ends[para] > match.start() and not book.text[start : match.start()].strip():
            blocks.append((para, _block_end(book, para)))
    return blocks


def _block_end(book: Book, first: int) -> int:
    depth = _depth(book.raw(first))
    size = book.ends[first] - book.starts[first]
    k = first + 1
    while depth > 0 and k < len(book) and k - first <= MAX_PARAGRAPHS:
        if book.kinds[k] == ParaKind.HEADING and depth == 1 and book.raw(k).rstrip()[-1:] != "]":
            break  # a chapter's heading after a note left open
        size += book.ends[k] - book.starts[k]
        if size > MAX_CHARS:
            break
        depth += _depth(book.raw(k))
        k += 1
        if depth <= 0:
            return k
    return first + 1


# Where a text was made from an illustrated web page, each picture leaves its file name alone on
# a line, with its size perhaps (`p008.jpg (289K)`, `images/plate-3.png`).
IMAGE_EXTENSIONS = r"(?i:jpe?g|png|gif|svg|webp|bmp|tiff?)"
_IMAGE_FILE_LINE = re.compile(
    rf"[ \t]*[\w./-]*\w\.{IMAGE_EXTENSIONS}"
    r"(?:[ \t]*\([ \t]*\d+(?:[.,]\d+)?[ \t]*(?i:[km]i?b?)[ \t]*\))?[ \t]*"
)
# The link or caption left beside such a name (`Full Size`): one short line, no sentence.
LEFTOVER_CAPTION_CHARS = 40


def image_file_line(line: str) -> bool:
    """Whether ``line`` is only an image's file name, perhaps with its size (`p008.jpg (289K)`)."""
    return _IMAGE_FILE_LINE.fullmatch(line) is not None


def picture_leftovers(book: Book, names: Iterable[int]) -> list[tuple[int, int]]:
    """Each picture's file name left alone on its line (``names``: the paragraphs that are one,
    in order), as paragraphs ``(first, end)``: the name, and the short line under it nearer to
    it than to what follows (its `Full Size` link or its caption). Not story, and the blank
    lines around it are the picture's space."""
    blocks: list[tuple[int, int]] = []
    for para in names:
        if blocks and para < blocks[-1][1]:
            continue
        end = para + 1
        if end < len(book) and _caption_of(book, para):
            end += 1
        blocks.append((para, end))
    return blocks


def _caption_of(book: Book, para: int) -> bool:
    """The paragraph after the file name ``para`` is the picture's link or caption: one short
    line ending no sentence, set nearer to the name than to the paragraph after it."""
    line = book.raw(para + 1).strip()
    if not line or "\n" in line or len(line) > LEFTOVER_CAPTION_CHARS:
        return False
    if line.endswith(FULL_STOPS) or image_file_line(line):
        return False
    text, starts, ends = book.text, book.starts, book.ends
    before = text.count("\n", ends[para], starts[para + 1])
    after = text.count("\n", ends[para + 1], starts[para + 2]) if para + 2 < len(book) else before
    return before < after


def beside_pictures(blocks: Iterable[tuple[int, int]]) -> set[int]:
    """The paragraphs with a picture (its note or leftover file name, ``blocks``) just before
    them, or that open one: the blank lines before them set the picture off, and end no
    scene."""
    return {k for first, end in blocks for k in (first, end)}


def illustration_paragraphs(book: Book) -> set[int]:
    """Every paragraph of an illustration note (see `illustration_blocks`)."""
    return {k for first, end in illustration_blocks(book) for k in range(first, end)}


def mark_illustrations(book: Book, blocks: Iterable[tuple[int, int]]) -> None:
    """Set the story's illustration notes (``blocks``, see `illustration_blocks`) apart as
    labels, as the markup reader does: a picture's caption is not prose, and the page shows it
    quietly. Chapter headings, breaks and front or end matter inside a note keep their kind."""
    kinds = book.kinds
    text_kind, label = int(ParaKind.TEXT), int(ParaKind.LABEL)
    for first, end in blocks:
        for k in range(first, end):
            if kinds[k] == text_kind:
                kinds[k] = label


_DECORATIVE_ALTS = word_set(
    "image img picture pic illustration graphic figure photo icon cover ornament "
    "separator divider break scene-break scenebreak dinkus decoration decorative spacer"
)


def decorative_alt(alt: str, src: str = "") -> bool:
    """True for alt text that says nothing: `image`, a file name, punctuation only."""
    text = alt.strip().lower()
    if not text or text in _DECORATIVE_ALTS:
        return True
    if not any(ch.isalnum() for ch in text):
        return True
    base = posixpath.basename(unquote(src)).lower()
    stem = base.rsplit(".", 1)[0]
    return text in (base, stem) or bool(re.fullmatch(r"[\w.-]+\.(?:jpe?g|png|gif|svg|webp)", text))


# An image's alt text at the head of a paragraph, and the words after it.
_ALT_AT_HEAD = re.compile(r"\[image: ([^\]]*)\](\s*)(.*)", re.DOTALL)


def caption_once(text: str) -> str:
    """A picture whose alt text its caption says again, word for word (`[image: The
    Psammead] The Psammead`), shows as `[image]` over the caption: the words once."""
    found = _ALT_AT_HEAD.fullmatch(text)
    if found is None or not found.group(3):
        return text
    alt, space, caption = found.groups()
    if _words(alt) != _words(caption):
        return text
    return f"[image]{space or ' '}{caption}"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
