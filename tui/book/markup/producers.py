"""What AO3, FanFicFare and publishers put around a story: roles of pages and their metadata."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.para import Para, Source
from tui.book.model import ParaKind
from tui.book.rules.labels import field_value, without_status

# Titles of pages that are not chapters, by the front/end matter kind they stand for.
FRONT_TITLES = {
    "cover": "cover",
    "front cover": "cover",
    "title page": "title",
    "title": "title",
    "titlepage": "title",
    "half title": "title",
    "table of contents": "toc",
    "contents": "toc",
    "toc": "toc",
    # The contents' name in other languages.
    "spis treści": "toc",
    "copyright": "copyright",
    "copyright page": "copyright",
    "copyrights and credits": "copyright",
    "imprint": "imprint",
    "dedication": "dedication",
    "epigraph": "epigraph",
    "preface": "preface",
    "foreword": "preface",
    # The preface's name in other languages (a publisher's foreword to its edition).
    "předmluva": "preface",
    "vorwort": "preface",
    "préface": "preface",
    "avant-propos": "preface",
    "prefazione": "preface",
    "prefacio": "preface",
    "voorwoord": "preface",
    "forord": "preface",
    "förord": "preface",
    "przedmowa": "preface",
    "предисловие": "preface",
    "序言": "preface",
    "前言": "preface",
    "自序": "preface",
    # An edition's notes on its conventions (`凡例`, `例言`), read before the text.
    "凡例": "preface",
    "例言": "preface",
    "information": "information",
    "front matter": "front",
    "frontmatter": "front",
    "insert": "insert",
    "inserts": "insert",
    "color insert": "insert",
    "color inserts": "insert",
    "colour inserts": "insert",
    "color gallery": "insert",
    "color illustrations": "insert",
    "illustrations": "insert",
    "gallery": "insert",
    "update log": "log",
    # A download's page of the work's notes (AO3's notes module before the first chapter);
    # met after the story it is end matter, between chapters a chapter (`_resolve_roles`).
    "notes": "notes",
}
END_TITLES = {
    "afterword": "afterword",
    "author's afterword": "afterword",
    "translator's afterword": "afterword",
    "acknowledgments": "acknowledgments",
    "acknowledgements": "acknowledgments",
    "about the author": "about",
    "about the authors": "about",
    "about the illustrator": "about",
    "about the translator": "about",
    "newsletter": "newsletter",
    "yen newsletter": "newsletter",
    "sign up for our newsletter": "newsletter",
    "also by": "also_by",
    "end notes": "end_notes",
    "endnotes": "end_notes",
    "footnotes": "end_notes",
    # The notes' name in other languages.
    "przypisy": "end_notes",
    "transcriber's note": "end",
    "transcriber's notes": "end",
    "transcribers note": "end",
    "transcribers notes": "end",
    "back matter": "end",
    # (a printer's list of corrections, under its Latin name in every language)
    "errata": "end",
    "corrigenda": "end",
    "backmatter": "end",
    "colophon": "colophon",
    "copyright": "copyright",
    "copyrights and credits": "copyright",
    "license": "licence",
    "licence": "licence",
    "update log": "log",
    "back cover": "cover",
    # The afterword's name in other languages.
    "postfazione": "afterword",
    "nachwort": "afterword",
    "postface": "afterword",
    "posfácio": "afterword",
    "epílogo del editor": "afterword",
    "posłowie": "afterword",
    "doslov": "afterword",
}
# EPUB 3 `epub:type` and EPUB 2 guide types.
FRONT_TYPES = {
    "cover": "cover",
    "titlepage": "title",
    "title-page": "title",
    "halftitlepage": "title",
    "toc": "toc",
    "copyright-page": "copyright",
    "imprint": "imprint",  # the publisher's page (Standard Ebooks')
    "dedication": "dedication",
    "epigraph": "epigraph",
    "frontmatter": "front",
    "foreword": "front",
}
END_TYPES = {
    "afterword": "afterword",
    "acknowledgments": "acknowledgments",
    "colophon": "colophon",
    "backmatter": "end",
    "appendix": "end",
}

# AO3 preface `<dt>` labels (singular and plural) and FanFicFare title page labels -> meta keys.
LIST_FIELDS = {
    "archive warning": "warnings",
    "archive warnings": "warnings",
    "warning": "warnings",
    "warnings": "warnings",
    "category": "categories",
    "categories": "categories",
    "fandom": "fandom",
    "fandoms": "fandom",
    "relationship": "relationships",
    "relationships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "ships": "relationships",
    "character": "characters",
    "characters": "characters",
    "additional tags": "tags",
    "additional tag": "tags",
    "freeform": "tags",
    "tags": "tags",
    "genre": "genres",
    "genres": "genres",
    "collections": "collections",
    "collection": "collections",
}
TEXT_FIELDS = {
    "rating": "rating",
    "language": "language",
    "series": "series",
    "stats": "stats",
    "status": "status",
    "published": "published",
    "updated": "updated",
    "completed": "updated",
    "packaged": "packaged",
    "words": "words_stated",
    "chapters": "chapters_stated",
    "summary": "summary",
    "description": "summary",
    "publisher": "publisher",
    "story url": "url",
    "source": "url",
    "author": "author",
    "title": "work_title",  # Project Gutenberg's header: `Title: The Lantern Keeper`
}
# FanFicFare's title page and table of contents, by body class and file name.
FFF_PAGES = {"fff_titlepage": "title", "fff_tocpage": "toc", "fff_logpage": "log"}
FFF_FILES = {"title_page": "title", "toc_page": "toc", "log_page": "log", "cover": "cover"}

LABEL_LINE = re.compile(r"([A-Z][\w' ]{1,24}):\s+(\S.*)", re.S)
AO3_MESSAGE = re.compile(
    r"Posted originally on the (?:Archive of Our Own|.{1,60}) at (\S+?)\.?$", re.M
)
AO3_NOTE_LABELS = frozenset(
    [
        "summary",
        "notes",
        "chapter summary",
        "chapter notes",
        "chapter end notes",
        "end notes",
        "author's note",
        "author's notes",
        "a n",
    ]
)
# AO3's pointer from the notes to the end notes: not part of the notes themselves.
ENDNOTE_LINK = re.compile(r"See the end of the (?:work|chapter) for", re.I)


PG_TITLE_PREFIX = re.compile(r"^The Project Gutenberg e-?Book(?: of|,)\s+", re.I)
# (the credits after the title, however many: `, by Author, Translated by Translator`)
PG_BY_AUTHOR = re.compile(r",\s+by\s+.+$", re.I)


IMAGE_PLACEHOLDER = re.compile(r"\[image: [^\]]*\]")
# AO3 shows a pseud with its account's login after it: `Nix_Laurel (NixLaurel)`.
# AO3's note on a work imported from another archive, after its author's name.
ARCHIVED_BY = re.compile(r"\s*\[archived by [^\]]*\]", re.IGNORECASE)
LOGIN_AFTER_PSEUD = re.compile(r"(?<=\S)\s+\([\w.-]+\)(?=\s*(?:,|&|\band\b|$))")


def without_logins(authors: str) -> str:
    """`ARealPip, Nix_Laurel (NixLaurel)` -> `ARealPip, Nix_Laurel`: the names a work shows."""
    authors = without_archivist(authors)
    return LOGIN_AFTER_PSEUD.sub("", authors).strip() if "(" in authors else authors


def without_archivist(authors: str) -> str:
    """`dark dhampir [archived by HarryPotterFanFicArchive_Archivist]` -> `dark dhampir`."""
    return ARCHIVED_BY.sub("", authors).strip() if "[" in authors else authors


# A tool's placeholder where the title should be (pandoc's `UNTITLED`, calibre's `Unknown`);
# an AO3 work may well be called `Untitled`, so case counts.
NO_TITLE = re.compile(r"UNTITLED|Unknown|(?i:untitled document|no title)")


def clean_work_title(title: str) -> str:
    """A work's title as found on a page, tidied: one line, without Project Gutenberg's
    `The Project Gutenberg eBook of` and without a trailing comma (`Title, by Author`)."""
    text = " ".join(title.split())
    if "[image:" in text:
        # A lock or badge drawn beside the title (AO3's `(Restricted)`): its alt text is no title.
        text = " ".join(IMAGE_PLACEHOLDER.sub(" ", text).split())
    if PG_TITLE_PREFIX.match(text):
        # `The Project Gutenberg eBook, Title, by Author`
        text = PG_BY_AUTHOR.sub("", PG_TITLE_PREFIX.sub("", text))
    text = without_status(text.rstrip(" ,;:"))
    return "" if NO_TITLE.fullmatch(text) else text  # a converter's `UNTITLED`: nobody's title


def title_key(title: str) -> str:
    """A title reduced for matching: `Table of Contents ` -> `table of contents`."""
    text = re.sub(r"[^\w' ]+", " ", title.casefold().replace("’", "'"))
    return " ".join(text.split())


CJK_START = 0x2E80  # the first of the CJK blocks, whose scripts do not space their words


def same_title(line: str, title: str) -> bool:
    """Whether a short line at a chapter's top names it: the title itself, the title with a
    little more (`Chapter 3: Rain` for `Rain`), or a part of it of two words or more (`The
    Silver Door` under `Chapter 1: The Silver Door`)."""
    key, whole = title_key(line), title_key(title)
    if not key or not whole:
        return False
    if key == whole:
        return True
    if _holds(key, whole):
        return len(key) <= len(whole) + 30
    return _holds(whole, key) and len(key.split()) >= 2


def _holds(text: str, part: str) -> bool:
    """``part`` stands in ``text`` as whole words and numbers: `part i` is not in `part ii`, nor
    `chapter 1` in `chapter 12` (words of a script without spaces are matched anywhere)."""
    at = text.find(part)
    while at >= 0:
        before = text[at - 1 : at]
        after = text[at + len(part) : at + len(part) + 1]
        if not (_spaced_word_char(before) or _spaced_word_char(after)):
            return True
        at = text.find(part, at + 1)
    return False


def _spaced_word_char(char: str) -> bool:
    """A letter or digit of a script that spaces its words (below the CJK blocks)."""
    return bool(char) and char.isalnum() and ord(char) < CJK_START


def role_of_title(title: str) -> tuple[str, str] | None:
    """("front"|"end", kind) for a TOC label such as `Copyright` or `About the Author`."""
    key = title_key(title)
    if not key:
        return None
    if key in FRONT_TITLES:
        return "front", FRONT_TITLES[key]
    if CJK_PREFACE.fullmatch(key):
        return "front", "preface"
    if key in END_TITLES:
        return "end", END_TITLES[key]
    for prefix, kind in (("about the author", "about"), ("also by", "also_by")):
        if key.startswith(prefix):
            return "end", kind
    if key.endswith("newsletter"):
        return "end", "newsletter"
    return None


# A preface in Chinese or Japanese, alone or one of several numbered (`序`, `序一`, `序二`); not
# `序章`, a prologue, which is a chapter.
CJK_PREFACE = re.compile(r"序[一二三四五六七八九十0-9]*")

# `Appendix A. Free Version Control Systems`: matter after the chapters, not one of them.
APPENDIX = re.compile(r"appendix(?:\s+[A-Z0-9]{1,4})?\b(?:[.:]|\s|$)", re.IGNORECASE)


def is_appendix(title: str) -> bool:
    """`Appendix`, `Appendix A. ...`, `APPENDIX 2: ...`."""
    return APPENDIX.match(title.strip()) is not None


def role_of_source(source: Source, guide_type: str = "") -> tuple[str, str] | None:
    """The role a document says it has: FanFicFare's page classes, `epub:type`, guide types."""
    marks = source.body_marks.split()
    for mark in marks:
        if mark in FFF_PAGES:
            return "front", FFF_PAGES[mark]
    for mark in [*marks, guide_type]:
        if mark in FRONT_TYPES:
            return "front", FRONT_TYPES[mark]
        if mark in END_TYPES:
            return "end", END_TYPES[mark]
    stem = source.name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    if stem in FFF_FILES:
        return "front", FFF_FILES[stem]
    return None


