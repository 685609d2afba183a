"""`chapbook [PATH...]`: open a book in the reader, or add folders and open the library."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from tui.core.library import Library
    from tui.core.settings import load_settings

    settings, problems = load_settings(Path(args.config) if args.config else None)
    library = Library.open()
    open_path: Path | None = None
    paths = [Path(p) for p in args.paths]
    if len(paths) == 1 and not paths[0].is_dir():
        open_path = paths[0]
    elif paths:
        library.add_paths(paths)
    from tui.app import ChapbookApp

    app = ChapbookApp(settings, library, open_path=open_path, problems=problems)
    app.run()
    return app.return_code or 0
