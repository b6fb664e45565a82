"""A fact whose object is a nationality word is its country's once a document names the
country: "Marta Ilves, an Estonian engineer" is a citizen of Estonia where a document names
Estonia, of the word's entity until then; the word stays an entity of its own, linked to the
country."""

from __future__ import annotations

import pytest

import kg
from kg.extract.mentions import extract
from kg.extract.records import RawMention
from kg.resolve.demonyms import country_object
from kg.resolve.resolver import Resolver


def _facts(pipeline, texts: list[str], predicate: str) -> list[tuple[str, str]]:
    docs = [kg.from_text(t, doc_id=f"d{n}") for n, t in enumerate(texts)]
    g = kg.build(docs, model=pipeline)
    return sorted((r.subject.name, r.object.name) for r in g.relations if r.predicate == predicate)


# (texts, a person, the object of their citizenship)
CITIZENS = [
    (
        ["Marta Ilves, an Estonian engineer, will lead the project. Estonia backs it."],
        "Marta Ilves",
        "Estonia",
    ),
    (["Kenji Sato, a Japanese engineer, moved to Japan in 2001."], "Kenji Sato", "Japan"),
    # no document names the country: the word's entity, which demonym_of will tie to it
    (["Marta Ilves, an Estonian engineer, will lead the project."], "Marta Ilves", "Estonian"),
    # the country named in another document is the same entity
    (
        ["Jean Dupont, a French engineer, left the firm.", "France won the match in Paris."],
        "Jean Dupont",
        "France",
    ),
]


@pytest.mark.parametrize(
    "texts, person, country", CITIZENS, ids=[f"{p}-{c}" for _, p, c in CITIZENS]
)
def test_a_citizenship_of_a_nationality_word_is_the_countrys(pipeline, texts, person, country):
    facts = _facts(pipeline, texts, "country_of_citizenship")
    assert (person, country) in facts
    # besides the country's, only the word's own fact, which the two share (kg.resolve.infer)
    assert {p for p, _ in facts} == {person} and len(facts) <= 2, facts


def test_the_word_stays_its_own_entity_linked_to_the_country(pipeline):
    text = "Marta Ilves, an Estonian engineer, will lead the project in Estonia."
    g = kg.build([text], model=pipeline)
    names = {e.name: e.type for e in g.entities}
    assert names.get("Estonian") == "Place" and names.get("Estonia") == "Place"
    assert [
        (r.subject.name, r.object.name) for r in g.relations if r.predicate == "demonym_of"
    ] == [("Estonian", "Estonia")]


def _mention(text: str, label: str) -> RawMention:
    return RawMention("d", 0, len(text), text, label)


# (word, its label, the fact's predicates, the country or None)
@pytest.mark.parametrize(
    "text, label, predicates, expected",
    [
        ("Estonian", "NORP", ("country_of_citizenship",), "estonia"),
        ("Japanese", "NORP", ("country_of_citizenship", "residence"), "japan"),
        ("Japanese", "NORP", ("country", "located_in"), None),  # a thing's: the word's
        ("Americans", "NORP", ("country_of_citizenship",), "united states"),
        ("Estonian", "NORP", ("member_of",), None),  # not a country's predicate
        ("Estonia", "GPE", ("country_of_citizenship",), None),  # a country's name already
        ("Catholics", "NORP", ("country_of_citizenship",), None),  # no nationality
    ],
)
def test_which_facts_move_to_the_country(text, label, predicates, expected):
    assert country_object(_mention(text, label), predicates) == expected


def test_a_country_named_in_a_later_batch_takes_the_fact(pipeline):
    texts = ["Marta Ilves, an Estonian engineer, will lead the project.", "Estonia backs it."]
    exs = list(extract([kg.from_text(t, doc_id=f"d{n}") for n, t in enumerate(texts)], pipeline))

    def citizenship(res) -> list[str]:
        """The citizenships read (not inferred: the word and its country share their facts,
        kg.resolve.infer)."""
        return [
            r.object.name
            for r in res.relations
            if r.predicate == "country_of_citizenship"
            and not any(" + " in e.rule for e in r.evidence)
        ]

    r = Resolver().add(exs[:1])
    assert citizenship(r.result()) == ["Estonian"]
    assert citizenship(r.add(exs[1:]).result()) == ["Estonia"]
