"""Attributing quotations to speakers, with one canonical name per speaker."""

import pytest

from reader.document import analyse

HEADLINE = "Council approves the harbour bridge plan\n\n"


def speakers_of(text):
    doc = analyse(text)
    return [(q.text, doc.speaker_of(q).name if doc.speaker_of(q) else None) for q in doc.quotes if q.kind != "mention"]


@pytest.mark.parametrize(
    "body, expected",
    [
        # "Q," NAME said. / "Q," said NAME.
        ('"We will build it," Ana Ferreira said.', [("We will build it,", "Ana Ferreira")]),
        ('"We will build it," said Ana Ferreira.', [("We will build it,", "Ana Ferreira")]),
        # NAME said: "Q"
        ('Ana Ferreira said: "We will build it."', [("We will build it.", "Ana Ferreira")]),
        # NAME said that ... "Q"
        (
            'Ana Ferreira told reporters that the plan was "fully funded and ready" for a vote.',
            [("fully funded and ready", "Ana Ferreira")],
        ),
        # According to NAME, ... "Q"
        (
            'According to Ana Ferreira, the money is there. "We have checked every figure."',
            [("We have checked every figure.", "Ana Ferreira")],
        ),
        # A titled speaker: the title goes, the name stays.
        (
            '"The figures are sound," Finance Minister Rui Damasceno said.',
            [("The figures are sound,", "Rui Damasceno")],
        ),
        # An appositive between name and verb.
        (
            '"It is a fair deal," Quina Jones, 25, said on Sunday.',
            [("It is a fair deal,", "Quina Jones")],
        ),
        (
            '"It is an invasion," Scott Pruitt, the attorney general of the state, said at an event.',
            [("It is an invasion,", "Scott Pruitt")],
        ),
        # A party label in parentheses.
        ('"We cannot wait," Rep. John Mica (R-Fla.) said.', [("We cannot wait,", "John Mica")]),
        # A byline after a dash.
        ('"Build the bridge." ― Carla Sanchez', [("Build the bridge.", "Carla Sanchez")]),
        # An organisation speaks.
        (
            'The Ministry of Infrastructure welcomed the vote. "We will examine the plan," the ministry said.',
            [("We will examine the plan,", "Ministry of Infrastructure")],
        ),
        ('The New York Times reports: "The vote was close."', [("The vote was close.", "The New York Times")]),
        # Nobody to attribute it to.
        ('"It was a long night," read the sign above the door.', [("It was a long night,", None)]),
    ],
)
def test_tag_patterns(body, expected):
    assert speakers_of(HEADLINE + body) == expected


def test_a_following_untagged_quote_continues_the_speaker():
    text = HEADLINE + (
        '"We will build it," Ana Ferreira said. "And we will pay for it."\n\n'
        '"Nobody should doubt that."\n\n'
        "The opposition disagreed, and the debate went on."
    )
    assert speakers_of(text) == [
        ("We will build it,", "Ana Ferreira"),
        ("And we will pay for it.", "Ana Ferreira"),
        ("Nobody should doubt that.", "Ana Ferreira"),
    ]


def test_interrupted_quote_is_one_speaker_and_one_group():
    doc = analyse(HEADLINE + 'Mayor Helena Saraiva stood up. "Nobody is leaving," she said, "not while I am here."')
    first, second = doc.quotes
    assert first.group == second.group
    assert doc.speaker_of(first).name == doc.speaker_of(second).name == "Helena Saraiva"


def test_title_and_pronoun_resolve_to_the_person_named_earlier():
    text = HEADLINE + (
        "LISBON, March 3. /NewsWire/. Foreign Minister Sergey Lavrov said on Monday that talks would go on.\n\n"
        '"We proceed from the assumption that everyone will act in good faith," the minister said.\n\n'
        '"That is what we are doing," the Russian foreign minister said.\n\n'
        "Russia's top diplomat recalled the initiative of the president.\n\n"
        '"It continues to be relevant," he said.'
    )
    doc = analyse(text)
    assert {doc.speaker_of(q).name for q in doc.quotes} == {"Sergey Lavrov"}
    (lavrov,) = doc.speakers
    assert lavrov.quote_count == 3
    for mention in ("Foreign Minister Sergey Lavrov", "the minister", "the Russian foreign minister", "he"):
        assert mention in lavrov.mentions


