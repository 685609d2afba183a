"""Chinese text in the reader at 80x24.

The lines of its source joined with no stray spaces, no row starting with closing punctuation,
and `/` finding a phrase that ran over a line end in the file (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, search, settle, shown_rows, wait_open, write_story

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
PHRASE = "若不殺這廝"


async def test_a_chinese_epub_reads_and_searches_without_stray_spaces() -> None:
    app = reader_app(REAL / "pg_three_kingdoms_zh_epub3.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=30)
        await pilot.press("right_curly_bracket")  # to 第二回
        await settle(pilot)
        rows = [row for row in shown_rows(screen) if row]
        assert rows[0].startswith("第二回"), rows[0]
        page = "".join(rows)
        assert "張飛性發" in page and "「若不殺這廝，反要" in page and "玄德曰：" in page
        assert "令玄德為其先鋒" in page
        assert not any(row.startswith(("。", "，")) for row in rows), rows
        await pilot.press("g")
        await search(pilot, "slash", PHRASE)
        hit = screen.hit
        assert hit is not None, "Not found"
        assert screen.book.text[hit.start : hit.end] == PHRASE
        assert screen.book.chapter_at(screen.book.para_at(hit.start)) == 1


async def test_a_hard_wrapped_chinese_text_finds_a_phrase_over_a_line_end(tmp_path: Path) -> None:
    text = (
        "第一回\n\n"
        + "且說董卓字仲顈，隴西臨洮人也。官拜河東太守，自來驕傲。當日怠慢了玄德，張\n"
        + "飛性發，便欲殺之。玄德與關公急止之曰：「他是朝廷命官，豈可擅殺？」飛曰：「若\n"
        + "不殺這廝，反要在他部下聽令，其實不甘！」\n"
    )
    app = reader_app(write_story(tmp_path / "sanguo.txt", text))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        page = "".join(shown_rows(screen))
        assert "張飛性發" in page and "「若不殺這廝" in page, page
        await search(pilot, "slash", PHRASE)
        hit = screen.hit
        assert hit is not None, "Not found"
        assert screen.book.text[hit.start : hit.end] == "若\n不殺這廝"
