"""A book set as one huge paragraph: the finder answers in moments, and stops when given up.

The finder answers in moments, and a search given up (the finder closed, or a newer query typed)
stops rather than running on beside the next.
"""

from __future__ import annotations

import random
import threading
import time

from finder_support import build_book, lighthouse

from tui.finder.book_finder import BookFinder

WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"]
SECONDS = 3.0  # processor time for one query: it took 3 s to 14 s over these 2 MB


def one_paragraph(count: int) -> str:
    chooser = random.Random(7)
    return " ".join(chooser.choice(WORDS) for _ in range(count))


def test_a_book_in_one_paragraph_is_searched_in_moments() -> None:
    finder = BookFinder(build_book("Chapter 1\n\n" + one_paragraph(300_000)))
    assert finder.build()
    for query in ("amet", "dolor sit", "dolor sit amet", "/sit amet"):
        # Processor time: parallel test workers on a small machine stretch wall time.
        start = time.process_time()
        hits = finder.search(query)
        assert hits, query
        # and its preview, with the words brought into view
        assert hits[0].words_in(finder.book) is not None
        preview = finder.preview(hits[0], room=500)
        assert time.process_time() - start < SECONDS, query
        assert {preview.body[a:b].casefold() for a, b in preview.spans} & {"amet", "sit"}
        detail = hits[0].detail if hits[0].kind == "scene" else hits[0].label
        spans = hits[0].detail_spans if hits[0].kind == "scene" else hits[0].label_spans
        assert "amet" in detail or "sit" in detail
        assert spans  # the matched words are marked in the line shown


def test_finders_over_one_book_search_one_at_a_time() -> None:
    book = lighthouse()
    closed, opened = BookFinder(book), BookFinder(book)
    assert closed.build() and opened.adopt_index()
    inside, release = threading.Event(), threading.Event()

    def given_up() -> bool:
        # The closed finder's search, still running: its next check says stop.
        inside.set()
        release.wait(10)
        return True

    stale = threading.Thread(
        target=closed.search, args=("storm",), kwargs={"should_stop": given_up}
    )
    stale.start()
    assert inside.wait(10)
    answers: list[list] = []
    fresh = threading.Thread(target=lambda: answers.append(opened.search("storm lantern")))
    fresh.start()
    fresh.join(0.3)
    # The index's caches are shared: the new finder's search waits for the old one to stop.
    assert fresh.is_alive() and not answers
    release.set()
    stale.join(10)
    fresh.join(10)
    assert answers and answers[0]  # and then answers, in full


def test_a_search_given_up_before_its_turn_does_not_run() -> None:
    finder = BookFinder(lighthouse())
    assert finder.build()
    assert finder.search("storm lantern", should_stop=lambda: True) == []
    assert finder.search("storm lantern")
