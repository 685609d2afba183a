"""The words that label lines of fan fiction files: metadata keys and AO3-style landmarks."""

from __future__ import annotations

import re

# Metadata labels (AO3 preface and work page, FanFicFare title page, generic headers) and the
# `Book.meta` key each one fills.
META_KEYS = {
    "rating": "rating",
    "ratings": "rating",
    "archive warning": "warnings",
    "archive warnings": "warnings",
    "warning": "warnings",
    "warnings": "warnings",
    "category": "category",
    "categories": "category",
    "fandom": "fandom",
    "fandoms": "fandom",
    "relationship": "relationships",
    "relationships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "character": "characters",
    "characters": "characters",
    "additional tags": "tags",
    "additional tag": "tags",
    "tags": "tags",
    "freeform": "tags",
    "language": "language",
    "series": "series",
    "collections": "collections",
    "collection": "collections",
    "stats": "stats",
    "published": "published",
    "updated": "updated",
    "completed": "completed",
    "words": "stated_words",
    "word count": "stated_words",
    "chapters": "stated_chapters",
    "status": "status",
    "genre": "genre",
    "genres": "genre",
    "packaged": "packaged",
    "publisher": "publisher",
    "site": "publisher",
    "story url": "url",
    "url": "url",
    "source": "url",
    "author url": "author_url",
    "title": "title",
    "story": "title",
    "author": "author",
    "authors": "author",
    "summary": "summary",
    "description": "summary",
    "disclaimer": "disclaimer",
    "kudos": "kudos",
    "bookmarks": "bookmarks",
    "hits": "hits",
    "comments": "comments",
    "notes": "notes",
    # Chinese and Japanese title pages: `作者：林间听雨`, `内容简介：`
    "作者": "author",
    "著者": "author",
    "书名": "title",
    "書名": "title",
    "内容简介": "summary",
    "内容簡介": "summary",
    "简介": "summary",
    "簡介": "summary",
    "文案": "summary",
    "あらすじ": "summary",
    "작가": "author",
    "저자": "author",
    "줄거리": "summary",
}
# The label that opens a Japanese e-text's colophon, after the story: `底本：` (the printed
# edition it was typed from), then `初出：`, `入力：`, `校正：` and the library's own note.
COLOPHON_KEYS = frozenset(("底本",))
# Values that are lists of tags.
LIST_KEYS = {"fandom", "relationships", "characters", "tags", "warnings", "category", "genre"}

# AO3's categories, the kinds of relationship a work has. FanFiction.net and FanFicFare's
# downloads call the fandom `Category` instead (`Category: Harry Potter`).
AO3_CATEGORIES = frozenset(("f/f", "f/m", "gen", "m/m", "multi", "other"))


def fandoms_in_categories(categories: object) -> list[str]:
    """The fandoms among a header's `Category` values: every one that is not one of AO3's
    categories (`Category: Twilight` from FanFiction.net; not AO3's `Category: F/M`)."""
    values = categories if isinstance(categories, list | tuple) else [categories]
    found = []
    for value in values:
        text = " ".join(str(value or "").split())
        if text and text.casefold() not in AO3_CATEGORIES and text not in found:
            found.append(text)
    return found


# AO3 landmark lines (work page saved as text, or a download converted to text).
LANDMARKS = {
    "actions": "actions",
    "work header": "work_header",
    "preface": "preface",
    "chapter text": "chapter_text",
    "work text": "work_text",
    "work text:": "work_text",
    "summary": "summary",
    "summary:": "summary",
    "notes": "notes",
    "notes:": "notes",
    "chapter summary": "chapter_summary",
    "chapter summary:": "chapter_summary",
    "chapter notes": "chapter_notes",
    "chapter notes:": "chapter_notes",
    "chapter end notes": "chapter_end_notes",
    "chapter end notes:": "chapter_end_notes",
    "end notes": "end_notes",
    "end notes:": "end_notes",
    "afterword": "afterword",
    "author's afterword": "afterword",
    "postscript": "afterword",
    "chapter management": "actions",
    "table of contents": "toc",
    "contents": "toc",
    # (an article before it, as some title pages set it)
    "a table of contents": "toc",
    "the table of contents": "toc",
    "the contents": "toc",
    # (French books: `Table des matières`)
    "table des matières": "toc",
    "table des matieres": "toc",
    # (a play's list of its acts and where they happen, before the persons of the play)
    "the scenes of the play": "toc",
    "scenes of the play": "toc",
    "目录": "toc",
    "目錄": "toc",
    "目次": "toc",
    "あとがき": "afterword",
    "後書き": "afterword",
    "后记": "afterword",
    "後記": "afterword",
    "完本感言": "afterword",
}


# A story's state, which fan-fiction sites let authors add to its title: `(On Hiatus)`,
# `[COMPLETE]`, `- Discontinued` (after a dash only the states no title ends with).
_STATES = (
    r"(?:on\s+)?hiatus|complete[d]?|wip|work in progress|discontinued|abandoned|incomplete|"
    r"on hold|up for adoption"
)
_BRACKETED_STATES = rf"{_STATES}|finished|being rewritten|rewritten|under revision"
_STATUS = re.compile(
    rf"\s*(?:\(\s*(?:{_BRACKETED_STATES})\s*\)|\[\s*(?:{_BRACKETED_STATES})\s*\]|"
    rf"[-–—]\s+(?:{_STATES}))\s*$",
    re.IGNORECASE,
)


