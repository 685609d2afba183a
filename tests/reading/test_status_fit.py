"""The status line fitted to its width: what gives way first, and how a long title is cut."""

from __future__ import annotations

from dataclasses import replace

from tui.paths import shown_percent
from tui.reading.progress import (
    Progress,
    fit,
    format_minutes,
    status_layout,
    status_parts,
)
from tui.reading.wrapping import measure


def test_status_items_shrink_to_fit() -> None:
    progress = Progress(41.6, "Chapter 3", 2, 5, 12.0, 250.0)
    wide = status_parts(progress, 100)
    assert wide == ["scene 2/5", "41%", "ch 12m · book 4h10m"]
    for width in (60, 40, 30, 20, 12):
        parts = status_parts(progress, width)
        assert "41%" in parts
        assert measure(" · ".join(parts)) <= width or parts == ["41%"]


def test_a_long_book_title_gives_way_to_the_chapter_and_the_times() -> None:
    progress = Progress(1.2, "Chapter 3: Partings at the Harbour", 1, 4, 44.0, 700.0)
    title = "King’s Proposal, Vol. 6: The Silver Crown of the Northern Sea"
    book, place, right = status_layout(title, progress, 98)
    assert place == "Chapter 3: Partings at the Harbour"  # whole
    assert right == "scene 1/4 · 1% · ch 44m · book 11h40m"  # the book title was cut instead
    assert book.endswith("…") and (
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


def test_the_place_is_left_out_when_it_repeats_the_title() -> None:
    progress = Progress(41.0, "001 64f9e24b0a317910", 2, 3, 12.0, 12.0)
    title, place, right = status_layout("001 64f9e24b0a317910", progress, 78)
    assert (title, place) == ("001 64f9e24b0a317910", "")
    assert right.startswith("scene 2/3 · 41%")


def test_at_80_columns_the_titles_are_cut_and_the_place_and_times_stay() -> None:
    progress = Progress(41.0, "Chapter 12: The Long Road Home Through the Hills", 2, 5, 12.0, 250)
    title = "The Lantern Ledger of Copper Street and Other Stories"
    book, place, right = status_layout(title, progress, 78)
    assert right == "scene 2/5 · 41% · ch 12m · book 4h10m"
    assert book.startswith("The Lantern") and place.startswith("Chapter 12: The Long")
    assert book.endswith("…") and place.endswith("…")
    for width in (78, 60, 40):
        book, place, right = status_layout(title, progress, width)
        assert right.startswith("scene 2/5 · 41%"), (width, right)
        assert place.startswith("Chapter 12")
        assert measure(book) + 3 * bool(book) + measure(place) + 2 + measure(right) <= width


def test_the_time_left_has_one_wording_before_and_in_a_chapter() -> None:
    # At 80 columns the front matter said `0% · 10 h 42 min left in book` and the first
    # chapter `1% · ch 14m · book 12h08m`: two ways to say one thing, a page apart.
    before = Progress(0.0, "Front matter", None, 0, None, 642.0)
    inside = Progress(1.0, "STAVE ONE", None, 0, 14.0, 728.0)
    assert status_layout("A Christmas Carol", before, 78)[2] == "0% · book 10h42m"
    assert status_layout("A Christmas Carol", inside, 78)[2] == "1% · ch 14m · book 12h08m"
    for progress in (before, inside):
        assert "left" not in " ".join(status_parts(progress, 200))


def test_a_long_chapter_title_is_cut_before_the_time_and_the_scene_go() -> None:
    # At 80 columns the time left went, to show the chapter's title whole up to `8 AUG…`.
    progress = Progress(21.0, "CHAPTER VII: CUTTING FROM “THE DAILYGRAPH,” 8 AUGUST", 1, 22, 9, 600)
    for width, shown in ((78, "scene 1/22 · 21% · ch 9m · book 10h00m"), (48, "scene 1/22 · 21%")):
        book, place, right = status_layout("Dracula", progress, width)
        assert right == shown, (width, right)
        assert book == "Dracula" and place.startswith("CHAPTER VII: CU") and place[-1] == "…"
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


def test_the_chapter_title_is_cut_before_the_book_title_and_the_times() -> None:
    # Moby-Dick's fourth chapter at 80 columns: the chapter's title is cut, the book's stays
    # whole, and the time left in the book stays.
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
        "CHAPTER 4: The Counterpa…",
        "6% · ch 7m · book 13h15m",
    )


