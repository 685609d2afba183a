"""When chapbook fails unexpectedly: the full traceback to a crash log, one line to the user.

`CHAPBOOK_DEBUG=1` turns this off: the exception and Textual's own report are shown as they
are, for development.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from tui import __version__
from tui.paths import data_dir, state_dir


def debugging() -> bool:
    """`CHAPBOOK_DEBUG` is set (and not 0): show tracebacks instead of writing crash logs."""
    return os.environ.get("CHAPBOOK_DEBUG", "").strip() not in ("", "0")


class CrashLog:
    """One run's crash log: created at the first unexpected error, later errors appended."""

    def __init__(self) -> None:
        self.path: Path | None = None

    def record(self, error: BaseException, note: str = "") -> Path | None:
        """Write ``error``'s full traceback (and ``note``) to the log; its path, or None when
        no folder could take it."""
        text = "".join(traceback.format_exception(error))
        if note:
            text += f"\n{note}\n"
        if self.path is not None:
            try:
                with self.path.open("a", encoding="utf-8", errors=_UNENCODABLE) as log:
                    log.write("\nAnd then:\n" + text)
            except OSError:
                pass
            return self.path
        header = (
            f"chapbook {__version__} crashed at {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n"
            f"python {sys.version.split()[0]} on {sys.platform}\n"
            f"command: {' '.join(sys.argv)}\n\n"
        )
        self.path = _write_new(header + text)
        return self.path

    def announce(self) -> None:
        """The one line the user sees, on stderr."""
        if self.path is None:
            where = "and no crash log could be written; run with CHAPBOOK_DEBUG=1 to see why"
        else:
            where = f"the details are in {self.path}"
        print(f"chapbook: something went wrong; {where}", file=sys.stderr)


# A file name that is not UTF-8 (in the command line, in an error's message) holds lone
# surrogates, which UTF-8 cannot write: they go to the log as `\udcff`, not as a second crash.
_UNENCODABLE = "backslashreplace"


def _write_new(text: str) -> Path | None:
    """A new `crash-YYYYmmdd-HHMMSS.log` in the state folder (else the data folder, else the
    temporary folder) holding ``text``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in (state_dir(), data_dir(), Path(tempfile.gettempdir()) / "chapbook"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for attempt in range(100):
                suffix = f"-{attempt}" if attempt else ""
                path = folder / f"crash-{stamp}{suffix}.log"
                try:
                    with path.open("x", encoding="utf-8", errors=_UNENCODABLE) as log:
                        log.write(text)
                    return path
                except FileExistsError:
                    continue
        except OSError:
            continue
    return None
