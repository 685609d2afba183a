"""The status line's numbers and the structural moves: scenes, chapters, time left."""

from __future__ import annotations

from pathlib import Path

from reader_support import make_book, story

from tui.paths import shown_percent
from tui.reading.navigation import chapter_landings, next_landing, prev_landing, scene_landings
from tui.reading.progress import (
    Progress,
    ProgressMeter,
    fit,
    format_minutes,
    status_layout,
    status_parts,
    words_between,
)
from tui.reading.wrapping import measure


def test_progress_names_the_chapter_and_the_scene() -> None:
    text = story(chapters=3, scenes=3)
    book = make_book(text)
    meter = ProgressMeter(book, words_per_minute=200)
    offset = text.index("Scene 2.3 opens.")
    progress = meter.at(offset, book.para_at(offset))
    assert progress.place.startswith("Chapter 2")
    assert (progress.scene, progress.scenes) == (3, 3)
    assert 30 < progress.percent < 70


def test_time_left_follows_words_per_minute() -> None:
    text = story(chapters=2)
    book = make_book(text)
    offset = text.index("Scene 1.1 opens.")
    slow = ProgressMeter(book, 100).at(offset, book.para_at(offset))
    fast = ProgressMeter(book, 400).at(offset, book.para_at(offset))
    assert slow.book_minutes > 3 * fast.book_minutes
    assert slow.chapter_minutes is not None and fast.chapter_minutes is not None
    assert 0 < slow.chapter_minutes < slow.book_minutes


def test_front_matter_has_no_scene_and_is_named() -> None:
    book = make_book(story())
    progress = ProgressMeter(book).at(0, 0)
    assert progress.place == "Front matter"
    assert progress.scene is None and progress.chapter_minutes is None


def test_at_the_end_it_is_100_percent_and_nothing_left() -> None:
    book = make_book(story())
    last = len(book) - 1
    progress = ProgressMeter(book).at(book.starts[last], last, at_end=True)
    assert progress.percent == 100 and progress.book_minutes == 0


def test_the_percentage_never_reads_100_before_the_end() -> None:
    # A 30 MB serial said `100% · 7 min left in chapter · 39 min left in book`: the figure is
    # rounded down, as less does, and only the end on screen makes it 100%.
    book = make_book(story(chapters=40, scenes=3, paras=20))
    meter = ProgressMeter(book)
    para = len(book) - 3
    progress = meter.at(book.starts[para], para)
    assert 99.5 <= progress.percent < 100 and progress.book_minutes > 0
    parts = status_parts(progress, 80)
    assert "99%" in parts and "100%" not in parts
    assert status_parts(meter.at(book.starts[para], para, at_end=True), 80)[-1] == "100%"
    assert [shown_percent(p) for p in (0, 0.9, 41.99, 99.99, 100)] == [
        "0%",
        "0%",
        "41%",
        "99%",
        "100%",
    ]


def test_cjk_text_time_is_estimated_from_characters() -> None:
    text = "彼女は港の灯りを数えた。" * 200
    assert words_between(text, 0, len(text)) == len(text) / 2


def test_minutes_are_written_for_people() -> None:
    assert format_minutes(0.4) == "<1 min"
    assert format_minutes(12.2) == "12 min"
    assert format_minutes(250) == "4 h 10 min"
    assert format_minutes(250, short=True) == "4h10m"


def test_status_items_shrink_to_fit() -> None:
    progress = Progress(41.6, "Chapter 3", 2, 5, 12.0, 250.0)
    wide = status_parts(progress, 100)
    assert wide == ["scene 2/5", "41%", "ch 12m · book 4h10m"]
    for width in (60, 40, 30, 20, 12):
        parts = status_parts(progress, width)
        assert "41%" in parts
        assert measure(" · ".join(parts)) <= width or parts == ["41%"]


def test_a_long_book_title_gives_way_to_the_chapter() -> None:
    progress = Progress(1.2, "Chapter 3: Partings at the Harbour", 1, 4, 44.0, 700.0)
    title = "King’s Proposal, Vol. 6: The Silver Crown of the Northern Sea"
    book, place, right = status_layout(title, progress, 98)
    assert place == "Chapter 3: Partings at the Harbour"  # whole
    assert "1%" in right and "scene 1/4" in right
    assert "book" not in right  # the book's time went first
    assert (
        book.startswith("King’s") and measure(book) + 3 + measure(place) + 2 + measure(right) <= 98
    )


