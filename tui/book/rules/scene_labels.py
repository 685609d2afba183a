"""The words a scene is known by: its first words, and the names met in it."""

from __future__ import annotations

import re
from collections import Counter

from tui.book.model import Book, ParaKind, Scene
from tui.book.rules.character_names import NameEvidence, book_evidence, names_in
from tui.book.rules.emphasis import plain_words, toggles_marks
from tui.book.rules.repeated_openings import past_repeats

TEXT = int(ParaKind.TEXT)

# Names are counted over at most this many characters of a scene (three windows), and over
# at most NAME_BUDGET_CHARS for the whole book (but never fewer than NAME_MIN_SAMPLE a scene).
NAME_SAMPLE_CHARS = 24_000
NAME_BUDGET_CHARS = 4_000_000
NAME_MIN_SAMPLE = 900
# Scenes that would have the same label are told apart by one of their first this many
# paragraphs.
OPENINGS_LOOKED_AT = 12

# (an underscore too: one left opening italics that run on, `_Do donkey is…`)
_LEADING = re.compile(r"^(?:[^\w“‘\"«「『]|_)+|^([“‘\"«「『])(?:[^\w“‘\"«「『]|_)+")
_TRAILING = re.compile(r"[\W_]+$")


def first_words(text: str, words: int = 6, max_chars: int = 48, toggles: bool = False) -> str:
    """The opening words of a paragraph for a label, with their quotes as they stand (an
    opening `…` or a stray mark dropped), without the punctuation where they are cut, nor the
    underscores that mark emphasis (`_29 October._--This is…`), nor, in a book whose marks
    turn emphasis on and off (``toggles``), any of its paired marks (`**Toy Leaf **jam`)."""
    body = _LEADING.sub(r"\1", " ".join(plain_words(text[:400], toggles).split()))
    picked = " ".join(body.split(" ")[:words])
    if " " not in picked:
        picked = picked[: max_chars // 2]  # unspaced (CJK) text: a few characters
    elif len(picked) > max_chars:
        picked = picked[:max_chars].rsplit(" ", 1)[0] if " " in picked[:max_chars] else picked
    return _TRAILING.sub("", picked)


def name_scenes(book: Book) -> None:
    """Fill every scene's ``names``, judged against the whole book's evidence, then tell apart
    the scenes of a chapter that would have the same label (see `tell_scenes_apart`)."""
    evidence = book_evidence(book)
    scenes = book.all_scenes()
    # Names are sampled within a budget, so a 14M-word serial with thousands of scenes stays fast.
    sample = max(NAME_MIN_SAMPLE, min(NAME_SAMPLE_CHARS, NAME_BUDGET_CHARS // (len(scenes) or 1)))
    for scene in scenes:
        scene.names = scene_names(
            book, scene.start, scene.end, sample_chars=sample, evidence=evidence
        )
    tell_scenes_apart(book)


def tell_scenes_apart(book: Book) -> None:
    """Scenes of one chapter that would have the same label (each opens with the same refrain,
    `Saika Kuozaki was my first love.`, and names the same people) are labelled by the first
    words of their own that the others do not share (``own_words``)."""
    for chapter in book.chapters:
        alike: dict[str, list[Scene]] = {}
        for scene in chapter.scenes:
            scene.own_words = ""  # (judged again once the scenes have their names)
            if not scene.title:  # (a scene titled in the book is labelled by its title)
                alike.setdefault(scene.description(), []).append(scene)
        for scenes in alike.values():
            if len(scenes) > 1:
                _own_openings(book, scenes)


def _own_openings(book: Book, scenes: list[Scene]) -> None:
    """Give each of ``scenes`` the first words of its first paragraph whose opening no other
    of them has."""
    openings = [_openings(book, scene) for scene in scenes]
    seen = Counter(words for found in openings for words in set(found))
    for scene, found in zip(scenes, openings, strict=True):
        own = next((words for words in found if seen[words] == 1), None)
        if own and own != scene.first_words:
            scene.own_words = own


def _openings(book: Book, scene: Scene) -> list[str]:
    """The first words of a scene's first few paragraphs of prose."""
    found = []
    for i in range(scene.start, min(scene.end, scene.start + OPENINGS_LOOKED_AT)):
        if book.kinds[i] == TEXT:
            words = first_words(_head(book, i), toggles=toggles_marks(book))
            if sum(c.isalnum() for c in words) >= 2:
                found.append(words)
    return found


def scene_names(
    book: Book,
    start: int,
    end: int,
    limit: int = 3,
    sample_chars: int = NAME_SAMPLE_CHARS,
    evidence: NameEvidence | None = None,
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
    return names_in(sample, limit, evidence)


def scene_opening(book: Book, start: int, end: int, passed: frozenset[str] = frozenset()) -> str:
    """First words of a scene, from its first paragraph that has words (skips `!”`), after any
    line the book repeats at its chapters' heads (``passed``: `repeated_openings`)."""
    start = past_repeats(book, start, end, passed) if passed else start
    for i in range(start, min(end, start + 4)):
        if book.kinds[i] == TEXT:
            words = first_words(_head(book, i), toggles=toggles_marks(book))
            # (`2025` names a scene; `!”` does not; `“咦。”` does: a CJK character is a word)
            if sum(c.isalnum() for c in words) >= 2 or any(
                c >= "\u2e80" and c.isalpha() for c in words
            ):
                return words
    if start >= len(book):
        return ""
    return first_words(_head(book, start), toggles=toggles_marks(book))


def _head(book: Book, i: int) -> str:
    """The start of paragraph ``i`` (never the whole of a 20 MB single-line paragraph)."""
    return book.text[book.starts[i] : min(book.ends[i], book.starts[i] + 2000)]
