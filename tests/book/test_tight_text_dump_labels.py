"""Text dumps with a paragraph a line and no blank lines between.

A point-of-view label glued by a TAB to its scene's first sentence opens that scene, and a
chapter's notes run to the wider gap that parts them from its text.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, written

from tui.book.formats import open_book

LONG = f"{PROSE} {OTHER} {MORE} {PROSE}"
SAID = "“Not tonight,” he said."
STORY = [LONG, SAID, OTHER, LONG, "“Why not?”", MORE, LONG, SAID]


def _dump(chapters: list[list[str]]) -> str:
    lines = ["Story", ""]
    for n, body in enumerate(chapters, 1):
        lines += ["", "", "", f"Chapter {n}", *body]
    return "\n".join(lines) + "\n"


def test_a_pov_label_glued_by_a_tab_opens_a_scene(tmp_path: Path) -> None:
    body = [*STORY, f"Tony's POV\t{LONG}", *STORY]
    path = written(tmp_path, "Work.txt", _dump([body, STORY, STORY]))
    book = open_book(path)
    scenes = [[s.first_words[:10] for s in c.scenes] for c in book.chapters]
    assert scenes == [[LONG[:10], "Tony's POV"], [LONG[:10]], [LONG[:10]]]


def test_chapter_notes_set_line_under_line_run_to_the_wider_gap(tmp_path: Path) -> None:
    # The notes' last lines read like story (`The keeper wrote it down.`), but the three
    # blank lines under them part the notes from the chapter's text.
    notes = ["Chapter Notes", "A warning for this one, dear readers!", PROSE, "Enjoy."]
    body = [*notes, "", "", "", MORE, *STORY]
    path = written(tmp_path, "Work.txt", _dump([body, STORY, STORY]))
    book = open_book(path)
    first = book.chapters[0]
    assert [s.first_words[:10] for s in first.scenes] == [MORE[:10]]
