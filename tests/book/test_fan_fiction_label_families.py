"""Fan fiction that labels its scenes in its own way: rules, point of view, time, place, bylines.

A `---` rule glued to a scene's first word, point-of-view labels with a word in brackets, time
and place labels set as the point-of-view labels are, bold place labels among bold time labels,
and a co-written AO3 work's `Chapter by` bylines under its chapters' titles.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, first_words
from shape_support import MORE, OTHER, PROSE, scene_firsts, written

from tui.book.formats import open_book
from tui.book.text.lines import classify_line

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


def test_a_point_of_view_label_may_say_when_in_brackets() -> None:
    for line in ("Adam's POV (Again)...", " Blake's POV (At Lunch)... "):
        found = classify_line(line)
        assert found is not None and found.kind == "pov"


def test_time_and_place_labels_set_like_the_books_pov_labels_open_scenes(
    tmp_path: Path,
) -> None:
    # Scenes open on `Adam's POV...` (three or more): `After School...` ends as they do, and
    # `  Back Home  ` is padded as they are, so each is a label too; a line of dialogue
    # trailing off, `I don't know...`, is not in title case and opens nothing.
    one = ["Adam's POV...", LONG, "Blake's POV...", MORE, "After School...", OTHER]
    two = [" Adam's POV... ", LONG, "I don't know...", PROSE, " Blake's POV... ", MORE]
    three = [LONG, " Carson's POV... ", PROSE, "  Back Home  ", OTHER]
    path = written(tmp_path, "Labels.txt", _lines_dump([one, two, three]))
    assert scene_firsts(path) == [
        ["Adam's POV", "Blake's POV", "After School"],
        ["Adam's POV", "Blake's POV"],
        [LONG[:14], "Carson's POV", "Back Home"],
    ]


def test_a_chapter_byline_under_its_title_is_no_title_and_marks_an_unlabelled_chapter(
    tmp_path: Path,
) -> None:
    # A co-written AO3 work: `Chapter by <writer>` under each chapter's title, over its
    # `Chapter Summary`; the first chapter has no summary, its title over the byline alone.
    lines = ["Story", "", "by Ada Quill, Ben Reed", "", "Chapters: 3/3", "", "", ""]
    titles = ["Wake Up Call", "Here To Help", "Everyone Has a Secret"]
    for n, title in enumerate(titles):
        lines += [title, "Chapter by Ben Reed"]
        if n:
            lines += ["Chapter Summary", "What happens next.", "", "", ""]
        else:
            lines += ["", "", ""]
        lines += [LONG, "", MORE, "", "", ""]
    path = written(tmp_path, "Work.txt", "\n".join(lines) + "\n")
    book = open_book(path)
    assert [c.title for c in book.chapters] == titles
    assert [c.scenes[0].first_words[:14] for c in book.chapters] == [LONG[:14]] * 3


def _bold(text: str) -> str:
    return f"<p><strong>{text}</strong></p>"


def test_bold_place_labels_among_bold_time_labels_open_scenes(tmp_path: Path) -> None:
    # The book opens scenes with bold `Two Hours Later` and `The Next Morning`; its bold
    # `At the Hokage's Tower` and `Sakura's House` say where as those say when. Short bold
    # thoughts (`Hot?`, `But -`) are punctuated, and a shout in capitals is none.
    story = [eb.paras(eb.prose(seed, 2)) for seed in range(8)]
    docs = {
        "c1": "<h2>Chapter 1</h2>"
        + story[0]
        + _bold("Two Hours Later")
        + story[1]
        + _bold("Hot?")
        + story[2]
        + _bold("At the Hokage's Tower")
        + story[3],
        "c2": "<h2>Chapter 2</h2>"
        + story[4]
        + _bold("The Next Morning")
        + story[5]
        + _bold("RUN AWAY NOW")
        + story[6]
        + _bold("Sakura's House")
        + story[7]
        + _bold("Five Minutes Later")
        + story[0],
    }
    book = epub(
        tmp_path / "labels.epub", docs, [("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")]
    )
    labels = [[w for w in scenes[1:]] for scenes in first_words(book)]
    assert labels == [
        ["Two Hours Later", "At the Hokage's Tower"],
        ["The Next Morning", "Sakura's House", "Five Minutes Later"],
    ]


def test_a_silence_in_italics_between_thoughts_in_italics_is_no_break(tmp_path: Path) -> None:
    story = [eb.paras(eb.prose(seed, 2)) for seed in range(4)]
    thoughts = "<p><em>Where did he go?</em></p><p><em>…</em></p><p><em>Never mind.</em></p>"
    docs = {
        "c1": "<h2>Chapter 1</h2>" + story[0] + thoughts + story[1],
        "c2": "<h2>Chapter 2</h2>" + story[2] + "<p>…</p>" + story[3],
    }
    book = epub(
        tmp_path / "thoughts.epub", docs, [("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")]
    )
    assert [len(c.scenes) for c in book.chapters] == [1, 2]
