"""Scene breaks in markup drawn by spacing alone, and spacing that is no break.

Plates with their captions, paragraphs holding only a printed page's number, runs of line breaks
between paragraphs, and paragraph classes whose style sheet gives them a blank line's top
margin.
"""

from __future__ import annotations

from pathlib import Path

from fixtures.epub_builders import opf, write_epub, xhtml
from shape_support import MORE, OTHER, PROSE, page, scene_firsts, written

from tui.book.formats import open_book
from tui.book.markup.style_sheets import spaced_classes


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_an_empty_paragraph_before_a_captioned_plate_is_layout(tmp_path: Path) -> None:
    plate = (
        '<p><a name="plate1" id="plate1"></a></p><div class="figcenter">'
        '<img src="images/plate1.jpg" alt="The harbour at dusk"/>'
        '<span class="caption">The harbour at dusk</span></div>'
    )
    path = written(tmp_path, "book.html", page(paras(PROSE, OTHER) + plate + paras(MORE, PROSE)))
    assert len(scene_firsts(path)[0]) == 1


def test_a_paragraph_holding_only_a_page_number_is_no_gap(tmp_path: Path) -> None:
    number = '<p><span class="pagenum"><a name="Page_12" id="Page_12">[Pg 12]</a></span></p>'
    path = written(
        tmp_path,
        "book.html",
        page(paras(PROSE, OTHER) + number + paras(MORE, PROSE) + "<hr/>" + paras(OTHER)),
    )
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


def test_a_converters_empty_page_anchor_is_no_gap(tmp_path: Path) -> None:
    # Project Gutenberg's converter keeps a printed page as an empty anchor in a span of its own
    # class; the paragraph holding only it spaces nothing.
    number = (
        '<p><span class="x-ebookmaker-pageno" title="[7]">'
        '<a id="Page_7" title="[7]"></a></span></p>'
    )
    path = written(
        tmp_path,
        "book.html",
        page(paras(PROSE, OTHER) + number + paras(MORE, PROSE) + "<hr/>" + paras(OTHER)),
    )
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


def test_a_picture_whose_alt_text_is_a_row_of_stars_is_a_break(tmp_path: Path) -> None:
    # A small square picture of stars is no flat strip, but its alt text says what it draws.
    stars = '<div class="figcenter"><img alt="*  *  *" src="images/tb.png"/></div>'
    path = written(tmp_path, "book.html", page(paras(PROSE, OTHER) + stars + paras(MORE, PROSE)))
    assert scene_firsts(path) == [[PROSE[:14], MORE[:14]]]


def test_line_breaks_between_paragraphs_leave_an_empty_line(tmp_path: Path) -> None:
    # Old HTML parting its scenes with `<BR><BR>` between paragraphs, and its chapters with
    # three; line breaks that lead into loose text are that text's own.
    scene = paras(PROSE, OTHER, MORE, PROSE)
    chapter = "<H3>Chapter {n}</H3>" + scene + "<BR><BR>" + scene.replace(PROSE, OTHER, 1)
    body = chapter.format(n=1) + "<BR><BR><BR>" + chapter.format(n=2)
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]] * 2
    loose = written(
        tmp_path, "loose.html", page(paras(PROSE, OTHER) + f"<span><br/>{MORE}<br/></span>")
    )
    assert len(scene_firsts(loose)[0]) == 1


def test_the_end_closes_the_book_before_a_transcribers_note(tmp_path: Path) -> None:
    body = (
        "<h3>Chapter 1</h3>"
        + paras(PROSE, OTHER)
        + "<h3>Chapter 2</h3>"
        + paras(MORE, PROSE)
        + '<BR><BR><P CLASS="finis">THE END</P><BR><BR><BR>'
        + paras("Notes:", "1. The spelling of the original edition has been kept throughout.")
    )
    book = open_book(written(tmp_path, "book.html", page(body)))
    assert [len(c.scenes) for c in book.chapters] == [1, 1]
    assert book.end_matter


