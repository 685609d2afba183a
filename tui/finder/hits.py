"""What the finder returns: hits and previews.

The hits are chapters, named parts of the front and end matter, scenes, bookmarks and passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tui.book.anchor import Anchor, Bookmark, named_paragraph
from tui.book.heading_text import quoted_text
from tui.book.model import Book, Chapter, Scene, titled
from tui.book.section_names import MatterPart
from tui.finder.excerpts import excerpt, highlight, matched_words, passage_start
from tui.finder.rank import SceneScore
from tui.finder.tokens import chapter_names, compatible, has_cjk, words
from tui.finder.unmarked import Styled

Spans = list[tuple[int, int]]
# A query whose letters are a title's, but for a slip, however it spaces them, is that title.
JOINED_TITLE = 95
COMPOUND_PARTS = 3  # the most words of a title one query word may stand for (`quarterdeck`)
BEGUN_PART = 2  # the fewest letters of a title's word that begin it after a compound's others


@dataclass
class Hit:
    """One result: where it leads, what to show, and how well it matched (0..100)."""

    kind: str  # chapter, section (of front or end matter), scene, bookmark, text (and book)
    label: str
    score: float
    offset: int | None = None  # character offset in book.text that Enter jumps to
    # The paragraph where the hit's place starts (a scene's first paragraph); for a scene
    # found by its words, Enter goes further, to the passage where they meet (`focus`).
    para: int | None = None
    focus: int | None = None  # the paragraph that best matches, shown in the preview
    typed: tuple[str, ...] = ()  # the query's words as typed, shown before related ones
    chapter: int | None = None  # 0-based
    scene: int | None = None  # 0-based within its chapter
    label_spans: Spans = field(default_factory=list)
    detail: str = ""  # a second line: the matching passage, or where a passage is
    detail_spans: Spans = field(default_factory=list)
    keys: frozenset[str] = frozenset()  # the book's words that matched, for highlighting
    path: str | None = None  # a book's path, for library hits
    # A bookmark of a book that is not open (the library's finder): its place, found again
    # in the text when the book opens, as a saved place is.
    anchor: Anchor | None = None
    chapter_name: str | None = None  # `Ch 3` as the book numbers it, or `Prologue`
    # `words_in`, once found: a paragraph as long as a book takes a second to read through.
    _words: tuple[tuple[int, int] | None] | None = field(default=None, repr=False, compare=False)

    def words_in(self, book: Book) -> tuple[int, int] | None:
        """Where in book.text the matched words are (in `focus`), for Enter and the preview to
        bring into view, `offset` being the top of the passage they are in. Found when wanted,
        for the one hit chosen or previewed, not for every hit of every keystroke."""
        if self.focus is None or not self.keys:
            return None
        if self._words is None:
            self._words = (matched_words(book, self.focus, self.keys, self.typed),)
        return self._words[0]

    def to_json(self, book: Book) -> dict[str, Any]:
        """The `chapbook find --json` form: chapter and scene numbers are 1-based."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "chapter": None if self.chapter is None else self.chapter + 1,
            "scene": None if self.scene is None else self.scene + 1,
            "line": book.line_of(self.para) if self.para is not None else None,
            "chapter_name": self.chapter_name,
            "label": self.label,
            "score": round(self.score, 1),
            "offset": self.offset,
        }
        if self.kind == "scene" and self.offset is not None and len(book):
            # Where Enter lands: the passage where the query's words meet.
            data["passage_line"] = book.line_of(book.para_at(self.offset))
        if book.sections and self.para is not None:
            data["section"] = book.section_of(self.para)
        if self.kind in ("scene", "text") and self.detail:
            data["text"] = self.detail if self.kind == "scene" else self.label
        return data


@dataclass
class Preview:
    """A few lines of the book around a hit, with the matched words marked, and where the
    book sets words in italics or bold (``styles``)."""

    title: str
    body: str
    spans: Spans = field(default_factory=list)
    styles: list[Styled] = field(default_factory=list)


