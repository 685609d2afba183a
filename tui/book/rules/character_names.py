"""Who a scene is about: the character names in a stretch of text.

They are judged against what the whole book says of its capitalised words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tui.book.model import Book
from tui.book.rules.name_joins import join_names, join_nicknames
from tui.book.rules.name_words import (
    APOSTROPHES,
    ARTICLE_BEFORE,
    ARTICLES,
    ARTICLES_BEFORE,
    AT_OR_TO,
    CAPITAL_AFTER_WORD,
    EDGE_MARKS,
    EVIDENCE_CHARS,
    EVIDENCE_PIECES,
    LOWER_SHARE,
    MIN_MENTIONS,
    NAMED_SHARE,
    NOT_NAMES,
    OWNED_MIN,
    OWNED_SHARE,
    OWNERS_BEFORE,
    OWNS,
    OWNS_A_CAPITAL,
    PASSING_MENTIONS,
    PLACE_BEFORE,
    PLACE_OR_PERSON_BEFORE,
    PLACE_SHARE,
    POSSESSIVE,
    SHORTENED_SHARE,
    SHORTENED_WORD,
    SPEAKS,
    SPEAKS_AFTER,
    THING_SHARE,
    TITLED_WORD,
    TITLES,
    WORD,
    name_run,
    street_name_words,
)
from tui.book.sampling import spread_pieces


@dataclass(slots=True)
class NameEvidence:
    """What a whole book says of its capitalised words: how often each is written capitalised,
    in lowercase, after an article and after a possessive word. ``whole`` is False when only
    pieces of a long book were read: a word not met in them is then not judged."""

    capital: Counter[str] = field(default_factory=Counter)
    mid_sentence: Counter[str] = field(default_factory=Counter)  # capitalised there
    lower: Counter[str] = field(default_factory=Counter)
    after_article: Counter[str] = field(default_factory=Counter)
    after_owner: Counter[str] = field(default_factory=Counter)
    # Twice the times after a word of place (`in Bedford`, `at Christmas`), plus the times after
    # `to` or `of`.
    after_place: Counter[str] = field(default_factory=Counter)
    as_person: Counter[str] = field(default_factory=Counter)  # `said Holmes`, `Mr. Holmes`
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # `Henry Clerval`
    # The words of one person's name, each to the name the book uses most (`Henry`: `Clerval`),
    # and that name to its words (see `join_names`).
    persons: dict[str, str] = field(default_factory=dict)
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Times a word is written with a closing apostrophe, not a possessive's (`Lor’ bless you`).
    shortened: Counter[str] = field(default_factory=Counter)
    whole: bool = True
    # What `names_in` asked of each word, kept: it asks the same of the capitalised words of
    # every scene, once the evidence is whole (see `no_name`, `named`, `no_character`).
    no_names: dict[str, bool] = field(default_factory=dict)
    named_words: dict[str, bool] = field(default_factory=dict)
    no_characters: dict[str, bool] = field(default_factory=dict)

    def no_name(self, word: str) -> bool:
        """`is_word`, judged once for each word."""
        verdict = self.no_names.get(word)
        if verdict is None:
            verdict = self.no_names[word] = self.is_word(word)
        return verdict

    def named(self, word: str) -> bool:
        """`is_named`, judged once for each word."""
        verdict = self.named_words.get(word)
        if verdict is None:
            verdict = self.named_words[word] = self.is_named(word)
        return verdict

    def no_character(self, word: str) -> bool:
        """Whether ``word`` is a common word, a thing or a place (`is_word`, `is_thing`,
        `is_place`), judged once for each word."""
        verdict = self.no_characters.get(word)
        if verdict is None:
            verdict = self.no_characters[word] = (
                self.no_name(word) or self.is_thing(word) or self.is_place(word)
            )
        return verdict

    def is_word(self, word: str) -> bool:
        """Whether the book shows ``word`` to be no name though capitalised: a common word (`Death`,
        `Hereafter`, `Sirs`), a way of address (`Lordship`), a word shortened in speech (`Lor’
        bless you`), or a word met only once."""
        capital = self.capital[word]
        if not capital:
            return False  # not met in the pieces read: nothing to judge by
        if self.whole and capital < MIN_MENTIONS:
            return True
        folded = word.lower()
        lower = self.lower[folded]
        if folded.endswith("s") and not folded.endswith("ss") and len(folded) > 3:
            lower += self.lower[folded[:-1]]  # `Sirs`: `sir` is a common word
        if lower and lower >= capital * LOWER_SHARE:
            return True
        if self.shortened[word] * SHORTENED_SHARE > capital:
            return True  # `Lor’ love yer ’art`: a word shortened in speech
        owned = self.after_owner[word]
        return owned >= OWNED_MIN and owned * OWNED_SHARE >= capital

    def is_named(self, word: str) -> bool:
        """Whether the book writes ``word`` capitalised mid-sentence somewhere (`said Lucy`), so
        that it is a name where a scene has it only at a sentence's start (`Lucy came`)."""
        return any(self._is_named_word(part) for part in self.members.get(word, (word,)))

    def _is_named_word(self, word: str) -> bool:
        """`is_named` for one word."""
        mid = self.mid_sentence[word]
        return (
            mid >= MIN_MENTIONS
            and mid * NAMED_SHARE >= self.capital[word]
            and not self.is_word(word)
        )

    def is_thing(self, word: str) -> bool:
        """Whether ``word`` is mostly met after an article across the book: a thing, a place, an
        adjective or a title (`the Garden`, `the British Museum`, `the Count`), not a name."""
        capital = self._total(self.capital, word)
        return bool(capital) and self._total(self.after_article, word) * THING_SHARE >= capital

    def is_place(self, word: str) -> bool:
        """Whether the book shows ``word`` to be a place or a time, not someone: met after `in`,
        `at`, `from` ... (`to` and `of` count half) at least 1 in PLACE_SHARE of the times it is
        capitalised, and so more than twice as often as it speaks or takes a title (`at
        Christmas`, `in New Bedford`, `at Robin Hood’s Bay`: the start of a place's name)."""
        placed = self._total(self.after_place, word)  # (twice the times)
        return (
            placed * PLACE_SHARE >= self._total(self.capital, word) * 2
            and placed > self._total(self.as_person, word) * 4
        )

    def one_person(self, word: str) -> str | None:
        """The name the book calls the person ``word`` names by most, where it writes a first
        name and a surname together (`Henry Clerval` ... `Clerval`): `Clerval`; else None."""
        return self.persons.get(word)

    def in_passing(self, word: str) -> bool:
        """Whether the whole book names ``word`` only in passing, fewer than PASSING_MENTIONS
        times (`Hamlet` and `Shakespeare` in an allusion), counting all its person's words."""
        return self.whole and self._total(self.capital, word) < PASSING_MENTIONS

    def _total(self, counts: Counter[str], word: str) -> int:
        """``counts`` of a word, or of all the words of one person's name (`Henry`, `Clerval`)."""
        members = self.members.get(word)
        return sum(counts[part] for part in members) if members else counts[word]


