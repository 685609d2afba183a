"""Shapes of an eighteenth gathering: AO3 one-shots made into text, one told in e-mails whose
header lines are set apart by wide gaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from shape_support import MORE, OTHER, PROSE, written

from tui.book.formats import open_book

STYLE = "p.message{text-align:center}.meta h1{font-size:1.5em;text-align:center}.meta dl{x:y}"


SEE_END = "          See the end of the work for more notes"


def _ao3_one_shot(story: list[str], *, series: bool = False, see_end: str = SEE_END) -> str:
    """An AO3 download of a one-shot made into text: the page's title and style sheet, the
    preface with its tags, then the work's title again over the story."""
    lines = ["", "", "", "", "Harbour Lights - someone - Fandom", STYLE, "", "", "", "Preface"]
    lines += ["", "Harbour Lights"]
    lines += ["    Posted originally on the Archive of Our Own at http://example.org/works/1."]
    lines += ["  ", "", "", "Rating:", "General Audiences", "Fandom:", "Some Fandom"]
    if series:
        lines += ["Series:", "Part 3 of", "Harbour Tales"]
    lines += ["Stats:", "", "        Published: 2016-06-11", "        Words: 900", "      ", ""]
    lines += ["Harbour Lights", "by someone", "Summary", "", "Boats and lamps.", "Notes"]
    lines += ["Thanks to my beta!", "", see_end]
    lines += ["", "", "", "", "Harbour Lights", "", *story]
    return "\n".join([*lines, "", "", "", "Afterword", "Please drop by the archive!", ""])


@pytest.mark.parametrize("see_end", [SEE_END, "          (and a word at the end)"])
def test_an_ao3_one_shot_made_into_text_is_headed_by_its_title_after_the_preface(
    tmp_path: Path, see_end: str
) -> None:
    # (under the preface: the page's style sheet, a series named over two lines, and a short
    # line between the notes and the title, which a reader passes over)
    story = [PROSE, "", OTHER, "", MORE, "", PROSE, "", OTHER, "", MORE]
    path = written(tmp_path, "harbour.txt", _ao3_one_shot(story, series=True, see_end=see_end))
    book = open_book(path)
    assert (book.title, book.author) == ("Harbour Lights", "someone")
    [chapter] = book.chapters
    assert chapter.title == "Harbour Lights"
    assert book.line_of(chapter.heading) == 43  # the title over the story, not the page's
    assert [s.first_words[:14] for s in chapter.scenes] == [PROSE[:14]]
    assert book.meta["series"] == "Part 3 of Harbour Tales"


def _mail(sender: str, to: str, subject: str) -> str:
    """An e-mail written out in a story, each of its lines set apart by wide gaps."""
    lines = [f"To: {to}", f"From: {sender}", f"Subject: {subject}", f"{to.split()[0]},", PROSE]
    return "\n\n\n\n".join([*lines, f"-{sender.split()[0]}"])


def test_e_mail_lines_set_apart_by_wide_gaps_are_no_chapter_titles(tmp_path: Path) -> None:
    # (lines each set apart by more blank lines than the text's usual one look like titles
    # set off by space, but each stands right over the next: an e-mail's header lines)
    story = "\n\n".join([PROSE, OTHER, MORE] * 8)
    mails = [
        _mail("Ann Marsh", "Bea Hill", "The harbour"),
        _mail("Bea Hill", "Ann Marsh", "RE: The harbour"),
        _mail("Ann Marsh", "Bea Hill", "RE: RE: The harbour"),
    ]
    text = "\n\n\n".join([story, mails[0], story, mails[1], story, mails[2], story]) + "\n"
    book = open_book(written(tmp_path, "mails.txt", text))
    assert [c.heading for c in book.chapters] == [None]
