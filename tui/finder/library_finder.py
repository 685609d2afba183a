"""The finder over the library: books by title, author, fandom, characters and tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tui.book.look_alikes import telling_apart
from tui.finder.book_finder import Hit, Preview
from tui.finder.excerpts import highlight
from tui.finder.stopping import StopFn
from tui.finder.tokens import STOP_WORDS, words

# How much a match in each field counts: the title is what people remember best.
FIELD_WEIGHTS = (("title", 1.0), ("author", 0.9), ("fandom", 0.8), ("tags", 0.75))
SHOWN = 55.0  # books matching worse than this are left out


class ShelvedBook(Protocol):
    """What the finder reads of a library book (a `tui.library.records.BookRecord`)."""

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


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def library_entries(library: Shelf) -> list[BookEntry]:
    """Every book of a library."""
    return [BookEntry.from_record(r) for r in library.records()]


class LibraryFinder:
    """Fuzzy search over books: every query word should match some field of the book."""

    def __init__(self, entries: Iterable[BookEntry]) -> None:
        self.entries = sorted(entries, key=lambda e: e.title.casefold())
        # Books listed alike (one book added as .txt and .epub) also show their file names.
        self.apart = telling_apart((e.path, e.title, e.author) for e in self.entries)
        self._fields = [
            [(name, weight, default_process(getattr(e, name))) for name, weight in FIELD_WEIGHTS]
            for e in self.entries
        ]

    def search(self, query: str, limit: int = 50, should_stop: StopFn | None = None) -> list[Hit]:
        query_words = [w for w in words(query) if w not in STOP_WORDS] or words(query)
        if not query_words:
            return [self._hit(e, 0.0, []) for e in self.entries]
        whole = default_process(query)
        hits = []
        for number, (entry, fields) in enumerate(zip(self.entries, self._fields, strict=True)):
            if should_stop is not None and number % 512 == 0 and should_stop():
                return []
            score = self._score(whole, query_words, fields)
            if score >= SHOWN:
                hits.append(self._hit(entry, score, query_words))
        hits.sort(key=lambda h: (-h.score, h.label.casefold()))
        return hits[:limit]

    @staticmethod
    def _score(whole: str, query_words: list[str], fields: list[tuple[str, float, str]]) -> float:
        # The whole query against each field (a title typed with a typo, out of order) ...
        best_whole = max(
            (weight * fuzz.WRatio(whole, text) for _, weight, text in fields if text),
            default=0.0,
        )
        # ... and each word against its best field, so `kalpas sakura angst` can match
        # characters and tags at once.
        per_word = []
        for word in query_words:
            best = 0.0
            for _, weight, text in fields:
                if not text:
                    continue
                if any(token.startswith(word) for token in text.split()):
                    best = max(best, 100.0 * weight)
                elif len(word) >= 4:
                    best = max(best, weight * fuzz.partial_ratio(word, text))
            per_word.append(best)
        words_score = sum(per_word) / len(per_word)
        return max(best_whole if len(query_words) == 1 else 0.9 * best_whole, words_score)

    def _hit(self, entry: BookEntry, score: float, query_words: list[str]) -> Hit:
        label = entry.title + (f" — {entry.author}" if entry.author else "")
        if entry.path in self.apart:
            label += f" · {self.apart[entry.path]}"
        detail = " · ".join(x for x in (entry.fandom, entry.tags) if x)
        return Hit(
            "book",
            label,
            score,
            label_spans=highlight(label, (), query_words),
            detail=detail,
            detail_spans=highlight(detail, (), query_words),
            path=entry.path,
        )

    def preview(self, hit: Hit) -> Preview:
        entry = next((e for e in self.entries if e.path == hit.path), None)
        if entry is None:
            return Preview(hit.label, "")
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
            facts.append(f"{entry.progress * 100:.0f}% read")
        if facts:
            lines.append(" · ".join(facts))
        lines.append(entry.path)
        return Preview(entry.title, "\n".join(lines))
