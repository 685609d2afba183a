"""The text engine: a book file in, a `Book` out, with no interface of any kind.

Start with `formats.open_book(path)`, which checks the file, picks the reader for its
format and returns a `model.Book`: normalised text, paragraphs, chapters, scenes, and
front and end matter.

- `model`: `Book`, `Chapter`, `Scene`, `ParaKind`, `BookError`.
- `formats`: the table of book formats; `open_book`, `open_preview`, `parse_loaded`.
- `loader`: reading a file into normalised text (`load_text`, `decode_bytes`, `neutralise`);
  `accents`: accented letters written decomposed made one character, as most files write them.
- `mojibake`: UTF-8 once read as Latin-1 or Windows-1252 and saved again, repaired when the
  whole text says so.
- `anchor`: positions as content anchors (`Anchor`, `make_anchor`, `resolve_anchor`).
- `heading_text`: what a heading paragraph shows (a chapter's clean title, or its own line
  over the title line under it) and a paragraph's text wherever it is quoted alone.
- `file_title`: a title from the file's path, for books that name themselves nowhere
  inside (a chapter file takes its folder's name).
- `section_names`: the names readers use for the parts of front and end matter.
- `look_alikes`: what tells apart books whose library rows would read the same.
- `scene_breaks`: where a book's breaks are drawn on a page, shared by the reader and the
  finder's preview.
- `sampling`: pieces of a long text spread over it, for what is learnt from a sample.
- `slips`: whether a typed word is a known one with a slip of the keyboard, the rule the
  library's finder and filter share (`dik` for Dick) and the help's and settings' filters use.
- `han_variants`: Chinese characters in their traditional forms folded to the simplified
  ones (`simplified`), so the finders and the library's filter find either with either.
- `rules/`: what lines and words mean, shared by text and markup: headings, numerals,
  scene-break ornaments, fan-fiction labels, author's notes, scenes.
- `text/`: the plain-text pipeline: paragraphs, line kinds, chapters, contents lists,
  sections, gap breaks, front and end matter, and `parse.parse_text`.
- `markup/`: EPUB and HTML: the archive, the package, the converter, structure and matter.
"""
