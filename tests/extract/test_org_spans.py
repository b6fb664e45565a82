"""Organizations' names the recogniser cut in two, one name again: a body's name and its
"of", "for" or "on" complement, a nationality before a ministry, a wire source in capitals;
and a name without the years it runs into."""

from __future__ import annotations

import pytest

from kg.extract.mentions import extract
from kg.model import Block, Document


def _names(pipeline, text: str) -> list[str]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [m.text for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, a name kg must read whole)
WHOLE = [
    (
        "Loans from the Federal Reserve Bank of Chicago rose sharply.",
        "Federal Reserve Bank of Chicago",
    ),
    (
        "He was the first Bishop of the Episcopal Diocese of Vermont.",
        "Episcopal Diocese of Vermont",
    ),
    (
        "The grant came from the Hewlett Foundation for the Advancement of Learning.",
        "Hewlett Foundation for the Advancement of Learning",
    ),
    ("Tokyo YOMIURI SHIMBUN in Japanese reported the talks.", "YOMIURI SHIMBUN"),
    (
        "She sang with the Moravian Song and Dance Ensemble for a decade.",
        "Moravian Song and Dance Ensemble",
    ),
    ("The land passed to the Fish and Wildlife Service in 1950.", "Fish and Wildlife Service"),
    (
        "She clerked at the United States Court of Appeals for the Ninth Circuit.",
        "United States Court of Appeals for the Ninth Circuit",
    ),
    # a team's score is no part of its name
    ("The final score was Royals 14, White Sox 5.", "White Sox"),
    # a faith's adjective before a name the recogniser left out
    ("Fighters who joined Islamic State came home last year.", "Islamic State"),
    # a university's campus after its system's name
    (
        "She is a chemist at the University of California, Irvine, who studies soils.",
        "University of California, Irvine",
    ),
    ("He taught at the University of Texas at Dallas for years.", "University of Texas at Dallas"),
    # a body's complement coordinated with "and", or with commas and "and"
    (
        "The Council for Peace and Order ruled the country for five years.",
        "Council for Peace and Order",
    ),
    (
        "She trained at the Leeds School of Music, Drama and Dance before the war.",
        "Leeds School of Music, Drama and Dance",
    ),
    (
        "The Federal Service for Film and Radio Broadcasting fined the station.",
        "Federal Service for Film and Radio Broadcasting",
    ),
]


@pytest.mark.parametrize("text, name", WHOLE, ids=[w[1] for w in WHOLE])
def test_organization_names_read_whole(pipeline, text, name):
    assert name in _names(pipeline, text)


# (text, names kg must read apart): a unit of a body and the body are two names; a place after
# "for" is whom a body works for
APART = [
    (
        "He sat on the Central Executive Committee of the Socialist Workers Party.",
        ["Central Executive Committee", "Socialist Workers Party"],
    ),
    (
        "Money from the Gates Foundation for Kenya built the clinic.",
        ["Gates Foundation", "Kenya"],
    ),
    # a longer name after "and" is a name of its own
    ("Microsoft and Apple Computer Company agreed.", ["Microsoft", "Apple Computer Company"]),
    # a country or a state after a university's name is where it is
    ("She studied at the University of Toronto, Canada, for a year.", ["Canada"]),
    # after a body's complement and "and": a place, a body or a name no word of the language
    (
        "Officials of the Ministry of Defence and Britain's army met.",
        ["Ministry of Defence", "Britain"],
    ),
    (
        "The Department of Energy and Congress disagreed on the budget.",
        ["Department of Energy", "Congress"],
    ),
    (
        "The Bank of Japan and Toyota Motor agreed on Monday.",
        ["Bank of Japan", "Toyota Motor"],
    ),
]


@pytest.mark.parametrize("text, names", APART, ids=[a[1][0] for a in APART])
def test_organization_names_kept_apart(pipeline, text, names):
    found = _names(pipeline, text)
    assert all(n in found for n in names), found


def test_head_joins_on_spans(pipeline):
    """The join itself, on spans as the recogniser may cut them."""
    from spacy.tokens import Doc, Span

    from kg.extract.org_joins import capital_joins, head_joins, nationality_joins
    from kg.extract.tokens import Tokens

    words = "the Acme Trust Bank of New Haven and the French Embassy".split()
    doc = pipeline(" ".join(words))
    t = Tokens(doc)
    found = [
        Span(doc, 1, 4, label="ORG"),
        Span(doc, 5, 7, label="GPE"),
        Span(doc, 9, 10, label="NORP"),
        Span(doc, 10, 11, label="ORG"),
    ]
    joined = nationality_joins(head_joins(found, t), t)
    assert [(s.text, s.label_) for s in joined] == [
        ("Acme Trust Bank of New Haven", "ORG"),
        ("French Embassy", "ORG"),
    ]
    caps = Doc(pipeline.vocab, words="KYIV HOLOS UKRAYINY in Ukrainian".split())
    ct = Tokens(caps)
    pieces = [Span(caps, 1, 2, label="NAME"), Span(caps, 2, 3, label="ORG")]
    assert [s.text for s in capital_joins(pieces, ct, caps.text)] == ["HOLOS UKRAYINY"]
    # a line break between the two keeps them apart
    raw = "KYIV HOLOS\nUKRAYINY in Ukrainian"
    assert len(capital_joins(pieces, ct, raw)) == 2


