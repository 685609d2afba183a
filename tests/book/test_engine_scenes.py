"""Scenes: glyph breaks, spacers, wider blank gaps, insets, refrains, set-off lines, labels."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from support_engine import scene_lines

from tui.book.formats import open_book
from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.character_names import names_in
from tui.book.rules.scene_labels import first_words
from tui.book.rules.scenes import fill_scenes
from tui.book.text.gaps import break_rule
from tui.book.text.parse import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "engine"
NBSP = "\u00a0\u00a0\u00a0"
SCENE = (
    "Mara walked to the harbour in the grey light, counting the boats as she always did.\n\n"
    "The fishermen nodded to Mara but did not speak; it was that kind of morning.\n\n"
    "She found the letter under a stone on the third bollard, exactly where he had said.\n\n"
    "Nobody watched her read it, or if they did, they were better at hiding than she was."
)


@pytest.mark.parametrize(
    "glyph",
    ["* * *", "***", "~~~", "---", "###", "#", "oOo", "xXx", "-x-x-", "❖", "§", "~*~",
     "          * * *", "+++++", "Line Break"],
)  # fmt: skip
def test_each_glyph_line_splits_scenes(glyph: str) -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n{glyph}\n\n{SCENE}")
    assert scene_lines(book) == [[3, 13]]
    assert book.kinds[5] == ParaKind.BREAK


def test_spacer_line_of_non_breaking_spaces_splits_scenes() -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n{NBSP}\n\n{SCENE}")
    assert scene_lines(book) == [[3, 13]]


def test_lone_punctuation_lines_are_never_breaks() -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n!”\n\n…”\n\n“…”\n\n?!”\n\n{SCENE}")
    assert scene_lines(book) == [[3]]


def test_set_off_line_opens_its_scene() -> None:
    text = f"Chapter 1\n\n{SCENE}\n\n* * *\n\nSix Hours Ago\n\n{SCENE}\n\n* * *\n\n"
    text += f"March 6th, 2024\n\n* * *\n\n{SCENE}"
    book = parse_text(text)
    # `March 6th, 2024` set off by two breaks opens the last scene; it is not a scene itself.
    assert scene_lines(book) == [[3, 13, 25]]
    assert not any(c.title.startswith(("Six", "March")) for c in book.chapters)


def test_set_off_line_followed_by_a_wider_gap() -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n\nLater that night\n\n\n{SCENE}")
    assert scene_lines(book) == [[3, 12]]


def test_short_line_between_two_spacers_is_an_inset_not_a_scene() -> None:
    text = (
        f"Chapter 1\n\n{SCENE}\n\n{NBSP}\n\n“I love you.”\n\n{NBSP}\n\n{SCENE}\n\n{NBSP}\n\n{SCENE}"
    )
    book = parse_text(text)
    assert scene_lines(book) == [[3, 27]]


def test_refrain_between_spacers_opens_each_vignette() -> None:
    refrain = "The city was asleep the first time I saw her."
    text = f"Prologue\n\n{refrain}\n\n{NBSP}\n\n{SCENE}\n\n{NBSP}\n\n{refrain}\n\n{NBSP}\n\n{SCENE}"
    book = parse_text(text)
    assert scene_lines(book) == [[3, 17]]


def test_wider_gap_is_a_break_but_a_lost_paragraph_gap_is_not() -> None:
    # Chapters are preceded by 2 blank lines; 2 blank lines inside a chapter are a scene break;
    # 3 blank lines are a paragraph whose text was lost: the scene goes on.
    text = f"Chapter 1\n\n{SCENE}\n\n\n{SCENE}\n\n\n\n{SCENE}\n\n\nChapter 2\n\n{SCENE}"
    book = parse_text(text)
    assert scene_lines(book) == [[3, 12], [33]]


def test_only_wider_gaps_of_one_width_are_breaks() -> None:
    text = f"Chapter 1\n\n{SCENE}\n\n\n\n{SCENE}\n\n\n\n{SCENE}\n\nChapter 2\n\n{SCENE}"
    assert scene_lines(parse_text(text)) == [[3, 13, 23], [33]]


def test_blank_line_is_a_break_in_text_without_blank_lines() -> None:
    # Real one-paragraph-per-line files have long lines (whole paragraphs).
    lines = "\n".join(p + " " + p for p in SCENE.split("\n\n"))
    book = parse_text(f"Chapter 1\n{lines}\n\n{lines}\nChapter 2\n{lines}")
    assert book.style == "line"
    assert scene_lines(book) == [[2, 7], [12]]


def test_break_rule_widths() -> None:
    rule = break_rule({2, 3}, common=1, section=2)
    assert rule(2) and not rule(3) and rule(4)
    rule = break_rule({3}, common=1, section=1)
    assert rule(3)
    rule = break_rule({1}, common=0, section=0)
    assert rule(1)


def test_scenes_are_numbered_within_their_chapter_and_labelled() -> None:
    text = f"Chapter 1\n\n{SCENE}\n\n* * *\n\n{SCENE}\n\nChapter 2\n\n{SCENE}\n\n* * *\n\n{SCENE}"
    book = parse_text(text)
    scene = book.chapters[1].scenes[1]
    assert (scene.chapter, scene.index) == (1, 1)
    assert scene.first_words == "Mara walked to the harbour in"
    assert "Mara" in scene.names
    assert (
        scene.label() == f"Ch 2 · Scene 2 — {', '.join(scene.names[:2])} — “{scene.first_words}…”"
    )


def test_first_words_keep_their_quotes_and_skip_lost_punctuation() -> None:
    assert first_words("“Madam Witch!” Ruri’s voice greeted him as they returned.") == (
        "“Madam Witch!” Ruri’s voice greeted him"
    )
    assert first_words("“…Mmm. What a delightful scent.”") == "“Mmm. What a delightful scent"
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n\n!”\n\nKalpas had not been visiting the Realm.")
    assert book.chapters[0].scenes[1].first_words == "Kalpas had not been visiting the"


def test_names_are_capitalised_words_seen_mid_sentence() -> None:
    text = (
        "Kalpas grunted. Sakura looked at Kalpas, and Kalpas looked away. The Hall was empty. "
        "Sakura sighed, and Sakura left. "
        "Miss Elysia laughed at Sakura. Then Da Vinci arrived, and Da Vinci smiled at Sakura."
    )
    names = names_in(text)
    assert names[:2] == ["Sakura", "Kalpas"]
    assert "Da Vinci" in names or len(names) == 3
    assert "The" not in names and "Hall" not in names and "Then" not in names


def test_fill_scenes_for_a_book_built_from_markup() -> None:
    # The EPUB reader builds paragraphs and chapters itself, then asks for scenes.
    paras = ["Chapter 1", "One.", "Two.", "* * *", "Three.", "Chapter 2", "Four."]
    text = "\n\n".join(paras)
    starts, pos = array("q"), 0
    for p in paras:
        starts.append(pos)
        pos += len(p) + 2
    ends = array("q", [s + len(p) for s, p in zip(starts, paras, strict=True)])
    kinds = bytearray([1, 0, 0, 2, 0, 1, 0])
    book = Book(text, starts, ends, kinds, array("q", [0] * 7))
    book.chapters = [Chapter(0, "Chapter 1", 0, 0, 5), Chapter(1, "Chapter 2", 5, 5, 7)]
    fill_scenes(book)
    assert [[s.start for s in c.scenes] for c in book.chapters] == [[1, 4], [6]]


def test_light_novel_fixture_outline() -> None:
    book = open_book(FIXTURES / "light_novel.txt")
    assert book.title == "The Lamplighter’s Daughter, Vol. 2: Ember Roads"
    assert book.author == "Ines Varga"
    assert [(c.title, book.line_of(c.heading)) for c in book.chapters] == [
        ("Prologue: Cinders", 11),
        ("Chapter 1: The Ember Road", 39),
        ("Chapter 2: Ash", 85),
    ]
    # Refrains open vignettes; `!”` after a wider gap opens a scene; an inset between spacers
    # and a lost paragraph (3 blank lines) do not; numbered choices are not chapters.
    assert scene_lines(book) == [[13, 23, 32], [41, 68, 74], [87]]
    assert [s.kind for s in book.end_matter] == ["afterword"]


def test_a_rule_across_the_page_is_a_break() -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n{'=' * 80}\n\n{SCENE}")
    assert scene_lines(book) == [[3, 13]]


def test_scene_labels_keep_the_closing_quote() -> None:
    from tui.book.model import quoted_opening

    assert quoted_opening("“You’ve returned,” Sakura’s sim commented") == (
        "“You’ve returned,” Sakura’s sim commented…"
    )
    assert quoted_opening("“Sorry to keep you") == "“Sorry to keep you…”"
    assert quoted_opening("Mara counted the lanterns") == "“Mara counted the lanterns…”"
    assert quoted_opening('"So you\'ll be home soon?" Rin') == '"So you\'ll be home soon?" Rin…'
    # A quotation whose opening mark was lost is not quoted again around a lone closing mark.
    assert quoted_opening("What on earth?” Mushiki asked") == "What on earth?” Mushiki asked…"


def test_a_label_cut_short_closes_the_quotation_its_cut_left_open() -> None:
    """A label cut to a narrow list (`“12 May.--Let me begin with…`) showed an unpaired
    opening quote; it is closed after the ellipsis, as a label shown whole is."""
    from tui.book.model import closed_after_cut

    assert closed_after_cut("Scene 3 — “12 May.--Let me begin with…") == (
        "Scene 3 — “12 May.--Let me begin with…”"
    )
    assert closed_after_cut("“Hey,” she said…") == "“Hey,” she said…"  # closed already
    assert closed_after_cut("“She said ‘no…") == "“She said ‘no…’”"
    assert closed_after_cut("「私はその人を…") == "「私はその人を…」"
    assert closed_after_cut('"Plain quotes…') == '"Plain quotes…"'
    assert closed_after_cut("CHAPTER I: JONATHAN HARKER’S…") == "CHAPTER I: JONATHAN HARKER’S…"


def test_things_and_places_are_not_character_names() -> None:
    text = (
        "Saika walked to the Garden. The Board met on the Floor, and Saika listened. "
        "Mushiki stood by the Garden gate while Saika waited; the Board was late. "
        "Later Mushiki left the Floor. Saika smiled at Mushiki."
    )
    names = names_in(text, limit=5)
    assert "Saika" in names and "Mushiki" in names
    assert not {"Garden", "Board", "Floor"} & set(names)


def test_a_word_capitalised_only_where_a_sentence_or_a_place_name_starts_is_no_name() -> None:
    text = (
        "The funeral was sad. Poor Lucy seemed upset, and Mina held her hand. "
        "We walked past St. Mary’s Church while Lucy talked. Poor Lucy. Mina smiled at Lucy. "
        "Then Da Vinci arrived, and Mina laughed."
    )
    names = names_in(text, limit=5)
    assert names[:2] == ["Lucy", "Mina"]
    assert "Poor" not in names and "Church" not in names
    assert "Da Vinci" in names


# A journal whose scenes name their people among words capitalised for weight, ways of
# address, adjectives and places; the book around them shows which is which.
JOURNAL_SCENES = [
    # Lucy stands only at the start of sentences here; elsewhere the book has `said Lucy`.
    "Lucy came down late. Lucy laughed at the death of the old year, and spoke of Death as a\n"
    "friend. The Hereafter may wait, she said. We talked of death and of what comes\n"
    "hereafter until the fire went out, and of death again. Lucy slept.",
    "I wrote to the agents at once. “Dear Sirs, we beg to acknowledge your letter,” and I\n"
    "thanked them, sir by sir, for every kindness. Arthur read it. “Dear Sirs,” said Arthur,\n"
    "“is no way to begin.” Arthur laughed, and Arthur sealed it. Yes, sir, I said.",
    "“Your Lordship is kind,” said the clerk to Arthur. “Your Lordship will sign here.”\n"
    "Arthur signed. “I thank your Lordship,” the clerk said; Arthur went to Mina and Lucy.\n"
    "Mina had seen the British Museum that day, and a British woman at the door.",
    "We met Dr. Van\nHelsing at the station, where Mina was waiting. Van Helsing spoke\n"
    "of a certain European custom; Mina listened while Van Helsing talked, and Van\n"
    "Helsing smiled at Mina. Later we found the British Museum closed, said Lucy.",
]


def test_scene_names_are_judged_by_what_the_whole_book_says() -> None:
    book = parse_text("Chapter 1\n\n" + "\n\n* * *\n\n".join(JOURNAL_SCENES))
    names = [scene.names for scene in book.chapters[0].scenes]
    # Written in lowercase as often as capitalised: words, not names (`Death`, `Hereafter`,
    # `Sirs` for `sir`); a way of address (`your Lordship`) is no name either.
    assert names[0] == ["Lucy"]
    assert names[1] == ["Arthur"]
    # After an article (`the British Museum`, `a British woman`): no one's name.
    assert names[2][:2] == ["Arthur", "Mina"] and "British" not in names[2]
    # A name kept whole across a line's end; a word met once in the book (`European`) is not
    # what the scene is known by.
    assert names[3][:2] == ["Van Helsing", "Mina"]
    assert "European" not in names[3] and "Van" not in names[3]
    label = book.chapters[0].scenes[3].label()
    assert label.startswith("Ch 1 · Scene 4 — Van Helsing, Mina — ")


def test_scenes_that_open_alike_are_told_apart_by_their_own_first_words() -> None:
    refrain = "Mara Quell was my first love."
    days = [
        "We were classmates, and she was the best swimmer Mara Quell's school had ever seen.",
        "I was engrossed in a game at the arcade when Mara Quell sat down beside me.",
        "By some twist of fate, Mara Quell and I were paired for the harbour project.",
    ]
    scenes = [f"{refrain}\n\n{day}\n\nMara Quell smiled, and Mara Quell left." for day in days]
    book = parse_text("Prologue\n\n" + "\n\n* * *\n\n".join(scenes) + "\n\nChapter 1\n\n" + SCENE)
    labels = [scene.label() for scene in book.chapters[0].scenes]
    assert labels == [
        "Ch 1 · Scene 1 — Mara Quell — “We were classmates, and she was…”",
        "Ch 1 · Scene 2 — Mara Quell — “I was engrossed in a game…”",
        "Ch 1 · Scene 3 — Mara Quell — “By some twist of fate, Mara…”",
    ]
    # Their openings are still where they open (the outline's `first_words`).
    assert {scene.first_words for scene in book.chapters[0].scenes} == {refrain[:-1]}
    # A scene whose label is its own already keeps its opening words.
    assert book.chapters[1].scenes[0].first_words == "Mara walked to the harbour in"
