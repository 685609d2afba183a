"""Building the finder's word index: every paragraph's words, a few C-level passes per chunk."""

from __future__ import annotations

import gc
import re
import time
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable
from itertools import chain, repeat

from tui.book.model import Book, ParaKind
from tui.book.rules.illustrations import illustration_paragraphs
from tui.book.rules.superscripts import without_superscript_marks
from tui.finder import neighbours, thesaurus
from tui.finder.index import BookIndex
from tui.finder.names import book_names
from tui.finder.stopping import StopFn
from tui.finder.tokens import _CJK, STOP_WORDS, compatible, compound, compounds
from tui.finder.word_forms import lemma, root, stem_uncached

ProgressFn = Callable[[float], None]

# Paragraphs between progress reports and cancellation checks. The passes over a chunk are C
# calls that hold the GIL throughout (some 40 ms on a slow core); smaller chunks shorten that
# but make building a long book slower.
_CHUNK = 8192
# Ornament lines and landmark labels carry no words worth finding.
_SKIPPED_KINDS = {int(ParaKind.BREAK), int(ParaKind.LABEL)}
# The index holds the same words as `finder_text.folded_words`: runs of letters and digits,
# case-folded, apostrophes dropped. For speed the work is done on UTF-8 bytes: this table
# lowers ASCII capitals, keeps ASCII letters and digits, and turns all other ASCII into
# spaces; bytes of other characters are kept (the few that are not letters or digits were
# replaced by spaces beforehand). Byte 1 separates paragraphs.
_SEPARATOR = "\x01"
_KEPT = {*range(48, 58), *range(97, 123), *range(128, 256), 1}
_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if c in _KEPT else 32 for c in range(256))
_ASCII = bytes(range(128))
_HAS_CJK = re.compile(rf"[{_CJK}]")
_CJK_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_WORD = re.compile(r"[^\W_]+")
_STOP_BYTES = tuple(word.encode() for word in STOP_WORDS)
_SKIP_TABLE = bytes(1 if kind in _SKIPPED_KINDS else 0 for kind in range(256))


def build_index(
    book: Book, progress: ProgressFn | None = None, should_stop: StopFn | None = None
) -> BookIndex | None:
    """Index every paragraph of ``book``; None when ``should_stop()`` asked to give up."""
    # Millions of short-lived lists would set off the cyclic garbage collector over and over
    # (much of the build time on a big book); none of them form cycles, so it waits until the
    # index is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        postings = _postings(book, progress, should_stop)
    finally:
        if collecting:
            gc.enable()
    if postings is None:
        return None
    index = BookIndex(postings, *_scene_map(book))
    _finish_vocabulary(index)
    index.names = book_names(book, index.meet)
    index.paragraph_text = held_paragraph_text(book)
    thesaurus.load()  # here, in the index's worker, rather than at the first query
    neighbours.load()
    if progress is not None:
        progress(1.0)
    return index


def held_paragraph_text(book: Book) -> Callable[[int], str]:
    """A paragraph's text, while the book lives (the index must not keep it alive)."""
    held = weakref.ref(book)

    def text(para: int) -> str:
        found = held()
        return found.paragraph(para) if found is not None else ""

    return text


def _postings(
    book: Book, progress: ProgressFn | None, should_stop: StopFn | None
) -> dict[str, array] | None:
    """word -> sorted paragraph numbers holding it (stop words are left out)."""
    total = len(book.starts)
    merged: dict[bytes, array] = {}
    skipped_all = _skipped(book)
    for start in range(0, total, _CHUNK):
        time.sleep(0)  # the GIL to the interface between chunks
        if should_stop is not None and should_stop():
            return None
        if progress is not None:
            progress(0.95 * start / max(total, 1))
        end = min(start + _CHUNK, total)
        skipped = skipped_all[bisect_left(skipped_all, start) : bisect_left(skipped_all, end)]
        words_per_paragraph = _chunk_words(book, start, end, skipped)
        # Each word gets the number of every paragraph it occurs in, in one pass run by
        # `map` (paragraph numbers repeated once per word of the paragraph).
        found: defaultdict[bytes, list[int]] = defaultdict(list)
        numbers = chain.from_iterable(map(repeat, range(start, end), map(len, words_per_paragraph)))
        words = chain.from_iterable(words_per_paragraph)
        deque(map(list.append, map(found.__getitem__, words), numbers), maxlen=0)
        for word in _STOP_BYTES:
            found.pop(word, None)
        for word, numbers_found in found.items():
            unique = dict.fromkeys(numbers_found)  # a word said twice in one paragraph
            known = merged.get(word)
            if known is None:
                merged[word] = array("I", unique)
            else:
                known.extend(unique)
    return _decoded(merged)


def _chunk_words(book: Book, start: int, end: int, skipped: list[int]) -> list[list[bytes]]:
    """The words of paragraphs ``start``..``end``, as UTF-8 bytes, one list per paragraph."""
    text, starts, ends = book.text, book.starts, book.ends
    joined = _SEPARATOR.join(map(text.__getitem__, map(slice, starts[start:end], ends[start:end])))
    if joined.count(_SEPARATOR) != end - start - 1:
        return _words_one_by_one(
            book, start, end, skipped
        )  # the text has the separator itself: go slowly
    joined = without_superscript_marks(joined)  # (`M^{rs.}` is the word `mrs`)
    if not joined.isascii():
        others = joined.encode().translate(None, _ASCII).decode()
        if _HAS_CJK.search(others):
            return _words_one_by_one(book, start, end, skipped)
        for char in set(others):
            if not char.isalnum():
                joined = joined.replace(char, "'" if char == "’" else " ")
    data = joined.encode().translate(_TABLE, b"'")
    found = list(map(bytes.split, data.split(_SEPARATOR.encode())))
    _add_compounds(joined, found)
    for number in skipped:
        found[number - start] = []
    return found


