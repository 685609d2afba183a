"""Who a scene is about: the character names in a stretch of text, judged against what the
whole book says of its capitalised words."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tui.book.model import Book
from tui.book.rules.patterns import compiled_on_first_use, word_set
from tui.book.sampling import spread_pieces

# What the whole book says of its words is read from at most this many characters of it,
# in EVIDENCE_PIECES pieces spread over it.
EVIDENCE_CHARS = 1_000_000
EVIDENCE_PIECES = 64
# A name is written capitalised at least this often in the book: a word met once (`a certain
# European locale`, `Tokay`) is not what a reader knows a scene by.
MIN_MENTIONS = 2
# A word written in lowercase at least this share as often as capitalised is a common word,
# capitalised at a sentence's start or for weight (`Death`, `Hereafter`); so is a plural
# whose singular is (`Dear Sirs`). (A name that is also a word, `Rain`, is written
# capitalised more often than not.)
LOWER_SHARE = 1.0
# A word after `my`, `your`, `his` ... this share of the time or more (at least OWNED_MIN
# times) is a title or a way of address (`Your Lordship`, `His Majesty`), not a name.
# A word the book writes mid-sentence at least 1 in NAMED_SHARE of the times it capitalises it
# is a name wherever it stands (`Lucy came`); one met mostly at a sentence's start (`Aye`) is not.
NAMED_SHARE = 5
OWNED_SHARE = 3
OWNED_MIN = 2

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’](?!s\b)[A-ZÀ-Þ]?[a-zß-öø-ÿ]+)*"


# Up to three capitalised words in a row (`Da Vinci`, `Miss Elysia`), on one line or across
# a hard-wrapped line's end (`Van` / `Helsing`). The pattern starts with the capital letter
# (the regex engine then skips ahead fast); the look-behind after it checks that the capital
# starts a word.
_name_run = compiled_on_first_use(
    r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)[a-zß-öø-ÿ]+(?:[-'’](?!s\b)[A-ZÀ-Þ]?[a-zß-öø-ÿ]+)*"
    rf"(?:[ \n]{_CAP}){{0,2}}"
)
# A word as the book's evidence counts it (`Turkey-land`, `Lucy’s` counts as `Lucy`).
_WORD = compiled_on_first_use(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_POSSESSIVE = ("’s", "'s", "’S", "'S")
_EDGE_MARKS = ".,;:!?\"'“”‘’«»()[]{}*_-—–…"


# A capitalised word after a word or a comma and a space (`the Count`, `said Lucy`), found
# from its capital (fast) and looked behind from there.
_CAPITAL_AFTER_WORD = compiled_on_first_use(
    r"[A-ZÀ-ÖØ-Þ](?:(?<=[^\W\d_][ \n].)|(?<=[,;][ \n].))[a-zß-öø-ÿ]+(?:-[a-zß-öø-ÿ]+)*\b"
)
_ARTICLES_BEFORE = word_set("the The a A an An")
_OWNERS_BEFORE = word_set("my My your Your his His her Her our Our their Their")


# Words before a name that make it a name: `Miss Elysia`, `Captain Rin`.
_TITLES = word_set(
    "Mr Mrs Ms Mx Dr Miss Sir Madam Madame Lord Lady Master Mister Professor Captain King Queen "
    "Prince Princess Aunt Uncle Saint St Sister Brother Father Mother Lieutenant Commander "
    "General Director Doctor Detective Agent Officer Senpai Sensei"
)
_NOT_NAMES = word_set(
    """
    I Im Id Ill Ive Sis Bro Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December The A An And
    But Or So Yet For Nor He She It They We You His Her Its Their Our Your Him Them Us Me My
    Mine This That These Those There Here Then Now When Where What Who Why How Which While If
    Though Although As At By In On Of To From With Without Into Onto Upon After Before During
    Since Until Not No Yes Oh Ah Eh Uh Um Hmm Huh Hey Hi Hello Okay Ok Well Please Thanks Thank
    Sorry God Gods Chapter Part Book Prologue Epilogue Scene Notes Summary English Japanese Even
    Still Just Maybe Perhaps Only Also Again Once Every Each All Some Any Both Either Neither
    One Two Three First Second Last Next Today Tonight Tomorrow Yesterday Sure Right Really Wait
    Let Come Go Look See Good Great Fine Nothing Something Everything Anything Someone Everyone
    Anyone Nobody Somebody Everybody Mom Dad Mum Mama Papa Instead Besides Meanwhile Later
    Suddenly Finally Actually Honestly Whatever However Otherwise Sometimes Soon Never Always
    """
)
_NOT_NAMES |= _TITLES
# A capitalised word seen after an article this share of the time (1 in THING_SHARE) or more
# is a thing or a place (`the Board`, `the Garden`, `the Floor`), not a character.
_ARTICLES = word_set("The A An This That These Those")
_ARTICLE_BEFORE = compiled_on_first_use(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)[ \n]$"
)
THING_SHARE = 3
_OWNS = ("’s", "'s")


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
    whole: bool = True

    def is_word(self, word: str) -> bool:
        """Whether the book shows ``word`` to be no name though capitalised: a common word (`Death`,
        `Hereafter`, `Sirs`), a way of address (`Lordship`), or a word met only once."""
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
        owned = self.after_owner[word]
        return owned >= OWNED_MIN and owned * OWNED_SHARE >= capital

    def is_named(self, word: str) -> bool:
        """Whether the book writes ``word`` capitalised mid-sentence somewhere (`said Lucy`), so
        that it is a name where a scene has it only at a sentence's start (`Lucy came`)."""
        mid = self.mid_sentence[word]
        return (
            mid >= MIN_MENTIONS
            and mid * NAMED_SHARE >= self.capital[word]
            and not self.is_word(word)
        )

    def is_thing(self, word: str) -> bool:
        """Whether ``word`` is mostly met after an article across the book: a thing, a place, an
        adjective or a title (`the Garden`, `the British Museum`, `the Count`), not a name."""
        capital = self.capital[word]
        return bool(capital) and self.after_article[word] * THING_SHARE >= capital


