"""A story downloaded again after its author updated it.

A chapter added at the end, a stray line after the archive's closing notes. What the earlier
download showed must stay as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import epub_ao3 as ao3

from tui.book.formats import open_book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."


def test_a_chapter_added_without_the_title_line_leaves_the_title(tmp_path: Path) -> None:
    lines = []
    for number, name in enumerate(("The Quay", "The Lamp", "The Ledger"), 1):
        lines += [f"# Chapter {number}: {name}", "", "**The Keeper's Harbour**", ""]
        lines += [PROSE, "", OTHER, ""] * 4
    path = tmp_path / "keepers_harbour_ch1_3.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert open_book(path).title == "The Keeper's Harbour"
    # The author posts a fourth chapter, and it is set at the end without the title line.
    lines += ["# Chapter 4: The Update", "", PROSE, "", OTHER, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert (book.title, len(book.chapters)) == ("The Keeper's Harbour", 4)


def test_a_label_over_most_chapters_notes_is_no_title(tmp_path: Path) -> None:
    lines = []
    for number in (1, 2, 3):
        lines += [f"### Chapter {number}: Harbour Lights", "", "#### Chapter Summary", ""]
        lines += [PROSE, "", OTHER, ""] * 4
    lines += ["### Chapter 4: The Update", "", PROSE, "", OTHER, ""]
    path = tmp_path / "harbour_lights.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert open_book(path).title == "harbour lights"


@pytest.mark.parametrize(
    "trailing",
    ["<p>copy edit</p>", '<div class="signature"><p>— saltwaterpen, May 2023</p></div>'],
    ids=["stray paragraph", "signature"],
)
def test_what_trails_an_ao3_downloads_afterword_is_end_matter(
    tmp_path: Path, trailing: str
) -> None:
    path = ao3.ao3_html(tmp_path / "ledger.html")
    before = open_book(path)
    path.write_text(path.read_text().replace("</body>", f"{trailing}</body>"), encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ao3.AO3_CHAPTERS
    assert [s.kind for s in book.end_matter] == [s.kind for s in before.end_matter]
    assert book.end_matter[-1].kind == "afterword"
