"""Verse and notes of EPUB and HTML books.

A stanza set one `<p>` a line keeps its lines together; note references read `[1]`, and notes
open with it.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.markup.convert import convert

PROSE = "<p>" + "The ferry had not run for three days, and the village talked of it. " * 4 + "</p>"


def _lines_run_on(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    """Each pair of paragraphs the page sets on rows one after another."""
    path = tmp_path / "ferry.html"
    path.write_text(f"<html><body><h1>Chapter 1</h1>{PROSE}{body}{PROSE}</body></html>")
    book = open_book(path)
    return [(book.paragraph(i), book.paragraph(i + 1)) for i in sorted(book.runs_on)]


def test_stanzas_set_one_paragraph_a_line_keep_their_lines(tmp_path: Path) -> None:
    body = (
        '<div class="poem"><div class="stanza"><p>How still the water lies,</p>'
        '<p class="i2">How low the lantern burns,</p></div>'
        '<div class="stanza"><p>And who will row it out</p><p>Before the tide returns?</p></div>'
        '<p class="attribution">—The Ferry Song</p></div>'
    )
    assert _lines_run_on(tmp_path, body) == [
        ("How still the water lies,", "How low the lantern burns,"),
        ("And who will row it out", "Before the tide returns?"),
    ]


def test_line_groups_keep_their_lines_and_drop_their_line_numbers(tmp_path: Path) -> None:
    # `div.linegroup` holds a stanza one `<div>` a line; a line named for a link to it
    # (`div#ln10`) is set as the others, and its number, floated into the margin, is no word
    # of the line.
    body = (
        '<div class="linegroup"><div>April is the cruellest month, breeding</div>'
        '<div id="ln10">And went on in sunlight, into the Hofgarten,<span class="lnum">10</span>'
        "</div><div>And drank coffee, and talked for an hour.</div></div>"
        '<div class="linegroup indent"><div>What are the roots that clutch</div>'
        '<div>Out of this stony rubbish?<a epub:type="noteref" href="#n1">*</a>'
        '<span class="lnum">20</span></div></div>'
    )
    assert _lines_run_on(tmp_path, body) == [
        ("April is the cruellest month, breeding", "And went on in sunlight, into the Hofgarten,"),
        (
            "And went on in sunlight, into the Hofgarten,",
            "And drank coffee, and talked for an hour.",
        ),
        ("What are the roots that clutch", "Out of this stony rubbish?[*]"),
    ]


def test_paragraphs_outside_verse_or_holding_their_own_lines_stay_apart(tmp_path: Path) -> None:
    body = (
        "<p>Short.</p><p>Lines.</p>"
        '<div class="verse"><p>One stanza<br/>of two lines</p><p>Another<br/>of two</p></div>'
    )
    assert _lines_run_on(tmp_path, body) == []


def _texts(markup: str) -> list[str]:
    return [block.text for block in convert(markup).blocks if block.text]


def _notes(markup: str) -> list[str]:
    return [block.text for block in convert(markup).blocks if block.note]


def test_references_in_each_form_read_as_a_number_in_brackets() -> None:
    markup = (
        '<p>An epub:type reference.<a epub:type="noteref" href="#n1">1</a></p>'
        '<p>A role reference.<a role="doc-noteref" href="#n2">2</a> More.</p>'
        '<p>A linked superscript<a href="#fn3"><sup>3</sup></a> and'
        ' a superscript inside the link<sup><a href="#fn4">4</a></sup>.</p>'
        "<p>A bare superscript after a full stop.<sup>5</sup></p>"
    )
    assert _texts(markup) == [
        "An epub:type reference.[1]",
        "A role reference.[2] More.",
        "A linked superscript[3] and a superscript inside the link[4].",
        "A bare superscript after a full stop.[5]",
    ]


def test_what_is_no_reference_is_left_as_it_is() -> None:
    markup = (
        "<p>The square of x is x<sup>2</sup>, and 10<sup>6</sup> is a million.</p>"
        '<p>Gutenberg brackets its own: a word.<a class="fnanchor" href="#f1">[1]</a></p>'
        '<p>See chapter <a href="#ch3">3</a> for the rest.</p>'
    )
    assert _texts(markup) == [
        "The square of x is x2, and 106 is a million.",
        "Gutenberg brackets its own: a word.[1]",
        "See chapter 3 for the rest.",
    ]


def test_a_note_opens_with_the_number_its_reference_shows() -> None:
    markup = (
        '<p>Text.<a epub:type="noteref" href="#note-a">*</a></p>'
        '<aside epub:type="footnote" id="note-a"><p>The note.</p><p>Its second paragraph.</p>'
        "</aside>"
        '<div role="doc-endnote" id="en7"><p>Numbered by its id.</p></div>'
        '<section role="doc-endnotes"><ol><li><p>First.</p></li><li><p>Second.</p></li></ol>'
        "</section>"
        '<div class="footnote" id="Footnote_9"><p>[9] Already numbered.</p></div>'
    )
    assert _notes(markup) == [
        "[*] The note.",
        "Its second paragraph.",
        "[7] Numbered by its id.",
        "[1] First.",
        "[2] Second.",
        "[9] Already numbered.",
    ]
    assert "Text.[*]" in _texts(markup)


def test_a_notes_way_back_to_its_reference_is_not_shown() -> None:
    markup = (
        '<section epub:type="endnotes"><ol><li id="note-1"><p>The note. '
        '<a href="ch.xhtml#noteref-1" epub:type="backlink">↩</a></p></li></ol></section>'
    )
    assert _notes(markup) == ["[1] The note."]
