"""The reader's prompted moves: search and what goes with it, and a percentage.

Search (forward, backward, in the chapter), repeat, count the matches, clear the highlights,
and go to a percentage.
"""

from __future__ import annotations

import re

from textual.message import Message
from textual.worker import get_current_worker

from tui.reading.history import HistoryKind, PromptHistory
from tui.reading.navigation import percent_offset, typed_percent
from tui.reading.pager import Pos
from tui.reading.pending import PendingKind
from tui.reading.progress import fit
from tui.reading.search import BadQuery, Match, find_steps, match_starts, written_as_pattern
from tui.reading.search_state import SearchPart, search_part, wrapped_note
from tui.reading.status_text import para_named
from tui.ui.screens.reader_host import ReaderHost, take_count
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.prompt_bar import PromptBar

PROMPTS: dict[PendingKind, tuple[str, str]] = {
    "search": ("/", "search forward · Enter alone repeats · re:… for a pattern · ↑ earlier"),
    "search_back": ("?", "search backward · Enter alone repeats · ↑ earlier"),
    "search_chapter": ("/ in chapter", "search this chapter · ↑ earlier"),
    "percent": ("Go to %", "0–100, then Enter · ↑ earlier"),
    "command": (":", "a line number, then Enter · q quits · ↑ earlier"),
}

# How much of a query a notice repeats (a pasted page is not echoed whole).
QUERY_ECHOED = 60
# How much of a search recalled from the history the status line repeats (`n` in a new session).
QUERY_RECALLED = 30
# The title of the notices about a search (nothing found, a bad pattern): the next search
# takes them away, as they are about the one before.
SEARCH_NOTICE = "Search"


def history_kind(kind: PendingKind) -> HistoryKind:
    if kind == "command":
        return "command"
    return "percent" if kind in ("percent", "top", "bottom") else "search"


class SearchFinished(Message):
    """A search ended: ``match`` is None when nothing matched. ``backward``: the way it went
    (`N` goes against the way the search was typed). ``elsewhere``: for a search kept to a
    chapter that found nothing there, how many matches the rest of the book has."""

    def __init__(
        self, match: Match | None, query: str, serial: int, backward: bool, elsewhere: int = 0
    ) -> None:
        super().__init__()
        self.match = match
        self.query = query
        self.serial = serial
        self.backward = backward
        self.elsewhere = elsewhere


class MatchesCounted(Message):
    """How many matches come before ``at`` (``before``), or where every match starts."""

    def __init__(
        self, generation: int, at: int, before: int | None, starts: list[int] | None
    ) -> None:
        super().__init__()
        self.generation = generation
        self.at = at
        self.before = before
        self.starts = starts


