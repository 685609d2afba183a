"""The fandom of a story, however its site or downloader names it (AO3, FanFiction.net)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.book.rules.labels import fandoms_in_categories

FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"


@pytest.mark.parametrize(
    ("name", "fandoms"),
    [
        # FanFicFare's text download: `Category: Twilight`
        ("ffn_fanficfare_txt_pov_headers.txt.gz", ["Twilight"]),
        ("ffn_fanficfare_txt_blueberry_pie.txt.gz", ["Harry Potter"]),
        # another downloader's framed header: `\t\tCategory: Harry Potter`
        ("ffn_downloader_txt_download_and_body_headings.txt.gz", ["Harry Potter"]),
        # saved FanFiction.net pages: the crumbs above the story, of every layout
        ("ffn_page_2020s_layout.html.gz", ["Harry Potter"]),
        ("ffn_page_2018_dot_paragraph_breaks.html.gz", ["Death Note"]),
        ("ffn_page_html401_ch1.html.gz", ["Harry Potter"]),
        ("ffn_page_table_layout.html.gz", ["Harry Potter"]),
        ("ffn_page_2021_initials_ornament_notes.html.gz", ["Harry Potter", "Avengers"]),
        ("ffn_mobile_page_literal_newlines.html.gz", ["Harry Potter"]),
        # AO3 names its fandom `Fandom`, and its `Category` is the kind of relationship
        ("ao3_text_dump_unlabelled_chapter.txt.gz", ["Sandpaper (MY 2015)"]),
        ("ao3_download_html_2020_named_chapters.html.gz", ["Good Omens (TV)"]),
    ],
)
def test_the_fandom_is_read_from_the_header(name: str, fandoms: list[str]) -> None:
    assert open_book(FANFIC / name).meta.get("fandom") == fandoms


def test_ao3_categories_are_never_fandoms() -> None:
    assert fandoms_in_categories(["F/M", "Gen", "M/M", "Multi"]) == []
    assert fandoms_in_categories(["Harry Potter", "Other"]) == ["Harry Potter"]
    assert fandoms_in_categories("Twilight") == ["Twilight"]
