"""Finding quotations by speaker and by words, as the CLI's --speaker/--search and the app's search do."""

from reader.document import analyse
from reader.search import search_quotes, speakers_matching

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
