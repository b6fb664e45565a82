"""Page structure read as structure (kg.extract.structure): no fact between two cells of a
table row, two entries of a list or two bullets, nor from a table row that is no sentence;
prose keeps its facts."""

from __future__ import annotations

import pytest

from kg.extract.mentions import extract
from kg.extract.structure import _top_semicolons, cells, lists
from kg.extract.tokens import Tokens
from kg.model import Block, Document

# (block text, its cells as (start, end))
CELLS = [
    ("Japanese | Romaji | English", [(0, 8), (11, 17), (20, 27)]),
    ("No separator here.", [(0, 18)]),
    ("Google Analytics • DoubleClick", [(0, 17), (18, 30)]),
    ("A|B", [(0, 3)]),  # a bar without spaces is no cell separator ("AT|T" in a name)
]


@pytest.mark.parametrize(("text", "expected"), CELLS)
def test_cells(text: str, expected: list[tuple[int, int]]) -> None:
    assert [(c.start, c.end) for c in cells(text)] == expected


# (sentence, where its semicolons outside brackets are)
SEMICOLONS = [
    ("A in B; C in D; E in F.", [6, 14]),
    ("Chupong (Thai; RTGS: Dan Chupong); born 1981", [33]),
    ("No list here.", []),
]


@pytest.mark.parametrize(("text", "expected"), SEMICOLONS)
def test_top_semicolons(text: str, expected: list[int]) -> None:
    assert _top_semicolons(text) == expected


