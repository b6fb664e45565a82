"""Organisations news names by one word, which the type model (fitted where a lone subject of
"said" is mostly a surname) reads as persons: a story's own words keep them organisations,
and a surname the story introduced by the full name stays a person."""

from __future__ import annotations

from collections import Counter

import pytest

import kg
from kg.defaults import TYPE_MODEL_WEIGHT
from kg.extract.records import RawMention
from kg.extract.types import lone_names

# (text, name, its type)
CASES = [
    # one mention's words say a company; the model's person reading of the others is undone
    (
        "Trelvane cut its profit forecast on Monday. Trelvane said demand in China had "
        "weakened. Shares of Trelvane fell 4 percent in Frankfurt. Trelvane said sales would "
        "recover next year.",
        "Trelvane",
        "Organization",
    ),
    # the buyer of a company: its object is a company's noun or described by one
    ("Vantrell agreed to buy the drone maker Skyquill for $2 billion.", "Vantrell", "Organization"),
    ("Orbanek bought the firm in 2019.", "Orbanek", "Organization"),
    # ...not a person who buys a house
    ("Margit Solberg bought a house in Oslo.", "Margit Solberg", "Person"),
    # "its" on the subject's own object
    ("Dravolt agreed to sell its shipping arm.", "Dravolt", "Organization"),
    # a ticker after the name
    ("Kestrova (NASDAQ: KSTV) said revenue rose.", "Kestrova", "Organization"),
    # the speaker of the quotation before the name is a person, whatever spaCy's label there
    ('"This is a turning point," Olaf Scholz told lawmakers.', "Olaf Scholz", "Person"),
    # ...but a body's own cue keeps a body's name a body's
    ('"We regret the delay," Kestrel Ferries said.', "Kestrel Ferries", "Organization"),
    # a carrier's trade as the last word of its name, where the type model read a place
    ("Bookings on Kestrel Ferries fell.", "Kestrel Ferries", "Organization"),
    # a legislature by its own word, which spaCy labels a product
    ("The bill passed the Bundestag with a large majority.", "Bundestag", "Organization"),
    ("The Storting approved the budget.", "Storting", "Organization"),
    # a programming language, which spaCy labels an organization: a product, as "X, a
    # programming language" says
    ("The site was built with PHP and MySQL.", "PHP", "Product"),
    ("The company rewrote its website in PHP last year.", "PHP", "Product"),
    ("Most of the code is written in PHP, Python and Java.", "Java", "Product"),
    ("PHP programmers are in demand.", "PHP", "Product"),
    # ...not the name before a program or a developer of other things
    ("The Kestrel Ferries website was down.", "Kestrel Ferries", "Organization"),
    # ...and "in" a name after a verb of making is no language where no program is said
    ("She wrote the novel in Berlin.", "Berlin", "Place"),
]


@pytest.mark.parametrize(("text", "name", "etype"), CASES)
def test_news_names_keep_their_type(pipeline, text, name, etype):
    types = {e.name: e.type for e in kg.build([text], model=pipeline).entities}
    assert types.get(name) == etype, types


def _mention(text: str, label: str, votes: dict[str, float], moved: float = 0.0) -> RawMention:
    m = RawMention("d", 0, len(text), text, label, Counter(votes))
    if moved:
        m.moved, m.moved_weight = "Person", moved
    return m


W = TYPE_MODEL_WEIGHT * 0.9  # a sure move


# (the document's other mentions, whether the moved mention's label vote comes back)
LONE = [
    # another mention's words say an organization: the move is taken back
    ([_mention("Orvane", "ORG", {"Organization": 2.5})], True),
    # no organization's cue in the document: a mononym keeps the model's reading
    ([_mention("Orvane", "ORG", {"Organization": 1.0})], False),
    # a person's full name ends with the word: the surname stays the person's
    (
        [
            _mention("Orvane", "ORG", {"Organization": 2.5}),
            _mention("Lise Orvane", "PERSON", {"Person": 1.0}),
        ],
        False,
    ),
    # ...a full name spaCy labelled an organization but no words say is one
    (
        [
            _mention("Orvane", "ORG", {"Organization": 2.5}),
            _mention("Lise-Marit Orvane", "ORG", {"Organization": 1.0, "Person": 0.5}),
        ],
        False,
    ),
    # a company's name that begins with the word: the word alone is its short name
    ([_mention("Orvane Freight Co", "ORG", {"Organization": 4.0})], True),
    # a company's name of two words that ends otherwise is no full name of the word
    (
        [
            _mention("Orvane", "ORG", {"Organization": 2.5}),
            _mention("Orvane Corp", "ORG", {"Organization": 4.0}),
        ],
        True,
    ),
]


@pytest.mark.parametrize(("others", "undone"), LONE)
def test_lone_names(others, undone):
    moved = _mention("Orvane", "ORG", {"Organization": 0.0, "Person": W}, moved=W)
    lone_names([moved, *others])
    assert (moved.votes["Organization"] == 1.0) == undone
    assert (moved.votes["Person"] == 0.0) == undone


def test_a_title_keeps_the_move():
    # "Mayor Orvane": the mention's own words say a person besides the model
    moved = _mention("Orvane", "ORG", {"Organization": 0.0, "Person": W + 1.0}, moved=W)
    lone_names([moved, _mention("Orvane", "ORG", {"Organization": 2.5})])
    assert moved.votes["Person"] == W + 1.0
