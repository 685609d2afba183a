"""The finder overlay: type a few words, pick a scene, chapter, passage, bookmark or book."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.book.anchor import Bookmark
from tui.book.model import Book
from tui.finder.book_finder import BookFinder, Hit, Preview
from tui.finder.cache import IndexJob, index_job
from tui.finder.library_finder import LibraryFinder, library_entries
from tui.ui.actions import binding
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.prompt_bar import LONGEST_ENTRY

# The query box is a text field: these editing keys are its own, like in any text field, and
# are not actions of the finder (those are `finder_*` in `[keys]` and take precedence).
EDITING_KEYS = {
    "backspace": "delete_left",
    "delete": "delete_right",
    "left": "cursor_left",
    "right": "cursor_right",
    "ctrl+left": "cursor_left_word",
    "ctrl+right": "cursor_right_word",
    "home": "home",
    "ctrl+a": "home",
    "end": "end",
    "ctrl+e": "end",
    "ctrl+w": "delete_left_word",
    "ctrl+u": "delete_left_all",
}
KIND_MARKS = {"chapter": "#", "scene": "*", "bookmark": "'", "text": "/", "book": "•"}
RESULT_LIMIT = 60


class QueryInput(Input, inherit_bindings=False):
    """The query box. Editing keys are handled here, so the box declares no bindings."""

    BINDINGS: ClassVar[list[BindingType]] = []

    async def _on_key(self, event: events.Key) -> None:
        action = EDITING_KEYS.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
            return
        await super()._on_key(event)


class ResultList(OptionList, inherit_bindings=False, can_focus=False):
    """The hits. Never focused: the finder's own keys move its highlight."""

    BINDINGS: ClassVar[list[BindingType]] = []


