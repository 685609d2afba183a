"""`chapbook find FILE QUERY [--json] [--limit N]`: the finder's ranking for scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from finder_support import CORPUS, LIGHTHOUSE

from tui.book.formats import open_book
from tui.cli import main


def scene_of(text: str) -> tuple[int, int, int]:
    """(chapter, scene, line), 1-based, of the scene holding a paragraph with ``text``."""
    book = open_book(LIGHTHOUSE)
    para = next(i for i in range(len(book)) if text in book.paragraph(i))
    scene = book.scene_at(para)
    assert scene is not None
    return scene.chapter + 1, scene.index + 1, book.line_of(scene.start) or 0


def find(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui", "find", *args], capture_output=True, text=True, timeout=120
    )


def test_json_hits_best_first_with_one_based_places() -> None:
    result = find(str(LIGHTHOUSE), "isak", "cheats", "at", "draughts", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    first = hits[0]
    assert set(first) >= {"kind", "chapter", "scene", "line", "label", "score"}
    chapter, scene, line = scene_of("played draughts")
    assert (first["kind"], first["chapter"], first["scene"], first["line"]) == (
        "scene",
        chapter,
        scene,
        line,
    )
    assert first["label"].startswith(f"Ch {chapter} · Scene {scene}")
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_structural_query_on_the_command_line() -> None:
    book = open_book(LIGHTHOUSE)
    hits = json.loads(find(str(LIGHTHOUSE), "ch3", "s2", "--json").stdout)
    line = book.line_of(book.chapters[2].scenes[1].start)
    assert (hits[0]["kind"], hits[0]["chapter"], hits[0]["scene"], hits[0]["line"]) == (
        "scene",
        3,
        2,
        line,
    )


def test_chapters_and_passages_by_prefix() -> None:
    chapters = json.loads(find(str(LIGHTHOUSE), "#drowned", "--json").stdout)
    assert chapters[0] == chapters[0] | {"kind": "chapter", "chapter": 2, "scene": None}
    assert chapters[0]["line"] == 37
    passages = json.loads(find(str(LIGHTHOUSE), "/blue coat", "--json").stdout)
    assert {p["kind"] for p in passages} == {"text"}
    assert [p["line"] for p in passages] == [26, 82]


def test_limit_caps_the_hits() -> None:
    hits = json.loads(find(str(LIGHTHOUSE), "maren", "--json", "--limit", "2").stdout)
    assert len(hits) == 2


def test_plain_output_lists_numbered_hits() -> None:
    result = find(str(LIGHTHOUSE), "clockwork", "lamp")
    assert result.returncode == 0
    first = result.stdout.splitlines()[0]
    assert first.lstrip().startswith("1. chapter") and "Clockwork Lamp" in first


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_epub_hits_say_how_far_in_they_are_not_the_file_inside(capsys) -> None:
    """An EPUB has no lines: each hit says how far into the story its place starts, a figure
    the reader's `%` takes to the screen that shows it; `--json` still names the spine item."""
    from tui.reading.navigation import percent_offset

    epub = str(REAL / "pg_treasure_island.epub")
    assert main(["find", epub, "silver", "parrot", "--limit", "4"]) == 0
    plain = [line for line in capsys.readouterr().out.splitlines() if line[:5].strip()]
    assert main(["find", epub, "silver", "parrot", "--limit", "4", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    book = open_book(epub)
    for line, hit in zip(plain, hits, strict=True):
        assert hit["line"] is None and hit["section"].endswith("html")
        assert hit["section"] not in line and ".htm" not in line
        figure = line.rsplit("(", 1)[1].rstrip(")")
        assert figure.endswith("%"), line
        start = book.starts[book.chapters[hit["chapter"] - 1].scenes[hit["scene"] - 1].start]
        landed, _note = percent_offset(book, figure)
        assert landed <= start < landed + 400  # on the screen `%` shows, at its top


def test_a_place_outside_the_story_has_no_percentage(capsys) -> None:
    assert main(["find", str(REAL / "pg_treasure_island.epub"), "#licence", "--limit", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("Licence")


def test_no_hits_exits_one_like_grep(capsys) -> None:
    assert main(["find", str(LIGHTHOUSE), "spaceship", "laser", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = find(str(tmp_path / "nope.txt"), "storm")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("chapbook:")
    assert "Traceback" not in result.stderr


def test_same_ranking_as_the_finder(corpus: Path) -> None:
    """The command line gives what the overlay shows for the same words."""
    from tui.finder.book_finder import BookFinder

    path = corpus / "003_6a4721831e1dda7c.txt"
    hits = json.loads(find(str(path), "hilde", "in", "the", "bunny", "outfit", "--json").stdout)
    finder = BookFinder(open_book(path))
    finder.build()
    expected = finder.search("hilde in the bunny outfit", limit=10, typing=False)
    assert [h["offset"] for h in hits] == [h.offset for h in expected]
    assert hits[0]["line"] == 2208


def test_every_scene_that_holds_the_words_can_be_listed(tmp_path: Path) -> None:
    # A serial of twenty volumes, each naming Hilde in many scenes: `--limit` lists them
    # all, best first, not only the forty the ranking weighs most closely.
    import re

    text = (CORPUS / "003_6a4721831e1dda7c.txt").read_text(encoding="utf-8")
    number = iter(range(1, 10_000))
    volumes = [
        re.sub(r"^Chapter \d+", lambda _: f"Chapter {next(number)}", text, flags=re.M)
        for _ in range(20)
    ]
    serial = tmp_path / "serial.txt"
    serial.write_text("\n".join(volumes), encoding="utf-8")
    done = find(str(serial), "hilde", "--json", "--limit", "120")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert len(hits) == 120
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h["chapter"] for h in hits}) > 40
