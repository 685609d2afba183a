"""What the finder shows of a hit: its matched words, and scene breaks drawn as in the reader.

The matched words show in its one-line excerpt and in the preview, however far into a paragraph
they are, and scene breaks are drawn as the reader draws them.
"""

from __future__ import annotations

import textwrap

from finder_support import build_book

from tui.book.model import Scene
from tui.book.text.parse import parse_text
from tui.finder.book_finder import BookFinder
from tui.finder.excerpts import excerpt, fitted, highlight
from tui.paths import cells
from tui.reading.set_lines import SetLines

FILLER = "The tide came in over the flats and went out again, as it always had. "


def finder_of(text: str) -> BookFinder:
    finder = BookFinder(build_book(text))
    assert finder.build()
    return finder


def test_the_excerpt_shows_the_words_typed_before_related_ones() -> None:
    # `pier` and `steeply` matched as related words, close together; `dog`, typed, stands alone.
    text = "The path to the pier climbs steeply here. " + FILLER * 3 + "A dog barked. " + FILLER
    shown, spans = excerpt(text, {"pier", "steeply", "dog"}, typed=["big", "dog", "jumps"])
    assert "dog" in [shown[a:b] for a, b in spans]


def test_a_hit_knows_where_its_words_are_deep_in_a_paragraph() -> None:
    finder = finder_of("Chapter 1\n\n" + FILLER * 20 + "Then the brass compass rolled away.\n")
    hit = finder.search("/brass compass", typing=False)[0]
    found = hit.words_in(finder.book)
    assert found is not None
    start, end = found
    assert finder.book.text[start:end] == "brass compass"
    assert hit.offset is not None and hit.offset < start  # Enter's passage starts before them


def test_the_preview_begins_near_words_it_could_not_show_from_the_paragraph_start() -> None:
    finder = finder_of("Chapter 1\n\n" + FILLER * 20 + "Then the brass compass rolled away.\n")
    hit = finder.search("/brass compass", typing=False)[0]
    body = finder.preview(hit, room=300).body
    assert body.startswith("…") and "brass compass" in body[:300]
    # Where the words show from the start anyway, the paragraph starts the preview.
    near = finder_of("Chapter 1\n\nThen the brass compass rolled away. " + FILLER * 20 + "\n")
    hit = near.search("/brass compass", typing=False)[0]
    assert near.preview(hit, room=300).body.startswith("Then the brass compass")


def test_a_short_line_before_counts_as_the_row_it_takes_in_the_preview() -> None:
    # Five rows of 64 characters: the line before takes a whole row, so with it the words
    # at the end of the next paragraph (about 270 characters) would fall past the fifth.
    words_last = FILLER * 3 + "Would you mind toasting this sausage for the Aged P.?"
    finder = finder_of("Chapter 1\n\nI told him.\n\n" + words_last + "\n\n" + FILLER + "\n")
    hit = finder.search("/the aged p", typing=False)[0]
    body = finder.preview(hit, room=5 * 64, row=64).body
    rows = [row for line in body.split("\n") for row in textwrap.wrap(line, 64)]
    assert any("Aged P." in row for row in rows[:5]), rows[:6]
    # The paragraph holding them starts the preview: they fit below its start.
    assert body.startswith("The tide came in")


def test_the_preview_draws_breaks_as_the_reader_does() -> None:
    finder = finder_of(
        "Chapter 1\n\nMaren lit the lamp.\n\n* * *\n\nIsak rowed out.\n\n* * *\n\n"
        "The storm came.\n\nMorning was calm.\n"
    )
    chapter = finder.book.chapters[0]
    # The first break line only sets off a line inside a scene; the second ends one; the
    # last scene opens after a blank gap, with no break line.
    chapter.scenes = [Scene(0, 0, 1, 4), Scene(0, 1, 5, 6), Scene(0, 2, 6, 7)]
    hit = finder.hits.scene(chapter.scenes[0], 0.0)
    body = finder.preview(hit, ornament="~").body
    assert body.split("\n") == [
        "Maren lit the lamp.",
        "",
        "Isak rowed out.",
        "~",
        "The storm came.",
        "~",
        "Morning was calm.",
    ]


