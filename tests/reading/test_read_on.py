"""The same book open in two windows: whether the other one read on.

It is told by when each place was read to (a move of its own there), not by when it was last
saved.
"""

from __future__ import annotations

import time
from pathlib import Path

from reader_support import lantern_book, make_book, story

from tui.reading.read_on import LEFT_BEHIND_AFTER, ReadOn
from tui.reading.session import Look, ReadingSession
from tui.reading.stages import Stage

OPENED = 1000.0  # when the place the book opens at was read to (by either window, before)
MINUTE = 60.0


def opened(reached: float = OPENED, now: float = OPENED) -> ReadOn:
    """A window that opened the book at ``now``, its place read to at ``reached``."""
    window = ReadOn()
    window.opened(reached, now)
    return window


def test_a_window_that_only_opened_the_book_has_not_read_on() -> None:
    # Both windows at the place read to before; the second saves it again as it opens.
    first, second = opened(), opened()
    second.kept()
    first.moved(OPENED + 50)
    assert not first.read_on_elsewhere(OPENED)  # what the second saved: no news
    first.kept()
    assert first.reached == OPENED + 50  # (the place the first keeps is its own move's)


def test_a_place_read_to_after_this_window_last_read_is_read_on() -> None:
    first, second = opened(), opened()
    second.moved(OPENED + 10)
    second.kept()
    first.moved(OPENED + 20)  # coming back to the first window after reading in the second
    assert first.read_on_elsewhere(OPENED + 10)


def test_a_place_read_to_before_this_window_last_read_is_not() -> None:
    first = opened()
    first.moved(OPENED + 30)
    first.kept()
    assert not first.read_on_elsewhere(OPENED + 10)  # older than what was read here
    assert not first.read_on_elsewhere(OPENED + 30)  # this window's own, read back


def test_reading_alternately_the_later_reading_wins_each_time() -> None:
    first, second = opened(), opened()
    first.moved(OPENED + 10)
    first.kept()
    assert second.read_on_elsewhere(OPENED + 10)  # the second's next move takes it up
    second.take_up(OPENED + 10)
    second.kept()  # saved again where it took up: still the first's reading
    assert second.reached == OPENED + 10
    assert not first.read_on_elsewhere(OPENED + 10)
    second.moved(OPENED + 20)
    second.kept()
    assert first.read_on_elsewhere(OPENED + 20)
    first.take_up(OPENED + 20)
    assert not first.read_on_elsewhere(OPENED + 20)  # taken up once, not again


def test_a_move_made_while_the_book_was_opening_stays_the_newer() -> None:
    window = ReadOn()
    window.moved(OPENED + 5)  # a page turned in the preview
    window.opened(OPENED, OPENED)
    assert window.reached == OPENED + 5
    assert window.read_on_elsewhere(OPENED + 1)  # (read on elsewhere after what it opened at)


def test_nothing_is_read_on_before_the_library_knows_the_book() -> None:
    window = ReadOn()
    assert not window.read_on_elsewhere(OPENED)
    window.kept()  # (saved before it moved: nothing read here to know of)
    assert window.known is None


def test_a_book_never_read_opened_in_two_windows_is_read_on_by_the_first_move() -> None:
    first, second = opened(0.0), opened(0.0)
    second.kept()
    assert not first.read_on_elsewhere(0.0)
    first.moved(OPENED)
    first.kept()
    assert second.read_on_elsewhere(OPENED)


def test_a_window_used_a_few_minutes_before_the_other_read_on_is_beside_it() -> None:
    first, second = opened(), opened()
    first.moved(OPENED + 60)
    first.kept()
    second.moved(OPENED + 60 + 4 * MINUTE)  # a chapter looked up in the second
    second.kept()
    first.moved(OPENED + 60 + 5 * MINUTE)  # back in the first
    assert first.read_on_elsewhere(OPENED + 60 + 4 * MINUTE)
    assert not first.left_behind(OPENED + 60 + 4 * MINUTE)  # offered, not taken up


def test_a_window_not_used_for_long_before_the_other_read_on_was_left_behind() -> None:
    first, second = opened(), opened()
    first.moved(OPENED + 60)
    first.kept()
    later = OPENED + 60 + LEFT_BEHIND_AFTER + MINUTE  # read on elsewhere since
    second.moved(later)
    second.kept()
    first.moved(later + 3 * 3600)  # the window left open behind, used again
    assert first.left_behind(later)


