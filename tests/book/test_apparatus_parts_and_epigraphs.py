"""Pages a single HTML book sets around its chapters: apparatus, parts and epigraphs.

A section after the numbered chapters whose own headings count them again (a reader's
vocabulary, chapter by chapter) and a printer's errata are end matter; a heading with no text
of its own set right over named headings of the next level is a part's, its named headings the
chapters; and a row of dashes inside an epigraph leaves words out of the quotation, no scene
break.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import gutenberg_page, outline, story

from tui.book.formats import open_book
from tui.book.markup.apparatus import recounted_chapters
from tui.book.markup.para import Para
from tui.book.markup.segments import CHAPTER, END, Segment
from tui.book.model import ParaKind

HEADING, TEXT = ParaKind.HEADING, ParaKind.TEXT

NUMERALS = ["I", "II", "III", "IV", "V"]
TITLES = ["The Ferry", "The Bell", "The Tide", "The Ledger", "Home"]


def test_a_section_counting_the_chapters_again_closes_the_book() -> None:
    # Five numbered chapters, then a vocabulary whose headings count them again, each over
    # its list of words.
    paras: list[Para] = []
    segments: list[Segment] = []
    for roman, title in zip(NUMERALS, TITLES, strict=True):
        segments.append(Segment(len(paras), CHAPTER, "", f"{roman}. {title}", "one.html"))
        paras += [Para(f"{roman}. {title}", None, HEADING, None), Para("Prose.", None, TEXT, None)]
    segments.append(Segment(len(paras), CHAPTER, "", "WORDS AND PHRASES", "one.html"))
    paras.append(Para("WORDS AND PHRASES", None, HEADING, None))
    for roman in NUMERALS:
        paras += [Para(f"{roman}.", None, HEADING, None), Para("the ferry", None, TEXT, None)]
    recounted_chapters(segments, paras)
    assert [s.role for s in segments] == [CHAPTER] * 5 + [END]
    # (headings that count on past the chapters name something else: the section stays)
    segments[-1].role = CHAPTER
    paras.append(Para("VI.", None, HEADING, None))
    recounted_chapters(segments, paras)
    assert segments[-1].role == CHAPTER


def test_a_heading_over_named_headings_is_a_parts_and_errata_close_the_book(
    tmp_path: Path,
) -> None:
    body = (
        "<h2>THE FERRY</h2>"
        + story(1)
        + "<h2>THE LEDGER</h2><p class='center'>(a fragment)</p><h3>I.</h3>"
        + story(2)
        + "<h3>II.</h3>"
        + story(3)
        + "<h2>LETTERS</h2><h3>TO MARISOL.</h3>"
        + story(4)
        + "<h3>TO TOBIAS.</h3>"
        + story(5)
        + "<h2>THE TIDE</h2>"
        + story(6)
        + "<h2>ERRATA.</h2><table><tr><td>Page 6</td><td>for tied read tide</td></tr></table>"
    )
    book = open_book(gutenberg_page(tmp_path / "letters.html", body))
    titles = [title for title, _ in outline(book)]
    assert titles == ["THE FERRY", "THE LEDGER", "TO MARISOL.", "TO TOBIAS.", "THE TIDE"]
    assert "ERRATA" in book.text[book.starts[book.chapters[-1].end] :]


def test_a_row_of_dashes_inside_an_epigraph_is_no_break(tmp_path: Path) -> None:
    # Each chapter's second section opens on an epigraph that leaves words out of its verse.
    body = "".join(
        f"<h2>{title.upper()}</h2>" + story(n) + "<h3>II.</h3><div class='argument'>"
        "<span style='margin-left: 1em;'>Lord, how the wind blows over the water</span><br/>"
        "— — — — — — — — — — — —<br/>"
        "<span style='margin-left: 1em;'>and not a sail in sight.</span><br/>"
        "<p class='author'>OLD SONG.</p></div>" + story(n + 10, 6)
        for n, title in enumerate(TITLES[:3])
    )
    book = open_book(gutenberg_page(tmp_path / "epigraphs.html", body))
    assert [scenes for _, scenes in outline(book)] == [2, 2, 2]