def test_a_short_title_and_the_chapter_both_stay_whole_when_the_time_is_compacted() -> None:
    progress = Progress(12.0, "Chapter 3: Partings at the Harbour", 2, 5, 12.0, 250.0)
    book, place, right = status_layout("The Lantern Ledger", progress, 96)
    assert (book, place) == ("The Lantern Ledger", "Chapter 3: Partings at the Harbour")
    assert right == "scene 2/5 · 12% · ch 12m · book 4h10m"


def test_on_a_narrow_line_the_chapter_is_kept_and_the_book_title_dropped() -> None:
    progress = Progress(12.0, "Chapter 3: Partings", 2, 5, 12.0, 250.0)
    book, place, right = status_layout("The Lantern Ledger of Copper Street", progress, 40)
    assert place == "Chapter 3: Partings"
    assert "12%" in right
    assert measure(book) + 3 * bool(book) + measure(place) + 2 + measure(right) <= 40


def test_fit_cuts_with_an_ellipsis_in_cells() -> None:
    assert fit("A Very Long Title Indeed", 10) == "A Very Lo…"
    assert measure(fit("長い長いタイトルです", 9)) <= 9


def test_scene_landings_show_the_break_and_the_chapter_heading() -> None:
    text = story(chapters=2, scenes=3)
    book = make_book(text)
    landings = scene_landings(book)
    assert len(landings) == 6
    heading = book.chapters[0].heading
    assert landings[0] == heading
    assert book.raw(landings[1]).strip() == "* * *"


def test_next_and_previous_landings() -> None:
    marks = [10, 20, 30]
    assert next_landing(marks, 10) == 20
    assert next_landing(marks, 15) == 20
    assert next_landing(marks, 30) is None
    # The start of the one being read on screen (the first start shown is at or above it):
    # the one before; its start above the screen: back to that start.
    assert prev_landing(marks, 20, first_shown=20) == 10
    assert prev_landing(marks, 20, first_shown=18) == 10
    assert prev_landing(marks, 20, first_shown=21) == 20  # back to this one's start
    assert prev_landing(marks, 25, first_shown=25) == 20
    assert prev_landing(marks, 10, first_shown=10) is None
    assert prev_landing(marks, 5, first_shown=5) is None  # before the first one


def test_landings_from_the_text_after_a_scene_break() -> None:
    # The status line names the paragraph after an ornament (the scene's first), while the
    # scene lands on the ornament: the moves count from the scene being read all the same.
    book = make_book(story(chapters=1, scenes=3, paras=2))
    marks = scene_landings(book)
    second = book.chapters[0].scenes[1]
    assert marks[1] == second.start - 1  # the ornament
    assert next_landing(marks, second.start) == marks[2]
    assert prev_landing(marks, second.start, first_shown=second.start - 1) == marks[0]
    assert prev_landing(marks, second.start, first_shown=second.start) == marks[1]


def test_chapter_landings_are_chapter_starts() -> None:
    book = make_book(story(chapters=4))
    assert chapter_landings(book) == [c.start for c in book.chapters]


def test_front_and_end_matter_are_named_for_people_not_by_kind() -> None:
    from tui.book.model import Section

    book = make_book(story(chapters=2))
    book.front_matter = [
        Section("cover", None, 0, 1),
        Section("ao3_landmark", None, 1, 2),
        Section("front", 2, 2, 3),  # its heading is the summary line
    ]
    meter = ProgressMeter(book)
    assert meter.place(0) == "Title page"
    assert meter.place(1) == "Title page"  # AO3's "Posted originally on ..." line
    assert meter.place(2) == "Title page"  # the heading is too long to be a name
    book.front_matter[2] = Section("front", 1, 2, 3)
    assert meter.place(2) == "by Tessaly Brook"
    names = {meter.place(p) for p in range(3)}
    assert not names & {"Cover", "Ao3 Landmark", "Front"}


def test_the_place_is_left_out_when_it_repeats_the_title() -> None:
    progress = Progress(41.0, "001 64f9e24b0a317910", 2, 3, 12.0, 12.0)
    title, place, right = status_layout("001 64f9e24b0a317910", progress, 78)
    assert (title, place) == ("001 64f9e24b0a317910", "")
    assert right.startswith("scene 2/3 · 41%")


