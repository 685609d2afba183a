"""The finder: one ranked list of chapters, scenes, bookmarks and passages for a query."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from tui.core.anchor import Bookmark, resolve_anchor
from tui.core.finder_build import ProgressFn, build_index
from tui.core.finder_cache import cached_index, remember_index
from tui.core.finder_index import BookIndex
from tui.core.finder_passages import rank_paragraphs
from tui.core.finder_query import QueryTerm, query_terms
from tui.core.finder_rank import SceneScore, rank_scenes
from tui.core.finder_show import excerpt, highlight, passage
from tui.core.finder_text import Structural, parse_number, parse_structural, title_number, words
from tui.core.model import Book, Chapter, ParaKind, Scene

# One-character prefixes that narrow the kind: `#` chapters, `*` scenes (a scene break is
# `* * *`), `'` bookmarks (the bookmarks key), `/` passages of text (the search key).
PREFIXES = {"#": "chapter", "*": "scene", "'": "bookmark", "/": "text"}
KIND_ORDER = {"chapter": 0, "scene": 1, "bookmark": 2, "text": 3, "book": 4}
BROWSE_LIMIT = 2000  # entries listed for an empty query
TITLE_SHOWN = 70.0  # a chapter title matching this well joins the mixed list
BOOKMARK_SHOWN = 60.0
QUOTED = 90.0  # a passage this close to the query (as a phrase) joins the mixed list
QUOTED_WORDS = 3  # ... when the query has this many words: two words are found everywhere
CHAPTER_SHOWN = 30.0  # with `#`, chapters scoring less than this are left out

StopFn = Callable[[], bool]
Spans = list[tuple[int, int]]


@dataclass
class Hit:
    """One result: where it leads, what to show, and how well it matched (0..100)."""

    kind: str  # chapter, scene, bookmark, text (and book in the library)
    label: str
    score: float
    offset: int | None = None  # character offset in book.text to jump to
    para: int | None = None  # the paragraph jumped to
    focus: int | None = None  # the paragraph that best matches, shown in the preview
    chapter: int | None = None  # 0-based
    scene: int | None = None  # 0-based within its chapter
    label_spans: Spans = field(default_factory=list)
    detail: str = ""  # a second line: the matching passage, or where a passage is
    detail_spans: Spans = field(default_factory=list)
    keys: frozenset[str] = frozenset()  # the book's words that matched, for highlighting
    path: str | None = None  # a book's path, for library hits

    def to_json(self, book: Book) -> dict[str, Any]:
        """The `chapbook find --json` form: chapter and scene numbers are 1-based."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "chapter": None if self.chapter is None else self.chapter + 1,
            "scene": None if self.scene is None else self.scene + 1,
            "line": book.line_of(self.para) if self.para is not None else None,
            "label": self.label,
            "score": round(self.score, 1),
            "offset": self.offset,
        }
        if book.sections and self.para is not None:
            data["section"] = book.section_of(self.para)
        if self.kind in ("scene", "text") and self.detail:
            data["text"] = self.detail if self.kind == "scene" else self.label
        return data


@dataclass
class Preview:
    """A few lines of the book around a hit, with the matched words marked."""

    title: str
    body: str
    spans: Spans = field(default_factory=list)


def split_prefix(query: str) -> tuple[str | None, str]:
    """`#title` -> ("chapter", "title"); a query without a prefix searches every kind."""
    stripped = query.lstrip()
    if stripped and stripped[0] in PREFIXES:
        return PREFIXES[stripped[0]], stripped[1:]
    return None, query


