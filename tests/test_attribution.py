"""Attribution, stage by stage: tags, the people of a text, and the conversation.

Each case is a short text with the exact speaker (and the words that named them) expected.
"""

from __future__ import annotations

import pytest

from reader.cast import capitalised_words, find_cast
from reader.document import analyse
from reader.people import People, name_form
from reader.phrases import make_name, tokens
from reader.quotes import find_quotes
from reader.structure import parse_structure
from reader.tags import AFTER, BEAT, BEFORE, INTRO, TagFinder, find_tags

HEADLINE = "Council approves the harbour bridge plan\n\n"
NOVEL = "CHAPTER I\n\n"


def tags_of(text: str):
    st = parse_structure(text)
    spans = find_quotes(text, st.paragraphs)
    names = capitalised_words(text, st.paragraphs, spans)[0]
    tags = find_tags(text, st.paragraphs, spans, names)
    return [(t.mention.text, t.cue, t.where) if t else None for t in tags]


def said(text: str, fiction: bool = False):
    """(quotation, speaker, mention) for every quotation (mentions of titles left out)."""
    doc = analyse(text)
    return [(q.text, doc.speaker_of(q).name if doc.speaker_of(q) else None, q.mention)
            for q in doc.quotes if q.kind != "mention"]


# ---------------------------------------------------------------------------------------
# 1. Tags: the words next to a quotation that say who spoke it


@pytest.mark.parametrize(
    "body, expected",
    [
        # after the quotation, verb first, with trailing words
        ('"I am tired," said Anne tearfully.', ("Anne", "said", AFTER)),
        ('"It rained," said Catherine the next morning.', ("Catherine", "said", AFTER)),
        ('"Not I," replied he.', ("he", "replied", AFTER)),
        ('"You are late," cried his wife impatiently.', ("his wife", "cried", AFTER)),
        ('"Go on," went on the doctor.', ("the doctor", "went on", AFTER)),
        # after the quotation, subject first; an unlisted verb in a tag's place
        ('"We will see," the minister said.', ("the minister", "said", AFTER)),
        ('"Hein!" the Baron vociferated again.', ("the Baron", "vociferated", AFTER)),
        ('"Well, how did you like it?" Marilla wanted to know.', ("Marilla", "wanted to know", AFTER)),
        # a nominal tag
        ('"Never," was Mrs. Smith\'s reply.', ("Mrs. Smith", "reply", AFTER)),
        ('"I fear so," was her father\'s sorrowful reply.', ("her", "reply", AFTER)),
        # before the quotation
        ('Marilla said: "You may stay."', ("Marilla", "said", BEFORE)),
        ('She clasped her hands tightly and said in an imploring voice: "Please tell me."',
         ("She", "said", BEFORE)),
        ('Then, turning his eyes from hers, he asked abruptly: "Have you told anyone?"',
         ("he", "asked", BEFORE)),
        ('Dallas staggered across the floor shouting "Look!"', ("Dallas", "shouting", BEFORE)),
        # the paragraph before leads into it
        ('Emma continued,\n\n"I have not said so."', ("Emma", "continued", INTRO)),
        # a name in an apposition, a name after lower-case titles
        ('"We are ready," the White House spokesman, Josh Earnest, said.', ("Josh Earnest", "said", AFTER)),
        ('"It is a scandal," said Judicial Watch president Tom Fitton.',
         ("Judicial Watch president Tom Fitton", "said", AFTER)),
    ],
)
def test_tag_shapes(body, expected):
    assert tags_of(NOVEL + body)[0] == expected


def test_reported_speech_after_a_quotation_is_not_its_tag():
    # "replied that he did not know": the reply is reported, not the quotation before.
    assert tags_of(NOVEL + '"Why not?" Her father replied that he did not know.') == [None]


def test_the_person_spoken_to_is_not_the_speaker():
    text = NOVEL + 'Natasha came in.\n\n"Tell me, my dear," said she to Natasha.'
    st = parse_structure(text)
    spans = find_quotes(text, st.paragraphs)
    tag = find_tags(text, st.paragraphs, spans)[0]
    assert (tag.mention.text, tag.addressee.text) == ("she", "Natasha")


def test_a_quotation_after_a_tag_shares_it():
    # Read after the first quotation, or before the second: the same words, the same person.
    assert [t[:2] for t in tags_of(NOVEL + '"A," she said, "B."')] == [("she", "said")] * 2
    assert tags_of(NOVEL + '"A," said Fagin. "That is a pleasant life."') == [("Fagin", "said", AFTER)] * 2


