"""A real AO3 download and an older copy of it, for the tests of a story downloaded again.

The older copy's last chapters were not posted yet; the tests are of a story downloaded again
under another name.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

FANFIC = Path(__file__).resolve().parent / "fixtures" / "fanfic"
# "Primadonna" by LovettBlack, a work in progress of 7 chapters (archiveofourown.org/works/77737251)
PRIMADONNA = "ao3_download_html_2025_ornament_dividers.html.gz"
CHAPTERS = 7


def download(fixture: str = PRIMADONNA) -> str:
    return gzip.decompress((FANFIC / fixture).read_bytes()).decode("utf-8")


def cut_to_chapters(html: str, chapters: int) -> str:
    """The AO3 download as it was when only its first ``chapters`` were posted: the later
    chapters cut, and its stats saying so."""
    starts = [m.start() for m in re.finditer(r'<div class="meta group">', html)]
    end = html.rindex("</div>", 0, html.index('<div id="afterword">'))
    cut = html[: starts[chapters]] + html[end:]
    return re.sub(r"Chapters: \d+/", f"Chapters: {chapters}/", cut, count=1)


def write(path: Path, html: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def without_work_address(html: str) -> str:
    """The download with no address of its work in it (as a copy saved from elsewhere)."""
    return re.sub(r"https?://archiveofourown\.org/works/\d+", "", html)