class BookFinder:
    """Searches one book. Scenes and passages need the word index (`build`); chapter titles,
    structural queries (`ch3 s5`) and bookmarks work before it is ready."""

    def __init__(self, book: Book, bookmarks: Iterable[Bookmark] = ()) -> None:
        self.book = book
        self.bookmarks = list(bookmarks)
        self.index: BookIndex | None = cached_index(book)
        self._lock = threading.Lock()  # one search at a time: the index caches are shared
        self.scenes: list[Scene] = book.all_scenes()
        self._marks: list[tuple[Bookmark, int]] | None = None
        self._processed_titles: list[str] | None = None

    @property
    def ready(self) -> bool:
        return self.index is not None

    def build(self, progress: ProgressFn | None = None, should_stop: StopFn | None = None) -> bool:
        """Build (or reuse) the word index now, in this thread; False when stopped first."""
        if self.index is None:
            index = build_index(self.book, progress, should_stop)
            if index is None:
                return False
            remember_index(self.book, index)
            self.index = index
        return True

    def adopt_index(self) -> bool:
        """Pick up the index another thread built for this book; True when there is one."""
        if self.index is None:
            self.index = cached_index(self.book)
        return self.index is not None

    # -- searching ------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50, should_stop: StopFn | None = None) -> list[Hit]:
        """Hits for ``query``, best first."""
        with self._lock:
            return self._search(query, limit, should_stop)

    def _search(self, query: str, limit: int, should_stop: StopFn | None) -> list[Hit]:
        kind, text = split_prefix(query)
        if not text.strip():
            return self.browse(kind)[:BROWSE_LIMIT]
        hits = self._structural(kind, text)
        if hits and kind != "text":
            # A place named by number: `ch3 s5`. Title matches follow, in case it is a title.
            return (hits + self._chapters(text, kind, exclude={h.chapter for h in hits}))[:limit]
        terms: list[QueryTerm] = []
        # One typed letter says too little to rank scenes by; titles and bookmarks still show.
        if self.index is not None and kind != "bookmark" and len(text.strip()) >= 2:
            terms = query_terms(self.index, text, typing=not text.endswith(" "))
        found: list[Hit] = []
        if kind in (None, "chapter"):
            found += self._chapters(text, kind, scored_scenes=None)
        if kind in (None, "scene", "chapter"):
            scenes = self._scenes(text, terms, should_stop)
            if kind == "chapter":
                found = self._chapters(text, kind, scored_scenes=scenes)
            else:
                found += scenes
        if kind in (None, "bookmark"):
            found += self._bookmarks(text, kind)
        quoting = len(words(text)) >= QUOTED_WORDS
        if self.index is not None and (kind == "text" or (kind is None and quoting)):
            found += self._passages(text, terms, kind, found, should_stop)
        found.sort(key=lambda h: (-h.score, KIND_ORDER[h.kind], h.offset or 0))
        return found[:limit]

    def browse(self, kind: str | None) -> list[Hit]:
        """What an empty query lists: bookmarks, then the chapters (or every scene for `*`)."""
        hits: list[Hit] = []
        if kind in (None, "bookmark"):
            hits += [self._bookmark_hit(mark, offset, 0.0) for mark, offset in self.marks()]
        if kind in (None, "chapter"):
            hits += [self._chapter_hit(c, 0.0) for c in self.book.chapters]
        if kind == "scene":
            hits += [self._scene_hit(s, 0.0) for s in self.scenes]
        return hits

    def _structural(self, kind: str | None, text: str) -> list[Hit]:
        place = parse_structural(text)
        if place is None and kind == "chapter" and parse_number(text.strip()) is not None:
            place = Structural(parse_number(text.strip()), None)
        if place is None:
            return []
        chapters = self.book.chapters
        if place.chapter is None:
            # `scene 4`: the fourth scene of every chapter, in order.
            return [
                self._scene_hit(c.scenes[place.scene - 1], 90.0)
                for c in chapters
                if place.scene is not None and len(c.scenes) >= place.scene
            ]
        # `chapter 4` is the chapter whose heading says 4, and also the fourth chapter.
        candidates: list[tuple[Chapter, float]] = [
            (c, 100.0) for c in chapters if title_number(c.title) == place.chapter
        ]
        if 0 < place.chapter <= len(chapters):
            fourth = chapters[place.chapter - 1]
            if all(fourth is not c for c, _ in candidates):
                candidates.append((fourth, 95.0 if not candidates else 90.0))
        hits = []
        for chapter, score in candidates:
            if place.scene is None:
                hits.append(self._chapter_hit(chapter, score))
            elif 0 < place.scene <= len(chapter.scenes):
                hits.append(self._scene_hit(chapter.scenes[place.scene - 1], score))
        return hits

    def _chapters(
        self,
        text: str,
        kind: str | None,
        scored_scenes: list[Hit] | None = None,
        exclude: set[int | None] | None = None,
    ) -> list[Hit]:
        """Chapters by title; with `#`, also by their best scene's score."""
        best_scene: dict[int, float] = {}
        for hit in scored_scenes or ():
            if hit.chapter is not None:
                best_scene[hit.chapter] = max(best_scene.get(hit.chapter, 0.0), hit.score)
        # Titles roughly like the query, found by rapidfuzz in C, then scored in full.
        titles = self._titles()
        close = process.extract(
            default_process(text), titles, scorer=fuzz.WRatio, score_cutoff=50, limit=None
        )
        title_scores = {i: title_similarity(text, self.book.chapters[i].title) for _, _, i in close}
        hits = []
        for position, chapter in enumerate(self.book.chapters):
            if exclude and chapter.index in exclude:
                continue
            title_score = title_scores.get(position, 0.0)
            score = max(title_score, 0.9 * best_scene.get(chapter.index, 0.0))
            if title_score >= TITLE_SHOWN or (kind == "chapter" and score >= CHAPTER_SHOWN):
                hits.append(self._chapter_hit(chapter, score, text))
        return hits

    def _titles(self) -> list[str]:
        if self._processed_titles is None:
            self._processed_titles = [default_process(c.title) for c in self.book.chapters]
        return self._processed_titles

    def _scenes(self, text: str, terms: list[QueryTerm], should_stop: StopFn | None) -> list[Hit]:
        if self.index is None:
            return self._scenes_by_label(text)
        ranked = rank_scenes(self.index, self.book, terms, text, should_stop=should_stop)
        return [self._ranked_scene_hit(r) for r in ranked]

    def _scenes_by_label(self, text: str) -> list[Hit]:
        """Before the index is built: scenes by their names and first words only."""
        labels = [" ".join([*s.names[:3], s.first_words]) for s in self.scenes]
        found = process.extract(
            text, labels, scorer=fuzz.WRatio, processor=default_process, limit=30, score_cutoff=60
        )
        return [self._scene_hit(self.scenes[i], score * 0.8, text) for _, score, i in found]

    def _bookmarks(self, text: str, kind: str | None) -> list[Hit]:
        hits = []
        for mark, offset in self.marks():
            para = self.book.para_at(offset)
            label = mark.label or self.book.paragraph(para)[:80]
            score = max(
                title_similarity(text, label),
                0.8 * fuzz.partial_ratio(text.casefold(), self.book.paragraph(para).casefold()),
            )
            if score >= BOOKMARK_SHOWN or kind == "bookmark":
                hits.append(self._bookmark_hit(mark, offset, score, text))
        return hits

    def _passages(
        self,
        text: str,
        terms: list[QueryTerm],
        kind: str | None,
        found: list[Hit],
        should_stop: StopFn | None,
    ) -> list[Hit]:
        assert self.index is not None
        ranked = rank_paragraphs(self.index, self.book, terms, text, should_stop=should_stop)
        if kind == "text":
            return [self._passage_hit(p.para, p.score, frozenset(p.keys)) for p in ranked]
        # In the mixed list a passage shows only when the query quotes it: the reader
        # remembers the words themselves. Headings are already there as chapters.
        quoted = [
            p
            for p in ranked
            if p.phrase >= QUOTED
            and len(words(text)) >= QUOTED_WORDS
            and self.book.kinds[p.para] != ParaKind.HEADING
        ]
        top = max((h.score for h in found if h.kind == "scene"), default=0.0)
        return [
            self._passage_hit(p.para, max(top + 1.0, p.score), frozenset(p.keys))
            for p in quoted[:3]
        ]

    # -- building hits ----------------------------------------------------------------------
    def marks(self) -> list[tuple[Bookmark, int]]:
        """Bookmarks with their current offsets (anchors are resolved against this text)."""
        if self._marks is None:
            self._marks = [(m, resolve_anchor(self.book, m.anchor)[0]) for m in self.bookmarks]
        return self._marks

    def _place(self, para: int) -> tuple[int | None, int | None]:
        scene = self.book.scene_at(para)
        if scene is not None:
            return scene.chapter, scene.index
        return self.book.chapter_at(para), None

    def _scene_hit(self, scene: Scene, score: float, query: str = "") -> Hit:
        label = scene.label()
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
            label_spans=highlight(label, set(), words(query)),
        )

    def _ranked_scene_hit(self, ranked: SceneScore) -> Hit:
        scene = self.scenes[ranked.serial]
        hit = self._scene_hit(scene, ranked.score)
        keys = frozenset(ranked.keys)
        hit.keys = keys
        hit.focus = ranked.best_para
        hit.label_spans = highlight(hit.label, keys, [])
        hit.detail, hit.detail_spans = excerpt(self.book.paragraph(ranked.best_para), keys)
        return hit

    def _chapter_hit(self, chapter: Chapter, score: float, query: str = "") -> Hit:
        para = chapter.heading if chapter.heading is not None else chapter.start
        para = min(para, max(len(self.book) - 1, 0))
        title = chapter.title or f"Chapter {chapter.index + 1}"
        scenes = len(chapter.scenes)
        return Hit(
            "chapter",
            title,
            score,
            offset=self.book.starts[para] if len(self.book) else 0,
            para=para,
            focus=chapter.scenes[0].start if chapter.scenes else para,
            chapter=chapter.index,
            label_spans=highlight(title, set(), words(query)),
            detail=f"Ch {chapter.index + 1} · {scenes} scene{'s' if scenes != 1 else ''}",
        )

    def _bookmark_hit(self, mark: Bookmark, offset: int, score: float, query: str = "") -> Hit:
        para = self.book.para_at(offset) if len(self.book) else 0
        chapter, scene = self._place(para)
        label = mark.label or "(no label)"
        snippet, spans = excerpt(self.book.paragraph(para), set(), words(query))
        return Hit(
            "bookmark",
            f"‘{label}’",
            score,
            offset=offset,
            para=para,
            focus=para,
            chapter=chapter,
            scene=scene,
            label_spans=[(a + 1, b + 1) for a, b in highlight(label, set(), words(query))],
            detail=snippet,
            detail_spans=spans,
        )

    def _passage_hit(self, para: int, score: float, keys: frozenset[str]) -> Hit:
        chapter, scene = self._place(para)
        snippet, spans = excerpt(self.book.paragraph(para), keys)
        where = _where(chapter, scene, self.book.line_of(para))
        return Hit(
            "text",
            snippet,
            score,
            offset=self.book.starts[para],
            para=para,
            focus=para,
            chapter=chapter,
            scene=scene,
            label_spans=spans,
            detail=where,
            keys=keys,
        )

    # -- preview ----------------------------------------------------------------------------
    def preview(self, hit: Hit, max_chars: int = 700) -> Preview:
        """A few lines of the book at the hit: the passage that matched, words marked."""
        if hit.focus is None:
            return Preview(hit.label, "")
        body, spans = passage(self.book, hit.focus, hit.keys, max_chars)
        chapter, scene = hit.chapter, hit.scene
        title = _where(chapter, scene, self.book.line_of(hit.focus))
        return Preview(title, body, spans)


def _where(chapter: int | None, scene: int | None, line: int | None) -> str:
    parts = []
    if chapter is not None:
        parts.append(f"Ch {chapter + 1}")
    if scene is not None:
        parts.append(f"Scene {scene + 1}")
    if line is not None:
        parts.append(f"line {line}")
    return " · ".join(parts) if parts else "front or end matter"


def title_similarity(query: str, title: str) -> float:
    """0..100: how well a query matches a short title, in any word order, partly typed."""
    q = default_process(query)
    t = default_process(title)
    if not q or not t:
        return 0.0
    score = max(fuzz.token_set_ratio(q, t), fuzz.partial_ratio(q, t) if len(q) >= 3 else 0)
    # Every query word should be in the title, or begin one of its words, or nearly so: a
    # title missing a third of the query loses a third of its score.
    title_words = t.split()
    query_words = q.split()
    missing = [
        w
        for w in query_words
        if not any(
            tw.startswith(w) or (len(w) >= 4 and fuzz.ratio(w, tw) >= 80) for tw in title_words
        )
    ]
    if missing:
        score *= 1 - len(missing) / len(query_words)
    return float(score)
