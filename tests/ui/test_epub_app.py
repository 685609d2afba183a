"""An EPUB in the real app (Pilot): chapters, scenes, italics on screen, resuming."""

from __future__ import annotations

from pathlib import Path

from fixtures.epub_ao3 import ao3_epub
from fixtures.epub_fanficfare import fff_epub
from reader_support import reader_app, shown_rows, top_text, wait_open

SIZE = (80, 24)


async def test_chapter_and_scene_keys_follow_the_epub_outline(tmp_path: Path) -> None:
    path = ao3_epub(tmp_path / "work.epub")
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert top_text(screen) == "The Lighthouse Ledger"  # (not AO3's hidden `Preface`)
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 1: Low Tide"
        await pilot.press("right_square_bracket")  # the second scene, after the <hr/>
        rows = shown_rows(screen)
        assert any(row.startswith("Tobias had left the lantern burning") for row in rows[:4])
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Torn Page"


async def test_italics_and_bold_from_the_markup_are_drawn(tmp_path: Path) -> None:
    path = ao3_epub(tmp_path / "work.epub")
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket")
        view = screen.view
        styles = {}
        for y in range(view.size.height):
            for segment in view.render_line(y):
                if segment.text.strip() == "never" and segment.style is not None:
                    styles.setdefault("italic", segment.style.italic)
                    if segment.style.bold:
                        styles["bold"] = True
        assert styles == {"italic": True, "bold": True}


async def test_a_position_in_an_epub_is_resumed(tmp_path: Path) -> None:
    from tui.library.library import Library

    path = fff_epub(tmp_path / "letters.epub")
    async with reader_app(path, library=Library.open()).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert top_text(screen) == "The Second Letter"
        pilot.app.save_all()
    async with reader_app(path, library=Library.open()).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert top_text(screen) == "The Second Letter"
