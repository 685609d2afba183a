"""Markdown books (`.md`): their markup made into the plain lines the text pipeline reads.

Each line stays on its own line number, so line numbers of the book agree with the file:
`#` headings keep their text (a chapter heading line), `---`, `* * *` and `__` rules become a
`* * *` break line, `***bold-italic***`, `**bold**` and `*emphasis*` lose their marks, and so
do `>` quotation lines, backslash escapes (`\\'`, `\\*`) are removed, and lines that are only
HTML left by converters (pandoc's `<span id=...>`, `<div>`), or a `[TOC]` marker, become
blank, an image with a caption for alt text an `[Illustration: alt]` note, and a backslash
ending a line (a line break) goes. The YAML front matter block (`markdown_front`) becomes blank
but for its summary and notes, set in its lines under a heading each where they fit.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from tui.book.rules.breaks import is_glyph_line
from tui.book.rules.headings import names_a_chapter
from tui.book.rules.illustrations import decorative_alt
from tui.book.rules.sentence_ends import CLAUSE_MARKS, FULL_STOPS
from tui.book.text.markdown_front import front_matter
from tui.book.text.yaml_values import yaml_values

HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
# `##Chapter 2: Dream`, with no space, as rentry and other sites take it too, when it names a
# chapter (`#TeamGryffindor` is a tag).
UNSPACED_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[A-Z])(.*?)\s*$")
# A line centred in rentry's Markdown: `->text<-`.
CENTRED = re.compile(r"^\s*->\s*(.*?)\s*<-\s*$")
# The underline of a heading: `=====` (level 1) or `-----` (level 2).
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
SETEXT_TITLE_CHARS = 80
RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){2,})$")
CODE_BLOCK = re.compile(
    # a script or style, a comment, a tag written over several lines (`<a href="` / url / `">`)
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[A-Za-z/][^<>]*?\n[^<>]*?>",
    re.IGNORECASE | re.DOTALL,
)
TEMPLATE_TITLE = re.compile(r"\{\{\s*\$?(?:frontmatter|page|post)\.title\s*\}\}")
TAG_LINE = re.compile(r"^\s*(?:</?[A-Za-z][^>]*>\s*)+$")
# An attribute list for the paragraph above (`{ .center }`, kramdown's `{: .center}`).
ATTRIBUTES = re.compile(r"^\s*\{:?\s*[.#][^{}\n]*\}\s*$")
HR_TAG = re.compile(r"<hr\b", re.IGNORECASE)
SPACING_TAG = re.compile(r"</?(?:br|p|hr)\b", re.IGNORECASE)  # tags that space the text out
COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
FENCE = re.compile(r"^ {0,3}`{3,}[^`]*$")  # a fence around code: ````` ```` `````
# `![alt](url "title")`: an image, shown by its alt text as an illustration note.
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)[^)]*\)")
# A table of contents a site draws in place of the line: rentry's `[TOC]`, `[TOC2]`, GitLab's
# `[[_TOC_]]`.
TOC_MARKER = re.compile(r"^\s*(?:\[TOC\d?\]|\[\[_TOC_\]\])\s*$", re.IGNORECASE)
TAG = re.compile(r"</?[A-Za-z][^>]*>")
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)")
# `***Three weeks later***` alone between blank lines: a set-off line opening a scene.
BOLD_ITALIC_LINE = re.compile(r"\s*(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1\s*")
STRONG = re.compile(r"(\*\*\*|\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# `*a thought*`, `_a word_`: emphasis marks at word edges (not `5 * 3`, not `snake_case`).
EMPHASIS = re.compile(
    r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s\\*])\*(?![\w*])|"
    r"(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s\\_])_(?!\w)"
)
QUOTE_MARK = re.compile(r"^(?: {0,3}>[ \t]?)+")  # `> ` and `>> ` opening blockquote lines
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"<>~|])")
BREAK_LINE = "* * *"
# What may stand before a file's only heading for it still to head the story under it.
LONE_AFTER_LINES = 8
LONE_AFTER_CHARS = 600
NOTES_HEADING = re.compile(
    r"(?:(?:chapter|end|author'?s?|translator'?s?)\s+)?notes?\s*:?|a/?n\s*:?", re.IGNORECASE
)
# The labels an archive's backup sets over a chapter's summary and notes, as sub-headings.
NOTE_LABEL = re.compile(r"(?:chapter\s+)?(?:end\s+)?(?:summary|notes)\s*:?", re.IGNORECASE)
# The start of a footnote's text: `[^9]: …`.
FOOTNOTE_TEXT = re.compile(r"\[\^[^\]\s]{1,12}\]:")
# A footnote's mark (`[^9]`) or the start of its text (`[^9]: …`).
FOOTNOTE_MARK = re.compile(r"\[\^([^\]\s]{1,12})\]:?")


def shown_source(text: str) -> str:
    """The Markdown source as a site would show it, line for line: `<script>` and `<style>`
    blocks and comments emptied, and the front matter's title put where a page template names it
    (`# {{ frontmatter.title }}`)."""
    if "<" in text:
        text = CODE_BLOCK.sub(lambda m: "\n" * m.group().count("\n"), text)
    if "{{" in text:
        title = front_matter(text).title
        text = TEMPLATE_TITLE.sub(lambda _: title, text)
    return text


def markdown_lines(text: str) -> str:
    """The text of a Markdown book with its markup made plain, line for line (the underline
    of a heading `Title` / `=====` left blank)."""
    lines = text.split("\n")
    skip = front_matter(text).lines
    # (a heading's 1-based line is the 0-based index of its underline)
    under = {number for number, _, _ in _underlined(lines, skip)}
    plain = ["" if k < skip or k in under else _plain(line) for k, line in enumerate(lines)]
    _show_front_matter(lines[:skip], plain)
    _unindent_notes(lines, plain)
    for k in empty_note_labels(lines, skip):
        plain[k] = ""
    first = _first_line(text, skip) - 1
    titled = _unspaced(lines[first], True) if 0 <= first < len(lines) else None
    if titled:
        plain[first] = titled.group(2)  # `#Reunion`, the file's title
    return "\n".join(plain)


def front_parts(front_lines: list[str]) -> list[tuple[str, list[str]]]:
    """The summary and notes a YAML front matter block (``front_lines``, its `---` lines
    included) gives, each with its paragraphs made plain: [("Summary", [...]), ...]."""
    values = yaml_values(front_lines[1:-1]) if len(front_lines) > 2 else {}
    parts = []
    for key, name in (("summary", "Summary"), ("notes", "Notes")):
        value = values.get(key)
        if isinstance(value, str) and value.strip():
            paragraphs = [_plain(" ".join(p.split())).strip() for p in value.split("\n\n")]
            parts.append((name, [p for p in paragraphs if p]))
    return parts


def _show_front_matter(front_lines: list[str], plain: list[str]) -> None:
    """Set the summary and notes of the front matter in the lines it takes, a heading over
    each, so that they read as the book's front matter; left blank where they do not fit."""
    shown: list[str] = [""]  # (the opening `---`)
    for name, paragraphs in front_parts(front_lines):
        shown += [name, ""]
        for paragraph in paragraphs:
            shown += [paragraph, ""]
    if len(shown) > 1 and len(shown) <= len(front_lines) - 1:
        plain[: len(shown)] = shown


