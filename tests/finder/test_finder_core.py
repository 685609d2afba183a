"""The finder's core: words, the index, ranking, structural queries, highlights, previews."""

from __future__ import annotations

import pytest
from finder_support import build_book, lighthouse, scene_line

from tui.book.anchor import Anchor, Bookmark, make_anchor
from tui.book.rules.title_numbers import title_number
from tui.finder.book_finder import BookFinder, split_prefix, title_similarity
from tui.finder.build import build_index
from tui.finder.excerpts import excerpt, highlight
from tui.finder.tokens import parse_structural, words
from tui.finder.word_forms import stem


@pytest.fixture(scope="module")
def finder() -> BookFinder:
    book = lighthouse()
    found = BookFinder(book)
    assert found.build()
    return found


def top_scene_line(finder: BookFinder, query: str) -> int:
    hits = finder.search(query, typing=False)
    assert hits, f"no hits for {query!r}"
    assert hits[0].offset is not None
    return scene_line(finder.book, hits[0].offset)


# -- words -------------------------------------------------------------------------------------
def test_words_fold_case_and_apostrophes() -> None:
    assert words("Don’t tell Maren's brother!") == ["dont", "tell", "marens", "brother"]


def test_cjk_characters_are_words_of_their_own() -> None:
    assert words("第十二章 and more") == ["第", "十", "二", "章", "and", "more"]


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (["fight", "fights", "fighting"], True),
        (["stop", "stops", "stopped", "stopping"], True),
        (["die", "died", "dies"], True),
        (["story", "stories"], True),
        (["bell", "belly"], False),
    ],
)
def test_stemming_joins_forms_of_a_word(forms: list[str], same: bool) -> None:
    assert (len({stem(f) for f in forms}) == 1) is same


@pytest.mark.parametrize(
    ("query", "chapter", "scene"),
    [
        ("ch3 s5", 3, 5),
        ("chapter 3 scene 5", 3, 5),
        ("Ch 3 · Scene 5", 3, 5),
        ("c3", 3, None),
        ("#12", 12, None),
        ("chapter twelve", 12, None),
        ("CHAPTER XII", 12, None),
        ("scene 4", None, 4),
    ],
)
def test_structural_queries(query: str, chapter: int | None, scene: int | None) -> None:
    place = parse_structural(query)
    assert place is not None
    assert (place.chapter, place.scene) == (chapter, scene)


@pytest.mark.parametrize("query", ["chill", "civil", "sara", "cat", "scenery", "ch ill"])
def test_ordinary_words_are_not_structural(query: str) -> None:
    assert parse_structural(query) is None


def test_title_numbers() -> None:
    assert title_number("Chapter 12: The Return") == 12
    assert title_number("CHAPTER XII") == 12
    assert title_number("Chapter Twelve") == 12
    assert title_number("第十二章") == 12
    assert title_number("Prologue: Paradise") is None


def test_prefixes_narrow_the_kind() -> None:
    assert split_prefix("#storm") == ("chapter", "storm")
    assert split_prefix("*bell") == ("scene", "bell")
    assert split_prefix("'mark") == ("bookmark", "mark")
    assert split_prefix("/upside down") == ("text", "upside down")
    assert split_prefix("storm") == (None, "storm")


# -- the index ---------------------------------------------------------------------------------
def test_index_maps_words_to_paragraphs() -> None:
    book = lighthouse()
    index = build_index(book)
    assert index is not None
    clapper = [book.paragraph(p) for p in index.postings["clapper"]]
    assert len(clapper) == 2 and all("clapper" in p for p in clapper)
    assert list(index.postings["clapper"]) == sorted(index.postings["clapper"])


def test_index_build_can_be_cancelled() -> None:
    assert build_index(lighthouse(), should_stop=lambda: True) is None


def test_typos_and_partial_words_find_the_book_words(finder: BookFinder) -> None:
    assert finder.index is not None
    assert "clockwork" in {e.key for e in finder.index.expand("clokwork")}
    assert "lantern" in {e.key for e in finder.index.expand("lant", typing=True)}
    kinds = {e.key: e.how for e in finder.index.expand("lanterns")}
    assert kinds["lantern"] == "stem"


# -- ranking scenes ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("storm lantern ship", 16),  # words from all over the scene, not one line
        ("ship storm lantern", 16),  # any order
        ("diving for the bell", 45),  # `diving` is not in the text, `dived` and `bell` are
        ("clokwork lamp froze", 70),  # typo
        ("isak cheats at draughts", 39),
        ("tobin letter pension", 55),
        ("mren oduya", 8),  # typo in a name
        ("gas line froze fog", 70),
    ],
)
def test_scenes_rank_by_their_whole_text(finder: BookFinder, query: str, line: int) -> None:
    assert top_scene_line(finder, query) == line


