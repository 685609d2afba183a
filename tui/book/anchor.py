"""Reading positions as content anchors: a character offset plus a paragraph fingerprint."""

from __future__ import annotations

import hashlib
import re
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui.book.model import quoted_opening

if TYPE_CHECKING:
    from tui.book.model import Book

# Paragraph windows searched around the saved offset before the whole book (each ± this many).
_WINDOWS = (16, 256, 4096)
# A fingerprint found in this many paragraphs or more is boilerplate (AO3's "See the end of
# the chapter for notes", a scene break): it says little about where a place was, so a saved
# place that lost its own paragraph is never moved onto one of them.
REPEATED = 3
QUOTE_NAME_WORDS = 12  # the opening words that name a quote without a label
# A paragraph's sketch keeps the smallest hashes of this many of its pairs of words, taken from
# at most its first SKETCH_CHARS characters.
SKETCH_SIZE = 16
SKETCH_CHARS = 4000
# Paragraphs either way of where a lost place's paragraph should be that may stand for it once
# edited, and how alike (the share of their pairs of words in common) the best must be.
LIKE_RADIUS = 64
LEAST_LIKENESS = 0.5
_WORDS = re.compile(r"\w+")


def fingerprint(paragraph_text: str) -> str:
    """A short, whitespace-insensitive fingerprint of a paragraph's text."""
    normal = " ".join(paragraph_text.split()).casefold()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=6).hexdigest()


def sketch(paragraph_text: str) -> str:
    """A short summary of a paragraph's words that an edited copy of it mostly shares: the
    smallest hashes of its pairs of words (a bottom-k MinHash), as hex."""
    words = _WORDS.findall(paragraph_text[:SKETCH_CHARS].casefold())
    pairs = {" ".join(words[k : k + 2]) for k in range(max(1, len(words) - 1))}
    hashes = sorted({zlib.crc32(pair.encode("utf-8")) for pair in pairs})[:SKETCH_SIZE]
    return "".join(f"{value:08x}" for value in hashes)


def likeness(a: str, b: str) -> float:
    """How alike the paragraphs of two sketches are, 0..1: about the share of their pairs of
    words they have in common."""
    mine, theirs = set(_hashes(a)), set(_hashes(b))
    union = sorted(mine | theirs)[:SKETCH_SIZE]
    if not union:
        return 0.0
    return sum(1 for value in union if value in mine and value in theirs) / len(union)


def _hashes(text: str) -> list[str]:
    return [text[k : k + 8] for k in range(0, len(text) - 7, 8)]


# What `Anchor.from_dict` and `Bookmark.from_dict` raise for data of the wrong shape (a hand
# edit, a file of another version: `bookmarks = [1]`, an anchor that is text).
WRONG_SHAPE = (KeyError, TypeError, ValueError, AttributeError, OverflowError)


@dataclass(frozen=True)
class Anchor:
    """Where a reader is: never a screen line, always a place in the content."""

    offset: int  # character offset into Book.text
    fingerprint: str  # fingerprint() of the paragraph holding the offset
    saved_at: float = field(default_factory=time.time)
    # How far ``offset`` lies past the start of its paragraph, so the place inside a long
    # paragraph survives text being inserted before it.
    within: int = 0
    # sketch() of the paragraph, so that it is found again once edited ("" when not known).
    sketch: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "offset": self.offset,
            "fingerprint": self.fingerprint,
            "saved_at": self.saved_at,
        }
        if self.within:
            data["within"] = self.within
        if self.sketch:
            data["sketch"] = self.sketch
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        found = data.get("sketch", "")
        return cls(
            int(data["offset"]),
            str(data["fingerprint"]),
            float(data.get("saved_at", 0)),
            int(data.get("within", 0)),
            found if isinstance(found, str) else "",
        )


@dataclass(frozen=True)
class Bookmark:
    """A named place in a book."""

    anchor: Anchor
    label: str = ""
    created: float = field(default_factory=time.time)
    # A quote: the passage's own text, paragraphs apart by a blank line ("" for a plain mark).
    quote: str = ""
    mark: str = ""  # a named mark's letter (`m a` sets it, `' a` goes there); "" for none
    # How far past the anchor's offset the paragraph starts whose chapter names the place, when
    # it is not the anchor's own: the chapter whose heading stood on the upper half of the page
    # when it was set, as the status line named it (see `named_paragraph`); 0: the anchor's.
    named_ahead: int = 0

    @property
    def name(self) -> str:
        """What lists call it: its label; a quote without one, by its own opening words
        (`“It was the best of times…”`), as scene labels quote theirs; "" for neither."""
        if self.label or not self.quote:
            return self.label
        quoted = self.quote.split()
        return quoted_opening(
            " ".join(quoted[:QUOTE_NAME_WORDS]), cut=len(quoted) > QUOTE_NAME_WORDS
        )

    def to_dict(self) -> dict[str, Any]:
        data = {"anchor": self.anchor.to_dict(), "label": self.label, "created": self.created}
        if self.quote:  # only then, so files stay as they were for plain bookmarks
            data["quote"] = self.quote
        if self.mark:
            data["mark"] = self.mark
        if self.named_ahead:
            data["named_ahead"] = self.named_ahead
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bookmark:
        quote, mark = data.get("quote", ""), data.get("mark", "")
        ahead = data.get("named_ahead", 0)
        return cls(
            Anchor.from_dict(data["anchor"]),
            str(data.get("label", "")),
            float(data["created"]),
            quote if isinstance(quote, str) else "",
            mark if isinstance(mark, str) and is_mark_name(mark) else "",
            ahead if isinstance(ahead, int) and ahead > 0 else 0,
        )


