"""Where finder hits lead and how they name places.

Passages in long scenes, the book's own chapter numbers, bookmarks and limits on the command
line, single words near a break.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from finder_screen_support import FinderHost, prompts, ready_finder, type_query
from finder_support import CORPUS, build_book

from tui.book.anchor import Bookmark, make_anchor
from tui.book.formats import open_book
from tui.book.rules.title_numbers import title_number
from tui.cli import main
from tui.finder.book_finder import BookFinder
from tui.finder.tokens import chapter_names
from tui.library.library import Library
from tui.ui.dialogs.finder_book import BookFinderScreen


def filler(number: int) -> str:
    return (
        f"Day {number} passed like the others: the keeper trimmed the wick, logged the ships "
        "and swept the gallery before the light went up."
    )


def long_scene_text() -> str:
    """One chapter whose only scene is long, with the remembered moment far into it."""
    paragraphs = ["Chapter 1: The Long Winter"]
    paragraphs += [filler(n) for n in range(1, 31)]
    paragraphs += ["“Who is there?”", "The door slammed shut and her spectacles fell in the soup."]
    paragraphs += [filler(n) for n in range(31, 41)]
    return "\n\n".join(paragraphs) + "\n"


def passage_of(book, text: str) -> int:
    return next(i for i in range(len(book)) if text in book.paragraph(i))


# -- #4: Enter on a scene hit goes to the passage shown, not the scene's start -----------------
def test_a_scene_hit_jumps_to_where_the_words_meet() -> None:
    book = build_book(long_scene_text())
    finder = BookFinder(book)
    assert finder.build()
    hit = finder.search("door slammed spectacles ")[0]
    scene = book.chapters[0].scenes[0]
    assert (hit.kind, hit.para) == ("scene", scene.start)
    moment = passage_of(book, "door slammed")
    # The short line before it is shown in the preview too, so the page starts there.
    assert hit.offset == book.starts[moment - 1]
    assert "door slammed" in finder.preview(hit).body.split("\n")[1]


def test_json_keeps_the_scene_line_and_adds_the_passage_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "winter.txt"
    path.write_text(long_scene_text(), encoding="utf-8")
    assert main(["find", str(path), "door", "slammed", "spectacles", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    book = open_book(path)
    scene = book.chapters[0].scenes[0]
    assert first["kind"] == "scene"
    assert first["line"] == book.line_of(scene.start)
    moment = passage_of(book, "door slammed")
    assert first["passage_line"] == book.line_of(moment - 1)
    assert first["passage_line"] > first["line"] + 50


async def test_enter_in_the_finder_lands_on_the_previewed_passage() -> None:
    book = build_book(long_scene_text())
    app = FinderHost(lambda: BookFinderScreen(book))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "door slammed spectacles")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result.offset == book.starts[passage_of(book, "door slammed") - 1]


# -- #5: chapters as the book numbers them -----------------------------------------------------
PROLOGUE_BOOK = """Prologue: Paradise

Mira kept the lamp in the old tower by the sea.

Chapter 1: A Creeping Horror

The fog came in at dusk and Mira heard the bell.

* * *

Tomas rowed out to the rocks to look for the wreck.

Chapter 2: Into the Cellar

The cellar was full of bottles and one locked chest.

* * *

