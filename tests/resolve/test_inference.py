"""Inference (kg.resolve.infer): the facts that follow from read facts by the meaning of the
Wikidata properties, on facts made by hand (no parse)."""

from __future__ import annotations

import pytest

from kg.resolve.infer import infer
from kg.resolve.records import EntityRecord

TYPES = {
    "Velmora": "Place",  # a country of the test's own
    "Norland": "Place",
    "Dravik": "Place",  # a town
    "Ostmark": "Place",  # a region
    "Keld Range": "Place",  # mountains
    "Tessa Brandt": "Person",
    "Orrin Vale": "Person",
    "Halvard Works": "Organization",
    "Unity Party": "Organization",
    "Glass Harbour": "Work",
    "Norlandic": "Place",  # a nationality word
    "Danish": "Place",  # a nationality word of kg's places table
    "Denmark": "Place",
    "Puerto Rico": "Place",  # a territory another state holds (kg's places table)
    "Guam": "Place",
}


def _entities() -> dict[str, EntityRecord]:
    return {n: EntityRecord(n, n, t, (), (n,), False) for n, t in TYPES.items()}


def _inferred(
    facts, monkeypatch, countries=("Velmora", "Norland", "Norlandic", "Denmark", "Danish")
):
    """The facts inferred from ``facts`` ((subject, predicate, object, confidence)), by key."""
    # the test's own countries stand for countries kg's places table knows
    monkeypatch.setattr("kg.resolve.infer.is_country", lambda name: name in countries, raising=True)
    grouped = {
        (s, p, o): (("d", "a sentence", 0, 10, (0, 1), (2, 3), "test", c, False),)
        for s, p, o, c in facts
    }
    confs = {(s, p, o): c for s, p, o, c in facts}
    return infer(grouped, _entities(), confs)


CASES = [
    # a place in a country is of that country (Wikidata's P17 after P131)
    ([("Dravik", "located_in", "Velmora", 0.9)], ("Dravik", "country", "Velmora")),
    # a place or organization of a country lies in it
    ([("Halvard Works", "country", "Velmora", 0.9)], ("Halvard Works", "located_in", "Velmora")),
    # a capital lies in what it is the capital of
    ([("Dravik", "capital_of", "Ostmark", 0.9)], ("Dravik", "located_in", "Ostmark")),
    # a country's head of state is its citizen
    (
        [("Velmora", "head_of_state", "Tessa Brandt", 0.9)],
        ("Tessa Brandt", "country_of_citizenship", "Velmora"),
    ),
    # and so is its head of government
    (
        [("Velmora", "head_of_government", "Tessa Brandt", 0.9)],
        ("Tessa Brandt", "country_of_citizenship", "Velmora"),
    ),
    # born in a country's town: its citizen
    (
        [
            ("Tessa Brandt", "place_of_birth", "Dravik", 0.9),
            ("Dravik", "country", "Velmora", 0.9),
        ],
        ("Tessa Brandt", "country_of_citizenship", "Velmora"),
    ),
    # a member of a country's party: its citizen
    (
        [
            ("Orrin Vale", "member_of_political_party", "Unity Party", 0.9),
            ("Unity Party", "country", "Norland", 0.9),
        ],
        ("Orrin Vale", "country_of_citizenship", "Norland"),
    ),
    # mountains lie where the land under them does; an organization where its head office does
    (
        [
            ("Keld Range", "located_on_terrain", "Ostmark", 0.9),
            ("Ostmark", "located_in", "Velmora", 0.9),
        ],
        ("Keld Range", "located_in", "Velmora"),
    ),
    (
        [
            ("Halvard Works", "headquarters_location", "Dravik", 0.9),
            ("Dravik", "country", "Velmora", 0.9),
        ],
        ("Halvard Works", "country", "Velmora"),
    ),
    # a work's composer or director has it as a notable work
    (
        [("Glass Harbour", "director", "Orrin Vale", 0.9)],
        ("Orrin Vale", "notable_work", "Glass Harbour"),
    ),
    # a fact whose object is a nationality word is its country's too ...
    (
        [
            ("Ostmark", "located_in", "Norlandic", 0.9),
            ("Norlandic", "demonym_of", "Norland", 1.0),
        ],
        ("Ostmark", "located_in", "Norland"),
    ),
    # ... and so is one whose subject is
    (
        [
            ("Norlandic", "contains", "Ostmark", 0.9),
            ("Norlandic", "demonym_of", "Norland", 1.0),
        ],
        ("Norland", "contains", "Ostmark"),
    ),
    # a weaker reading is shared than leads a chain: the word and the country name one place
    (
        [
            ("Dravik", "country", "Norlandic", 0.4),
            ("Norlandic", "demonym_of", "Norland", 1.0),
        ],
        ("Dravik", "country", "Norland"),
    ),
    # and the country's are the word's
    (
        [
            ("Tessa Brandt", "country_of_citizenship", "Norland", 0.9),
            ("Norlandic", "demonym_of", "Norland", 1.0),
        ],
        ("Tessa Brandt", "country_of_citizenship", "Norlandic"),
    ),
    (
        [
            ("Ostmark", "located_in", "Norland", 0.9),
            ("Norlandic", "demonym_of", "Norland", 1.0),
        ],
        ("Ostmark", "located_in", "Norlandic"),
    ),
]