def test_scene_hits_carry_the_matching_passage(finder: BookFinder) -> None:
    hit = finder.search("isak cheats at draughts ")[0]
    assert hit.kind == "scene"
    assert "draughts" in hit.detail
    marked = {hit.detail[a:b].casefold() for a, b in hit.detail_spans}
    assert {"cheated", "draughts"} <= marked or "draughts" in marked


def test_a_quotation_puts_the_passage_first(finder: BookFinder) -> None:
    hit = finder.search("upside down in the weed ")[0]
    assert hit.kind == "text"
    assert "Upside down in the weed" in finder.book.paragraph(hit.para)


def test_structural_query_lands_on_the_scene(finder: BookFinder) -> None:
    hit = finder.search("ch2 s3")[0]
    assert (hit.kind, hit.chapter, hit.scene) == ("scene", 1, 2)
    assert hit.offset == finder.book.starts[finder.book.chapters[1].scenes[2].start]


def test_chapter_number_from_the_heading_comes_first() -> None:
    text = lighthouse().text.replace("Chapter 1: The Storm Lantern", "Prologue: The Storm Lantern")
    text = text.replace("Chapter 2:", "Chapter 1:").replace("Chapter 3:", "Chapter 2:")
    book = build_book(text.replace("Prologue:", "Chapter 0:"))
    found = BookFinder(book).search("chapter 2")
    # The heading says `Chapter 2` (the third chapter), as its label does; the second chapter
    # (`Chapter 1`) is not listed as chapter 2.
    assert [h.chapter for h in found] == [2]
    assert found[0].detail.startswith("Ch 2 ·")


def test_chapter_titles_match_in_the_mixed_list(finder: BookFinder) -> None:
    hit = finder.search("drowned bell")[0]
    assert (hit.kind, hit.label) == ("chapter", "Chapter 2: The Drowned Bell")


@pytest.mark.parametrize("query", ["drowned bell", "clockwork lamp"])
def test_a_chapter_found_by_its_title_is_not_listed_again_as_its_scene_by_the_heading(
    finder: BookFinder, query: str
) -> None:
    found = finder.search(query, typing=False)
    chapter = found[0].chapter
    assert found[0].kind == "chapter"
    # Its scenes may follow where their own words match, never by the heading's words.
    again = [h for h in found if h.kind == "scene" and h.chapter == chapter]
    assert all("Chapter" not in h.detail for h in again)
    assert len(found[:5]) == len({(h.chapter, h.scene, h.detail) for h in found[:5]})


def test_chapter_prefix_lists_only_chapters(finder: BookFinder) -> None:
    hits = finder.search("#clockwork")
    assert hits and all(h.kind == "chapter" for h in hits)
    assert hits[0].label == "Chapter 3: The Clockwork Lamp"


def test_text_prefix_lists_passages(finder: BookFinder) -> None:
    hits = finder.search("/blue coat")
    assert len(hits) == 2 and all(h.kind == "text" for h in hits)


def test_no_hits_for_words_not_in_the_book(finder: BookFinder) -> None:
    assert finder.search("spaceship laser ") == []


def bell_paragraph(book) -> int:
    return next(i for i in range(len(book)) if "Upside down" in book.paragraph(i))


def test_empty_query_lists_bookmarks_then_chapters() -> None:
    book = lighthouse()
    mark = Bookmark(make_anchor(book, book.starts[bell_paragraph(book)]), "the bell")
    hits = BookFinder(book, [mark]).search("")
    assert [h.kind for h in hits] == ["bookmark", "chapter", "chapter", "chapter"]
    assert hits[0].label == "‘the bell’"


def test_a_quote_without_a_label_is_named_by_its_opening_words() -> None:
    book = lighthouse()
    para = bell_paragraph(book)
    quote = book.paragraph(para)
    mark = Bookmark(make_anchor(book, book.starts[para]), "", quote=quote)
    hit = BookFinder(book, [mark]).search("")[0]
    opening = " ".join(quote.split()[:3])
    assert hit.kind == "bookmark" and "(no label)" not in hit.label
    assert hit.label.startswith(opening) and hit.label.endswith('…"')  # its own quote


