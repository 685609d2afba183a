"""What the status line says: chapter, scene n/m, percentage, and the time left to read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.book.model import Book
from tui.book.section_names import END, FRONT, matter_name, story_start
from tui.paths import shown_percent
from tui.reading.part_labels import labels_of, short_place
from tui.reading.wrapping import measure

# Below this many spaces per character a text is taken to be CJK (no spaces between words);
# it is then read at about two characters per "word" of the words-per-minute setting.
_SPACED = 1 / 20


@dataclass(frozen=True, slots=True)
class Progress:
    """Where the reader is, for the status line."""

    percent: float
    place: str  # chapter title, or the front or end matter section
    scene: int | None  # 1-based scene in the chapter, None outside chapters
    scenes: int
    chapter_minutes: float | None  # None outside chapters, and in a book of one chapter
    book_minutes: float
    # The outermost part tells chapters apart: without it their names repeat (the books of
    # each volume of Les Misérables start again), so a narrow line shortens it, not drops it.
    top_tells: bool = False


def _gaps(text: str, start: int, end: int) -> int:
    """The spaces and line ends in ``text[start:end]``: its words, unless it is CJK."""
    return text.count(" ", start, end) + text.count("\n", start, end)


def words_between(text: str, start: int, end: int) -> float:
    """About how many words ``text[start:end]`` holds (spaces counted at C speed)."""
    chars = max(0, end - start)
    if not chars:
        return 0.0
    gaps = _gaps(text, start, end)
    return float(gaps) if gaps >= chars * _SPACED else chars / 2


def estimate_words(text: str, samples: int = 32, sample: int = 32_768) -> float:
    """Words in ``text``: counted when it is small, else scaled up from evenly spread samples
    (so that a status line never waits for a count over 80 MB)."""
    size = len(text)
    if size <= samples * sample * 2:
        return words_between(text, 0, size)
    step = size // samples
    counted = sum(words_between(text, i * step, i * step + sample) for i in range(samples))
    return counted * size / (samples * sample)


def story_percent(
    book: Book, offset: int, story_end: int | None = None, start: int | None = None
) -> float:
    """How far into the story ``offset`` is, 0..100: Project Gutenberg's header before the
    book and the end matter after the story (a licence) are not counted, so the title page
    reads 0% and the status line, bookmarks and `=` give one figure."""
    start = story_start(book) if start is None else start
    end = book.story_end if story_end is None else story_end
    story = max(1, end - start)
    return 100.0 * min(max(0, offset - start), story) / story


class ProgressMeter:
    """Computes `Progress` for positions in one book; chapter word counts are cached."""

    def __init__(self, book: Book, words_per_minute: int = 250):
        self.book = book
        self.words_per_minute = max(1, words_per_minute)
        self._book_words: float | None = None
        self._story: int | None = None
        self._start: int | None = None
        self._scenes_counted: bool | None = None
        self._top_tells: bool | None = None

    def _counts_scenes(self) -> bool:
        """True when at least half the chapters have more than one scene: every chapter then
        counts its scenes, so the line keeps its shape. Where most chapters are one scene (most
        classics), `scene 1/1` would say nothing on most pages: only the chapters parted into
        scenes count them."""
        if self._scenes_counted is None:
            chapters = self.book.chapters
            parted = sum(1 for chapter in chapters if len(chapter.scenes) > 1)
            self._scenes_counted = parted > 0 and parted * 2 >= len(chapters)
        return self._scenes_counted

    def _story_end(self) -> int:
        if self._story is None:
            self._story = self.book.story_end
        return self._story

    def _total_words(self) -> float:
        if self._book_words is None:
            book = self.book
            words = float(book.word_count)
            sample = min(len(book.text), 100_000)
            if not words or _gaps(book.text, 0, sample) < sample * _SPACED:
                # No spaces between words (CJK): timed by its characters, as each chapter is.
                words = estimate_words(book.text)
            self._book_words = words
        return self._book_words

    def top_tells(self) -> bool:
        """Whether chapters in parts need their outermost part to be told apart."""
        if self._top_tells is None:
            labels = [
                labels_of(chapter.full_title)
                for chapter in self.book.chapters
                if PART_SEPARATOR in chapter.full_title
            ]
            inner = {label.split(PART_SEPARATOR, 1)[1] for label in labels}
            self._top_tells = len(inner) < len(set(labels))  # (it tells more of them apart)
        return self._top_tells

    def place(self, para: int) -> str:
        """The chapter title (with its part, in a book in parts), or the name of the front or
        end matter part holding ``para``."""
        book = self.book
        ci = book.chapter_at(para) if book.chapters else None
        if ci is not None:
            return book.chapters[ci].full_title or f"Chapter {ci + 1}"
        name = matter_name(book, para)
        if name is not None:
            return name
        if book.chapters and para < book.chapters[0].start:
            return FRONT
        return END if book.chapters else ""

    def _story_start(self) -> int:
        if self._start is None:
            self._start = story_start(self.book)
        return self._start

    def percent_at(self, offset: int) -> float:
        """How far into the story ``offset`` is (`story_percent`)."""
        return story_percent(self.book, offset, self._story_end(), self._story_start())

    def at(self, offset: int, para: int, at_end: bool = False) -> Progress:
        """Progress for the top of the screen at ``offset`` in paragraph ``para``, measured
        over the story (the end matter after it is not): ``at_end``, the story's end is on
        screen, and that is 100%, with nothing left to read."""
        book = self.book
        size = max(1, len(book.text))
        story = max(1, self._story_end())
        offset = max(0, min(offset, size))
        percent = 100.0 if at_end else self.percent_at(offset)
        wpm = self.words_per_minute
        left = 0 if at_end else max(0, story - max(offset, self._story_start()))
        book_minutes = self._total_words() * left / size / wpm
        scene_no: int | None = None
        scenes = 0
        chapter_minutes: float | None = None
        ci = book.chapter_at(para) if book.chapters and len(book) else None
        if ci is not None:
            chapter = book.chapters[ci]
            scenes = len(chapter.scenes)
            scene = book.scene_at(para)
            if scene is not None and (scenes > 1 or (scenes and self._counts_scenes())):
                scene_no = scene.index + 1
            end = min(book.ends[chapter.end - 1] if chapter.end > 0 else size, story)
            chapter_minutes = 0.0 if at_end else words_between(book.text, offset, end) / wpm
            # Counted and estimated differently, the chapter's time could pass the book's in
            # the last chapter: what is left of a chapter is never more than of the book.
            chapter_minutes = min(chapter_minutes, book_minutes)
            if len(book.chapters) == 1:
                chapter_minutes = None  # the time left in the book says it once
        place = self.place(para)
        top_tells = PART_SEPARATOR in place and self.top_tells()
        return Progress(percent, place, scene_no, scenes, chapter_minutes, book_minutes, top_tells)


def format_minutes(minutes: float, short: bool = False) -> str:
    """`<1 min`, `12 min`, `4 h 10 min` (short: `12m`, `4h10m`)."""
    whole = round(minutes)
    if minutes < 1:
        return "<1m" if short else "<1 min"
    if whole < 60:
        return f"{whole}m" if short else f"{whole} min"
    hours, mins = divmod(whole, 60)
    return f"{hours}h{mins:02d}m" if short else f"{hours} h {mins} min"


def status_parts(progress: Progress, width: int) -> list[str]:
    """The right-hand status items, as many and as long as fit in ``width`` cells."""
    percent = shown_percent(progress.percent)
    for parts in _variants(progress):
        if measure(" · ".join(parts)) <= width:
            return parts
    return [percent]


def _variants(progress: Progress) -> list[list[str]]:
    """The right-hand status items, from the fullest to the most compact. The time left has
    one wording wherever it shows (`ch 12m · book 4h10m`, before the first chapter `book
    10h42m`), so it keeps its look from page to page; the book's goes first (`ch 12m` stays),
    then the chapter's; then the scene goes; the percentage stays."""
    scene = f"scene {progress.scene}/{progress.scenes}" if progress.scene else ""
    percent = shown_percent(progress.percent)
    chapter, book = progress.chapter_minutes, progress.book_minutes
    chapter_time = f"ch {format_minutes(chapter, True)}" if chapter is not None else ""
    times = " · ".join(
        part for part in (chapter_time, f"book {format_minutes(book, True)}") if part
    )
    if book <= 0:  # the end is on screen: `100% · <1m` would say there is more
        times = chapter_time = ""
    variants = (
        [scene, percent, times],
        [scene, percent, chapter_time],
        [scene, percent],
        [percent],
    )
    return [[p for p in parts if p] for parts in variants]