def test_an_action_beat_names_the_speaker_weakly():
    text = NOVEL + 'Marilla looked relieved. "So you do understand."'
    st = parse_structure(text)
    spans = find_quotes(text, st.paragraphs)
    beat = TagFinder(text, st.paragraphs, spans).beat(0)
    assert (beat.mention.text, beat.where) == ("Marilla", BEAT)


def test_a_sentence_opening_word_is_no_name():
    # "Presently" opens sentences only; "Helen" is written mid-sentence too.
    text = NOVEL + "They waited for Helen.\n\nPresently Helen came in.\n\nPresently Helen said: \"Well?\""
    assert tags_of(text)[0] == ("Helen", "said", BEFORE)


# ---------------------------------------------------------------------------------------
# 2. The people of a text: one person per name as English names are written


def person_of(people: People, written: str):
    m = make_name(tokens(written), written)
    p = people.find(name_form(m))
    return p.display if p else None


def people_of(*written: str) -> People:
    """People who speak under these names (a name only mentioned in passing may be someone else)."""
    people = People()
    for w in written:
        people.add(name_form(make_name(tokens(w), w)), w).speaks += 1
    return people


def test_a_first_name_and_a_full_name_are_one_person():
    people = people_of("Elizabeth Bennet", "Mr. Bennet", "Mrs. Bennet")
    assert person_of(people, "Elizabeth") == "Elizabeth Bennet"
    assert person_of(people, "Mr. Bennet") == "Mr. Bennet"
    assert person_of(people, "Mrs. Bennet") == "Mrs. Bennet"


def test_a_woman_is_not_found_by_a_mans_name():
    people = people_of("Newland Archer", "Mrs. Archer")
    assert person_of(people, "Mrs. Archer") == "Mrs. Archer"
    assert person_of(people, "Archer") == "Newland Archer"


def test_a_surname_alone_is_not_the_woman_called_mrs():
    people = people_of("John Thorpe", "Mrs. Thorpe")
    assert person_of(people, "Thorpe") == "John Thorpe"


def test_an_honorific_and_a_shared_surname_is_the_head_of_the_family():
    people = people_of("Jane Gradgrind", "Tom Gradgrind")
    assert person_of(people, "Mrs. Gradgrind") is None
    people = people_of("Bill Sikes")
    assert person_of(people, "Mr. Sikes") == "Bill Sikes"


def test_a_first_name_after_the_honorific_tells_a_relation_apart():
    people = People()
    brother = name_form(make_name(tokens("Mr. John Knightley"), "Mr. John Knightley"))
    people.note_first_name_after_honorific(brother)
    people.add(name_form(make_name(tokens("Mr. Knightley"), "Mr. Knightley")), "Mr. Knightley")
    people.add(brother, "Mr. John Knightley")
    assert len(people.persons) == 2
    assert person_of(people, "Mr. Knightley") == "Mr. Knightley"


def test_a_full_name_completes_a_surname_but_not_a_first_name_written_once():
    text = HEADLINE + ('Mayor Helena Saraiva stood up. "We will build it," Saraiva said.\n\n'
                       '"Count me out," said Tom. He had read of Tom Thumb once.')
    assert [s for _, s, _ in said(text)] == ["Helena Saraiva", "Tom"]


def test_cast_reads_names_as_the_text_writes_them():
    text = HEADLINE + (
        "Rui Damasceno, the city's finance chief, rejected the charge. Damasceno said the money was there.\n\n"
        "Dr Alistair Venn, a scientist at a station near Leominster, said the yields were poor.\n\n"
        "Council leader Daniel Whitcombe admitted the mistake.\n\n"
        '"We were wrong," the council leader said.'
    )
    st = parse_structure(text)
    spans = find_quotes(text, st.paragraphs)
    names = capitalised_words(text, st.paragraphs, spans)
    tags = find_tags(text, st.paragraphs, spans, names[0])
    cast = find_cast(text, st.paragraphs, spans, tags, names)
    displays = {p.display for p in cast.people.persons}
    assert {"Rui Damasceno", "Alistair Venn", "Daniel Whitcombe"} <= displays
    assert "Leominster" not in displays  # a place at the end of an apposition
    whitcombe = next(p for p in cast.people.persons if p.display == "Daniel Whitcombe")
    assert "leader" in whitcombe.titles
    assert said(text)[0][1] == "Daniel Whitcombe"


# ---------------------------------------------------------------------------------------
# 3. Resolution: pronouns, descriptions, organisations, documents, nobody


