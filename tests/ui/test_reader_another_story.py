"""Another story saved under the name of one read starts from the beginning in the reader.

The reader keeps none of the old one's places, and says where those were kept (Pilot).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from reader_support import notices, reader_app, wait_for, wait_open

from tui.library.library import Library
from tui.ui.screens.reader_opening import CHANGED_NOTICE

SIZE = (80, 24)
FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"


def put(path: Path, fixture: str) -> Path:
    path.write_bytes(gzip.decompress((FANFIC / fixture).read_bytes()))
    return path


async def test_another_story_under_the_same_name_starts_at_its_beginning(tmp_path: Path) -> None:
    path = put(tmp_path / "wip.html", "ao3_download_html_rehosted_three_chapters.html.gz")
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "m", "a", "q")
        await pilot.pause()
    [old] = [r for r in Library.open().records() if r.name == "wip.html"]
    assert old.offset > 0

    put(path, "ao3_download_html_2020_named_chapters.html.gz")
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)

        # (its lines broken between words, the path shortened for them: never split)
        def said() -> list[str]:
            return [" ".join(n.split()) for n in notices(app)]

        await wait_for(pilot, lambda: any("now holds a different story" in n for n in said()))
        [notice] = [n for n in said() if "different story" in n]
        assert "wip.html now holds a different story (" in notice
        assert "starting it from the beginning" in notice and old.title in notice
        assert not any(CHANGED_NOTICE in n for n in notices(app))
        assert screen.view.top_offset() == 0
        assert app.library.bookmarks(screen.session.book_id) == []
        await pilot.press("apostrophe", "a")  # the old story's mark is not carried over
        assert screen.view.top_offset() == 0
        await pilot.press("q")
        await pilot.pause()
    library = Library.open()
    new = library.find_by_path(path)
    assert new is not None and new.id != old.id and new.title != old.title
    kept = library.get(old.id)
    assert kept is not None and kept.missing and kept.offset == old.offset
    assert [mark.mark for mark in library.bookmarks(old.id)] == ["a"]