STYLE = """p { margin-top: 0.25em; margin-bottom: 0.25em }
.p2 { margin-top: 2em }
p.right { text-align: right; margin-top: 1em; margin-bottom: 1em }
p.letter { margin: 1em 10% }"""


def _spaced_epub(tmp_path: Path, body: str) -> Path:
    files: dict[str, str | bytes] = {
        "stylesheet.css": STYLE,
        "ch1.xhtml": xhtml("Chapter 1", "<h1>Chapter 1</h1>\n" + body),
        "content.opf": opf(
            [
                ("c1", "ch1.xhtml", "application/xhtml+xml"),
                ("css", "stylesheet.css", "text/css"),
            ],
            ["c1"],
            "<dc:title>Spaced</dc:title>",
            toc_id=None,
        ),
    }
    return write_epub(tmp_path / "spaced.epub", files)


def test_one_empty_line_after_a_preformatted_inset_is_its_spacing(tmp_path: Path) -> None:
    # A cipher set out as typed in a `<pre>`, then one `<BR>` before the talk goes on: the
    # line sets the inset apart, as it does after a letter; the scene goes on.
    cipher = "<PRE>\n   534 C2    13 127 36\n\n   DOUGLAS 109 293\n</PRE>"
    scene = paras(PROSE, OTHER, MORE, PROSE) + cipher + "<BR>" + paras(MORE, PROSE, OTHER, MORE)
    path = written(tmp_path, "book.html", page("<H3>Chapter 1</H3>" + scene))
    assert len(scene_firsts(path)[0]) == 1


def test_a_line_between_a_poems_stanzas_is_no_break_and_a_row_of_dots_is(
    tmp_path: Path,
) -> None:
    # A poem sung in a chapter, its stanzas parted by `_________` set among the verse: the
    # poem goes on. Later a row of dots drawn across the page between paragraphs of prose
    # parts two scenes, as a rule would.
    stanza = '<div class="stanza"><div class="verse">{}</div><div class="verse">{}</div></div>'
    poem = (
        '<div class="poem">'
        + stanza.format("The lamp is lit above the bay,", "The boats come home at end of day;")
        + '<div class="verseind2">_________</div>'
        + stanza.format("The keeper writes the hour down,", "And sleeps above the sleeping town.")
        + "</div>"
    )
    body = (
        "<h3>Chapter 1</h3>"
        + paras(PROSE, OTHER)
        + poem
        + paras(MORE, PROSE, OTHER)
        + "<p>"
        + "." * 68
        + "</p>"
        + paras(MORE, PROSE, OTHER)
    )
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14], MORE[:14]]]


def test_the_end_closes_the_book_before_the_publishers_ruled_advertisements(
    tmp_path: Path,
) -> None:
    # After the last chapter's `THE END`, a publisher's pages of advertisements drawn with
    # rules, then a rule and `Transcriber's Notes:`: the story ended at `THE END`, and the
    # rules between the advertisements part no scenes.
    adverts = (
        "<hr/>"
        + paras("There Are Two Sides to Everything", OTHER)
        + "<hr/>"
        + paras("THE NOVELS OF A LADY WRITER", MORE)
        + "<hr/>"
        + paras("Transcriber’s Notes:", "Spelling has been kept as printed.")
    )
    body = (
        "<h3>Chapter 1</h3>"
        + paras(PROSE, OTHER)
        + "<h3>Chapter 2</h3>"
        + paras(MORE, PROSE, "THE END")
        + adverts
    )
    book = open_book(written(tmp_path, "book.html", page(body)))
    assert [len(c.scenes) for c in book.chapters] == [1, 1]
    assert book.end_matter


