"""Helpers for the text engine tests: a scene of prose, outlines as lines, scene-break F1."""

from __future__ import annotations

import gzip
import textwrap
from pathlib import Path

from tui.book.model import Book, ParaKind

# Four paragraphs of one scene, written for these tests.
SCENE = (
    "Mara walked to the harbour in the grey light, counting the boats as she always did.\n\n"
    "The fishermen nodded to her but did not speak; it was that kind of morning.\n\n"
    "She found the letter under a stone on the third bollard, exactly where he had said.\n\n"
    "Nobody watched her read it, or if they did, they were better at hiding than she was."
)
# The scene breaks found must agree this well with a careful reader's (F1 score).
MIN_F1 = 0.95


def headings(book: Book) -> list[tuple[str, int | None]]:
    """(title, source line of the heading) for every chapter; None for a chapter without one."""
    return [(c.title, book.line_of(c.heading) if c.heading is not None else None)
            for c in book.chapters]  # fmt: skip


def scene_lines(book: Book) -> list[list[int]]:
    """The source line where each scene starts, chapter by chapter."""
    return [[book.line_of(s.start) for s in c.scenes] for c in book.chapters]


def kinds_of(book: Book, kind: ParaKind) -> list[str]:
    """The text of every paragraph of one kind."""
    return [book.paragraph(i) for i in range(len(book)) if book.kinds[i] == kind]


def outline_scene_lines(chapters: list[dict]) -> list[list[int]]:
    """Scene start lines from outline JSON chapters (a scene is a line or ``{"line": ...}``)."""
    return [[s["line"] if isinstance(s, dict) else s for s in c["scenes"]] for c in chapters]


def outline_breaks(chapters: list[dict]) -> set[int]:
    """Scene starts other than each chapter's first, from outline JSON chapters."""
    return {line for lines in outline_scene_lines(chapters) for line in lines[1:]}


def assert_break_f1(got: list[dict], expected: list[dict]) -> None:
    """The scene breaks of ``got`` chapters match ``expected`` ones with an F1 of MIN_F1."""
    found, want = outline_breaks(got), outline_breaks(expected)
    tp = len(found & want)
    f1 = 1.0 if not found and not want else 2 * tp / (len(found) + len(want))
    assert f1 >= MIN_F1, f"scene-break F1 {f1:.3f}: extra {found - want}, missed {want - found}"


# A hard-wrapped paragraph of prose, numbered, for plain texts written for the tests.
PROSE = (
    "The lamps along the quay were lit one by one as the tide went out, and the men who "
    "mended nets on the steps folded their work away and went up into the town without a "
    "word to one another, for the evening had turned cold and the wind was rising."
)


def story(paragraphs: int) -> str:
    """``paragraphs`` paragraphs of prose, wrapped at 70 columns as old etexts are."""
    return "\n\n".join("\n".join(textwrap.wrap(f"{PROSE} ({k})", 70)) for k in range(paragraphs))


FANFIC = Path(__file__).resolve().parent / "fixtures" / "fanfic"


def blueberry(folder: Path) -> tuple[Path, bytes]:
    """A FanFicFare download of eight chapters, as a plain `.txt` file in ``folder``, and its
    bytes."""
    path = folder / "blueberry.txt"
    whole = gzip.decompress((FANFIC / "ffn_fanficfare_txt_blueberry_pie.txt.gz").read_bytes())
    path.write_bytes(whole)
    return path, whole