def hidden_lines(source: str) -> list[int]:
    """1-based lines of the Markdown ``source`` that hold markup with nothing to show, which
    `markdown_lines` leaves blank: a tag (`<div class="…">`; not `<br>`, `<p>` or `<hr>`,
    which space the text out), a comment (`<!--more-->`), a code fence or an attribute line.
    A reader sees no space there."""
    lines = source.split("\n")
    empty = [k + 1 for k in empty_note_labels(lines, front_matter(source).lines)]
    if not any(mark in source for mark in ("<", "`", "{", "[[", "[T", "[t")):
        return empty
    shows_nothing = [k + 1 for k, line in enumerate(lines) if _shows_nothing(line)]
    return sorted({*shows_nothing, *empty})


def empty_note_labels(lines: list[str], skip: int) -> list[int]:
    """0-based lines of `#### Chapter Summary` and `#### Chapter Notes` sub-headings that head
    nothing: another heading comes next, or, in a book that quotes its notes under such labels
    (`> Happy birthday, Sam!`), unquoted story text. A reader sees no label there."""
    labels: list[tuple[int, str]] = []  # (line, what comes next: quote, heading or text)
    for k in range(skip, len(lines)):
        found = HEADING.match(lines[k])
        if found is None or not NOTE_LABEL.fullmatch(found.group(2).strip()):
            continue
        after = next((line for line in lines[k + 1 : k + 40] if line.strip()), "")
        if QUOTE_MARK.match(after):
            labels.append((k, "quote"))
        else:
            labels.append((k, "heading" if HEADING.match(after) or not after else "text"))
    quoted = any(following == "quote" for _, following in labels)
    return [
        k for k, following in labels if following == "heading" or (quoted and following == "text")
    ]