def is_ao3(paras: Sequence[Para]) -> bool:
    """AO3 downloads wrap the preface in `div#preface` and say where the work was posted;
    other downloaders keep AO3's chapter markup (see `ao3_chapter_markup`)."""
    if ao3_chapter_markup(paras):
        return True
    preface = False
    for para in paras[:400]:
        context = para.block.context if para.block is not None else ""
        if "#chapters" in context:
            return True
        preface = preface or "#preface" in context
        if para.text.startswith("Posted originally on the") or "\nPosted originally on the" in (
            para.text
        ):
            return True
    # (a book's own preface may be an element with the id `preface` too: AO3's comes with the
    # chapters or the afterword it wraps the work in)
    return preface and any(p.block is not None and "#afterword" in p.block.context for p in paras)


def ao3_containers(context: str) -> bool:
    """Inside AO3's own download containers: `div#preface`, `div#chapters`."""
    return "#preface" in context or "#chapters" in context


def ao3_chapter_markup(paras: Sequence[Para]) -> bool:
    """A download that kept AO3's chapter markup without its containers: the chapter's text in
    `div.userstuff.module` under AO3's `Chapter Text` landmark (`h3.landmark.heading`), seen
    at the top of the first chapters."""
    for para in paras[:2000]:
        block = para.block
        if block is not None and para.hint == ParaKind.HEADING and "landmark" in block.marks:
            tokens = block.context.split()
            if "userstuff" in tokens and "module" in tokens and not ao3_containers(block.context):
                return True
    return False


