"""Helpers for the real-book tests.

Outline each book in tests/fixtures/real and score it against its truth.json with the matching
rules of shared/tools/score_real.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from tui.book.formats import open_book
from tui.cli.outline import outline_dict

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
SCORER = ROOT.parent / "shared" / "tools" / "score_real.py"


def truth() -> dict[str, dict[str, Any]]:
    """Each real book's truth, by file name."""
    return json.loads((REAL / "truth.json").read_text(encoding="utf-8"))


def scorer() -> ModuleType | None:
    """The shared scoring script as a module (None when the shared folder is missing)."""
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_real", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Score:
    """How one book's outline agrees with its truth."""

    name: str
    kind: str
    chapters_want: int
    chapters_found: int
    chapter_prf: tuple[float, float, float]
    breaks_want: int
    breaks_found: int
    scene_prf: tuple[float, float, float]
    title: str
    author: str | None
    title_ok: bool
    author_ok: bool
    seconds: float  # wall time
    detail: dict[str, Any]
    cpu_seconds: float = 0.0  # processor time, steady on a busy machine

    @property
    def chapters_exact(self) -> bool:
        return self.chapter_prf[0] == 1.0 and self.chapter_prf[1] == 1.0


def _plain(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def same_title(found: str | None, want: str | None) -> bool:
    """The title shown is the book's, perhaps with its subtitle (`A Christmas Carol in Prose;
    Being a Ghost Story of Christmas`) or without it (`Moby Dick` for `Moby-Dick; or, The
    Whale`, `Siddhartha` for `Siddhartha: An Indian Tale`); case, punctuation and spacing set
    aside, and a gloss in brackets in the truth (`人間失格 (No Longer Human)`), which no file
    gives, as for authors."""
    a = _plain(found)
    glossed = re.sub(r"\([^)]*\)", " ", want or "")
    # (the main title before a colon or semicolon, however short: only a longer prefix is
    # taken for the title without its subtitle where the truth marks no such end)
    main = re.split(r"[:;]", glossed, maxsplit=1)[0]
    if a and a == _plain(main):
        return True
    # (a catalogue's `Title / Subtitle`: `Szép Mikhál / Regény`, the novel's title and its kind)
    if a and _plain(re.split(r" / ", found or "", maxsplit=1)[0]) == _plain(main):
        return True
    b = _plain(glossed)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return a == b or (len(short.split()) >= 2 and long.startswith(short + " "))


def _unaccented(text: str) -> str:
    # (a name is the same with or without its accents: an OPF's `Daniel Garcia` for the title
    # page's `Daniel García`)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _first_name(names: str | None) -> list[str]:
    # (a note in brackets is not the name: `Mark Twain (Samuel Clemens)`, `(tr. Eva Martin)`)
    first = re.split(r",| and | & ", re.sub(r"\([^)]*\)", " ", names or "").strip())[0]
    return _plain(_unaccented(first)).split()


def same_author(found: str | None, want: str | None) -> bool:
    """The first author named, by surname and first initial (`J. Sheridan Le Fanu` is `Joseph
    Sheridan Le Fanu`; `Jacob Grimm` for `Jacob Grimm and Wilhelm Grimm`), or by the surname
    alone where that is all the book gives (`Tennyson` for `Alfred, Lord Tennyson`)."""
    a = _first_name(found)
    b = _first_name(want)
    if a and a == b:
        return True  # (a name written without spaces, as Chinese and Japanese write them)
    if len(a) == 1:
        whole = _plain(_unaccented(re.sub(r"\([^)]*\)", " ", want or ""))).split()
        return bool(whole) and a[0] == whole[-1]
    if len(b) == 2 and a == b[::-1]:
        return True  # the family name first, as Hungarian writes it (`Jókai Mór`, `Mór Jókai`)
    return bool(a and b) and a[-1] == b[-1] and a[0][0] == b[0][0]


def score_book(name: str, want: dict[str, Any], module: ModuleType) -> Score:
    """Open the book in this process, as `chapbook outline --json` would, and score it."""
    start, cpu = time.perf_counter(), time.process_time()
    book = open_book(REAL / name)
    got = outline_dict(book)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    kind = want.get("kind", "text")
    result = module.score_text(want, got) if kind == "text" else module.score_markup(want, got)
    return Score(
        name,
        kind,
        result["chapters_want"],
        result["chapters_found"],
        result["chapter_prf"],
        result["breaks_want"],
        result["breaks_found"],
        result["scene_prf"],
        book.title,
        book.author,
        same_title(book.title, want.get("title")),
        same_author(book.author, want.get("author")),
        seconds,
        result,
        cpu,
    )
