"""Modal screens over the reader or the library: the finder, help, bookmarks, questions."""
