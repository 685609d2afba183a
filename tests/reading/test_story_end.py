"""The status line measures the story: its last page is 100%.

The licence after it adds nothing to the percentage or the time left; the library's record
agrees.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.library.records import BookRecord
from tui.library.scan import FileFacts, facts_from_book
from tui.reading.navigation import percent_offset
from tui.reading.pager import LayoutOptions, Pager
from tui.reading.session import ReadingSession
from tui.reading.stages import Stage
from tui.reading.status_text import status_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _reading(name: str, height: int = 23) -> tuple[ReadingSession, Pager]:
    path = REAL / name
    book = open_book(str(path))
    session = ReadingSession(path)
    session.show_stage(Stage(book, 0, True, True))
    return session, Pager(book, LayoutOptions(column=72), height)


def _percent(session: ReadingSession, pager: Pager) -> float:
    status = status_text(session, pager, "")
    assert status is not None and status.progress is not None
    return status.progress.percent


def test_the_page_ending_the_story_reads_100_percent_before_the_licence() -> None:
    session, pager = _reading("pg_alice.txt.gz")
    book = pager.book
    # The page whose last lines are the story's last: `THE END` and the licence are below.
    last = book.text.rindex("days.", 0, book.story_end)
    pager.go_to_offset(last, context=pager.height - 2)
    assert not pager.at_end
    status = status_text(session, pager, "")
    assert status is not None and status.progress is not None
    assert status.progress.percent == 100 and status.progress.book_minutes == 0
    # A page earlier it is not yet the end.
    pager.scroll(-pager.height)
    assert 95 < _percent(session, pager) < 100


def test_the_licence_is_not_counted_in_the_percentage_or_the_time_left() -> None:
    session, pager = _reading("pg_dracula.txt.gz")
    book = pager.book
    pager.go_to_offset(book.text.index("Project Gutenberg", book.story_end))
    assert _percent(session, pager) == 100
    # Half the story is 50%, and going to 50% lands there.
    place = percent_offset(book, "50")
    assert place is not None
    pager.go_to_offset(place[0])
    assert 49 < _percent(session, pager) < 51


def test_the_library_measures_the_story_as_the_status_line_does() -> None:
    session, pager = _reading("pg_alice.txt.gz")
    book = pager.book
    facts = facts_from_book(FileFacts(str(REAL / "pg_alice.txt.gz")), book)
    record = BookRecord("alice", facts.path, length=facts.length, finish=facts.finish)
    middle = book.story_end // 2
    pager.go_to_offset(middle)
    record.offset = pager.top_offset()
    assert abs(100 * record.progress - _percent(session, pager)) < 0.5
    # The story's last page on screen: the reader saves it as the end, and it is finished.
    pager.go_to_offset(book.text.rindex("days.", 0, book.story_end), context=pager.height - 2)
    assert session.story_ended(pager.bottom_offset(), pager.at_end)
    record.offset, record.ended = pager.top_offset(), True
    assert record.progress == 1.0 and record.status == "finished"


def test_a_jump_to_the_end_from_the_middle_is_a_glance_and_from_the_last_chapter_reading() -> None:
    session, pager = _reading("pg_alice.txt.gz")
    book = pager.book
    end, shown = book.story_end, False
    middle = int(book.starts[book.chapters[5].start])
    last_chapter = int(book.starts[book.chapters[-1].start])
    assert session.glanced_at_end(middle, end - 1000, end, shown)
    assert not session.glanced_at_end(last_chapter + 10, end - 1000, end, shown)
    # Nor is a jump that stops short of the last chapter and the last tenth.
    short = min(last_chapter, end - end // 10) - 2000
    assert not session.glanced_at_end(middle, short, short + 1500, shown)
    # A jump to a few lines short of the end (a search's last match) is a glance too: the
    # library would count a place that near the end as read to it.
    assert session.glanced_at_end(middle, end - 300, end - 10, shown)