def without_status(title: str) -> str:
    """`The Wizard and I (On Hiatus)` -> `The Wizard and I`; a title that is only a state
    stays as it is."""
    found = _STATUS.search(title)
    if found is None or found.start() == 0:
        return title
    return title[: found.start()].rstrip()


def without_author(title: str, author: str | None) -> str:
    """`Where I Cant Follow - dexteritysave - Supergirl TV 2015` -> `Where I Cant Follow`: a
    title line that goes on to name its author (and fandom) is the title up to the name."""
    if not author or not title:
        return title
    found = re.search(rf"\s+(?:[-–—|:]|by)\s+{re.escape(author)}\b", title, re.IGNORECASE)
    return title[: found.start()].rstrip() if found is not None and found.start() > 0 else title


# A title in the brackets East Asian books set titles in, maybe with a Latin alias after it.
_TITLE_BRACKETS = re.compile(r"[《「『【〈](.+?)[》」』】〉][\s\w'’.:-]*")


# `《水浒传》施耐庵`, `《红楼梦》 作者：曹雪芹`, `『星の夜』 山田太郎 著`: the writer's name
# after the bracketed title, two to six Han characters (a middle dot in a translated name).
_BRACKETED_BYLINE = re.compile(
    r"[《『](?:.+?)[》』]\s*(?:作者\s*[:：]\s*)?([\u4e00-\u9fff·・]{2,6}?)"
    r"(?:\s*(?:作品|[著作]))?"  # (`金庸作品`, the works of 金庸)
)


# What else follows a title there: an edition, a volume, a chapter (`全本`, `上卷`, `第一回`).
_NOT_IN_NAME = set("第章回卷部集篇版本全完校续册")
# Words, in either script, that follow a title there and name no one: its text, its script,
# its first part, the copy it is (`《三国演义》正文`, `《水浒传》简体`, `《西游记》原著`).
_NOT_NAMES = (
    "正文",
    "原著",
    "原文",
    "简体",
    "繁体",
    "簡體",
    "繁體",
    "阅读",
    "閱讀",
    "免费",
    "免費",
    "目录",
    "目錄",
    "简介",
    "簡介",
    "番外",
    "楔子",
    "序言",
    "引子",
    "后记",
    "後記",
    "插图",
    "插圖",
)


def bracketed_byline(title: str) -> str | None:
    """The writer named after a bracketed title on its line (`《水浒传》施耐庵` -> `施耐庵`);
    None for the words that follow a title and name no one (`《三国演义》正文`)."""
    found = _BRACKETED_BYLINE.fullmatch(title.strip())
    if found is None or _NOT_IN_NAME & set(found.group(1)):
        return None
    if any(word in found.group(1) for word in _NOT_NAMES):
        return None
    return found.group(1)


def without_brackets(title: str) -> str:
    """`《此生不識君》` and `《此生不識君》Still-you` -> `此生不識君`."""
    found = _TITLE_BRACKETS.fullmatch(title.strip())
    return found.group(1).strip() if found else title.strip()


def ao3_page_title(title: str) -> tuple[str, str] | None:
    """AO3's page title, `Title - Author - Archive of Our Own` or `Title - Author - Fandom
    [Archive of Our Own]` (fandoms may hold ` - ` too): the work's title and its author
    (empty when not given); None for another title."""
    for tail in (" - Archive of Our Own", " | Archive of Our Own"):
        if title.endswith(tail):
            parts = title[: -len(tail)].rsplit(" - ", 1)
            return parts[0].strip(), parts[1].strip() if len(parts) > 1 else ""
    if title.endswith(" [Archive of Our Own]"):
        parts = title.split(" - ", 2)
        return parts[0].strip(), parts[1].strip() if len(parts) > 2 else ""
    return None


# A header's field line this long was wrapped: the lines under it go on with it. Under a
# shorter one, each line is a value of its own.
WRAPPED_FIELD_CHARS = 60


def field_value(label: str, value: str) -> str:
    """A header field's value from its lines: a wrapped value joined again, or under a short
    first line, the other names of an `Author:` (`Alexandre Dumas` / `Auguste Maquet`) and
    the alternative title under a `Title:` (`Peter Pan` / `Peter Pan and Wendy`), which the
    book's name leaves out."""
    lines = [" ".join(line.split()) for line in value.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2 or len(lines[0]) >= WRAPPED_FIELD_CHARS or not lines[1][:1].isupper():
        return " ".join(lines)
    return lines[0] if label == "title" else ", ".join(lines)


# A page's style rules that lost their `<style>` tags: `p.message{text-align:center}.meta h1{…}`.
_STYLE_RULES = re.compile(r"(?:[\w.#*:>\[\]=\"' ,-]*\{[^{}]*:[^{}]*\}\s*){2,}")


def is_style_sheet(line: str) -> bool:
    """A page's style sheet left in its text (an HTML download made plain): never story."""
    return "{" in line and _STYLE_RULES.fullmatch(line.strip()) is not None
