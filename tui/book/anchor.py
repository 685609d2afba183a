"""Reading positions as content anchors: a character offset plus a paragraph fingerprint."""

from __future__ import annotations

import hashlib
import time
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


def fingerprint(paragraph_text: str) -> str:
    """A short, whitespace-insensitive fingerprint of a paragraph's text."""
    normal = " ".join(paragraph_text.split()).casefold()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Anchor:
    """Where a reader is: never a screen line, always a place in the content."""

    offset: int  # character offset into Book.text
    fingerprint: str  # fingerprint() of the paragraph holding the offset
    saved_at: float = field(default_factory=time.time)
    # How far ``offset`` lies past the start of its paragraph, so the place inside a long
    # paragraph survives text being inserted before it.
    within: int = 0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "offset": self.offset,
            "fingerprint": self.fingerprint,
            "saved_at": self.saved_at,
        }
        if self.within:
            data["within"] = self.within
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        return cls(
            int(data["offset"]),
            str(data["fingerprint"]),
            float(data.get("saved_at", 0)),
            int(data.get("within", 0)),
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

    @property
    def name(self) -> str:
        """What lists call it: its label; a quote without one, by its own opening words
        (`“It was the best of times…”`), as scene labels quote theirs; "" for neither."""
        if self.label or not self.quote:
            return self.label
        return quoted_opening(" ".join(self.quote.split()[:QUOTE_NAME_WORDS]))

    def to_dict(self) -> dict[str, Any]:
        data = {"anchor": self.anchor.to_dict(), "label": self.label, "created": self.created}
        if self.quote:  # only then, so files stay as they were for plain bookmarks
            data["quote"] = self.quote
        if self.mark:
            data["mark"] = self.mark
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bookmark:
        quote, mark = data.get("quote", ""), data.get("mark", "")
        return cls(
            Anchor.from_dict(data["anchor"]),
            str(data.get("label", "")),
            float(data["created"]),
            quote if isinstance(quote, str) else "",
            mark if isinstance(mark, str) and is_mark_name(mark) else "",
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
    return Anchor(offset, fingerprint(book.paragraph(para)), within=offset - book.starts[para])


def anchor_paragraph(book: Book, offset: int, within: int = 0) -> int:
    """The paragraph an anchor at ``offset`` with ``within`` belongs to."""
    return book.para_at(max(0, offset - within)) if len(book) else 0


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
    boilerplate repeated through the book. Otherwise the saved offset clamped to the book,
    with ``exact`` False so the caller can tell the user.
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
    if found is None or _repeated(book, anchor, near, whole_book):
        return offset, False
    return _landing(book, found, anchor), True


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