def _shows_nothing(line: str) -> bool:
    """Markup with nothing to show: a tag that does not space the text out (`<div>`, not
    `<br>`, `<p>` or `<hr>`), a comment, a code fence, an attribute line, a site's marker for
    its table of contents (`[TOC]`)."""
    return bool(
        (TAG_LINE.match(line) and not SPACING_TAG.search(line))
        or COMMENT_LINE.match(line)
        or FENCE.match(line)
        or ATTRIBUTES.match(line)
        or TOC_MARKER.match(line)
    )


def _unindent_notes(lines: list[str], plain: list[str]) -> None:
    """A footnote's text goes on in indented lines (`[^1]: That wasn't…` / `  compromised…`):
    they are one paragraph with its first line, not paragraphs of their own."""
    in_note = False
    for k, line in enumerate(lines):
        if not line.strip():
            in_note = False
        elif FOOTNOTE_TEXT.match(line):
            in_note = True
        elif in_note and line[:1] in (" ", "\t"):
            plain[k] = plain[k].lstrip()


def _first_line(text: str, skip: int) -> int:
    """The 1-based line of the file's first text after its front matter (0 if none)."""
    for number, line in enumerate(text.split("\n", skip + 40)[skip:], skip + 1):
        if line.strip():
            return number
    return 0


def _unspaced(line: str, first: bool) -> re.Match[str] | None:
    """A heading written with no space after its `#`s: one that names a chapter
    (`##Chapter 2: Dream`), or the file's first line (its title); `#TeamGryffindor` is a tag."""
    found = UNSPACED_HEADING.match(line)
    if found and (first or names_a_chapter(found.group(2))):
        return found
    return None


def _underlined(lines: list[str], skip: int) -> list[tuple[int, int, str]]:
    """Headings written over a line of `=` (level 1) or `-` (level 2): (1-based line, level,
    text). A line of dashes under a sentence, or under a paragraph's last line, stays a rule."""
    out = []
    for k in range(max(skip, 1), len(lines)):
        marks = SETEXT.match(lines[k])
        if marks is None:
            continue
        title = lines[k - 1].strip()
        alone = k - 1 == skip or not lines[k - 2].strip()
        if not title or not alone or title[:1] in ("#", ">", "-", "*", "<", "|"):
            continue
        level = 1 if marks.group(1)[0] == "=" else 2
        bare = title.strip("\"'“”‘’*_ ")
        spoken = title[:1] in "\"“‘'" or bare.endswith((*FULL_STOPS, *CLAUSE_MARKS))
        if level == 2 and (len(title) > SETEXT_TITLE_CHARS or spoken):
            continue
        out.append((k, level, _plain(title).strip()))
    return out