Mira opened the chest with a bent nail.
"""


def test_labels_use_the_number_in_the_heading_after_a_prologue() -> None:
    finder = BookFinder(build_book(PROLOGUE_BOOK))
    assert finder.build()
    chapters = {h.label: h.detail for h in finder.search("")}
    assert chapters["Prologue: Paradise"] == "Prologue · 1 scene"
    assert chapters["Chapter 1: A Creeping Horror"] == "Ch 1 · 2 scenes"
    scene = finder.search("*rowed rocks wreck ")[0]
    assert scene.label.startswith("Ch 1 · Scene 2")
    # A chapter of one scene has no scene 1 of 1, as on the status line.
    assert finder.search("*lamp tower ")[0].label.startswith("Prologue — ")
    passage = finder.search("/bent nail")[0]
    assert passage.detail.startswith("Ch 2 · Scene 2 · line")
    passage = finder.search("/lamp in the old tower")[0]
    assert passage.detail.startswith("Prologue · line")
    preview = finder.preview(passage)
    assert preview.title.startswith("Prologue · line")


def test_structural_query_means_the_chapter_the_book_calls_that_number() -> None:
    finder = BookFinder(build_book(PROLOGUE_BOOK))
    hits = [h for h in finder.search("ch2 s1") if h.kind == "scene"]
    assert [(h.chapter, h.scene) for h in hits] == [(2, 0)]  # the third chapter, `Chapter 2`
    assert hits[0].label.startswith("Ch 2 · Scene 1")
    json_hit = hits[0].to_json(finder.book)
    assert (json_hit["chapter"], json_hit["chapter_name"]) == (3, "Ch 2")


@pytest.mark.parametrize("query", ["ch3", "chapter 3", "c3", "#3", "chapter three"])
def test_a_number_no_heading_says_is_no_chapter_not_the_one_in_that_position(query: str) -> None:
    # Prologue, Chapter 1, Chapter 2: the labels say Ch 1 and Ch 2, so `ch3` is no chapter,
    # not the third one (`Chapter 2`), and nothing that only looks like it is listed.
    finder = BookFinder(build_book(PROLOGUE_BOOK))
    assert finder.build()
    assert finder.search(query) == []
    reason = "No chapter 3: this book has 3 chapters, numbered 1 to 2"
    assert finder.nothing_found(query) == finder.missing_place(query) == reason


def test_a_missing_chapter_says_so_even_when_a_bookmark_looks_like_the_query() -> None:
    book = build_book(PROLOGUE_BOOK)
    at = book.starts[passage_of(book, "locked chest")]
    marks = [Bookmark(make_anchor(book, at), "ch9"), Bookmark(make_anchor(book, at), "chapter 9")]
    finder = BookFinder(book, marks)
    assert finder.build()
    for query in ("ch9", "chapter 9"):
        assert finder.search(query) == []
        assert finder.nothing_found(query) == (
            "No chapter 9: this book has 3 chapters, numbered 1 to 2"
        )
    # With `'` the query is a bookmark's label, not a place: each finds its own bookmark.
    assert [h.label for h in finder.search("'ch9")] == ["‘ch9’"]
    assert [h.label for h in finder.search("'chapter 9")] == ["‘chapter 9’"]


async def test_the_finder_says_the_chapter_is_missing_and_enter_stays() -> None:
    book = build_book(PROLOGUE_BOOK)
    at = book.starts[passage_of(book, "locked chest")]
    app = FinderHost(lambda: BookFinderScreen(book, [Bookmark(make_anchor(book, at), "ch9")]))
    async with ready_finder(app) as (pilot, screen):
        for query in ("ch3", "ch9"):
            await pilot.press(*["backspace"] * 3)
            await type_query(pilot, screen, query)
            assert prompts(screen) == []
            status = str(screen.query_one("#finder-status").render())
            assert status == f"No chapter {query[2:]}: this book has 3 chapters, numbered 1 to 2"
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == "not dismissed"


WORD_NAMED_BOOK = """Prologue: Paradise

Mira kept the lamp in the old tower by the sea.

* * *

Tomas mended the nets on the shingle.

* * *

The gulls quarrelled over the harbour steps.

Chapter 1: A Creeping Horror

The fog came in at dusk and Mira heard the bell.

* * *

Tomas rowed out to the rocks to look for the wreck.

* * *

The wreck was a schooner with no name on her bow.

Interlude

The keeper's log said nothing of that night.

* * *

Mira burned the log in the stove.

Chapter 2: Into the Cellar

The cellar was full of bottles and one locked chest.

Chapter 3: The Bell

The bell rang at midnight though nobody pulled the rope.

Chapter 4: Spring

The ice went out of the bay in a single night.

Epilogue

