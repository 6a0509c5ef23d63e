"""The engine's inner parts that its speed rests on, each with exact results: tokens, the
collector's threshold during an analysis, the cast's look-ups by person."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.document as document
from reader.cast import Cast, whole_word
from reader.people import People
from reader.phrases import tokens


def _words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    return [(t.text, t.start, t.end) for t in tokens(text, start, end)]


def test_tokens_words_dashes_and_stops():
    text = "Mr. Darcy's well-known farmers’ x_y a--b -- — don't J. Smith. ends."
    assert _words(text) == [
        ("Mr.", 0, 3), ("Darcy's", 4, 11), ("well-known", 12, 22), ("farmers’", 23, 31), ("x_y", 32, 35),
        ("a", 36, 37), ("--", 37, 39), ("b", 39, 40), ("--", 41, 43), ("—", 44, 45), ("don't", 46, 51),
        ("J.", 52, 54), ("Smith", 55, 60), (".", 60, 61), ("ends", 62, 66), (".", 66, 67),
    ]


def test_tokens_of_a_window_and_their_facts():
    text = "he said. “Who's there?” asked Anna Pávlovna"
    assert _words(text, 9, 23) == [("“", 9, 10), ("Who's", 10, 15), ("there", 16, 21), ("?", 21, 22), ("”", 22, 23)]
    who = tokens(text, 10, 15)[0]
    assert (who.low, who.bare, who.is_word, who.is_cap, who.possessive) == ("who's", "who", True, True, True)
    comma = tokens(", x")[0]
    assert (comma.low, comma.bare, comma.is_word, comma.is_cap, comma.possessive) == (",", ",", False, False, False)
    # The same word read again (its facts remembered) gives the same token at its own offsets.
    assert [(t.text, t.start, t.low) for t in tokens("Anna. Anna.")] == [
        ("Anna", 0, "anna"), (".", 4, "."), ("Anna", 6, "anna"), (".", 10, ".")]


def test_whole_word_is_not_found_inside_a_longer_word():
    assert whole_word("may").search("dismay, mayor and may-be") is None
    assert whole_word("may").search("it may rain").span() == (3, 6)
    assert whole_word("may").search("may rain").span() == (0, 3)
    # The character before the window still counts: "may" inside "dismay" is not a word there.
    assert whole_word("may").search("dismay may", 3).span() == (7, 10)


def test_analysis_collects_young_objects_less_often_and_restores_the_threshold(monkeypatch):
    before = gc.get_threshold()
    seen = []
    real = document.parse_structure

    def spy(text, markdown=False):
        seen.append(gc.get_threshold())
        return real(text, markdown=markdown)

    monkeypatch.setattr(document, "parse_structure", spy)
    document.analyse('"Yes," she said.')
    assert seen[0][0] == max(before[0], document._YOUNG_THRESHOLD) and seen[0][1:] == before[1:]
    assert gc.get_threshold() == before


def test_threshold_restored_when_the_analysis_fails(monkeypatch):
    before = gc.get_threshold()

    def broken(text, markdown=False):
        raise RuntimeError("boom")

    monkeypatch.setattr(document, "parse_structure", broken)
    with pytest.raises(RuntimeError):
        document.analyse("text")
    assert gc.get_threshold() == before
    assert document._gc_analyses == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 4), st.booleans()), max_size=40),
       st.integers(0, 4), st.integers(-50, 350), st.integers(-50, 350))
def test_last_before_is_the_nearest_mention_before(mentions, person, pos, lo):
    cast = Cast(People(), sorted(mentions))
    expected = next((p for p, idx, _ in cast.before(pos, lo) if idx == person), None)
    assert cast.last_before(person, pos, lo) == expected


def test_names_called_out_in_a_quotation():
    from reader.conversation import _vocatives

    assert _vocatives("Anna, come here. Good night, Mr. Darcy!") == ["Anna", "Mr. Darcy"]
    assert _vocatives("Oh Pierre, my dear Natásha; O Lord") == ["Pierre", "Natásha", "Lord"]
    # "dear" inside a word ("endear") is no call; a name must end its phrase.
    assert _vocatives("endear Anna, and Boris went") == []
    assert _vocatives("Well") == ["Well"]
    assert _vocatives("") == []
