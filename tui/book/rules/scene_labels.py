"""The words a scene is known by: its first words, and the names met in it."""

from __future__ import annotations

import re
from collections import Counter

from tui.book.model import Book, ParaKind
from tui.book.rules.headings import plain_title
from tui.book.rules.patterns import compiled_on_first_use, word_set

TEXT = int(ParaKind.TEXT)

# Names are counted over at most this many characters of a scene (three windows), and over
# at most NAME_BUDGET_CHARS for the whole book (but never fewer than NAME_MIN_SAMPLE a scene).
NAME_SAMPLE_CHARS = 24_000
NAME_BUDGET_CHARS = 4_000_000
NAME_MIN_SAMPLE = 900

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’](?!s\b)[A-ZÀ-Þ]?[a-zß-öø-ÿ]+)*"


# Up to three capitalised words in a row (`Da Vinci`, `Miss Elysia`). The pattern starts with
# the capital letter (the regex engine then skips ahead fast); the look-behind after it checks
# that the capital starts a word.
_name_run = compiled_on_first_use(
    r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)[a-zß-öø-ÿ]+(?:[-'’](?!s\b)[A-ZÀ-Þ]?[a-zß-öø-ÿ]+)*"
    rf"(?: {_CAP}){{0,2}}"
)


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
_ARTICLE_BEFORE = compiled_on_first_use(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose) $")
THING_SHARE = 3
_OWNS = ("’s", "'s")
_LEADING = re.compile(r"^[^\w“‘\"«「『]+|^([“‘\"«「『])[^\w“‘\"«「『]+")
_TRAILING = re.compile(r"[\W_]+$")


def first_words(text: str, words: int = 6, max_chars: int = 48) -> str:
    """The opening words of a paragraph for a label, with their quotes as they stand (an
    opening `…` or a stray mark dropped), without the punctuation where they are cut, nor the
    underscores that mark emphasis (`_29 October._--This is…`)."""
    body = _LEADING.sub(r"\1", " ".join(plain_title(text[:400]).split()))
    picked = " ".join(body.split(" ")[:words])
    if " " not in picked:
        picked = picked[: max_chars // 2]  # unspaced (CJK) text: a few characters
    elif len(picked) > max_chars:
        picked = picked[:max_chars].rsplit(" ", 1)[0] if " " in picked[:max_chars] else picked
    return _TRAILING.sub("", picked)


def names_in(text: str, limit: int = 3) -> list[str]:
    """The names that occur most in a text: capitalised words that also occur mid-sentence (not
    only at the start of sentences), shown whole when they come in a run (`Da Vinci`)."""
    counts: Counter[str] = Counter()
    things: Counter[str] = Counter()  # times after an article: `the Garden`, `a Board`
    runs: dict[str, Counter[str]] = {}  # word -> the multi-word runs it occurred in
    named: set[str] = set()
    not_names = _NOT_NAMES
    for m in _name_run().finditer(text):
        run = m.group()
        if " " not in run:
            # The common case: one word, often a sentence-initial `The` or `She`.
            if run in not_names:
                continue
            counts[run] += 1
            at = m.start()
            if _ARTICLE_BEFORE().search(text, max(0, at - 8), at):
                things[run] += 1
            # (`St. Mary’s Church`: after a possessive is a place's name, not a person's.)
            if run not in named and _mid_sentence(text, at) and text[at - 3 : at - 1] not in _OWNS:
                named.add(run)
            continue
        words = run.split(" ")
        titled = False
        article = words[0] in _ARTICLES or bool(
            _ARTICLE_BEFORE().search(text, max(0, m.start() - 8), m.start())
        )
        # `Poor Lucy` opening a sentence: the first word may be any word, capitalised there.
        opening = not _mid_sentence(text, m.start())
        while words and words[0] in not_names:
            titled = words[0] in _TITLES
            opening = False
            words.pop(0)
        while words and words[-1] in not_names:
            words.pop()
        if not words:
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
        if word not in named or word in used:
            continue
        if things[word] * THING_SHARE >= count:
            continue  # `the Board`, `the Garden`: a thing or a place, not a character
        name = word
        if word in runs:
            whole, together = runs[word].most_common(1)[0]
            if together * 5 >= count * 3:
                name = whole
        if any(part in used for part in name.split(" ")):
            continue
        shown.append(name)
        used.update(name.split(" "))
        if len(shown) == limit:
            break
    return shown


def _mid_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a lower-case word or a comma in the same sentence."""
    return at >= 2 and text[at - 1] == " " and (text[at - 2].islower() or text[at - 2] in ",;")


def scene_names(
    book: Book, start: int, end: int, limit: int = 3, sample_chars: int = NAME_SAMPLE_CHARS
) -> list[str]:
    """The names that occur most in paragraphs ``start`` to ``end`` (sampled when long)."""
    if start >= end or start >= len(book):
        return []
    lo, hi = book.starts[start], book.ends[min(end, len(book)) - 1]
    if hi - lo <= sample_chars:
        sample = book.text[lo:hi]
    else:
        third = sample_chars // 3
        mid = (lo + hi) // 2
        sample = "\n".join(
            (book.text[lo : lo + third], book.text[mid : mid + third], book.text[hi - third : hi])
        )
    return names_in(sample, limit)


def scene_opening(book: Book, start: int, end: int) -> str:
    """First words of a scene, from its first paragraph that has words (skips `!”`)."""
    for i in range(start, min(end, start + 4)):
        if book.kinds[i] == TEXT:
            words = first_words(_head(book, i))
            # (`2025` names a scene; `!”` does not; `“咦。”` does: a CJK character is a word)
            if sum(c.isalnum() for c in words) >= 2 or any(
                c >= "\u2e80" and c.isalpha() for c in words
            ):
                return words
    return first_words(_head(book, start)) if start < len(book) else ""


def _head(book: Book, i: int) -> str:
    """The start of paragraph ``i`` (never the whole of a 20 MB single-line paragraph)."""
    return book.text[book.starts[i] : min(book.ends[i], book.starts[i] + 2000)]
