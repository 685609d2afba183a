"""Shapes of an eighteenth gathering: AO3 one-shots as text, told in e-mails or text messages.

AO3 one-shots made into text, one told in e-mails whose header lines are set apart by wide gaps,
and a story told in text messages.
"""

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


def _scene_count(path: Path) -> list[int]:
    return [len(c.scenes) for c in open_book(path).chapters]


def test_a_text_that_draws_its_breaks_as_rules_does_not_also_break_at_its_gaps(
    tmp_path: Path,
) -> None:
    # (paragraphs parted by one blank line, a letter's lines and a quoted sign set off by two
    # or three: the book marks its five scenes with `---`, the gaps are only layout)
    scene = "\n\n".join([PROSE, OTHER, MORE, PROSE])
    letter = "\n\n\n".join(["Dear Ann,", OTHER, "Yours, Bea."])
    sign = "\n\n\n‘Harbour closed!’\n\n\n"
    parts = [scene + "\n\n\n" + letter + "\n\n\n" + scene, scene + sign + scene] * 3
    text = "Harbour Lights\n\n\n\n" + "\n\n---\n\n".join(parts) + "\n"
    assert _scene_count(written(tmp_path, "rules.txt", text)) == [6]


def test_a_dash_rule_typed_once_with_a_long_dash_is_the_books_rule_too(tmp_path: Path) -> None:
    scene = "\n\n".join([PROSE, OTHER, MORE])
    text = "\n\n---\n\n".join([scene] * 4) + "\n\n—-\n\n" + scene + "\n"
    assert _scene_count(written(tmp_path, "dashes.txt", text)) == [5]


def _message_log() -> str:
    """A chapter of text messages a line each, its days and times set off by blank lines."""
    talk = ["DM: are you up", f"AH: {PROSE}", "DM: good", f"AH: {OTHER} {MORE}"] * 2
    missed = ["Missed call::hotchner", "", "Missed call::hotchner", f"AH: {OTHER}"]
    log = ["Chapter 1", ""]
    for day in range(1, 13):
        log += [f"1/{day}/2009", "", "12:04 pm", *talk, *(missed if day == 3 else [])]
        log += ["-"] if day in (5, 10) else []
    return "\n".join([*log, ""])


def test_lone_hyphens_part_a_text_message_log_and_a_call_logged_twice_does_not(
    tmp_path: Path,
) -> None:
    book = open_book(written(tmp_path, "messages.txt", _message_log()))
    starts = [book.paragraph(s.start) for c in book.chapters for s in c.scenes]
    assert starts.count("1/6/2009") == starts.count("1/11/2009") == 1  # (under the `-` lines)
    # (the same `Missed call` line on both sides of a blank line: one log going on)
    assert "Missed call::hotchner" not in starts


def test_a_speakers_initials_before_a_no_break_space_lead_a_chat_line(tmp_path: Path) -> None:
    run = "\n".join([f"{PROSE} {OTHER}", f"{OTHER} {PROSE}"] * 6)
    chat = "\n".join(["DAVE:\u00a0you there, i have been waiting for an answer", "JOHN: yes!"])
    text = "\n".join(["Chapter 1", "", "", run, "", chat, "", run, "* * *", run, ""])
    assert _scene_count(written(tmp_path, "chat.txt", text)) == [2]