def test_a_short_quote_is_named_whole_without_an_ellipsis() -> None:
    mark = Bookmark(Anchor(0, "x"), "", quote="The lamp went out.")
    assert mark.name == "“The lamp went out.”"
    long = Bookmark(Anchor(0, "x"), "", quote=" ".join(["word"] * 20))
    assert long.name.endswith("word…”")


def test_bookmarks_are_found_by_label() -> None:
    book = lighthouse()
    para = bell_paragraph(book)
    mark = Bookmark(make_anchor(book, book.starts[para]), "where the bell sleeps")
    hits = BookFinder(book, [mark]).search("'bell sleeps")
    assert hits[0].kind == "bookmark" and hits[0].offset == book.starts[para]


def test_the_bookmark_prefix_narrows_to_the_bookmarks_that_match() -> None:
    book = lighthouse()
    bell = book.starts[bell_paragraph(book)]
    marks = [
        Bookmark(make_anchor(book, bell), "where the bell sleeps"),
        Bookmark(make_anchor(book, book.starts[2]), "the keeper's lamp"),
        Bookmark(make_anchor(book, book.starts[5]), "storm night"),
    ]
    finder = BookFinder(book, marks)
    assert finder.build()
    assert finder.search("'qqqqzzzz") == []  # nothing matches: nothing listed
    assert finder.nothing_found("'qqqqzzzz") == "No matches: try fewer or other words"
    assert [h.label for h in finder.search("'keeper")] == ["‘the keeper's lamp’"]
    assert [h.label for h in finder.search("'kepeer lamp")] == ["‘the keeper's lamp’"]  # typo
    # by the words of the marked paragraph, though the label does not have them
    assert [h.offset for h in finder.search("'upside weed")] == [bell]
    # ranked: the bookmark matching every word first, one matching some after it
    ranked = [h.label for h in finder.search("'storm lamp night")]
    assert ranked == ["‘storm night’", "‘the keeper's lamp’"]
    assert len(finder.search("'")) == 3  # the prefix alone lists them all


def test_a_bookmark_is_found_by_the_words_of_its_paragraph_not_by_look_alikes() -> None:
    book = lighthouse()
    para = bell_paragraph(book)  # "… Upside down in the weed, like a sleeping animal."
    mark = Bookmark(make_anchor(book, book.starts[para]), "captain's log")
    finder = BookFinder(book, [mark])
    held = finder.search("sleeping animal")
    assert any(h.kind == "bookmark" for h in held)
    # `seed` and `need` are no `weed`: a query the paragraph does not hold leaves it out.
    assert not any(h.kind == "bookmark" for h in finder.search("seed"))
    assert not any(h.kind == "bookmark" for h in finder.search("need"))


def test_before_the_index_scenes_are_found_by_names() -> None:
    book = lighthouse()
    finder = BookFinder(book)
    finder.index = None
    hits = finder.search("tobin")
    assert hits and hits[0].kind == "scene"


def test_json_hit_numbers_chapters_and_scenes_from_one(finder: BookFinder) -> None:
    hit = finder.search("ch2 s3")[0]
    data = hit.to_json(finder.book)
    assert data["chapter"] == 2 and data["scene"] == 3
    assert data["line"] == 55
    assert data["kind"] == "scene" and data["score"] == 100.0


def test_json_for_markup_books_names_the_section_instead_of_a_line() -> None:
    book = lighthouse()
    book.lines = type(book.lines)("q", [0] * len(book))  # EPUB/HTML: no source lines
    book.sections = [(0, "front.xhtml"), (book.chapters[1].start, "chapter2.xhtml")]
    finder = BookFinder(book)
    finder.build()
    data = finder.search("ch2 s1")[0].to_json(book)
    assert data["line"] is None and data["section"] == "chapter2.xhtml"


def test_an_index_lives_as_long_as_its_book() -> None:
    import gc

    from tui.finder import cache as finder_cache

    book = lighthouse()
    BookFinder(book).build()
    assert finder_cache.cached_index(book) is not None
    book_id = id(book)
    del book
    gc.collect()
    assert book_id not in finder_cache._INDEXES


def test_preview_shows_the_matching_lines(finder: BookFinder) -> None:
    hit = finder.search("isak cheats at draughts ")[0]
    preview = finder.preview(hit)
    assert "draughts" in preview.body
    assert any(preview.body[a:b] == "draughts" for a, b in preview.spans)


# -- showing -----------------------------------------------------------------------------------
def test_highlight_marks_prefixes_and_whole_words() -> None:
    text = "Kalpas met Sakura."
    assert highlight(text, {"sakura"}) == [(11, 17)]
    assert highlight(text, (), ["kal"]) == [(0, 3)]


