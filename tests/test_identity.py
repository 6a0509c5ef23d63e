"""One person across articles: which speakers' names are compatible (reader.identity)."""

from __future__ import annotations

import pytest

from reader.identity import SpeakerName, group_people, name_core


@pytest.mark.parametrize(
    "name, core",
    [
        ("Sergey Lavrov", ["Sergey", "Lavrov"]),
        ("Russian Foreign Minister Sergey Lavrov", ["Sergey", "Lavrov"]),
        ("Mr. Lavrov", ["Lavrov"]),
        ("White House press secretary Josh Earnest", ["Josh", "Earnest"]),
        ("Donald J. Trump", ["Donald", "J.", "Trump"]),
        ("Martin Luther King Jr.", ["Martin", "Luther", "King"]),
        ("Stephen King", ["Stephen", "King"]),
        ("Ludwig van Beethoven", ["Ludwig", "van", "Beethoven"]),
        ("Smith, spokesman", ["Smith"]),
        ("the senator", []),
        ("the President", []),
    ],
)
def test_name_core_drops_titles_and_descriptions(name, core):
    assert name_core(name) == core


def people(*speakers):
    """(name, kind, quotes[, mentions]) -> {person name: sorted member keys}."""
    names = [SpeakerName(i, s[0], s[1], tuple(s[3]) if len(s) > 3 else (), s[2]) for i, s in enumerate(speakers)]
    return {p.name: sorted(p.members) for p in group_people(names)}


def test_a_surname_and_a_titled_full_name_join_the_full_name():
    assert people(
        ("Lavrov", "person", 3),
        ("Sergey Lavrov", "person", 5),
        ("Russian Foreign Minister Sergey Lavrov", "person", 1),
    ) == {"Sergey Lavrov": [0, 1, 2]}


def test_people_sharing_a_surname_stay_apart_and_the_bare_surname_with_them():
    assert people(
        ("John Smith", "person", 2),
        ("Jane Smith", "person", 2),
        ("Smith", "person", 1),
    ) == {"John Smith": [0], "Jane Smith": [1], "Smith": [2]}


def test_an_initial_joins_the_one_given_name_it_can_stand_for():
    assert people(("J. Smith", "person", 4), ("John Smith", "person", 1)) == {"John Smith": [0, 1]}
    # two people it could stand for: it stays apart
    assert people(("J. Smith", "person", 4), ("John Smith", "person", 1), ("Jane Smith", "person", 1)) == {
        "J. Smith": [0], "John Smith": [1], "Jane Smith": [2]}


def test_a_middle_initial_need_not_agree():
    assert people(("Donald J. Trump", "person", 1), ("Donald Trump", "person", 9)) == {"Donald Trump": [0, 1]}


def test_an_honorific_picks_the_one_person_of_that_gender():
    found = people(
        ("Hillary Clinton", "person", 9),
        ("Bill Clinton", "person", 3),
        ("Clinton", "person", 1, ["Mrs. Clinton"]),
        ("Clinton", "person", 1, ["Mr. Clinton"]),
        ("Clinton", "person", 1),
    )
    assert found == {"Hillary Clinton": [0, 2], "Bill Clinton": [1, 3], "Clinton": [4]}


def test_descriptions_are_nobody_in_particular_and_organisations_join_by_name():
    names = [SpeakerName(0, "the senator", "person", (), 1), SpeakerName(1, "the senator", "person", (), 1),
             SpeakerName(2, "the White House", "organisation", (), 2), SpeakerName(3, "White House", "organisation", (), 1)]
    found = [(p.name, p.kind, p.members, p.quotes) for p in group_people(names)]
    assert found == [("the White House", "organisation", [2, 3], 3),
                     ("the senator", "person", [0], 1), ("the senator", "person", [1], 1)]


def test_a_person_the_sentence_made_look_like_an_organisation_is_a_person():
    assert people(("campaign manager Jeff Weaver", "organisation", 2), ("Jeff Weaver", "person", 3)) == {
        "Jeff Weaver": [0, 1]}


def test_every_speaker_is_in_exactly_one_person():
    names = [SpeakerName(i, n, "person", (), 1) for i, n in enumerate(
        ["A. B", "Ann B", "B", "Bob B", "Mr. B", "the man", "C", "Carl C", "Carl C"])]
    members = [k for p in group_people(names) for k in p.members]
    assert sorted(members) == list(range(len(names)))


def test_two_different_middle_initials_are_two_people():
    # and the name without one could be either: it stays apart
    assert people(("George W. Bush", "person", 5), ("George P. Bush", "person", 2), ("George Bush", "person", 1)) == {
        "George W. Bush": [0], "George P. Bush": [1], "George Bush": [2]}
    assert people(("George W. Bush", "person", 5), ("George Bush", "person", 1)) == {"George W. Bush": [0, 1]}
