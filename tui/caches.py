"""Files kept only as caches: each written whole or not at all, the least lately used let go."""

from __future__ import annotations

import os
from pathlib import Path


def keep_cached(entry: Path, data: bytes, keep: int) -> None:
    """Write ``data`` to ``entry`` (through a temporary file, so that a reader never finds it
    half written) and let all but the ``keep`` latest `*.pickle` files of its folder go. Only
    a cache: nothing is said when it cannot be written, and the caller goes without it."""
    folder = entry.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        part = folder / f".{entry.name}.{os.getpid()}.part"
        part.write_bytes(data)
        os.replace(part, entry)
        kept = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
