"""The EPUB package: container.xml, the OPF (metadata, manifest, spine) and the nav or NCX."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tui.book.loader import neutralise
from tui.book.markup.archive import resolve
from tui.book.markup.tags import TOKEN, clean_line, parse_attrs
from tui.book.rules.clean_headings import without_note_reference

XHTML_TYPES = ("application/xhtml+xml", "text/html", "application/xml", "text/xml")

# What EPUB makers write where they were given no author.
NO_NAME = re.compile(r"(?:unknown|unknown author|author unknown|anonymous author|n/?a|none)", re.I)


@dataclass(slots=True)
class Node:
    """An element of a tolerantly parsed XML file (namespace prefixes dropped from tags)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    content: list[str | Node] = field(default_factory=list)  # text and children, in order

    def attr(self, name: str) -> str:
        """An attribute by local name (`role` finds `opf:role`)."""
        if name in self.attrs:
            return self.attrs[name]
        for key, value in self.attrs.items():
            if key.rsplit(":", 1)[-1] == name:
                return value
        return ""

    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        out: list[str] = []
        self._collect(out)
        return clean_line("".join(out))

    def _collect(self, out: list[str]) -> None:
        for item in self.content:
            if isinstance(item, str):
                out.append(item)
            else:
                item._collect(out)

    def iter(self, tag: str) -> Iterator[Node]:
        """Descendants (and itself) with this local tag name, in document order."""
        if self.tag == tag:
            yield self
        for child in self.children:
            yield from child.iter(tag)

    def first(self, tag: str) -> Node | None:
        return next(self.iter(tag), None)


def parse_xml(text: str) -> Node:
    """A forgiving XML parse: never raises, ignores DTDs (so no entity expansion attacks), knows
    HTML entities. Good enough for OPF, NCX, nav and container files, which are simple."""
    root = Node("#root", {})
    stack = [root]
    for match in TOKEN.finditer(text):
        tag = match.group("tag")
        if tag is not None:
            local = tag.rsplit(":", 1)[-1].lower()
            if match.group("end"):
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].tag == local:
                        del stack[depth:]
                        break
                continue
            attrs = match.group("attrs")
            node = Node(local, dict(parse_attrs(attrs)) if attrs.strip(" /") else {})
            stack[-1].children.append(node)
            stack[-1].content.append(node)
            if not attrs.endswith("/"):
                stack.append(node)
            continue
        value = match.group("text") or match.group("cdata")
        if value:
            if "&" in value and match.group("text") is not None:
                value = html.unescape(value)
            stack[-1].content.append(neutralise(value))
    return root


@dataclass(slots=True)
class ManifestItem:
    id: str
    path: str  # archive path
    media_type: str
    properties: str = ""


@dataclass(slots=True)
class TocEntry:
    """One entry of the table of contents, flattened in reading order."""

    title: str
    path: str  # archive path of the document
    fragment: str  # element id inside it, or ""
    depth: int  # 0 for top-level entries


@dataclass
class Package:
    """What the OPF says about the book."""

    opf_path: str
    version: str = ""
    metadata: dict[str, object] = field(default_factory=dict)
    manifest: dict[str, ManifestItem] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)  # archive paths of spine documents
    nav_path: str | None = None
    ncx_path: str | None = None
    guide: dict[str, str] = field(default_factory=dict)  # archive path -> guide type
    nonlinear: list[str] = field(default_factory=list)  # spine items marked linear="no"


def container_rootfile(container_xml: str) -> str | None:
    """The OPF path named by META-INF/container.xml."""
    root = parse_xml(container_xml)
    for node in root.iter("rootfile"):
        path = node.attr("full-path")
        media = node.attr("media-type")
        if path and (not media or "oebps" in media or path.lower().endswith(".opf")):
            return path.lstrip("/")
    return None


