"""Finding kicker, title, standfirst, dateline, headings and paragraphs."""

import pytest

from reader.document import analyse
from reader.structure import OPENING_SECTION, parse_structure


def blocks(text, markdown=False):
    st = parse_structure(text, markdown=markdown)
    piece = lambda b: b.text if b else None  # noqa: E731
    return {
        "kicker": piece(st.kicker),
        "title": piece(st.title),
        "standfirst": piece(st.standfirst),
        "dateline": piece(st.dateline),
        "sections": [(s.title, s.level, s.paragraph_count) for s in st.sections],
        "paragraphs": [text[p.start : p.end] for p in st.paragraphs],
    }


NEWS = (
    "World\n\n"
    "Ministers agree to reopen the northern border crossing\n\n"
    "The deal ends a standoff that has lasted since the spring\n\n"
    "NAIROBI, March 3. /NewsWire/. Ministers agreed on Monday to reopen the crossing.\n\n"
    "Talks will resume next week.\n\n"
    "What happens next\n\n"
    "Officials said the first lorries could cross within days.\n"
)


def test_news_story_parts():
    b = blocks(NEWS)
    assert b["kicker"] == "World"
    assert b["title"] == "Ministers agree to reopen the northern border crossing"
    assert b["standfirst"] == "The deal ends a standoff that has lasted since the spring"
    assert b["dateline"] == "NAIROBI, March 3. /NewsWire/."
    assert b["sections"] == [
        ("Ministers agree to reopen the northern border crossing", 1, 2),
        ("What happens next", 1, 1),
    ]
    assert b["paragraphs"][0].startswith("NAIROBI, March 3.")


@pytest.mark.parametrize(
    "first, dateline",
    [
        ("BEIJING, June 19. /TASS/. All countries should respect it, he said.", "BEIJING, June 19. /TASS/."),
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday to pass the bill.", "WASHINGTON (Reuters) -"),
        ("LONDON — The bank held its rate at five per cent on Thursday.", "LONDON —"),
        ("NAIROBI, March 3. Ministers met on Monday to agree the plan.", "NAIROBI, March 3."),
        ("SAN FRANCISCO, Calif., Jan. 5, 2024 (AP) — The company said it would cut jobs.",
         "SAN FRANCISCO, Calif., Jan. 5, 2024 (AP) —"),
        ("The Senate voted on Tuesday to pass the bill after a long debate.", None),
    ],
)
def test_datelines(first, dateline):
    text = f"A headline about the news\n\n{first}\n\nA second paragraph follows here.\n"
    assert blocks(text)["dateline"] == dateline


def test_article_without_title_line_starts_with_body():
    text = (
        "The council voted on Monday to close the library, ending a campaign that lasted two years "
        "and drew thousands of letters from residents.\n\n"
        "Campaigners said they would appeal.\n"
    )
    b = blocks(text)
    assert b["title"] is None and b["kicker"] is None
    assert b["sections"] == [(OPENING_SECTION, 1, 2)]


def test_one_paragraph_per_line():
    text = (
        "Headline of the story\n"
        "The first paragraph of the story runs on for a while and ends with a full stop, as they do in the papers.\n"
        "The second paragraph is also a single long line that the writer never wrapped at any width at all.\n"
        "A third one.\n"
    )
    b = blocks(text)
    assert b["title"] == "Headline of the story"
    assert len(b["paragraphs"]) == 3


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    para1 = (
        "It was a bright cold day in April, and the clocks were striking\n"
        "thirteen. The wind blew along the street and the dust swirled about\n"
        "the doorway of the old house at the end of the lane.\n"
    )
    para2 = (
        "Nobody came to the door for a long time, and when at last somebody\n"
        "did, it was only the boy from the shop with a parcel of letters.\n"
    )
    b = blocks(para1 + "\n" + para2)
    assert b["paragraphs"] == [para1.rstrip("\n"), para2.rstrip("\n")]