def test_a_short_book_title_is_never_cut_for_the_time_or_the_chapter() -> None:
    # As a reader saw it at 80 columns: `Dracu… — CHAPTER XII: DR. SEWARD'S DIARY  scene 2/2
    # · 42% · ch 5m · book 6h12m`, and `Josep… — BOOK I · CHAPTER IV: What happened after
    # their journey to London  21%`.
    chapter = "CHAPTER XII: DR. SEWARD'S DIARY"
    progress = Progress(42.0, chapter, 2, 2, 5.0, 372.0)
    assert status_layout("Dracula", progress, 78) == (
        "Dracula",
        "CHAPTER XII: DR. SEWARD'S DIA…",
        "scene 2/2 · 42% · ch 5m · book 6h12m",
    )
    chapter = "BOOK I · CHAPTER IV: What happened after their journey to London"
    progress = Progress(21.0, chapter, None, 0, None, 372.0)
    book, place, right = status_layout("Joseph Andrews", progress, 78)
    assert (book, right) == ("Joseph Andrews", "21% · book 6h12m")
    assert place.startswith("BOOK I · CHAPTER IV: What happened") and place.endswith("…")
    assert _line(book, place, right) == 78
    for width in range(20, 140):  # whole, or on a very narrow line left out: never cut
        assert status_layout("Dracula", progress, width)[0] in ("Dracula", ""), width


def test_a_time_left_goes_only_where_it_cannot_fit() -> None:
    # At every width, a time left out would not have fitted beside the titles cut to their
    # least (a chapter's to 16 cells, a long book title's to 6, a short one whole).
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
        # (alone, without a chapter, a title keeps 12 cells)
        least_book = title if measure(title) <= 12 else fit(title, 6 if progress.place else 12)
        least_place = fit(progress.place, 16)
        for width in range(24, 140):
            book, place, right = status_layout(title, progress, width)
            assert _line(book, place, right) <= width, (title, width)
            if not right.startswith(scene + percent):
                continue  # a very narrow line: the scene went
            shown = right.removeprefix(scene + percent).removeprefix(" · ")
            for fuller in (both, chapter):
                if shown == fuller:
                    break
                wanted = _line(least_book, least_place, f"{scene}{percent} · {fuller}")
                assert wanted > width, (title, width, right, fuller)


def test_in_a_book_in_parts_the_outer_parts_give_way_before_the_chapters_label() -> None:
    place = "PART I · Book II · Chapter VII: A Young Man Bent On A Career"
    progress = Progress(9.0, place, None, 0, 9.0, 1264.0)
    for width in (78, 60, 48, 40):
        _book, place, right = status_layout("The Brothers Karamazov", progress, width)
        assert "Chapter VII" in place and "Chapter V…" not in place, (width, place)
        assert "9%" in right
    _book, place, _right = status_layout("The Brothers Karamazov", progress, 78)
    assert place.startswith("Book II · Chapter VII: A"), place  # the part it is in, kept
    # The part it is in and the label name the chapter, though none of its title fits.
    grand = replace(progress, place="PART II · Book V · Chapter V: The Grand Inquisitor")
    _book, place, right = status_layout("The Brothers Karamazov", grand, 48)
    assert place == "Book V · Chapter V…", place
    # A place that fits is never cut, its parts and all.
    _book, place, _right = status_layout("Dracula", progress, 120)
    assert place == progress.place


def test_beside_a_search_count_the_times_and_scene_go_before_the_titles_are_cut() -> None:
    """At 80 columns beside `match 4/6` (66 cells left): the titles whole with the percentage;
    a title too long for that keeps half the line, not the 16 cells of a chapter's least."""
    progress = Progress(47.2, "Chapter 2: The Missing Chapter", 2, 3, 4.0, 9.0)
    title, place, right = status_layout("What the Tide Keeps", progress, 66, fair=39)
    assert (title, place, right) == ("What the Tide Keeps", "Chapter 2: The Missing Chapter", "47%")
    unfair = status_layout("What the Tide Keeps", progress, 66)
    assert unfair[1].endswith("…") and unfair[2].startswith("scene 2/3")
    long = replace(progress, place="Chapter 2: The Missing Chapter, and the Harbour Courier")
    title, place, right = status_layout("What the Tide Keeps", long, 66, fair=39)
    assert measure(title) + 3 + measure(place) >= 39 and "47%" in right
    assert measure(title) + 3 + measure(place) + 2 + measure(right) <= 66