def split_values(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def labelled(para: Para) -> tuple[str, str] | None:
    """(label, value) of a metadata line: an AO3 `<dt>/<dd>` pair or `Label: value`."""
    block = para.block
    if block is not None and block.label:
        return block.label, para.text[len(block.label) :].lstrip(" :")
    match = LABEL_LINE.fullmatch(para.text)
    if match:
        return match.group(1), match.group(2)
    return None


def store_field(meta: dict[str, object], label: str, value: str, *, fff: bool = False) -> bool:
    """Put one labelled value into ``meta`` under its key; False for unknown labels.

    FanFicFare's `Category` is the fandom (FanFiction.net's word for it); AO3's is `F/M`.
    """
    key = title_key(label)
    if fff and key in ("category", "categories"):
        key = "fandom"
    value = value.strip()
    if not value:
        return False
    if key in LIST_FIELDS:
        items = meta.setdefault(LIST_FIELDS[key], [])
        if isinstance(items, list):
            items.extend(v for v in split_values(value) if v not in items)
        return True
    if key in TEXT_FIELDS:
        if key in ("title", "author"):
            value = field_value(key, value)  # (Gutenberg's header: one per line under it)
        meta.setdefault(TEXT_FIELDS[key], value)
        return True
    return False


def ao3_message(text: str) -> str | None:
    """The work's address from AO3's `Posted originally on the Archive of Our Own at URL.`"""
    match = AO3_MESSAGE.search(text)
    return match.group(1) if match else None


def is_note_label(text: str) -> bool:
    """`Summary`, `Notes`, `Chapter End Notes` ...: the label before an AO3 notes block."""
    return title_key(text.rstrip(":")) in AO3_NOTE_LABELS
