"""Chapter titles set as a line under a bare label (`CHAPTER I` over a styled title).

With `CHAPTER I` over a styled `THE FERRY AT DAWN`, the title is joined to the label where the
book sets most chapters so or its contents names them, never a first sentence of prose.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, first_words, story

from tui.book.model import Book

ROMANS = ["I", "II", "III", "IV"]
TITLES = ["THE FERRY AT DAWN", "WHO KEEPS THE BELL", "A LEDGER WITH A TORN PAGE", "FOG"]


def labelled_book(
    path: Path, openings: list[str], *, contents: list[str] | None = None, scenes: str = ""
) -> Book:
    """An EPUB whose chapters are headed `CHAPTER I` ... alone, in the nav too, each opening
    on the markup in ``openings``; a contents page of ``contents`` lines before them."""
    docs = {}
    if contents is not None:
        docs["contents"] = "<h2>CONTENTS</h2>" + eb.paras(contents)
    for k, opening in enumerate(openings):
        docs[f"ch{k + 1}"] = (
            f"<h2>CHAPTER {ROMANS[k]}</h2>{opening}{story(k * 3 + 1)}{scenes}{story(k * 3 + 2)}"
        )
    nav = [(f"CHAPTER {ROMANS[k]}", f"Text/ch{k + 1}.xhtml") for k in range(len(openings))]
    if contents is not None:
        nav.insert(0, ("CONTENTS", "Text/contents.xhtml"))
    return epub(path, docs, nav)


def test_a_styled_line_under_every_bare_label_is_the_chapter_title(tmp_path: Path) -> None:
    book = labelled_book(tmp_path / "a.epub", [f'<div class="subhead">{t}</div>' for t in TITLES])
    assert [c.title for c in book.chapters] == [
        f"CHAPTER {r}: {t}" for r, t in zip(ROMANS, TITLES, strict=True)
    ]
    # The title line is the heading's, not the words the chapter's story opens with.
    openings = [words[0] for words in first_words(book)]
    assert all(any(line.startswith(words) for line in eb.LINES) for words in openings)


def test_plain_lines_the_contents_page_names_are_titles_too(tmp_path: Path) -> None:
    titled = ["The Ferry at Dawn", "Who Keeps the Bell", "A Ledger", "Fog"]
    book = labelled_book(
        tmp_path / "b.epub",
        [f"<p>{t}</p>" for t in titled],
        contents=[
            f"{r}. {t} {7 * k + 1}" for k, (r, t) in enumerate(zip(ROMANS, titled, strict=True))
        ],
    )
    assert [c.title for c in book.chapters] == [
        f"CHAPTER {r}: {t}" for r, t in zip(ROMANS, titled, strict=True)
    ]


def test_one_chapter_with_such_a_line_is_not_the_books_habit(tmp_path: Path) -> None:
    openings = ['<div class="subhead">THE FERRY AT DAWN</div>', "", "", ""]
    book = labelled_book(tmp_path / "c.epub", openings)
    assert [c.title for c in book.chapters] == [f"CHAPTER {r}" for r in ROMANS]
    assert first_words(book)[0][0].startswith("THE FERRY AT DAWN")


def test_a_style_that_opens_scenes_too_sets_prose_not_titles(tmp_path: Path) -> None:
    # Every chapter and every scene opens flush (`p.first`): a short first line in that
    # style is the story's, even in title case.
    openings = [f'<p class="first">{t.title()}</p>' for t in TITLES]
    scenes = '<hr/><p class="first">Wren Went Home</p>'
    book = labelled_book(tmp_path / "d.epub", openings, scenes=scenes)
    assert [c.title for c in book.chapters] == [f"CHAPTER {r}" for r in ROMANS]


def test_sentences_and_a_line_atop_every_chapter_are_no_titles(tmp_path: Path) -> None:
    sentences = ["It rained all night.", "Nobody came; we waited.", "Go home, she said.", "No."]
    book = labelled_book(tmp_path / "e.epub", [f'<p class="opening">{s}</p>' for s in sentences])
    assert [c.title for c in book.chapters] == [f"CHAPTER {r}" for r in ROMANS]
    # (the story's own name over every chapter, set apart alike, names none of them)
    book = labelled_book(
        tmp_path / "f.epub", ['<p class="story">The Lantern Keeper</p>'] * len(ROMANS)
    )
    assert [c.title for c in book.chapters] == [f"CHAPTER {r}" for r in ROMANS]