def book_evidence(book: Book) -> NameEvidence:
    """What the book says of its capitalised words (see `NameEvidence`), read from the whole
    text, or from pieces spread over a long one."""
    text = book.text
    pieces = spread_pieces(text, EVIDENCE_CHARS, EVIDENCE_PIECES)
    evidence = NameEvidence(whole=len(pieces) == 1 and len(pieces[0]) == len(text))
    word = WORD()
    tokens: Counter[str] = Counter()
    for piece in pieces:
        tokens.update(piece.split())
        _read_contexts(piece, evidence)
        for part in street_name_words(piece):
            evidence.after_place[part] += 2  # (as after `in`: `Rue de l’Homme Armé`)
        for shortened in SHORTENED_WORD().findall(piece):
            if not shortened.endswith("s"):  # (`Holmes’`: a possessive)
                evidence.shortened[shortened] += 1
    capital, lower = evidence.capital, evidence.lower
    for token, count in tokens.items():
        bare = token.strip(EDGE_MARKS)
        # (most tokens are one word with its punctuation: the pattern is for the rest)
        for found in (bare,) if bare.isalpha() else word.findall(bare):
            if found.endswith(POSSESSIVE):
                found = found[:-2]
            if found[:1].isupper():
                capital[found] += count
            elif found[:1].islower():
                lower[found] += count
    join_names(evidence)
    join_nicknames(evidence)
    return evidence


