"""Books whose rows would read the same (a title and author added twice, as .txt and .epub):
what tells each apart."""

from __future__ import annotations

from collections.abc import Iterable


def file_name(path: str) -> str:
    """The last part of ``path``, with either kind of slash."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def telling_apart(books: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """For each book (path, title, author) whose title and author another one shares, its file
    name (which says its format too); books already told apart are left out."""
    groups: dict[tuple[str, str], list[str]] = {}
    for path, title, author in books:
        groups.setdefault((title.casefold().strip(), author.casefold().strip()), []).append(path)
    apart: dict[str, str] = {}
    for paths in groups.values():
        if len(paths) > 1:
            for path in paths:
                apart[path] = file_name(path)
    return apart
