"""Scene breaks in markup drawn by spacing alone, and spacing that is no break: plates with
their captions, paragraphs holding only a printed page's number, runs of line breaks between
paragraphs, and paragraph classes whose style sheet gives them a blank line's top margin."""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, page, scene_firsts, written


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