def test_the_preview_shows_underscored_words_in_italics_without_the_marks() -> None:
    finder = finder_of(
        "Chapter 1\n\n_3 May. Bistritz._--Left Munich at 8:35, and it had a _very_ turn-up "
        "nose.\n\n" + FILLER * 3 + "\n"
    )
    hit = finder.search("turn-up nose", typing=False)[0]
    preview = finder.preview(hit, room=300)
    assert "_" not in preview.body
    assert preview.body.startswith("3 May. Bistritz.--Left Munich")
    assert [(preview.body[a:b], style) for a, b, style in preview.styles] == [
        ("3 May. Bistritz.", "italic"),
        ("very", "italic"),
    ]
    # The matched words are still marked where they are, not where the marks were.
    assert {preview.body[a:b] for a, b in preview.spans} >= {"turn", "nose"}


def test_the_preview_begun_near_deep_words_keeps_its_italics_on_them() -> None:
    finder = finder_of("Chapter 1\n\n" + FILLER * 20 + "Then the _brass_ compass rolled away.\n")
    hit = finder.search("/brass compass", typing=False)[0]
    preview = finder.preview(hit, room=300)
    assert preview.body.startswith("…") and "_" not in preview.body
    assert [preview.body[a:b] for a, b, _ in preview.styles] == ["brass"]
    assert "brass" in [preview.body[a:b] for a, b in preview.spans]


def test_the_excerpt_leaves_out_emphasis_marks() -> None:
    shown, spans = excerpt("It had a _very_ turn-up **nose**, much like a snout.", {"nose"})
    assert shown == "It had a very turn-up nose, much like a snout."
    assert [shown[a:b] for a, b in spans] == ["nose"]


def test_a_line_too_long_for_the_list_is_cut_at_a_word_keeping_the_matched_ones() -> None:
    line = (
        "…night at the Hotel Royale. I had for dinner, or rather supper, a chicken done up "
        "some way with red pepper,…"
    )
    spans = highlight(line, {"supper", "chicken", "pepper"})
    for width in range(40, 110):
        shown, kept = fitted(line, spans, width)
        assert len(shown) <= width
        assert [shown[a:b] for a, b in kept] == ["supper", "chicken", "pepper"][: len(kept)]
        # Whatever is shown of the book is whole words of it, with `…` where words are left out.
        for part in shown.strip("…").split("…"):
            assert f" {part} " in f" {line.strip('…')} "


def test_a_line_of_wide_characters_is_cut_by_the_cells_it_takes_keeping_the_match() -> None:
    # Japanese takes two cells a character: a row of the list holds half as many, and the
    # name found must still be on it (it was cut away behind the characters before it).
    line = "…菜園の西側が山城屋という質屋の庭続きで、この質屋に勘太郎という十三四の倅が居た。"
    start = line.index("勘太郎")
    for width in range(12, 60):
        shown, kept = fitted(line, [(start, start + 3)], width)
        assert cells(shown) <= width
        assert [shown[a:b] for a, b in kept] == ["勘太郎"]


HUMMED = (
    "She hummed a scrap from her favorite opera by Cherubini, threw herself on her bed, "
    "laughed at the pleasant thought that she would immediately fall asleep, called the maid "
    "to put out the candle, and before the maid had left the room had passed into yet "
    "another, happier world of dreams."
)


def test_an_excerpt_of_words_near_a_paragraph_start_begins_with_its_first_word() -> None:
    shown, spans = excerpt(HUMMED, {"opera"})
    assert shown.startswith("She hummed a scrap from her favorite opera")
    assert shown.endswith("…") and [shown[a:b] for a, b in spans] == ["opera"]
    # So does a scene's line in the finder, however the words are found.
    finder = finder_of("Chapter 1\n\n" + HUMMED + "\n\n" + FILLER * 3 + "\n")
    hit = finder.search("opera", typing=False)[0]
    assert hit.detail.startswith("She hummed a scrap")


def test_an_excerpt_begins_and_ends_with_whole_words_wherever_its_words_are() -> None:
    words = HUMMED.split()
    for number, word in enumerate(words):
        key = word.strip(",.").lower()
        for width in (30, 50, 80, 110):
            shown, spans = excerpt(HUMMED, {key}, width=width)
            assert key in [shown[a:b].lower() for a, b in spans]
            assert shown.startswith("…") == (not shown.startswith("She ")), (number, shown)
            for part in shown.strip("…").split("…"):
                assert f" {part} " in f" {HUMMED} ", (number, width, shown)


