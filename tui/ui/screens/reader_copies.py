"""What the reader says of a file holding another copy of a story the library keeps.

The newer copy it now reads the story from, or an older one named and read as it is.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.loader import neutralise, safe_name
from tui.library.records import BookRecord
from tui.paths import shown_path


def newer_copy_text(record: BookRecord, path: Path) -> str:
    """`Primadonna (1).html is a newer copy of “Primadonna”, read before from
    ~/Downloads/Primadonna.html`: what the library took the file named for."""
    name = safe_name(path.name)
    title = neutralise(record.display_title)
    kept = [copy for copy in record.older_copies if copy.path != record.path]
    if not kept:
        return f"{name} is a newer copy of “{title}”, read before from a file gone since"
    return f"{name} is a newer copy of “{title}”, read before from {shown_path(kept[-1].path)}"


def older_copy_text(record: BookRecord, newer: BookRecord, path: Path) -> str:
    """`Primadonna.html holds an older copy of “Primadonna” (5 chapters of 7): …`, for a file
    named that the library keeps as an older copy of a story it reads from a newer file."""
    name, title = safe_name(path.name), neutralise(newer.display_title)
    where = ", at your place," if newer.position is not None else ""
    return (
        f"{name} holds an older copy of “{title}” ({record.chapters} chapters of "
        f"{newer.chapters}): read as it is, and listed as a book of its own. The library reads "
        f"the story{where} from {shown_path(newer.path)}"
    )
