"""The finder over the library: books, and the bookmarks of every book.

Books by title, author, fandom, characters and tags, and the bookmarks of every book by their
labels and quotes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz.utils import default_process

from tui.book.anchor import Bookmark
from tui.book.han_variants import other_forms, simplified
from tui.book.look_alikes import telling_apart
from tui.book.slips import word_match
from tui.finder.book_finder import Hit, Preview, split_prefix
from tui.finder.bookmark_match import bookmark_kept, bookmark_score
from tui.finder.excerpts import excerpt, highlight
from tui.finder.stopping import StopFn
from tui.finder.tokens import (
    CJK_CHAR_RE,
    STOP_WORDS,
    compatible,
    has_cjk,
    typed_words,
    words,
)
from tui.paths import shown_percent

# How much a match in each field counts: the title is what people remember best.
FIELD_WEIGHTS = (("title", 1.0), ("author", 0.9), ("fandom", 0.8), ("tags", 0.75))
SHOWN = 55.0  # books matching worse than this are left out
RUN_TOGETHER_FROM = 6  # a query this long without its spaces may be a title typed run together


class ShelvedBook(Protocol):
    """What the finder reads of a library book (a `tui.library.records.BookRecord`)."""

    @property
    def id(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str | None: ...
    @property
    def fandom(self) -> str: ...
    @property
    def tags(self) -> str: ...
    @property
    def words(self) -> int: ...
    @property
    def progress(self) -> float: ...
    @property
    def status(self) -> str: ...


class Shelf(Protocol):
    """A library, as far as the finder is concerned: its books."""

    def records(self) -> Sequence[ShelvedBook]: ...


# Every book's bookmarks, by the book's path: read when first asked for (from each book's
# own file), in the worker of the first query that may match one, not as the finder opens.
BookmarksByPath = Callable[[], Mapping[str, Sequence[Bookmark]]]


@dataclass(frozen=True)
class BookEntry:
    """The searchable facts of one library book."""

    path: str
    title: str
    author: str
    fandom: str
    tags: str  # characters, relationships and tags, comma-separated
    words: int = 0
    progress: float = 0.0
    status: str = ""

    @classmethod
    def from_record(cls, record: ShelvedBook) -> BookEntry:
        """From a library book."""
        return cls(
            path=record.path,
            title=record.title or _file_name(record.path),
            author=record.author or "",
            fandom=record.fandom,
            tags=record.tags,
            words=record.words,
            progress=record.progress,
            status=record.status,
        )


@dataclass(frozen=True, slots=True)
class _Field:
    """One searchable field of a book, read for matching once, not at every keystroke."""

    weight: float
    tokens: tuple[str, ...]  # its words, after rapidfuzz's default processing
    squashed: str  # the same without spaces (`prideandprejudice`)
    folded: str  # and with Chinese characters in their simplified forms (`水滸傳` -> `水浒传`)

    @classmethod
    def of(cls, text: str, weight: float) -> _Field:
        processed = default_process(compatible(text))
        squashed = processed.replace(" ", "")
        return cls(weight, tuple(processed.split()), squashed, simplified(squashed))


def _word_match(word: str, field: _Field) -> float:
    """How well one query word matches a field: its best over the field's words, by the rule
    the library's filter keeps too (`slips.word_match`: `dracual`, `frnkens`, `dik`). CJK
    text has no spaces between its words, so a run of its characters matches wherever the
    field holds it (`演義` in `三國志演義`), in either script (`水滸` in `水浒传`)."""
    if has_cjk(word):
        held = word in field.squashed or simplified(word) in field.folded
        return 100.0 if held else 0.0
    best = 0.0
    for token in field.tokens:
        best = max(best, word_match(word, token))
        if best >= 100.0:
            break
    return best


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def library_entries(library: Shelf) -> list[BookEntry]:
    """Every book of a library."""
    return [BookEntry.from_record(r) for r in library.records()]


class MarkedShelf(Shelf, Protocol):
    """A library that keeps each book's bookmarks (a `tui.library.library.Library`)."""

    def bookmarks(self, book_id: str) -> list[Bookmark]: ...