def test_books_hold_chapters_and_a_chapter_title_joins_its_heading():
    text = (
        "BOOK ONE: 1805\n\n"
        "CHAPTER I\n\n"
        "The Arrival\n\n"
        "It was in July, and the speaker was the well-known Anna.\n\n"
        "CHAPTER II\n\n"
        "Anna had a cough for some days.\n\n"
        "BOOK TWO: 1806\n\n"
        "CHAPTER I\n\n"
        "In the spring the army moved.\n"
    )
    st = parse_structure(text)
    got = [(s.title, s.level, s.parent, s.paragraph_count) for s in st.sections]
    assert got == [
        ("BOOK ONE: 1805", 1, None, 0),
        ("CHAPTER I — The Arrival", 2, 0, 1),
        ("CHAPTER II", 2, 0, 1),
        ("BOOK TWO: 1806", 1, None, 0),
        ("CHAPTER I", 2, 3, 1),
    ]


def test_chapter_headings_in_mixed_case():
    text = "Chapter 1\n\nThe ferry left at nine.\n\nChapter 2\n\nIt arrived at noon.\n"
    st = parse_structure(text)
    assert [(s.title, s.paragraph_count) for s in st.sections] == [("Chapter 1", 1), ("Chapter 2", 1)]


def test_markdown_headings_and_front_matter():
    text = (
        "---\ntitle: Budget\ndate: 2024-01-01\n---\n\n"
        "# The council budget\n\n"
        "Intro paragraph of the post.\n\n"
        "## Housing\n\n"
        "Money for housing.\n\n"
        "### Repairs\n\n"
        "Money for repairs.\n"
    )
    st = parse_structure(text, markdown=True)
    assert st.title.text == "The council budget"
    assert [(s.title, s.level, s.parent) for s in st.sections] == [
        ("The council budget", 1, None),
        ("Housing", 2, None),
        ("Repairs", 3, 1),
    ]
    assert all("title: Budget" not in text[p.start : p.end] for p in st.paragraphs)


def test_transcript_questions_are_not_headings():
    text = (
        "An interview\n\n"
        "She spoke to John Smith about the sea.\n\n"
        "Q: Were you ever afraid?\n\n"
        "A: Never once, not in thirty years.\n\n"
        "Q: Not even in the storm?\n\n"
        "A: Not even then.\n"
    )
    st = parse_structure(text)
    assert [s.heading for s in st.sections if s.heading is not None] == []
    assert len(st.paragraphs) == 5


def test_offsets_point_into_the_text():
    doc = analyse(NEWS)
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end].strip() == doc.text[p.start : p.end]
    assert doc.text[doc.title.start : doc.title.end] == doc.title.text


def test_empty_and_blank_text():
    for text in ("", "   \n\n\t\n"):
        doc = analyse(text)
        assert doc.paragraphs == () and doc.quotes == () and doc.is_empty


def test_section_counts_include_subsections():
    text = (
        "BOOK ONE\n\nCHAPTER I\n\n\"Hello,\" said Anna.\n\nShe sat down.\n\n"
        "CHAPTER II\n\n\"Goodbye,\" said Anna.\n\n"
        "BOOK TWO\n\nCHAPTER I\n\nThe army moved.\n"
    )
    doc = analyse(text)
    assert [(s.title, c) for s, c in zip(doc.sections, doc.section_counts())] == [
        ("BOOK ONE", (3, 2)),
        ("CHAPTER I", (2, 1)),
        ("CHAPTER II", (1, 1)),
        ("BOOK TWO", (1, 0)),
        ("CHAPTER I", (1, 0)),
    ]


def test_short_lines_in_a_book_with_chapters_are_not_headings():
    text = (
        "CHAPTER I\n\nShe wrote the letter and signed it.\n\nJULIE\n\n"
        "Then she sealed it.\n\nCHAPTER II\n\nThe letter arrived.\n"
    )
    doc = analyse(text)
    assert [s.title for s in doc.sections] == ["CHAPTER I", "CHAPTER II"]
    assert doc.paragraph_text(1) == "JULIE"
