"""chapbook: a terminal reader for long-form fiction.

The package is laid out in rooms, one per responsibility. Imports only point down:

    ui, cli          the Textual app (ui) and the headless subcommands (cli)
      |
    reading | finder | library | settings      headless, independent of each other
      |
    book             the text engine: a file in, a `Book` out
      |
    storage | paths  safe TOML state files; where chapbook keeps its files

- `tui.book`: the text engine. Formats, decoding, chapters, scenes, front and end matter,
  and the content anchors that positions are made of.
- `tui.reading`: a book on a screen, without Textual: wrapping, the pager, search in the
  book, progress, jumps, opening in stages, and `ReadingSession`, what the reader screen drives.
- `tui.finder`: the fuzzy finder over scenes, chapters, bookmarks, passages and books.
- `tui.library`: the library index, reading log, folder scans and keeping it true to disk.
- `tui.settings`: settings and keymaps, read from `config/default.toml` and the user's file.
- `tui.cli`: the `chapbook` command; only `chapbook [PATH]` starts the interface.
- `tui.ui`: the Textual app, its screens, dialogs and widgets, and the terminal driver.

The rule: only `tui.ui` imports Textual. import-linter contracts in `pyproject.toml` and
`tests/test_architecture.py` enforce it and the layers above.
"""

__version__ = "0.1.0"