def test_an_excerpt_of_text_without_spaces_is_cut_between_characters() -> None:
    text = "關羽" * 80 + "張飛" + "曹操" * 80
    shown, spans = excerpt(text, {"張"}, width=40)
    assert shown.startswith("…") and shown.endswith("…") and "張飛" in shown
    assert [shown[a:b] for a, b in spans] == ["張"]
    assert len(shown) == 40 + 2  # cut between characters, not back to the paragraph's start


def test_the_preview_keeps_verse_in_its_lines_as_the_page_does() -> None:
    # A hard-wrapped book's prose, whose lines run on mid-sentence.
    prose = textwrap.fill(
        "The tide came in over the flats, and the gulls went with it, crying over the boats "
        "that lay on their sides in the mud until the water lifted them again; the children "
        "ran along the wall to watch, and old Isak, who had seen ten thousand tides, mended "
        "his nets on the step and did not look up once from his work all afternoon.",
        70,
    )
    verse = (
        "Twinkle, twinkle, little bat!\nHow I wonder what you're at!\n"
        "Up above the world you fly,\nLike a tea-tray in the sky."
    )
    book = parse_text("\n\n".join(["Chapter 1", prose, prose, verse, *[prose] * 8]) + "\n")
    assert book.rejoin
    finder = BookFinder(book)
    assert finder.build()
    hit = finder.search("/wonder what", typing=False)[0]
    body = finder.preview(hit, lines=SetLines(book)).body
    assert "bat!\nHow I wonder what you're at!\nUp above" in body
    # Wrapped prose is still one line a paragraph, and the words stay marked where they are.
    prose_hit = finder.search("/ten thousand tides", typing=False)[0]
    shown = finder.preview(prose_hit, lines=SetLines(book))
    first = shown.body.split("\n")[0]
    assert first.startswith("The tide came in") and first.endswith("all afternoon.")
    marked = [shown.body[a:b] for a, b in shown.spans]
    assert marked and all(word.startswith(("ten", "thousand", "tide")) for word in marked)


def test_a_label_cut_short_keeps_its_quotes_paired() -> None:
    """A scene's label cut to the list's width lost its closing quote with the words cut
    (`“Mr. Bennet's property consisted almost…`); it is closed after the `…` now."""
    label = "Ch 7 — Elizabeth, Bennet — “Mr. Bennet's property consisted almost entirely…”"
    shown, _ = fitted(label, [], 60, keep_start=True)
    assert shown == "Ch 7 — Elizabeth, Bennet — “Mr. Bennet's property…”"
    assert len(shown) <= 60
    # An excerpt of the text is the book's own words: no quote is added to it.
    passage = "“Yes, and her petticoat; I hope you saw her petticoat, six inches deep in mud"
    shown, _ = fitted(passage, [], 40)
    assert shown.endswith("…") and not shown.endswith("”")


def test_a_label_closed_with_a_wide_quote_mark_still_fits_its_cells() -> None:
    # `」` takes two cells: the room kept for it is two cells, not one character.
    label = "Ch 3 — 「Hello there my old friend of the harbour and the lamps」"
    for width in range(14, 60):
        shown, _ = fitted(label, [], width, keep_start=True)
        assert cells(shown) <= width, (width, shown)
        assert shown == label or "「" not in shown or shown.endswith("…」")


def test_words_found_in_japanese_are_in_the_preview_rows_each_character_two_cells() -> None:
    """A Japanese character takes two cells: counted as one, the paragraph before and the words
    found deep in the next seemed to fit five rows where the words came on the seventh, and
    the preview showed only the paragraph before them."""
    before = (
        "私はその人を常に先生と呼んでいた。だからここでもただ先生と書くだけで本名は打ち明けない。"
        * 2
    )
    words = (
        "その時私はまだ若々しい書生であった。" * 3
        + "暑中休暇を利用して海水浴に行った友達から端書を受け取った。"
    )
    finder = finder_of("一\n\n" + before + "\n\n" + words + "\n\n" + before + "\n")
    hit = finder.search("/海水浴", typing=False)[0]
    row = 64
    body = finder.preview(hit, room=5 * row, row=row).body
    rows = []
    for line in body.split("\n"):
        while line:  # (rows of 64 cells: 32 characters of Japanese)
            rows.append(line[: row // 2])
            line = line[row // 2 :]
    assert "海水浴" in "".join(rows[:5]), rows
