"""The interface: the only room that imports Textual.

- `app`: `ChapbookApp`, which wires the settings, the library and the screens together.
- `actions`: the one registry of actions: id, description, whether it shows, priority.
- `themes`: chapbook's themes.
- `screens/`: the library, the reader and the settings.
- `dialogs/`: modal screens: the finder, help, bookmarks, the library's small questions.
- `widgets/`: the reading view, the status line, the prompt and the library list.
- `terminal/`: the driver and the rewriting of output on its way to the terminal.
"""
