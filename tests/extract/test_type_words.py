"""What the words around a name say of its type beyond the name itself: who speaks or acts for
a body written right after its name, a statement as where a body speaks, and a town's name
where a person comes from (kg.extract.type_cues)."""

from __future__ import annotations

import pytest

import kg
from kg.defaults import NOUN_VOTE
from kg.extract.mentions import extract
from kg.extract.tokens import Tokens
from kg.extract.type_cues import from_town, in_towns, sited, spoken_for, stated
from kg.model import Block, Document
from kg.names import name_key


def _types(pipeline, text: str) -> dict[str, str]:
    return {e.name: e.type for e in kg.build([text], model=pipeline).entities}


# (text, name, its type): uncommon names whose type the words around them say; and names of
# persons those words must leave alone
CUES = [
    # the body's spokesman or chief written right after its name
    (
        "Baltic Norr chief executive Peeter Kask said the order was large.",
        "Baltic Norr",
        "Organization",
    ),
    ("Valmera chief executive Anna Berg said sales rose.", "Valmera", "Organization"),
    ("A Telvanni spokesman said the plant would reopen on Monday.", "Telvanni", "Organization"),
    ("Velmora boss Hans Riegel said sales rose in Germany last year.", "Velmora", "Organization"),
    # one mention's words type the name's every mention
    (
        "Baltic Yards will build two ferries. Baltic Yards chief executive Peeter Kask said "
        "the order was large.",
        "Baltic Yards",
        "Organization",
    ),
    # a company's last word, and a spokesman
    (
        "Deutsche Telekom will supply the network, Deutsche Telekom said in a statement. A "
        "Deutsche Telekom spokesman declined to comment.",
        "Deutsche Telekom",
        "Organization",
    ),
    # a town where a person comes from
    ("Marta Ilves, an engineer from Tartu, will lead the project.", "Tartu", "Place"),
    ("Jaan Tamm, a teacher from Viljandi, won the prize.", "Viljandi", "Place"),
    # persons stay persons
    ("A Clinton spokesman said the senator would vote against the bill.", "Clinton", "Person"),
    ("Putin's spokesman Dmitry Peskov said the talks went well.", "Putin", "Person"),
    ("Peeter Kask said in a statement that he would resign.", "Peeter Kask", "Person"),
    # an employer written with "from" is no town
    ("An analyst from Siemens said orders had slowed.", "Siemens", "Organization"),
]


@pytest.mark.parametrize("text, name, etype", CUES, ids=[f"{n}-{t[:25]}" for t, n, _ in CUES])
def test_the_words_around_a_name_say_its_type(pipeline, text, name, etype):
    assert _types(pipeline, text).get(name) == etype


# (text, the name's root token, expected): the spokesman rule alone
@pytest.mark.parametrize(
    "text, root, end, expected",
    [
        ("A Telvanni spokesman said it was closed.", 1, 2, True),
        # read as an apposition by the parser, and as a compound ("Valmera chief executive
        # Anna Berg"), where the company's words rule reads it
        (
            "Baltic Yards chief executive Peeter Kask said the order was worth 120 million euros.",
            1,
            2,
            True,
        ),
        ("Anna Berg, chief executive of Valmera, said sales rose.", 1, 2, False),  # a comma
        ("Valmera, a shipbuilder, said sales rose.", 0, 1, False),
        ("Putin's spokesman said the talks went well.", 0, 1, False),  # a possessive
    ],
)
def test_who_speaks_for_a_body(pipeline, text, root, end, expected):
    t = Tokens(pipeline(text))
    assert spoken_for(t, root, end) is expected


# (text, the speech verb's token, expected): the statement rule alone
@pytest.mark.parametrize(
    "text, verb, expected",
    [
        ("Valmera said in a statement that sales rose.", 1, True),
        ("Valmera said in a press release that sales rose.", 1, True),
        ("Valmera said in Tallinn that sales rose.", 1, False),
        ("Valmera said on Monday that sales rose.", 1, False),
    ],
)
def test_said_in_a_statement(pipeline, text, verb, expected):
    t = Tokens(pipeline(text))
    assert stated(t, verb) is expected


# (text, the name's token, expected): the town rule alone: a person's noun, "from" or "in",
# and a town of the list
@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("Marta Ilves, an engineer from Tartu, will lead it.", 6, True),
        ("Jaan Tamm, an engineer in Viljandi, won the prize.", 6, True),
        ("A researcher from Google said it was safe.", 3, False),  # no town
        ("The parcel from Tartu arrived late.", 3, False),  # no person's noun
        ("The delegation arrived in Tartu on Monday.", 4, False),  # a verb's: placed() reads it
    ],
)
def test_a_town_a_person_comes_from(pipeline, text, index, expected):
    t = Tokens(pipeline(text))
    assert from_town(t, index, name_key(t.orth[index])) is expected


# a town's name written in ASCII as news writes it ("Tromso") is the list's "Tromsø"
@pytest.mark.parametrize(
    "name, known",
    [
        ("Tartu", True),
        ("Viljandi", True),
        ("Tromsø", True),
        ("Tromso", True),
        ("Google", False),
        ("Baltic", False),
    ],
)
def test_the_towns_list(name, known):
    assert in_towns(name_key(name)) is known