class FinderScreen(DismissesOnce, ModalScreen[Any], inherit_bindings=False):
    """Fuzzy finder over a book (dismisses with a character offset) or the library (a path).

    Queries run in a thread worker; a newer query cancels the running one, and results for a
    query that is no longer in the box are dropped. The book's word index is built in a worker
    too, on first use; until it is ready, chapters, `ch3 s5`, scene names and bookmarks work.
    """

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
        width: 100; max-width: 96%; height: auto; max-height: 90%; margin-top: 1;
        border: round $accent; background: $surface; padding: 0 1; overflow: hidden;
    }
    FinderScreen #finder-query { border: none; height: 1; padding: 0; margin: 0 0 1 0; }
    FinderScreen #finder-status { width: 1fr; color: $text-muted; }
    FinderScreen ResultList {
        height: auto; max-height: 20; border: none; padding: 0;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    FinderScreen #finder-preview {
        height: auto; max-height: 9; border-top: solid $panel-lighten-2; color: $text-muted;
    }
    FinderScreen #finder-hints { width: 1fr; color: $text-muted; text-style: dim; }
    FinderScreen > .finder--match { text-style: bold underline; color: $text-accent; }
    FinderScreen > .finder--detail { color: $text-muted; }
    FinderScreen > .finder--kind { color: $accent; text-style: bold; }
    """

    indexing: reactive[float | None] = reactive(None)  # fraction done while indexing

    class Results(Message):
        """Hits for a query, from the search worker."""

        def __init__(self, query: str, hits: list[Hit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    class IndexProgress(Message):
        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, FinderScreen.IndexProgress)

    class IndexReady(Message):
        pass

    def __init__(
        self,
        *,
        book: Book | None = None,
        bookmarks: list[Bookmark] | None = None,
        library: Any = None,
        position: int | None = None,
    ) -> None:
        super().__init__()
        if book is None and library is None:
            raise ValueError("FinderScreen needs a book or a library")
        self.book = book
        self.position = position
        self.finder: BookFinder | LibraryFinder
        if book is not None:
            self.finder = BookFinder(book, bookmarks or [])
        else:
            self.finder = LibraryFinder(library_entries(library))
        self.hits: list[Hit] = []
        self.shown_query: str | None = None  # the query whose results are on screen
        self._job: IndexJob | None = None

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="finder"):
            yield QueryInput(
                placeholder=self._placeholder(), id="finder-query", max_length=LONGEST_ENTRY
            )
            yield Label("", id="finder-status")
            yield ResultList(id="finder-results")
            yield Static("", id="finder-preview")
            yield Label(self._hints(), id="finder-hints")

    def _placeholder(self) -> str:
        if self.book is None:
            return "Find a book: title, author, fandom, characters, tags"
        return "Find: words of a scene · ch3 s5 · #chapter · *scene · 'bookmark · /text"

    def _hints(self) -> str:
        app = self.app
        keys = [
            f"{key_hint(app, 'finder_accept')} {'open' if self.book is None else 'jump'}",
            f"{key_hint(app, 'finder_cancel')} back",
            f"{key_hint(app, 'finder_up')}/{key_hint(app, 'finder_down')} move",
        ]
        return "  ".join(keys)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(QueryInput))
        if isinstance(self.finder, BookFinder) and not self.finder.ready:
            self._start_index(self.finder)
        self._start_search("")

    def on_key(self, event: events.Key) -> None:
        """Letters typed before the query box had focus (a fast typist, a laggy link) go in it."""
        box = self.query_one(QueryInput)
        if self.focused is not box and event.is_printable and event.character:
            event.stop()
            box.insert_text_at_cursor(event.character)
            self.set_focus(box)

    # -- the index ----------------------------------------------------------------------------
    def _start_index(self, finder: BookFinder) -> None:
        """Build the book's word index in an app worker, so it survives this overlay and the
        next finder opens at once; a build already running for the book is joined."""
        self.indexing = 0.0
        job, start = index_job(finder.book)
        self._job = job
        job.listen(self._job_progress)
        if start:
            self.app.run_worker(
                lambda: job.run(should_stop=lambda: get_current_worker().is_cancelled),
                thread=True,
                group="finder-index",
                exit_on_error=False,
            )
        elif job.done.is_set():
            self.post_message(self.IndexReady())

    def _job_progress(self, fraction: float, done: bool) -> None:
        # Called in the indexing thread: reach the UI by message only.
        self.post_message(self.IndexReady() if done else self.IndexProgress(fraction))

    def on_unmount(self) -> None:
        if self._job is not None:
            self._job.unlisten(self._job_progress)

    def on_finder_screen_index_progress(self, message: IndexProgress) -> None:
        if self.indexing is not None:
            self.indexing = message.fraction

    def on_finder_screen_index_ready(self, message: IndexReady) -> None:
        if isinstance(self.finder, BookFinder) and self.finder.adopt_index():
            self.indexing = None
            # Scenes and passages can now be ranked by their words: run the query again.
            self._start_search(self.query_one(QueryInput).value)

    def watch_indexing(self, value: float | None) -> None:
        self._show_status()

    # -- searching ----------------------------------------------------------------------------
    @on(Input.Changed, "#finder-query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._start_search(event.value)

    def _start_search(self, query: str) -> None:
        self.run_worker(
            lambda: self._search(query),
            thread=True,
            exclusive=True,
            group="finder-search",
            exit_on_error=False,
        )

    def _search(self, query: str) -> None:
        worker = get_current_worker()
        # The finder runs one search at a time: a cancelled one stops at its next check.
        hits = self.finder.search(query, RESULT_LIMIT, should_stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.Results(query, hits))

    def on_finder_screen_results(self, message: Results) -> None:
        if message.query != self.query_one(QueryInput).value:
            return  # stale: the reader has typed on
        self.hits = message.hits
        self.shown_query = message.query
        results = self.query_one(ResultList)
        results.clear_options()
        results.add_options([Option(self._prompt(hit)) for hit in self.hits])
        if self.hits:
            results.highlighted = self._first_highlight(message.query)
        self._show_status()
        self._show_preview()

    def _first_highlight(self, query: str) -> int:
        """The top hit; for an empty query, the chapter being read."""
        if query.strip() or self.position is None:
            return 0
        best = 0
        for number, hit in enumerate(self.hits):
            if hit.kind == "chapter" and hit.offset is not None and hit.offset <= self.position:
                best = number
        return best

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        query = self.query_one(QueryInput).value
        parts = []
        if self.indexing is not None:
            parts.append(f"Indexing the book’s words… {self.indexing * 100:.0f}%")
        if query.strip():
            count = len(self.hits)
            parts.append(
                f"{count} match{'es' if count != 1 else ''}"
                if count
                else "No matches: try fewer or other words"
            )
        elif self.book is not None:
            parts.append(f"{len(self.book.chapters)} chapters")
        else:
            parts.append(f"{len(self.hits)} books")
        self.query_one("#finder-status", Label).update(" · ".join(parts))

    # -- showing hits ---------------------------------------------------------------------------
    def _style(self, name: str) -> Any:
        return self.get_visual_style(name, partial=True)

    def _prompt(self, hit: Hit) -> Content:
        match = self._style("finder--match")
        line = Content(hit.label)
        for start, end in hit.label_spans:
            line = line.stylize(match, start, end)
        mark = Content(f"{KIND_MARKS.get(hit.kind, ' ')} ").stylize(self._style("finder--kind"))
        prompt = mark + line
        if hit.detail:
            detail = Content(hit.detail).stylize(self._style("finder--detail"))
            for start, end in hit.detail_spans:
                detail = detail.stylize(match, start, end)
            prompt = prompt + Content("\n  ") + detail
        return prompt

    @on(OptionList.OptionHighlighted, "#finder-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_preview()

    def _current(self) -> Hit | None:
        index = self.query_one(ResultList).highlighted
        if index is None or not 0 <= index < len(self.hits):
            return None
        return self.hits[index]

    def _show_preview(self) -> None:
        hit = self._current()
        preview_widget = self.query_one("#finder-preview", Static)
        if hit is None:
            preview_widget.update("")
            preview_widget.display = False
            return
        preview: Preview = self.finder.preview(hit)
        body = Content(preview.body)
        match = self._style("finder--match")
        for start, end in preview.spans:
            body = body.stylize(match, start, end)
        title = Content(preview.title).stylize("bold")
        preview_widget.update(title + Content("\n") + body if preview.body else title)
        preview_widget.display = True

    # -- actions ----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        results = self.query_one(ResultList)
        if not self.hits:
            return
        current = results.highlighted or 0
        results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    def action_accept(self) -> None:
        hit = self._current()
        if hit is None:
            return
        self.dismiss(hit.path if self.book is None else hit.offset)

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "finder-search")
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#finder-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_accept()