def test_canonical_name_is_the_fullest_form():
    text = HEADLINE + (
        "Mayor Helena Saraiva opened the session.\n\n"
        '"This city has waited long enough," Saraiva said.\n\n'
        '"And it will wait no longer," she said.'
    )
    doc = analyse(text)
    assert [s.name for s in doc.speakers] == ["Helena Saraiva"]
    assert doc.speakers[0].quote_count == 2
    assert "Saraiva" in doc.speakers[0].mentions


def test_pronoun_picks_the_person_of_the_right_gender():
    text = HEADLINE + (
        '"We are not against the bridge," said Beatriz Lobo.\n\n'
        '"The ferries will keep running," said Tiago Mourão.\n\n'
        'Lobo was unmoved. "We have heard promises before," she said.'
    )
    assert speakers_of(text)[-1] == ("We have heard promises before,", "Beatriz Lobo")


def test_cue_is_kept():
    doc = analyse(HEADLINE + '"We have checked," Lavrov emphasized. According to Lavrov, it is "interagency work" now.')
    assert [q.cue for q in doc.quotes] == ["emphasized", "according to"]


FICTION = (
    "Chapter 1\n\n"
    '"Where are we going?" asked Marta.\n\n'
    '"North," said Tomas.\n\n'
    '"How far north?"\n\n'
    '"As far as the ferry goes."\n\n'
    '"And then?"\n\n'
    "Tomas shrugged and looked at the water.\n\n"
    '"Then we walk," he said.\n'
)


def test_untagged_dialogue_alternates_between_the_last_two_speakers():
    doc = analyse(FICTION)
    got = [(q.text, doc.speaker_of(q).name if doc.speaker_of(q) else None) for q in doc.quotes]
    assert got == [
        ("Where are we going?", "Marta"),
        ("North,", "Tomas"),
        ("How far north?", "Marta"),
        ("As far as the ferry goes.", "Tomas"),
        ("And then?", "Marta"),
        ("Then we walk,", "Tomas"),
    ]


def test_fiction_description_resolves_through_an_apposition():
    text = (
        "Chapter 1\n\n"
        "Mr. Sowerberry, the undertaker, came in from the yard.\n\n"
        '"Will you take the boy?" asked Mr. Bumble.\n\n'
        '"Not today," replied the undertaker.\n'
    )
    assert speakers_of(text) == [("Will you take the boy?", "Mr. Bumble"), ("Not today,", "Mr. Sowerberry")]


def test_unknown_speaker_gets_none():
    assert speakers_of(HEADLINE + 'The sign on the door said nothing. "Closed until spring."') == [
        ("Closed until spring.", None)
    ]


def test_the_one_spoken_to_by_name_answers_next():
    text = (
        "Chapter 1\n\n"
        '"Is the boat late?" asked Marta.\n\n'
        '"Good-night, Nancy," said Fagin, and went out.\n\n'
        '"Good-night."\n'
    )
    doc = analyse(text)
    # Nancy is only named in Fagin's words; she is not yet anyone the text has quoted, so
    # the answer goes to the other side of the conversation rather than to a stranger.
    assert doc.speaker_of(doc.quotes[2]).name == "Marta"


def test_addressee_named_in_the_last_turn_answers():
    text = (
        "Chapter 1\n\n"
        '"Come in," said Nancy.\n\n'
        '"Is the boat late?" asked Marta.\n\n'
        '"Good-night, Nancy," said Fagin, and went out.\n\n'
        '"Good-night."\n'
    )
    doc = analyse(text)
    assert doc.speaker_of(doc.quotes[3]).name == "Nancy"


def test_an_adverb_alone_before_the_verb_is_no_subject():
    # Nothing but an adverb stands between the quotation and the verb.
    doc = analyse(HEADLINE + '"Come here," slowly said the old man.')
    assert [q.text for q in doc.quotes] == ["Come here,"]
