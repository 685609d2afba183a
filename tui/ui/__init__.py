"""The interface: the only room that imports Textual.

- `app`: `ChapbookApp`, which wires the settings, the library and the screens together.
- `actions`: the one registry of actions: id, description, whether it shows, priority.
- `notice_board`: `NoticeBoard`, which notices stand (each once at a time), what each is
  about, and taking some away; `notices`: a notice's text fitted to its lines, and its time.
- `themes`: chapbook's themes.
- `screens/`: the library, the reader and the settings.
- `dialogs/`: modal screens: the finder, help, bookmarks, the library's small questions, the
  key to bind.
  `dialogs/once.py`: `DismissesOnce`, which every screen that closes itself mixes in.
- `widgets/`: the reading view, the status line, the prompt, the library list and the
  settings list, and the option lists the lists build on: `selection` (safe clicks, a
  reversed highlight without colours) and `counted_list` (a count before a move).
- `terminal/`: the driver, the rewriting of output on its way to the terminal, and the crash
  guard (an unexpected error: place saved, crash log, one line).
"""
