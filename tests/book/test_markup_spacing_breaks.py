"""Scene breaks in markup drawn by spacing alone, and spacing that is no break: plates with
their captions, paragraphs holding only a printed page's number, runs of line breaks between
paragraphs, and paragraph classes whose style sheet gives them a blank line's top margin."""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, page, scene_firsts, written

from tui.book.formats import open_book


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
