"""Rules shared by the text and markup pipelines: what a line or a word means.

- `headings`: chapter headings (`Chapter 12: Title`, `Prologue`, `第十二章`) and their titles;
  `heading_numbers`: the number a heading writes; `heading_decoration`: the alt text and
  decoration around its words; `clean_headings`: heading lines as users should see them;
  `title_shapes`: whether the words after a heading's number read as a title, not prose.
- `emphasis`: the underscores that mark emphasis around words (`_continued_`).
- `numerals`: numbers as digits, Roman numerals, English words or CJK numerals.
- `breaks`: scene-break ornaments and spacer lines.
- `labels`: the metadata labels and landmarks of fan-fiction files.
- `notes`: where an author's note ends.
- `scenes`: splitting chapters at breaks and gaps, and weighing the lines around them.
- `scene_labels`: the first words and the names a scene is known by.
- `character_names`: the character names in a stretch of text, judged against the whole book;
  `name_words`: the words and patterns that tell names from other capitalised words;
  `name_joins`: the words a book writes for one person (`Henry Clerval`, `Lizzy`).
- `repeated_openings`: lines a book repeats at the head of its chapters, not what a scene is
  known by.
- `scene_headers`: a point of view's name heading scenes after their breaks, which opens a
  scene wherever it stands alone.
- `misread_numbers`: heading numbers typed with letters that look like digits (`Chapter ll`).
- `title_numbers`: the number a chapter's title gives it; `number_words`: number words of the
  other languages fan fiction is written in; `joined_volumes`: volumes joined in one file,
  told by their chapter numbers starting again, and named by their own headings.
- `illustrations`: Project Gutenberg's illustration notes; `superscripts`: its superscript
  notation read as ordinary letters.
- `word_count`: a text's words, each Chinese, Japanese or Korean character counted as one;
  a huge text's estimated from samples.
- `cjk_lines`: a paragraph's lines joined, with no space across a line break in Chinese or
  Japanese text.
- `patterns`: regular expressions compiled on first use.
- `sentence_ends`: the marks a sentence ends on, shared by every rule telling prose from a
  title, a label or a name.
"""
