"""The plain-text pipeline: `parse.parse_text` turns decoded text into a `Book`.

- `paragraphs`: the text's paragraph style, paragraph spans and source lines.
- `line_candidates`: the one pass that finds the lines worth classifying.
- `lines`: what a single short line is: a heading, a break, a landmark, a label.
- `chapters`: which heading lines are chapters, and their titles.
- `contents`: contents lists, and the later lines that repeat them.
- `break_lines`, `spacers`: which classified lines draw a break (rules, ornaments used again,
  spacer lines that are not the text's spacing).
- `sections`, `gaps`: scene divisions without an ornament (labels, time lines, wider gaps).
- `weak_headings`: headings without a keyword: bare numbers, titles set off by space.
- `markdown`: a Markdown file made plain line for line, and its headings;
  `markdown_front`: its YAML front matter.
- `front_matter`, `end_matter`: title, author, headers and notes; where the story ends;
  `story_start`: where it starts, and the front set on the book.
- `parse`: `parse_text` (the whole book) and `parse_preview` (a window for the first page).
"""