@pytest.mark.parametrize("facts, expected", CASES)
def test_inferred(facts, expected, monkeypatch):
    out = _inferred(facts, monkeypatch)
    assert expected in out, sorted(out)
    premise = max(c for *_, c in facts)
    assert all(e[7] < premise for e in out[expected])


NOT_INFERRED = [
    # a town in a region is not of the region as of a country
    ([("Dravik", "located_in", "Ostmark", 0.9)], ("Dravik", "country", "Ostmark")),
    # a work of a country does not lie in it (a film is no place)
    ([("Glass Harbour", "country", "Velmora", 0.9)], ("Glass Harbour", "located_in", "Velmora")),
    # a region's head is not its citizen
    (
        [("Ostmark", "head_of_state", "Tessa Brandt", 0.9)],
        ("Tessa Brandt", "country_of_citizenship", "Ostmark"),
    ),
    (
        [("Ostmark", "head_of_government", "Tessa Brandt", 0.9)],
        ("Tessa Brandt", "country_of_citizenship", "Ostmark"),
    ),
    # a weak reading leads to nothing
    ([("Dravik", "located_in", "Velmora", 0.3)], ("Dravik", "country", "Velmora")),
    (
        [("Dravik", "country", "Norlandic", 0.2), ("Norlandic", "demonym_of", "Norland", 1.0)],
        ("Dravik", "country", "Norland"),
    ),
    # a word and its country share no membership as its object
    (
        [
            ("Tessa Brandt", "member_of", "Norland", 0.9),
            ("Norlandic", "demonym_of", "Norland", 1.0),
        ],
        ("Tessa Brandt", "member_of", "Norlandic"),
    ),
    # the word is no place: it takes no place's country and contains nothing
    (
        [("Norland", "contains", "Ostmark", 0.9), ("Norlandic", "demonym_of", "Norland", 1.0)],
        ("Norlandic", "contains", "Ostmark"),
    ),
    (
        [("Ostmark", "country", "Denmark", 0.9), ("Danish", "demonym_of", "Denmark", 1.0)],
        ("Ostmark", "country", "Danish"),
    ),
    # a place of a nationality word read as a country does not lie in the word
    ([("Dravik", "country", "Danish", 0.9)], ("Dravik", "located_in", "Danish")),
    # a person's citizenship is not the country of the town she lives in
    (
        [("Tessa Brandt", "residence", "Dravik", 0.9), ("Dravik", "country", "Velmora", 0.9)],
        ("Tessa Brandt", "country_of_citizenship", "Velmora"),
    ),
]


@pytest.mark.parametrize("facts, unexpected", NOT_INFERRED)
def test_not_inferred(facts, unexpected, monkeypatch):
    assert unexpected not in _inferred(facts, monkeypatch)


SHARED_RULES = [
    # a word's fact given to its country, and a country's given to its word, are told apart
    # by their rule, so the evidence says which way the fact went
    (
        [("Ostmark", "located_in", "Norlandic", 0.9), ("Norlandic", "demonym_of", "Norland", 1.0)],
        ("Ostmark", "located_in", "Norland"),
        "located_in + demonym_of",
    ),
    (
        [("Ostmark", "located_in", "Norland", 0.9), ("Norlandic", "demonym_of", "Norland", 1.0)],
        ("Ostmark", "located_in", "Norlandic"),
        "located_in + demonym_of to the word",
    ),
]


@pytest.mark.parametrize("facts, expected, rule", SHARED_RULES)
def test_shared_facts_name_their_direction(facts, expected, rule, monkeypatch):
    out = _inferred(facts, monkeypatch)
    assert {e[6] for e in out[expected]} == {rule}


@pytest.mark.parametrize(
    ("land", "inferred"), [("Puerto Rico", False), ("Guam", False), ("Velmora", True)]
)
def test_a_territory_is_no_places_country(land: str, inferred: bool, monkeypatch) -> None:
    """A town in a territory another state holds lies in it, but has it for no country (its
    country is the state's); the places table has the territory for a country."""
    countries = ("Velmora", "Puerto Rico", "Guam")
    out = _inferred([("Dravik", "located_in", land, 0.9)], monkeypatch, countries)
    assert (("Dravik", "country", land) in out) is inferred
