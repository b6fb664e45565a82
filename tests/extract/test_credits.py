"""A wire story's credit: the source line's newspaper, agency or broadcaster after its city,
and an agency in brackets before a story's dash, read as organizations' names; the credit that
ends an article or a paragraph, whose names make no fact with the story's."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.extract.credits import bracketed_agencies, drop_facts, end_credits, source_lines
from kg.extract.mentions import extract
from kg.extract.records import DocExtraction, RawFact, RawMention
from kg.model import Block, Document
from kg.resolve import resolve

# (text, the (city, source) of its source lines)
LINES = [
    (
        "XY1204050196 Lisbon DIARIO POPULAR in Portuguese 3 Jan 96 p 4",
        [("Lisbon", "DIARIO POPULAR")],
    ),
    ("Warsaw RZECZPOSPOLITA", [("Warsaw", "RZECZPOSPOLITA")]),
    ("Rio de Janeiro O DIA", [("Rio de Janeiro", "O DIA")]),
    ("ZZ0301112295 Tallinn Radio Tallinn in Estonian 1100 GMT", [("Tallinn", "Radio Tallinn")]),
    ("Budget Talks Stall AB0707070795 Prague CTK in English", [("Prague", "CTK")]),
    # a line all in capitals is a headline's, not a source line
    ("PARIS MATCH", []),
    # prose: the words after the city are no source
    ("Lisbon was quiet on Sunday.", []),
    ("Lisbon Marathon Results", []),
]

# (text, the agencies in brackets before the story's dash)
AGENCIES = [
    ("Lima, March 3 (ANDINA) -- The cabinet met on Friday.", ["ANDINA"]),
    ("( Text ) Oslo , 4 May ( NTB ) -- Fishermen protested.", ["NTB"]),
    # a bracket inside a sentence is no credit
    ("The Nordic Council (NC) - an old body - met in Oslo.", []),
]


@pytest.mark.parametrize(("text", "expected"), LINES)
def test_source_lines(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(text[a:b], text[c:d]) for (a, b), (c, d) in source_lines(text)]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), AGENCIES)
def test_bracketed_agencies(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in bracketed_agencies(text)] == expected


# (text, the entities kg must find there, with their types)
ENTITIES = [
    (
        "XY1204050196 Lisbon DIARIO POPULAR in Portuguese 3 Jan 96 p 4",
        {("DIARIO POPULAR", "Organization"), ("Lisbon", "Place")},
    ),
    ("Warsaw RZECZPOSPOLITA", {("RZECZPOSPOLITA", "Organization"), ("Warsaw", "Place")}),
    # a source named after its city keeps the city's word
    (
        "QQ0902030496 Manila MANILA STANDARD in English 9 Feb 96 p 6",
        {("MANILA STANDARD", "Organization"), ("Manila", "Place")},
    ),
    (
        "Lima, March 3 (ANDINA) -- The cabinet met on Friday.",
        {("ANDINA", "Organization"), ("Lima", "Place")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENTITIES)
def test_credit_entities(pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    ents = resolve(extract([doc], pipeline)).entities
    assert expected <= {(e.name, e.type) for e in ents}


# (text, the credits that end its lines)
END_CREDITS = [
    ("Shells hit the airport, officials said. (AP, AFP)", ["(AP, AFP)"]),
    ("They met in Berlin.\nmm/rc (AFP, Reuters, dpa)", ["mm/rc (AFP, Reuters, dpa)"]),
    ('He left." ab,cd/ef (KNA, epd)', ["ab,cd/ef (KNA, epd)"]),
    ("The vote is on Monday. — Reuters", ["— Reuters"]),
    ("Shares fell 3 percent.\nXinhua, Kyodo (ab/cd)", ["Xinhua, Kyodo (ab/cd)"]),
    (
        "Prices rose. (Reporting by Jane Doe; Editing by John Roe)",
        ["(Reporting by Jane Doe; Editing by John Roe)"],
    ),
    ("Talks resumed. Additional reporting by Jane Doe", ["Additional reporting by Jane Doe"]),
    # a definition's bracket follows a name, not a sentence's end
    ("He joined the National Grid Authority (NGA)", []),
    ("He joined the National Grid Authority (NGA).", []),
    # a bracket or a dash inside a sentence is no credit
    ("The council (NC) met in Oslo on Friday.", []),
    ("It rained in Oslo -- and in Bergen.", []),
]


@pytest.mark.parametrize(("text", "expected"), END_CREDITS)
def test_end_credits(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in end_credits(text)] == expected


def test_a_credits_names_are_marked(pipeline) -> None:
    text = "Rebels shelled the airport in Donetsk on Sunday, officials said. (AP, AFP)"
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    (ex,) = extract([doc], pipeline)
    marked = {m.text: m.credit for m in ex.mentions}
    assert marked.get("Donetsk") is False and marked.get("AFP") is True


def test_a_credits_names_make_no_fact() -> None:
    text = "Rebels shelled Donetsk. (AFP)"
    names = [(15, 22, "Donetsk", "GPE", False), (25, 28, "AFP", "ORG", True)]
    ex = DocExtraction(
        Document(id="d", text=text),
        [RawMention("d", a, b, t, lab, Counter(), credit=c) for a, b, t, lab, c in names],
    )
    fact = RawFact(1, ("located_in",), 0, "model:across", 0.9, (0, 28), (15, 22))
    kept = RawFact(0, ("located_in",), "Ukraine", "rule", 0.9, (0, 23), (15, 22))
    ex.facts += [fact, kept]
    drop_facts(ex, 0, 0)
    assert ex.facts == [kept]
