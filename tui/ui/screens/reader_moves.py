"""The reader's moves: lines, pages, the ends of the book, scenes, chapters and the jump list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.reading.jumps import JumpList
from tui.reading.navigation import next_landing, prev_landing
from tui.reading.pager import Pos

if TYPE_CHECKING:
    from tui.ui.widgets.reader_view import ReaderView


class ReaderMoves:
    """Moving actions for `ReaderScreen` (a mixin). Line and page moves scroll; everything
    else is a jump, remembered in the jump list so that `jump_back` returns."""

    # Provided by ReaderScreen.
    view: ReaderView
    final: bool
    jumps: JumpList
    scene_marks: list[int]
    chapter_marks: list[int]
    _user_moved: bool
    _refresh_status: Callable[[], None]
    _wait_for_book: Callable[[str, str], None]

    def _ready(self) -> bool:
        return self.view.pager is not None

    def _scroll(self, rows: int = 0, pages: float = 0) -> None:
        if not self._ready():
            return
        self._user_moved = True
        if pages:
            self.view.scroll_pages(pages)
        else:
            self.view.scroll_rows(rows)
        self._refresh_status()  # now, so the text and the status line go out in one frame

    def _jump(self, move: Callable[[], None]) -> None:
        """Make a jump, remembering where it left from so `jump_back` can return."""
        if not self._ready():
            return
        self._user_moved = True
        before = self.view.top_offset()
        move()
        if self.view.top_offset() != before:
            self.jumps.push(before)
        self._refresh_status()

    def action_line_down(self) -> None:
        self._scroll(rows=1)

    def action_line_up(self) -> None:
        self._scroll(rows=-1)

    def action_half_page_down(self) -> None:
        self._scroll(pages=0.5)

    def action_half_page_up(self) -> None:
        self._scroll(pages=-0.5)

    def action_page_down(self) -> None:
        self._scroll(pages=1)

    def action_page_up(self) -> None:
        self._scroll(pages=-1)

    def action_top(self) -> None:
        self._jump(lambda: self.view.go_to(Pos(0)))

    def _whole_book(self) -> bool:
        """True once the whole book is in; otherwise says so (the preview is partial)."""
        if self.final:
            return True
        if self._ready():
            self.notify("Still reading the whole book: try again in a moment", timeout=2)
        return False

    def action_bottom(self) -> None:
        if self.final:
            self._jump(self.view.go_to_end)
        else:  # the end is not known yet: go there when it is
            self._wait_for_book("bottom", "")

    def _landing(self, marks: list[int], forward: bool, what: str) -> None:
        pager = self.view.pager
        if pager is None:
            return
        top = pager.top
        if forward:
            target = next_landing(marks, top.para)
        else:
            target = prev_landing(marks, top.para, at_block_top=top.piece == 0 and top.row == 0)
        if target is None:
            if not marks:
                self.notify(f"This book has no {what}s" if self.final else "Still indexing…")
            else:
                self.notify(f"No {'next' if forward else 'previous'} {what}", timeout=2)
            return
        self._jump(lambda: self.view.go_to(Pos(target)))

    def action_next_scene(self) -> None:
        self._landing(self.scene_marks, True, "scene")

    def action_prev_scene(self) -> None:
        self._landing(self.scene_marks, False, "scene")

    def action_next_chapter(self) -> None:
        self._landing(self.chapter_marks, True, "chapter")

    def action_prev_chapter(self) -> None:
        self._landing(self.chapter_marks, False, "chapter")

    def action_jump_back(self) -> None:
        if not self._ready():
            return
        place = self.jumps.back(self.view.top_offset())
        if place is None:
            self.notify("No earlier place to go back to", timeout=2)
            return
        self._user_moved = True
        self.view.go_to_offset(place)
        self._refresh_status()

    def jump_to_offset(self, offset: int) -> None:
        """Jump to a character offset (from the finder or a bookmark), keeping the jump list."""
        self._jump(lambda: self.view.go_to_offset(offset))