def scene_lines(text: str) -> list[int]:
    """1-based lines of `***bold-italic***` one-liners standing alone: each opens a scene,
    and a block of them one after another (date, place, hour) opens one scene, at its first."""
    lines = text.split("\n")
    out = []
    sounds: dict[str, bool] = {}
    block_end = -2  # the last line of the block of one-liners seen last
    for k, line in enumerate(lines):
        if "***" not in line and "___" not in line:
            continue
        found = BOLD_ITALIC_LINE.fullmatch(line)
        if found is None or is_glyph_line(line.strip()):
            continue  # (`***...~AIV~...***` is an ornament, a break: see the text parser)
        if _a_sound(found.group(2), text, sounds):
            continue
        alone = (k == 0 or not lines[k - 1].strip()) and (
            k + 1 == len(lines) or not lines[k + 1].strip()
        )
        if alone:
            if not any(lines[j].strip() for j in range(block_end + 1, k)):
                block_end = k  # the block goes on: blank lines only since its last line
                continue
            out.append(k + 1)
            block_end = k
    return out


def _a_sound(words: str, text: str, seen: dict[str, bool]) -> bool:
    """A one-word line shouted in capitals or with `!` (`SLASH`, `Bang!`) whose word the
    story uses nowhere else: a sound set off for effect, not the place or person a scene
    opens on (`***London***`). ``seen`` keeps the answers, word by word."""
    word = words.strip(" !?.,…*_~-")
    if not word or " " in word or not (word.isupper() or words.rstrip(" *_").endswith("!")):
        return False
    if word not in seen:
        # (in capitals, `SLASH`, it is loud: the move named `Cross Slash` is another matter)
        first = text.find(word)
        seen[word] = text.find(word, first + 1) < 0
    return seen[word]


@dataclass(frozen=True, slots=True)
class Headings:
    """A Markdown file's `#` headings, read once: by level, (1-based line, plain text), and its
    only heading when that opens the file (a one-shot's title over its story)."""

    levels: dict[int, list[tuple[int, str]]]
    lone: tuple[int, str] | None
    lone_opens: bool = True  # the only heading is the file's first line of text (a title)

    def chapter_level(self) -> int | None:
        """The shallowest level used more than once (a level used once is the book's title,
        or a `Contents`)."""
        repeated = [level for level, found in self.levels.items() if len(found) >= 2]
        return min(repeated) if repeated else None

    def chapter_lines(self) -> list[int]:
        """The 1-based lines of the book's chapter headings: those of the chapter level, or
        the one heading of a one-shot that opens with it."""
        level = self.chapter_level()
        if level is not None:
            return [number for number, _ in self.levels[level]]
        return [self.lone[0]] if self.lone else []

    def title(self) -> str:
        """A heading above the chapters' level before the first chapter, or a one-shot's only
        heading: the book's title."""
        level = self.chapter_level()
        if level is None:
            # (under a blurb, the only heading names the chapter the page holds)
            return self.lone[1] if self.lone and self.lone_opens else ""
        first = self.levels[level][0][0]
        above = [found for lv, lines in self.levels.items() if lv < level for found in lines]
        before = sorted(found for found in above if found[0] < first)
        return before[0][1] if before else ""


def read_headings(text: str) -> Headings:
    """The file's `#` headings (none inside its front matter)."""
    levels: dict[int, list[tuple[int, str]]] = {}
    skip = front_matter(text).lines
    first = _first_line(text, skip)
    for number, line in enumerate(text.split("\n"), 1):
        if number <= skip:
            continue
        if line[:1] == "#" or line[:4].lstrip()[:1] == "#":
            found = HEADING.match(line) or _unspaced(line, number == first)
            if found and found.group(2).strip():
                title = _plain(found.group(2)).strip()
                levels.setdefault(len(found.group(1)), []).append((number, title))
    for number, level, title in _underlined(text.split("\n"), skip):
        levels.setdefault(level, []).append((number, title))
    for headings in levels.values():
        headings.sort()
    lone, opens = _lone(text, levels, skip)
    return Headings(levels, lone, opens)