def parse_opf(opf_path: str, text: str) -> Package:
    """Metadata, manifest, spine and TOC pointers of an OPF file."""
    root = parse_xml(text)
    package = Package(opf_path)
    node = root.first("package")
    package.version = node.attr("version") if node else ""
    package.metadata = _metadata(root)
    by_id: dict[str, ManifestItem] = {}
    for node in root.iter("item"):
        href = node.attr("href")
        if not href:
            continue
        entry = ManifestItem(
            node.attr("id"),
            resolve(opf_path, href),
            node.attr("media-type").lower(),
            node.attr("properties").lower(),
        )
        by_id.setdefault(entry.id, entry)
        if "nav" in entry.properties.split():
            package.nav_path = entry.path
    package.manifest = by_id
    spine = root.first("spine")
    if spine is not None:
        toc_id = spine.attr("toc")
        if toc_id and toc_id in by_id:
            package.ncx_path = by_id[toc_id].path
        aside: list[str] = []
        for ref in spine.iter("itemref"):
            item = by_id.get(ref.attr("idref"))
            if item is None:
                continue
            if item.media_type and not item.media_type.startswith(XHTML_TYPES):
                continue  # an image or a style sheet listed in the spine by mistake
            # Non-linear items (footnotes, answers) are read after the rest, not in the story.
            order = aside if ref.attr("linear").strip().lower() == "no" else package.spine
            if item.path not in package.spine and item.path not in aside:
                order.append(item.path)
        if package.spine:
            package.spine += aside
            package.nonlinear = aside
        else:
            package.spine = aside  # every item marked aside: the marks say nothing
    if package.ncx_path is None:
        for item in by_id.values():
            if item.media_type == "application/x-dtbncx+xml" or item.path.lower().endswith(".ncx"):
                package.ncx_path = item.path
                break
    for ref in root.iter("reference"):
        href, kind = ref.attr("href"), ref.attr("type").lower()
        if href and kind:
            package.guide.setdefault(resolve(opf_path, href), kind)
    return package


def _metadata(root: Node) -> dict[str, object]:
    """Title, creators, subjects, description, series and the rest from <metadata>."""
    meta: dict[str, object] = {}
    block = root.first("metadata") or root
    refines: dict[str, dict[str, str]] = {}
    for node in block.iter("meta"):
        target = node.attr("refines").lstrip("#")
        prop = node.attr("property")
        if target and prop:
            refines.setdefault(target, {})[prop] = node.text()
    titles = [(n.text(), n.attr("id")) for n in block.iter("title") if n.text()]
    if titles:
        main = [t for t, i in titles if refines.get(i, {}).get("title-type") == "main"]
        meta["title"] = main[0] if main else titles[0][0]
    authors: list[str] = []
    others: list[str] = []
    generator = " ".join(
        n.attr("content") for n in block.iter("meta") if n.attr("name") == "generator"
    ).casefold()
    for node in block.iter("creator"):
        name = node.text()
        if not name or NO_NAME.fullmatch(name.strip()):
            continue  # `Unknown Author`: a tool's placeholder, nobody's name
        if name.strip().casefold() in generator.split():
            continue  # `pypub`, the tool that made the file (`PYPUB ePub Generator`)
        role = node.attr("role") or refines.get(node.attr("id"), {}).get("role", "")
        file_as = node.attr("file-as") or refines.get(node.attr("id"), {}).get("file-as", "")
        (authors if role in ("", "aut") else others).append(
            _without_dynasty(_without_rank(name, file_as))
        )
    if authors or others:
        meta["authors"] = authors or others
    subjects = [n.text() for n in block.iter("subject") if n.text()]
    if subjects:
        meta["subjects"] = subjects
    description = next((n for n in block.iter("description") if n.text()), None)
    if description is not None:
        meta["description"] = description.text()
    for key in ("language", "publisher", "date", "source"):
        found = block.first(key)
        if found is not None and found.text():
            meta[key] = found.text()
    for node in block.iter("identifier"):
        value = node.text()
        if value.lower().startswith(("http://", "https://", "url:")):
            meta.setdefault("url", re.sub(r"^url:", "", value, flags=re.I))
    series, index = _series(block, refines)
    if series:
        meta["series"] = series
        if index:
            meta["series_index"] = index
    return meta


