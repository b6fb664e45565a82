"""Whose country a nationality word is, on news (kg.extract.countries, kg.extract.nationality):
a rule's reading of the word stands over the model's, a word that names no one country gives
none, a continent is no country, and a headline gives no fact with the sentence under it.
Sentences and mentions of our own making."""

from __future__ import annotations

import pytest

from kg.extract.countries import settle
from kg.extract.cuts import hard_breaks
from kg.extract.records import MODEL, DocExtraction, RawFact, RawMention
from kg.model import Block, Document
from tests.extract.rule_facts import check_rules


def _doc(text: str, names: list[tuple[str, str]]) -> DocExtraction:
    """A document of one block with a mention for each (name, spaCy label), first found."""
    out = DocExtraction(Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),)))
    for name, label in names:
        at = text.index(name)
        out.mentions.append(RawMention("d", at, at + len(name), name, label))
    return out


def _fact(out: DocExtraction, s: int, o: int, preds: tuple[str, ...], rule: str) -> RawFact:
    m = out.mentions[o]
    n = len(out.document.text)
    return RawFact(s, preds, o, rule, 0.9, (0, n), (m.start, m.end))


CITIZEN = ("country_of_citizenship",)


def _kept(out: DocExtraction) -> set[tuple[str, tuple[str, ...], str]]:
    settle(out, 0)
    return {
        (out.mentions[f.subject].text, f.predicates, out.mentions[f.object].text)  # type: ignore[index]
        for f in out.facts
    }


def test_a_word_a_rule_ties_to_one_person_is_not_the_next_ones() -> None:
    out = _doc(
        "She met the Danish envoy Mira Holm and Paul Roux, an adviser to the mayor.",
        [("Danish", "NORP"), ("Mira Holm", "PERSON"), ("Paul Roux", "PERSON")],
    )
    out.facts += [_fact(out, 1, 0, CITIZEN, "nationality"), _fact(out, 2, 0, CITIZEN, MODEL)]
    assert _kept(out) == {("Mira Holm", CITIZEN, "Danish")}


def test_a_persons_country_by_a_rule_stands_over_the_models_other() -> None:
    out = _doc(
        "Karl Stein, a Dutch student in France, said he liked it.",
        [("Karl Stein", "PERSON"), ("Dutch", "NORP"), ("France", "GPE")],
    )
    out.facts += [
        _fact(out, 0, 1, CITIZEN, "nationality-noun"),
        _fact(out, 0, 2, CITIZEN, MODEL),
        _fact(out, 0, 1, CITIZEN, MODEL),  # the same country, read by the model too
    ]
    assert _kept(out) == {("Karl Stein", CITIZEN, "Dutch")}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She hired non-Dutch coaches such as Karl Stein.", "Dutch"),
        ("He married the Swedish-Finnish painter Karl Stein.", "Swedish"),
        ("He married the Swedish-Finnish painter Karl Stein.", "Finnish"),
        ("Karl Stein leads ethnic Hungarian parties.", "Hungarian"),
        ("Karl Stein was the first Somali American mayor of the city.", "Somali"),
    ],
)
def test_a_word_of_no_one_country_gives_none(text: str, word: str) -> None:
    out = _doc(text, [("Karl Stein", "PERSON"), (word, "NORP")])
    out.facts.append(_fact(out, 0, 1, CITIZEN, MODEL))
    assert _kept(out) == set()


def test_a_plain_word_keeps_its_fact() -> None:
    out = _doc("The Dutch coach Karl Stein won.", [("Karl Stein", "PERSON"), ("Dutch", "NORP")])
    out.facts.append(_fact(out, 0, 1, CITIZEN, MODEL))
    assert _kept(out) == {("Karl Stein", CITIZEN, "Dutch")}


def test_a_continent_is_no_country() -> None:
    out = _doc("Tarsen is the smallest country in Africa.", [("Tarsen", "GPE"), ("Africa", "LOC")])
    out.facts += [
        _fact(out, 0, 1, ("located_in", "country"), "described-in"),
        _fact(out, 0, 1, ("country",), "described-in"),
    ]
    assert _kept(out) == {("Tarsen", ("continent",), "Africa")}


def test_hard_breaks() -> None:
    raw = (
        "Storm hits the coast\nThe storm that hit Halden on Monday was the worst in years,"
        "\nsaid Ana."
    )
    # the headline's end breaks; a long line of prose that ends mid-sentence is wrapped
    assert hard_breaks(raw) == [20]


# (text, facts the rules must read, facts they must not)
RULES = [
    # a noun of a body between the nationality word and the name: no citizenship
    (
        "Swiss daily Le Matin reported on Friday that the talks had failed.",
        set(),
        {("Le Matin", "country_of_citizenship", "Swiss")},
    ),
    (
        "Defending Italian champions Juventus beat Roma on Sunday.",
        set(),
        {("Juventus", "country_of_citizenship", "Italian")},
    ),
    (
        "The French minister Paul Roux met the press.",
        {("Paul Roux", "country_of_citizenship", "French")},
        set(),
    ),
    # a people's word on a region, and a people as a body
    (
        "Tarsia is a mainly ethnic Hungarian region.",
        set(),
        {("Tarsia", "country", "Hungarian")},
    ),
    (
        "Bello is a member of the Hausa ethnic group.",
        set(),
        {("Bello", "member_of", "Hausa")},
    ),
    (
        "Ana Ruiz is a member of the Green Party.",
        {("Ana Ruiz", "member_of_political_party", "Green Party")},
        set(),
    ),
    # two countries set side by side by a comma, as a headline does: neither lies in the other
    (
        "Peru, Chile still quarrel over fishing rights",
        set(),
        {("Peru", "located_in", "Chile"), ("Peru", "country", "Chile")},
    ),
    (
        "Talks between Serbia, Kosovo stall again",
        set(),
        {("Serbia", "located_in", "Kosovo"), ("Serbia", "country", "Kosovo")},
    ),
    (
        "She grew up in Malatya, Turkey, before moving abroad.",
        {("Malatya", "located_in", "Turkey")},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"), RULES, ids=[t[:40] for t, _, _ in RULES]
)
def test_rules(pipeline, text: str, expected: set, forbidden: set) -> None:
    check_rules(pipeline, text, expected, forbidden)


# (text, the place and the country or territory named, the predicates kept): a territory
# another state holds is no place's country, though the place lies in it
TERRITORIES = [
    (
        "Agents patrolled the harbor in Fajardo, Puerto Rico.",
        "Fajardo",
        "Puerto Rico",
        ("located_in",),
    ),
    ("The storm reached Kowloon, Hong Kong, at dawn.", "Kowloon", "Hong Kong", ("located_in",)),
    ("Agents patrolled the harbor in Lyon, France.", "Lyon", "France", ("country", "located_in")),
]


@pytest.mark.parametrize(("text", "place", "land", "kept"), TERRITORIES)
def test_a_territory_is_no_places_country(text: str, place: str, land: str, kept: tuple) -> None:
    out = _doc(text, [(place, "GPE"), (land, "GPE")])
    out.facts.append(_fact(out, 0, 1, ("country", "located_in"), MODEL))
    assert _kept(out) == {(place, kept, land)}
