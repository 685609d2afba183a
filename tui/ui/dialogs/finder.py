"""The finder overlay itself: a query box, ranked hits and a preview.

What it searches is the book being read (`finder_book.BookFinderScreen`) or the library
(`finder_library`).
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.input import Selection
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.finder.book_finder import BookFinder, Hit, Preview
from tui.finder.excerpts import fitted
from tui.finder.library_finder import LibraryFinder
from tui.reading.wrapping import broken_into_rows, measure
from tui.ui.actions import binding
from tui.ui.dialogs.finder_parts import (
    KIND_MARKS,
    QUERY_FRAME,
    QueryInput,
    ResultList,
    finder_rows,
    finder_width,
    fitted_placeholder,
)
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.prompt_bar import LONGEST_ENTRY
from tui.ui.widgets.safe_input import interrupts

__all__ = ["FinderScreen", "QueryInput", "ResultList"]

RESULT_LIMIT = 60
SCROLLBAR_ROOM = 2  # columns a row of the hits may lose to the list's scroll bar
PREVIEW_ROW_LOSS = 8  # cells a wrapped row of the preview may leave empty (a long word's)
Chosen = TypeVar("Chosen")


class FinderScreen(
    FollowsTheTerminal,
    DismissesOnce,
    ModalScreen[Chosen | None],
    Generic[Chosen],
    inherit_bindings=False,
):
    """What both finders share: the query box, the ranked hits, a preview and the keys.

    Queries run in a thread worker; a newer query cancels the running one, and results for a
    query that is no longer in the box are dropped. The box is sized to the screen (see
    `finder_rows`), so the highlighted hit, the preview and the key hints always show.
    """

    KEYS_SCREEN = "finder"  # both finders have the keys of `[screens] finder`
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("finder_accept", "accept", "Jump there", priority=True),
        binding("finder_cancel", "cancel", "Back", priority=True),
        binding("finder_down", "move(1)", "Next", show=False, priority=True),
        binding("finder_up", "move(-1)", "Previous", show=False, priority=True),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"finder--match", "finder--detail", "finder--kind"}
    DEFAULT_CSS = """
    FinderScreen { align: center top; }
    FinderScreen > #finder {
        width: 100; max-width: 96%; height: auto; margin-top: 1;
        border: round $accent; background: $surface; padding: 0 1; overflow: hidden;
    }
    FinderScreen #finder-query { border: none; height: 1; padding: 0; margin: 0 0 1 0; }
    FinderScreen #finder-status { width: 1fr; height: 1; color: $text-muted; }
    FinderScreen ResultList {
        height: auto; max-height: 20; border: none; padding: 0;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    FinderScreen #finder-preview {
        height: auto; max-height: 9; border-top: solid $panel-lighten-2; color: $text-muted;
    }
    FinderScreen #finder-hints { width: 1fr; height: 1; color: $text-muted; text-style: dim; }
    FinderScreen > .finder--match { text-style: bold underline; color: $text-accent; }
    FinderScreen > .finder--detail { color: $text-muted; }
    FinderScreen > .finder--kind { color: $accent; text-style: bold; }
    """

    PLACEHOLDER: ClassVar[str] = ""
    ACCEPT_WORD: ClassVar[str] = "jump"

    class Results(Message):
        """Hits for a query, from the search worker."""

        def __init__(
            self, query: str, hits: list[Hit], serial: int = 0, partial: bool = False
        ) -> None:
            super().__init__()
            self.query = query
            self.hits = hits
            self.serial = serial  # which search they answer: only the newest one's are final
            self.partial = partial  # found before the word index was in: the rest to come

    def __init__(
        self,
        finder: BookFinder | LibraryFinder,
        query: str = "",
        accept: bool = False,
        last: str = "",
    ) -> None:
        super().__init__()
        self.finder = finder
        self.typed_ahead = query  # typed before the finder could open: its query to start with
        self._accept_typed_ahead = accept and bool(query)  # and Enter pressed after it
        self.last = last  # the query it last closed with, offered selected
        self.typed = ""  # what the query box holds
        self.hits: list[Hit] = []
        self.shown_query: str | None = None  # the query whose results are on screen
        self.shown_partial = False  # they were found before the word index was in
        self._preview_rows = 0  # the preview's room on this screen; 0: left out
        self._serial = 0  # the newest search started
        self._cut_width = 0  # the width the hits' rows were last cut to
        # Enter was pressed before the hits for the query in the box came: take the top one
        # when they come, not what an earlier query left highlighted.
        self._accept_when_found = False
        self._moved = False  # the reader moved the highlight off the top hit of this list

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="finder"):
            yield QueryInput(
                placeholder=self.PLACEHOLDER, id="finder-query", max_length=LONGEST_ENTRY
            )
            yield Label("", id="finder-status")
            yield ResultList(id="finder-results")
            yield Static("", id="finder-preview")
            yield Label(self._hints(), id="finder-hints")

    def _hints(self) -> str:
        app = self.app
        keys = [
            f"{key_hint(app, 'finder_accept')} {self.ACCEPT_WORD}",
            f"{key_hint(app, 'finder_cancel')} back",
            f"{key_hint(app, 'finder_up')}/{key_hint(app, 'finder_down')} move",
        ]
        return "  ".join(keys)

    @property
    def has_widgets(self) -> bool:
        """Whether its widgets are there: Textual mounts them a moment after the screen opens
        and takes them away as it closes, and keys and results queued for it still come."""
        return bool(self.query(QueryInput)) and bool(self.query(ResultList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "cancel" and not self.has_widgets:
            return False  # Escape still closes it
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        if not self.is_open or not self.has_widgets:
            return  # answered before it was shown: a key typed ahead closed it
        self._fit(self.app.size.height, self.app.size.width)
        box = self.query_one(QueryInput)
        self.set_focus(box)
        if self.typed_ahead:
            box.value = self.typed_ahead  # searched as any change to the box is
            box.cursor_position = len(box.value)
        elif self.last.strip():
            # Its hits again (the second one is a ↓ away); selected, so typing replaces it.
            box.value = self.last
            box.selection = Selection(0, len(self.last))
        else:
            self._start_search("")

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height, event.size.width)
        # Once the list has its new width: the list's own ellipsis shortens rows cut for a
        # wider screen, but rows cut for a narrower one would keep their cuts.
        self.call_after_refresh(self._cut_hits_again)

    def _cut_hits_again(self) -> None:
        """Cut the hits' rows to the list's width now, if they were cut to another."""
        for results in self.query(ResultList):  # none once it has begun to close
            width = self._row_width(results)
            if width == self._cut_width or results.option_count != len(self.hits):
                continue
            self._cut_width = width
            for index, hit in enumerate(self.hits):
                results.replace_option_prompt_at_index(index, self._prompt(hit, width))
            results.refresh()
            self._keep_highlight_shown()

    def _fit(self, height: int, width: int) -> None:
        """Size the box's parts to the screen: the box never runs off its bottom edge, and a
        large screen gives it more room."""
        if not self.has_widgets:
            return  # its widgets already gone: it was closed by a key typed ahead
        rows = finder_rows(height)
        box = self.query_one("#finder")
        box.styles.margin = (rows.margin_top, 0, 0, 0)
        box.styles.width = finder_width(width)
        query = self.query_one(QueryInput)
        query.styles.margin = (0, 0, rows.query_gap, 0)
        query.placeholder = fitted_placeholder(self.PLACEHOLDER, finder_width(width) - QUERY_FRAME)
        results = self.query_one(ResultList)
        results.styles.max_height = rows.results
        self.query_one("#finder-preview").styles.max_height = rows.preview
        self._preview_rows = rows.preview
        if self.is_mounted:
            self._show_preview()
            self.call_after_refresh(self._keep_highlight_shown)

    def _keep_highlight_shown(self) -> None:
        # Called after a refresh: by then the finder may have closed and lost its widgets.
        for results in self.query(ResultList):
            if results.highlighted is not None:
                results.scroll_to_highlight()

    def _place_first_highlight(self) -> None:
        # (the current chapter, for an empty query: with the chapters after it in view)
        for results in self.query(ResultList):
            results.show_highlight_a_third_down()

    def on_key(self, event: events.Key) -> None:
        """Letters typed before the query box had focus (a fast typist, a laggy link) go in it;
        ctrl+c closes the finder, as Escape does."""
        if interrupts(event):
            self.action_cancel()
            return
        if not self.has_widgets:
            return
        box = self.query_one(QueryInput)
        if self.focused is not box and event.is_printable and event.character:
            event.stop()
            if box.selection.is_empty:
                box.insert_text_at_cursor(event.character)
            else:  # (the last query, offered selected: typing replaces it)
                box.replace(event.character, *box.selection)
            self.set_focus(box)

    # -- searching ----------------------------------------------------------------------------
    @on(Input.Changed, "#finder-query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.typed = event.value
        # Typing on after Enter: the Enter was for less. The query typed ahead, Enter and all,
        # before the finder opened goes to its top hit when found.
        self._accept_when_found = self._accept_typed_ahead and event.value == self.typed_ahead
        self._accept_typed_ahead = False
        self._start_search(event.value)

    def _start_search(self, query: str) -> None:
        self._serial += 1
        serial = self._serial
        self.run_worker(
            lambda: self._search(query, serial),
            thread=True,
            exclusive=True,
            group="finder-search",
            exit_on_error=False,
        )
        # The status line said what the last query found: until this one's hits come, it
        # says they are being looked for (an earlier `No matches` is no answer to this one).
        self._show_status()

    def _search(self, query: str, serial: int) -> None:
        worker = get_current_worker()
        partial = self.searched_in_part(query)
        # The finder runs one search at a time: a cancelled one stops at its next check.
        hits = self.finder.search(query, RESULT_LIMIT, should_stop=lambda: worker.is_cancelled)
        if hits and not worker.is_cancelled:
            self.prepare(hits[0])
        if not worker.is_cancelled:
            self.post_message(self.Results(query, hits, serial, partial))

    def searched_in_part(self, query: str) -> bool:
        """Whether a search for ``query`` now finds only part of its hits (the book's words
        not indexed yet); asked in the search's worker."""
        return False

    def prepare(self, hit: Hit) -> None:
        """Work the preview of the top hit needs, done here in the search's worker rather
        than when the hits are shown."""

    def on_finder_screen_results(self, message: Results) -> None:
        if not self.has_widgets or message.query != self.query_one(QueryInput).value:
            return  # stale: the reader has typed on
        self.hits = message.hits
        self.shown_query = message.query
        self.shown_partial = message.partial
        self._moved = False
        results = self.query_one(ResultList)
        results.clear_options()
        width = self._row_width(results)
        self._cut_width = width
        results.add_options([Option(self._prompt(hit, width)) for hit in self.hits])
        if self.hits:
            results.highlighted = self._first_highlight(message.query)
            self.call_after_refresh(self._place_first_highlight)
        self._show_status()
        self._show_preview()
        if self._accept_when_found and message.serial == self._serial and self.final():
            self._accept_when_found = False
            self.action_accept()  # nothing found: the status line says so, and it stays open

    def final(self) -> bool:
        """Whether the hits shown are the last word on their query (not the hits found so
        far while the book is still being indexed)."""
        return True

    def _first_highlight(self, query: str) -> int:
        """The hit highlighted when results arrive: the top one."""
        return 0

    def _show_status(self) -> None:
        if self.is_mounted and self.has_widgets:
            query = self.query_one(QueryInput).value
            self.query_one("#finder-status", Label).update(self.status(query))

    def status(self, query: str) -> str:
        """The line above the hits: how many there are, or why there are none."""
        if query != self.shown_query:
            return "searching…"  # the hits listed are an earlier query's
        count = len(self.hits)
        if count >= RESULT_LIMIT:
            # (more hold the words: further words narrow them) The count first, as below.
            return f"{count} matches, the best of more"
        if count:
            return f"{count} match{'es' if count != 1 else ''}"
        return self.nothing_found(query)

    def nothing_found(self, query: str) -> str:
        return "No matches: try fewer or other words"

    # -- showing hits ---------------------------------------------------------------------------
    def _style(self, name: str) -> Any:
        return self.get_visual_style(name, partial=True)

    def _prompt(self, hit: Hit, width: int) -> Content:
        """A hit's rows, each cut to ``width`` at a word's end (never inside a matched word)
        rather than by the list at whatever character reaches its edge."""
        match = self._style("finder--match")
        # A passage's label is its excerpt; other labels begin with the place they name.
        keep_start = hit.kind != "text"
        label, label_spans = fitted(hit.label, hit.label_spans, width - 2, keep_start=keep_start)
        line = Content(label)
        for start, end in label_spans:
            line = line.stylize(match, start, end)
        mark = Content(f"{KIND_MARKS.get(hit.kind, ' ')} ").stylize(self._style("finder--kind"))
        prompt = mark + line
        if hit.detail:
            text, spans = fitted(hit.detail, hit.detail_spans, width - 2)
            detail = Content(text).stylize(self._style("finder--detail"))
            for start, end in spans:
                detail = detail.stylize(match, start, end)
            prompt = prompt + Content("\n  ") + detail
        return prompt

    def _row_width(self, results: ResultList) -> int:
        """The characters a row of the list shows, less room for its scroll bar."""
        width = results.content_size.width
        if width <= 0:  # not laid out yet: the box's width, less its border and padding
            width = finder_width(self.app.size.width) - 4
        return width - SCROLLBAR_ROOM

    @on(OptionList.OptionHighlighted, "#finder-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_preview()

    def _current(self) -> Hit | None:
        if not self.has_widgets:
            return None
        index = self.query_one(ResultList).highlighted
        if index is None or not 0 <= index < len(self.hits):
            return None
        return self.hits[index]

    def _show_preview(self) -> None:
        if not self.has_widgets:
            return
        hit = self._current()
        preview_widget = self.query_one("#finder-preview", Static)
        if hit is None or not self._preview_rows:
            preview_widget.update("")
            preview_widget.display = False
            return
        row = self._preview_row(preview_widget)
        preview = self.preview(hit, row * max(0, self._preview_rows - 2), row)
        text, where = preview.body, list(range(len(preview.body) + 1))
        if not text.isascii() and measure(text) > len(text):
            # Wide (CJK) text is broken into rows as the reader breaks it: Textual's own wrap
            # began rows with `，` and `」`.
            text, where = broken_into_rows(text, self._preview_width(preview_widget))
        body = Content(text)
        for start, end, style in preview.styles:  # the book's italics, without their marks
            body = body.stylize(style, where[start], where[end])
        match = self._style("finder--match")
        for start, end in preview.spans:
            body = body.stylize(match, where[start], where[end])
        title = Content(preview.title).stylize("bold")
        preview_widget.update(title + Content("\n") + body if preview.body else title)
        preview_widget.display = True

    def _preview_row(self, preview_widget: Static) -> int:
        """About how many characters of the book a row of the preview shows: a word that
        does not fit at the end of a row goes to the next, so a few cells a row are counted
        as lost. Its rows under the title are the preview's rows less its rule and title."""
        return max(1, self._preview_width(preview_widget) - PREVIEW_ROW_LOSS)

    def _preview_width(self, preview_widget: Static) -> int:
        width = preview_widget.content_size.width
        if width <= 0:  # not laid out yet: the box's width, less its border and padding
            width = finder_width(self.app.size.width) - 4
        return width

    def preview(self, hit: Hit, room: int, row: int = 0) -> Preview:
        """What the preview shows of ``hit``, in about ``room`` characters (in rows of
        ``row``)."""
        return self.finder.preview(hit)

    # -- actions ----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        for results in self.query(ResultList):  # none once it has begun to close
            if self.hits:
                current = results.highlighted or 0
                results.highlighted = max(0, min(len(self.hits) - 1, current + step))
                self._moved = True

    def chosen(self, hit: Hit) -> Chosen | None:
        """What picking ``hit`` dismisses the finder with."""
        raise NotImplementedError

    def action_accept(self) -> None:
        if not self.has_widgets:
            return
        if self.query_one(QueryInput).value != self.shown_query or (
            not self.final() and not self._moved
        ):
            # The list is an earlier query's, or only what was found before the book was
            # indexed (in book order: its top is no best match): wait for the final hits.
            # A hit the reader moved to is theirs to take.
            self._accept_when_found = True
            self._show_status()
            return
        hit = self._current()
        if hit is not None:
            self.dismiss(self.chosen(hit))

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "finder-search")
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#finder-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._moved = True  # (a click picks the hit clicked)
        self.action_accept()
