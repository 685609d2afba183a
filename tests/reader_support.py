"""Reader test helpers: synthetic stories, a tiny paragraph splitter, the app under test."""

from __future__ import annotations

import io
import re
from array import array
from pathlib import Path

from tui.book.model import Book, Chapter, ParaKind, Scene

# Sentences for synthetic stories, written for these tests.
SENTENCES = [
    "Mara counted the lanterns along the quay and found one missing.",
    "The ferryman said nothing, which was how he said most things.",
    "Rain had come early that year, and the canals rose to the second step.",
    "Idris kept the ledger in a tin box under the floorboards.",
    "Somewhere above them a window banged twice and went still.",
    "She had promised herself she would not ask about the letter again.",
    "The market smelled of wet rope, oranges and lamp oil.",
    "Nobody on Copper Street remembered the clockmaker's first name.",
    "He folded the map along its old creases until it was small enough to hide.",
    "By the time the bells rang, the boat was already past the breakwater.",
    "Tea went cold in the blue cup while they argued about the route.",
    "The gulls followed the barge all the way to the salt flats.",
]


def paragraph(seed: int, sentences: int) -> str:
    """A deterministic paragraph of ``sentences`` sentences."""
    return " ".join(SENTENCES[(seed * 7 + n * 5) % len(SENTENCES)] for n in range(sentences))


def story(
    chapters: int = 3,
    scenes: int = 3,
    paras: int = 6,
    *,
    title: str = "The Lantern Ledger",
    front: bool = True,
    first_chapter: int = 1,
    marker: str = "Scene",
) -> str:
    """A story as a `.txt` download: title, summary, `Chapter N` headings, `* * *` breaks.

    Each scene's first paragraph starts with a unique marker (`Scene 2.3 opens.`), so tests
    can find the place on screen.
    """
    parts = [title, "by Tessaly Brook"] if front else []
    if front:
        parts.append("Summary: A harbour town, a missing lantern, and a ledger nobody should read.")
    for c in range(first_chapter, first_chapter + chapters):
        parts.append(f"Chapter {c}: The {['Quay', 'Ledger', 'Bells', 'Flats', 'Tide'][c % 5]}")
        for s in range(1, scenes + 1):
            for p in range(paras):
                body = paragraph(c * 31 + s * 7 + p, 2 + (c + s + p) % 4)
                if p == 0:
                    body = f"{marker} {c}.{s} opens. {body}"
                parts.append(body)
            if s < scenes:
                parts.append("* * *")
    return "\n\n".join(parts) + "\n"


def write_story(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def lantern_book(folder: Path, **shape: int) -> Path:
    """``folder/lantern.txt``: the story the reader tests open (4 chapters of 3 scenes of 6
    paragraphs, unless ``shape`` gives other `story` sizes)."""
    sizes = {"chapters": 4, "scenes": 3, "paras": 6, **shape}
    return write_story(folder / "lantern.txt", story(**sizes))


def make_book(text: str, title: str = "") -> Book:
    """A Book from text split on blank lines: `Chapter N` headings, `* * *` scene breaks."""
    starts, ends, lines = array("q"), array("q"), array("q")
    kinds = bytearray()
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        body = match.group().strip()
        if not body:
            continue
        starts.append(match.start())
        ends.append(match.end())
        lines.append(text.count("\n", 0, match.start()) + 1)
        if re.match(r"Chapter \d+", body):
            kinds.append(ParaKind.HEADING)
        elif body == "* * *":
            kinds.append(ParaKind.BREAK)
        else:
            kinds.append(ParaKind.TEXT)
    heads = [i for i, k in enumerate(kinds) if k == ParaKind.HEADING]
    for i in range(heads[0] if heads else 0):
        kinds[i] = ParaKind.FRONT
    chapters = []
    for n, head in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(starts)
        chapter = Chapter(n, text[starts[head] : ends[head]].strip(), head, head, end)
        first = head + 1
        for i in range(head + 1, end + 1):
            if i == end or kinds[i] == ParaKind.BREAK:
                chapter.scenes.append(Scene(n, len(chapter.scenes), first, i))
                first = i + 1
        chapters.append(chapter)
    return Book(
        text,
        starts,
        ends,
        kinds,
        lines,
        chapters=chapters,
        title=title or text.split("\n", 1)[0].strip(),
        meta={"words": len(text.split())},
    )


# -- the app under test ------------------------------------------------------------------------


def reader_app(path: Path, *, settings=None, library=None):
    """The real app opened on ``path``, with default (or given) settings and library."""
    from tui.library.library import Library
    from tui.settings.settings import load_settings
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    if settings is None:
        settings, _ = load_settings(None)
    return ChapbookApp(settings, library or Library.open(), ChapbookScreens(), open_path=path)


async def wait_open(pilot, timeout: float = 10.0):
    """Wait until the reader shows the whole book; returns the reader screen."""
    import asyncio

    from tui.ui.screens.reader import ReaderScreen

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await pilot.pause(0.02)
        screen = pilot.app.screen
        if isinstance(screen, ReaderScreen) and screen.final and screen.book_id:
            await pilot.pause()
            return screen
    raise AssertionError("the book did not open in time")


async def open_help(pilot):
    """Press `h` as a user would and return the screen it opens (the help)."""
    await pilot.press("h")
    await pilot.pause()
    return pilot.app.screen


async def open_settings(pilot):
    """Press `,` as a user would and wait for the settings screen; returns it."""
    from tui.ui.screens.settings import SettingsScreen

    await pilot.press("comma")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsScreen)
    return pilot.app.screen