def test_a_window_only_opened_is_used_from_when_it_opened() -> None:
    # The place it opened at was read to days before; it was opened a minute before the
    # other window read on: beside it, not left behind.
    window = opened(reached=OPENED, now=OPENED + 3 * 86400)
    assert not window.left_behind(OPENED + 3 * 86400 + MINUTE)
    assert window.left_behind(OPENED + 3 * 86400 + LEFT_BEHIND_AFTER + MINUTE)


def test_an_offered_place_is_no_news_again() -> None:
    first = opened()
    assert first.read_on_elsewhere(OPENED + 10)
    first.offered(OPENED + 10)
    assert not first.read_on_elsewhere(OPENED + 10)


# -- what a reading session saves with its place -------------------------------------------------
class Keeper:
    """A library that keeps what it was given."""

    def __init__(self) -> None:
        self.saved: list[dict] = []

    def set_position(self, book_id, anchor, **kept) -> None:
        self.saved.append({"offset": anchor.offset, **kept})

    def bookmarks(self, book_id):
        return []

    def keep_jumps(self, book_id, jumps) -> None:
        pass


def reading(tmp_path: Path) -> ReadingSession:
    session = ReadingSession(lantern_book(tmp_path))
    session.show_stage(Stage(make_book(lantern_text()), 0, True, True))
    session.book_id = "lantern"
    session.read_on.opened(OPENED, OPENED)
    return session


def lantern_text() -> str:
    return story(chapters=2, scenes=2, paras=3)


def test_a_place_saved_as_opened_keeps_when_it_was_read_to(tmp_path: Path) -> None:
    session, keeper = reading(tmp_path), Keeper()
    session.moved_to(0)  # (the first page shown: a place to save, not a move of the reader's)
    assert session.save(keeper, 0, False)
    assert keeper.saved[-1]["reached_at"] == OPENED


def test_a_place_moved_to_is_saved_as_read_to_then(tmp_path: Path) -> None:
    session, keeper = reading(tmp_path), Keeper()
    before = time.time()
    session.reader_moved()
    session.moved_to(200)
    assert session.save(keeper, 200, False)
    assert keeper.saved[-1]["reached_at"] >= before
    assert not session.read_on.read_on_elsewhere(keeper.saved[-1]["reached_at"])


def test_a_look_at_new_chapters_keeps_when_the_place_left_was_read_to(tmp_path: Path) -> None:
    session = reading(tmp_path)
    session.look_at(Look(0, False), session.reader_moved)  # `U`: a jump, only to look
    assert session.read_on.reached == OPENED
    session.reader_moved()  # read on from there: reading
    assert session.read_on.reached > OPENED


# -- the place while the book is still being read ------------------------------------------------
def previewing(tmp_path: Path, offset: int, exact: bool) -> ReadingSession:
    """A book known to the library, opened on a preview (the whole book still being read) at
    ``offset``, as the view reports the first page it shows."""
    session = ReadingSession(lantern_book(tmp_path))
    session.book_id = "lantern"
    session.show_stage(Stage(make_book(lantern_text()), offset, exact, False))
    session.moved_to(offset)
    return session


def test_a_preview_only_opened_never_saves_over_the_saved_place(tmp_path: Path) -> None:
    # The preview found the saved paragraph only near where it was (it holds part of the
    # text): killed while the rest is read, the place kept must stay the exact one.
    session, keeper = previewing(tmp_path, 120, exact=False), Keeper()
    assert not session.dirty
    assert not session.save(keeper, 120, False)
    assert session.waiting_anchor(120) is None
    assert keeper.saved == []


def test_a_move_in_a_preview_is_saved_and_anchored_again_in_the_whole_book(
    tmp_path: Path,
) -> None:
    session, keeper = previewing(tmp_path, 0, exact=True), Keeper()
    session.reader_moved()
    session.moved_to(200)
    assert session.save(keeper, 200, False)
    session.show_stage(Stage(make_book(lantern_text()), 0, True, True))
    session.moved_to(200)  # (the view keeps the place the reader moved to)
    assert session.save(keeper, 200, False)  # its paragraph as the whole book has it
    assert [saved["offset"] for saved in keeper.saved] == [200, 200]
    assert not session.save(keeper, 200, False)
