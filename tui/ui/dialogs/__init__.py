"""Modal screens over the reader or the library: the finder, help, bookmarks, questions.

- `finder`: the finder overlay; `finder_book`, `finder_library`: over the book or the
  library; `finder_parts`: its query box and result list.
- `help`: every action of the screen underneath, with its keys.
- `bookmarks`: a bookmark's label, and the list of bookmarks; `contents`: the contents.
- `library`: the library's small questions (remove, add a big folder, sort, an update).
- `key_capture`: waits for the key the settings screen binds to an action.
- `once`: `DismissesOnce`, which every screen that closes itself mixes in, and `ask`.
- `asked`: `AnsweredOnceAsked`, for the questions before what cannot be undone: keys typed
  ahead of one do not answer it.
"""
