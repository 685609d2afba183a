"""The fuzzy finder: one ranked list of scenes, chapters, bookmarks, passages and books.

Start with `book_finder.BookFinder` (a book's finder) and `library_finder.LibraryFinder`.

- `tokens`, `word_forms`: words as the finder sees them, their stems and related words;
  `thesaurus`: other English words for a word (a table derived from WordNet); `neighbours`:
  words used alike in English (a table derived from the GloVe vectors); `names`,
  `company`: the book's names and the words it keeps together.
- `build`, `index`, `cache`: the word index of a book, built in a worker and kept per book.
- `query`: a query as terms; `rank`, `passages`: ranking scenes and passages.
- `hits`: what the finder returns; `excerpts`: highlights, excerpts and previews.
"""
