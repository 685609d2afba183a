"""The finder over a book: one ranked list of hits for a query.

The hits are chapters, named parts of the front and end matter, scenes, bookmarks and passages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from tui.book.anchor import Bookmark, resolve_anchor
from tui.book.heading_text import quoted_text
from tui.book.model import Book, ParaKind, Scene
from tui.finder.bookmark_match import bookmark_kept, bookmark_score
from tui.finder.build import ProgressFn, build_index
from tui.finder.cache import cached_index, remember_index, search_lock
from tui.finder.excerpts import LineKeeper, PageBreaks, passage
from tui.finder.hits import Hit, HitMaker, Preview, title_similarity
from tui.finder.index import BookIndex
from tui.finder.passages import rank_paragraphs
from tui.finder.places import NumberedPlaces
from tui.finder.query import QueryTerm, query_terms
from tui.finder.rank import rank_scenes
from tui.finder.stopping import StopFn
from tui.finder.title_hits import TitleHits
from tui.finder.tokens import fold, has_cjk, words

__all__ = ["BookFinder", "Hit", "Preview", "split_prefix", "title_similarity"]

# One-character prefixes that narrow the kind: `#` chapters (and the parts of the front and
# end matter, named as chapters are), `*` scenes (a scene break is `* * *`), `'` bookmarks
# (the bookmarks key), `/` passages of text (the search key).
PREFIXES = {"#": "chapter", "*": "scene", "'": "bookmark", "/": "text"}
# A part of the front or end matter ranks as a chapter: by its title, then in book order.
KIND_ORDER = {"chapter": 0, "section": 0, "scene": 1, "bookmark": 2, "text": 3, "book": 4}
BROWSE_LIMIT = 2000  # entries listed for an empty query
QUOTED = 90.0  # a passage this close to the query (as a phrase) joins the mixed list
QUOTED_WORDS = 3  # ... when the query has this many words: two words are found everywhere
LITERAL_LEAST = 3  # letters typed before the text is searched literally, while indexing
LITERAL_LIMIT = 30  # passages found literally, while indexing
LITERAL_STRETCH = 1 << 20  # characters searched between checks for a newer query
LITERAL_SCORE = 30.0  # below titles and named scenes: the words may be anywhere


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
        self._lock = search_lock(book)  # one search at a time over the book's shared index
        self.scenes: list[Scene] = book.all_scenes()
        self._marks: list[tuple[Bookmark, int]] | None = None
        self.hits = HitMaker(book)
        self.titles = TitleHits(book, self.hits)
        self.places = NumberedPlaces(book, self.hits)
        self._breaks: PageBreaks | None = None  # how the preview draws scene breaks

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
    def search(
        self,
        query: str,
        limit: int = 50,
        should_stop: StopFn | None = None,
        *,
        typing: bool | None = None,
    ) -> list[Hit]:
        """Hits for ``query``, best first.

        ``typing`` says the last word may still be half typed, so it also matches as the start
        of a longer word. None judges it from the query as typed into the box: a space after
        the last word means it is finished. A query given whole (the command line) passes False.
        """
        if typing is None:
            typing = not query.endswith(" ")
        with self._lock:
            if should_stop is not None and should_stop():
                return []  # given up while an earlier search ran
            return self._search(query, limit, should_stop, typing)

    def _search(
        self, query: str, limit: int, should_stop: StopFn | None, typing: bool
    ) -> list[Hit]:
        kind, text = split_prefix(query)
        if not text.strip():
            return self.browse(kind)[:BROWSE_LIMIT]
        place = self.places.named(kind, text)
        if place is not None:
            # A place named by number: `ch3 s5`. Title matches follow, in case it is a title.
            # A place the book does not have (`ch9` in a book of 7 chapters) finds nothing,
            # not a title or bookmark that happens to look like it: `nothing_found` says why.
            hits = self.places.hits(place)
            if not hits:
                return []
            return (hits + self.titles.chapters(text, kind, exclude={h.chapter for h in hits}))[
                :limit
            ]
        terms: list[QueryTerm] = []
        # One typed letter says too little to rank scenes by (titles and bookmarks still
        # show), but a CJK character is a word of its own, and a letter finished with a space
        # or given whole (`K`, on the command line) is what the reader means.
        if self.index is not None and kind != "bookmark" and _enough_to_rank(text, typing):
            terms = query_terms(self.index, text, typing=typing)
        found: list[Hit] = []
        if kind in (None, "chapter"):
            found += self.titles.chapters(text, kind, scored_scenes=None)
        if kind in (None, "scene", "chapter"):
            scenes = self._scenes(text, terms, should_stop, typing=typing, limit=limit)
            if kind == "chapter":
                found = self.titles.chapters(text, kind, scored_scenes=scenes)
            else:
                found += scenes
        if kind in (None, "chapter"):
            found += self.titles.sections(text)
        if kind in (None, "bookmark"):
            found += self._bookmarks(text, kind, should_stop)
        if self.index is None and kind in (None, "text"):
            found += self._literal_passages(text, should_stop)
        quoting = len(words(text)) >= QUOTED_WORDS
        if self.index is not None and (kind == "text" or (kind is None and quoting)):
            found += self._passages(text, terms, kind, found, should_stop, limit)
        found = self.titles.without_headings_again(found)
        found.sort(key=lambda h: (-h.score, KIND_ORDER[h.kind], h.offset or 0))
        return found[:limit]

    def needs_index(self, query: str) -> bool:
        """Whether the hits for ``query`` change once the word index is built: not for an
        empty query, a place named by number (`ch3 s5`) or bookmarks (`'`)."""
        kind, text = split_prefix(query)
        if not text.strip() or kind == "bookmark":
            return False
        return self.places.named(kind, text) is None

    def nothing_found(self, query: str) -> str:
        """Why ``query`` found nothing, for the finder's status line: a place the book does not
        have (`ch9` in a book of 7 chapters) says so; anything else asks for other words."""
        return self.missing_place(query) or "No matches: try fewer or other words"

    def missing_place(self, query: str) -> str | None:
        """Why the book has no place the query names by number (`No chapter 9: this book has 7
        chapters`); None when the query names no place, or one the book has."""
        place = self.places.named(*split_prefix(query))
        return self.places.missing(place) if place is not None else None

    def browse(self, kind: str | None) -> list[Hit]:
        """What an empty query lists: bookmarks, then the chapters (or every scene for `*`)."""
        hits: list[Hit] = []
        if kind in (None, "bookmark"):
            hits += [self.hits.bookmark(mark, offset, 0.0) for mark, offset in self.marks()]
        if kind in (None, "chapter"):
            hits += [self.hits.chapter(c, 0.0) for c in self.book.chapters]
        if kind == "scene":
            hits += [self.hits.scene(s, 0.0) for s in self.scenes]
        return hits

    def _scenes(
        self,
        text: str,
        terms: list[QueryTerm],
        should_stop: StopFn | None,
        *,
        typing: bool,
        limit: int = 50,
    ) -> list[Hit]:
        if self.index is None:
            return self._scenes_by_label(text)
        ranked = rank_scenes(
            self.index, self.book, terms, text, limit, should_stop=should_stop, typing=typing
        )
        hits = []
        for scored in ranked:
            # Each hit's excerpt reads its passage, which may be a whole book set as one
            # paragraph: a newer query must not wait for all of them.
            if should_stop is not None and should_stop():
                return []
            hits.append(self.hits.ranked_scene(self.scenes[scored.serial], scored, text))
        return hits

    def _scenes_by_label(self, text: str) -> list[Hit]:
        """Before the index is built: scenes by their names and first words only."""
        labels = [" ".join([*s.names[:3], s.first_words]) for s in self.scenes]
        found = process.extract(
            text, labels, scorer=fuzz.WRatio, processor=default_process, limit=30, score_cutoff=60
        )
        return [self.hits.scene(self.scenes[i], score * 0.8, text) for _, score, i in found]

    def _literal_passages(self, text: str, should_stop: StopFn | None) -> list[Hit]:
        """Before the index is built: paragraphs with the typed words as they stand, in book
        order, so a big book being indexed still shows what is found so far."""
        typed = words(text)
        if sum(len(w) for w in typed) < LITERAL_LEAST:
            return []
        pattern = re.compile(r"\W+".join(re.escape(w) for w in typed), re.IGNORECASE)
        keys = frozenset(fold(w) for w in typed)
        hits: list[Hit] = []
        last = -1
        text_of_book = self.book.text
        # In stretches, so a newer query stops this one soon even in a book of 80 MB.
        for stretch in range(0, len(text_of_book), LITERAL_STRETCH):
            if should_stop is not None and should_stop():
                break
            end = min(len(text_of_book), stretch + LITERAL_STRETCH + 4 * len(text))
            for match in pattern.finditer(text_of_book, stretch, end):
                if match.start() >= stretch + LITERAL_STRETCH:
                    break  # found again from the next stretch
                para = self.book.para_at(match.start())
                if para != last and self.book.kinds[para] != ParaKind.HEADING:
                    hits.append(self.hits.passage(para, LITERAL_SCORE, keys, text))
                    last = para
                if len(hits) >= LITERAL_LIMIT:
                    return hits
        return hits

    def _bookmarks(self, text: str, kind: str | None, should_stop: StopFn | None) -> list[Hit]:
        hits = []
        for mark, offset in self.marks():
            if should_stop is not None and should_stop():
                return []  # (a marked paragraph may be as long as a book)
            para = self.book.para_read_at(offset)
            shown = quoted_text(self.book, para)
            score = bookmark_score(text, mark.label or shown[:80], shown)
            if bookmark_kept(score, kind):
                hits.append(self.hits.bookmark(mark, offset, score, text))
        return hits

    def _passages(
        self,
        text: str,
        terms: list[QueryTerm],
        kind: str | None,
        found: list[Hit],
        should_stop: StopFn | None,
        limit: int = 50,
    ) -> list[Hit]:
        assert self.index is not None
        ranked = rank_paragraphs(self.index, self.book, terms, text, limit, should_stop=should_stop)
        if kind == "text":
            hits = []
            for p in ranked:
                if should_stop is not None and should_stop():
                    return []  # (as for scenes: each excerpt reads its paragraph)
                hits.append(self.hits.passage(p.para, p.score, frozenset(p.keys), text))
            return hits
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
            self.hits.passage(p.para, max(top + 1.0, p.score), frozenset(p.keys), text)
            for p in quoted[:3]
        ]

    # -- building hits ----------------------------------------------------------------------
    def marks(self) -> list[tuple[Bookmark, int]]:
        """Bookmarks with their current offsets (anchors are resolved against this text)."""
        if self._marks is None:
            self._marks = [(m, resolve_anchor(self.book, m.anchor)[0]) for m in self.bookmarks]
        return self._marks

    # -- preview ----------------------------------------------------------------------------
    def preview(
        self,
        hit: Hit,
        max_chars: int = 700,
        room: int = 0,
        ornament: str = "⁂",
        row: int = 0,
        lines: LineKeeper | None = None,
    ) -> Preview:
        """A few lines of the book at the hit: the passage that matched, words marked, and the
        matched words within the first ``room`` characters (when given; in rows of ``row``
        characters, when that is given too, a short line taking its whole row); scene breaks are
        drawn with ``ornament``, and verse kept in lines where ``lines`` says, as the reader
        draws them."""
        if hit.focus is None:
            return Preview(hit.label, "")
        if self._breaks is None or self._breaks.ornament != (ornament or "*"):
            self._breaks = PageBreaks.of(self.book, ornament)
        body, spans, styles = passage(
            self.book,
            hit.focus,
            hit.keys,
            max_chars,
            words=hit.words_in(self.book),
            room=room,
            row=row,
            breaks=self._breaks,
            lines=lines,
        )
        chapter, scene = hit.chapter, hit.scene
        if hit.kind == "section":
            title = hit.detail  # `Front matter · line 28`
        else:
            title = self.hits.where(chapter, scene, self.book.line_of(hit.focus))
        return Preview(title, body, spans, styles)


def _enough_to_rank(text: str, typing: bool) -> bool:
    """Whether ``text`` says enough to rank scenes by its words."""
    typed = text.strip()
    return len(typed) >= 2 or (len(typed) == 1 and (not typing or has_cjk(typed)))