class HitMaker:
    """Builds the hits of one book: labels, places, excerpts and highlighted words."""

    def __init__(self, book: Book) -> None:
        self.book = book
        # Chapters as the book numbers them (`Ch 1` after a `Prologue`), for every label.
        self.names = chapter_names(
            [c.title for c in book.chapters], [c.part for c in book.chapters]
        )

    def chapter_name(self, chapter: int | None) -> str | None:
        """`Ch 3` or `Prologue`: a chapter (0-based index) as the labels name it."""
        if chapter is None:
            return None
        return self.names[chapter] if 0 <= chapter < len(self.names) else f"Ch {chapter + 1}"

    def where(self, chapter: int | None, scene: int | None, line: int | None) -> str:
        """`Ch 3 · Scene 5 · line 120`: where a paragraph is (`Ch 3 · line 120` in a chapter
        of one scene)."""
        return where(self.chapter_name(chapter), self._numbered_scene(chapter, scene), line)

    def scene_label(self, scene: Scene) -> str:
        """`Ch 3 · Scene 5 — Kalpas, Sakura — “Kalpas had not been…”`; a chapter's only
        scene is the chapter's: `Ch 3 — Kalpas …`."""
        place = where(
            self.chapter_name(scene.chapter), self._numbered_scene(scene.chapter, scene.index), None
        )
        return titled(place, scene.description())

    def _numbered_scene(self, chapter: int | None, scene: int | None) -> int | None:
        """``scene``, or None in a chapter of one scene: as the status line and the contents
        say, a chapter without scene breaks has no scene 1 of 1."""
        chapters = self.book.chapters
        if (
            chapter is not None
            and 0 <= chapter < len(chapters)
            and len(chapters[chapter].scenes) == 1
        ):
            return None
        return scene

    def place(self, para: int) -> tuple[int | None, int | None]:
        """The (chapter, scene) holding a paragraph, 0-based; None outside them."""
        scene = self.book.scene_at(para)
        if scene is not None:
            return scene.chapter, scene.index
        return self.book.chapter_at(para), None

    def scene(self, scene: Scene, score: float, query: str = "") -> Hit:
        """A scene, labelled by chapter, number, names and first words."""
        label = self.scene_label(scene)
        offset = self.book.starts[scene.start] if scene.start < len(self.book) else 0
        return Hit(
            "scene",
            label,
            score,
            offset=offset,
            para=scene.start,
            focus=scene.start,
            chapter=scene.chapter,
            scene=scene.index,
            chapter_name=self.chapter_name(scene.chapter),
            label_spans=highlight(label, set(), words(query)),
        )

    def ranked_scene(self, scene: Scene, ranked: SceneScore, query: str = "") -> Hit:
        """A scene found by its text: the passage where the query meets is shown under it,
        where it shows the words as typed (``query``) if it has them."""
        hit = self.scene(scene, ranked.score)
        keys = frozenset(ranked.keys)
        hit.keys = keys
        hit.focus = ranked.best_para
        # Enter lands on the passage shown under the hit and in the preview, not at the
        # scene's start, which may be pages earlier.
        floor = min(scene.start, ranked.best_para)
        hit.offset = self.book.starts[passage_start(self.book, ranked.best_para, floor)]
        hit.label_spans = highlight(hit.label, keys, [])
        hit.typed = tuple(words(query))
        shown = quoted_text(self.book, ranked.best_para)
        hit.detail, hit.detail_spans = excerpt(shown, keys, typed=hit.typed)
        return hit

    def chapter(self, chapter: Chapter, score: float, query: str = "") -> Hit:
        """A chapter by its title; Enter goes to its heading."""
        para = chapter.heading if chapter.heading is not None else chapter.start
        para = min(para, max(len(self.book) - 1, 0))
        title = chapter.full_title or f"Chapter {chapter.index + 1}"
        scenes = len(chapter.scenes)
        name = self.chapter_name(chapter.index)
        return Hit(
            "chapter",
            title,
            score,
            offset=self.book.starts[para] if len(self.book) else 0,
            para=para,
            focus=chapter.scenes[0].start if chapter.scenes else para,
            chapter=chapter.index,
            chapter_name=name,
            label_spans=highlight(title, set(), words(query)),
            detail=f"{name} · {scenes} scene{'s' if scenes != 1 else ''}",
        )

    def section(self, part: MatterPart, score: float, query: str = "") -> Hit:
        """A part of the front or end matter by its name (`Etymology`); Enter goes to its
        heading, and under it is where it is (`Front matter · line 28`)."""
        line = self.book.line_of(part.para)
        return Hit(
            "section",
            part.name,
            score,
            offset=self.book.starts[part.para],
            para=part.para,
            focus=part.para,
            label_spans=highlight(part.name, set(), words(query)),
            detail=f"{part.where} · line {line}" if line else part.where,
        )

    def bookmark(self, mark: Bookmark, offset: int, score: float, query: str = "") -> Hit:
        """A bookmark, with the marked paragraph under its label."""
        para = self.book.para_read_at(offset) if len(self.book) else 0
        chapter, scene = self.place(named_paragraph(self.book, mark, offset, para))
        label = mark.name or "(no label)"
        # A quote without a label is named by its own words, already in quotation marks.
        shift = 0 if mark.quote and not mark.label else 1
        shown = label if shift == 0 else f"‘{label}’"
        snippet, spans = excerpt(quoted_text(self.book, para), set(), words(query))
        return Hit(
            "bookmark",
            shown,
            score,
            offset=offset,
            para=para,
            focus=para,
            chapter=chapter,
            scene=scene,
            chapter_name=self.chapter_name(chapter),
            label_spans=[(a + shift, b + shift) for a, b in highlight(label, set(), words(query))],
            detail=snippet,
            detail_spans=spans,
        )

    def passage(self, para: int, score: float, keys: frozenset[str], query: str = "") -> Hit:
        """One paragraph of text, with where it is under it; the words as typed (``query``)
        are shown before related ones."""
        chapter, scene = self.place(para)
        typed = tuple(words(query))
        snippet, spans = excerpt(quoted_text(self.book, para), keys, typed=typed)
        located = self.where(chapter, scene, self.book.line_of(para))
        return Hit(
            "text",
            snippet,
            score,
            offset=self.book.starts[para],
            para=para,
            focus=para,
            chapter=chapter,
            scene=scene,
            chapter_name=self.chapter_name(chapter),
            label_spans=spans,
            detail=located,
            keys=keys,
            typed=typed,
        )