class SearchFlow:
    """Search and go-to-percent in the reader: what a prompt's answer does, and what a
    finished search shows. Searches and counts run in workers, in chunks, so the interface
    stays responsive on an 84 MB book; a newer search makes an older one stale.

    `n` and `N` pressed while a search is under way are added up, and the sum is searched for
    once it ends: none is lost, and a burst of them costs one search, not one each."""

    def __init__(self, host: ReaderHost) -> None:
        self.host = host
        self._history: PromptHistory | None = None
        self.generation = 0  # one per search started from a prompt: its count belongs to it
        self._running: int | None = None  # the serial of the search under way, if any
        # Matches still to move for `n` and `N` pressed meanwhile: forward +, backward -.
        self._steps = 0
        # The search under way was recalled from the history by `n` or `N`: its end says so.
        self._recalled = False

    # -- history -------------------------------------------------------------------------------
    @property
    def history(self) -> PromptHistory:
        """What was typed into the prompts, read from the state directory when first needed."""
        if self._history is None:
            self._history = PromptHistory.load()
        return self._history

    def ask(self, bar: PromptBar, kind: PendingKind) -> None:
        """Open ``bar`` for ``kind``, with its history for ↑ and ↓."""
        prompt, placeholder = PROMPTS[kind]
        bar.ask(
            kind, prompt, placeholder=placeholder, history=self.history.entries[history_kind(kind)]
        )

    def remember(self, kind: PendingKind, value: str) -> None:
        problem = self.history.remember(history_kind(kind), value)
        if problem:
            self.host.notify(problem, severity="warning", timeout=5)

    # -- answers -------------------------------------------------------------------------------
    def submitted(self, kind: PendingKind, value: str) -> None:
        """The prompt was answered. An empty search repeats the last one, as in less and vim;
        a count typed before the prompt's key goes that many matches on (`3/Mina`)."""
        host, session = self.host, self.host.session
        steps = take_count(session, host.refresh_status)
        if kind != "percent" and not value.strip():
            search = session.search
            if search.pattern is not None and session.final:
                # On from the current match, the way this prompt searches.
                search.backward = kind == "search_back"
                search.shown = True
                self.run(backward=search.backward, steps=steps)
                return
            value = self.history.last("search")  # the last search of an earlier run
            if not value:
                host.notify("No earlier search: type what to find", timeout=3)
                return
        if value.strip():
            self.remember(kind, value)
        if kind == "percent" and self.percent_before_the_parse(value):
            return
        if not session.final and value.strip():
            # The prompt opens at once even while the book is being indexed, so what is
            # typed goes into it; the search or the jump waits for the whole book.
            host.notify(session.waiting.wait_for_book(kind, value, steps), timeout=3)
            host.refresh_status()  # (the status line says what waits)
            return
        self.answer(kind, value, steps)

    def percent_before_the_parse(self, value: str) -> bool:
        """`50%` while the book is still parsed, its whole text read: that far into the text
        at once (the story's own bounds, past a header, are known with the chapters)."""
        host, session = self.host, self.host.session
        whole, typed = session.whole_text, typed_percent(value)
        if session.final or whole is None or typed is None:
            return False
        percent, note = typed
        offset = whole.percent_offset(percent)
        if not host.go_before_the_parse(offset, lambda: host.view.go_to_row_from(offset)):
            return False
        if note:
            host.say(note, seconds=4, about="place")  # (the page is not covered by it)
        return True

    def percent_from_count(self) -> bool:
        """`50%`: a count typed before the percentage key goes straight there."""
        count = self.host.session.count.value()
        if count is None:
            return False
        take_count(self.host.session, self.host.refresh_status)
        self.submitted("percent", str(count))
        return True

    def answer(self, kind: PendingKind, value: str, steps: int = 1) -> None:
        """Do what a prompt asked for; ``steps``: a search's count, the match it goes to."""
        host = self.host
        session, view = host.session, host.view
        if kind == "percent":
            place = percent_offset(session.book, value) if session.book is not None else None
            if place is None:
                host.notify("Type a percentage, 0–100", severity="warning", timeout=3)
                return
            offset, note = place
            host.jump(lambda: view.go_to_row_from(offset))
            if note:
                host.say(note, seconds=4, about="place")
        elif kind == "top":
            host.jump(lambda: view.go_to(Pos(0)))
        elif kind == "bottom":
            host.jump(view.go_to_end)
        elif value.strip():
            within = None
            if kind == "search_chapter" and view.pager is not None:
                # "This chapter" is the one the status line names.
                book, para = session.book, para_named(session, view.pager)
                within = search_part(book, para) if book is not None else None
                if within is None:
                    host.notify("This book has no chapters: searching the whole book", timeout=3)
                elif within.name != "this chapter":
                    # Outside the chapters it keeps to where one is, and says so.
                    whole = key_hint(host.app, "search")
                    host.notify(
                        f"Searching {within.name} only ({whole} searches the whole book)",
                        timeout=4,
                    )
            regex = host.app.settings.reader.search_regex
            if self._begin(value, backward=kind == "search_back", regex=regex, within=within):
                self.run(backward=session.search.backward, steps=steps)

    def _begin(
        self,
        text: str,
        *,
        backward: bool,
        regex: bool = False,
        within: SearchPart | None = None,
    ) -> bool:
        """Make ``text`` the search and highlight it; False (and a notice) for a bad pattern."""
        host = self.host
        host.status.unsay(about="search")  # what the status line said of the last search
        host.app.notice_board.withdraw_titled(SEARCH_NOTICE)  # and what a notice said of it
        try:
            host.session.search.start(text, backward=backward, regex=regex, within=within)
        except BadQuery as err:
            last = host.session.search.text
            kept = f" The last search, “{last}”, stays: n goes on with it." if last else ""
            host.notify(
                f"{err}.{kept}", title=SEARCH_NOTICE, severity="warning", timeout=5, markup=False
            )
            return False
        self.generation += 1
        self._recalled = False
        # A search under way was for the words before: its answer is stale, and so are the
        # `n` presses waiting for it.
        host.session.search.next_serial()
        self._running, self._steps = None, 0
        host.view.set_search(host.session.search.pattern, None)
        return True

    def keep(self, words: str, match: Match) -> None:
        """Make ``words`` the current search and ``match`` its current match, on screen (no
        jump): the status line counts it (`match 1/3`) and `n` and `N` go on from it. The
        finder hands over a `/words` query and the words it landed on this way."""
        if not self._begin(words, backward=False):
            return
        search = self.host.session.search
        search.found(match, self.host.view.top_offset())
        self.host.view.set_search(search.pattern, (match.start, match.end))
        self._count(match.start)
        self.host.refresh_status()

    def repeat(self, reverse: bool) -> None:
        """`n` and `N`: the last search again, the same way or the other way, as many matches
        on as the count typed before (`5n`). While a search is under way the press is added
        to what is still to move, and moved when it ends."""
        session = self.host.session
        count = take_count(session, self.host.refresh_status)
        if not self.host.whole_book():
            return
        if session.search.pattern is None:
            self._recall(backward=reverse, steps=count)
            return
        backward = session.search.backward != reverse
        self._steps += -count if backward else count
        if self._running is None:
            self._step()

    def _recall(self, backward: bool, steps: int) -> None:
        """`n` or `N` before any search this session: the last search of the history (of an
        earlier run, as ↑ in the prompt recalls it), as vim reuses its last pattern."""
        words = self.history.last("search")
        if not words:
            self.host.notify("No search yet: press / to search", timeout=3)
            return
        regex = self.host.app.settings.reader.search_regex
        if self._begin(words, backward=backward, regex=regex):
            self._recalled = True
            self.run(backward=backward, steps=steps)

    def _step(self) -> None:
        """Move by the matches `n` and `N` added up, in one search."""
        steps, self._steps = self._steps, 0
        if steps:
            self._search(backward=steps < 0, steps=abs(steps))

    def clear(self) -> None:
        """Take the search highlights off the page (`n` brings them back)."""
        if self.host.session.search.clear():
            self.host.view.set_search(None, None)
            self.host.refresh_status()

    # -- the workers ---------------------------------------------------------------------------
    def run(self, backward: bool, steps: int = 1) -> None:
        """Search from the current match if it is on screen, else from the top of the screen
        (a prompt answered), ``steps`` matches on. `n` and `N` still waiting were for the
        search before: dropped."""
        self._steps = 0
        self._search(backward, steps=max(1, steps))

    def _search(self, backward: bool, steps: int) -> None:
        """Search ``steps`` matches on, in a worker."""
        host, session = self.host, self.host.session
        pattern, book = session.search.pattern, session.book
        if pattern is None or book is None:
            return
        view = host.view
        origin = session.search.origin(view.top_offset(), view.bottom_offset(), backward)
        serial = session.search.next_serial()
        self._running = serial
        # Whether this one wraps is yet to be said: what was said was the last search's.
        host.status.unsay(about="search")
        host.app.notice_board.withdraw_titled(SEARCH_NOTICE)
        host.status.set_note(f"searching for “{session.search.text}”…")
        text, within, query = book.text, session.search.within, session.search.text

        def search() -> None:
            worker = get_current_worker()
            match = find_steps(
                text,
                pattern,
                origin,
                steps,
                backward=backward,
                cancelled=lambda: worker.is_cancelled,
                within=within,
            )
            elsewhere = 0
            if match is None and within is not None and not worker.is_cancelled:
                # Nothing in the chapter: is it in the book at all? Then say so.
                starts = match_starts(text, pattern, None, lambda: worker.is_cancelled)
                elsewhere = len(starts or [])
            if not worker.is_cancelled:
                host.post_message(SearchFinished(match, query, serial, backward, elsewhere))

        # A description of its own: by default Textual describes a worker by the repr() of
        # its arguments, which for the text of an 84 MB book froze the screen for a second.
        host.run_worker(
            search, thread=True, exclusive=True, group="search", description="searching the book"
        )

    def finished(self, message: SearchFinished) -> None:
        host, session = self.host, self.host.session
        if not session.search.is_current(message.serial):
            return  # a newer search replaced this one
        self._running = None
        recalled, self._recalled = self._recalled, False
        host.status.set_note("")
        match = message.match
        if match is None:
            self._steps = 0
            host.refresh_status()
            part, elsewhere = session.search.part_name, message.elsewhere
            if part and elsewhere:
                whole = key_hint(host.app, "search")
                matches = f"{elsewhere:,} match{'' if elsewhere == 1 else 'es'}"
                host.notify(
                    f"Not in {part}: {message.query} ({matches} elsewhere in the book: "
                    f"{whole} searches it all)",
                    title=SEARCH_NOTICE,
                    severity="warning",
                    timeout=5,
                    markup=False,  # the query is the reader's words, never markup
                )
            else:
                hint = self._not_found_hint(message.query)
                host.notify(
                    f"Not found: {fit(message.query, QUERY_ECHOED)}{hint}",
                    title=SEARCH_NOTICE,
                    severity="warning",
                    timeout=4 if hint else 3,
                    markup=False,
                )
            return
        session.search.found(match)
        view = host.view
        said = []
        if recalled:
            # What `n` searched for, since nothing typed this session says it: the search as
            # vim echoes it (`/breakwater`).
            said.append(("?" if message.backward else "/") + fit(message.query, QUERY_RECALLED))
        if match.wrapped:
            # Named by the way this search went, not the way the last prompt searched.
            note = wrapped_note(session.search.part, message.backward)
            said.append(note.removeprefix("search ") if said else note)
        elif said:
            said[0] += ", the last search"
        if said:
            host.say(" · ".join(said), seconds=3 + 2 * recalled, about="search")
        if not view.top_offset() <= match.start < view.bottom_offset():
            host.jump(lambda: view.go_to_offset(match.start, context=view.size.height // 3))
        # (the chapter named is the match's while the page stays where it landed)
        session.search.landed_top = view.top_offset()
        view.set_search(session.search.pattern, (match.start, match.end))
        if session.book is not None:
            host.went_to(session.book.para_at(match.start))
        if session.search.match_starts is None:
            self._count(match.start)
        host.refresh_status()
        self._step()  # `n` and `N` pressed while this search ran

    def _not_found_hint(self, query: str) -> str:
        """Why a search may have found nothing: a query written as a regular expression in a
        literal search (it searched for the backslashes), or a capital, which matches case."""
        regex = self.host.app.settings.reader.search_regex
        if not regex and written_as_pattern(query):
            search = key_hint(self.host.app, "search")
            return (
                f" (a search is plain text: {search}re:{fit(query, QUERY_ECHOED)} searches by "
                "regular expression, as every search does with search_regex = true)"
            )
        # Smart case, as in vim and less: a capital makes the search match case.
        if any(ch.isupper() for ch in query):
            return " (a capital matches case: type it in lowercase to match any)"
        return ""

    def _count(self, at: int) -> None:
        """Count the matches (for `match 3/17`): those before ``at`` first, then all."""
        host, session = self.host, self.host.session
        pattern, book = session.search.pattern, session.book
        if pattern is None or book is None:
            return
        text, generation = book.text, self.generation
        lo, hi = session.search.within or (0, len(text))

        def count(pattern: re.Pattern[str] = pattern) -> None:
            worker = get_current_worker()

            def cancelled() -> bool:
                return worker.is_cancelled

            before = match_starts(text, pattern, (lo, at), cancelled)
            if before is None:
                return
            host.post_message(MatchesCounted(generation, at, len(before), None))
            after = match_starts(text, pattern, (at, hi), cancelled)
            if after is not None:
                host.post_message(MatchesCounted(generation, at, None, before + after))

        host.run_worker(
            count, thread=True, exclusive=True, group="count", description="counting matches"
        )

    def counted(self, message: MatchesCounted) -> None:
        search = self.host.session.search
        if message.generation != self.generation:
            return
        if message.starts is not None:
            search.match_starts = message.starts
        elif search.match is not None and search.match.start == message.at:
            search.matches_before = message.before
        self.host.refresh_status()
