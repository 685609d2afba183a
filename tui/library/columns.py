"""The library list's columns: which are shown, how wide, and the text of each cell.

The columns share the width by what they hold: a column empty for every book takes no room,
the title (with the file name that tells look-alikes apart) gets room first, and at narrow
widths the short columns take compact forms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rich.cells import cell_len, set_cell_size

from tui.book.look_alikes import cut_name, telling_width
from tui.library.catalog import format_ago, format_progress, format_words, status_text
from tui.library.records import STATUS_FINISHED, STATUS_NEW, BookRecord

GAP = 1  # cells between columns
SORT_MARK = 2  # the sort arrow and its space: `Title ▼`, `Words ▼`
SEPARATOR = " · "  # between a title and the file name that tells it apart
TITLE_LEAST = 5  # the cells a look-alike's title keeps beside its file name (`Alic…`)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    right: bool = False  # right-aligned (numbers)
    compact: bool = False  # the short form of its cells


_LABELS = {
    "title": "Title",
    "author": "Author",
    "fandom": "Fandom",
    "words": "Words",
    "chapters": "Ch",
    "progress": "Read",
    "last_read": "Last read",
    "status": "Status",
}
_COMPACT_LABELS = {**_LABELS, "last_read": "Last"}
_RIGHT = {"words", "chapters", "progress"}
_SHORT = ("words", "chapters", "progress", "last_read", "status")
# The short columns a narrow list drops, the first first (the sorted one is kept).
_DROPPED_FIRST = ("chapters", "words", "last_read", "status", "progress")
# What a terminal with every column needs, when the books are not known.
_TYPICAL = {
    "title": 60,
    "author": 20,
    "fandom": 22,
    "words": 5,
    "chapters": 4,
    "progress": 4,
    "last_read": 9,
    "status": 8,
}
_TYPICAL_COMPACT = {**_TYPICAL, "last_read": 4, "progress": 4}

TITLE_FIRST = 40  # the title's room before the short columns are made compact
TITLE_BEFORE_NAMES = 44  # the title's room before author and fandom grow past their least
TITLE_WITH_AUTHOR = 28  # the title's room before an author is shown beside it
TITLE_AT_LEAST = 8  # however narrow the list
TITLE_BY_AUTHOR = 20  # the same, when the list is sorted by author (who must be in view)
AUTHOR_AT_LEAST = 16
FANDOM_AT_LEAST = 12
NAMES_AT_MOST = 30  # author and fandom: past this, the room is the title's


# -- compact cells --------------------------------------------------------------------------


def short_ago(when: float, now: float) -> str:
    """`3h`, `1d`, `now`, `5mo`: `format_ago` without its `ago`."""
    text = format_ago(when, now)
    return {"just now": "now", "yesterday": "1d", "never": ""}.get(text, text.removesuffix(" ago"))


def reading_state(record: BookRecord) -> str:
    """The compact `Read` cell, progress and status in one: `new`, `42%`, `finished`, `+3ch`,
    `missing` (the status's own word, as `chapbook list` and the full columns say it)."""
    if record.missing:
        return "missing"
    if record.updated:
        return f"+{record.new_chapters}ch"
    if record.status == STATUS_NEW:
        return "new"
    if record.status == STATUS_FINISHED:
        return STATUS_FINISHED
    return format_progress(record)


def cell_text(record: BookRecord, key: str, now: float, compact: bool = False) -> str:
    """The text of one cell (for the title, without the file name of a look-alike)."""
    if key == "title":
        return record.display_title
    if key == "author":
        return record.author or ""
    if key == "fandom":
        return record.fandom
    if key == "words":
        return format_words(record.words) if record.words else ""
    if key == "chapters":
        return str(record.chapters) if record.chapters else ""
    if key == "progress":
        return reading_state(record) if compact else format_progress(record)
    if key == "last_read":
        if not record.last_read:
            return ""
        return short_ago(record.last_read, now) if compact else format_ago(record.last_read, now)
    if key == "status":
        return status_text(record)
    return ""


def title_cell(title: str, names: tuple[str, ...] | None, width: int) -> str:
    """The title, and for a look-alike its file name (``names``: its own, then the others'),
    in ``width`` cells: the part of the name that tells it apart always shows."""
    title = " ".join(title.split())
    if not names:
        return title
    name, others = " ".join(names[0].split()), [" ".join(n.split()) for n in names[1:]]
    whole = f"{title}{SEPARATOR}{name}"
    if cell_len(whole) <= width:
        return whole
    # The title whole when the name can have a third of the room; else a third for the name,
    # or more, to show all that tells it from the others, while the title keeps a few cells.
    telling = min(telling_width(name, others), width - len(SEPARATOR) - TITLE_LEAST)
    room = max(width - cell_len(title) - len(SEPARATOR), width // 3, telling, 1)
    shown = cut_name(name, others, min(room, width))
    title_room = width - cell_len(shown) - len(SEPARATOR)
    if title_room < 2:  # no room for a title beside it: the name alone
        return cut_name(name, others, width)
    if cell_len(title) > title_room:
        title = set_cell_size(title, title_room - 1).rstrip() + "…"
    return f"{title}{SEPARATOR}{shown}"


def fitted_cell(text: str, width: int, right: bool = False) -> str:
    """``text`` on one line in exactly ``width`` terminal cells, as the library list shows a
    cell (and `chapbook list` prints it): a wide (East Asian) character takes two; too wide,
    it is cut by cells with `…`, else padded, on the left in a column of numbers (``right``)."""
    text = " ".join(text.split())  # no tabs or newlines from metadata
    used = _width(text)
    if used > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    pad = " " * (width - used)
    return pad + text if right else text + pad


# -- widths ---------------------------------------------------------------------------------


@dataclass
class ColumnNeeds:
    """The widest cell of each column over a list of books, in full and compact form (0: the
    column is empty for every book)."""

    full: dict[str, int] = field(default_factory=dict)
    compact: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        records: Iterable[BookRecord],
        now: float,
        look_alikes: Mapping[str, tuple[str, ...]] | None = None,
    ) -> ColumnNeeds:
        look_alikes = look_alikes or {}
        full = dict.fromkeys(_LABELS, 0)
        title = author = fandom = words = chapters = state = status = 0
        most_words = most_under_100k = 0
        read = False
        # One pass, only what can make a column wider: a library can hold tens of thousands
        # of books, and the widths are measured again for each character typed in the filter.
        for record in records:
            shown = record.title or record.display_title
            names = look_alikes.get(record.path) if look_alikes else None
            if names:
                shown = f"{shown}{SEPARATOR}{names[0]}"
            width = len(shown) if shown.isascii() else _width(shown)
            if width > title:
                title = width
            if record.author:
                author = max(author, _width(record.author))
            if record.fandom:
                fandom = max(fandom, _width(record.fandom))
            n = record.words
            if n > most_words:
                most_words = n
            if most_under_100k < n < 100_000:
                most_under_100k = n
            if record.chapters > chapters:
                chapters = record.chapters
            if record.last_read > 0:
                read = True
            if record.missing or record.updated:  # the long states: `updated +3`, `missing`
                status = max(status, len(status_text(record)))
                state = max(state, len(reading_state(record)))
            else:  # `new`, `reading`, `finished`; compact: `new`, `42%`, `finished`
                status = max(status, len(record.status))
                state = max(state, len(STATUS_FINISHED) if record.status == STATUS_FINISHED else 4)
        if most_words:  # `99.9k` is wider than `100k`
            words = max(len(format_words(n)) for n in (most_words, most_under_100k) if n)
        full.update(title=title, author=author, fandom=fandom, words=words, status=status)
        full["chapters"] = len(str(chapters)) if chapters else 0
        full["progress"] = len("100%") if state else 0  # `–`, `42%`, `100%`
        # Every time a book was read (`yesterday`, `3h`) is as narrow as the heading.
        full["last_read"] = len(_LABELS["last_read"]) if read else 0
        compact = {**full, "progress": state}
        compact["last_read"] = len(_COMPACT_LABELS["last_read"]) if read else 0
        return cls(full, compact)


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(" ".join(text.split()))


def _short_columns(
    needs: ColumnNeeds, compact: bool, sort_key: str, drop: tuple[str, ...]
) -> list[Column]:
    widths = needs.compact if compact else needs.full
    labels = _COMPACT_LABELS if compact else _LABELS
    columns = []
    for key in _SHORT:
        if key in drop or not widths.get(key) or (compact and key == "status"):
            continue  # (compact: the status is in the `Read` cell)
        label = labels[key]
        width = max(widths[key], cell_len(label) + (SORT_MARK if key == sort_key else 0))
        columns.append(Column(key, label, width, right=key in _RIGHT, compact=compact))
    return columns


def _fits(
    width: int, needs: ColumnNeeds, sort_key: str, shape: tuple[bool, tuple[str, ...], int]
) -> bool:
    """Whether the short columns of ``shape`` leave the room it wants."""
    compact, drop, wanted = shape
    return _room(width, _short_columns(needs, compact, sort_key, drop)) - GAP >= wanted


def _room(width: int, columns: list[Column]) -> int:
    """Cells left for title, author and fandom (1: the left padding; each column's gap)."""
    return width - 1 - sum(c.width + GAP for c in columns)


def layout_columns(
    width: int, needs: ColumnNeeds | None = None, sort_key: str = ""
) -> list[Column]:
    """Columns for a terminal ``width`` cells wide, shaped by what the books hold."""
    if needs is None:
        needs = ColumnNeeds(dict(_TYPICAL), dict(_TYPICAL_COMPACT))
    title_need = max(needs.full.get("title", 0), cell_len(_LABELS["title"]) + SORT_MARK)
    author_need = min(needs.full.get("author", 0), NAMES_AT_MOST)
    by_author = sort_key == "author" and author_need > 0
    author_label = cell_len(_LABELS["author"]) + SORT_MARK  # `Author ▲`
    if by_author:
        author_need = max(author_need, author_label)
    fandom_need = min(needs.full.get("fandom", 0), NAMES_AT_MOST)
    author_least = min(author_need, AUTHOR_AT_LEAST)
    title_least = min(title_need, TITLE_BY_AUTHOR if by_author else TITLE_WITH_AUTHOR)
    # Full forms while the title keeps its room beside the author; then compact forms, then
    # without chapters, then without words (never the column the list is sorted by: the one
    # after is dropped instead).
    droppable = [key for key in _DROPPED_FIRST if key != sort_key]
    shapes: list[tuple[bool, tuple[str, ...], int]] = [
        (False, (), min(title_need, TITLE_FIRST) + (author_least + GAP if author_least else 0)),
        (True, (), min(title_need, 24)),
        (True, tuple(droppable[:1]), min(title_need, 20)),
        (True, tuple(droppable[:2]), 0),
    ]
    if by_author:
        # Sorted by author, the author stays in view beside the title (else the order looks
        # random): every short column but the sorted one goes before it does.
        shapes = [
            (compact, drop, max(wanted, title_least + author_least + GAP))
            for compact, drop, wanted in shapes
        ] + [
            (True, tuple(droppable[:n]), title_least + author_least + GAP)
            for n in range(3, len(droppable) + 1)
        ]
        fits = [shape for shape in shapes if _fits(width, needs, sort_key, shape)]
        if not fits:
            # The narrowest lists: the title and the author share the width, two to three.
            fits = [(True, tuple(droppable), 0)]
            room = width - 1 - 2 * GAP
            author_least = min(author_least, max(author_label, room * 2 // 5))
            title_least = room - author_least
            if title_least < TITLE_AT_LEAST:  # no room for both: the title alone
                return layout_columns(width, needs, "")
        shapes = fits[:1]
    for compact, drop, wanted in shapes:
        short = _short_columns(needs, compact, sort_key, drop)
        rest = _room(width, short) - GAP
        if rest >= wanted:
            break
    # Author and fandom only while the title keeps room beside them; the rest is the title's,
    # up to what it needs, then theirs, up to what they need.
    author = author_least if author_least and rest - author_least - GAP >= title_least else 0
    fandom_least = min(fandom_need, FANDOM_AT_LEAST)
    taken = author + GAP if author else 0
    fandom = 0
    # The fandom only beside the author (the more telling), once the title has its room.
    title_first = min(title_need, TITLE_BEFORE_NAMES)
    if (
        (author or not author_need)
        and fandom_least
        and rest - taken - fandom_least - GAP >= title_first
    ):
        fandom = fandom_least
    taken += fandom + GAP if fandom else 0
    title = min(title_need, max(TITLE_BEFORE_NAMES, title_least), rest - taken)
    spare = rest - taken - title
    if author and spare > 0:
        grow = min(spare, author_need - author)
        author, spare = author + grow, spare - grow
    if fandom and spare > 0:
        grow = min(spare, fandom_need - fandom)
        fandom, spare = fandom + grow, spare - grow
    # Then the title, up to what it needs; past that (a wide terminal), the names whole, not
    # cut beside a title column of blank cells.
    grow = min(spare, max(0, title_need - title))
    title, spare = title + grow, spare - grow
    for name in ("author", "fandom"):
        shown = author if name == "author" else fandom
        if shown and spare > 0:
            grow = min(spare, max(0, needs.full.get(name, 0) - shown))
            spare -= grow
            author, fandom = (
                (author + grow, fandom) if name == "author" else (author, fandom + grow)
            )
    title += spare  # then the title has the rest
    columns = [Column("title", _LABELS["title"], max(title, TITLE_AT_LEAST))]
    if author:
        columns.append(Column("author", _LABELS["author"], author))
    if fandom:
        columns.append(Column("fandom", _LABELS["fandom"], fandom))
    return columns + short