def _read_contexts(piece: str, evidence: NameEvidence) -> None:
    """Count the capitalised words of ``piece`` met mid-sentence, after an article, after a
    possessive word, after a word of place or time, as one who speaks, and after another
    capitalised word (`Henry Clerval`)."""
    mid, articled, owned = evidence.mid_sentence, evidence.after_article, evidence.after_owner
    placed, person, pairs = evidence.after_place, evidence.as_person, evidence.pairs
    speaks_after = SPEAKS_AFTER().match
    # The capitalised word just before (`run_of`: its run follows `of`).
    run_end, run_placed, run_person, run_of = -1, 0, False, False
    for found in CAPITAL_AFTER_WORD().finditer(piece):
        at, end = found.span()
        word = found.group()
        if piece[at - 2] in ",;" or piece[at - 2].islower():
            mid[word] += 1
        before = piece[max(0, at - 25) : at - 1]
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        in_run = run_end == at - 1
        if len(last) < len(before) or at < 25:  # (a whole word: not `bathe` for `the`)
            last = last.lstrip(EDGE_MARKS)  # (`“Your Lordship`)
            if last in ARTICLES_BEFORE:
                articled[word] += 1
            elif last in OWNERS_BEFORE or (last[:1].isupper() and last.endswith(POSSESSIVE)):
                owned[word] += 1  # (`his Lordship`; `Harker’s Journal`: a thing someone has)
            elif (
                last[:1].isupper()
                and piece[at - 2].isalpha()
                and WORD().fullmatch(last)
                and not last.endswith(POSSESSIVE)  # (`Harker’s Journal`)
            ):
                pairs[last, word] += 1
        # A run of capitalised words shares what stands before it: `in New Bedford`.
        is_placed = (2 if last in PLACE_BEFORE else 1 if last in PLACE_OR_PERSON_BEFORE else 0) or (
            run_placed if in_run else 0
        )
        if last in AT_OR_TO and before[:-2].rstrip().endswith("ed"):
            is_placed = 0  # `looked at Holmes`, `nodded to Mara`: a person
        is_person = (
            last in SPEAKS
            or last in TITLES
            or (in_run and run_person)
            or speaks_after(piece, end) is not None
        )
        of = last == "of" or (in_run and run_of)  # (`the Duke of Norfolk’s Escape`)
        # (Not `in Holmes’s room`: Holmes is not where; but `at Robin Hood’s Bay` is where
        # Robin Hood is, the start of a place's name.)
        if is_placed and (
            piece[end : end + 1] not in APOSTROPHES
            or (not of and OWNS_A_CAPITAL().match(piece, end))
        ):
            placed[word] += is_placed
        if is_person:
            person[word] += 1
        run_end, run_placed, run_person, run_of = end, is_placed, is_person, of
    for found in TITLED_WORD().finditer(piece):
        person[found.group(1)] += 1


_SPACING = (" ", "\n")


