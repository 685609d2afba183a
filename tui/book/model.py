"""The parsed-book data model shared by every part of chapbook: paragraphs, chapters, scenes."""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from tui.book.rules.cjk_lines import joined_lines


class ParaKind(IntEnum):
    """What a paragraph is, stored one byte per paragraph in ``Book.kinds``."""

    TEXT = 0  # story prose
    HEADING = 1  # a chapter heading line
    BREAK = 2  # a scene-break ornament line (`* * *`, `oOo` ...): drawn as an ornament
    FRONT = 3  # front matter: title block, summary, notes, tags, table of contents
    END = 4  # end matter: author's notes, afterword, `The End`
    LABEL = 5  # a landmark that is not content (AO3 `Chapter Text`): hidden or dimmed
    NOTE = 6  # a chapter's own notes (AO3 per-chapter notes): shown, but not a scene


class BookError(Exception):
    """A file that cannot be read as a book; ``str(err)`` is a one-line message for users."""


# Opening quote marks and the marks that close them.
_CLOSING = {"“": "”", "‘": "’", "«": "»", "「": "」", "『": "』", '"': '"'}


def quoted_opening(words: str, *, cut: bool = True) -> str:
    """A scene's opening words as a label: `“Mara counted the lanterns…”`. Words that open
    with a quote of their own keep it, and their closing quote: `“Hey,” she said…`; a quote
    cut off by the ellipsis is closed after it: `“Sorry to keep you…”`. ``cut`` False: the
    words are all there is (a short quote), so no ellipsis says more follows."""
    if not words:
        return ""
    more = "…" if cut else ""
    opening = words[0]
    if opening not in _CLOSING:
        if "”" in words and "“" not in words.split("”", 1)[0]:
            # (a quotation whose opening mark was lost with an emphasised word: quoting the
            # words again would leave its closing mark unpaired)
            return f"{words}{more}"
        return f"“{words}{more}”"
    closing = _CLOSING[opening]
    opened = words.count(opening) - (words.count(closing) if closing != opening else 0)
    still_open = opened % 2 == 1 if closing == opening else opened > 0
    return f"{words}{more}{closing if still_open else ''}"


def closed_after_cut(cut: str) -> str:
    """A label cut short with `…` (`“12 May.--Let me begin with…`, in a list too narrow for
    it whole), with the quotations the cut left open closed after it (`…”`), as
    `quoted_opening` closes one: a list shows no unpaired quote marks. (A `’` read as an
    apostrophe may close a `‘` early; then nothing is added, as before.)"""
    still_open: list[str] = []
    straight = False
    for mark in cut:
        if mark == '"':
            straight = not straight
        elif still_open and mark == still_open[-1]:
            still_open.pop()
        elif mark in _CLOSING:
            still_open.append(_CLOSING[mark])
    return cut + "".join(reversed(still_open)) + ('"' if straight else "")


@dataclass(slots=True)
class Scene:
    """A scene: a run of paragraphs inside one chapter."""

    chapter: int  # 0-based chapter index
    index: int  # 0-based index within the chapter
    start: int  # first paragraph index (its first paragraph of prose)
    end: int  # paragraph index one past the last
    first_words: str = ""  # the opening words, for labels
    names: list[str] = field(default_factory=list)  # names that occur most, best first
    title: str = ""  # the line that opens it in the book (`2. How They Went to Visit`), if any
    # The paragraph of the line that opens it above its first prose (its title, or a part's
    # number such as `II`), shown as part of it; None when its prose opens it.
    head: int | None = None
    # Where other scenes of its chapter would have the same label: the first words of its own
    # that tell it apart, shown in place of ``first_words``; "" otherwise.
    own_words: str = ""

    def description(self) -> str:
        """What tells it apart: the line that titles it in the book, or else its main names and
        opening words (`Kalpas, Sakura — “Kalpas had not been…”`); may be empty."""
        if self.title:
            return self.title
        parts = []
        if self.names:
            parts.append(", ".join(self.names[:2]))
        if self.own_words or self.first_words:
            parts.append(quoted_opening(self.own_words or self.first_words))
        return " — ".join(parts)

    def label(self) -> str:
        """`Ch 3 · Scene 5 — Kalpas, Sakura — “Kalpas had not been…”` (1-based numbers)."""
        return titled(f"Ch {self.chapter + 1} · Scene {self.index + 1}", self.description())


