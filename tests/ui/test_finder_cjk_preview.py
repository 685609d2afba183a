"""The finder's preview of Chinese text breaks its rows as the reader does.

No row begins with closing punctuation (`，` `；` `」`), and the words found are still marked
(Pilot).
"""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, wait_open, write_story
from test_finder_fit import open_finder

SIZE = (80, 24)
CLOSING = tuple("、。，．：；！？）」』】〉》")
PARAGRAPH = (
    "卻說李、郭二賊欲弒獻帝。張濟、樊稠諫曰：「不可。今日若便殺之，恐眾人不服；不如仍舊奉之"
    "為主，賺諸侯入關，先去其羽翼，然後殺之，天下可圖也。」李、郭二人從其言，按住兵器。帝在"
    "樓上宣諭曰：「王允既誅，軍馬何故不退？」李傕、郭汜曰：「臣等有功王室，未蒙賜爵，故不敢"
    "退軍。」帝曰：「卿欲封何爵？」"
)


async def test_the_preview_of_chinese_text_starts_no_row_with_closing_punctuation(
    tmp_path: Path,
) -> None:
    story = "第一回\n\n" + PARAGRAPH + "\n\n第二回\n\n" + PARAGRAPH + "\n"
    app = reader_app(write_story(tmp_path / "sanguo.txt", story))
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "/王允既誅")
        preview = finder.query_one("#finder-preview")
        strips = [preview.render_line(y) for y in range(preview.size.height)]
        rows = [strip.text.strip() for strip in strips]
        body = [row for row in rows[1:] if row]  # (under the title)
        assert len(body) > 1, rows
        assert not any(row.startswith(CLOSING) for row in body), rows
        marked = "".join(
            segment.text
            for strip in strips
            for segment in strip
            if segment.style is not None and segment.style.underline
        )
        assert "王允既誅" in marked, (marked, rows)