async def highlight(pilot, option_id: str) -> None:
    """Move the settings list's cursor down to a row, as a user would with `j`."""
    from textual.widgets import OptionList

    options = pilot.app.screen.query_one(OptionList)
    for _ in range(200):
        if options.highlighted_option is not None and options.highlighted_option.id == option_id:
            return
        await pilot.press("j")
    raise AssertionError(f"no row {option_id}")


def shown_rows(screen) -> list[str]:
    """The text column as drawn on screen, one string per row, edges stripped."""
    view = screen.view
    return [view.render_line(y).text.strip() for y in range(view.size.height)]


def top_text(screen) -> str:
    """The first row with text on screen."""
    return next((row for row in shown_rows(screen) if row), "")


def notices(app) -> list[str]:
    """The messages of the notifications the app is showing."""
    return [str(n.message) for n in app._notifications]


async def settle(pilot) -> None:
    """Let the app's workers finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def search(pilot, key: str, text: str) -> None:
    """Open the search prompt with ``key`` (`/`, `?`, ...), type ``text``, press Enter and let
    the search finish."""
    await pilot.press(key)
    await pilot.press(*text, "enter")
    await settle(pilot)


async def wait_preview(pilot):
    """Wait until the reader shows a book, a preview or the whole; returns the reader screen."""
    app = pilot.app
    await wait_for(pilot, lambda: getattr(app.screen, "book", None) is not None)
    return app.screen


async def wait_for(pilot, predicate, timeout: float = 5.0) -> None:
    """Let the app run until ``predicate()`` holds (screens pushed, workers finished...)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def read_to_scene(pilot, scene: str, extra_rows: int = 0):
    """Search to a scene's opening words and put them at the top (then move a few rows)."""
    screen = await wait_open(pilot)
    await pilot.press("slash", *scene, "enter")
    await settle(pilot)
    screen.view.go_to_offset(screen.hit.start)
    for _ in range(extra_rows):
        await pilot.press("j")
    await pilot.pause()
    return screen


# Keys typed as characters, by Textual's names for them, and the characters of named keys.
KEY_NAMES = {
    " ": "space",
    "'": "apostrophe",
    "%": "percent_sign",
    "/": "slash",
    "`": "grave_accent",
    "]": "right_square_bracket",
    ",": "comma",
    ":": "colon",
    "?": "question_mark",
    "~": "tilde",
}
KEY_CHARACTERS = {**{name: char for char, name in KEY_NAMES.items()}, "enter": "\r"}


def burst(app, *keys: str) -> None:
    """Keys as a fast typist, a paste or one SSH packet delivers them: all queued before any
    is handled. A key is a character (`%`) or Textual's name for it (`percent_sign`)."""
    from textual import events

    for key in keys:
        name = KEY_NAMES.get(key, key)
        character = key if len(key) == 1 else KEY_CHARACTERS.get(key)
        app.post_message(events.Key(name, character))


def typed_while_starting(app, *keys: str) -> None:
    """Keys typed while chapbook starts, before its first screen is up: given to ``app``
    before it runs, they wait for it ahead of everything its first screen does as it comes
    up, as the keys the driver reads as its input starts do. Call before `run_test`."""
    burst(app, *keys)


async def keys_handled(pilot, timeout: float = 10.0) -> None:
    """Wait until every key given to the app has been handled, none waiting for its turn or
    for its screen (a loaded machine takes a while over a long burst), and what they started
    has finished."""
    turns = pilot.app.key_turns
    await pilot.pause()  # (keys given since the last pause are read)
    await wait_for(pilot, lambda: not turns.turn and not turns.waiting, timeout)
    await settle(pilot)


def prompt_text(prompt, width: int = 70) -> str:
    """A list option's prompt as the screen shows it, in plain text (a Rich table of two
    lines, or a Text): its lines joined with newlines, trailing spaces dropped."""
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(prompt)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())
