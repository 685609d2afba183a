"""EPUB 2 and 3 books: spine order, nav/NCX titles, OPF metadata, converted lazily."""

from __future__ import annotations

import contextlib
import re
import struct
from pathlib import Path

from tui.book.file_title import title_from_path
from tui.book.loader import check_path, safe_name
from tui.book.markup.archive import Archive, EntryError, resolve
from tui.book.markup.build import BookInfo, build_book
from tui.book.markup.convert import Converter
from tui.book.markup.package import (
    Package,
    TocEntry,
    container_rootfile,
    parse_nav,
    parse_ncx,
    parse_opf,
    parse_xml,
)
from tui.book.markup.paragraphs import Paragraphs
from tui.book.markup.style_sheets import ClassStyles, class_styles, spaced_classes
from tui.book.markup.tags import decode_markup, ornament_hint
from tui.book.model import Book, BookError

# A preview converts spine items until it holds this much text (a few screens and then some),
# so the reader can show the first page long before a web serial is converted.
PREVIEW_CHARS = 200_000
ORNAMENT_MAX_HEIGHT = 160  # pixels: an image-only paragraph this flat is a scene-break ornament
MAX_NOTICES = 5  # a damaged book says what is wrong, not the same thing 1,600 times
MARKUP_NAMES = re.compile(r"\.(?:x?html?|xml)$", re.I)


def check_epub_start(path: str | Path) -> None:
    """Refuse a file that cannot be read as an EPUB (not a zip, damaged, no package or
    content) from its directory and package alone, so a caller can say so before it starts
    anything else."""
    EpubReader(path).close()


