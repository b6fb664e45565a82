"""Speakers as wire copy names them: a surname the recogniser leaves untagged, a capitalised
title, "the 58-year-old", a clause opened by a condition, a body's affidavit, a heading run into
the sentence. (text, expected quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

from kg.resolve.quotes import speakers
from kg.resolve.records import EntityRecord, QuoteRecord
from tests.extract.test_quotes import Expected, check, quotes

# a capitalised word the recogniser leaves untagged is the earlier name it is the last word of
SURNAMES = [
    (
        'Estonian President Marta Ilves met the press in Tallinn. "We will not give in to '
        'pressure from anyone," Ilves told reporters.',
        {("Marta Ilves", "We will not give in to pressure from anyone", True)},
    ),
    (
        "Marta Ilves met the press in Tallinn. Ilves told reporters that the border would stay "
        "open through the winter.",
        {("Marta Ilves", "the border would stay open through the winter", False)},
    ),
    (
        "Marta Ilves met Jonas Berg in Tallinn. Berg said the border would stay open through "
        "the winter.",
        {("Jonas Berg", "the border would stay open through the winter", False)},
    ),
    # a kind of speaker, however capitalised, names no one
    ("The Police said the driver had been drinking before the crash on the motorway.", set()),
]

# a capitalised title, or one with its office's words, is the role it is
TITLES = [
    (
        "Prime Minister Keith Mitchell arrived in Washington on Monday. The Prime Minister said "
        "the island would need more help from its neighbours.",
        {("Keith Mitchell", "the island would need more help", False)},
    ),
    # no one was given the title: the nearest person is not taken for it
    (
        "Keith Mitchell and Lena Vogt arrived in Washington on Monday. The Prime Minister said "
        "the island would need more help from its neighbours.",
        set(),
    ),
    (
        "Finance Minister Jana Kowalczyk met bankers on Monday. The finance minister said the "
        "budget would be balanced by next year.",
        {("Jana Kowalczyk", "the budget would be balanced by next year", False)},
    ),
    # a role someone has is not the one named before
    (
        'Jana Kowalczyk met bankers on Monday. "We will balance the budget by next year," the '
        "family lawyer said.",
        set(),
    ),
    (
        "Bronislaw Nowak took the oath of office on Friday. In his speech, the 58-year-old said "
        "Poland needed more cooperation between its parties.",
        {("Bronislaw Nowak", "Poland needed more cooperation", False)},
    ),
]

# a clause opened by a condition or a time of its own states; one that asks does not
CONDITIONS = [
    (
        "Human rights monitor Henrik Malvik said if that happens, activists will have to wait "
        "for the courts.",
        {("Henrik Malvik", "if that happens, activists will have to wait", False)},
    ),
    (
        "Henrik Malvik said when the war ended, the town had lost half of its people.",
        {("Henrik Malvik", "when the war ended, the town had lost half", False)},
    ),
    ("Henrik Malvik asked if the town would get help from the government.", set()),
]

# "indicated", "highlighted", "forecast" with a clause report speech; with a noun they state
# nothing
VERBS = [
    (
        "Mayor Ida Lund indicated on Monday that the bridge would reopen before the winter.",
        {("Ida Lund", "the bridge would reopen before the winter", False)},
    ),
    (
        "Ida Lund highlighted that the bridge would reopen before the winter.",
        {("Ida Lund", "the bridge would reopen before the winter", False)},
    ),
    ("Ida Lund indicated her support for the new bridge across the river.", set()),
    (
        "Henning Kagermann forecast that electric car sales would accelerate from next year.",
        {("Henning Kagermann", "electric car sales would accelerate", False)},
    ),
    # the parse makes a quoted word the subject; the name after the verb speaks
    (
        '"Congratulations to the people of Ukraine on a great victory for democracy," tweeted '
        "Jose Manuel Barroso, head of the European Commission.",
        {("Jose Manuel Barroso", "Congratulations to the people of Ukraine", True)},
    ),
]

# a body's document speaks for it; a plural kind of speaker names no one
OTHERS = [
    (
        "The defendants ran the network in three cities, according to an affidavit from "
        "Homeland Security.",
        {("Homeland Security", "The defendants ran the network in three cities", False)},
    ),
    (
        "Lena Vogt met the mayor on Monday. Officials said the port would need a new terminal "
        "by 2030.",
        set(),
    ),
]


@pytest.mark.parametrize("text, expected", SURNAMES + TITLES + CONDITIONS + VERBS + OTHERS)
def test_wire_speakers(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


def _entity(eid: str, typ: str) -> EntityRecord:
    return EntityRecord(eid, eid, typ, (), (eid,), False)


def _quote(doc: str, speaker: str, candidates: tuple[str, ...] = ()) -> QuoteRecord:
    ev = (doc, "", 0, 0, (0, 0), (0, 0), "quote.pronoun", 0.8, False)
    return QuoteRecord(speaker, "" if speaker else "Person", candidates, "words", True, ev)


# "he said": the first candidate of the type wanted, or of no type if it spoke by name in the
# same document; (entity types, named speakers before, candidates, who "he" is)
PRONOUNS = [
    ({"a": "Other", "b": "Person"}, ["a"], ("a", "b"), "a"),  # spoke by name: "he" goes on
    ({"a": "Other", "b": "Person"}, [], ("a", "b"), "b"),  # never spoke: not a person
    ({"a": "Place", "b": "Person"}, ["a"], ("a", "b"), "b"),  # a place that spoke is no "he"
    ({"a": "Other"}, [], ("a",), None),
]


@pytest.mark.parametrize("types, named, candidates, who", PRONOUNS)
def test_he_goes_on_with_a_name_of_no_type_that_spoke(types, named, candidates, who):
    entities = {k: _entity(k, t) for k, t in types.items()}
    key_entity = {k: k for k in types}
    said = [_quote("d1", n) for n in named] + [_quote("d1", "", candidates)]
    got = speakers(said, key_entity, entities)
    he = [eid for eid, q in got if not q.speaker]
    assert he == ([who] if who else [])


def test_a_name_that_spoke_in_another_document_is_not_he():
    entities = {"a": _entity("a", "Other"), "b": _entity("b", "Person")}
    said = [_quote("d1", "a"), _quote("d2", "", ("a", "b"))]
    got = speakers(said, {"a": "a", "b": "b"}, entities)
    assert [eid for eid, q in got if not q.speaker] == ["b"]


# (words, heads, deps, the speech verb, its subject): a parse with two subjects of one verb,
# as a heading run into the sentence gives ("Putin's last chance Speaking ..., Kerry said")
SUBJECTS = [
    (
        ["Last", "chance", "Speaking", "later", ",", "Vogt", "said", "it", "failed"],
        [1, 6, 6, 2, 6, 6, 6, 8, 6],
        ["amod", "nsubj", "advcl", "advmod", "punct", "nsubj", "ROOT", "nsubj", "ccomp"],
        6,
        5,
    ),
    (
        ["Vogt", "said", "it", "failed"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp"],
        1,
        0,
    ),
]


@pytest.mark.parametrize("words, heads, deps, verb, subj", SUBJECTS)
def test_the_nearest_subject_before_the_verb_speaks(words, heads, deps, verb, subj):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.extract.speaker_subjects import subject
    from kg.extract.tokens import Tokens

    sdoc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert subject(Tokens(sdoc), verb) == (subj, True)