def test_a_class_spaced_a_blank_line_above_opens_a_scene(tmp_path: Path) -> None:
    # The style sheet gives `p.p2` a top margin and nothing else: a break with no glyph.
    body = paras(PROSE, OTHER, MORE) + f'<p class="p2">{OTHER}</p>' + paras(PROSE, MORE)
    assert scene_firsts(_spaced_epub(tmp_path, body)) == [[PROSE[:14], OTHER[:14]]]
    # After a letter's signature the same margin returns to the narration: no break.
    signed = (
        paras(PROSE, OTHER)
        + '<p class="letter">Come at once if convenient; if inconvenient, come all the same.</p>'
        + '<p class="right">S. H.</p>'
        + f'<p class="p2">{MORE}</p>'
        + paras(PROSE, OTHER)
    )
    assert len(scene_firsts(_spaced_epub(tmp_path, signed))[0]) == 1


def test_a_spaced_class_in_a_pages_own_style_element(tmp_path: Path) -> None:
    document = (
        f"<html><head><title>Story</title><style>{STYLE}</style></head><body>"
        + "<h2>Chapter 1</h2>"
        + paras(PROSE, OTHER, MORE)
        + f'<p class="p2">{OTHER}</p>'
        + paras(PROSE, MORE)
        + "</body></html>"
    )
    path = written(tmp_path, "story.html", document)
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


def test_only_a_top_margin_of_a_blank_line_is_a_scene_margin() -> None:
    css = (
        ".a { margin: 2em 0 0 0 } .b { margin: 2em 10% } .c { margin-top: 2em; "
        "margin-bottom: 2em } .d { margin-top: 30px; text-indent: 0 } .e { margin-top: 2em; "
        "text-align: center } .f { margin-top: 1em } h2.g { margin-top: 3em }"
    )
    assert spaced_classes(css) == {"a", "d"}


def test_spaced_sections_of_one_paragraph_each_are_scenes(tmp_path: Path) -> None:
    # Two sections in a row, each one paragraph spaced by the class, the second closing the
    # chapter: each is a scene (a short coda is no inset: the class spaces openings only).
    body = (
        paras(PROSE, OTHER, MORE)
        + f'<p class="p2">{OTHER}</p>'
        + f'<p class="p2">{MORE}</p>'
        + paras(PROSE, OTHER)
        + f'<p class="p2">{PROSE}</p>'
    )
    firsts = [PROSE[:14], OTHER[:14], MORE[:14], PROSE[:14]]
    assert scene_firsts(_spaced_epub(tmp_path, body)) == [firsts]


def test_a_row_of_stars_inside_a_quoted_hymn_leaves_lines_out(tmp_path: Path) -> None:
    # `*  *  *  *` between two lines of one <pre> (or of one poem's paragraph): lines left
    # out of the quotation. A row of stars between paragraphs of prose still parts scenes.
    hymn = "<pre>\n     “Recordare Jesu pie—\n     *  *  *  *\n     Ne me perdas—illa die.”\n</pre>"
    poem = '<p class="poem">From birth till death enslaved!<br/>******<br/>Hereditary bondsmen!</p>'
    body = (
        "<h3>Chapter 1</h3>"
        + paras(PROSE, OTHER)
        + hymn
        + paras(MORE, PROSE)
        + poem
        + paras(OTHER, MORE)
        + "<p>*****</p>"
        + paras(OTHER, PROSE)
    )
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


def test_a_centred_empty_paragraph_in_a_book_of_centred_ornaments_is_a_break(
    tmp_path: Path,
) -> None:
    # Six scenes parted by a centred `#`, the author's break, and in the last chapter two more
    # by a centred paragraph holding only a no-break space: the same break line with no glyph
    # in it. An empty paragraph left uncentred among the prose is a beat, no break.
    hashed = '<p align="center">#</p>'.join(paras(PROSE, OTHER) for _ in range(4))
    blank = '<p align="center">\u00a0</p>'
    last = paras(PROSE, OTHER) + blank + paras(MORE, PROSE) + "<p>\u00a0</p>"
    last += paras(OTHER, PROSE) + blank + paras(MORE, PROSE, OTHER)
    body = f"<h2>One</h2>{hashed}<h2>Two</h2>{hashed}<h2>Three</h2>{last}"
    path = written(tmp_path, "book.html", page(body))
    firsts = scene_firsts(path)
    assert firsts[:2] == [[PROSE[:14]] * 4, [PROSE[:14]] * 4]
    assert firsts[2] == [PROSE[:14], MORE[:14], MORE[:14]]