# (text, index of the name, whether it is a town written before a work or site it holds)
@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("The sale of the Tromso mill was agreed on Monday.", 4, True),
        ("Workers at the Viljandi plant went on strike.", 3, True),
        ("Workers at the Google plant went on strike.", 3, False),  # no town
        ("The Tromso council met on Monday.", 1, False),  # no site
    ],
)
def test_a_town_before_a_site(pipeline, text, index, expected):
    t = Tokens(pipeline(text))
    assert sited(t, index, name_key(t.orth[index])) is expected


# (text, name, its type): a name the text describes by a kind noun in apposition or after "be"
# (kg.lexicon.KIND_NOUNS), which without that noun the recogniser or the type model reads as a
# person's
KINDS = [
    ("Volvane, the carmaker, said its sales rose in May.", "Volvane", "Organization"),
    ("Halden, a port on the Oslo fjord, grew quickly in the last century.", "Halden", "Place"),
    ("Nordhavn is a port with two ferry terminals.", "Nordhavn", "Place"),
    (
        "Nordvik Park, a stadium in the north of the town, holds 8,000 people.",
        "Nordvik Park",
        "Place",
    ),
    ("Kastrup Lodge is a hotel with forty rooms.", "Kastrup Lodge", "Place"),
    ("Grey Harbour is the fourth studio album by the trio.", "Grey Harbour", "Work"),
    ("Silent Fjord, a 2004 film, won a prize in Cannes.", "Silent Fjord", "Work"),
    ("The novel Winter Salt sold well in Norway.", "Winter Salt", "Work"),
    # a town's name before a site it holds, which the recogniser reads as a company's
    (
        "Arctic Fibre, a company founded in 2011 by the engineer Sigrid Haug, will lay a "
        "cable. The sale of the Tromso mill was agreed on Monday.",
        "Tromso",
        "Place",
    ),
    (
        "Arctic Fibre, a company founded in 2011 by the engineer Sigrid Haug, will lay a "
        "cable. The sale of the Tromso mill was agreed on Monday.",
        "Arctic Fibre",
        "Organization",
    ),
    # a person described by a calling stays a person
    ("Sanna Lind, a novelist, won the prize.", "Sanna Lind", "Person"),
]


# (text, name, describing noun, its type): a person by what he leads, knows or does, and an
# organization by a medium's noun; the noun's vote (NOUN_VOTE) outweighs a label the small
# model may give such a name ("Pavel Orlenko" read as an organization)
DESCRIBED = [
    (
        "A top Mariinsky dancer, Grigor Dmitrashenko, later admitted it.",
        "Grigor Dmitrashenko",
        "dancer",
        "Person",
    ),
    (
        "Followers of the exiled cleric Fethar Gulsen were arrested.",
        "Fethar Gulsen",
        "cleric",
        "Person",
    ),
    (
        "Klaus Bouvillon, the head of the ministers' conference, said so.",
        "Klaus Bouvillon",
        "head",
        "Person",
    ),
    (
        "Tarmo Kivisild, a leading expert on Baltic shipping, said so.",
        "Tarmo Kivisild",
        "expert",
        "Person",
    ),
    (
        "The talks were reported by Vesti, a news outlet close to the government.",
        "Vesti",
        "outlet",
        "Organization",
    ),
]


# (text, name, whether a place's own noun says it is one): "the island of X", "X province",
# "X-based"; not "the company of X" (no place's noun) nor "the X company"
PLACE_NOUNS = [
    ("Stray cats roam the island of Kalymnora in summer.", "Kalymnora", True),
    ("Fighting spread across Vessonde province in May.", "Vessonde", True),
    ("The Tarvik-based firm Nordlys Data hired forty engineers.", "Tarvik", True),
    ("He praised the company of Arvid Lunde at dinner.", "Arvid Lunde", False),
    ("The Nordlys company hired forty engineers.", "Nordlys", False),
    # a plural place noun after a body's name says its members
    ("Delegates of the Norvik Pact countries met in May.", "Norvik Pact", False),
]


@pytest.mark.parametrize("text, name, expected", PLACE_NOUNS)
def test_a_places_own_noun_says_it_is_one(pipeline, text, name, expected):
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    (m,) = [m for m in next(extract([doc], pipeline)).mentions if m.text == name]
    assert (m.votes["Place"] >= NOUN_VOTE) == expected


@pytest.mark.parametrize("text, name, noun, etype", DESCRIBED)
def test_a_describing_noun_votes_its_type(pipeline, text, name, noun, etype):
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    (m,) = [m for m in next(extract([doc], pipeline)).mentions if m.text == name]
    assert m.kind == noun
    assert m.votes[etype] >= NOUN_VOTE


@pytest.mark.parametrize("text, name, etype", KINDS, ids=[f"{n}-{t[:25]}" for t, n, _ in KINDS])
def test_a_kind_noun_that_describes_a_name_says_its_type(pipeline, text, name, etype):
    assert _types(pipeline, text).get(name) == etype
