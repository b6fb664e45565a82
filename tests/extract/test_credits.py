"""A wire story's credit: the source line's newspaper, agency or broadcaster after its city,
and an agency in brackets before a story's dash, read as organizations' names."""

from __future__ import annotations

import pytest

from kg.extract.credits import bracketed_agencies, source_lines
from kg.extract.mentions import extract
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
