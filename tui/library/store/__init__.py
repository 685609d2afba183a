"""The library on disk: the sharded TOML index, the per-book detail files and library.toml.

- `index`: the book index, 64 TOML shards read at startup and merged on save.
- `details`: bookmarks, reading sessions and chapter titles, one file per book.
- `meta`: `library.toml`, the folders added, the first run and the order's direction.
- `waiting`: places read in a book before it joined the library, until it joins.
"""