# What sets a chapter's part before its name (`PART II · CHAPTER I: …`), as `place` writes it.
PART_SEPARATOR = " · "
# The least of the book title worth showing beside the chapter (less, and it is left out).
_TITLE_MIN = 6
# A book title this short is never cut: a few letters of it say less than none.
_TITLE_SHORT = 12
# The least of a chapter's title worth showing beside the book's (less, and the book's goes).
_PLACE_MIN = 16


def _says_the_same(place: str, title: str) -> bool:
    """True when the place names nothing the title does not (a book without headings is
    one chapter named after the book or its file): its words are the title's, or most of them
    in a row. A chapter named by a word the title holds (`I` in The Time Machine) says more."""
    place_words, title_words = _words(place), _words(title)
    if not place_words or "".join(place_words) == "".join(title_words):
        return True
    size = len(place_words)
    in_a_row = any(
        title_words[at : at + size] == place_words for at in range(len(title_words) - size + 1)
    )
    return in_a_row and 2 * len("".join(place_words)) >= len("".join(title_words))


def _words(text: str) -> list[str]:
    """The words of ``text``, folded: its runs of letters and digits."""
    return re.findall(r"[^\W_]+", text.casefold())


def status_layout(
    title: str, progress: Progress | None, width: int, fair: int = 0
) -> tuple[str, str, str]:
    """What fits in a status line ``width`` cells wide: ``(title, place, right)``.

    The place (the chapter) is shown only where it adds to the book title. When space is
    short, the titles are cut with an ellipsis before the scene, the percentage and the time
    left give way: a long chapter title first (to no less than `_PLACE_MIN` cells), then a
    long book title (to its start, up to a third of the room). Only when the titles so cut do
    not fit either does the time left go, the book's before the chapter's. A short book title
    (`Dracula`) is never cut: whole, or on a very narrow line left out, where the scene goes
    before the last of the book title, then the title goes. The chapter, which says where one
    is, is kept as long as anything of it fits.

    ``fair``: where something else shares the line (a search's count), the times, then the
    scene, give way for the titles to be whole, or else to keep at least ``fair`` cells:
    beside `match 4/6` the chapter's name stays readable, with `47%` alone if need be.
    """
    if progress is None:
        return fit(title, width), "", ""
    place = "" if _says_the_same(progress.place, title) else progress.place
    timed, chapter_time, untimed, percent = [" · ".join(parts) for parts in _variants(progress)]

    def room(right: str) -> int:
        return max(0, width - measure(right) - 2)

    whole = measure(title) + (3 + measure(place) if place else 0)
    least = min(_PLACE_MIN, measure(place)) if place else min(measure(title), 2 * _TITLE_MIN)
    if progress.top_tells and PART_SEPARATOR in place:
        # A chapter in parts keeps every level, shortened (`Vol. III · Bk 7 · Ch. III: B…`),
        # before the times give way: without its volume `BOOK SEVENTH` could be any of five.
        least = min(measure(place), max(least, measure(labels_of(short_place(place))) + 8))
    rights = [timed, chapter_time, untimed]
    if fair:
        for right in (*rights, percent):
            if whole <= room(right):
                return title, place, right
        share = min(whole, fair)
        rights = [right for right in rights if room(right) >= share] or (
            [percent] if room(percent) >= share else [untimed]
        )
    last = rights[-1]
    # The titles are cut before a time goes: the chapter's first, then a long book's, which
    # keeps up to a third of the room, and whatever the chapter's does not need.
    for right in rights:
        space = room(right)
        if whole <= space:
            return title, place, right
        if not place:  # alone the title is all there is to read
            if space >= least:
                return fit(title, space), "", right
            continue
        if measure(title) + 3 + least <= space:
            book = title
        else:
            book_room = max(space // 3, space - 3 - measure(place))
            if right != last:  # (the book's title as short as the chapter's least needs)
                book_room = min(book_room, space - 3 - least)
            book = _cut_title(title, book_room)
        place_room = space - measure(book) - 3 * bool(book)
        if (book or right == last) and place_room >= least:
            return book, _fit_place(place, place_room, progress.top_tells), right
    if not place:
        return fit(title, room(percent)), "", percent if room(percent) else fit(percent, width)
    # On a very narrow line the scene gives way before the last of the book's title goes.
    book = _cut_title(title, room(percent) - 3 - measure(place))
    if book:
        return book, place, percent
    for right in (untimed, percent):
        if room(right) >= min(measure(place), _TITLE_MIN):
            return "", _fit_place(place, room(right), progress.top_tells), right
    return "", "", fit(percent, width)


def _fit_place(place: str, room: int, keep_top: bool = False) -> str:
    """The chapter's name in ``room`` cells. In a book in parts (`PART I · Book II · Chapter
    VII: A Young Man…`) the parts give way, the outermost first, while the chapter's own label
    (`Chapter VII`) would be cut: `PART I · Book II · Cha…` named neither the chapter nor its
    title, and `Book II · Chapter V…` another chapter."""
    parts = place.split(PART_SEPARATOR)
    if keep_top and len(parts) > 1 and measure(labels_of(place)) + _TITLE_MIN + 2 > room:
        # The labels whole leave no room for the title: shortened, every level stays.
        short = short_place(place)
        if measure(labels_of(short)) + 2 <= room:
            return _fit_place(short, room)
    while len(parts) > 1 and measure(place) > room:
        label = parts[-1].split(": ", 1)[0]
        if measure(PART_SEPARATOR.join([*parts[:-1], label])) < room:
            break
        parts = parts[1:]
        place = PART_SEPARATOR.join(parts)
    shown = fit(place, room)
    # Nothing of the title after the label: `Book V · Chapter V…`, not `Chapter V: …`.
    if shown.endswith((": …", ":…")):
        shown = shown[:-1].rstrip(": ") + "…"
    return shown


def _cut_title(title: str, room: int) -> str:
    """The book's title in ``room`` cells beside the chapter: whole when it fits; a long one
    cut to its start (no less than `_TITLE_MIN`); a short one is never cut, but left out."""
    if measure(title) <= room:
        return title
    if measure(title) <= _TITLE_SHORT or room < _TITLE_MIN:
        return ""
    return fit(title, room)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis when it is too long."""
    if measure(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out = []
    used = 0
    for ch in text:
        cells = measure(ch)
        if used + cells > width - 1:
            break
        out.append(ch)
        used += cells
    return "".join(out) + "…"
