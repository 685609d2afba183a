"""The reader's status line on screen: what it names, what it keeps, how it stands out."""

from __future__ import annotations

from pathlib import Path

from reader_support import paragraph, reader_app, wait_open


async def test_a_book_without_headings_names_itself_once_and_keeps_scene_and_percent(
    tmp_path: Path,
) -> None:
    scenes = ["\n\n".join(paragraph(s * 5 + p, 4) for p in range(8)) for s in range(3)]
    path = tmp_path / "001_64f9e24b0a317910.txt"
    path.write_text("\n\n* * *\n\n".join(scenes) + "\n", encoding="utf-8")
    app = reader_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        status = str(screen.status.render())
        name = screen.status.title
        assert name and status.count(name) == 1, status
        assert "scene 1/3" in status and "%" in status
