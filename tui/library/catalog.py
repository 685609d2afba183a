"""What the library list shows: sort orders, the fuzzy filter and the text of its cells."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from typing import Any

from tui.book.han_variants import simplified
from tui.library.records import STATUS_FINISHED, STATUS_NEW, BookRecord
from tui.paths import shown_percent

# Sort key -> (label, newest/biggest first by default)
SORT_KEYS: dict[str, tuple[str, bool]] = {
    "last_read": ("last read", True),
    "title": ("title", False),
    "author": ("author", False),
    "progress": ("progress", True),
    "words": ("words", True),
    "added": ("added", True),
}


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """`Part 2` before `Part 10`; case and a leading article do not count."""
    text = text.casefold().strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article) :]
            break
    parts: list[Any] = _DIGITS.split(text)  # text, digits, text, digits ... text
    parts[1::2] = map(int, parts[1::2])
    return tuple(parts)


def _title_key(record: BookRecord) -> tuple:
    return natural_key(record.display_title)


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_PARTICLES = {"le", "la", "de", "du", "des", "del", "della", "di", "da", "van", "von", "der", "ten"}
_AUTHORS_SPLIT = re.compile(r"\s*(?:&|;|\band\b|\bwith\b)\s*", re.IGNORECASE)
# AO3 writes a pseud with its account: `Alias (anafabula)`; the pseud is the name shown.
_ACCOUNT = re.compile(r"\s*\([^()]*\)\s*$")


def _surname_like(word: str) -> bool:
    """Whether ``word`` may be a surname: letters (and `'`, `-`, `.`), no digits (`Code 44`,
    `Novel 2023` are handles, filed as written)."""
    return word[:1].isalpha() and not any(character.isdigit() for character in word)


def author_key(author: str | None) -> tuple:
    """How the library orders authors, as a bookshop does: by surname (`Bram Stoker` under S,
    `Stoker, Bram` as written), by the first of several; a pen name of one word, or a handle
    whose last word is no name (`Code 44`), as it is (an AO3 pseud without its account in
    brackets), and books without an author last."""
    if not author or not author.strip():
        return natural_key("\uffff")
    first = _AUTHORS_SPLIT.split(author.strip(), maxsplit=1)[0] or author
    first = _ACCOUNT.sub("", first) or first
    if "," in first:
        return natural_key(first)
    names = first.split()
    if len(names) < 2 or not _surname_like(names[-1]):
        return natural_key(first)
    while len(names) > 2 and names[-1].rstrip(".,").lower() in _SUFFIXES:
        names.pop()
    # A surname with its particle (`Le Fanu`, `du Maurier`, `Van Dyke`) is filed whole.
    at = len(names) - 1
    while at > 1 and names[at - 1].lower() in _PARTICLES:
        at -= 1
    return natural_key(" ".join([*names[at:], *names[:at]]))


def sort_records(
    records: Iterable[BookRecord], key: str, reverse: bool = False
) -> list[BookRecord]:
    """Books in the order of ``key`` (its natural direction; ``reverse`` flips it)."""
    items = sorted(records, key=_title_key)  # ties fall back to the title
    if key == "title":
        return items[::-1] if reverse else items
    first_desc = SORT_KEYS.get(key, ("", True))[1]
    descending = first_desc != reverse
    if key == "author":
        items.sort(key=lambda r: author_key(r.author), reverse=descending)
    elif key == "progress":
        items.sort(key=lambda r: (r.progress, r.last_read), reverse=descending)
    elif key == "words":
        items.sort(key=lambda r: r.words, reverse=descending)
    elif key == "added":
        items.sort(key=lambda r: r.added, reverse=descending)
    else:  # last_read: books never opened come after the ones read, by title
        items.sort(key=lambda r: r.last_read, reverse=descending)
    return items


def _processed(text: str) -> str:
    """``text`` as the filter compares it: lower case, without punctuation (rapidfuzz's
    `default_process`), Chinese characters in their simplified forms (`水滸` matches
    *水浒传*)."""
    from rapidfuzz import utils

    return utils.default_process(simplified(text))


def _a_word_matches(token: str, text: str) -> bool:
    """Whether a word of ``text`` is ``token`` typed with a slip, by the rule the library's
    finder keeps (`slips.word_match`), rather than letters from inside another word: `teen`
    is in `frankenstein` only as `tein`, one letter off, and a filter for `teen wolf` matched
    Frankenstein; `cran` is one letter off `fran`."""
    from tui.book.slips import word_match

    return any(word_match(token, word) for word in text.split())


class BookFilter:
    """Type-to-filter: every word typed must match title, author, fandom or tags, fuzzily.

    The lower-cased text of each book is prepared once per list (not once per keystroke).
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[str, ...], str]] = {}
        self._records: Sequence[BookRecord] = ()
        self._texts: list[str] = []
        self._forms: list[frozenset[str]] | None = None  # made when a short word is typed

    def haystack(self, record: BookRecord) -> str:
        # (rapidfuzz and the rule of slips are imported when a list is first filtered: a start
        # never needs them)

        source = (record.display_title, record.author or "", record.fandom, record.tags)
        cached = self._cache.get(record.id)
        if cached is None or cached[0] != source:
            cached = (source, _processed(" ".join(source)))
            self._cache[record.id] = cached
        return cached[1]

    def prepare(self, records: Sequence[BookRecord]) -> None:
        self._records = records
        self._texts = [self.haystack(r) for r in records]
        self._forms = None

    def _missing_letter_forms(self) -> list[frozenset[str]]:
        """Each book's words of four letters with one missing (`slips.missing_letter_forms`),
        made once per list."""
        from tui.book.slips import missing_letter_forms

        if self._forms is None:
            self._forms = [missing_letter_forms(text) for text in self._texts]
        return self._forms

    def apply(self, records: Sequence[BookRecord], query: str) -> list[BookRecord]:
        """The records that match, in their given order (the list's sort: a filter narrows
        the list, it does not reorder it)."""
        from rapidfuzz import fuzz, process

        from tui.book.slips import TYPO_CUTOFF

        tokens = _processed(query).split()
        if not tokens:
            return list(records)
        if records is not self._records or len(self._texts) != len(records):
            self.prepare(records)
        texts = self._texts
        indices: list[int] | None = None  # None: every book is still a candidate
        # Longest words first: they narrow the most, so later words score fewer books.
        for token in sorted(tokens, key=len, reverse=True):
            pool = range(len(texts)) if indices is None else indices
            if len(token) <= 3:  # too short to be fuzzy: a plain substring
                # (or, of three letters, a word of four with one missing: `dik`, `ana`)
                forms = self._missing_letter_forms() if len(token) == 3 else None
                indices = [
                    i
                    for i in pool
                    if token in texts[i] or (forms is not None and token in forms[i])
                ]
            else:
                # A quick pass finds the books holding something near the word; of those, a
                # whole match counts anywhere, a slip only in a word as the finder reads one.
                choices = texts if indices is None else {i: texts[i] for i in indices}
                hits = process.extract(
                    token,
                    choices,
                    scorer=fuzz.partial_ratio,
                    processor=None,
                    limit=None,
                    score_cutoff=TYPO_CUTOFF,
                )
                indices = sorted(
                    key
                    for _text, score, key in hits
                    if score >= 100 or _a_word_matches(token, texts[key])
                )
            if not indices:
                return []
        return [records[i] for i in indices or []]

    def best(self, found: Sequence[BookRecord], query: str) -> BookRecord | None:
        """Of the books ``found`` (in the list's order), the one the filter found best, for
        the highlight and Enter: the first whose title begins with the words typed (whole,
        then as typed so far), else the first that holds each of them as a whole word, else
        the first that holds each at the start of a word, else the first. Enter on `morse`
        opens Morse Four, not a book above it with a horse in its tags; on `gone`, the book
        called Gone, not one tagged Goneril."""

        tokens = _processed(query).split()
        if not tokens:
            return found[0] if found else None
        typed = " ".join(tokens)
        titles = [_processed(record.display_title) + " " for record in found]
        for begins in (typed + " ", typed):  # (the words whole first: `storm`, Storm Front)
            for record, title in zip(found, titles, strict=True):
                if title.startswith(begins):
                    return record
        texts = [self.haystack(record) for record in found]
        for record, text in zip(found, texts, strict=True):
            if all(token in text.split() for token in tokens):
                return record
        for record, text in zip(found, texts, strict=True):
            if all(_word_in(token, text) for token in tokens):
                return record
        return found[0] if found else None


