"""Fan fiction that labels its scenes in its own way: a `---` rule glued to a scene's first
word, point-of-view labels with a word in brackets, time and place labels set as the
point-of-view labels are, bold place labels among bold time labels, and a co-written AO3
work's `Chapter by` bylines under its chapters' titles."""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, scene_firsts, written

LONG = f"{PROSE} {OTHER} {MORE}"


def _lines_dump(chapters: list[list[str]]) -> str:
    """A text made from an AO3 download: one paragraph a line, blank lines between."""
    lines = ["Story", "", "by Ada Quill", ""]
    for n, body in enumerate(chapters, 1):
        lines += ["", "", f"Chapter {n}", ""]
        for paragraph in body:
            lines += [paragraph, ""]
    return "\n".join(lines) + "\n"


def test_the_books_dash_rule_glued_to_a_scenes_first_word_opens_that_scene(
    tmp_path: Path,
) -> None:
    # The book draws its breaks as `---` alone on a line; once, the rule was glued to the
    # first word of the scene after it.
    one = [LONG, "---", MORE, "---", OTHER]
    two = [LONG, "---", PROSE, f"---{MORE}", OTHER]
    path = written(tmp_path, "Dashes.txt", _lines_dump([one, two, [LONG, OTHER]]))
    assert scene_firsts(path)[1] == [LONG[:14], PROSE[:14], MORE[:14]]


def test_a_dash_run_into_a_line_is_no_break_where_the_book_draws_no_dash_rules(
    tmp_path: Path,
) -> None:
    # (`---` typed for a dash at a line's start, in a book that parts no scenes with it)
    body = [LONG, f"---{MORE}", OTHER]
    path = written(tmp_path, "Dash.txt", _lines_dump([body, [LONG, OTHER], [LONG, MORE]]))
    assert scene_firsts(path)[0] == [LONG[:14]]
