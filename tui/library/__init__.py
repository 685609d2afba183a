"""The library: every book, where the reader is in it, and what changed on disk.

Start with `library.Library`. It owns three parts and holds one lock around them:

- `book_table.BookTable`: the books in memory (`records.BookRecord`s by id, path and
  content) and the removals that keep removed books out of later scans;
- `reading_log.ReadingLog`: places, bookmarks, reading statistics, chapters read;
- `sync.FileSync`: keeping the table true to the files (new, changed, updated, missing,
  moved, or holding another story, whose old book `same_work` tells it to set aside); it
  reaches the reading log only through the `sync.ChapterLog` protocol. A new file holding the
  story of a book listed (downloaded again under another name) joins that book through
  `redownloads`, by the rules of `same_work`.

`Library` hands its larger jobs to modules of their own: `adding` (one book, or files and
folders, with the folders kept while the adding runs), `known_files` (which listed book a file
already is: at its path, moved there, or a kept copy) and `removals` (removing a book and
taking the removal back).

- `folders` (with `ignore`): finding book files in folders, which files adding paths covers, and
  what a scan leaves out.
- `scan`: reading what the library needs from each file.
- `catalog`: what the library list shows: sort orders, the filter, columns.
- `file_marks`: vim's file marks, each capital letter naming one book (kept in
  `library.toml`).
- `store/`: the persisted index (`store.index`), per-book details (`store.details`) and
  `library.toml` (`store.meta`).
"""