def test_at_80_columns_the_scene_and_percentage_stay_and_the_time_goes_first() -> None:
    progress = Progress(41.0, "Chapter 12: The Long Road Home Through the Hills", 2, 5, 12.0, 250)
    title = "The Lantern Ledger of Copper Street and Other Stories"
    for width in (78, 60, 40):
        book, place, right = status_layout(title, progress, width)
        assert right.startswith("scene 2/5 · 41%"), (width, right)
        assert place.startswith("Chapter 12")
        assert measure(book) + 3 * bool(book) + measure(place) + 2 + measure(right) <= width


def test_a_book_of_one_chapter_says_the_time_left_once() -> None:
    book = make_book(story(chapters=1))
    progress = ProgressMeter(book).at(book.starts[5], 5)
    parts = status_parts(progress, 200)
    assert parts[-1].startswith("book ") and "ch " not in parts[-1]
    two = make_book(story(chapters=2))
    parts = status_parts(ProgressMeter(two).at(two.starts[5], 5), 200)
    assert parts[-1].startswith("ch ") and " · book " in parts[-1]


def test_the_time_left_has_one_wording_before_and_in_a_chapter() -> None:
    # At 80 columns the front matter said `0% · 10 h 42 min left in book` and the first
    # chapter `1% · ch 14m · book 12h08m`: two ways to say one thing, a page apart.
    before = Progress(0.0, "Front matter", None, 0, None, 642.0)
    inside = Progress(1.0, "STAVE ONE", None, 0, 14.0, 728.0)
    assert status_layout("A Christmas Carol", before, 78)[2] == "0% · book 10h42m"
    assert status_layout("A Christmas Carol", inside, 78)[2] == "1% · ch 14m · book 12h08m"
    for progress in (before, inside):
        assert "left" not in " ".join(status_parts(progress, 200))


def test_the_front_matter_name_does_not_flip_from_line_to_line() -> None:
    from tui.book.model import Section

    book = make_book(story(chapters=2))
    book.front_matter = [
        Section("title", None, 0, 1),
        Section("text", None, 1, 2),  # a line the parser could not name
        Section("ao3_landmark", None, 2, 3),
    ]
    meter = ProgressMeter(book)
    assert [meter.place(p) for p in range(3)] == ["Title page"] * 3


def test_a_long_chapter_title_is_cut_before_the_scene_goes() -> None:
    progress = Progress(21.0, "CHAPTER VII: CUTTING FROM “THE DAILYGRAPH,” 8 AUGUST", 1, 22, 9, 600)
    for width in (78, 66, 48):  # 80 columns, and beside `match 1/1` or a longer note
        book, place, right = status_layout("Dracula", progress, width)
        assert right == "scene 1/22 · 21%", (width, right)
        assert book == "Dracula" and place.startswith("CHAPTER VII: CUT") and place[-1] == "…"
        assert measure(book) + 3 + measure(place) + 2 + measure(right) <= width
    book, place, right = status_layout("Dracula", progress, 34)  # narrow: the chapter alone
    assert (book, right) == ("", "scene 1/22 · 21%") and place.startswith("CHAPTER VII")


def test_a_chapter_named_by_a_word_the_title_holds_is_still_shown() -> None:
    # The Time Machine's first chapter is `I`: the title holds the letter, not the chapter.
    progress = Progress(1.0, "I", 1, 1, 12.0, 250)
    assert status_layout("The Time Machine", progress, 78)[1] == "I"
    progress = Progress(1.0, "Time Machine", 1, 1, 12.0, 250)
    assert status_layout("The Time Machine", progress, 78)[1] == ""


def _line(book: str, place: str, right: str) -> int:
    """The cells a status line's parts take, as the status line lays them out."""
    return measure(book) + 3 * bool(book and place) + measure(place) + 2 + measure(right)


def test_the_time_left_goes_before_the_book_title_is_cut() -> None:
    # Moby-Dick's fourth chapter at 80 columns: the book's time goes, then the chapter's,
    # and the book title stays whole (`Moby Dick; Or, The Wh…` said less than the times did).
    title = "Moby Dick; Or, The Whale"
    progress = Progress(6.0, "CHAPTER 4: The Counterpane.", None, 0, 7.4, 795.0)
    for width in (100, 81):
        assert status_layout(title, progress, width) == (
            title,
            "CHAPTER 4: The Counterpane.",
            "6% · ch 7m · book 13h15m",
        )
    assert status_layout(title, progress, 78) == (
        title,
        "CHAPTER 4: The Counterpane.",
        "6% · ch 7m",
    )
    assert status_layout(title, progress, 62) == (title, "CHAPTER 4: The Counterpane.", "6%")