class EpubReader:
    """An open EPUB whose spine is converted one document at a time, on demand."""

    def __init__(self, path: str | Path) -> None:
        check_path(path)
        self.path = Path(path)
        self.name = safe_name(self.path)  # for messages: the path as the caller gave it
        self.archive = Archive(self.path)
        self.notices: list[str] = []
        try:
            self.package = self._package()
            self.toc = self._toc()
        except BaseException:
            self.archive.close()
            raise
        self.paragraphs = Paragraphs()
        self.done = 0  # spine items converted
        self.missing = 0
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self._styles: dict[str, frozenset[str]] = {}  # style sheet path -> its spaced classes
        self.class_styles: ClassStyles = {}  # what the book's style sheets give each class

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> EpubReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- package -----------------------------------------------------------------------------
    def _text(self, name: str) -> str:
        text, notice = decode_markup(self.archive.read(name))
        if notice:
            self.notices.append(f"{name}: {notice}")
        return text

    def _package(self) -> Package:
        opf_path = None
        if self.archive.has("META-INF/container.xml"):
            try:
                opf_path = container_rootfile(self._text("META-INF/container.xml"))
            except EntryError as err:
                self.notices.append(f"container.xml unreadable: {err}")
        if opf_path is None or not self.archive.has(opf_path):
            opf_path = next((n for n in self.archive.names() if n.lower().endswith(".opf")), None)
            if opf_path is not None:
                self.notices.append("META-INF/container.xml is missing or wrong: used " + opf_path)
        package = Package("")
        if opf_path is not None:
            try:
                package = parse_opf(self.archive.find(opf_path) or opf_path, self._text(opf_path))
            except EntryError as err:
                self.notices.append(f"package file unreadable: {err}")
        if not package.spine:
            documents = sorted(
                (n for n in self.archive.names() if MARKUP_NAMES.search(n) and "META-INF" not in n),
                key=_natural,
            )
            documents = [d for d in documents if d not in (package.nav_path,)]
            if not documents:
                raise BookError(f"{self.name}: not an EPUB: no content documents inside")
            self.notices.append("no reading order in the package: documents read in name order")
            package.spine = documents
        self._refuse_drm(package)
        return package

    def _refuse_drm(self, package: Package) -> None:
        name = self.archive.find("META-INF/encryption.xml")
        if name is None:
            return
        try:
            root = parse_xml(self._text(name))
        except EntryError:
            return
        spine = {p.casefold() for p in package.spine}
        for node in root.iter("cipherreference"):
            target = resolve("", node.attr("uri")).casefold()
            if target in spine:
                raise BookError(f"{self.name}: protected by DRM (encrypted text): cannot be read")

    def _toc(self) -> list[TocEntry]:
        for path, parse in ((self.package.nav_path, parse_nav), (self.package.ncx_path, parse_ncx)):
            if path and self.archive.has(path):
                try:
                    entries = parse(path, self._text(path))
                except EntryError as err:
                    self.notices.append(f"table of contents unreadable: {err}")
                    continue
                if entries:
                    return entries
        return []

    # -- conversion --------------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        return self.done >= len(self.package.spine)

    def convert_next(self) -> bool:
        """Convert the next spine item; False when there is none left."""
        if self.complete:
            return False
        path = self.package.spine[self.done]
        self.done += 1
        if not self.archive.has(path):
            self.missing += 1
            return True
        try:
            text = self._text(path)
        except EntryError as err:
            self.notices.append(f"skipped {err}")
            return True
        base = self.archive.find(path) or path
        converter = Converter(lambda href: self._spaced_classes(resolve(base, href)))
        converter.feed(text)
        del text
        self.paragraphs.add(
            base, converter.close(), lambda src, marks: self._ornament(base, src, marks)
        )
        return True

    def convert_all(self) -> None:
        while self.convert_next():
            pass

    def convert_until(self, chars: int) -> None:
        """Convert spine items until the text holds ``chars`` characters (or all are done)."""
        total = sum(len(p.text) + 2 for p in self.paragraphs.paras)
        while total < chars:
            before = len(self.paragraphs.paras)
            if not self.convert_next():
                break
            total += sum(len(p.text) + 2 for p in self.paragraphs.paras[before:])

    def book(self, *, with_names: bool = True) -> Book:
        """The Book from what is converted so far."""
        notices = self.notices[:MAX_NOTICES]
        if len(self.notices) > MAX_NOTICES:
            notices.append(f"… and {len(self.notices) - MAX_NOTICES} more problems like these")
        if self.missing:
            notices.append(f"{self.missing} document(s) of the reading order missing from the file")
        meta = dict(self.package.metadata)
        guide = dict(self.package.guide)
        if self.package.nav_path:
            guide.setdefault(self.package.nav_path, "toc")  # the nav document read as a page
        for path in self.package.nonlinear:
            guide.setdefault(path, "backmatter")  # notes and asides, read after the story
        info = BookInfo(
            path=str(self.path),
            title=str(meta.get("title") or ""),
            authors=list(meta.get("authors") or []),  # type: ignore[call-overload]
            meta=meta,
            guide=guide,
            notices=notices,
            fallback_title=title_from_path(str(self.path)),
            class_styles=self.class_styles,
        )
        if not self.paragraphs.paras:
            # (nothing to lay out: building a book of no paragraphs would fail)
            raise BookError(f"{self.name}: {self._why_no_text()}")
        book = build_book(self.paragraphs, self.toc, info, with_names=with_names)
        if self.complete and not book.text.strip():
            raise BookError(f"{self.name}: no readable text in this EPUB")
        return book

    def _why_no_text(self) -> str:
        """Why the book has not a paragraph: its documents are not in the file (a damaged
        EPUB, or one cut short), or they hold no text."""
        listed, missing = len(self.package.spine), self.missing
        if missing and listed == 1:
            return "damaged EPUB: the one document its reading order lists is not in the file"
        if missing and missing == listed:
            return f"damaged EPUB: none of the {listed} documents its reading order lists is there"
        if missing:
            return (
                f"damaged EPUB: {missing} of the {listed} documents its reading order lists "
                f"{'is' if missing == 1 else 'are'} not in the file, and the rest hold no text"
            )
        return "no readable text in this EPUB"

    def _spaced_classes(self, path: str) -> frozenset[str]:
        """The spaced paragraph classes of a style sheet in the book (read once)."""
        found = self._styles.get(path)
        if found is None:
            found = frozenset()
            if self.archive.has(path):
                with contextlib.suppress(EntryError):  # (an unreadable sheet styles nothing)
                    sheet = self._text(path)
                    found = spaced_classes(sheet)
                    for name, declared in class_styles(sheet).items():
                        self.class_styles.setdefault(name, {}).update(declared)
            self._styles[path] = found
        return found

    # -- images ------------------------------------------------------------------------------
    def _ornament(self, base: str, src: str, marks: str) -> bool:
        """An image-only paragraph is a scene-break ornament when its name or class says so, or
        when the image is a flat strip (read from the image header, never decoded)."""
        if ornament_hint(src, marks):
            return True
        size = self._size(resolve(base, src))
        return size is not None and 0 < size[1] <= ORNAMENT_MAX_HEIGHT and size[0] >= size[1] * 2

    def _size(self, path: str) -> tuple[int, int] | None:
        if path not in self._sizes:
            self._sizes[path] = image_size(self.archive.read_head(path, 65536))
        return self._sizes[path]


def image_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) from the first bytes of a PNG, GIF or JPEG file, else None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return width, height
    if head.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                i += 1
                continue
            marker = head[i + 1]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE):
                height, width = struct.unpack(">HH", head[i + 5 : i + 9])
                return width, height
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            i += 2 + struct.unpack(">H", head[i + 2 : i + 4])[0]
    return None


def _natural(name: str) -> list[object]:
    """`ch2` before `ch10`."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def open_epub(path: str | Path) -> Book:
    """The whole book."""
    with EpubReader(path) as reader:
        reader.convert_all()
        return reader.book()


def preview_epub(path: str | Path, chars: int = PREVIEW_CHARS, until: int = 0) -> Book:
    """The book's first spine items only: at least ``chars`` characters, and past offset
    ``until`` (a saved position). Offsets agree with :func:`open_epub`, so a reader can show
    this first and swap in the full book later. ``meta["preview"]`` is True when only part of
    the book was converted, False when the preview is the whole book."""
    with EpubReader(path) as reader:
        reader.convert_until(max(chars, until + chars))
        book = reader.book(with_names=reader.complete)
        book.meta["preview"] = not reader.complete
        return book
