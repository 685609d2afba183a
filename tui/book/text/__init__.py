"""The plain-text pipeline: `parse.parse_text` turns decoded text into a `Book`.

- `paragraphs`: the text's paragraph style, paragraph spans and source lines;
  `filled_lines`: where paragraphs end in hard-wrapped text with nothing between them (a
  line the wrap did not fill, a title under a full line).
  `blank_counts`: the blank lines before every paragraph, counted once for the passes that
  ask it of each.
- `line_candidates`: the one pass that finds the lines worth classifying, and classifies them.
- `lines`: what a single short line is: a heading, a break, a landmark, a label.
- `chapters`: which heading lines are chapters; `heading_choice`: a line chosen as one;
  `chapter_list`: the chapters made from the headings chosen, their notes and labels marked;
  `heading_groups`: heading lines that stand for one chapter made one heading;
  `chapter_titles`: a heading joined with the title line under it; `download_titles`: the
  titles FanFicFare and AO3 downloads mark by layout rather than a keyword.
- `contents`: contents lists (also a run of headings at the start), and the later lines that
  repeat them; `list_entries`: heading-like lines that are a contents list's entries, not
  chapters; `listed_again`: an entry met again in the text, in any case or spelled apart.
- `parts`: the parts (books, volumes) chapters are in, from the part titles over them;
  `ordinal_parts`: parts a book counts in words (`FIRST NARRATIVE`, `SECOND NARRATIVE`).
- `break_lines`, `spacers`: which classified lines draw a break (rules, ornaments used again,
  spacer lines that are not the text's spacing).
- `sections`, `gaps`: scene divisions without an ornament (labels, time lines, wider gaps);
  `name_labels`: narrators' names a book sets alone again and again over its sections, which
  open scenes (and which `spaced_titles` does not take for chapter titles);
  `chapter_spacing`: a chapter spaced otherwise than the book, its gaps weighed by its own;
  `insets`: set-off material between wider gaps (verse, letters, footnotes) that is no break;
  `quoted_letters`: where a letter or a long quotation set off by gaps opens and closes;
  `clock_scenes`: clock times (`08:30 AM - The Bus`) heading the sections of chapters;
  `setting_lines`: bracketed `[Location: …]` lines of the kind that opens the chapters.
- `letters`: books told in dated letters or diary entries: their date lines and the entries
  and titles among them, and the heads (address, place and date, salutation) that open
  letters.
- `titled_sections`: sections titled in capitals inside chapters (whose titles stand over
  their first section's, or set off as widely as chapters), and the dated days they go on to.
- `weak_headings`: headings without a keyword: bare numbers (`missing_numbers`: the one a run
  lacks, found misprinted or titled on the line between); `restart_parts`: part titles
  over bare numbers that start over at one; `stanza_numbers`: numbers over quoted verse, a
  count of their own; `stanzas`: a stanza of verse under a line, which makes that line a
  poem's title (no narrator's name, no section's title); `spaced_titles`: titles set off by
  space alone (in capitals, a long one or one over two lines too); `bracket_numbers`: titles
  carrying their number in brackets; `filled_titles`: titles alone on their lines between
  the paragraphs of hard-wrapped text with nothing between them; `day_titles`: days
  counting up alone (`1 december`), a story's chapters, and the clock times opening the
  hours of its days.
- `markdown`: a Markdown file made plain line for line, and its headings;
  `markdown_front`: its YAML front matter; `yaml_values`: the part of YAML such front matter
  uses (lists, quoted and folded strings).
- `gutenberg`: Project Gutenberg's header and licence around a story.
- `front_matter`, `end_matter`: title, author, headers and notes; where the story ends;
  `front_meta`: the header's `Label: value` fields kept as the book's metadata;
  `colophon`: a printed book's back pages (an imprint, a list of other titles);
  `story_start`: where it starts, and the front set on the book; `half_title`: the title
  set again where a preface ends; `closing_chapter`: a chapter after the last numbered one,
  titled in capitals alone (a frame's close).
- `parse`: `parse_text` (the whole book) and `parse_preview` (a window for the first page).
"""