def test_a_short_book_title_is_never_cut_for_the_time_or_the_chapter() -> None:
    # As a reader saw it at 80 columns: `Dracu… — CHAPTER XII: DR. SEWARD'S DIARY  scene 2/2
    # · 42% · ch 5m · book 6h12m`, and `Josep… — BOOK I · CHAPTER IV: What happened after
    # their journey to London  21%`.
    chapter = "CHAPTER XII: DR. SEWARD'S DIARY"
    progress = Progress(42.0, chapter, 2, 2, 5.0, 372.0)
    assert status_layout("Dracula", progress, 78) == ("Dracula", chapter, "scene 2/2 · 42% · ch 5m")
    chapter = "BOOK I · CHAPTER IV: What happened after their journey to London"
    progress = Progress(21.0, chapter, None, 0, None, 372.0)
    book, place, right = status_layout("Joseph Andrews", progress, 78)
    assert (book, right) == ("Joseph Andrews", "21%")
    assert place.startswith("BOOK I · CHAPTER IV: What happened") and place.endswith("…")
    assert _line(book, place, right) == 78
    for width in range(20, 140):  # whole, or on a very narrow line left out: never cut
        assert status_layout("Dracula", progress, width)[0] in ("Dracula", ""), width


def test_a_time_left_goes_only_where_it_cannot_fit() -> None:
    # At every width, a time left out would not have fitted beside the whole titles; and the
    # book title is cut only once every time has gone.
    cases = [
        (
            "Moby Dick; Or, The Whale",
            Progress(6.0, "CHAPTER 4: The Counterpane.", None, 0, 7.4, 795),
        ),
        ("Dracula", Progress(35.0, "CHAPTER XI: Lucy Westenra’s Diary", 1, 1, 21.0, 605.0)),
        ("The Adventures of Sherlock Holmes", Progress(24.0, "A Case of Identity", 1, 1, 39, 316)),
        ("The Lantern Ledger", Progress(12.0, "", 2, 5, 12.0, 250.0)),
    ]
    for title, progress in cases:
        scene = f"scene {progress.scene}/{progress.scenes} · " if progress.scene else ""
        percent = shown_percent(progress.percent)
        assert progress.chapter_minutes is not None
        chapter = f"ch {format_minutes(progress.chapter_minutes, True)}"
        both = f"{chapter} · book {format_minutes(progress.book_minutes, True)}"
        for width in range(24, 140):
            book, place, right = status_layout(title, progress, width)
            assert _line(book, place, right) <= width, (title, width)
            if book != title:
                assert right in (scene + percent, percent), (title, width, right)
            if book != title or place != progress.place:
                continue  # past the time: the titles are cut
            shown = right.removeprefix(scene + percent).removeprefix(" · ")
            for fuller in (both, chapter):
                if shown == fuller:
                    break
                wanted = _line(title, place, f"{scene}{percent} · {fuller}")
                assert wanted > width, (title, width, right, fuller)


def test_the_status_line_the_bookmarks_and_the_facts_give_one_percentage() -> None:
    # A Gutenberg book's licence is not story: all four measure the story alone.

    from tui.book.anchor import Bookmark, make_anchor
    from tui.book.formats import open_book
    from tui.cli.bookmarks import placed
    from tui.reading.bookmarks import bookmark_rows
    from tui.reading.info import book_facts

    path = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_jekyll_hyde.txt.gz"
    book = open_book(path)
    meter = ProgressMeter(book)
    para = len(book) * 3 // 4
    offset = book.starts[para]
    shown = meter.at(offset, para).percent
    [row] = bookmark_rows(meter, [Bookmark(make_anchor(book, offset), "late")])
    assert round(row.percent) == round(shown)
    assert f"· {shown_percent(shown)}" in book_facts(book, path, offset, para).place
    [printed] = placed(book, [Bookmark(make_anchor(book, offset), "late")])  # the command's
    assert round(printed.percent) == round(shown)
    assert book.story_end < len(book.text)  # the licence is there, and left out


def test_a_book_whose_chapters_are_each_one_scene_shows_no_scene_count() -> None:
    # Pride and Prejudice: `scene 1/1` on every page of every chapter says nothing.
    text = story(chapters=3, scenes=1)
    book = make_book(text)
    offset = text.index("Scene 2.1 opens.")
    progress = ProgressMeter(book).at(offset, book.para_at(offset))
    assert progress.place.startswith("Chapter 2") and progress.scene is None
    assert not status_parts(progress, 78)[0].startswith("scene")


