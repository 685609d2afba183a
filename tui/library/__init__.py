"""The library: every book, where the reader is in it, and what changed on disk.

Start with `library.Library`, which owns the index of `records.BookRecord`s, a reading
log (`reading_log`) and the sync with the files on disk (`sync`).

- `scan`: finding books in folders and reading what the library needs from each.
- `catalog`: what the library list shows: sort orders, the filter, columns.
- `store/`: the persisted index (`store.index`) and per-book details (`store.details`).
"""