# -- cell text ------------------------------------------------------------------------------


def _word_in(token: str, text: str) -> bool:
    """Whether ``text`` has ``token`` as it is typed, at the start of one of its words."""
    at = text.find(token)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find(token, at + 1)
    return False


def format_words(words: int) -> str:
    """`950`, `12.3k`, `480k`, `2.5M`: a count as the words column shows it, judged after
    rounding (99,960 words are `100k`, not `100.0k`)."""
    if words < 1000:
        return str(words)
    if round(words / 1000, 1) < 100:
        return f"{words / 1000:.1f}k"
    if round(words / 1000) < 1000:
        return f"{round(words / 1000)}k"
    return f"{words / 1_000_000:.1f}M"


def format_progress(record: BookRecord) -> str:
    if record.status == STATUS_NEW:
        return "–"
    return shown_percent(record.progress * 100)  # as the reader's status line shows it


def format_ago(when: float, now: float | None = None) -> str:
    """`5m ago`, `3h ago`, `yesterday`, `4d ago`, `3w ago`, `5mo ago`, `2y ago`, or `never`."""
    if when <= 0:
        return "never"
    now = time.time() if now is None else now
    seconds = max(0.0, now - when)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h ago"
    days = int(seconds // 86400)
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days}d ago"
    if days < 60:
        return f"{days // 7}w ago"
    if days < 365:
        return f"{days // 30}mo ago"
    return f"{days // 365}y ago"


def status_text(record: BookRecord) -> str:
    """The status cell: missing and updated come before new / reading / finished."""
    if record.missing:
        return "missing"
    if record.updated:
        return f"updated +{record.new_chapters}"
    return record.status


def new_chapters_text(count: int) -> str:
    """`1 new chapter`, `3 new chapters`."""
    return f"{count:,} new chapter{'s' if count != 1 else ''}"


def update_text(record: BookRecord) -> str:
    """`updated: 1 new chapter`: the detail line of an updated book."""
    return f"updated: {new_chapters_text(record.new_chapters)}"


def format_duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{minutes}m"
    return f"{minutes // 60}h {minutes % 60:02d}m"


def is_finished(record: BookRecord) -> bool:
    return record.status == STATUS_FINISHED


def read_last(records: Iterable[BookRecord], but: str | None = None) -> BookRecord | None:
    """The book read last (its file there), other than the one ``but`` names: vim's alternate
    file, for `:e #`."""
    read = [r for r in records if r.id != but and r.offset >= 0 and not r.missing]
    return max(read, key=lambda record: record.last_read, default=None)