# (sentence, the words heading the entries of its lists of names)
LISTS = [
    (
        "Turkey, Poland, Bonaire and Saba have been removed from the list.",
        {"Turkey", "Poland", "Bonaire", "Saba"},
    ),
    ("His children John, Paul and Mary live in Boston.", {"John", "Paul", "Mary"}),
    ("John Smith and his wife Mary Smith live in Boston.", set()),
    ("The study was run in Toronto, Canada.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_lists(pipeline, text: str, expected: set[str]) -> None:
    tab = Tokens(pipeline(text))
    assert {tab.orth[i] for i in lists(tab)} == expected


def test_a_place_and_its_country_are_no_list(pipeline) -> None:
    tab = Tokens(pipeline("In 1791 Mozart died in Vienna, Austria, at the age of 35."))
    assert lists(tab) == {}


def test_a_place_and_its_state_are_one_entry(pipeline) -> None:
    # the parser chains "Gary" and "Ind." as conjuncts of "Ohio": each place after a comma
    # joins its predecessor's entry, and no list is left to split "Gary, Ind."
    sdoc = pipeline("The company has plants in Dayton, Ohio, Gary, Ind., and Flint, Mich.")
    tab = Tokens(sdoc)
    places = frozenset(t.i for e in sdoc.ents if e.label_ in ("GPE", "LOC") for t in e)
    assert lists(tab) != {}  # without the places, a list of three
    assert lists(tab, places) == {}


def _facts(pipeline, kind: str, text: str) -> set[tuple[str, str, str]]:
    doc = Document("d", text, blocks=(Block(0, len(text), kind),))
    (ex,) = extract([doc], pipeline)
    return {
        (
            ex.mentions[f.subject].text,
            f.predicates[0],
            ex.mentions[f.object].text if isinstance(f.object, int) else f.object,
        )
        for f in ex.facts
    }


HOTELS = (
    "Current hotel properties include Hotel Sofia in Barcelona, Spain; Royal Palms Resort in "
    "Phoenix; The Confidante in Miami Beach, Florida; Hotel Martinez in Cannes, France."
)

# (block kind, text, pairs of names no fact may join): each pair was read as a fact, by the
# rules or the relation model, before structure was read
APART = [
    ("table", "Japanese | Romaji | English", {("Romaji", "Japanese")}),
    (
        "table",
        "Chi Onwurah | Newcastle upon Tyne Central | Labour",
        {("Chi Onwurah", "Tyne Central")},
    ),
    ("table", "Abbott, Diane | Hackney North | Labour", {("Hackney North", "Abbott")}),
    ("table", "Kolkata | India | 14.9 million", {("Kolkata", "India")}),
    (
        "table",
        "Rubeus Hagrid | 30 June, 1997 | Used it on his hut.",
        {("Rubeus Hagrid", "1997-06-30")},
    ),
    (
        "table",
        "Elliot Ackerman | Saladin Ambar, Rutgers University | Martin Amis | Nadine Strossen, "
        "New York Law School",
        {("Elliot Ackerman", "Rutgers University"), ("Saladin Ambar", "New York Law School")},
    ),
    (
        "table",  # one cell, no verb: names side by side
        "John Smith, Boston, Massachusetts",
        {("John Smith", "Boston"), ("John Smith", "Massachusetts")},
    ),
    (
        "paragraph",
        "Turkey, Poland, Bonaire and Saba have been removed from the list of travel corridors.",
        {("Turkey", "Poland"), ("Poland", "Turkey")},
    ),
    (
        "paragraph",
        HOTELS,
        {("Spain", "Phoenix"), ("Cannes", "Miami Beach"), ("Barcelona", "Miami Beach")},
    ),
    (
        "paragraph",
        "We use Google Analytics • DoubleClick cookies are set by Google • Our offices are in "
        "the United States.",
        {("Google", "United States")},
    ),
]


@pytest.mark.parametrize(("kind", "text", "pairs"), APART)
def test_no_fact_across_structure(pipeline, kind: str, text: str, pairs: set) -> None:
    joined = {(s, o) for s, _, o in _facts(pipeline, kind, text)}
    assert not {p for p in pairs if p in joined or p[::-1] in joined}


# (block kind, text, facts still read)
KEPT = [
    (
        "paragraph",
        "Tim Cook, the chief executive of Apple, spoke in Cupertino, California.",
        {("Tim Cook", "employer", "Apple"), ("Cupertino", "located_in", "California")},
    ),
    (
        "paragraph",
        "John Smith and his wife Mary Smith live in Boston.",
        {("John Smith", "spouse", "Mary Smith"), ("Mary Smith", "residence", "Boston")},
    ),
    (
        "paragraph",
        "The study was run in Toronto, Canada, by researchers of McGill University.",
        {("Toronto", "located_in", "Canada")},
    ),
    (
        "paragraph",
        HOTELS,
        {
            ("Hotel Martinez", "located_in", "Cannes"),
            ("Royal Palms Resort", "located_in", "Phoenix"),
        },
    ),
    # what a list states between its own entries
    (
        "paragraph",
        "They have three children: Anne Moreau, Luc Moreau and Paul Moreau.",
        {("Luc Moreau", "sibling", "Anne Moreau"), ("Anne Moreau", "sibling", "Paul Moreau")},
    ),
    # a table's cell that is a sentence states its facts
    (
        "table",
        "Anna Berg was born in Oslo in 1971. | Oslo",
        {("Anna Berg", "place_of_birth", "Oslo")},
    ),
]


@pytest.mark.parametrize(("kind", "text", "expected"), KEPT)
def test_prose_keeps_its_facts(pipeline, kind: str, text: str, expected: set) -> None:
    assert expected <= _facts(pipeline, kind, text)


def test_no_fact_across_a_headline(pipeline) -> None:
    # a document given as one block still begins with its headline, which the parse runs
    # into the sentence under it: a fact within that one sentence stands on one side alone
    from kg.extract.records import MODEL, DocExtraction, RawFact, RawMention
    from kg.extract.structure import apart

    text = "Storms close Tarsen port\nLindow officials said the Tarsen port would reopen."
    out = DocExtraction(Document("d", text, blocks=(Block(0, len(text), "paragraph"),)))
    for name, at in (("Tarsen", 13), ("Lindow", 25), ("Tarsen", text.rindex("Tarsen"))):
        out.mentions.append(RawMention("d", at, at + len(name), name, "GPE"))
    whole, m = (0, len(text)), out.mentions[2]
    out.facts += [
        RawFact(1, ("located_in",), 0, MODEL, 0.9, whole, (13, 19)),  # across the headline
        RawFact(1, ("located_in",), 2, MODEL, 0.9, whole, (m.start, m.end)),
    ]
    apart(out, Tokens(pipeline(text)), 0, "paragraph", 0)
    assert [f.object for f in out.facts] == [2]


def test_two_large_cities_are_two_entries(pipeline) -> None:
    tab = Tokens(pipeline("Berlin, Munich, Cologne and Frankfurt have all applied to host it."))
    places = frozenset(range(tab.n))  # every token a place's, as the parse has them
    assert {0, 2} <= set(lists(tab, places))  # "Berlin" and "Munich", each an entry
