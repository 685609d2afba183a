"""The app's full screens: the library, the reader and the settings.

- `registry`: `ChapbookScreens`, which makes each screen for the app and the other screens
  (`app.screens`).
- `library`: the library screen; `library_keys`: its bindings; `library_counts`: counts and
  vim keys typed on its list; `library_commands`: its `:` prompt; `library_adding`: adding
  books by a path typed there; `library_opening`: opening a book from it, at its place or
  its first new chapter, or saying why its file cannot be opened; `library_scan_reports`:
  what it says when a scan ends.
- `reader`: the reader screen, which drives a `ReadingSession` and delegates to its flows;
  they see it through `reader_host.ReaderHost`, and `reader_keys` holds its bindings.
  The flows: `reader_opening` (the book arriving in stages), `reader_moves` (paging,
  counts, scene and chapter moves), `reader_typing` (counts' digits, marks' letters, keys the
  reader lacks), `reader_prompts` (the prompt bar and the `:` commands), `reader_search`,
  `reader_places` (bookmarks, the contents, the finder),
  `reader_marks` (`m` and `'`), `reader_copy` (yank, visual mode, quotes), `reader_info`
  (`=`), `reader_keeping` (saving the place, applying settings, reading a rewritten file
  again), `reader_watching` (looking at the file every few seconds), `reader_handoff` (suspend,
  the external pager) and `reader_leaving` (back or quit).
- `settings`: the settings screen; `settings_rows`: what each row of its list reads;
  `settings_clashes`: key clashes in words; `settings_hint`: its line of keys, cut to fit.
"""
