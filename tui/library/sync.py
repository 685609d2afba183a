"""Keeping the index true to the files: new, changed, updated (+N chapters), missing, moved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.library.records import BookRecord
from tui.library.scan import FileFacts, Progress, read_facts, scan_files, stat_key, walk_books

if TYPE_CHECKING:
    from tui.library.library import Library

# Fields copied from a parse into the record.
_META = ("title", "author", "fandom", "tags", "words", "chapters", "length", "finish", "error")


def apply_facts(library: Library, facts: FileFacts) -> BookRecord | None:
    """Update (or create) the record of the file a scan looked at. Hold ``library.lock``."""
    now = library.clock()
    record = library.find_by_path(facts.path)
    if facts.gone:
        if record is not None and not record.missing:
            record.missing, record.changed = True, now
        return record
    if record is None and facts.hash:
        record = library.missing_by_hash(facts.hash)
        if record is not None:
            library.relink(record, facts.path)
    if record is None:
        if not facts.parsed or facts.error:  # a file that is not a book is not added
            return None
        record = library.new_record(facts.path)
    record.missing = False
    content_changed = bool(record.hash) and record.hash != facts.hash
    record.size, record.mtime, record.hash = facts.size, facts.mtime, facts.hash
    if facts.parsed:
        if content_changed and record.read_chapters >= 0 and not facts.error:
            _detect_update(library, record, facts)
        for name in _META:
            setattr(record, name, getattr(facts, name))
    record.changed = now
    library.note_hash(record)
    return record


def first_new_chapter(titles: list[str], read_titles: list[str], read_count: int) -> int:
    """Index of the first chapter added since the book was read.

    By count, corrected by titles when they are known: a chapter inserted earlier (an author's
    note posted as a chapter) or one taken down shifts where the new ones start.
    """
    first = min(max(read_count, 0), len(titles) - 1)
    if not read_titles or first < 0:
        return max(first, 0)
    old = set(read_titles)
    while first < len(titles) - 1 and titles[first] in old:
        first += 1
    while first > 0 and titles[first - 1] not in old:
        first -= 1
    return first


def _detect_update(library: Library, record: BookRecord, facts: FileFacts) -> None:
    details = library.details(record.id)
    details.pending_titles = list(facts.chapter_titles)
    library.touch_details(record.id)
    if facts.chapters <= record.read_chapters or not facts.chapter_offsets:
        record.new_chapters, record.new_title, record.new_offset = 0, "", -1
        return
    first = first_new_chapter(facts.chapter_titles, details.read_titles, record.read_chapters)
    record.new_chapters = facts.chapters - record.read_chapters
    record.new_title = facts.chapter_titles[first]
    record.new_offset = facts.chapter_offsets[first]


def catch_up(library: Library, record: BookRecord) -> None:
    """The reader has reached the new chapters (or opened the book for the first time)."""
    details = library.details(record.id)
    if details.pending_titles:
        details.read_titles, details.pending_titles = details.pending_titles, []
        details.titles_at = library.clock()
        library.touch_details(record.id)
    record.read_chapters = record.chapters
    record.new_chapters, record.new_title, record.new_offset = 0, "", -1
    record.changed = library.clock()


def opened(library: Library, record: BookRecord, facts: FileFacts) -> None:
    """The reader opened the book with a fresh parse: remember its chapters as read."""
    details = library.details(record.id)
    if record.updated:
        details.pending_titles = list(facts.chapter_titles)
    else:
        details.read_titles, details.titles_at = list(facts.chapter_titles), library.clock()
        if record.read_chapters != record.chapters:
            record.read_chapters, record.changed = record.chapters, library.clock()
    library.touch_details(record.id)


def check_files(
    library: Library,
    progress: Progress | None = None,
    *,
    add_new: bool = False,
    workers: int | None = None,
) -> int:
    """Compare every book with its file; with ``add_new`` also add new files in the folders.

    Missing files are looked for in the library folders by size, then content hash. Returns
    how many books changed. Runs in a worker: each change takes the library lock briefly.
    """
    changes = 0
    missing: list[BookRecord] = []
    changed: list[str] = []
    for record in library.records():
        st = stat_key(record.path)
        if st is None:
            if not record.missing:
                library.mark_missing(record.id)
                changes += 1
            missing.append(record)
        elif record.missing or st != (record.size, record.mtime):
            changed.append(record.path)
    unknown: list[str] = []
    if add_new or missing:
        for folder in list(library.folders):
            for path in walk_books(Path(folder)):
                if library.find_by_path(path) is None:
                    unknown.append(str(path))
    if missing and not add_new:
        # Only files of a missing book's size can be that book: hash just those.
        sizes = {r.size for r in missing}
        for path in unknown:
            st = stat_key(path)
            if st is not None and st[0] in sizes:
                facts = read_facts(path, parse=False)
                with library.lock:
                    if library.missing_by_hash(facts.hash) is not None:
                        library.apply(facts)
                        changes += 1
    changes += _fold_duplicates(library, missing)
    todo = changed + (unknown if add_new else [])
    for facts in scan_files(todo, progress, workers):
        with library.lock:
            if library.apply(facts) is not None:
                changes += 1
    return changes


def _fold_duplicates(library: Library, missing: list[BookRecord]) -> int:
    """A missing book whose file was added again at its new path (as a fresh, unread row)
    takes over that path; the fresh row goes. The place, bookmarks and statistics stay."""
    folded = 0
    for record in missing:
        if not record.missing or not record.hash:
            continue
        with library.lock:
            twin = next(
                (
                    r
                    for r in library.records()
                    if r.hash == record.hash
                    and r.id != record.id
                    and not r.missing
                    and r.offset < 0
                    and not library.details(r.id).bookmarks
                ),
                None,
            )
            if twin is None:
                continue
            library.remove(twin.id)
            library.relink(record, twin.path)
            record.size, record.mtime, record.changed = twin.size, twin.mtime, library.clock()
            library.mark_dirty(record)
            folded += 1
    return folded
