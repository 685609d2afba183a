"""The book's names for the finder: capitalised words met mid-sentence, and their short forms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from tui.book.model import Book
from tui.book.sampling import spread_pieces

SAMPLE_CHARS = 2_000_000  # a long book's names recur: this much text, spread over it, is read
SAMPLE_PIECES = 64
MIN_MENTIONS = 2  # capitalised mid-sentence at least this often
LOWER_SHARE = 0.2  # ... and lowercase at most this share as often (not `Realm`-like words)
MOST_NAMES = 400  # the commonest names kept (short forms are paired among them)
SHORT_FORM = 3  # a short form shares this many first letters with the name (`Hilly`, `Hilde`)

PREFIX_SIM = 0.85  # `kal` -> `kalpas`: a name begun is that name
INSIDE_SIM = 0.7  # `mione` -> `hermione`: a part of a name
SHORT_FORM_SIM = 0.8  # `hilly` -> `hildegarde`: what the book itself calls them
KNOWN_SHARE = 0.7  # a word the book has itself means other names less surely
WORD_SHARE = 0.5  # an English word the book lacks is a misspelt name less surely still
SPELLING_CUTOFF = 75.0  # rapidfuzz ratio: `hermoine` -> `hermione` (87), `elysa` -> `elysia`
SPELLING_SIM = (0.55, 0.85)  # at the cutoff, and for a one-letter slip in a long name

_LOWER_SLICE = 65536  # characters of text counted in one C call
_NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")
_LOWER = re.compile(r"(?<![\w'’])[a-zß-ÿ]+")
_CLOSING_QUOTES = frozenset("\"”’'")
_SENTENCE_END = frozenset(".!?…:;\"“”‘’'—–-*([")

AddFn = Callable[[str, float, str], None]


@dataclass
class BookNames:
    """Folded names of a book with how often they occur, and the short forms of each."""

    counts: dict[str, int] = field(default_factory=dict)
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_length: list[str] = field(default_factory=list)

    def match(self, term: str, *, known: bool, add: AddFn, word: bool = False) -> None:
        """Offer the names a query word may mean: the name begun, a part of it, a near
        spelling, and the other forms the book uses for the name meant. ``known``: the book
        has the word itself; ``word``: it is an English word the book lacks (`inn`), less
        likely a misspelt name (`Finn`) than a misspelling made up is."""
        if len(term) < 3 or not self.counts:
            return
        meant: dict[str, float] = {}
        if term in self.counts:
            meant[term] = 1.0
        for name in self.by_length:
            if name == term or len(name) <= len(term):
                continue
            if name.startswith(term):
                meant[name] = max(meant.get(name, 0.0), PREFIX_SIM)
            elif len(term) >= 4 and term in name:
                meant[name] = max(meant.get(name, 0.0), INSIDE_SIM)
        if not known:
            low, high = SPELLING_SIM
            for name, score, _ in process.extract(
                term, self.by_length, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, limit=4
            ):
                closeness = (score - SPELLING_CUTOFF) / (100 - SPELLING_CUTOFF)
                sim = (low + (high - low) * closeness) * (WORD_SHARE if word else 1.0)
                meant[name] = max(meant.get(name, 0.0), sim)
        for name, sim in list(meant.items()):
            for other in self.short_forms.get(name, ()):
                if other != term:
                    meant[other] = max(meant.get(other, 0.0), min(sim, SHORT_FORM_SIM))
        for name, sim in meant.items():
            if name != term:
                add(name, sim * KNOWN_SHARE if known else sim, "name")


def book_names(book: Book, together: Callable[[str, str], bool]) -> BookNames:
    """The book's names: capitalised words that are found mid-sentence, and seldom in
    lowercase. ``together(a, b)`` tells whether two words meet in a paragraph, to pair short
    forms with the names they stand for (`Hilde` and `Hildegarde`, not `Mash` and `Master`)."""
    capital: Counter = Counter()
    lower: Counter = Counter()
    for piece in spread_pieces(book.text, SAMPLE_CHARS, SAMPLE_PIECES):
        for match in _NAME.finditer(piece):
            start, end = match.span()
            previous = piece[start - 1] if start else " "
            if previous.isalnum() or previous in "'’" or piece[end : end + 1].isalnum():
                continue
            before = piece[max(0, start - 6) : start].rstrip()
            if before[-1:] in _CLOSING_QUOTES and before[-2:-1] == ",":
                before = before[:-1]  # `"Come back," Tobias called`: the sentence goes on
            if before and before[-1] not in _SENTENCE_END:
                capital[match.group()] += 1
        # In slices ending at line ends: one pass over a whole book is a C call that holds
        # the GIL (and the interface's thread) for a tenth of a second or more.
        start = 0
        while start < len(piece):
            end = piece.find("\n", start + _LOWER_SLICE)
            end = len(piece) if end < 0 else end
            lower.update(_LOWER.findall(piece, start, end))
            start = end
    counts = {
        word.casefold(): count
        for word, count in capital.most_common()
        if count >= MIN_MENTIONS and lower[word.casefold()] <= LOWER_SHARE * count
    }
    counts = dict(Counter(counts).most_common(MOST_NAMES))
    names = BookNames(counts, {}, sorted(counts, key=lambda n: (len(n), n)))
    for name in counts:
        forms = tuple(
            other
            for other in counts
            if other != name
            and min(len(other), len(name)) >= SHORT_FORM
            and other[:SHORT_FORM] == name[:SHORT_FORM]
            and together(name, other)
        )
        if forms:
            names.short_forms[name] = forms
    return names
