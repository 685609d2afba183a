"""What tells apart books whose rows would read the same, and how to cut their file names.

Such books are a title and author added twice (as .txt and .epub); a file name is cut so that
the part telling them apart stays in sight.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from rich.cells import cell_len

ELLIPSIS = "…"
# Runs of shared characters shorter than this inside differing parts are chance likeness
# (`copy` and `cap` share a `c`): the part is shown whole, not cut into pieces.
_SHARED_AT_LEAST = 3
_SEPARATORS = "._- "


def file_name(path: str) -> str:
    """The last part of ``path``, with either kind of slash."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def look_alike_names(books: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, ...]]:
    """For each book (path, title, author) whose title and author another one shares: its
    file name first, then the file names of the books it must be told from."""
    groups: dict[tuple[str, str], list[str]] = {}
    for path, title, author in books:
        groups.setdefault((title.casefold().strip(), author.casefold().strip()), []).append(path)
    found: dict[str, tuple[str, ...]] = {}
    for paths in groups.values():
        if len(paths) > 1:
            names = _telling_tails(paths)
            for i, path in enumerate(paths):
                found[path] = (names[i], *names[:i], *names[i + 1 :])
    return found


def _telling_tails(paths: Sequence[str]) -> list[str]:
    """Each path's file name, or where two copies share one (`story.txt` in two folders), its
    last parts down to the first folder that tells them apart (`fics/story.txt`)."""
    parts = [path.replace("\\", "/").rstrip("/").split("/") for path in paths]
    longest = max(len(p) for p in parts)
    for depth in range(1, longest + 1):
        tails = ["/".join(p[-depth:]) for p in parts]
        if len(set(tails)) == len(tails):
            return tails
    return ["/".join(p) for p in parts]


def telling_apart(books: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """For each book (path, title, author) whose title and author another one shares, its file
    name (which says its format too); books already told apart are left out."""
    return {path: names[0] for path, names in look_alike_names(books).items()}


def differing(name: str, others: Iterable[str]) -> set[int]:
    """Indices of the characters of ``name`` that differ from at least one of ``others``."""
    keep: set[int] = set()
    for other in others:
        if other == name:
            continue
        # The last block of the matcher is empty, at the end of both: what lies before it
        # and after the last shared run differs too.
        blocks = [
            b
            for b in SequenceMatcher(None, name, other, autojunk=False).get_matching_blocks()
            if b.size >= _SHARED_AT_LEAST or b.size == 0
        ]
        mine: set[int] = set()
        position = 0
        for block in blocks:  # what lies between two shared runs differs
            mine.update(range(position, block.a))
            position = max(position, block.a + block.size)
        if not mine:
            # Only the other has more (`story.txt`, `story (1).txt`): where they part shows.
            split = next(
                (i for i, (a, b) in enumerate(zip(name, other, strict=False)) if a != b),
                min(len(name), len(other)),
            )
            mine.update(i for i in (split - 1, split) if 0 <= i < len(name))
        keep |= mine
    # A folder that differs shows whole (`fics/`, not `fic…`, beside `corpus/`).
    start = 0
    for part in name.split("/")[:-1]:
        span = range(start, start + len(part) + 1)
        if keep.intersection(span):
            keep.update(span)
        start = span.stop
    # A separator just before a differing part belongs with it (`.epub`, `_copy`).
    for i in sorted(keep):
        if i > 0 and i - 1 not in keep and name[i - 1] in _SEPARATORS:
            keep.add(i - 1)
    return keep


def _shown(name: str, keep: set[int]) -> str:
    """``name`` with the characters not kept given as one `…` per run."""
    out: list[str] = []
    for i, char in enumerate(name):
        if i in keep:
            out.append(char)
        elif not out or out[-1] != ELLIPSIS or (i - 1) in keep:
            out.append(ELLIPSIS)
    return "".join(out)


def telling_width(name: str, others: Sequence[str]) -> int:
    """The cells `cut_name` needs to show all that tells ``name`` from ``others``: what
    differs, and what follows it to the end (the format)."""
    keep = differing(name, others)
    if not keep:
        return cell_len(name)
    return cell_len(_shown(name, keep | set(range(max(keep) + 1, len(name)))))


def cut_name(name: str, others: Sequence[str], room: int) -> str:
    """``name`` in at most ``room`` cells, keeping in sight what differs from ``others``; then
    its end (the format: `.txt.gz`, `.epub`) and as much of its start as fits."""
    if cell_len(name) <= room:
        return name
    keep = differing(name, others)
    if not keep:  # the same name in another folder: its end is what there is to show
        return _end(name, room)

    def fits(more: set[int]) -> bool:
        return cell_len(_shown(name, keep | more)) <= room

    if not fits(set()):  # too narrow even for the differences: the end of what differs
        return _end(_shown(name, keep).rstrip(ELLIPSIS), room)
    tail = set(range(max(keep) + 1, len(name)))
    if tail:
        if not fits(tail):  # the start is no use without the end
            return _shown(name, keep)
        keep |= tail
    for i in range(len(name)):  # the start, a character at a time
        if i in keep:
            continue
        if not fits({i}):
            break
        keep.add(i)
    return _shown(name, keep)


def _end(text: str, room: int) -> str:
    """The end of ``text`` in ``room`` cells, `…` before it."""
    if cell_len(text) <= room:
        return text
    if room <= 0:
        return ""
    start = 0
    while start < len(text) and cell_len(text[start:]) > room - 1:
        start += 1
    return ELLIPSIS + text[start:].lstrip(ELLIPSIS)
