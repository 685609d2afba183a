"""The library on disk: the sharded TOML index and the per-book detail files.

- `index`: the book index, 64 TOML shards read at startup and merged on save.
- `details`: bookmarks, reading sessions and cached outlines, one file per book.
"""