The lamp was lit again in spring.
"""


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("prologue s3", "Prologue · Scene 3"),
        ("prologue scene 3", "Prologue · Scene 3"),
        ("Prologue · Scene 3", "Prologue · Scene 3"),
        ("prologue sc 3", "Prologue · Scene 3"),
        ("pro s3", "Prologue · Scene 3"),
        ("prologue paradise s2", "Prologue · Scene 2"),
        ("interlude s2", "Interlude · Scene 2"),
        ("epilogue s1", "Epilogue — "),  # (its only scene: named as the chapter is)
    ],
)
def test_a_scene_of_a_chapter_named_by_a_word_is_found_by_its_label(query: str, label: str) -> None:
    finder = BookFinder(build_book(WORD_NAMED_BOOK))
    assert finder.build()
    assert finder.search(query)[0].label.startswith(label)


def test_a_missing_scene_of_a_chapter_named_by_a_word_says_so() -> None:
    finder = BookFinder(build_book(WORD_NAMED_BOOK))
    assert finder.build()
    assert finder.search("interlude s5") == []
    assert finder.nothing_found("interlude s5") == "No scene 5: Interlude has 2 scenes"


def test_a_scene_of_a_chapter_named_by_a_word_on_the_command_line(capsys) -> None:
    path = CORPUS / "003_6a4721831e1dda7c.txt"
    if not path.exists():
        pytest.skip("the shared corpus is not on this machine")
    for query in ("prologue s5", "prologue scene 5"):
        assert main(["find", str(path), query, "--json", "--limit", "1"]) == 0
        first = json.loads(capsys.readouterr().out)[0]
        assert first["label"].startswith("Prologue · Scene 5")


def test_a_scene_is_counted_in_the_chapter_the_number_names() -> None:
    # `ch1` is `Chapter 1` (two scenes), not the prologue in the first place (one).
    finder = BookFinder(build_book(PROLOGUE_BOOK))
    assert finder.build()
    assert [(h.chapter, h.scene) for h in finder.search("ch1 s2") if h.kind == "scene"] == [(1, 1)]
    assert finder.search("ch1 s3") == []
    assert finder.nothing_found("ch1 s3") == "No scene 3: chapter 1 has 2 scenes"
    assert finder.search("scene 3") == []
    assert finder.nothing_found("scene 3") == "No chapter has a scene 3"
    assert finder.missing_place("ch2 s2") is None
    assert finder.missing_place("the cellar") is None


def test_a_number_the_headings_skip_says_between_which_they_go() -> None:
    text = PROLOGUE_BOOK.replace("Chapter 2: Into the Cellar", "Chapter 4: Into the Cellar")
    finder = BookFinder(build_book(text))
    assert finder.search("ch3") == []
    assert finder.nothing_found("ch3") == "No chapter 3: the headings go from 1 to 4"
    assert finder.nothing_found("ch5") == "No chapter 5: this book has 3 chapters, numbered 1 to 4"


def test_in_a_book_numbered_one_to_its_count_a_missing_chapter_gives_the_count() -> None:
    text = PROLOGUE_BOOK.replace("Prologue: Paradise", "Chapter 1: Paradise")
    text = text.replace("Chapter 1: A", "Chapter 2: A")
    text = text.replace("Chapter 2: Into", "Chapter 3: Into")
    finder = BookFinder(build_book(text))
    assert finder.nothing_found("ch9") == "No chapter 9: this book has 3 chapters"


def test_books_without_numbered_headings_are_numbered_in_order() -> None:
    text = PROLOGUE_BOOK.replace("Chapter 1: A Creeping Horror", "Interlude: A Creeping Horror")
    text = text.replace("Chapter 2: Into the Cellar", "Epilogue: Into the Cellar")
    finder = BookFinder(build_book(text))
    assert [h.detail for h in finder.search("")] == [
        "Ch 1 · 1 scene",
        "Ch 2 · 2 scenes",
        "Ch 3 · 2 scenes",
    ]
    hits = [h for h in finder.search("ch2 s1") if h.kind == "scene"]
    assert hits[0].label.startswith("Ch 2 · Scene 1") and hits[0].chapter == 1


@pytest.mark.parametrize(
    ("titles", "names"),
    [
        (["Prologue", "Chapter 1: Fog", "Chapter 2"], ["Prologue", "Ch 1", "Ch 2"]),
        (["Volume 2, Chapter 5: Ash", "Volume 2, Chapter 6"], ["Ch 5", "Ch 6"]),
        (["Fog", "Ash", "1984 Revisited"], ["Ch 1", "Ch 2", "Ch 3"]),
        (
            ["Chapter 1", "Interlude - The Long Night At Sea Again", "Chapter 2"],
            ["Ch 1", "Interlude", "Ch 2"],
        ),
    ],
)
def test_chapter_names(titles: list[str], names: list[str]) -> None:
    assert chapter_names(titles) == names


def test_a_chapter_number_comes_before_its_volume_number() -> None:
    assert title_number("Volume 2, Chapter 5: Ash") == 5
    assert title_number("Part 3: The Sea") == 3


# -- #12 and #13: the command line -------------------------------------------------------------
def test_find_lists_the_library_bookmarks(tmp_path: Path, capsys) -> None:
    path = tmp_path / "tower.txt"
    path.write_text(PROLOGUE_BOOK, encoding="utf-8")
    library = Library.open(sample=False)
    record = library.add_book(path)
    book = open_book(path)
    para = passage_of(book, "locked chest")
    library.add_bookmark(record.id, Bookmark(make_anchor(book, book.starts[para]), "the chest"))
    library.save()
    assert main(["find", str(path), "'chest", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["kind"], h["label"]) for h in hits] == [("bookmark", "‘the chest’")]
    assert hits[0]["line"] == book.line_of(para)
    # Words no bookmark has list none, as other words do.
    assert main(["find", str(path), "'qqqqzzzz", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("json_out", [False, True], ids=["plain", "json"])
def test_find_says_on_stderr_that_the_book_has_no_such_chapter(
    tmp_path: Path, capsys, json_out: bool
) -> None:
    path = tmp_path / "tower.txt"
    path.write_text(PROLOGUE_BOOK, encoding="utf-8")
    assert main(["find", str(path), "ch3", *(["--json"] if json_out else [])]) == 1
    out, err = capsys.readouterr()
    assert err == "No chapter 3: this book has 3 chapters, numbered 1 to 2\n"
    assert (json.loads(out) == []) if json_out else out == ""
    assert main(["find", str(path), "ch1", "s3"]) == 1
    assert capsys.readouterr().err == "No scene 3: chapter 1 has 2 scenes\n"
    assert main(["find", str(path), "zzqqxx"]) == 1  # other words: as before
    assert capsys.readouterr().err == "no matches\n"


def test_find_on_a_book_outside_the_library_has_no_bookmarks(tmp_path: Path, capsys) -> None:
    path = tmp_path / "tower.txt"
    path.write_text(PROLOGUE_BOOK, encoding="utf-8")
    assert main(["find", str(path), "'chest", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_limit_below_one_is_an_error(tmp_path: Path, capsys, limit: str) -> None:
    path = tmp_path / "tower.txt"
    path.write_text(PROLOGUE_BOOK, encoding="utf-8")
    assert main(["find", str(path), "chest", "--limit", limit]) == 2
    err = capsys.readouterr().err
    assert "--limit must be 1 or more" in err and err.count("\n") == 1


# -- #21: one word lists only scenes that hold it ----------------------------------------------
def test_one_word_does_not_list_the_scene_across_a_break() -> None:
    text = PROLOGUE_BOOK.replace(
        "Tomas rowed out", "A red fox watched from the dunes.\n\n* * *\n\nTomas rowed out"
    )
    book = build_book(text)
    finder = BookFinder(book)
    assert finder.build()
    hits = [h for h in finder.search("fox ") if h.kind == "scene"]
    assert len(hits) == 1 and "fox" in hits[0].keys