def is_mark_name(name: str) -> bool:
    """A named mark is one ASCII letter, as in vim and less."""
    return len(name) == 1 and name.isascii() and name.isalpha()


def make_anchor(book: Book, offset: int) -> Anchor:
    """The anchor for a character offset in ``book``."""
    if not len(book):
        return Anchor(0, fingerprint(""))
    offset = max(0, min(offset, len(book.text)))
    # A place between paragraphs (a blank row on top) belongs to the paragraph the reader
    # sees next: ``within`` is then negative, counting back from that paragraph's start.
    para = book.para_read_at(offset)
    text = book.paragraph(para)
    return Anchor(offset, fingerprint(text), within=offset - book.starts[para], sketch=sketch(text))


def anchor_paragraph(book: Book, offset: int, within: int = 0) -> int:
    """The paragraph an anchor at ``offset`` with ``within`` belongs to."""
    return book.para_at(max(0, offset - within)) if len(book) else 0


def named_paragraph(book: Book, mark: Bookmark, offset: int, para: int) -> int:
    """The paragraph whose chapter names ``mark``, found at ``offset`` in paragraph ``para``:
    the one its `named_ahead` points to (a chapter's heading on the upper half of the page it
    was set on), else ``para``."""
    if not mark.named_ahead or not len(book):
        return para
    return book.para_read_at(min(offset + mark.named_ahead, len(book.text) - 1))


def _landing(book: Book, para: int, anchor: Anchor) -> int:
    """The offset inside paragraph ``para`` (or in the gap above it) for the anchor's place."""
    floor = book.ends[para - 1] if para > 0 else 0
    return max(floor, min(book.starts[para] + anchor.within, book.ends[para]))


def _search(book: Book, anchor: Anchor, lo: int, hi: int, near: int) -> int | None:
    """The paragraph in [lo, hi) with the anchor's fingerprint that lies closest to ``near``."""
    best: int | None = None
    for para in range(max(lo, 0), min(hi, len(book))):
        if fingerprint(book.paragraph(para)) == anchor.fingerprint and (
            best is None or abs(para - near) < abs(best - near)
        ):
            best = para
    return best


def resolve_anchor(book: Book, anchor: Anchor, *, whole_book: bool = True) -> tuple[int, bool]:
    """Where ``anchor`` lies in ``book``: ``(offset, exact)``.

    Exact when the paragraph that holds the saved offset still has the saved fingerprint, or
    when a paragraph with that fingerprint is found nearby (text was inserted or removed before
    it), or anywhere in the book when ``whole_book`` is set, unless that paragraph is
    boilerplate repeated through the book. Otherwise, with ``exact`` False so the caller can
    tell the user, the paragraph most like it (edited) near where it should be (see
    `_most_like`), else the saved offset clamped to the book.
    """
    if not len(book):
        return 0, anchor.offset == 0
    offset = max(0, min(anchor.offset, len(book.text)))
    para = anchor_paragraph(book, offset, anchor.within)
    if fingerprint(book.paragraph(para)) == anchor.fingerprint:
        return offset, True
    # The saved offset is stale: look for the paragraph near where it was, then farther out.
    # ``within`` moved back gives where its paragraph used to start.
    near = book.para_at(max(0, anchor.offset - anchor.within))
    searched = (near, near)
    for radius in _WINDOWS:
        lo, hi = near - radius, near + radius + 1
        found = _search(book, anchor, lo, searched[0], near)
        found = _closest(found, _search(book, anchor, searched[1], hi, near), near)
        if found is not None:
            break
        searched = (max(lo, 0), min(hi, len(book)))
    else:
        found = None
        if whole_book:
            found = _closest(
                _search(book, anchor, 0, searched[0], near),
                _search(book, anchor, searched[1], len(book), near),
                near,
            )
    if found is None:
        alike = _most_like(book, anchor, near)
        return (offset, False) if alike is None else (_landing(book, alike, anchor), False)
    if _repeated(book, anchor, near, whole_book):
        return offset, False
    return _landing(book, found, anchor), True


def _most_like(book: Book, anchor: Anchor, near: int) -> int | None:
    """The paragraph within `LIKE_RADIUS` of ``near`` (where the anchor's paragraph started,
    shifted by what was inserted before it as far as the offset says) whose words are most like
    the anchor's, if any is alike enough: the paragraph edited. The nearer wins a tie."""
    if not anchor.sketch:
        return None  # (a place saved before sketches were kept)
    best, best_likeness = None, LEAST_LIKENESS
    by_distance = sorted(
        range(max(0, near - LIKE_RADIUS), min(len(book), near + LIKE_RADIUS + 1)),
        key=lambda para: abs(para - near),
    )
    for para in by_distance:
        alike = likeness(anchor.sketch, sketch(book.paragraph(para)))
        if alike > best_likeness or (best is None and alike == best_likeness):
            best, best_likeness = para, alike
    return best


def _repeated(book: Book, anchor: Anchor, near: int, whole_book: bool) -> bool:
    """The anchor's fingerprint is boilerplate: found in `REPEATED` paragraphs or more of the
    book (of the widest window around ``near`` while only a preview is in)."""
    widest = _WINDOWS[-1]
    lo, hi = (0, len(book)) if whole_book else (near - widest, near + widest + 1)
    count = 0
    for para in range(max(lo, 0), min(hi, len(book))):
        if fingerprint(book.paragraph(para)) == anchor.fingerprint:
            count += 1
            if count >= REPEATED:
                return True
    return False


def _closest(a: int | None, b: int | None, near: int) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if abs(a - near) <= abs(b - near) else b
