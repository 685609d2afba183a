"""`chapbook outline FILE [--json]`: the tree, the JSON, and one-line errors for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "engine"


def outline(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui", "outline", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_json_outline_fields() -> None:
    done = outline(str(FIXTURES / "light_novel.txt"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"] == "The Lamplighter’s Daughter, Vol. 2: Ember Roads"
    assert data["author"] == "Ines Varga"
    first = data["chapters"][0]
    assert first["title"] == "Prologue: Cinders"
    assert first["line"] == 11
    assert [s["line"] for s in first["scenes"]] == [13, 23, 32]
    scene = first["scenes"][2]
    # Labelled as the finder labels it: the prologue by its name, `Chapter 1` as `Ch 1`.
    assert scene["label"].startswith("Prologue · Scene 3")
    assert data["chapters"][1]["scenes"][0]["label"].startswith("Ch 1 · Scene 1")
    assert {"offset", "first_words", "names"} <= set(scene)
    assert data["front_matter"][0]["kind"] == "cover"
    assert data["end_matter"][0]["kind"] == "afterword"
    assert data["end_matter"][0]["heading_line"] == 102


def test_text_outline_is_a_readable_tree() -> None:
    done = outline(str(FIXTURES / "fanficfare.txt"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "The Clockwork Heir — gearwright"
    assert "1. The Bequest (line 43)" in lines
    assert any(line.startswith("  Scene 2 (line 53)") for line in lines)
    assert lines[-1].startswith("End matter: The end (line 78)")


def test_text_outline_speaks_of_one_chapter_and_never_of_kinds(tmp_path) -> None:
    story = tmp_path / "one.txt"
    story.write_text(
        "Posted originally on the Archive of Our Own at http://archiveofourown.org/works/1.\n\n"
        "The Lone Word\n\nChapter 1\n\nHello.\n",
        encoding="utf-8",
    )
    done = outline(str(story))
    assert done.returncode == 0, done.stderr
    assert "1 chapter ·" in done.stdout and "1 chapters" not in done.stdout
    assert "ao3_landmark" not in done.stdout


def test_headless_chapter_has_null_line() -> None:
    done = outline(str(FIXTURES / "ao3_work_page.txt"), "--json")
    data = json.loads(done.stdout)
    assert [c["line"] for c in data["chapters"]] == [56, 85]
    assert data["meta"]["fandom"] == ["Original Work"]


def _assert_one_line_error(done: subprocess.CompletedProcess, words: str) -> None:
    assert done.returncode == 2
    assert done.stdout == ""
    message = done.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("chapbook: ") and words in message


def test_missing_path(tmp_path: Path) -> None:
    _assert_one_line_error(outline(str(tmp_path / "nope.txt")), "no such file")


def test_directory(tmp_path: Path) -> None:
    _assert_one_line_error(outline(str(tmp_path)), "directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _assert_one_line_error(outline(str(fifo), timeout=20), "named pipe")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(os.urandom(20_000))
    _assert_one_line_error(outline(str(path)), "binary")


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "high.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 100)
    _assert_one_line_error(outline(str(path)), "encoded")


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    _assert_one_line_error(outline(str(tmp_path / "a.txt")), "loop")


def test_empty_file_is_a_sensible_outline(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    done = outline(str(path), "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["chapters"] == [] and data["notices"] == ["the file is empty"]


def test_json_outline_names_each_chapters_volume_in_a_file_of_joined_volumes(
    tmp_path: Path,
) -> None:
    lines = ["The Harbour Ledger Collection", "By Tessaly Brook"]
    for n in [1, 2, 3] * 2:
        lines += [f"Chapter {n}: The Tide", "Mara counted the lanterns along the quay."]
    path = tmp_path / "joined.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    done = outline(str(path), "--json")
    assert done.returncode == 0, done.stderr
    chapters = json.loads(done.stdout)["chapters"]
    assert [(c.get("part"), c["title"][:9]) for c in chapters] == [
        ("Volume 1", "Chapter 1"),
        ("Volume 1", "Chapter 2"),
        ("Volume 1", "Chapter 3"),
        ("Volume 2", "Chapter 1"),
        ("Volume 2", "Chapter 2"),
        ("Volume 2", "Chapter 3"),
    ]
    tree = outline(str(path)).stdout.splitlines()
    assert any(line.startswith("Volume 2 · Chapter 1: The Tide") for line in tree)


def test_front_matter_is_listed_as_the_reader_lists_its_parts() -> None:
    # War and Peace's Gutenberg card after its title page is part of the header's part, as
    # in the reader's contents: the outline said `About this work, Title page, About this work`.
    # (Its title page is two lines over the contents' 385, in one file: the page is Contents.)
    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    done = outline(str(real / "pg_war_and_peace.epub"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2] == "Front matter: About this work, Contents"
    done = outline(str(real / "pg_moby_dick.txt.gz"))
    assert done.stdout.splitlines()[2].startswith(
        "Front matter: About this work (line 1), Title page (line 28), Contents (line 36)"
    )


def test_a_gzipped_book_named_txt_is_outlined(tmp_path: Path) -> None:
    real = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_alice.txt.gz"
    saved = tmp_path / "alice.txt"
    saved.write_bytes(real.read_bytes())
    done = outline(str(saved))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Alice's Adventures in Wonderland — Lewis Carroll")
    assert "CHAPTER I: Down the Rabbit-Hole" in done.stdout
