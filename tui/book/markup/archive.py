"""Reading EPUB archives safely: entry names checked, sizes and compression ratios capped."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from tui.book.loader import safe_name
from tui.book.model import BookError

# Limits far above any real book (the largest web serials are ~100 MB of XHTML) and far below
# what would hurt a small server.
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # one entry, uncompressed
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # all entries, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for entries big enough to matter
RATIO_FLOOR = 1024 * 1024  # entries smaller than this may compress as much as they like
MAX_ENTRIES = 50_000


class Archive:
    """A zip archive opened for reading with every entry checked before anything is read.

    Names are compared case-sensitively first and then case-insensitively, because EPUBs made
    on Windows often disagree with themselves about case.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = safe_name(self.path)  # as the caller gave it: the folder helps find it
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise BookError(f"{self.name}: no such file") from None
        except IsADirectoryError:
            raise BookError(f"{self.name}: is a folder, not a book") from None
        except PermissionError:
            raise BookError(f"{self.name}: permission denied") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
            raise BookError(f"{self.name}: not a readable EPUB (damaged zip: {err})") from None
        self.entries: dict[str, zipfile.ZipInfo] = {}
        self.folded: dict[str, str] = {}
        self._check()

    def _check(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise BookError(f"{self.name}: refused: {len(infos)} entries in the archive")
        total = 0
        for info in infos:
            name = info.filename
            if _unsafe_name(name):
                raise BookError(f"{self.name}: refused: unsafe entry name {name!r}")
            if info.is_dir():
                continue
            if info.file_size > MAX_ENTRY_BYTES:
                raise BookError(
                    f"{self.name}: refused: entry {name!r} is "
                    f"{info.file_size // (1024 * 1024)} MB uncompressed"
                )
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise BookError(
                    f"{self.name}: refused: entry {name!r} expands "
                    f"{info.file_size // max(info.compress_size, 1)} times (a zip bomb?)"
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise BookError(f"{self.name}: refused: over 1 GB uncompressed")
            self.entries.setdefault(name, info)
            self.folded.setdefault(name.casefold(), name)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self.entries)

    def find(self, name: str) -> str | None:
        """The stored entry name for ``name`` (exact, then URL-decoded, then ignoring case)."""
        if name in self.entries:
            return name
        for candidate in (unquote(name), name.lstrip("/")):
            if candidate in self.entries:
                return candidate
            folded = self.folded.get(candidate.casefold())
            if folded:
                return folded
        return None

    def has(self, name: str) -> bool:
        return self.find(name) is not None

    def read(self, name: str, limit: int = MAX_ENTRY_BYTES) -> bytes:
        """An entry's bytes, never more than ``limit``: the stored sizes may lie."""
        stored = self.find(name)
        if stored is None:
            raise KeyError(name)
        info = self.entries[stored]
        if info.flag_bits & 0x1:
            raise BookError(f"{self.name}: {stored!r} is encrypted (DRM): cannot be read")
        try:
            with self.zip.open(info) as handle:
                data = handle.read(min(limit, info.file_size) + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as err:
            raise EntryError(f"{stored!r} is damaged ({err})") from None
        except NotImplementedError as err:
            raise EntryError(f"{stored!r} uses an unsupported compression ({err})") from None
        if len(data) > min(limit, info.file_size):
            raise EntryError(f"{stored!r} is larger than the archive says: refused")
        return data

    def read_head(self, name: str, size: int) -> bytes:
        """The first ``size`` bytes of an entry (for image sizes), or b"" when unreadable."""
        stored = self.find(name)
        if stored is None:
            return b""
        try:
            with self.zip.open(self.entries[stored]) as handle:
                return handle.read(size)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
            return b""


class EntryError(Exception):
    """One entry of an archive could not be read; the rest of the book may still be."""


def _unsafe_name(name: str) -> bool:
    """Absolute paths, drive letters, `..` components and NUL bytes are never part of a book."""
    if not name or "\x00" in name:
        return True
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return ".." in normal.split("/")


def resolve(base: str, href: str) -> str:
    """The archive path of ``href`` written in the file ``base`` (fragment and query dropped)."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    if not href:
        return base
    href = unquote(href)
    folder = posixpath.dirname(base)
    joined = (
        posixpath.normpath(posixpath.join(folder, href)) if folder else posixpath.normpath(href)
    )
    return joined.lstrip("/") if joined != "." else ""
