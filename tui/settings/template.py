"""The settings.toml `chapbook config init` writes: every setting and key shown, none set."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from tui.paths import default_config_path


def template_text() -> str:
    """A settings.toml that sets nothing: default.toml's settings and keys, commented out."""
    source = default_config_path().read_text(encoding="utf-8")
    lines = [
        "# chapbook settings. Every line below is commented out, so nothing changes yet:",
        "# remove the # before a setting and edit its value. Only what you change here is",
        "# used; everything else keeps the default. `chapbook config check` checks this file.",
        "",
    ]
    header_done = False
    for line in source.splitlines():
        if not header_done:
            # Skip default.toml's own introduction (up to the first blank line).
            header_done = not line.strip()
            continue
        if re.match(r"^\[(keymaps|screens)\b", line):
            # Presets and the screen table are not settings; drop their introduction too.
            while lines and lines[-1].strip():
                lines.pop()
            break
        if re.match(r"^[A-Za-z_][\w.\-]*\s*=", line):
            lines.append("# " + line)
        else:
            lines.append(line)
    return "\n".join(lines).rstrip() + "\n"


def write_template(path: Path) -> None:
    """Create settings.toml from the template; FileExistsError if anything is at `path`.

    The template is written to a temporary file and linked into place: `os.link` fails when
    the name exists, so a file that appeared meanwhile is never overwritten.
    """
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(template_text())
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