def names_in(text: str, limit: int = 3, evidence: NameEvidence | None = None) -> list[str]:
    """The names that occur most in a text: capitalised words that also occur mid-sentence (not
    only at the start of sentences), shown whole when they come in a run (`Da Vinci`). With
    the ``evidence`` of the whole book, words it shows to be no names (or places and times) are
    left out, and the words of one person's name count as one (`Henry Clerval`, `Clerval`)."""
    counts: Counter[str] = Counter()
    things: Counter[str] = Counter()  # times after an article: `the Garden`, `a Board`
    runs: dict[str, Counter[str]] = {}  # word -> the multi-word runs it occurred in
    named: set[str] = set()
    not_names = NOT_NAMES
    persons = evidence.persons if evidence is not None else {}
    for m in name_run().finditer(text):
        run = m.group()
        if " " not in run and "\n" not in run:
            # The common case: one word, often a sentence-initial `The` or `She`.
            if run in not_names or _no_name(evidence, run):
                continue
            key = persons.get(run, run)
            counts[key] += 1
            at = m.start()
            # (an article ends in a space or a line end just before the word: most words have
            # a quote or a mark there, and are not searched)
            if text[at - 1 : at] in _SPACING and ARTICLE_BEFORE().search(text, max(0, at - 8), at):
                things[key] += 1
            # (`St. Mary’s Church`: after a possessive is a place's name, not a person's.)
            if key not in named and _mid_sentence(text, at) and text[at - 3 : at - 1] not in OWNS:
                named.add(key)
            continue
        words = run.split()
        titled = False
        article = words[0] in ARTICLES or bool(
            ARTICLE_BEFORE().search(text, max(0, m.start() - 8), m.start())
        )
        # `Poor Lucy` opening a sentence: the first word may be any word, capitalised there.
        opening = not _mid_sentence(text, m.start())
        if opening and len(words) > 1 and _no_name(evidence, words[0]):
            words.pop(0)  # `Dear Lucy` opening a letter: a common word, capitalised there
            opening = False
        while words and words[0] in not_names:
            titled = words[0] in TITLES
            opening = False
            words.pop(0)
        while words and words[-1] in not_names:
            words.pop()
        # Common words in a run with a name are part of it (`Tate Hill Pier`); a run of them
        # only is no name (`Dear Sirs`, `Judgment Day`).
        if not words or all(_no_name(evidence, word) for word in words):
            continue
        whole = " ".join(words)
        counted: set[str] = set()  # (`Henry Clerval` is one mention of one person)
        for word in words:
            key = persons.get(word, word)
            if key not in counted:
                counts[key] += 1
                if article and not titled:
                    things[key] += 1
            counted.add(key)
            if (len(words) > 1 or titled) and not (opening and word == words[0]):
                named.add(key)
            if len(words) > 1 and key == word:
                runs.setdefault(word, Counter())[whole] += 1
    shown: list[str] = []
    used: set[str] = set()
    for word, count in counts.most_common():
        if word in used:
            continue
        if word not in named and not (evidence is not None and evidence.named(word)):
            continue
        if count == 1 and evidence is not None and evidence.in_passing(word):
            continue  # met once here and hardly elsewhere: an allusion, not who the scene is about
        if things[word] * THING_SHARE >= count:
            continue  # `the Board`, `the Garden`: a thing or a place, not a character
        if evidence is not None and evidence.no_character(word):
            continue  # the same, seen across the book; or a common word in a name's run
        name = word
        if word in runs:
            whole, together = _commonest_run(runs[word])
            if together * 5 >= count * 3:
                name = whole
                if evidence is not None and evidence.is_place(name.rsplit(" ", 1)[-1]):
                    continue  # `New Bedford`, `Robin Hood` (`at Robin Hood’s Bay`): a place,
                    # by its last word
        parts = name.split(" ")
        if evidence is not None:
            parts += evidence.members.get(name, ())
        if any(part in used for part in parts):
            continue
        shown.append(name)
        used.update(parts)
        if len(shown) == limit:
            break
    return shown


def _commonest_run(runs: Counter[str]) -> tuple[str, int]:
    """The run a word is met in most, counting the longer runs that hold it (`Van Helsing` in
    `Abraham Van Helsing`), and how often; of runs met as often, the shortest."""
    held = {
        run: sum(count for other, count in runs.items() if f" {run} " in f" {other} ")
        for run in runs
    }
    best = max(held, key=lambda run: (held[run], -len(run)))
    return best, held[best]


def _no_name(evidence: NameEvidence | None, word: str) -> bool:
    """Whether the book's evidence shows ``word`` to be no name (see `NameEvidence.is_word`)."""
    return evidence is not None and evidence.no_name(word)


def _mid_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a lower-case word or a comma in the same sentence
    (on the same line, or across a hard-wrapped line's end)."""
    return at >= 2 and text[at - 1] in " \n" and (text[at - 2].islower() or text[at - 2] in ",;")