@pytest.mark.parametrize(
    "body, expected",
    [
        # a description that an apposition gave the person
        ('Mr. Sowerberry, the undertaker, came in.\n\n"Good day," said the undertaker.',
         [("Good day,", "Mr. Sowerberry", "the undertaker")]),
        # an organisation named before, then by its head word or "it"
        ('The Ministry of Infrastructure welcomed the vote. "We will examine the plan," the ministry said.',
         [("We will examine the plan,", "Ministry of Infrastructure", "the ministry")]),
        # a document speaks for the body that issued it
        ('A statement from Chelsea explaining the decision read: "The club has parted with its manager."',
         [("The club has parted with its manager.", "Chelsea", "A statement")]),
        # an unknown source: nobody, not the last speaker
        ('"We sail at six," said Marta Quist.\n\n"Ten minutes to Kessel Point," a voice announced.',
         [("We sail at six,", "Marta Quist", "Marta Quist"), ("Ten minutes to Kessel Point,", None, None)]),
        # a pronoun goes to the person of its gender named as the subject before it
        ('Leila Haddad, the opposition spokesperson, said the reversal was overdue.\n\n'
         '"The plan was indefensible," she said.',
         [("The plan was indefensible,", "Leila Haddad", "she")]),
    ],
)
def test_news_resolution(body, expected):
    assert said(HEADLINE + body) == expected


# ---------------------------------------------------------------------------------------
# 4. The conversation: who speaks an untagged or pronoun-tagged quotation in a novel

CONVERSATION = NOVEL + (
    "Elizabeth Bennet walked into the garden, where Mr. Darcy was waiting.\n\n"
    '"You are early," said Mr. Darcy.\n\n'
    '"I could not sleep," replied Elizabeth.\n\n'
    '"Nor could I."\n\n'
    '"Then we are alike in that."\n\n'
    '"Perhaps," he said.\n\n'
    '"Only perhaps?" she asked.\n'
)


def test_turn_taking_pronouns_and_genders():
    # (Elizabeth Bennet is named once: her first name is not taken for her full name on that alone.)
    assert [s for _, s, _ in said(CONVERSATION)] == [
        "Mr. Darcy", "Elizabeth", "Mr. Darcy", "Elizabeth", "Mr. Darcy", "Elizabeth",
    ]
    mentions = [m for _, _, m in said(CONVERSATION)]
    assert mentions == ["Mr. Darcy", "Elizabeth", None, None, "he", "she"]


def test_the_one_addressed_by_name_answers():
    text = NOVEL + (
        "Anne and Diana sat by the brook with Marilla.\n\n"
        '"It is cold," said Marilla.\n\n'
        '"Do you think so, Diana?"\n\n'
        '"I do not," she answered.\n'
    )
    speakers = [s for _, s, _ in said(text)]
    assert speakers[2] == "Diana"  # addressed by name in the quotation before
    assert speakers[1] != "Diana"  # nobody calls themselves by name


def test_the_person_spoken_to_does_not_speak():
    text = NOVEL + (
        "Natasha Rostova sat with her mother, the countess, and Pierre Bezukhov.\n\n"
        '"Tell me, my dear," said she to Natasha, "what you think."\n'
    )
    assert all(s != "Natasha Rostova" for _, s, _ in said(text))


def test_the_first_person_narrator():
    text = NOVEL + (
        "Mr. Astley met me on the stairs.\n\n"
        '"Where are you going?" he asked.\n\n'
        '"To the casino," I replied.\n\n'
        '"Take care, Alexis Ivanovitch."\n\n'
        '"I always do," said I.\n\n'
        '"Good night, Alexis Ivanovitch."\n'
    )
    speakers = [s for _, s, _ in said(text)]
    assert speakers[1] == speakers[3] == "Alexis Ivanovitch"  # named by what the others call them
    assert speakers[0] == "Mr. Astley"


def test_a_narrator_nobody_names_is_the_narrator():
    text = NOVEL + (
        "Mr. Astley met me on the stairs.\n\n"
        '"Where are you going?" he asked.\n\n'
        '"To the casino," I replied.\n\n'
        '"Take care."\n\n'
        '"I always do," said I.\n'
    )
    speakers = [s for _, s, _ in said(text)]
    assert speakers[1] == speakers[3] == "Narrator"


def test_an_interjection_that_answers_the_narrator_is_not_their_name():
    text = (
        "The judge turned to me.\n\n"
        '"Your Honor," I said, "I would like to answer."\n\n'
        '"Okay," the judge said. "Go on."\n\n'
        '"I was seventeen," I said.\n\n'
        '"Okay. And then?"\n'
    )
    speakers = [s for _, s, _ in said(text)]
    assert speakers[0] == speakers[1] == speakers[4] == "Narrator"
    assert "Okay" not in speakers


def test_a_participle_after_name_said_is_that_speakers():
    text = ("Talks\n\nSean Spicer spoke to reporters. Paul Ryan was in Wisconsin.\n\n"
            'Ryan and Trump will meet next week, Spicer said, adding, "They need to have a good talk."\n')
    assert said(text) == [("They need to have a good talk.", "Sean Spicer", "Spicer")]