def _add_compounds(joined: str, found: list[list[bytes]]) -> None:
    """Each hyphenated compound of the paragraphs ``joined`` (`quarter-deck`) as one word too
    (`quarterdeck`), as a reader may type it, in its paragraph's list of ``found`` words."""
    separators: list[int] | None = None
    for match in compounds(joined):
        if separators is None:
            separators = [at.start() for at in re.finditer(_SEPARATOR, joined)]
        found[bisect_right(separators, match.start())].append(compound(match.group()).encode())


def _skipped(book: Book) -> list[int]:
    """The paragraphs not indexed (ornaments, labels), found by a byte search over the kinds;
    an illustration's caption is a label with words worth finding, and is indexed."""
    flags = bytes(book.kinds).translate(_SKIP_TABLE)
    skipped = [match.start() for match in re.finditer(b"\x01", flags)]
    if not skipped:
        return skipped
    captions = illustration_paragraphs(book)
    return [para for para in skipped if para not in captions] if captions else skipped


def _words_one_by_one(book: Book, start: int, end: int, skipped: list[int]) -> list[list[bytes]]:
    """The slower way, for text with CJK characters (each of them is a word of its own) or
    with control characters that would confuse the faster way."""
    text, starts, ends = book.text, book.starts, book.ends
    left_out = set(skipped)
    found: list[list[bytes]] = []
    for number in range(start, end):
        if number in left_out:
            found.append([])
            continue
        segment = without_superscript_marks(text[starts[number] : ends[number]])
        segment = segment.casefold().replace(_SEPARATOR, " ")
        joined = {compound(match.group()) for match in compounds(segment)}
        segment = segment.replace("'", "").replace("’", "")
        found.append([word.encode() for word in set(_CJK_WORD.findall(segment)) | joined])
    return found


def _decoded(merged: dict[bytes, array]) -> dict[str, array]:
    """Bytes keys as words. Words with other than ASCII letters are checked against the
    tokeniser (case-folding `É`, splitting at a combining mark) and merged where they differ."""
    postings: dict[str, array] = {}
    odd: list[tuple[str, array]] = []
    for key, numbers in merged.items():
        word = key.decode()
        if word.isascii():
            postings[word] = numbers
        else:
            odd.append((word, numbers))
    for word, numbers in odd:
        folded = compatible(word).casefold()
        parts = _CJK_WORD.findall(folded) if _HAS_CJK.search(folded) else _WORD.findall(folded)
        for part in parts:
            if part in STOP_WORDS:
                continue
            known = postings.get(part)
            if known is None:
                postings[part] = numbers
            else:
                postings[part] = array("I", sorted(set(known).union(numbers)))
    return postings


def _scene_map(book: Book) -> tuple[list, array, array]:
    """Scenes, the scene of every paragraph (-1 outside scenes), and each scene's length."""
    total = len(book.starts)
    starts, ends = book.starts, book.ends
    scenes = book.all_scenes()
    para_scene = array("i", [-1]) * total
    scene_length = array("I")
    for serial, scene in enumerate(scenes):
        end = min(scene.end, total)
        if end > scene.start:
            para_scene[scene.start : end] = array("i", [serial]) * (end - scene.start)
            scene_length.append(max(1, ends[end - 1] - starts[scene.start]))
        else:
            scene_length.append(1)
    # A chapter's heading is read with its first scene: its title says what happens there.
    serial = 0
    for chapter in book.chapters:
        if chapter.scenes and chapter.heading is not None and 0 <= chapter.heading < total:
            para_scene[chapter.heading] = serial
        serial += len(chapter.scenes)
    return scenes, para_scene, scene_length


def _finish_vocabulary(index: BookIndex) -> None:
    """Sorted keys for prefixes, groups of forms, and keys by length for fuzzy lookups."""
    keys = sorted(index.postings)
    index.keys = keys
    index.scene_starts = [scene.start for scene in index.scenes]
    index.scene_ends = [scene.end for scene in index.scenes]
    by_stem: dict[str, list[str]] = {}
    by_root: dict[str, list[str]] = {}
    by_lemma: dict[str, list[str]] = {}
    for key in keys:
        key_stem = stem_uncached(key)
        by_stem.setdefault(key_stem, []).append(key)
        by_root.setdefault(root(key), []).append(key)
        base = lemma(key) or lemma(key_stem)
        if base is not None:
            by_lemma.setdefault(base, []).append(key)
    index.by_stem, index.by_root, index.by_lemma = by_stem, by_root, by_lemma
    by_length = sorted(keys, key=len)
    index.by_length = by_length
    longest = len(by_length[-1]) if by_length else 0
    length_starts = [0] * (longest + 2)
    position = 0
    for length in range(longest + 2):
        while position < len(by_length) and len(by_length[position]) < length:
            position += 1
        length_starts[length] = position
    index.length_starts = length_starts
