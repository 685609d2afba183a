"""Gutenberg HTML shapes: a preface with the id `preface`, advertisements, two plays in a book.

A book's own preface set in an element with the id `preface` leaves it a book, not an AO3
download, so its numbered headings are its chapters; headed pages after the last chapter a
printed contents lists (advertisements) are end matter; a play's title page opens its first
act, and headings set above the acts' level after the last act (a music appendix) are end
matter.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import gutenberg_page, outline, story

from tui.book.formats import open_book


def test_a_preface_with_the_id_preface_is_no_ao3_download(tmp_path: Path) -> None:
    preface = f'<div class="chapter" id="preface"><h2>To the Reader.</h2>{story(1, 3)}</div>'
    days = "".join(
        f'<div class="chapter" id="ch{n}"><h2>{n}. {word} Day.</h2><h3>{title}</h3>'
        f"{story(n + 1, 5)}</div>"
        for n, (word, title) in enumerate(
            [("First", "The Well."), ("Second", "The Gate."), ("Third", "The Lamp.")], 1
        )
    )
    book = open_book(gutenberg_page(tmp_path / "days.html", preface + days))
    assert [title for title, _ in outline(book)] == [
        "1. First Day.",
        "2. Second Day.",
        "3. Third Day.",
    ]


def _contents(titles: list[str]) -> str:
    rows = "".join(f"<tr><td>{t}</td><td>{9 + 4 * n}</td></tr>" for n, t in enumerate(titles))
    return f"<h2>CONTENTS.</h2><table>{rows}</table>"


TALES = ["The Ferry", "The Bell Tower", "The Old Lamp", "The Long Road"]


def _tales(titles: list[str]) -> str:
    return "".join(f"<h2>{t.upper()}.</h2>{story(n + 1, 6)}" for n, t in enumerate(titles))


def _adverts(count: int) -> str:
    firms = ["Acme Syrup", "Union Pianos", "Fine Jewelry Co.", "Grand Hotel"][:count]
    return "".join(
        f"<hr /><h2>{firm}</h2><p>Sold by all leading dealers at 50 cents a bottle.</p>"
        for firm in firms
    )


def test_headed_pages_after_the_last_listed_chapter_are_end_matter(tmp_path: Path) -> None:
    body = _contents(TALES) + _tales(TALES) + _adverts(3)
    book = open_book(gutenberg_page(tmp_path / "ads.html", body))
    assert [title for title, _ in outline(book)] == [f"{t.upper()}." for t in TALES]
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_a_last_chapter_listed_in_other_words_stays_a_chapter(tmp_path: Path) -> None:
    listed = [*TALES[:3], "Home Again"]  # (the last entry worded unlike its heading)
    body = _contents(listed) + _tales(TALES) + _adverts(3)
    book = open_book(gutenberg_page(tmp_path / "reworded.html", body))
    assert [title for title, _ in outline(book)] == [f"{t.upper()}." for t in TALES]


def test_one_unlisted_page_after_the_story_stays_a_chapter(tmp_path: Path) -> None:
    body = _contents(TALES[:3]) + _tales(TALES)
    book = open_book(gutenberg_page(tmp_path / "unlisted.html", body))
    assert len(book.chapters) == len(TALES)


def test_long_unlisted_chapters_after_the_listed_ones_stay_chapters(tmp_path: Path) -> None:
    more = ["The Second Book", "The Mill Pond", "The Far Shore"]
    body = _contents(TALES) + _tales(TALES) + _tales(more)
    book = open_book(gutenberg_page(tmp_path / "volumes.html", body))
    assert len(book.chapters) == len(TALES) + len(more)


def _play(title: str, acts: int, seed: int) -> str:
    cast = "".join(
        f"<tr><td><p><i>{name}, a keeper.</i></p></td></tr>" for name in ("Ada", "Bram", "Cora")
    )
    page = (
        f"<hr /><h4>{title}</h4><h5>[{title.title()}]</h5><h6>A PLAY IN {acts} ACTS</h6>"
        f"<h5>1911</h5><table>{cast}</table>"
        "<p><i>The action takes place on an island in the north, in the keeper's house, "
        "through a winter and the spring after it.</i></p>"
    )
    romans = ["I", "II", "III", "IV"]
    return page + "".join(
        f'<h5 class="act">ACT {romans[n]}</h5>{story(seed + n, 5)}' for n in range(acts)
    )


def test_a_plays_title_page_opens_its_first_act(tmp_path: Path) -> None:
    body = _play("THE LANTERN", 3, 1) + _play("THE FERRY", 2, 9)
    book = open_book(gutenberg_page(tmp_path / "plays.html", body))
    assert outline(book) == [(f"ACT {r}", 1) for r in ("I", "II", "III", "I", "II")]
    third = book.chapters[2]
    text = [book.paragraph(i) for i in range(third.start, third.end)]
    assert "THE FERRY" not in text  # (the next play's title page opens its first act)


def test_headings_over_the_acts_level_after_the_last_act_are_end_matter(
    tmp_path: Path,
) -> None:
    songs = "<hr /><p>Each song comes with a sound file and a picture of its notes.</p>"
    songs += "".join(f"<h4>{name}</h4>{story(n, 2)}" for n, name in enumerate(["Song", "Air"]))
    body = _play("THE LANTERN", 3, 1) + songs
    book = open_book(gutenberg_page(tmp_path / "songs.html", body))
    assert outline(book) == [(f"ACT {r}", 1) for r in ("I", "II", "III")]
    last = book.chapters[-1]
    assert not any("Each song" in book.paragraph(i) for i in range(last.start, last.end))