def test_a_participle_after_a_short_quotation_is_the_sentences_subjects():
    text = ("X\n\nDonald Trump spoke. Hillary Clinton did not.\n\n"
            "On Friday, he joined others in pouncing on news that Mrs. Clinton's server had handled "
            "messages deemed ''top secret,'' saying in a post: ''The new email release is a disaster.''\n\n"
            "The rector's sermons had repelled her, and she had asked for \"more light,\" adding, \"Not for me.\"\n")
    found = {q: s for q, s, _ in said(text)}
    assert found["The new email release is a disaster."] == "Donald Trump"
    assert found["Not for me."] != "The rector's sermons"  # a description this far back is not trusted


def test_middle_initials_and_nationality_surnames_stay_in_the_name():
    text = ("T\n\n"
            '"We must act," said Sen. Lindsey O. Graham (R-S.C.), a former candidate.\n\n'
            '"Prices rise," said David French of the National Retail Federation.\n\n'
            '"Yes," said John A. Smith.\n\n'
            '"A. The first point," said the lawyer.\n')
    assert [s for _, s, _ in said(text)] == ["Lindsey O. Graham", "David French", "John A. Smith", "the lawyer"]


def test_an_office_of_several_words_before_a_name():
    text = ("T\n\n"
            '"Fine," said Former Secretary of State Madeleine Albright.\n\n'
            '"We are ready," Secretary of Homeland Security Jeh Johnson said.\n')
    assert [(s, m) for _, s, m in said(text)] == [
        ("Madeleine Albright", "Former Secretary of State Madeleine Albright"), ("Jeh Johnson", "Jeh Johnson")]


def test_pointed_out_is_a_speech_verb_and_a_sentence_is_nobody():
    text = ("T\n\nDavid Byler wrote a piece.\n\n"
            "As RealClearPolitics' David Byler pointed out in December, \"The delegates can change it.\"\n\n"
            "Miss Tilney walked on. A short sentence of hers seemed to point out: \"I was going there.\"\n")
    found = [(s, m) for _, s, m in said(text)]
    assert found[0] == ("David Byler", "David Byler")
    assert found[1][0] != "a short sentence"


def test_a_quotation_signed_by_the_next_paragraph():
    text = ("T\n\nQuotable.\n\n"
            '"It needs to stop."\n\n-Michelle Marks, Philadelphia.\n\n'
            '"Great speech."\n\n— President Obama, tweeting after the speech.\n\n'
            '"Come in."\n\n—Mr. Smith came in and sat down.\n')
    assert [(s, m) for _, s, m in said(text)][:2] == [("Michelle Marks", "Michelle Marks"), ("Obama", "President Obama")]
    assert said(text)[2][1] != "Mr. Smith"  # a paragraph that goes on after the name is narrative, not a signature


def test_a_paragraph_that_opens_with_a_name_and_a_colon():
    text = ("T\n\nMichael P. McDonald spoke first.\n\n"
            "GALLUP - Gallup's Jeffrey M. Jones: \"Twenty states are Republican.\"\n\n"
            "More from Jones: \"The state is a starting point.\"\n\n"
            "From Bush's Facebook post: \"We must overcome the divisiveness.\"\n\n"
            "This was the burst of Emma's feelings: \"Oh God!\"\n")
    found = said(text)
    assert [(s, m) for _, s, m in found[:3]] == [("Jones", "Jeffrey M. Jones"), ("Jones", "Jones"), ("Bush", "Bush")]
    assert found[3][2] is None  # a sentence that ends with a colon is not a label


def test_when_it_was_said_is_not_the_speaker():
    text = ("Talks\n\nReince Priebus spoke first.\n\n"
            'Priebus later Thursday told Fox News: "Both men are meeting next week."\n\n'
            'Ryan on Monday said: "We will see."\n')
    assert [s for _, s, _ in said(text)] == ["Reince Priebus", "Ryan"]


def test_the_other_is_not_the_last_speaker():
    text = NOVEL + (
        "Gabriel Syme and Lucian Gregory stood on the bridge.\n\n"
        '"It is late," said Syme.\n\n'
        '"Not for us," answered the other.\n'
    )
    assert [s for _, s, _ in said(text)] == ["Gabriel Syme", "Lucian Gregory"]


def test_a_kind_of_person_is_someone_in_the_scene():
    text = NOVEL + (
        "Nancy Drew came into the room where Fagin sat.\n\n"
        '"Where is the boy?" said Fagin.\n\n'
        '"Gone," returned the girl.\n'
    )
    assert [s for _, s, _ in said(text)] == ["Fagin", "Nancy Drew"]
