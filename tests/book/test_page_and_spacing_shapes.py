"""Shapes of real files from a fifth gathering.

FanFiction.Net pages whose authors set off their notes with rules and mark scenes with their own
initials or with `.` paragraphs, saved pages named `.txt`, scraped AO3 text with one chapter
double-spaced, spacer lines in books that mark their scenes with ornaments, and Markdown front
matter over several lines.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, page, scene_firsts, written

from tui.book.formats import open_book


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_initials_in_a_frame_used_twice_are_breaks_in_html(tmp_path: Path) -> None:
    mark = '<p style="text-align:center;"><strong>-.-FH-.-</strong></p>'
    path = written(
        tmp_path,
        "story.html",
        page(paras(PROSE, OTHER) + mark + paras(OTHER, MORE) + mark + paras(MORE)),
    )
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14], MORE[:14]]]


def test_dot_paragraphs_are_breaks_but_not_under_a_title_line(tmp_path: Path) -> None:
    dots = "<p>.</p><p>.</p>"
    path = written(
        tmp_path,
        "story.html",
        page(paras(PROSE, MORE, "It was fun.") + dots + paras(OTHER, MORE, PROSE)),
    )
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]
    titled = written(
        tmp_path, "titled.html", page(paras("For Anwen...", "Chapter 3: Doors.", ".", PROSE, OTHER))
    )
    assert len(scene_firsts(titled)[0]) == 1


def test_a_chapters_notes_set_off_by_rules_are_no_scenes(tmp_path: Path) -> None:
    opening = (
        "<p><strong>Kitsune here with a new story! Reviews are always appreciated, and if "
        "you want to run with the idea, just let me know.</strong></p>"
        "<p><strong>Question of the chapter: do you wake up all at once, or is it a slow "
        "process? Three alarm clocks, people.</strong></p><hr>"
    )
    closing = "<hr><p><strong>Finished! Please review!</strong></p>"
    path = written(
        tmp_path, "story.html", page(opening + paras(PROSE, OTHER) + "<hr>" + paras(MORE) + closing)
    )
    book = open_book(path)
    scenes = book.chapters[0].scenes
    assert [s.first_words[:14] for s in scenes] == ["Kitsune here w", MORE[:14]]
    assert (
        "Please review"
        not in book.text[book.starts[scenes[-1].start] : book.ends[scenes[-1].end - 1]]
    )
    # A note that stops before the story goes on is the chapter's: the rule after the story
    # that follows it is a break.
    told = tmp_path / "told.html"
    note = "<p><strong>A/N:</strong> Thanks for all the reviews, please review again!</p>"
    told.write_text(page(note + paras(PROSE, OTHER, MORE) + "<p>xxx</p>" + paras(OTHER)))
    assert len(scene_firsts(told)[0]) == 2


def test_a_long_labelled_preface_over_a_rule_opens_the_first_scene(tmp_path: Path) -> None:
    # A disclaimer, a list of links and a run of the author's remarks, then a rule: the
    # rule closes the preface, and the story's own break further on is its one break.
    preface = paras(
        "Disclaimer: The harbour and its keepers belong to their makers.",
        "The companion site has:",
        "* a mailing list;<br>* a map of the coast;<br>* the tide tables",
        *[f"Remark {n} on the spelling, the pacing and the maps of the coast." for n in range(6)],
    )
    story = paras(*[PROSE, OTHER, MORE] * 6)
    rest = paras(OTHER, *[MORE] * 9)
    path = written(tmp_path, "story.html", page(preface + "<hr>" + story + "<p>xxx</p>" + rest))
    assert scene_firsts(path) == [["Disclaimer: Th", OTHER[:14]]]
    # The same rule used again as the story's break is the book's scene break, and with
    # little story under the rule it is a break after a short first scene.
    again = written(tmp_path, "again.html", page(preface + "<hr>" + story + "<hr>" + rest))
    assert len(scene_firsts(again)[0]) == 3
    short = written(tmp_path, "short.html", page(preface + "<hr>" + paras(OTHER, MORE)))
    assert len(scene_firsts(short)[0]) == 2


def test_a_text_file_holding_a_web_page_is_read_as_one(tmp_path: Path) -> None:
    body = paras(PROSE, OTHER) + "<hr>" + paras(MORE, PROSE)
    path = written(tmp_path, "12345.txt", "Title: The Harbour\n" + body)
    assert [c[-1] for c in scene_firsts(path)] == [MORE[:14]]
    full = written(
        tmp_path,
        "67890.txt",
        "<!DOCTYPE html>\n<html><head><script>"
        + "x" * 5000
        + "</script>"
        + f"<title>The Harbour</title></head><body>{body}</body></html>",
    )
    assert open_book(full).title == "The Harbour"


def test_a_double_spaced_chapter_in_a_single_spaced_book(tmp_path: Path) -> None:
    # A paragraph a line, as scraped from the site: lines of every length.
    lines = [PROSE + " " + OTHER, MORE, OTHER + " " + MORE + " " + PROSE, "“No,” she said."]
    single = "\n".join(lines * 5)
    spaced = "\n\n".join(lines * 3)
    text = ""
    for k in range(1, 9):
        text += f"Chapter {k}\n{single}\n\n\n{single}\n\n"
    text += f"Chapter 9\n{spaced}\n\n\n\n\n{spaced}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [2] * 9


def test_spacer_lines_in_a_book_marking_scenes_with_ornaments(tmp_path: Path) -> None:
    nbsp = "\u00a0"
    scene = f"{PROSE}\n\n{OTHER}\n\n{MORE}\n\n"
    chapter = scene + "o-o-o\n\n" + scene + "o-o-o\n\n" + scene
    text = ""
    for k in range(1, 7):
        text += f"Chapter {k}\n\n{chapter}"
    # An author's extra space before a list, with its blank lines, in one chapter.
    text += f"Chapter 7\n\n{PROSE}\n{nbsp}\n\n\n~Teleportation?\n\n~Goblins and wands?\n\n{MORE}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [3] * 6 + [1]


def test_markdown_front_matter_over_several_lines_names_the_chapter(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Collusion \nchapter_no: 15\nchapter_title: Survival\n"
        'summary: "Dread grows in the pit of his stomach.\n<br /><br />\n'
        'The question is, what has she found?" # use html\nend_note: ""\n---\n\n'
    )
    body = f"{PROSE}\n\n{OTHER}\n\n---\n\n{MORE}\n\n{PROSE}\n"
    path = written(tmp_path, "ch15.md", front + body)
    book = open_book(path)
    assert (book.title, [c.title for c in book.chapters]) == ("Collusion", ["Survival"])
    assert scene_firsts(path) == [[PROSE[:14], MORE[:14]]]


def test_a_spacer_standing_for_the_blank_line_between_paragraphs(tmp_path: Path) -> None:
    asked = '"A fight? Is this normal for you?"'
    text = f"# One\n\n{PROSE}\n\n{asked}\n\u2003\n{MORE}\n\n{PROSE}\n\n***\n\n{OTHER}\n"
    path = written(tmp_path, "story.md", text)
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


def test_a_name_blacked_out_under_a_letter_is_no_break(tmp_path: Path) -> None:
    letter = "*Take care.* ██████████\n\n█████████████,\n\n████ *Tartaglia*"
    path = written(tmp_path, "story.md", f"# One\n\n{PROSE}\n\n{letter}\n\n{OTHER}\n\n{MORE}\n")
    assert len(scene_firsts(path)[0]) == 1


def test_a_column_of_stars_between_line_breaks_is_a_break(tmp_path: Path) -> None:
    column = "<br />*" * 5 + "<br />"
    path = written(
        tmp_path,
        "story.html",
        page(paras(PROSE, OTHER) + f"<p>{MORE}{column}{OTHER}</p>" + paras(PROSE)),
    )
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14]]]


def test_a_heading_after_an_empty_paragraph_opens_a_scene(tmp_path: Path) -> None:
    text = paras(PROSE, OTHER, MORE, "\u00a0")
    text += "<h1>Mathilde - Becoming herself once more</h1>" + paras(OTHER, PROSE, MORE)
    chapter = (
        '<div class="meta group"><h2 class="heading">Chapter 1</h2></div>'
        f'<div class="userstuff">{text}</div>'
    )
    other = '<div class="meta group"><h2 class="heading">Chapter 2</h2></div>'
    other += f'<div class="userstuff">{paras(MORE, PROSE)}</div>'
    path = written(
        tmp_path, "story.html", page(f'<div id="chapters" class="userstuff">{chapter}{other}</div>')
    )
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2"]
    assert [s.first_words[:14] for s in book.chapters[0].scenes] == [PROSE[:14], OTHER[:14]]


def test_paragraphs_of_a_bare_number_part_a_chapter(tmp_path: Path) -> None:
    body = "".join(f"<p>{n}</p>" + paras(PROSE, OTHER) for n in (1, 2, 3, 4))
    path = written(tmp_path, "story.html", page(body))
    assert len(scene_firsts(path)[0]) == 4
    # Two numbers are not yet a habit.
    twice = written(tmp_path, "twice.html", page(paras(PROSE, "1", OTHER, MORE, "2", PROSE)))
    assert len(scene_firsts(twice)[0]) == 1


def test_a_downloaders_title_and_author_line_over_the_story(tmp_path: Path) -> None:
    body = (
        "<a href='12.html'>Previous (12/16)</a> <em>12. Chapter 12</em><br/>"
        "<em><strong>A New Chosen One</strong> | ficfan11</em><br/><h1>13. Chapter 13</h1>"
        f"<div class='storytext' id='storytext'>{paras(PROSE, OTHER, MORE)}</div>"
    )
    path = written(tmp_path, "13.html", f"<html><head></head><body>{body}</body></html>")
    book = open_book(path)
    assert (book.title, book.author) == ("A New Chosen One", "ficfan11")


def test_markdown_footnotes_closing_a_chapter_are_its_notes(tmp_path: Path) -> None:
    text = (
        f"{PROSE} She had heard of it[^1] once.\n\n{OTHER}\n\n---\n\n{MORE}\n\n{PROSE}\n\n\n"
        "[^1]: That was not a bad description. In 1979 the estate had been\n"
        "  compromised and hastily evacuated.\n\n[^2]: A second note.\n"
    )
    path = written(tmp_path, "x01.md", text)
    book = open_book(path)
    assert scene_firsts(path) == [[PROSE[:14], MORE[:14]]]
    assert "heard of it[1] once" in book.text
    assert [s.kind for s in book.end_matter] == ["notes"]


def test_empty_paragraphs_in_a_book_marking_scenes_with_an_ornament(tmp_path: Path) -> None:
    star = '<p style="text-align:center">☆</p>'
    scene = paras(PROSE, OTHER, "\u00a0", MORE, PROSE)
    chapters = "".join(f"<h2>Chapter {k}</h2>" + star.join([scene] * 5) for k in range(1, 4))
    path = written(tmp_path, "story.html", page(chapters))
    # Twelve stars part the scenes; the empty paragraphs are beats inside them.
    assert [len(c) for c in scene_firsts(path)] == [5, 5, 5]
    few = tmp_path / "few.html"
    few.write_text(page("<h2>Chapter 1</h2>" + star.join([scene] * 2)))
    assert len(scene_firsts(few)[0]) > 2  # with one star, an empty paragraph still parts two


def test_markdown_headings_underlined(tmp_path: Path) -> None:
    text = (
        f"Morse Four\n==========\n\n*May 1st, 1238*\n\n{PROSE}\n\n{OTHER}\n\n"
        f"The Harbour\n-----------\n\n{MORE}\n\n{PROSE}\n\nShe said it twice.\n---\n\n{OTHER}\n"
    )
    path = written(tmp_path, "ch8.md", text)
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Morse Four"]
    # (a level-two heading once, under the chapter, heads a part of it; a line of dashes
    # under a sentence is a rule)
    assert "==========" not in book.text


def test_a_saved_ao3_pages_title_as_the_first_line_of_a_text(tmp_path: Path) -> None:
    head = "Sabbatical - DontCallMeShirley - Star Wars - All Media Types [Archive of Our Own]"
    text = f"{head}\n\nURL: https://archiveofourown.org/works/22801789\n\nChapter 1\n\n{PROSE}\n"
    path = written(tmp_path, "sabbatical.txt", text)
    book = open_book(path)
    assert (book.title, book.author) == ("Sabbatical", "DontCallMeShirley")


def test_a_sound_in_bold_italics_opens_no_scene(tmp_path: Path) -> None:
    text = (
        f"# One\n\n{PROSE}\n\n{OTHER}\n\n***SLASH***\n\n{MORE}\n\n{PROSE}\n\n"
        f"***Hogwarts, the next morning***\n\n{OTHER}\n\n{MORE}\n"
    )
    path = written(tmp_path, "story.md", text)
    assert scene_firsts(path) == [[PROSE[:14], "Hogwarts, the "]]


def test_a_line_set_off_for_effect_in_a_book_drawing_its_breaks(tmp_path: Path) -> None:
    gap = "\n\n\n"
    scene = gap.join([PROSE, OTHER, MORE])
    chapter = f"{scene}{gap}*****{gap}{scene}{gap}*****{gap}{scene}"
    text = "".join(f"Chapter {k}{gap}{chapter}{gap}" for k in (1, 2, 3))
    # The wedding march, set off by one blank line more on each side.
    text += f"Chapter 4{gap}{PROSE}{gap}\n" + "Dum dum da-dum..." + f"{gap}\n{OTHER}{gap}{MORE}\n"
    path = written(tmp_path, "sabbatical.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [3, 3, 3, 1]


def test_rentry_markdown_centred_lines_and_headings_without_a_space(tmp_path: Path) -> None:
    text = (
        f"#Reunion\n->By Togetic Anon<-\n\n##Chapter 1: Dream\n\n{PROSE}\n\n{OTHER}\n\n"
        f"##Chapter 2: Waking\n\n{MORE}\n\n#1 fan of the guild, she said.\n"
    )
    path = written(tmp_path, "reunion.md", text)
    book = open_book(path)
    assert (book.title, book.author) == ("Reunion", "Togetic Anon")
    assert [c.title for c in book.chapters] == ["Chapter 1: Dream", "Chapter 2: Waking"]


def test_lookalikes_of_the_new_shapes_stay_story(tmp_path: Path) -> None:
    # `#TeamGryffindor` is a tag, not a heading; a line of dashes under dialogue is a rule.
    tagged = written(
        tmp_path,
        "tag.md",
        f"# One\n\n{PROSE}\n\n#TeamGryffindor all the way, she typed.\n\n{OTHER}\n\n"
        f'"I\'ll see you tomorrow, then."\n---\n\n{MORE}\n',
    )
    assert [c.title for c in open_book(tagged).chapters] == ["One"]
    # A place named once, in bold italics, still opens its scene.
    places = written(tmp_path, "places.md", f"# One\n\n{PROSE}\n\n***London***\n\n{OTHER}\n")
    assert scene_firsts(places) == [[PROSE[:14], "London"]]
    # Chat lines closing a story are no footnotes.
    chat = written(
        tmp_path, "chat.txt", f"Chapter 1\n\n{PROSE}\n\n[Harry] are you there\n\n[Ron] yeah\n"
    )
    assert open_book(chat).end_matter == []
    # A last short scene with one word of talk in it (`follows`) is story, not a note.
    shadow = "<p>A shadow follows her home through the rain, and she does not look back.</p>"
    story = written(tmp_path, "story.html", page(paras(PROSE, OTHER, MORE) + "<hr>" + shadow))
    assert len(scene_firsts(story)[0]) == 2
    # A face between line breaks is no rule.
    emo = written(tmp_path, "emo.html", page(f"<p>{PROSE}<br>-_-<br>Sakura: I will end you</p>"))
    assert "-_-" in open_book(emo).text


def test_rules_that_part_chapters_are_no_habit_of_the_book(tmp_path: Path) -> None:
    scene = paras(PROSE, OTHER, MORE)
    chapters = "".join(
        f"<h2>Chapter {k}</h2>{scene}<p>\u00a0</p>{scene}<hr/>" for k in range(1, 13)
    )
    path = written(tmp_path, "story.html", page(chapters))
    assert [len(c) for c in scene_firsts(path)] == [2] * 12


def test_a_line_of_facts_is_no_title_bar_and_br_lines_are_no_page(tmp_path: Path) -> None:
    body = f"<h1>The Quiet House</h1><p>by Jane Doe</p><p>Rated T | Complete</p>{paras(PROSE)}"
    facts = written(tmp_path, "facts.html", f"<html><body>{body}</body></html>")
    assert open_book(facts).title != "Rated T"
    lines = "".join(f"Line {k} of the header<br>\n" for k in range(6))
    text = written(
        tmp_path, "plain.txt", f"{lines}\nChapter 1\n\n{PROSE}\n\nChapter 2\n\n{OTHER}\n"
    )
    assert len(open_book(text).chapters) == 2


def test_a_lead_in_of_another_kind_heads_no_chapter(tmp_path: Path) -> None:
    dream = "*" + " ".join([PROSE, OTHER, MORE]) + "*"
    chapters = "".join(f"### Chapter {k}\n\n{PROSE}\n\n{OTHER}\n\n" for k in range(1, 5))
    text = f"{chapters}---\n\n*Interlude 3:*\n\n{dream}\n\n### Chapter 5\n\n{MORE}\n"
    path = written(tmp_path, "work.md", text)
    assert [c.title for c in open_book(path).chapters] == [f"Chapter {k}" for k in range(1, 6)]


def test_lines_saying_when_open_scenes_in_a_book_of_beats(tmp_path: Path) -> None:
    star = '<p align="center">*</p>'
    gap = "<p>\u00a0</p>"
    scene = paras(PROSE, OTHER, MORE)
    chapter = star.join([scene] * 6)
    chapter += gap + paras("Later that night, the harbour was empty.", OTHER, MORE)
    chapter += gap + paras("She did not look up.", PROSE)  # a beat
    dated = f"{gap}<p><strong>1733, January</strong></p>{gap}"
    long = f"{PROSE} {OTHER}"  # (a paragraph of story, longer than an epigraph's line)
    year = paras(long, OTHER) + dated + paras(MORE, PROSE) + dated + paras(OTHER)
    path = written(
        tmp_path, "story.html", page(f"<h2>Chapter 1</h2>{chapter}<h2>Chapter 2</h2>{year}")
    )
    firsts = scene_firsts(path)
    assert firsts[0][-1] == "Later that nig" and len(firsts[0]) == 7
    assert firsts[1] == [PROSE[:14], "1733, January", "1733, January"]
