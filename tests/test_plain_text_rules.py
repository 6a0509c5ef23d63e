"""The plain text of real archives: indented paragraphs, preformatted blocks, quotation runs,
Project Gutenberg books, chapter heading forms, web debris and a kicker on the title's line."""

from reader.document import analyse
from reader.structure import parse_structure


def paragraphs(text):
    st = parse_structure(text)
    return [(text[p.start : p.end], p.form) for p in st.paragraphs]


def headings(text):
    st = parse_structure(text)
    return [(s.title, s.level, None if s.parent is None else st.sections[s.parent].title)
            for s in st.sections if s.heading is not None]


WIRE = ("GRAIN PRICES STEADY\n\n"
        "CHICAGO, March 2 - Grain prices held steady on Monday as\n"
        "traders waited for the weekly export figures.\n"
        "    \"Nobody wants to move before Thursday,\" said one broker\n"
        "at a Chicago firm.\n"
        "    Corn closed unchanged.\n")


def test_indented_lines_open_paragraphs():
    assert paragraphs(WIRE) == [
        ("CHICAGO, March 2 - Grain prices held steady on Monday as\ntraders waited for the weekly export figures.", ""),
        ("\"Nobody wants to move before Thursday,\" said one broker\nat a Chicago firm.", ""),
        ("Corn closed unchanged.", ""),
    ]


def test_columns_of_figures_are_kept_line_by_line():
    text = ("WHEAT RESERVE PRICES\n\n"
            "WASHINGTON, Feb 26 - The department reported these prices.\n"
            "         Natl   Loan     Call\n"
            " Wheat   2.55   2.40     4.65\n"
            " Corn    1.35   1.92     3.15\n"
            "    Reserves I and II have matured.\n")
    assert paragraphs(text) == [
        ("WASHINGTON, Feb 26 - The department reported these prices.", ""),
        ("         Natl   Loan     Call\n Wheat   2.55   2.40     4.65\n Corn    1.35   1.92     3.15", "pre"),
        ("Reserves I and II have matured.", ""),
    ]


def test_verse_is_kept_line_by_line():
    text = ("The rain came down across the moor and the walkers turned back towards the\n"
            "village, where the lamps were already lit in every window of the street.\n\n"
            "    The wind is in the heather,\n"
            "    The rain is on the hill.\n\n"
            "They sang it twice before anyone remembered the rest of the words to it, and\n"
            "then they sang it again from the beginning until the landlord asked them to stop.\n")
    assert paragraphs(text)[1] == ("    The wind is in the heather,\n    The rain is on the hill.", "pre")


def test_a_run_of_quotations_joined_on_one_line():
    text = ('Drink Remark Criticised\n\nMr MacDonell said: "I think this was a very stupid remark. '
            '"If you come out with something like this, you will be pilloried for it." He went on.\n')
    doc = analyse(text)
    assert [(q.text, q.group, doc.speaker_of(q).name) for q in doc.quotes] == [
        ("I think this was a very stupid remark.", 0, "Mr MacDonell"),
        ("If you come out with something like this, you will be pilloried for it.", 0, "Mr MacDonell"),
    ]


GUTENBERG = """The Project Gutenberg eBook of A Tale of Two Cities

Title: A Tale of Two Cities
Author: Charles Dickens

*** START OF THE PROJECT GUTENBERG EBOOK A TALE OF TWO CITIES ***

A TALE OF TWO CITIES

CONTENTS

Book the First--Recalled to Life
I. The Period
II. The Mail

Book the First--Recalled to Life

I. The Period

It was the best of times, it was the worst of times.

II. The Mail

It was the Dover road that lay, on a Friday night late in November.

He said as follows:--

"Wo-ho!" said the coachman.

*** END OF THE PROJECT GUTENBERG EBOOK A TALE OF TWO CITIES ***

Section 1. General Terms of Use and Redistributing Project Gutenberg works.
"""


def test_project_gutenberg_book():
    st = parse_structure(GUTENBERG)
    assert st.title.text == "A Tale of Two Cities" and st.byline == "Charles Dickens"
    assert headings(GUTENBERG) == [
        ("Book the First--Recalled to Life", 1, None),
        ("I. The Period", 2, "Book the First--Recalled to Life"),
        ("II. The Mail", 2, "Book the First--Recalled to Life"),
    ]
    assert paragraphs(GUTENBERG) == [
        ("A TALE OF TWO CITIES", ""), ("CONTENTS", ""),
        ("Book the First--Recalled to Life\nI. The Period\nII. The Mail", "pre"),  # contents, not sections
        ("It was the best of times, it was the worst of times.", ""),
        ("It was the Dover road that lay, on a Friday night late in November.", ""),
        ("He said as follows:--", ""),  # a line that runs on is no heading
        ('"Wo-ho!" said the coachman.', ""),
    ]  # the licence footer is not part of the book
    assert analyse(GUTENBERG).byline == "Charles Dickens"


def test_chapter_heading_forms_nest():
    para = "\n\nThe day began with rain and ended with a long argument about the harvest.\n\n"
    assert headings("PART I" + para + "CHAPTER 1" + para + "Chapter 2" + para + "PART II" + para + "CHAPTER 3" + para) == [
        ("PART I", 1, None), ("CHAPTER 1", 2, "PART I"), ("Chapter 2", 2, "PART I"), ("PART II", 1, None),
        ("CHAPTER 3", 2, "PART II")]
    assert headings("BOOK ONE" + para + "I" + para + "II" + para + "BOOK TWO" + para + "III." + para) == [
        ("BOOK ONE", 1, None), ("I", 2, "BOOK ONE"), ("II", 2, "BOOK ONE"), ("BOOK TWO", 1, None),
        ("III.", 2, "BOOK TWO")]
    assert headings("CHAPTER I." + para + "I." + para + "II." + para + "CHAPTER II." + para + "I." + para) == [
        ("CHAPTER I.", 1, None), ("I.", 2, "CHAPTER I."), ("II.", 2, "CHAPTER I."), ("CHAPTER II.", 1, None),
        ("I.", 2, "CHAPTER II.")]


def test_web_debris_is_never_a_heading_and_a_kicker_on_the_title_line_is_split():
    text = ("Analysis | Kanye West and how hip-hop tackles mental health\n\n"
            "It's not totally clear what's going on with Kanye West. The rapper canceled the tour.\n\n"
            "Facebook Twitter Pinterest\n\n"
            "West spent the night at the medical center, the Associated Press reported.\n\n"
            "Read more\n\nPhotograph: Rich Fury/Getty Images\n\nRelated: The rapper's long year\n\nAdvertisement\n\n"
            "The genre has long been characterized by notions of hyper-masculinity.\n")
    st = parse_structure(text)
    assert (st.kicker.text, st.title.text) == ("Analysis", "Kanye West and how hip-hop tackles mental health")
    assert headings(text) == []
    assert len(st.paragraphs) == 8
