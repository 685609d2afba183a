"""EPUB and HTML books: markup converted to the same `Book` the text pipeline makes.

- `epub`: `open_epub` and `preview_epub`; `html_book`: `open_html` and `preview_html`.
- `archive`: reading EPUB zips safely; `package`: the OPF, manifest, spine, nav and NCX.
- `convert`: the tolerant streaming XHTML/HTML converter; `tags`, `blocks`: its helpers;
  `hidden_elements`: what a page holds that is not the text (printed page numbers, ads'
  slots, a note's link back, counts of comments); `notes`: footnotes and endnotes, and the
  marks that refer to them.
- `para`: the paragraph and document records the passes share; `paragraphs`: blocks to
  paragraphs, with scene breaks from rules, ornaments and gaps, one document at a time;
  `spacing`: empty paragraphs that only space the prose; `pictures`: rules and gaps that set
  off an illustration, and frames left by a dropped image;
  `rule_lines`: rules drawn between `<br>`s inside a paragraph;
  `style_legend`: a fan work's legend of the styles it uses, which marks no break;
  `book_breaks`: breaks weighed over the whole book (an ornament used again, empty paragraphs
  in a book that draws its breaks).
- `producers`: what AO3, FanFicFare and publishers put around a story; `sites`: story pages
  saved from AO3 and FanFiction.Net, read without the site's menus and forms; `story_pages`:
  the main content of other sites' pages; `forum_threads`: the threadmarked posts of a saved
  forum thread; `page_links`: a page's links to its neighbours and its comments;
  `mirror_pages`: a Chinese reading mirror's page, its closing line naming the work, without
  its app advertisements and the passage of another novel among them;
  `chapter_notes`: authors' notes set off by rules at a chapter's ends;
  `chapter_headers`: a story's header repeated at the top of its chapters, read as notes;
  `chapter_epigraphs`: an epigraph fenced by rules atop most chapters, whose closing rule
  is no break;
  `fic_headers`: a post's `Title:`/`Rating:`/`Pairing:` header;
  `section_labels`, `keyword_headings`: numbered sections and bold chapter lines in fics;
  `bold_chapters`: chapter headings set as bold paragraphs that a converter left out of the
  contents; `styled_headings`: headings set as styled paragraphs in a book whose contents list
  and heading tags name none of its divisions; `labelled_titles`: a scan's capitals titles,
  each with a one-word label under it that recurs (`Greek`, `Norse`); `part_pages`: a part's
  own page over the chapters the contents nest under it; `numbered_parts`: numbered headings
  inside a chapter that divide it into parts; `story_sections`: bare numbers under a few of a
  collection's titled stories, their sections; `page_contents`: chapters a page's numbered
  contents list links to where no heading opens them (an anchor and a drawn title).
- `style_sheets`: paragraph classes whose whole style is a blank line's space above them, a
  scene break drawn by the margin alone, and the indent and spacing each class gives;
  `margin_sections`: sections a publisher opens by paragraph style alone (flush, a line's
  space above, after indented prose, again and again).
- `structure`, `matter`: chapters, front and end matter; `heading_marks`: chapters from
  headings where the contents list gives none; `opening_chapter`: an unnumbered opening
  before them set as the chapters are (a frame's `INTRODUCTION`); `segments`: what they are
  made of;
  `apparatus`: named sections after chapters headed by bare numbers, the edition's end
  matter; `play_scenes`: a play's scenes numbered anew under each act, its chapters;
  `reference_lists`: a bibliography or glossary among the chapters, whose gaps part no
  scenes; `repeated_notices`: a notice repeated word for word atop the chapters, and the gaps
  around it; `contents`: the table of contents read against the text; `toc_parts`: the parts its
  entries nest chapters under; `families`: chapters from
  numbered heading tags; `front`: where the story starts and ends (Gutenberg's markers, title
  and contents pages); `story_end`: a `THE END` inside the last chapter closing the story, a
  converter's credits or a list of links closing the book, pages with no prose among its end
  matter; `unlisted_pages`: headed pages after the last chapter a printed contents lists
  (advertisements), end matter;
  `build`: the `Book` itself, pass by pass; `text_book`: its text, offsets, insets and the
  lines that run on; `chapter_kinds`: the kinds inside one chapter (its heading, labels,
  AO3's chapter notes).
"""