def where(chapter: str | None, scene: int | None, line: int | None) -> str:
    """`Ch 3 · Scene 5 · line 120`: where a paragraph is, given its chapter's name."""
    parts = []
    if chapter is not None:
        parts.append(chapter)
    if scene is not None:
        parts.append(f"Scene {scene + 1}")
    if line is not None:
        parts.append(f"line {line}")
    return " · ".join(parts) if parts else "front or end matter"


def title_similarity(query: str, title: str) -> float:
    """0..100: how well a query matches a short title, in any word order, partly typed."""
    q = default_process(compatible(query))
    t = default_process(compatible(title))
    if not q or not t:
        return 0.0
    # A compound typed as the title does not write it (`quarterdeck` for "The Quarter-Deck",
    # `try works` for "The Tryworks") is scored as if typed the title's way.
    q = " ".join(_as_title_writes(q.split(), t.split()))
    score = max(
        fuzz.token_set_ratio(q, t), fuzz.partial_ratio(q, t) if len(q) >= 3 or has_cjk(q) else 0
    )
    # Words run together or apart (`red headed league` for "The Redheaded League", `heart
    # beat` for "Heartbeat"): the title's letters typed in order are the title.
    letters, title_letters = _letters(q), _letters(t)
    same_numbers = [c for c in letters if c.isdigit()] == [c for c in title_letters if c.isdigit()]
    if same_numbers and fuzz.ratio(letters, title_letters) >= JOINED_TITLE:
        return 100.0
    # Every query word should be in the title, or begin one of its words, or nearly so: a
    # title missing a third of the query loses a third of its score.
    title_words = t.split()
    query_words = q.split()
    missing = [
        w
        for w in query_words
        if not any(
            tw.startswith(w)
            or (len(w) >= 4 and fuzz.ratio(w, tw) >= 80)
            # CJK is written without spaces: a word stands anywhere in a title's run
            # (`遺書` in `先生と遺書`).
            or (has_cjk(w) and w in tw)
            for tw in title_words
        )
    ]
    if missing:
        score *= 1 - len(missing) / len(query_words)
    return float(score)


def _as_title_writes(query: list[str], title: list[str]) -> list[str]:
    """The query's words split or run together where the title's words are: `quarterdeck`
    is `quarter deck` against "the quarter deck", `quarterde` (being typed) `quarter de`, and
    `try works` is `tryworks` against "the tryworks"."""
    own = set(title)
    found: list[str] = []
    at = 0
    while at < len(query):
        word = query[at]
        if word not in own:
            split = _split_as(word, title)
            if split:
                found += split
                at += 1
                continue
            for count in range(COMPOUND_PARTS, 1, -1):
                joined = "".join(query[at : at + count])
                if at + count <= len(query) and joined in own:
                    word = joined
                    at += count - 1
                    break
        found.append(word)
        at += 1
    return found


def _split_as(word: str, title: list[str]) -> list[str]:
    """``word`` as the title's words that run together make it (`quarterdeck` -> `quarter`,
    `deck`), the last of them perhaps only begun (`quarterde`); none when they do not."""
    for first in range(len(title)):
        parts: list[str] = []
        rest = word
        for part in title[first : first + COMPOUND_PARTS]:
            if rest.startswith(part):
                parts.append(part)
                rest = rest[len(part) :]
            elif parts and len(rest) >= BEGUN_PART and part.startswith(rest):
                parts.append(rest)
                rest = ""
            else:
                break
            if not rest:
                break
        if not rest and len(parts) > 1:
            return parts
    return []


def _letters(text: str) -> str:
    """A processed title's letters without spaces, and without a leading article."""
    found = text.split()
    if len(found) > 1 and found[0] in ("the", "a", "an"):
        found = found[1:]
    return "".join(found)