def book_evidence(book: Book) -> NameEvidence:
    """What the book says of its capitalised words (see `NameEvidence`), read from the whole
    text, or from pieces spread over a long one."""
    text = book.text
    pieces = spread_pieces(text, EVIDENCE_CHARS, EVIDENCE_PIECES)
    evidence = NameEvidence(whole=len(pieces) == 1 and len(pieces[0]) == len(text))
    word = _WORD()
    tokens: Counter[str] = Counter()
    for piece in pieces:
        tokens.update(piece.split())
        _read_contexts(piece, evidence)
    capital, lower = evidence.capital, evidence.lower
    for token, count in tokens.items():
        bare = token.strip(_EDGE_MARKS)
        # (most tokens are one word with its punctuation: the pattern is for the rest)
        for found in (bare,) if bare.isalpha() else word.findall(bare):
            if found.endswith(_POSSESSIVE):
                found = found[:-2]
            if found[:1].isupper():
                capital[found] += count
            elif found[:1].islower():
                lower[found] += count
    return evidence


def _read_contexts(piece: str, evidence: NameEvidence) -> None:
    """Count the capitalised words of ``piece`` met mid-sentence, after an article and after a
    possessive word."""
    mid, articled, owned = evidence.mid_sentence, evidence.after_article, evidence.after_owner
    for found in _CAPITAL_AFTER_WORD().finditer(piece):
        at = found.start()
        word = found.group()
        if piece[at - 2] in ",;" or piece[at - 2].islower():
            mid[word] += 1
        before = piece[max(0, at - 7) : at - 1]
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        if len(last) < len(before) or at < 7:  # (a whole word: not `bathe` for `the`)
            last = last.lstrip(_EDGE_MARKS)  # (`“Your Lordship`)
            if last in _ARTICLES_BEFORE:
                articled[word] += 1
            elif last in _OWNERS_BEFORE:
                owned[word] += 1


def names_in(text: str, limit: int = 3, evidence: NameEvidence | None = None) -> list[str]:
    """The names that occur most in a text: capitalised words that also occur mid-sentence (not
    only at the start of sentences), shown whole when they come in a run (`Da Vinci`). With
    the ``evidence`` of the whole book, words it shows to be no names are left out."""
    counts: Counter[str] = Counter()
    things: Counter[str] = Counter()  # times after an article: `the Garden`, `a Board`
    runs: dict[str, Counter[str]] = {}  # word -> the multi-word runs it occurred in
    named: set[str] = set()
    not_names = _NOT_NAMES
    for m in _name_run().finditer(text):
        run = m.group()
        if " " not in run and "\n" not in run:
            # The common case: one word, often a sentence-initial `The` or `She`.
            if run in not_names or _no_name(evidence, run):
                continue
            counts[run] += 1
            at = m.start()
            if _ARTICLE_BEFORE().search(text, max(0, at - 8), at):
                things[run] += 1
            # (`St. Mary’s Church`: after a possessive is a place's name, not a person's.)
            if run not in named and _mid_sentence(text, at) and text[at - 3 : at - 1] not in _OWNS:
                named.add(run)
            continue
        words = run.split()
        titled = False
        article = words[0] in _ARTICLES or bool(
            _ARTICLE_BEFORE().search(text, max(0, m.start() - 8), m.start())
        )
        # `Poor Lucy` opening a sentence: the first word may be any word, capitalised there.
        opening = not _mid_sentence(text, m.start())
        if opening and len(words) > 1 and _no_name(evidence, words[0]):
            words.pop(0)  # `Dear Lucy` opening a letter: a common word, capitalised there
            opening = False
        while words and words[0] in not_names:
            titled = words[0] in _TITLES
            opening = False
            words.pop(0)
        while words and words[-1] in not_names:
            words.pop()
        # Common words in a run with a name are part of it (`Tate Hill Pier`); a run of them
        # only is no name (`Dear Sirs`, `Judgment Day`).
        if not words or all(_no_name(evidence, word) for word in words):
            continue
        whole = " ".join(words)
        for word in words:
            counts[word] += 1
            if article and not titled:
                things[word] += 1
            if (len(words) > 1 or titled) and not (opening and word == words[0]):
                named.add(word)
            if len(words) > 1:
                runs.setdefault(word, Counter())[whole] += 1
    shown: list[str] = []
    used: set[str] = set()
    for word, count in counts.most_common():
        if word in used:
            continue
        if word not in named and not (evidence is not None and evidence.is_named(word)):
            continue
        if things[word] * THING_SHARE >= count:
            continue  # `the Board`, `the Garden`: a thing or a place, not a character
        if evidence is not None and (evidence.is_word(word) or evidence.is_thing(word)):
            continue  # the same, seen across the book; or a common word in a name's run
        name = word
        if word in runs:
            whole, together = _commonest_run(runs[word])
            if together * 5 >= count * 3:
                name = whole
        if any(part in used for part in name.split(" ")):
            continue
        shown.append(name)
        used.update(name.split(" "))
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
    return evidence is not None and evidence.is_word(word)


def _mid_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a lower-case word or a comma in the same sentence
    (on the same line, or across a hard-wrapped line's end)."""
    return at >= 2 and text[at - 1] in " \n" and (text[at - 2].islower() or text[at - 2] in ",;")
