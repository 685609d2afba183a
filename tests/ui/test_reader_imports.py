"""What the reader's first page does without: dialogs not yet opened are not imported."""

from __future__ import annotations

import subprocess
import sys


def test_the_reader_imports_its_dialogs_when_they_are_first_opened() -> None:
    """The bookmark, label and contents dialogs are imported when first opened, as the finder
    is: the first page does without them (4-5 ms of a cold start)."""
    script = (
        "import sys\nimport tui.ui.screens.reader\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tui.ui.dialogs.', 'tui.finder'))))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "['tui.ui.dialogs.once']\n"
