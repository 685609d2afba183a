"""Reading positions as content anchors: a character offset plus a paragraph fingerprint."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any


def fingerprint(paragraph_text: str) -> str:
    """A short, whitespace-insensitive fingerprint of a paragraph's text."""
    normal = " ".join(paragraph_text.split()).casefold()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Anchor:
    """Where a reader is: never a screen line, always a place in the content."""

    offset: int  # character offset into Book.text
    fingerprint: str  # fingerprint() of the paragraph holding the offset
    saved_at: float = field(default_factory=time.time)

    def to_dict(self) -> dict[str, Any]:
        return {"offset": self.offset, "fingerprint": self.fingerprint, "saved_at": self.saved_at}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        return cls(int(data["offset"]), str(data["fingerprint"]), float(data.get("saved_at", 0)))


@dataclass(frozen=True)
class Bookmark:
    """A named place in a book."""

    anchor: Anchor
    label: str = ""
    created: float = field(default_factory=time.time)

    def to_dict(self) -> dict[str, Any]:
        return {"anchor": self.anchor.to_dict(), "label": self.label, "created": self.created}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bookmark:
        return cls(
            Anchor.from_dict(data["anchor"]), str(data.get("label", "")), float(data["created"])
        )