def test_a_face_drawn_in_letters_and_used_again_and_again_is_the_books_ornament(
    tmp_path: Path,
) -> None:
    # A kaomoji cat drawn with letters of two scripts among marks parts four scenes; letters,
    # but never two in a row, so no word. Used once, such a face is only a face.
    cat = "<p>/\u1420 &gt; \u02d5 &lt;\u30de</p>"
    body = "<h2>One</h2>" + cat.join(paras(PROSE, OTHER, MORE) for _ in range(4))
    body += "<h2>Two</h2>" + paras(PROSE, OTHER) + "<p>(=^ω^=)</p>" + paras(MORE, PROSE)
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14]] * 4, [PROSE[:14]]]


def test_rules_around_a_plate_with_a_long_caption_in_its_frame_are_layout(
    tmp_path: Path,
) -> None:
    plate = (
        '<hr class="chap"/><div class="figcenter"><img src="images/illus4.jpg" alt=""/>'
        '<div class="caption"><p>The ship\'s crew embarked on a long expedition to the '
        "Flaming Sea.</p></div></div>"
        '<hr class="chap"/>'
    )
    body = paras(PROSE, OTHER) + plate + paras(MORE, PROSE) + "<hr/>" + paras(OTHER)
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


SCENE = paras(PROSE, OTHER, MORE) * 2  # long enough to stand as a scene of its own


def _listed(*items: str) -> str:
    """A list as DocBook writes it: each item's text in a paragraph of its own."""
    lines = "".join(f"<li><p>{t}</p></li>" for t in items)
    return f'<div class="itemizedlist"><ul>{lines}</ul></div>'


def test_empty_paragraphs_where_lists_end_or_begin_are_no_breaks(tmp_path: Path) -> None:
    # A converter that breaks a paragraph around its list leaves an empty one where the list
    # ends (or begins); every gap of the book stands there, so none parts scenes.
    after = SCENE + _listed("Bells", "Ropes") + "<p>\n\n</p>" + paras(MORE) + SCENE
    before = SCENE + "<p></p>" + _listed("Tide tables", "Charts") + paras(MORE) + SCENE
    body = f"<h2>One</h2>{after}<h2>Two</h2>{before}<h2>Three</h2>{after}"
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14]]] * 3


def test_an_empty_paragraph_between_prose_keeps_the_books_gaps_breaks(tmp_path: Path) -> None:
    after = SCENE + _listed("Bells", "Ropes") + "<p></p>" + paras(MORE) + SCENE
    gapped = SCENE + "<p></p>" + paras(MORE) + SCENE
    body = f"<h2>One</h2>{after}<h2>Two</h2>{gapped}<h2>Three</h2>{after}"
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path)[1] == [PROSE[:14], MORE[:14]]


def test_an_empty_paragraph_inside_a_list_is_no_break(tmp_path: Path) -> None:
    # (even in a book that parts its scenes with empty paragraphs)
    item = f"<li>{SCENE}<p></p>{SCENE}</li>"  # (an item long enough to hold scenes)
    items = f"<ul>{item}<p></p>{item}</ul>"
    listed = SCENE + items + SCENE * 2
    gapped = SCENE + "<p></p>" + paras(MORE) + SCENE
    body = f"<h2>One</h2>{listed}<h2>Two</h2>{gapped}"
    path = written(tmp_path, "book.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14]], [PROSE[:14], MORE[:14]]]
