"""`.chapbookignore`: gitignore patterns that keep files and folders out of a folder scan.

Supported: `*`, `?`, `[abc]`, `**` (any folders), a trailing `/` (folders only), a leading or
inner `/` (relative to the ignore file's folder), `!` (bring a name back), `#` comments and
backslash escapes. As in git, the last pattern that matches wins, and nothing inside an
ignored folder can be brought back (the folder is never entered).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

IGNORE_FILE = ".chapbookignore"


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    negated: bool  # `!pattern`: the name is not ignored after all
    folders_only: bool  # `pattern/`: matches folders, not files


def _translate(glob: str) -> str:
    """A gitignore glob as a regular expression over a `/`-separated relative path."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("/**", i) and i + 3 == len(glob):
            out.append("/.*")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            char = glob[i]
            i += 1
            if char == "*":
                out.append("[^/]*")
            elif char == "?":
                out.append("[^/]")
            elif char == "\\" and i < len(glob):
                out.append(re.escape(glob[i]))
                i += 1
            elif char == "[" and (end := glob.find("]", i + 1)) != -1:
                members = glob[i:end]
                if members.startswith("!"):
                    members = "^" + members[1:]
                out.append("[" + members.replace("\\", "\\\\") + "]")
                i = end + 1
            else:
                out.append(re.escape(char))
    return "".join(out)


def parse_pattern(line: str) -> Pattern | None:
    """One line of an ignore file; None for blank lines and comments."""
    line = line.rstrip("\r\n")
    while line.endswith(" ") and not line.endswith("\\ "):
        line = line[:-1]
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated or line.startswith(("\\!", "\\#")):
        line = line[1:]
    folders_only = line.endswith("/")
    line = line.rstrip("/")
    if not line:
        return None
    anchored = "/" in line  # a slash at the start or in the middle: relative to the file
    body = _translate(line.lstrip("/"))
    regex = re.compile(("" if anchored else "(?:.*/)?") + body)
    return Pattern(regex, negated, folders_only)


class IgnoreRules:
    """The patterns of one `.chapbookignore`, for paths under the folder that holds it."""

    def __init__(self, folder: Path, patterns: list[Pattern]) -> None:
        self.folder = folder
        self.patterns = patterns

    @classmethod
    def parse(cls, folder: Path, text: str) -> IgnoreRules:
        found = [p for line in text.splitlines() if (p := parse_pattern(line)) is not None]
        return cls(folder, found)

    @classmethod
    def read(cls, folder: Path) -> IgnoreRules | None:
        """The rules of ``folder``'s ignore file, or None when it has none (or it is unreadable)."""
        try:
            text = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        rules = cls.parse(folder, text)
        return rules if rules.patterns else None

    def verdict(self, path: Path, is_folder: bool) -> bool | None:
        """True: ignored; False: brought back with `!`; None: no pattern speaks of it."""
        try:
            relative = path.relative_to(self.folder).as_posix()
        except ValueError:
            return None
        result: bool | None = None
        for pattern in self.patterns:
            if pattern.folders_only and not is_folder:
                continue
            if pattern.regex.fullmatch(relative):
                result = not pattern.negated
        return result


def is_ignored(path: Path, is_folder: bool, rules: list[IgnoreRules]) -> bool:
    """Whether the ignore files that apply (outermost first) keep ``path`` out."""
    ignored = False
    for ruleset in rules:
        verdict = ruleset.verdict(path, is_folder)
        if verdict is not None:
            ignored = verdict
    return ignored
