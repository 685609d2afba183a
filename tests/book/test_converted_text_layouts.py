"""Plain text converted into an EPUB with no heading tags: which file splits are chapters.

The converter's file splits are chapters only where the lines opening them look like headings
and keep the book's count (a number-word heading it left in the text joins the count, a verse
line it split at does not); splits before a word in mid-sentence head nothing, and numerals
alone in the text do; a dash in the book's class for breaks parts scenes where a pause set as
text does not.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import epub, first_words, story

ORDINALS = ["Erstes", "Zweites", "Drittes", "Viertes", "Fünftes", "Sechstes", "Siebentes"]
COVER = ("Cover", "Text/cover.xhtml")


def line(text: str, style: str = "body") -> str:
    return f'<p class="{style}">{text}</p>'


def test_a_converters_splits_keep_the_books_count_of_number_word_headings(
    tmp_path: Path,
) -> None:
    # Each file opens on its first line in a style of its own; the third heading was left in
    # the text of the second file, and a file opens on a song's line inside chapter five.
    docs = {"cover": "<p>[cover]</p>"}
    for n, word in enumerate(ORDINALS):
        if n == 2:
            continue
        body = line(f"{word} Kapitel", "first") + story(n)
        if n == 1:
            body += line("Drittes Kapitel") + story(20)
        if n == 4:
            body += line("The miller sang by the weir,") + line("Down went the wheel,")
            docs[f"split{n}"] = body
            docs[f"split{n}b"] = line("And the flour was in the rain", "first") + story(21)
            continue
        docs[f"split{n}"] = body
    book = epub(tmp_path / "counted.epub", docs, [COVER])
    assert [c.title for c in book.chapters] == [f"{w} Kapitel" for w in ORDINALS]


def test_splits_in_mid_sentence_head_nothing_and_numerals_alone_head_the_chapters(
    tmp_path: Path,
) -> None:
    # The converter cut the text before a word it once set in italics: each file opens on that
    # word alone, its sentence going on in the next paragraph.
    docs = {
        "cover": "<p>[cover]</p>",
        "split0": line("- So it was, said the ferryman.") + line("I.") + story(1),
    }
    for n, word in enumerate(["and", "because", "Because", "nobody", "then", "but"]):
        body = line(word, "first") + line("the tide had turned before anyone noticed.") + story(n)
        if n == 4:
            body += line("II.") + story(30)
        docs[f"split{n + 1}"] = body
    book = epub(tmp_path / "cut.epub", docs, [COVER])
    assert [c.title for c in book.chapters] == ["I.", "II."]
    assert [s[0][:11] for s in first_words(book)] == ["Tobias had ", "Wren pulled"]


def test_a_dash_in_the_break_class_parts_scenes_a_pause_in_the_text_does_not(
    tmp_path: Path,
) -> None:
    body = (
        "<h1>The Ferry</h1>"
        + story(1)
        + line("Promise me")
        + line("…")
        + story(2)
        + line("*", "scenebreak")
        + story(3)
        + line("- Are you coming? she asked.")
        + line("-", "scenebreak")
        + line("Not today.")
        + story(4)
    )
    book = epub(tmp_path / "breaks.epub", {"one": body}, [("The Ferry", "Text/one.xhtml")])
    assert [s[:9] for s in first_words(book)[0]] == ["Tobias ha", "Wren coun", "Not today"]