def test_years_after_a_name_cut_off(pipeline):
    """A name the recogniser ran into a range of years loses the range, not only its end."""
    from spacy.tokens import Span

    from kg.extract.bounds import trim
    from kg.extract.tokens import Tokens

    doc = pipeline("She served at the Department of Fisheries 1975 to 1980 in Dublin.")
    t = Tokens(doc)
    ent = Span(doc, 3, 10, label="ORG")  # "the Department of Fisheries 1975 to 1980"
    assert trim(ent, t).text == "Department of Fisheries"


def test_complement_after_a_name_ending_on_its_link(pipeline):
    """The recogniser may end a body's name on its "on" and read the complement apart."""
    from spacy.tokens import Span

    from kg.extract.org_joins import head_joins
    from kg.extract.tokens import Tokens

    doc = pipeline("He chaired the Senate Committee on Indian Affairs.")
    t = Tokens(doc)
    found = [Span(doc, 2, 6, label="ORG"), Span(doc, 6, 8, label="ORG")]
    assert [s.text for s in head_joins(found, t)] == ["the Senate Committee on Indian Affairs"]


def test_body_cut_from_the_body_it_belongs_to(pipeline):
    """A team of a league, a college of a university: two names; a part named by its whole
    ("the Council of the European Union") stays one."""
    from spacy.tokens import Span

    from kg.extract.org_joins import parent_pieces
    from kg.extract.tokens import Tokens

    doc = pipeline("He was drafted by the Green Bay Packers of the National Football League.")
    t = Tokens(doc)
    ent = Span(doc, 4, 13, label="ORG")
    assert [s.text for s in parent_pieces(ent, t)] == [
        "the Green Bay Packers",
        "National Football League",
    ]
    doc = pipeline("They met the Council of the European Union today.")
    t = Tokens(doc)
    ent = Span(doc, 2, 8, label="ORG")
    assert [s.text for s in parent_pieces(ent, t)] == ["the Council of the European Union"]


def test_season_after_a_team_cut_off(pipeline):
    """A number after a plural proper noun is a score or a season, whatever the label; after
    a singular one it may be the name's."""
    from spacy.tokens import Span

    from kg.extract.bounds import trim
    from kg.extract.tokens import Tokens

    doc = pipeline("He starred in the Sydney Swans 2005 season and visited Studio 54.")
    t = Tokens(doc)
    assert t.tag[5] == "NNPS"
    assert trim(Span(doc, 3, 7, label="FAC"), t).text == "Sydney Swans"
    assert trim(Span(doc, 10, 12, label="FAC"), t).text == "Studio 54"


# (words, the recogniser's reading: a NORP word, then a run of proper nouns it left out, and
# the names the join makes)
FAITHS = [
    # a faith's or a movement's word and a run of proper nouns: one body's name
    ("Islamic Caliphate Front", [("Islamic Caliphate Front", "ORG")]),
    ("Sunni Awakening Council", [("Sunni Awakening Council", "ORG")]),
    # not before a title or a calling: the person's name follows
    ("Catholic Bishop Ansgar", [("Catholic", "NORP"), ("Bishop Ansgar", "NAME")]),
    ("Islamic Cleric Omar", [("Islamic", "NORP"), ("Cleric Omar", "NAME")]),
    # nor after a nationality, one or two ("the German Chancellery")
    ("German Chancellery", [("German", "NORP"), ("Chancellery", "NAME")]),
    ("German-Russian Countess Sophia", [("German-Russian", "NORP"), ("Countess Sophia", "NAME")]),
]


@pytest.mark.parametrize("words, expected", FAITHS)
def test_a_faiths_word_joins_the_name_after_it(pipeline, words, expected):
    from spacy.tokens import Doc, Span

    from kg.extract.org_joins import nationality_joins
    from kg.extract.tokens import Tokens

    doc = Doc(pipeline.vocab, words=words.split())
    found = [Span(doc, 0, 1, label="NORP"), Span(doc, 1, len(doc), label="NAME")]
    joined = nationality_joins(found, Tokens(doc))
    assert [(s.text, s.label_) for s in joined] == expected