@dataclass(slots=True)
class Chapter:
    """A chapter: an optional heading paragraph and its scenes."""

    index: int
    title: str  # clean display title, e.g. `Chapter 1: A Creeping Horror`
    heading: int | None  # paragraph index of the heading, None when the chapter has none
    start: int  # first paragraph index (the heading when there is one)
    end: int  # paragraph index one past the last
    scenes: list[Scene] = field(default_factory=list)
    section: str | None = None  # the spine item (EPUB/HTML) it came from, else None
    # The part, book or volume it belongs to, as the book labels it (`PART II`, `Book the
    # Second`), where the book is in parts; "" otherwise.
    part: str = ""

    @property
    def full_title(self) -> str:
        """The title with its part where the book has parts: `PART II · CHAPTER I: …`, so
        that chapters numbered again in each part are told apart."""
        return f"{self.part} · {self.title}" if self.part and self.title else self.title


@dataclass(slots=True)
class Section:
    """A block of front or end matter (summary, notes, afterword ...)."""

    kind: str  # title, summary, notes, metadata, toc, afterword, end_notes, end_marker ...
    heading: int | None  # paragraph index of its heading line, if any
    start: int  # first paragraph index of its body
    end: int  # one past the last


@dataclass
class Book:
    """A parsed book.

    ``text`` is the normalised text (LF line ends, control characters neutralised). Paragraph
    ``i`` spans ``text[starts[i]:ends[i]]``; for hard-wrapped files that span still holds the
    original line breaks, and :meth:`paragraph` returns the rejoined display text. Offsets are
    character offsets into ``text``; ``lines[i]`` is the 1-based line in the original file where
    paragraph ``i`` starts (0 when unknown, e.g. for EPUB).
    """

    text: str
    starts: array
    ends: array
    kinds: bytearray
    lines: array
    chapters: list[Chapter] = field(default_factory=list)
    front_matter: list[Section] = field(default_factory=list)
    end_matter: list[Section] = field(default_factory=list)
    title: str = ""
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # fandom, characters, tags, summary ...
    path: str | None = None
    encoding: str = "utf-8"
    style: str = "blank"  # paragraph style: blank, line, wrapped, indented, markup
    notices: list[str] = field(default_factory=list)  # things the user should be told
    # Inline styles for markup formats: paragraph index -> [(start, end, "italic"|"bold")],
    # offsets relative to the paragraph's display text.
    spans: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    # Paragraphs a markup book sets in from the margin (a quoted letter, a blockquote):
    # paragraph index -> how many levels in.
    insets: dict[int, int] = field(default_factory=dict)
    # Paragraphs of a markup book that are a line of verse whose next line is the next
    # paragraph (a stanza set one `<p>` a line): the page sets them on rows one after another.
    runs_on: set[int] = field(default_factory=set)
    # Paragraphs of a markup book that are footnotes or endnotes (`<aside epub:type=
    # "footnote">`): the page sets them apart as notes, dimmed.
    notes: set[int] = field(default_factory=set)
    # Paragraphs of a markup book set as typed, in fixed-width type (`<pre>`, a monospaced
    # block, a table's row set in columns): paragraph index -> the spaces each of its lines
    # opens with. The page keeps their lines and the spaces in and before them.
    typed: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # Spine item per paragraph for markup formats: (first paragraph index, name) pairs.
    sections: list[tuple[int, str]] = field(default_factory=list)
    rejoin: bool = False  # paragraphs hold hard line breaks that display as spaces

    # -- paragraphs ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.starts)

    def raw(self, i: int) -> str:
        """The paragraph's text exactly as stored (original line breaks kept)."""
        return self.text[self.starts[i] : self.ends[i]]

    def paragraph(self, i: int) -> str:
        """The paragraph's display text: hard line breaks rejoined, edges stripped."""
        raw = self.text[self.starts[i] : self.ends[i]]
        if self.rejoin and "\n" in raw:
            return joined_lines(raw)
        return raw.strip()

    def kind(self, i: int) -> ParaKind:
        return ParaKind(self.kinds[i])

    def para_at(self, offset: int) -> int:
        """Index of the paragraph containing (or nearest before) a character offset."""
        if not len(self.starts):
            return 0
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def para_read_at(self, offset: int) -> int:
        """The paragraph a reader whose page starts at ``offset`` reads: the one holding it,
        or, for a place between two paragraphs (a blank row above a heading), the next one.
        So the place right after a jump to a chapter is in that chapter."""
        para = self.para_at(offset)
        if len(self.starts) and offset >= self.ends[para] and para + 1 < len(self.starts):
            return para + 1
        return para

    def line_of(self, i: int) -> int | None:
        """1-based source line where paragraph ``i`` starts, or None when not known."""
        if 0 <= i < len(self.lines) and self.lines[i]:
            return int(self.lines[i])
        return None

    def line_count(self) -> int | None:
        """How many lines the book's file has, as `wc -l` and less count them (and a last
        line without a line end, as less does); None for a book without lines of its own
        (an EPUB or a web page, whose text chapbook made). `=` gives it, and `50G` past it
        says it."""
        if not len(self) or self.line_of(len(self) - 1) is None:
            return None
        text = self.text
        return text.count("\n") + (0 if text.endswith("\n") else 1)

    def para_of_line(self, line: int) -> int:
        """Index of the paragraph that holds 1-based source line ``line``."""
        return max(0, bisect.bisect_right(self.lines, line) - 1)

    # -- structure -------------------------------------------------------------------------
    def chapter_at(self, para: int) -> int | None:
        """Index of the chapter holding paragraph ``para``, None in front or end matter."""
        i = bisect.bisect_right(self.chapters, para, key=lambda c: c.start) - 1
        if i < 0 or para >= self.chapters[i].end:
            return None
        return i

    def scene_at(self, para: int) -> Scene | None:
        """The scene holding paragraph ``para`` (or the chapter's first scene for its heading)."""
        ci = self.chapter_at(para)
        if ci is None or not self.chapters[ci].scenes:
            return None
        scenes = self.chapters[ci].scenes
        i = bisect.bisect_right(scenes, para, key=lambda s: scene_top(self, s)) - 1
        return scenes[max(i, 0)]

    def all_scenes(self) -> list[Scene]:
        return [s for c in self.chapters for s in c.scenes]

    def section_of(self, para: int) -> str | None:
        """The spine item name holding paragraph ``para`` (markup formats), else None."""
        if not self.sections:
            return None
        i = bisect.bisect_right(self.sections, para, key=lambda s: s[0]) - 1
        return self.sections[max(i, 0)][1]

    @property
    def story_end(self) -> int:
        """The offset just past the story's last paragraph: the end matter after it (`THE
        END`, an afterword, a licence) is not story. The whole text when there is none."""
        last = len(self.starts) - 1
        while last >= 0 and self.kinds[last] == ParaKind.END:
            last -= 1
        if last < 0 or last == len(self.starts) - 1:
            return len(self.text)
        return int(self.ends[last])

    @property
    def word_count(self) -> int:
        """Words in the book (the parser stores it in ``meta["words"]``)."""
        return int(self.meta.get("words", 0))


def scene_top(book: Book, scene: Scene) -> int:
    """The first paragraph shown as part of ``scene``: its first paragraph of prose, or the
    line that opens it just above (its title, `Harry's POV`, or its part's number, `II`)."""
    return scene.head if scene.head is not None else scene.start


def titled(name: str, description: str) -> str:
    """`name — description`, or the name alone."""
    return f"{name} — {description}" if description else name