# A Chinese author's dynasty before the name (`清·吳楚材`, `宋・蘇軾`), as catalogues give it; a
# reader knows the name alone, as a plain text's author line is read (`name_lines`). (A dot also
# parts a foreign name written in Chinese, `马克·吐温`: only a dynasty's name is taken off.)
_DYNASTY = re.compile(
    r"(?:周|秦|漢|汉|晉|晋|隋|唐|宋|元|明|清)[·・]\s*(?P<name>[\u4e00-\u9fff]{2,4})"
)


def _without_dynasty(name: str) -> str:
    found = _DYNASTY.fullmatch(name.strip())
    return found["name"] if found else name


def _without_rank(name: str, file_as: str) -> str:
    """The name without the rank a catalogue files after it: `Tolstoy, Leo, graf` is shown by
    Project Gutenberg as `graf Leo Tolstoy`, and a reader knows him as Leo Tolstoy."""
    parts = [part.strip() for part in file_as.split(",")]
    if len(parts) != 3 or not all(parts):
        return name
    surname, given, rank = parts
    words = name.split()
    if words and words[0] == rank and " ".join(words[1:]) == f"{given} {surname}":
        return f"{given} {surname}"
    return name


def _series(block: Node, refines: dict[str, dict[str, str]]) -> tuple[str, str]:
    """calibre's `calibre:series` meta, or EPUB 3's `belongs-to-collection`."""
    name = index = ""
    for node in block.iter("meta"):
        if node.attr("name") == "calibre:series":
            name = clean_line(node.attr("content"))
        elif node.attr("name") == "calibre:series_index":
            index = node.attr("content").strip()
        elif node.attr("property") == "belongs-to-collection" and not name:
            details = refines.get(node.attr("id"), {})
            if details.get("collection-type", "series") == "series":
                name = node.text()
                index = details.get("group-position", "")
    if index.endswith(".0") or index.endswith(".00"):
        index = index.split(".")[0]
    return name, index


def parse_nav(nav_path: str, text: str) -> list[TocEntry]:
    """The `epub:type="toc"` list of an EPUB 3 navigation document, flattened."""
    root = parse_xml(text)
    navs = list(root.iter("nav"))
    toc = next((n for n in navs if "toc" in n.attr("type").split()), navs[0] if navs else None)
    if toc is None:
        return []
    entries: list[TocEntry] = []

    def walk(node: Node, depth: int) -> None:
        for child in node.children:
            if child.tag == "li":
                link = next((c for c in child.children if c.tag in ("a", "span")), None)
                if link is not None and link.tag == "a" and link.attr("href"):
                    _add(entries, nav_path, link.attr("href"), link.text(), depth)
                for sub in child.children:
                    if sub.tag == "ol":
                        walk(sub, depth + 1)
            elif child.tag in ("ol", "ul", "div"):
                walk(child, depth)

    walk(toc, 0)
    return entries


def parse_ncx(ncx_path: str, text: str) -> list[TocEntry]:
    """The navMap of an EPUB 2 NCX file, flattened."""
    root = parse_xml(text)
    nav_map = root.first("navmap")
    if nav_map is None:
        return []
    entries: list[TocEntry] = []

    def walk(node: Node, depth: int) -> None:
        for child in node.children:
            if child.tag != "navpoint":
                continue
            label = child.first("navlabel")
            content = child.first("content")
            if content is not None and content.attr("src"):
                _add(entries, ncx_path, content.attr("src"), label.text() if label else "", depth)
            walk(child, depth + 1)

    walk(nav_map, 0)
    return entries


def _add(entries: list[TocEntry], base: str, href: str, title: str, depth: int) -> None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
        return  # a link out of the book
    fragment = href.split("#", 1)[1] if "#" in href else ""
    title = without_note_reference(clean_line(title))
    entries.append(TocEntry(title, resolve(base, href), fragment, depth))