def test_a_one_scene_chapter_counts_its_scene_where_other_chapters_have_more() -> None:
    # Where scenes are counted at all, every chapter counts them, so the line keeps its shape.
    text = story(chapters=2, scenes=3) + "\n" + story(1, 1, front=False, first_chapter=3)
    book = make_book(text)
    assert [len(chapter.scenes) for chapter in book.chapters] == [3, 3, 1]
    offset = text.index("Scene 3.1 opens.")
    progress = ProgressMeter(book).at(offset, book.para_at(offset))
    assert (progress.scene, progress.scenes) == (1, 1)


def test_where_most_chapters_are_one_scene_only_the_parted_ones_count_scenes() -> None:
    # Great Expectations: two of 59 chapters have a scene break; `scene 1/1` on the pages of
    # the other 57 said nothing.
    text = story(chapters=1, scenes=2) + "\n" + story(3, 1, front=False, first_chapter=2)
    book = make_book(text)
    assert [len(chapter.scenes) for chapter in book.chapters] == [2, 1, 1, 1]
    meter = ProgressMeter(book)
    at = text.index("Scene 1.2 opens.")
    assert (meter.at(at, book.para_at(at)).scene, meter.at(at, book.para_at(at)).scenes) == (2, 2)
    at = text.index("Scene 3.1 opens.")
    assert meter.at(at, book.para_at(at)).scene is None


def test_the_last_chapter_never_has_more_time_left_than_the_book() -> None:
    # An AO3 page whose end notes follow the last chapter had read "35 min left in chapter ·
    # 34 min left in book".
    from conftest import CORPUS

    from tui.book.formats import open_book

    book = open_book(str(CORPUS / "000_b30751cdaa057de6.txt"))
    meter = ProgressMeter(book)
    last = book.chapters[-1]
    for para in range(last.start, last.end, 7):
        progress = meter.at(book.starts[para], para)
        assert progress.chapter_minutes is not None
        assert progress.chapter_minutes <= progress.book_minutes, para


def test_a_japanese_epub_counts_its_characters_and_is_timed_by_them() -> None:
    # 草枕 had read "1.2k words" and "5 min left in book": its words are not spaced.

    from tui.book.formats import open_book

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "idpf_kusamakura.epub")
    assert book.word_count > 50_000
    meter = ProgressMeter(book, words_per_minute=250)
    first = book.chapters[0]
    progress = meter.at(book.starts[first.start], first.start)
    assert progress.book_minutes > 120
    assert progress.chapter_minutes is not None and progress.chapter_minutes < 30


def test_gutenbergs_header_is_not_part_of_the_percentage() -> None:
    # Lady Susan's long 1990s header had put its title page at 8%.

    from tui.book.formats import open_book
    from tui.reading.navigation import percent_offset
    from tui.reading.stages import story_opening

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "pg_lady_susan_old.txt.gz")
    meter = ProgressMeter(book)
    opening = story_opening(book)
    assert opening > 0 and meter.percent_at(opening) == 0
    assert meter.percent_at(0) == 0
    halfway, _ = percent_offset(book, "50")
    assert 49.5 < meter.percent_at(halfway) < 50.5
    assert percent_offset(book, "1")[0] > opening
    # `0%` goes to the start of the file, where `g` goes, as in less: the header reads 0% too.
    assert percent_offset(book, "0") == (0, "")


def test_at_the_end_no_time_is_left_to_read() -> None:
    # A tiny book whose end is on its first page said `100% · <1 min left in book`.
    progress = Progress(100.0, "Chapter 3", None, 1, 0.0, 0.0)
    assert status_parts(progress, 78) == ["100%"]
    progress = Progress(99.0, "Chapter 3", None, 1, 0.2, 0.2)
    assert status_parts(progress, 78)[-1] == "ch <1m · book <1m"


def test_a_gutenberg_books_own_title_over_its_byline_is_its_title_page() -> None:
    # Moby-Dick's `MOBY-DICK; / or, THE WHALE.` and `By Herman Melville` after the header
    # were named `About this work`, after the header before them.
    from tui.book.formats import open_book
    from tui.book.section_names import FRONT, matter_parts

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "pg_moby_dick.txt.gz")
    meter = ProgressMeter(book)
    title = next(p for p in range(len(book)) if book.paragraph(p).startswith("MOBY-DICK"))
    assert meter.place(title) == "Title page"
    assert meter.place(title + 2) == "Title page"  # `By Herman Melville`
    names = [part.name for part in matter_parts(book, FRONT)]
    assert names[:3] == ["About this work", "Title page", "Contents"]