def library_bookmarks(library: MarkedShelf) -> BookmarksByPath:
    """How the finder reads every book's bookmarks from ``library``, when it first needs them."""

    def read() -> dict[str, list[Bookmark]]:
        return {r.path: marks for r in library.records() if (marks := library.bookmarks(r.id))}

    return read


class LibraryFinder:
    """Fuzzy search over books: every query word should match some field of the book. Their
    bookmarks join the list by their labels and quotes, and `'` lists only them."""

    def __init__(
        self, entries: Iterable[BookEntry], bookmarks: BookmarksByPath | None = None
    ) -> None:
        self.entries = sorted(entries, key=lambda e: e.title.casefold())
        self._read_bookmarks = bookmarks
        self._bookmarks: list[tuple[BookEntry, Bookmark]] | None = None
        # Books listed alike (one book added as .txt and .epub) also show their file names.
        self.apart = telling_apart((e.path, e.title, e.author) for e in self.entries)
        self._titles = {e.path: e.title for e in self.entries}
        self._fields = [
            [
                field
                for name, weight in FIELD_WEIGHTS
                if (field := _Field.of(getattr(e, name), weight)).tokens
            ]
            for e in self.entries
        ]

    def search(self, query: str, limit: int = 50, should_stop: StopFn | None = None) -> list[Hit]:
        kind, text = split_prefix(query)
        if kind == "bookmark":
            return self._marks_found(text, kind)[:limit]
        hits = self._books_found(query, should_stop)
        if words(query):
            hits += self._marks_found(query, kind)
            hits.sort(key=self._order)
        return hits[:limit]

    def _order(self, hit: Hit) -> tuple[float, bool, int, str]:
        """Best match first, books before bookmarks; of books matched alike, the shorter title
        (`dra`: *Dracula* before *Drabble Central*, as fzf breaks ties), then A to Z."""
        title = self._titles.get(hit.path or "", hit.label) if hit.kind == "book" else ""
        return (-hit.score, hit.kind != "book", len(title), hit.label.casefold())

    def _books_found(self, query: str, should_stop: StopFn | None) -> list[Hit]:
        query_words = [w for w in typed_words(query) if w not in STOP_WORDS] or typed_words(query)
        if not query_words:
            return [self._hit(e, 0.0, []) for e in self.entries]
        # A title typed without its spaces (`prideandprej`) is still that title.
        squashed = default_process(query).replace(" ", "")
        run_together = squashed if len(squashed) >= RUN_TOGETHER_FROM else ""
        hits = []
        for number, (entry, fields) in enumerate(zip(self.entries, self._fields, strict=True)):
            if should_stop is not None and number % 512 == 0 and should_stop():
                return []
            score = self._score(run_together, query_words, fields)
            if score >= SHOWN:
                hits.append(self._hit(entry, score, query_words))
        return hits

    def _marks(self) -> list[tuple[BookEntry, Bookmark]]:
        """Every bookmark of the library's books, by book title and then place in the book."""
        if self._bookmarks is None:
            by_path = self._read_bookmarks() if self._read_bookmarks is not None else {}
            self._bookmarks = [
                (entry, mark)
                for entry in self.entries
                for mark in sorted(by_path.get(entry.path, ()), key=lambda m: m.anchor.offset)
            ]
        return self._bookmarks

    def _marks_found(self, text: str, kind: str | None) -> list[Hit]:
        """Bookmarks matching ``text`` by label or quote, best first; with `'` and nothing
        typed, every bookmark."""
        if not words(text):
            return [self._mark_hit(entry, mark, 0.0, "") for entry, mark in self._marks()]
        hits = []
        for entry, mark in self._marks():
            score = bookmark_score(text, mark.label or mark.quote[:80], mark.quote)
            if bookmark_kept(score, kind):
                hits.append(self._mark_hit(entry, mark, score, text))
        hits.sort(key=lambda h: -h.score)
        return hits

    def _mark_hit(self, entry: BookEntry, mark: Bookmark, score: float, query: str) -> Hit:
        """A bookmark, named as the book's own finder names it, with its book under it (and
        what it quotes, where it has room)."""
        label = mark.name or "(no label)"
        # A quote without a label is named by its own words, already in quotation marks.
        shift = 0 if mark.quote and not mark.label else 1
        shown = label if shift == 0 else f"‘{label}’"
        quoted = " ".join(mark.quote.split()) if mark.label else ""
        snippet, spans = excerpt(quoted, set(), words(query)) if quoted else ("", [])
        where = entry.title
        detail = f"{where} · {snippet}" if snippet else where
        lead = len(where) + 3
        return Hit(
            "bookmark",
            shown,
            score,
            label_spans=[(a + shift, b + shift) for a, b in highlight(label, (), words(query))],
            detail=detail,
            detail_spans=[(a + lead, b + lead) for a, b in spans] if snippet else [],
            path=entry.path,
            anchor=mark.anchor,
        )

    @staticmethod
    def _score(run_together: str, query_words: list[str], fields: list[_Field]) -> float:
        # Each word against its best field, so `kalpas sakura angst` can match characters and
        # tags at once; a word counts where it begins a word of the field or is one typo away.
        per_word = [
            max(
                (field.weight * _word_match(word, field) for field in fields),
                default=0.0,
            )
            for word in query_words
        ]
        words_score = sum(per_word) / len(per_word)
        if not run_together:
            return words_score
        held = (100.0 * field.weight for field in fields if run_together in field.squashed)
        return max([words_score, *held])

    def _hit(self, entry: BookEntry, score: float, query_words: list[str]) -> Hit:
        label = entry.title + (f" — {entry.author}" if entry.author else "")
        # Each CJK character is a word of the text as shown: the typed ones are marked.
        typed_cjk = {
            form
            for word in query_words
            for c in CJK_CHAR_RE.findall(word)
            for form in (c, *other_forms(c))
        }
        # What tells look-alike copies apart (their file or folder) leads the line under the
        # title, where it has the room: at the end of the title's line it was cut away.
        detail = " · ".join(
            x for x in (self.apart.get(entry.path, ""), entry.fandom, entry.tags) if x
        )
        return Hit(
            "book",
            label,
            score,
            label_spans=highlight(label, typed_cjk, query_words),
            detail=detail,
            detail_spans=highlight(detail, typed_cjk, query_words),
            path=entry.path,
        )

    def preview(self, hit: Hit) -> Preview:
        entry = next((e for e in self.entries if e.path == hit.path), None)
        if entry is None:
            return Preview(hit.label, "")
        if hit.kind == "bookmark":
            return self._mark_preview(hit, entry)
        lines = [f"by {entry.author}" if entry.author else "author unknown"]
        if entry.fandom:
            lines.append(f"Fandom: {entry.fandom}")
        if entry.tags:
            lines.append(f"Tags: {entry.tags}")
        facts = []
        if entry.words:
            facts.append(f"{entry.words:,} words")
        if entry.status:
            facts.append(entry.status)
        if entry.progress:
            facts.append(f"{shown_percent(entry.progress * 100)} read")
        if facts:
            lines.append(" · ".join(facts))
        lines.append(entry.path)
        return Preview(entry.title, "\n".join(lines))

    def _mark_preview(self, hit: Hit, entry: BookEntry) -> Preview:
        """A bookmark: its book, when it was made, and what it quotes."""
        mark = next((m for e, m in self._marks() if e is entry and m.anchor == hit.anchor), None)
        by = f" by {entry.author}" if entry.author else ""
        lines = [f"In {entry.title}{by}"]
        if mark is not None:
            made = time.localtime(mark.created)
            lines.append(f"Marked {made.tm_mday} {time.strftime('%b %Y', made)}")
            if mark.quote:
                lines += ["", mark.quote]
        return Preview(hit.label, "\n".join(lines))