def test_excerpt_centres_on_the_match() -> None:
    text = "word " * 60 + "lantern " + "word " * 60
    shown, spans = excerpt(text, {"lantern"})
    assert shown.startswith("…") and shown.endswith("…")
    assert [shown[a:b] for a, b in spans] == ["lantern"]


def test_excerpt_shows_the_words_where_they_stand_together() -> None:
    # The paragraph says `life` and `blood` apart first; the line shows the quoted phrase.
    text = (
        "Some believe that life goes on through the medium of his blood, as they say. "
        + "word " * 30
        + "And he cried, \u201cThe blood is the life!\u201d and went on. "
        + "word " * 30
    )
    shown, spans = excerpt(text, {"blood", "life"})
    assert "The blood is the life!" in shown
    assert [shown[a:b] for a, b in spans][:2] == ["blood", "life"]


def test_title_similarity_allows_order_and_typos() -> None:
    assert title_similarity("lamp clockwork", "Chapter 3: The Clockwork Lamp") >= 90
    assert title_similarity("clokwork", "Chapter 3: The Clockwork Lamp") >= 70
    assert title_similarity("storm", "Chapter 3: The Clockwork Lamp") < 50


def test_a_title_typed_with_its_words_run_together_or_apart_is_that_title() -> None:
    # "The Redheaded League" typed as a reader remembers it; a passage quoting the title
    # must not rank above the story itself.
    for typed in ("red headed league", "the red-headed league", "redheaded league"):
        assert title_similarity(typed, "The Redheaded League") == 100.0
    assert title_similarity("heart beat", "Heartbeat") == 100.0
    # A different number is another chapter, however alike the rest.
    assert title_similarity("chapter 12 the long night", "Chapter 13: The Long Night") < 100


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("quarterdeck", "CHAPTER 36: The Quarter-Deck."),
        ("ahab quarterdeck", "CHAPTER 36: Ahab on the Quarter-Deck."),
        ("quarterde", "CHAPTER 36: The Quarter-Deck."),  # still being typed
        ("tryworks", "CHAPTER 96: The Try-Works."),
        ("try works", "CHAPTER 96: The Tryworks."),
        ("redheaded", "II. The Red-Headed League"),
        ("heartbeat", "Chapter 3: Heart Beat"),
    ],
)
def test_a_compound_of_a_numbered_title_is_found_run_together_or_apart(
    typed: str, title: str
) -> None:
    # As well as when typed the title's way, whatever the heading's number before it.
    assert title_similarity(typed, title) == 100.0


def test_a_chapter_titled_with_a_hyphenated_word_is_found_by_it_typed_as_one() -> None:
    body = "Ahab paced the quarter-deck while the crew looked on from the deck below."
    titles = ("Loomings", "The Quarter-Deck.", "The Try-Works.", "The Deck")
    text = "\n\n".join(f"Chapter {n}: {t}\n\n{body}" for n, t in enumerate(titles, start=1))
    finder = BookFinder(build_book(text))
    assert finder.build()
    for typed, title in (
        ("quarterdeck", "Chapter 2: The Quarter-Deck."),
        ("quarter-deck", "Chapter 2: The Quarter-Deck."),
        ("tryworks", "Chapter 3: The Try-Works."),
        ("try works", "Chapter 3: The Try-Works."),
    ):
        hits = finder.search(typed, typing=False)
        assert (hits[0].kind, hits[0].label) == ("chapter", title), typed


def test_a_hyphenated_word_typed_as_one_finds_the_scenes_that_say_it() -> None:
    # `try` is too short a half to find `try-works` by its halves: the index holds the
    # compound as the one word a reader types, and the excerpt marks it whole.
    finder = BookFinder(
        build_book(
            "Chapter 1: Loomings\n\nIshmael went to sea again.\n\n"
            "Chapter 2: Below\n\nThe smoke from the try-works blackened every sail.\n\n"
            "Chapter 3: Ashore\n\nThey will try again; the works of men are slow.\n"
        )
    )
    assert finder.build()
    for typed in ("tryworks", "try-works"):
        scenes = [h for h in finder.search(typed, typing=False) if h.kind == "scene"]
        assert scenes and scenes[0].chapter == 1, typed
    hit = next(h for h in finder.search("tryworks", typing=False) if h.kind == "scene")
    assert [hit.detail[a:b] for a, b in hit.detail_spans] == ["try-works"]