def _lone(
    text: str, levels: dict[int, list[tuple[int, str]]], skip: int
) -> tuple[tuple[int, str] | None, bool]:
    """The file's only heading, if what stands before it is short (a blurb, a link to where
    the story was first posted), and whether nothing stands before it at all."""
    # (`### Notes:` over the author's notes at the end heads no part of the story)
    found = [
        h for headings in levels.values() for h in headings if not NOTES_HEADING.fullmatch(h[1])
    ]
    if len(found) != 1:
        return None, False
    number = found[0][0]
    before = [_plain(line).strip() for line in text.split("\n", number)[skip : number - 1]]
    before = [line for line in before if line]
    short = len(before) <= LONE_AFTER_LINES and sum(map(len, before)) <= LONE_AFTER_CHARS
    return (found[0], not before) if short else (None, False)


def _image_note(found: re.Match[str]) -> str:
    """An image as the note a text puts in its place, `[Illustration: alt]`; nothing for one
    whose alt text says nothing of it (none, `image`, its file's name) or only names it in a
    word, as a file name would (`![Flower](/images/flower-2.png)`, a site's picture of a place
    set between scenes: the gap around it shows the break)."""
    alt = " ".join(found.group(1).split())
    if decorative_alt(alt, found.group(2)) or " " not in alt:
        return ""
    return f"[Illustration: {alt}]"


def _note_mark(found: re.Match[str]) -> str:
    """A footnote's mark as `[9]`; a note named, not numbered, keeps its colon where it
    opens the note's own line (`[fall]: …`), to be told from a bracketed word."""
    name = found.group(1)
    opens = found.group().endswith(":") and not found.string[: found.start()].strip()
    return f"[{name}]:" if opens and not name.isdigit() else f"[{name}]"


def _plain(line: str) -> str:
    if not line.strip():
        return line
    if line.endswith("\\") and (len(line) - len(line.rstrip("\\"))) % 2:
        line = line[:-1]  # a backslash ending a line breaks it there: nothing to show
    if "<-" in line:
        line = CENTRED.sub(r"\1", line)  # rentry's centring: `->By Togetic Anon<-`
    if TAG_LINE.match(line) and HR_TAG.search(line):
        return BREAK_LINE  # `<hr/>`, `</p><hr>`: a rule, drawn
    if _shows_nothing(line) or TAG_LINE.match(line):
        return ""  # (a code fence's text stays, as the lines a story quotes: a signal, a log)
    if "![" in line:
        line = IMAGE.sub(_image_note, line)
        if not line.strip():
            return ""  # a picture whose alt text says nothing of it
    if line.lstrip()[:1] == ">":
        line = QUOTE_MARK.sub("", line)
        if not line.strip():
            return ""  # `>` alone: the gap between two paragraphs of a quotation
    if RULE.match(line):
        return BREAK_LINE
    heading = HEADING.match(line) or _unspaced(line, False)
    if heading:
        line = heading.group(2)
    if "<" in line:
        line = TAG.sub("", line)
    if "](" in line:
        line = LINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = STRONG.sub(r"\2", line)
    if "*" in line or "_" in line:
        line = EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    if "\\" in line:
        line = ESCAPE.sub(r"\1", line)
    if "[^" in line:
        line = FOOTNOTE_MARK.sub(_note_mark, line)  # `[^9]` and a note's `[^9]:` as `[9]`
    if "&" in line:
        line = html.unescape(line)  # `&nbsp;`, `&mdash;`: characters, as a site shows them
    return line
