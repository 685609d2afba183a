"""Numbered parts of one story in a collection: its scenes, titled as the book titles them."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind
from tui.reading.contents import contents_rows
from tui.reading.pager import LayoutOptions, Pager, Pos

TALES = [
    "THE FOX AND THE CAT", "THE SALAD", "THE GOLDEN KEY", "THE OLD MILL", "THE THREE BROTHERS",
    "THE LITTLE SHOEMAKER", "THE GOOSE GIRL", "THE WHITE SNAKE", "THE BLUE LIGHT",
    "THE WATER OF LIFE", "THE IRON STOVE", "THE STAR MONEY",
]  # fmt: skip
PARTS = ["HOW THEY MET IN THE WOOD", "HOW THEY PARTED AT THE RIVER", "HOW THE CAT CAME HOME"]


def _prose(tale: int, n: int) -> str:
    return (
        f"In the tale of the {TALES[tale].title()[4:]} the evening came on slowly, paragraph {n}, "
        "and the miller's daughter walked along the river until the lamps were lit in the town."
    )


def collection(tmp_path: Path) -> Book:
    """Twelve tales under a contents list; the first told in three numbered parts."""
    lines = ["TALES FROM THE MILL", "", "CONTENTS", "", *(f"     {t}" for t in TALES), "", ""]
    for t, title in enumerate(TALES):
        lines += ["", "", title, "", ""]
        parts = PARTS if t == 0 else [None]
        for k, part in enumerate(parts, 1):
            if part:
                lines += [f"{k}. {part}", ""]
            lines += [x for n in range(4) for x in (_prose(t, n), "")]
    path = tmp_path / "tales.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return open_book(path)


def test_the_parts_are_scenes_of_their_story_titled_as_the_book_titles_them(
    tmp_path: Path,
) -> None:
    book = collection(tmp_path)
    assert [c.title for c in book.chapters] == TALES
    scenes = book.chapters[0].scenes
    assert [s.title for s in scenes] == [f"{k}. {p}" for k, p in enumerate(PARTS, 1)]
    assert scenes[1].label() == "Ch 1 · Scene 2 — 2. HOW THEY PARTED AT THE RIVER"
    rows = [r.title for r in contents_rows(book) if r.matter is None][:4]
    assert rows[1:] == [f"Scene {k} — {k}. {p}" for k, p in enumerate(PARTS, 1)]


def test_the_break_is_drawn_above_a_part_title_not_between_it_and_its_text(
    tmp_path: Path,
) -> None:
    book = collection(tmp_path)
    second = book.chapters[0].scenes[1]
    title = second.start - 1
    assert book.kinds[title] == ParaKind.LABEL
    pager = Pager(book, LayoutOptions(column=60), height=40)
    rows = [row.text for row in pager.rows(Pos(title - 1), 12) if row.text.strip()]
    lamp = rows.index("⁂")
    assert rows[lamp + 1] == "2. HOW THEY PARTED AT THE RIVER"


def test_a_bare_numeral_is_no_title() -> None:
    # The Adventures of Sherlock Holmes numbers the parts of each story `I.`, `II.`, `III.`.
    real = Path(__file__).parents[1] / "fixtures" / "real" / "pg_sherlock_holmes.txt.gz"
    scenes = open_book(real).chapters[0].scenes
    assert len(scenes) == 3  # the numerals open scenes ...
    assert not any(s.title for s in scenes)  # ... and name none: names and words do
    assert scenes[1].label().startswith("Ch 1 · Scene 2 — Holmes")
