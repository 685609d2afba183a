"""Helpers for the library tests: synthetic story files and libraries with known metadata."""

from __future__ import annotations

from pathlib import Path

from tui.book.anchor import Anchor
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.library.scan import FileFacts, read_facts

# A fixed "now" (2025-03-01 12:00 UTC) so "last read 3h ago" never depends on the clock.
NOW = 1_740_830_400.0
HOUR = 3600.0
DAY = 86400.0

FANDOMS = ["Original Work", "The Lantern Saga", "Harbour Lights", "Skyward Academy"]
TAGS = ["Angst", "Fluff", "Slow Burn", "Found Family", "Hurt/Comfort", "Time Travel"]
WORDS = [
    "lamp",
    "tide",
    "harbour",
    "letter",
    "storm",
    "ferry",
    "window",
    "kettle",
    "rope",
    "chart",
    "map",
    "door",
]


def story_text(title: str, author: str, chapters: int, words: int = 120) -> str:
    """An AO3-style story file with ``chapters`` chapters of plain prose."""
    lines = [title, f"by {author}", "", "Fandom: Original Work", "", "Summary", "", "A story.", ""]
    for n in range(1, chapters + 1):
        lines += [f"Chapter {n}: Part {n}", ""]
        body = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(words))
        lines += [body.capitalize() + ".", "", f"The end of part {n}.", ""]
    return "\n".join(lines)


def write_story(folder: Path, name: str, title: str, chapters: int = 3, **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(story_text(title, kw.get("author", "A. Writer"), chapters), encoding="utf-8")
    return path


def facts_for(
    path: Path,
    title: str,
    *,
    author: str | None = "A. Writer",
    fandom: str = "",
    tags: str = "",
    chapters: int = 3,
    words: int = 3000,
) -> FileFacts:
    """What a scan would learn, with metadata fixed by the test (no parser involved)."""
    facts = read_facts(str(path.resolve()), parse=False)
    facts.parsed = True
    facts.title, facts.author, facts.fandom, facts.tags = title, author, fandom, tags
    facts.words, facts.chapters = words, chapters
    facts.length = words * 6
    facts.finish = facts.length - 200
    facts.chapter_titles = [f"Chapter {n}" for n in range(1, chapters + 1)]
    facts.chapter_offsets = [i * facts.length // chapters for i in range(chapters)]
    return facts


def add_known(library: Library, path: Path, title: str, **kw) -> BookRecord:
    """Add a file to the library with the given metadata, as if a scan had read it."""
    with library.lock:
        record = library.apply(facts_for(path, title, **kw))
    assert record is not None
    return record


def read_to(library: Library, record: BookRecord, fraction: float, when: float) -> None:
    """Pretend the reader saved a position at ``fraction`` of the book at time ``when`` (at
    0, where it opened the book: only opened, not moved)."""
    offset = int(record.length * fraction)
    library.set_position(record.id, Anchor(offset, "fp", when), moved=fraction > 0)


def fixed_library(data_dir: Path | None = None) -> Library:
    """An empty library (no sample story) whose clock is frozen at NOW."""
    library = Library.open(data_dir, sample=False, clock=lambda: NOW)
    return library


def populate(library: Library, folder: Path, count: int) -> list[BookRecord]:
    """``count`` books with varied, deterministic metadata and reading states."""
    records = []
    for i in range(count):
        path = write_story(folder, f"story-{i:03d}.txt", f"Story {i}", chapters=1 + i % 5)
        title = f"{WORDS[i % len(WORDS)].capitalize()} and {WORDS[(i * 7) % len(WORDS)]} {i}"
        record = add_known(
            library,
            path,
            title,
            author=f"Writer {i % 9}",
            fandom=FANDOMS[i % len(FANDOMS)],
            tags=", ".join(TAGS[(i + k) % len(TAGS)] for k in range(2)),
            chapters=1 + i % 5,
            words=800 + 1370 * i,
        )
        record.added = NOW - (count - i) * DAY
        if i % 3 == 1:
            read_to(library, record, (i % 10) / 10, NOW - i * 5 * HOUR)
        elif i % 3 == 2 and i % 2:
            read_to(library, record, 0.999, NOW - i * DAY)
        records.append(record)
    return records
