"""Front and end matter of markup books: their sections, and the metadata they hold."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from tui.book.markup.para import Para, set_apart
from tui.book.markup.producers import (
    ENDNOTE_LINK,
    ao3_message,
    clean_work_title,
    is_note_label,
    labelled,
    same_title,
    store_field,
    title_key,
    without_logins,
)
from tui.book.markup.segments import Segment
from tui.book.model import Book, ParaKind, Section

NOTE_KINDS = {"summary": "summary", "notes": "notes", "end notes": "end_notes"}
SUMMARY_LABELS = frozenset(("summary", "description"))
BYLINE = re.compile(r"by\s+(.+)", re.I | re.S)
FLAT_PAIR = re.compile(r"([A-Za-z_]+):\s*[“\"]([^”\"]*)[”\"]")
PLACEHOLDER = re.compile(r"your name|author name|author|unknown|anonymous", re.IGNORECASE)
TITLE_BY = re.compile(r"(.+?)\s+by\s+(.+)", re.S)
# Segments that stay one section whatever lines in them look like labels: a contents list, a
# list of illustrations and Project Gutenberg's licence after the story.
# A byline on the title page, ending its line: `By Fyodor Dostoevsky`, `AND OTHER STORIES BY` /
# `FYODOR DOSTOEVSKY`.
PRINTED_BYLINE = re.compile(r"(?:^|\s)by\s+([^\W\d_][\w .'’-]{2,60})$", re.IGNORECASE)
PRINTED_LINE_CHARS = 120
SAME_NAME_LIKENESS = 0.85  # two spellings of one surname (`Dostoevsky`, `Dostoyevsky`)
MAX_ARTICLE_LETTERS = 3  # `The`, `A`, `An`, `Le`, `Die`: a word a catalogue leaves off a title
WHOLE_KINDS = frozenset(("toc", "insert", "licence", "colophon"))


def matter_sections(paras: Sequence[Para], segment: Segment, end: int, ao3: bool) -> list[Section]:
    """Sections of one front or end matter segment. A preface or title page with labelled
    lines splits into `title`, `metadata`, `summary` and `notes` (AO3, FanFicFare)."""
    start = segment.start
    heading = start if paras[start].hint == ParaKind.HEADING else None
    labelled_lines = any(_is_label(p) or is_note_label(p.text) for p in paras[start:end])
    if segment.kind in WHOLE_KINDS or not labelled_lines:
        # (a contents list's `Chapter 1: Old Devil` is an entry, not a label and its value, and
        # the licence's `START: FULL LICENSE` or `Title: …` is the licence's text)
        return [Section(segment.kind, heading, start + (heading is not None), end)]
    sections: list[Section] = []
    base = segment.kind if segment.kind in ("afterword", "chrome") else "title"
    current = Section(base, None, start, start)
    quoted = False  # the current notes section has had its quote (AO3's <blockquote>)
    for i in range(start, end):
        para = paras[i]
        new: Section | None = None
        if is_note_label(para.text):
            key = title_key(para.text.rstrip(":"))
            new = Section(NOTE_KINDS.get(key, "notes"), i, i + 1, i + 1)
        elif _is_label(para):
            found = labelled(para)
            if found and title_key(found[0]) in SUMMARY_LABELS:
                new = Section("summary", None, i, i)
            elif current.kind != "metadata":
                new = Section("metadata", None, i, i)
        elif current.kind == "metadata" and para.hint == ParaKind.HEADING:
            new = Section("title", None, i, i)
        elif current.kind in NOTE_KINDS.values() and not ENDNOTE_LINK.match(para.text):
            if _quoted(para):
                quoted = True
            elif quoted:
                new = Section(base, None, i, i)  # the quote is over: AO3's closing message
        if new is not None:
            if current.end > current.start or current.heading is not None:
                sections.append(current)
            current = new
            quoted = False
        current.end = i + 1
    if current.end > current.start or current.heading is not None:
        sections.append(current)
    return sections


def _quoted(para: Para) -> bool:
    return para.block is not None and "blockquote" in para.block.context.split()


def _is_label(para: Para) -> bool:
    return para.hint == ParaKind.TEXT and labelled(para) is not None and len(para.text) < 2000


TITLE_BAR_CHARS = 160
# `by astolat` on a line of its own: a name of one to four words, no sentence in it.
OPENING_BYLINE = re.compile(r"by\s+([^\s,.;:!?\"“”]+(?:\s+[^\s,.;:!?\"“”]+){0,3})", re.I)
OPENING_PARAGRAPHS = 6  # paragraphs at the top of a story looked at for a byline
OPENING_LINE_CHARS = 200  # a longer paragraph is the story's prose: the header is over


def read_matter(
    paras: Sequence[Para], book: Book, opf: dict[str, object], page_titles: set[str]
) -> dict[str, object]:
    """Metadata: labelled lines and summary or notes of the front and end matter, then what the
    OPF says (title, creators, subjects as tags, description as summary, series)."""
    meta: dict[str, object] = {}
    for section in [*book.front_matter, *book.end_matter]:
        body = [paras[i] for i in range(section.start, section.end)]
        if section.kind == "metadata":
            for para in body:
                if _flattened_front_matter(para.text, meta):
                    continue
                found = labelled(para)
                if found:
                    # AO3 labels come from <dt>; FanFicFare writes `<b>Label:</b> value`.
                    fff = para.block is None or not para.block.label
                    store_field(meta, *found, fff=fff)
        elif section.kind in ("summary", "notes", "end_notes"):
            texts = [p.text for p in body if not ENDNOTE_LINK.match(p.text)]
            if texts and section.heading is None:
                found = labelled(body[0])
                texts[0] = found[1] if found else texts[0]
            text = "\n\n".join(t for t in texts if t.strip())
            if text:
                meta.setdefault(section.kind, text)
        elif section.kind in ("title", "preface"):
            _title_block(paras, section, meta, page_titles)
        elif section.kind == "front" and book.chapters and not _flattened(body, meta):
            _title_bar(body, book.chapters[0].title, meta)
    if book.front_matter:
        first = book.front_matter[0]
        for i in range(first.start, min(first.start + 3, first.end)):
            url = ao3_message(paras[i].text)
            if url:
                meta.setdefault("url", url)
    _merge_opf(meta, opf)
    return meta


def opening_byline(paras: Sequence[Para], book: Book) -> str:
    """The author a one-story page names in the header lines its story opens with (a story
    archive's centred `Fandom: …` / `Written for: …` / `by astolat`, or a bold title and
    `by astolat` under it): a line `by Name` before the prose starts; empty if none."""
    if len(book.chapters) != 1:
        return ""
    chapter = book.chapters[0]
    for i in range(chapter.start, min(chapter.end, chapter.start + OPENING_PARAGRAPHS)):
        text = paras[i].text
        if len(text) > OPENING_LINE_CHARS:
            return ""
        for line in text.split("\n"):
            found = OPENING_BYLINE.fullmatch(" ".join(line.split()))
            if found:
                return found.group(1)
    return ""


def _flattened(body: Sequence[Para], meta: dict[str, object]) -> bool:
    """Whether a paragraph of ``body`` is front matter run into one paragraph (read into
    ``meta``)."""
    return any([_flattened_front_matter(para.text, meta) for para in body])


def _flattened_front_matter(text: str, meta: dict[str, object]) -> bool:
    """A Markdown file's front matter that a converter ran into one paragraph, `title: “…”
    author: “…” language: en …`: its title and author (not a template's `Your Name`)."""
    pairs = FLAT_PAIR.findall(text)
    if len(pairs) < 2 or not text.startswith(pairs[0][0]):
        return False
    for key, value in pairs:
        value = " ".join(value.split())
        if key.casefold() == "title":
            if value and not clean_work_title(str(meta.get("work_title", ""))):
                meta["work_title"] = value  # (over a contents page's `UNTITLED`)
        elif key.casefold() == "author":
            if value and not PLACEHOLDER.fullmatch(value):
                meta.setdefault("author", value)
        else:
            store_field(meta, key, value)
    return True


def _title_block(
    paras: Sequence[Para], section: Section, meta: dict[str, object], page_titles: set[str]
) -> None:
    """AO3: `<h1>Title</h1>` then `by Author`; FanFicFare: `Title by Author` in one heading."""
    start = section.heading if section.heading is not None else section.start
    for i in range(start, section.end):
        para = paras[i]
        text = " ".join(para.text.split())
        marks = para.block.marks if para.block is not None else ""
        if para.hint == ParaKind.HEADING and "work_title" not in meta:
            level = para.block.level if para.block is not None else 0
            found = TITLE_BY.fullmatch(text)
            if found and (level != 1 or text in page_titles):
                # FanFicFare: `<h3>Title by Author</h3>`, the same as the page's <title>.
                meta["work_title"] = found.group(1)
                meta.setdefault("author", found.group(2))
            elif level == 1 or "title" in marks.split():
                meta["work_title"] = text  # AO3's `<h1>`; a saved work page's `h2.title`
        elif para.hint == ParaKind.HEADING and para.block is not None and para.block.level == 1:
            if _with_article(text, str(meta["work_title"])):
                meta["work_title"] = text  # (the title page's `The House`, a header's `House`)
        elif "byline" in marks or (i > start and "work_title" in meta and "author" not in meta):
            found = BYLINE.fullmatch(text)
            if found:
                meta.setdefault("author", without_logins(found.group(1)))
            elif "byline" in marks and para.hint == ParaKind.HEADING:
                meta.setdefault("author", without_logins(text))  # a saved work page: the name


def _with_article(printed: str, listed: str) -> bool:
    """``printed`` is the ``listed`` title with a short word before it that a catalogue drops
    (`The Road` on the title page for a header's `Road`)."""
    words, known = title_key(printed).split(), title_key(listed).split()
    return (
        len(words) == len(known) + 1
        and words[1:] == known
        and words[0].isalpha()
        and len(words[0]) <= MAX_ARTICLE_LETTERS
    )


def _title_bar(body: Sequence[Para], first_title: str, meta: dict[str, object]) -> None:
    """A downloader's `Title | Author` line, right over the story or over a heading that
    repeats the title."""
    for para in body[-3:]:
        parts = [" ".join(p.split()) for p in para.text.split(" | ")]
        shaped = len(parts) == 2 and all(parts) and len(para.text) <= TITLE_BAR_CHARS
        # (a line of the page's facts, `Rated T | Complete`, is neither; the bar is set apart
        # in italics or bold)
        if shaped and (same_title(parts[0], first_title) or (para is body[-1] and set_apart(para))):
            meta.setdefault("work_title", parts[0])
            meta.setdefault("author", parts[1])
            return


def _merge_opf(meta: dict[str, object], opf: dict[str, object]) -> None:
    subjects = opf.get("subjects")
    if isinstance(subjects, list) and subjects and not meta.get("tags"):
        meta["tags"] = list(subjects)
    description = opf.get("description")
    if isinstance(description, str) and description and "summary" not in meta:
        meta["summary"] = markup_to_text(description)
    for key in ("series", "series_index", "language", "publisher", "url"):
        if opf.get(key) and key not in meta:
            meta[key] = opf[key]
    if opf.get("date") and "published" not in meta:
        meta["published"] = opf["date"]
    if opf.get("source") and "url" not in meta:
        meta["url"] = opf["source"]


def markup_to_text(text: str) -> str:
    """A description that holds HTML (`<p>...</p>`) as plain paragraphs."""
    if "<" not in text or ">" not in text:
        return text.strip()
    from tui.book.markup.convert import convert

    return "\n\n".join(b.text for b in convert(text).blocks if b.text)


def book_author(paras: Sequence[Para], book: Book, listed: list[str], fallback: str) -> str | None:
    """Who wrote the book: the metadata's authors (``listed``), else those its matter names
    (``book.meta``), else a web page's ``fallback``, else a one-story page's byline."""
    meta = book.meta
    authors = listed or ([str(meta["author"])] if meta.get("author") else [])
    if not authors and fallback:
        authors = [fallback]
    if not authors and (byline := opening_byline(paras, book)):
        authors = [byline]
    return ", ".join(spelled_as_printed(paras, book, authors)) if authors else None


def spelled_as_printed(paras: Sequence[Para], book: Book, authors: list[str]) -> list[str]:
    """The authors, the first as the book's title page spells them where the metadata, a
    catalogue's, spells the same name otherwise (`Fyodor Dostoyevsky` in the metadata, `By
    Fyodor Dostoevsky` on the title page): one word of it a letter or two apart. A name set in
    capitals is shown in title case."""
    if not authors:
        return authors
    known = authors[0].split()
    first = book.chapters[0].start if book.chapters else len(paras)
    for para in paras[:first]:
        if len(para.text) > PRINTED_LINE_CHARS:
            continue
        found = PRINTED_BYLINE.search(" ".join(para.text.split()))
        if found is None:
            continue
        name = found.group(1).strip(" .")
        words = [w.capitalize() for w in name.split()] if name.isupper() else name.split()
        if len(words) == len(known) > 1 and _spelled_otherwise(words, known):
            return [" ".join(words), *authors[1:]]
    return authors


def _spelled_otherwise(printed: list[str], listed: list[str]) -> bool:
    """The same name with one of its words spelled a letter or two apart (`Dostoevsky` for
    `Dostoyevsky`, `Herman` for `Hermann`): the other words agree."""
    apart = [(a, b) for a, b in zip(printed, listed, strict=True) if a.casefold() != b.casefold()]
    if len(apart) != 1:
        return False
    a, b = (word.casefold() for word in apart[0])
    return a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= SAME_NAME_LIKENESS
