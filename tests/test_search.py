"""Finding quotations by speaker and by words, as the CLI's --speaker/--search and the app's search do."""

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.document import analyse
from reader.search import parse_query, search_quotes, speakers_matching

# Bounded in the suite; the long run: READER_PROPERTY_EXAMPLES=20000 uv run pytest tests/test_search.py
EXAMPLES = int(os.environ.get("READER_PROPERTY_EXAMPLES", "200"))

TEXT = (
    "Ministers meet on the bridge\n\n"
    "Foreign Minister Sergey Lavrov arrived on Monday.\n\n"
    '"We will coordinate every action with Damascus," the minister said.\n\n'
    '"The bridge is a fine idea," said Helena Saraiva.\n\n'
    '"Specific parameters are still missing," Saraiva added.\n'
)


def test_speaker_by_any_name_or_mention_and_with_a_slip():
    doc = analyse(TEXT)
    for query in ("Lavrov", "lavrov", "the minister", "sergey", "Lavrob"):
        assert [s.name for s in speakers_matching(doc, query)] == ["Sergey Lavrov"], query
    assert speakers_matching(doc, "Smith") == []


def test_a_speaker_query_ranks_their_quotations_first():
    doc = analyse(TEXT)
    hits = search_quotes(doc, "saraiva")
    assert [doc.speaker_of(h.quote).name for h in hits] == ["Helena Saraiva", "Helena Saraiva"]


def test_words_prefixes_and_the_exact_phrase():
    doc = analyse(TEXT)
    assert [h.quote.text for h in search_quotes(doc, "specific parameters")][:1] == [
        "Specific parameters are still missing,"]
    assert [h.quote.text for h in search_quotes(doc, "coordin")] == [
        "We will coordinate every action with Damascus,"]
    assert search_quotes(doc, "zebra") == []


def test_speaker_prefix_narrows_to_one_speaker():
    doc = analyse(TEXT)
    hits = search_quotes(doc, "speaker:saraiva bridge")
    assert [h.quote.text for h in hits] == ["The bridge is a fine idea,"]


def test_speaker_with_a_full_name_quoted_or_not_and_with_a_slip():
    doc = analyse(TEXT)
    for query in ('speaker:"Helena Saraiva"', "speaker:Helena Saraiva", "speaker:'Helena Saraiva'",
                  "speaker:helena sarava", 'speaker:"Helena Sar'):  # a slip; a quote still being typed
        assert [h.quote.text for h in search_quotes(doc, query)] == [
            "The bridge is a fine idea,", "Specific parameters are still missing,"], query
    for query in ("speaker:Helena Saraiva bridge", 'speaker:"Helena Saraiva" bridge', "speaker:helena saraiva brige"):
        assert [h.quote.text for h in search_quotes(doc, query)] == ["The bridge is a fine idea,"], query
    assert search_quotes(doc, "speaker:Helena Smith") == []  # the first word is the name; no quote holds "smith"


def test_a_speaker_prefix_without_a_name_narrows_nothing():
    doc = analyse(TEXT)
    everything = [h.quote.index for h in search_quotes(doc, "")]
    for query in ('speaker:"', "speaker:'", "speaker:-", "speaker:", "speaker:  ", 'speaker:""', "speaker:—"):
        assert [h.quote.index for h in search_quotes(doc, query)] == everything, query
    assert [h.quote.text for h in search_quotes(doc, 'speaker:"" bridge')] == ["The bridge is a fine idea,"]


def test_parse_query_splits_the_name_from_the_words():
    doc = analyse(TEXT)
    assert parse_query("speaker:Helena Saraiva bridge", doc) == ("Helena Saraiva", "bridge")
    assert parse_query("speaker:Helena Saraiva bridge") == ("Helena", "Saraiva bridge")  # no document: one word
    assert parse_query('speaker:"Sergey Lavrov" action', doc) == ("Sergey Lavrov", "action")
    assert parse_query("no speaker here", doc) == (None, "no speaker here")


SEARCH_DOCS = [
    TEXT,
    "",
    '"Quoted," said A.\n\n"Again," said B. C.\n',
    '"Oui," dit Schérer. "Ça va," said Anna Pavlovna Schérer.\n\n‘Fine,’ said the Prince of Wales.\n',
]

SEARCH_TOKENS = ["speaker:", "SPEAKER:", '"', "'", "-", "—", " ", "  ", "\t", "\n", "Helena", "Saraiva", "sar",
                 "Lavrov", "the", "minister", "bridge", "ça", "Schérer", "\x00", "\u202e", "[b]", "*", "(", "\\", "é"]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(SEARCH_TOKENS), st.text(max_size=3)), max_size=12).map("".join)
       | st.text(max_size=40))
@example('speaker:"')
@example("speaker:'")
@example("speaker:-")
@example('speaker:"Helena Saraiva"')
def test_any_typed_query_is_answered_never_raises(query):
    """Whatever is typed: the quotations found, ranked, each once, from the document."""
    for text in SEARCH_DOCS:
        doc = _doc(text)
        hits = search_quotes(doc, query)
        assert len({h.quote.index for h in hits}) == len(hits)
        assert all(doc.quotes[h.quote.index] is h.quote for h in hits)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        speakers_matching(doc, query)
        parse_query(query, doc)


_DOCS: dict[str, object] = {}


def _doc(text: str):
    if text not in _DOCS:
        _DOCS[text] = analyse(text)
    return _DOCS[text]


def test_a_word_the_text_holds_is_read_as_typed_not_as_a_slip():
    doc = analyse('"We will build the wall," said Ana Reis.\n\n"It will not stand," said Rui Costa.\n')
    found = lambda q: [h.quote.text for h in search_quotes(doc, q)]  # noqa: E731
    assert found("wall") == ["We will build the wall,"]  # not "will", one slip away
    assert found("wsll") == ["We will build the wall,", "It will not stand,"]  # held by neither: a slip
    assert found("stsnd") == ["It will not stand,"]
