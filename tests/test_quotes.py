"""Finding quotations: spans, marks, apostrophes, nesting, paragraphs and kinds."""

import pytest

from reader.document import analyse
from reader.model import MENTION, PARTIAL, SPEECH


def found(text):
    doc = analyse(text)
    return [(q.text, q.kind) for q in doc.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Straight and curly double quotes.
        ('"We will win," she said.', [("We will win,", SPEECH)]),
        ("“We will win,” she said.", [("We will win,", SPEECH)]),
        # Low-9 and guillemets.
        ("„Wir gewinnen“, sagte sie, and left.", [("Wir gewinnen", SPEECH)]),
        ("« Nous gagnerons », dit-elle. Then she left the room.", [("Nous gagnerons", SPEECH)]),
        # British single quotes with apostrophes all around.
        (
            "‘It’s the farmers’ fields that suffer most, and we don’t know why,’ said Ann Lee.",
            [("It’s the farmers’ fields that suffer most, and we don’t know why,", SPEECH)],
        ),
        (
            "'The '90s were kinder to growers,' said Ann Lee.",
            [("The '90s were kinder to growers,", SPEECH)],
        ),
        # Apostrophes alone are never quotations.
        ("Russia’s minister didn't say the ’90s were over, and the Joneses' dog barked.", []),
        # A quotation nested inside another is part of it.
        (
            '"They called it \'the thief\' for good reason," he said.',
            [("They called it 'the thief' for good reason,", SPEECH)],
        ),
        (
            "“He used to say “never again”, and meant it,” she said.",
            [("He used to say “never again”, and meant it,", SPEECH)],
        ),
        # Straight marks inside curly ones are a nested quotation.
        ('“And a "quote" too,” said John Smith.', [('And a "quote" too,', SPEECH)]),
        # Interrupted by its attribution: two spans.
        ('"Nobody is leaving," she said, "not while I am here."',
         [("Nobody is leaving,", SPEECH), ("not while I am here.", SPEECH)]),
        # A quoted fragment inside reported speech is partial; titles and scare quotes are mentions.
        (
            "The minister said the reports were commissioned \"behind closed doors\" last year.",
            [("behind closed doors", PARTIAL)],
        ),
        ('They planned a "Friends" reunion in May.', [("Friends", MENTION)]),
        ('She was known as the so-called "Iron Lady" by then.', [("Iron Lady", MENTION)]),
        ('Their album "Blue Hours" sold well.', [("Blue Hours", MENTION)]),
        ('She spoke on CBS\'s "Face the Nation," then left.', [("Face the Nation,", MENTION)]),
        ('He is now host of "The Nightly Show with Larry Wilmore."', [("The Nightly Show with Larry Wilmore.", MENTION)]),
        # Doubled apostrophes are not quotation marks.
        ("He measured 6'' on the ruler.", []),
    ],
)
def test_quotation_spans(text, expected):
    assert found(text) == expected


def test_span_offsets_exclude_the_marks():
    text = 'Intro line.\n\n"Exactly this," he said.'
    doc = analyse(text)
    (q,) = doc.quotes
    assert text[q.start : q.end] == "Exactly this,"
    assert text[q.start - 1] == '"' and text[q.end] == '"'


def test_quotation_over_several_paragraphs():
    text = (
        'Bridge vote\n\n'
        'The mayor said:\n\n'
        '"The first part of what I have to say runs to the end of this paragraph.\n\n'
        '"The second part goes on here and closes now."\n\n'
        "Then she sat down."
    )
    doc = analyse(text)
    assert [(q.text, q.paragraph) for q in doc.quotes] == [
        ("The first part of what I have to say runs to the end of this paragraph.", 1),
        ("The second part goes on here and closes now.", 2),
    ]
    assert doc.quotes[0].group == doc.quotes[1].group


def test_unclosed_quotation_ends_with_its_paragraph():
    text = 'First paragraph has "an opening mark and no close.\n\nThe second "one" is fine, "really fine," he said.'
    doc = analyse(text)
    assert doc.quotes[0].text == "an opening mark and no close."
    assert doc.quotes[0].paragraph == 0
    assert [q.text for q in doc.quotes[1:]] == ["one", "really fine,"]


def test_stray_closing_mark_is_ignored():
    doc = analyse("A stray ” mark here. “Then a real one,” he said.")
    assert [q.text for q in doc.quotes] == ["Then a real one,"]


def test_transcript_lines_are_quotations():
    text = (
        "Sea stories\n\n"
        "Jo Marsh spoke to Edwin Holloway about the lighthouse.\n\n"
        "Q: Were you ever afraid out there?\n\n"
        "A: Never once.\n"
    )
    doc = analyse(text)
    assert [(q.text, q.cue) for q in doc.quotes] == [
        ("Were you ever afraid out there?", "Q:"),
        ("Never once.", "A:"),
    ]


def test_excerpt_paragraph_marker_leaves_the_curly_quotations_inside():
    text = (
        "Headline here\n\n"
        "\"The first time she saw him, she said “I knew it,” and she smiled.\n\n"
        "\"Later she said “never again” to her friend.\n"
    )
    assert found(text) == [("I knew it,", SPEECH), ("never again", PARTIAL)]


def test_marks_with_nothing_between_them_are_not_quotations():
    text = 'He typed "" and “‘’” and " " into the box. "...," she said, and "Yes!" he cried.'
    assert [q.text for q in analyse(text).quotes] == ["...,", "Yes!"]  # punctuation alone is still speech
    assert analyse('""""""""""\n\n“”“”“”“”“”\n\n' + "'" * 40).quotes == ()
    packed = analyse('"a""b"' * 3).quotes  # packed, but each holds a letter
    assert [q.text for q in packed] == ["a", "b"] * 3


def test_a_paragraph_made_of_marks_holds_no_span_per_pair():
    """A run of marks is not kept as a list of empty spans until the end (its memory was
    the blow-up of a file of quotation marks)."""
    import tracemalloc

    from reader.quotes import find_quotes
    from reader.structure import parse_structure

    text = '"' * 50_000
    st = parse_structure(text)
    tracemalloc.start()
    try:
        spans = find_quotes(text, st.paragraphs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert spans == [] and peak < 10 * len(text)
