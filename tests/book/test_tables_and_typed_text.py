"""Tables and text set as typed in EPUB and HTML books.

A table's row read as one line of its cells, set apart (in columns where the table fits the
page), a play's speaker before the speech, and a monospaced block's lines and spaces kept.
Markup written for these tests.
"""

from __future__ import annotations

from tui.book.markup.convert import TEXT, convert


def rows(markup: str) -> list[str]:
    return [b.text for b in convert(markup).blocks if b.kind == TEXT]


def test_a_tables_cells_in_paragraphs_are_one_row_not_a_paragraph_each() -> None:
    markup = (
        "<table><tr><td> </td><td><p>SEA</p></td><td><p>JAM</p></td></tr>"
        "<tr><td><p>Chicken</p></td><td>WEB</td><td>HARP<br/>OWL</td></tr></table>"
        "<p>The story goes on.</p>"
    )
    doc = convert(markup)
    texts = [b.text for b in doc.blocks if b.kind == TEXT]
    # (the empty corner cell keeps its column: the words stand under one another)
    assert texts == ["│ SEA │ JAM", "Chicken │ WEB │ HARP OWL", "The story goes on."]
    first, second = doc.blocks[0], doc.blocks[1]
    assert (first.typed, second.typed) == ((8,), (0,))
    assert first.runs_on and not second.runs_on


def test_a_table_too_wide_for_the_page_keeps_its_cells_apart_without_columns() -> None:
    speech = "A long cell of words that goes on well past the width of a page column. "
    markup = f"<table><tr><td>One</td><td>{speech}</td></tr><tr><td>Two</td><td>x</td></tr></table>"
    assert rows(markup) == [f"One │ {speech.strip()}", "Two │ x"]
    assert all(b.typed is None for b in convert(markup).blocks)


def test_a_play_set_in_a_table_names_its_speaker_before_the_speech_in_bold() -> None:
    markup = (
        '<table><tr><td></td><td><i epub:type="z3998:stage-direction">Lane enters.</i></td></tr>'
        '<tr><td epub:type="z3998:persona">Algernon</td><td>Did you <i>hear</i>?</td></tr>'
        "</table>"
    )
    doc = convert(markup)
    assert rows(markup) == ["Lane enters.", "Algernon: Did you hear?"]
    speech = doc.blocks[1]
    styled = [(speech.text[s:e], k) for s, e, k in speech.spans or []]
    assert styled == [("Algernon", "bold"), ("hear", "italic")]


def test_a_monospaced_block_keeps_its_lines_and_spaces() -> None:
    markup = (
        '<div class="pgmonospaced">     ;   “   26.<br/>   ‡ )   “   16.<br/>'
        "     *   “   13.<br/></div><p>Prose.</p>"
    )
    doc = convert(markup)
    typed = doc.blocks[0]
    assert typed.text == ";   “   26.\n‡ )   “   16.\n*   “   13."
    assert typed.typed == (5, 3, 5)
    assert [b.text for b in doc.blocks[1:]] == ["Prose."]


def test_a_class_that_only_begins_with_mono_is_no_typed_block() -> None:
    doc = convert('<div class="monologue">  She   spoke.<br/>Then left.</div>')
    assert [b.typed for b in doc.blocks] == [None, None]
