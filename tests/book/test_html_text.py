"""The XHTML/HTML converter: paragraphs, inline styles, breaks, images, tolerance."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.markup.convert import BREAK, GAP, HEADING, IMAGE, TEXT, convert
from tui.book.markup.tags import decode_markup


def blocks(markup: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in convert(markup).blocks]


def test_paragraphs_headings_and_entities() -> None:
    doc = convert(
        "<html><head><title>T &amp; U</title><style>p{}</style></head><body>"
        "<h2>Chapter&nbsp;3</h2><p>It&rsquo;s   late,\n  she said &hellip;</p></body></html>"
    )
    assert doc.title == "T & U"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADING, "Chapter\xa03"),
        (TEXT, "It’s late, she said …"),
    ]
    assert doc.blocks[0].level == 2


def test_nested_styles_become_spans() -> None:
    doc = convert('<p>a <i>b <b>c</b></i> <span class="italic">d</span> <em>e</em>f</p>')
    block = doc.blocks[0]
    styled = [(block.text[s:e], k) for s, e, k in block.spans or []]
    assert block.text == "a b c d ef"
    assert styled == [("b c", "italic"), ("c", "bold"), ("d", "italic"), ("e", "italic")]


def test_line_breaks_inside_and_outside_paragraphs() -> None:
    assert blocks("<p>one<br/>two<br/><br/>three</p><div>loose<br>lines</div>") == [
        (TEXT, "one\ntwo"),
        (TEXT, "three"),
        (TEXT, "loose"),
        (TEXT, "lines"),
    ]


def test_breaks_gaps_and_images() -> None:
    doc = convert(
        "<p>a</p><hr/><p>&nbsp;</p><p><img src='o.png' alt=''/></p>"
        "<p><img src='m.png' alt='The map'/></p><p>b <img src='x.gif' alt='image'/>c</p>"
        '<div class="scenebreak"/>'
    )
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        (TEXT, "a"),
        (BREAK, ""),
        (GAP, ""),
        (IMAGE, ""),
        (IMAGE, "[image: The map]"),
        (TEXT, "b c"),
        (GAP, ""),
    ]
    assert doc.blocks[3].images == [("o.png", "")]
    assert doc.blocks[-1].marks == "scenebreak"


def test_definition_lists_and_tables_read_as_label_lines() -> None:
    doc = convert(
        "<dl><dt>Rating:</dt><dd><a>Teen</a></dd><dt>Characters:</dt><dd>A, B</dd></dl>"
        "<table><tr><td><b>Words:</b></td><td>1,000</td></tr></table>"
    )
    assert [(b.text, b.label) for b in doc.blocks] == [
        ("Rating: Teen", "Rating"),
        ("Characters: A, B", "Characters"),
        ("Words: 1,000", ""),
    ]


def test_sloppy_markup_is_tolerated() -> None:
    doc = convert(
        "<body><p>open <i>italic<p>next paragraph</span></div><p>a <!-- unclosed comment <p>hidden"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (TEXT, "open italic"),
        (TEXT, "next paragraph"),
        (TEXT, "a"),
    ]
    assert doc.blocks[1].spans is None  # the <i> left open did not leak


def test_scripts_styles_and_ruby_readings_are_not_text() -> None:
    assert blocks(
        "<p>x<script>alert('<p>no</p>')</script>y</p><style>p{}</style>"
        "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字</p>"
    ) == [(TEXT, "xy"), (TEXT, "漢字")]


def test_control_characters_are_neutralised() -> None:
    text, _ = decode_markup(b"<p>\x1b[2Jboom &#x1b;[31m</p>")
    block = convert(text).blocks[0]
    assert "\x1b" not in block.text and block.text.endswith("[31m")


def test_ids_point_at_their_blocks() -> None:
    doc = convert('<h2 id="c1">One</h2><p>a</p><div id="c2"><h2>Two</h2></div><a name="x"></a>')
    assert doc.ids == {"c1": 0, "c2": 2, "x": 3}


def test_declared_and_fallback_encodings() -> None:
    latin = '<?xml version="1.0" encoding="iso-8859-1"?><p>café “q”</p>'.encode("cp1252")
    assert "café “q”" in decode_markup(latin)[0]
    text, notice = decode_markup("<p>naïve</p>".encode() + b"\xff")
    assert "naïve" in text and notice
    assert decode_markup("<p>bom</p>".encode("utf-16"))[0] == "<p>bom</p>"


def test_a_blockquote_holding_all_the_text_indents_nothing(tmp_path: Path) -> None:
    page = tmp_path / "post.html"
    prose = "".join(f"<p>The lamp burned low over the {n}th page of the log.</p>" for n in range(6))
    page.write_text(
        f"<html><body><blockquote class='post'>{prose}<blockquote><p>A letter quoted.</p>"
        f"</blockquote>{prose}</blockquote></body></html>",
        encoding="utf-8",
    )
    book = open_book(page)
    letter = next(i for i in range(len(book)) if book.paragraph(i) == "A letter quoted.")
    assert book.insets == {letter: 1}


def test_a_title_escaped_twice_reads_its_entity_once() -> None:
    # AO3 escapes its chapter titles twice (`&amp;amp;`): decoded once, the title would still
    # show `&amp;`. The prose keeps what it plainly writes (`&amp;` quoted in a story).
    doc = convert(
        "<html><head><title>Shows &amp;amp; Skirts</title></head><body>"
        "<h2>Chapter 2: Magic Shows &amp;amp; Miniskirts</h2>"
        "<h3>Less &amp;lt;3 &amp; more</h3>"
        "<p>She typed &amp;amp; into the page.</p></body></html>"
    )
    assert doc.title == "Shows & Skirts"
    assert [b.text for b in doc.blocks] == [
        "Chapter 2: Magic Shows & Miniskirts",
        "Less <3 & more",
        "She typed &amp; into the page.",
    ]


def test_a_real_ao3_download_shows_its_chapter_titles_with_ampersands() -> None:
    fanfic = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    name = "ao3_download_html_2025_xxx_breaks_caps_pov_names_episode_sections.html.gz"
    book = open_book(str(fanfic / name))
    titles = [chapter.title for chapter in book.chapters]
    assert titles[1] == "Chapter 2: Magic Shows & Miniskirts"
    assert titles[15] == "Chapter 16: A Trial of both Body & Spirit"
    assert not any("&amp;" in title for title in titles)


def test_a_pictures_alt_text_said_again_by_its_caption_shows_once() -> None:
    said_again = blocks(
        "<p><img src='p.png' alt='The Psammead'/><br/><i>The Psammead</i></p>"
        "<p><img src='g.png' alt='A garden'/> That first rush round the garden</p>"
    )
    assert [text for _, text in said_again] == [
        "[image] The Psammead",
        "[image: A garden] That first rush round the garden",  # other words: both kept
    ]
    assert blocks("<p><img src='p.png' alt='The Psammead'/> The Psammead.</p>") == [
        (TEXT, "[image] The Psammead.")
    ]
