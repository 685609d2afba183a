"""What the reader shows of a chapter's heading.

The title once, without the file's emphasis marks or alt text, on the page, in the status line,
the bookmarks and the finder.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import paragraph, prompt_text, reader_app, shown_rows, top_text, wait_open

from tui.ui.dialogs.bookmarks import BookmarkOptions, BookmarksScreen
from tui.ui.dialogs.contents import ContentsOptions, ContentsScreen
from tui.ui.dialogs.finder import FinderScreen, ResultList

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def converted_book(folder: Path) -> Path:
    """An EPUB turned into text: each heading holds the alt text of its images."""
    parts = ["Cover: The Harbour Ledger, by Tessaly Brook"]
    for n, title in enumerate(["A Creeping Horror", "Into the RPG World", "The Festival"], 1):
        parts.append(f"Chapter {n} image {title} image")
        parts += [paragraph(n * 5 + p, 3) for p in range(12)]
    path = folder / "festival.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


async def test_a_printed_heading_and_its_title_line_show_once(tmp_path: Path) -> None:
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        for _ in range(3):
            await pilot.press("right_curly_bracket")
            await pilot.pause()
            if "CHAPTER II" in shown_rows(screen):
                break
        rows = shown_rows(screen)
        at = rows.index("CHAPTER II")
        assert rows[at + 1] == "JONATHAN HARKER’S JOURNAL--continued"
        assert rows[at + 2] == ""
        assert sum("JONATHAN HARKER’S JOURNAL" in row for row in rows) == 1
        assert not any("_continued_" in row for row in rows)
        status = str(screen.status.render())
        # (named whole, and cut at 80 columns so that the time left stays)
        assert screen.status.progress.place == "CHAPTER II: JONATHAN HARKER’S JOURNAL--continued"
        assert "CHAPTER II: JONATHAN HARKER’" in status
        assert "_continued" not in status


async def go_to(pilot, screen, place: str, heading: str) -> list[str]:
    """The rows on screen after `ctrl+p`, ``place`` and Enter, once ``heading`` shows."""
    app = pilot.app
    await pilot.press("ctrl+p")
    for _ in range(100):
        await pilot.pause(0.02)
        if isinstance(app.screen, FinderScreen):
            break
    await pilot.press(*place)
    for _ in range(100):
        await pilot.pause(0.02)
        if app.screen.shown_query == place:
            break
    await pilot.press("enter")
    for _ in range(100):
        await pilot.pause(0.02)
        if app.screen is screen and heading in shown_rows(screen):
            break
    return shown_rows(screen)


async def test_every_chapter_title_shows_once_under_its_heading_line(tmp_path: Path) -> None:
    # Dracula's `CHAPTER XI` is over `_Lucy Westenra’s Diary._`, in italics with a full stop,
    # and its contents list names it so: the line is the heading's, not the story's first.
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        rows = await go_to(pilot, screen, "ch 11", "CHAPTER XI")
        at = rows.index("CHAPTER XI")
        assert rows[at + 1] == "Lucy Westenra’s Diary."
        assert rows[at + 3].startswith("12 September.--How good they all are")
        assert sum("Lucy Westenra’s Diary" in row for row in rows) == 1
        # A bookmark there quotes the story's first words, not the title again.
        await pilot.press("M", *"diary", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        options = app.screen.query_one(BookmarkOptions)
        entry = prompt_text(options.get_option_at_index(0).prompt, width=200)
        assert "CHAPTER XI: Lucy Westenra’s Diary  “12 September" in entry, entry
        assert entry.count("Lucy Westenra’s Diary") == 1, entry
        # `CHAPTER V` has no title line (a letter's heading is under it): its title, from the
        # contents, is set as the others are, under the heading's line.
        await pilot.press("escape")
        rows = await go_to(pilot, screen, "ch 5", "CHAPTER V")
        at = rows.index("CHAPTER V")
        assert rows[at + 1] == "Letters—Lucy and Mina"
        assert rows[at + 3] == "Letter from Miss Mina Murray to Miss Lucy Westenra."


async def test_a_title_set_under_an_image_below_its_heading_shows_once(tmp_path: Path) -> None:
    # Treasure Island's EPUB sets each chapter's number, an image, then its title.
    app = reader_app(REAL / "pg_treasure_island.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        rows = await go_to(pilot, screen, "ch 2", "2")
        at = rows.index("2")
        shown = [row for row in rows[at + 1 : at + 8] if row]
        assert shown[:3] == ["[image]", "Black Dog Appears and Disappears", "[image]"]
        assert sum("Black Dog Appears" in row for row in rows) == 1


async def test_bookmarks_and_finder_quote_a_heading_by_its_clean_title(tmp_path: Path) -> None:
    app = reader_app(converted_book(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")
        await pilot.pause()
        assert shown_rows(screen)[1] == "Chapter 2: Into the RPG World"
        await pilot.press("M", *"RPG start", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        options = app.screen.query_one(BookmarkOptions)
        entry = prompt_text(options.get_option_at_index(0).prompt)
        label, below = entry.splitlines()
        assert label.startswith("RPG start")
        # The place names the chapter by its clean title; the words quoted are its first
        # words, not its heading again, nor the image above it.
        assert below.startswith("Chapter 2: Into the RPG World  “"), entry
        assert below.count("Into the RPG World") == 1 and "image" not in entry
        await pilot.press("escape", "ctrl+p")
        for _ in range(300):
            await pilot.pause(0.02)
            if isinstance(app.screen, FinderScreen) and getattr(app.screen, "indexing", 1) is None:
                break
        finder = app.screen
        assert isinstance(finder, FinderScreen)
        await pilot.press(*"into rpg world")
        for _ in range(300):
            await pilot.pause(0.02)
            if finder.shown_query == "into rpg world":
                break
        results = finder.query_one(ResultList)
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Chapter 2: Into the RPG World" in hit for hit in shown), shown
        assert not any("image" in hit for hit in shown), shown
        preview = str(finder.query_one("#finder-preview").render())
        assert "image" not in preview


async def test_a_book_in_parts_names_each_chapter_with_its_part(tmp_path: Path) -> None:
    app = reader_app(REAL / "pg_study_in_scarlet.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        titles = [row.title for row in app.screen.rows if row.depth == 0 and row.matter is None]
        assert titles[0] == "PART I · CHAPTER I: MR. SHERLOCK HOLMES."
        assert titles[7] == "PART II · CHAPTER I: ON THE GREAT ALKALI PLAIN."
        assert len(set(titles)) == len(titles)
        options = app.screen.query_one(ContentsOptions)
        options.highlighted = [row.title for row in app.screen.rows].index(titles[7])
        await pilot.press("enter")
        await pilot.pause()
        rows = [row for row in shown_rows(screen) if row]
        at = rows.index("CHAPTER I.")
        assert rows[at - 2 : at + 2] == [
            "PART II.",
            "The Country of the Saints.",  # (its emphasis marks drawn as italics)
            "CHAPTER I.",  # (as the book writes it)
            "ON THE GREAT ALKALI PLAIN.",
        ]
        status = str(screen.status.render())
        assert screen.status.progress.place == "PART II · CHAPTER I: ON THE GREAT ALKALI PLAIN."
        assert "PART II · CHAPTER I: ON THE G" in status  # (cut at 80 columns, `…`)
        await pilot.press("g", "right_curly_bracket")
        await pilot.pause()
        rows = [row for row in shown_rows(screen) if row]
        assert rows[rows.index("CHAPTER I.") + 1] == "MR. SHERLOCK HOLMES."
        assert screen.status.progress.place == "PART I · CHAPTER I: MR. SHERLOCK HOLMES."
        assert "PART I · CHAPTER I: MR. SHERLO" in str(screen.status.render())


async def test_a_gutenberg_book_read_for_the_first_time_opens_past_the_licence_header() -> None:
    app = reader_app(REAL / "pg_alice.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        # its own title page, from its first line: the frontispiece's note under the header
        assert top_text(screen) == "[Illustration]"
        assert "Alice’s Adventures in Wonderland" in shown_rows(screen)
        assert "Title page" in str(screen.status.render())
        await pilot.press("g")  # the header is still there, at the top
        assert top_text(screen).startswith("The Project Gutenberg eBook of Alice")
