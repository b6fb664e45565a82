"""Names the recogniser cut short joined again: a person's name in two pieces, a ruler's number,
an event's year, a place's division before its "of"; and the names that stay apart."""

from __future__ import annotations

import pytest

from kg.extract.joins import given_name_joins
from kg.extract.mentions import extract
from kg.extract.name_joins import (
    division_joins,
    linked_joins,
    model_numbers,
    person_joins,
    regnal,
    split_person_joins,
    year_joins,
)
from kg.extract.plain_words import english_words
from kg.extract.tokens import Tokens
from kg.model import Block, Document


def _doc(pipeline, words: list[str], tags: list[str] | None = None):
    from spacy.tokens import Doc

    return Doc(pipeline.vocab, words=words, tags=tags)


def _joined(pipeline, join, words, spans, tags=None) -> list[str]:
    from spacy.tokens import Span

    sdoc = _doc(pipeline, words, tags)
    found = [Span(sdoc, a, b, label=lab) for a, b, lab in spans]
    return [f"{s.text}/{s.label_}" for s in join(found, Tokens(sdoc))]


# (words, spans as the recogniser cut them, expected names/labels)
PERSONS = [
    # a full name's pieces: a name of two words and another that shares none of its words
    (
        ["brother", "Muhammaed", "Yasir", "Ahmed", "Taher", "plays"],
        [(1, 3, "PERSON"), (3, 5, "PERSON")],
        ["Muhammaed Yasir Ahmed Taher/PERSON"],
    ),
    # a surname the recogniser left out, with a ruler's number
    (
        ["Justice", "John", "Marshall", "Harlan", "II", "dissented"],
        [(1, 3, "PERSON"), (3, 5, "NAME")],
        ["John Marshall Harlan II/PERSON"],
    ),
    # two persons of one family, a name then a word of the language, a title, a place
    (
        ["father", "of", "Ferenc", "Puskás", "Lajos", "Puskás"],
        [(2, 4, "PERSON"), (4, 6, "PERSON")],
        ["Ferenc Puskás/PERSON", "Lajos Puskás/PERSON"],
    ),
    (["the", "Clinton", "Trump", "debate"], [(1, 2, "PERSON"), (2, 3, "PERSON")], None),
    (["Barack", "Obama", "Slams", "Congress"], [(0, 2, "PERSON"), (2, 3, "NAME")], None),
    (["Tony", "Blair", "Minister", "said"], [(0, 2, "PERSON"), (2, 3, "NAME")], None),
    (["John", "Smith", "BBC", "said"], [(0, 2, "PERSON"), (2, 3, "NAME")], None),
]


@pytest.mark.parametrize("words, spans, expected", PERSONS, ids=[" ".join(p[0]) for p in PERSONS])
def test_a_person_name_in_pieces_is_one(pipeline, words, spans, expected):
    words_of = english_words(pipeline)
    got = _joined(pipeline, lambda f, t: person_joins(f, t, words_of), words, spans)
    want = expected or [" ".join(words[a:b]) + f"/{lab}" for a, b, lab in spans]
    assert got == want


# a given name the recogniser left out before a full name: one word that is no word of the
# language ("Anatoly"); a title stays apart ("Anatomist")
GIVEN_BEFORE_FULL = [
    (["Anatoly", "Borisovich", "Chubais", "is"], ["Anatoly Borisovich Chubais/PERSON"]),
    (["met", "Janice", "Denise", "Rosemond", "today"], ["Janice Denise Rosemond/PERSON"]),
    (["Anatomist", "Jeffrey", "Laitman", "said"], None),
    (["met", "Anna", "Sandhu", "Ray", "today"], None),  # a word too: left as it was
]


@pytest.mark.parametrize(
    "words, expected", GIVEN_BEFORE_FULL, ids=[" ".join(g[0]) for g in GIVEN_BEFORE_FULL]
)
def test_a_given_name_before_a_full_name(pipeline, words, expected):
    first = 1 if words[0][0].islower() else 0
    spans = [(first, first + 1, "NAME"), (first + 1, first + 3, "PERSON")]
    words_of = english_words(pipeline)
    got = _joined(pipeline, lambda f, t: given_name_joins(f, t, words_of), words, spans)
    want = expected or [" ".join(words[a:b]) + f"/{lab}" for a, b, lab in spans]
    assert got == want


# (words, tags, spans, expected): a ruler's number after a person's name; "I" only before a
# preposition or punctuation, where it is no pronoun
REGNAL = [
    (
        ["King", "Carol", "I", "in", "1914"],
        ["NNP", "NNP", "PRP", "IN", "CD"],
        [(0, 2, "NAME")],
        ["King Carol I/NAME"],
    ),
    (
        ["Elector", "Frederick", "III", "formed", "it"],
        ["NNP", "NNP", "NNP", "VBD", "PRP"],
        [(1, 2, "PERSON"), (2, 3, "NAME")],
        ["Frederick III/PERSON"],
    ),
    (
        ["told", "Smith", "I", "was", "late"],
        ["VBD", "NNP", "PRP", "VBD", "JJ"],
        [(1, 2, "PERSON")],
        ["Smith/PERSON"],
    ),
    (
        ["Boeing", "V", "rose"],
        ["NNP", "NNP", "VBD"],
        [(0, 1, "ORG")],
        ["Boeing/ORG"],
    ),
]


@pytest.mark.parametrize(
    "words, tags, spans, expected", REGNAL, ids=[" ".join(r[0]) for r in REGNAL]
)
def test_a_rulers_number_is_part_of_the_name(pipeline, words, tags, spans, expected):
    assert _joined(pipeline, regnal, words, spans, tags) == expected


# an event's year read apart; not a year before a place or a body that is no event's
YEARS = [
    (
        ["at", "the", "2002", "Winter", "Olympics", "in"],
        [(1, 3, "EVENT"), (3, 5, "NAME")],
        ["the 2002 Winter Olympics/EVENT"],
    ),
    (
        ["the", "2014", "FIFA", "World", "Cup"],
        [(1, 2, "DATE"), (2, 5, "EVENT")],
        ["2014 FIFA World Cup/EVENT"],
    ),
    (
        ["in", "2002", "Acme", "Bank", "grew"],
        [(1, 2, "DATE"), (2, 4, "ORG")],
        ["2002/DATE", "Acme Bank/ORG"],
    ),
    (
        ["in", "1990", "Germany", "won"],
        [(1, 2, "DATE"), (2, 3, "GPE")],
        ["1990/DATE", "Germany/GPE"],
    ),
]


@pytest.mark.parametrize("words, spans, expected", YEARS, ids=[" ".join(y[0]) for y in YEARS])
def test_an_events_year_is_part_of_its_name(pipeline, words, spans, expected):
    assert _joined(pipeline, year_joins, words, spans) == expected


# a place's division and its "of" complement: one place; not "State of" (the state itself),
# a body's head, nor a division in lower case
DIVISIONS = [
    (
        ["native", "of", "Province", "of", "Potosí", ","],
        [(2, 3, "NAME"), (4, 5, "GPE")],
        ["Province of Potosí/GPE"],
    ),
    (
        ["the", "Metropolitan", "City", "of", "Bari", "in"],
        [(1, 3, "NAME"), (4, 5, "GPE")],
        ["Metropolitan City of Bari/GPE"],
    ),
    (
        ["the", "State", "of", "Texas", "sued"],
        [(1, 2, "NAME"), (3, 4, "GPE")],
        ["State/NAME", "Texas/GPE"],
    ),
    (
        ["the", "town", "of", "Guilderland", "voted"],
        [(3, 4, "GPE")],
        ["Guilderland/GPE"],
    ),
]


@pytest.mark.parametrize(
    "words, spans, expected", DIVISIONS, ids=[" ".join(d[0]) for d in DIVISIONS]
)
def test_a_places_division_and_its_of(pipeline, words, spans, expected):
    assert _joined(pipeline, division_joins, words, spans) == expected


# (words, tags, spans, expected): a model's number after a product's name, a model's code in
# capitals after a product's, a maker's or a run of proper nouns; not a count, a score or a year
MODELS = [
    (
        ["runs", "on", "Windows", "10", "and", "Linux"],
        ["VBZ", "IN", "NNP", "CD", "CC", "NNP"],
        [(2, 3, "PRODUCT"), (5, 6, "ORG")],
        ["Windows 10/PRODUCT", "Linux/ORG"],
    ),
    (
        ["the", "Nexus", "Q", "was", "shelved"],
        ["DT", "NNP", "NNP", "VBD", "VBN"],
        [(1, 2, "ORG"), (2, 3, "NAME")],
        ["Nexus Q/PRODUCT"],
    ),
    (
        ["sold", "Toyota", "15", "cars"],
        ["VBD", "NNP", "CD", "NNS"],
        [(1, 2, "ORG")],
        ["Toyota/ORG"],
    ),
    (
        ["Chelsea", "2", "Arsenal", "1"],
        ["NNP", "CD", "NNP", "CD"],
        [(0, 1, "ORG"), (2, 3, "ORG")],
        ["Chelsea/ORG", "Arsenal/ORG"],
    ),
    (
        ["Windows", "2010", "was", "sold"],
        ["NNP", "CD", "VBD", "VBN"],
        [(0, 1, "PRODUCT")],
        ["Windows/PRODUCT"],
    ),
    (
        ["the", "Airbus", "A320", "flew"],
        ["DT", "NNP", "NNP", "VBD"],
        [(1, 2, "ORG"), (2, 3, "NAME")],
        ["Airbus/ORG", "A320/NAME"],
    ),
    (
        ["Apple", "A", "grade"],
        ["NNP", "DT", "NN"],
        [(0, 1, "ORG")],
        ["Apple/ORG"],
    ),
]


@pytest.mark.parametrize(
    "words, tags, spans, expected", MODELS, ids=[" ".join(m[0]) for m in MODELS]
)
def test_a_models_number_is_part_of_its_name(pipeline, words, tags, spans, expected):
    assert _joined(pipeline, model_numbers, words, spans, tags) == expected


def _names(pipeline, text: str) -> list[str]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [m.text for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, names kg reads that carry votes): whole names the recogniser cut short or ran on
TEXTS = [
    # a person's name ends before the phrase in lower case the recogniser ran it into
    ("The club sacked Lucien Favre six games into the season.", ["Lucien Favre"]),
    # a short word in lower case links a surname the recogniser read apart; "vs" does not
    ("Prime Minister Kengo wa Dondo resigned on Tuesday.", ["Kengo wa Dondo"]),
    (
        "João Paulo de Leiria e Silva ( born 13 November 1964 in Luanda ) is a shooter.",
        ["João Paulo de Leiria e Silva", "Luanda"],
    ),
    # a calling before a person's name is no part of it
    ("Superstar DJ Diplo played in Miami.", ["Diplo", "Miami"]),
    # "and" inside a unit's name
    (
        "Officers of the Caribbean Air and Marine Branch seized the boat.",
        ["Caribbean Air and Marine Branch"],
    ),
    ("The update for Windows 10 was released on Tuesday.", ["Windows 10"]),
    (
        "He won at the 2002 Winter Olympics in Salt Lake City.",
        ["2002 Winter Olympics", "Salt Lake City"],
    ),
]


@pytest.mark.parametrize("text, expected", TEXTS, ids=[t[1][0] for t in TEXTS])
def test_names_cut_short_are_whole(pipeline, text, expected):
    assert _names(pipeline, text) == expected


# (words, spans, expected): a linker between a person's name and a capitalised name; not a
# function word nor "vs"
LINKED = [
    (
        ["Kengo", "wa", "Dondo", "resigned"],
        ["NNP", "NNP", "NNP", "VBD"],
        [(0, 1, "PERSON"), (1, 2, "NAME"), (2, 3, "ORG")],
        ["Kengo wa Dondo/PERSON"],
    ),
    (
        ["Leiria", "e", "Silva", "won"],
        ["NNP", "NNP", "NNP", "VBD"],
        [(0, 1, "PERSON"), (1, 3, "NAME")],
        ["Leiria e Silva/PERSON"],
    ),
    (
        ["Smith", "vs", "Jones", "ended"],
        ["NNP", "FW", "NNP", "VBD"],
        [(0, 1, "PERSON"), (2, 3, "PERSON")],
        ["Smith/PERSON", "Jones/PERSON"],
    ),
    (
        ["Qian", "met", "President", "Clinton"],
        ["NNP", "VBD", "NNP", "NNP"],
        [(0, 1, "PERSON"), (2, 4, "PERSON")],
        ["Qian/PERSON", "President Clinton/PERSON"],
    ),
]


@pytest.mark.parametrize(
    "words, tags, spans, expected", LINKED, ids=[" ".join(x[0]) for x in LINKED]
)
def test_a_linked_surname_is_part_of_the_name(pipeline, words, tags, spans, expected):
    assert _joined(pipeline, linked_joins, words, spans, tags) == expected


# (text, the pieces as the recogniser cut them, by word, expected names/labels)
SPLIT_PERSONS = [
    # a given name read as a place's, a surname as an organization's or left out
    (
        "With Lavinia Querrante on the bench, the side lost.",
        [(1, 2, "GPE"), (2, 3, "ORG")],
        ["Lavinia Querrante/PERSON"],
    ),
    (
        "The trial of Idris Vantaggio resumed.",
        [(3, 4, "GPE"), (4, 5, "PERSON")],
        ["Idris Vantaggio/PERSON"],
    ),
    # a given name that is a word of the language, left out, before a surname read as a body's
    (
        "Coach Pep Orlandini praised the players.",
        [(1, 2, "NAME"), (2, 3, "ORG")],
        ["Pep Orlandini/PERSON"],
    ),
    # ...but not a place's name, nor a word of the language labelled a product
    ("The Berlin Orlandini family sold it.", [(1, 2, "GPE"), (2, 3, "PERSON")], None),
    ("The Kestrel Galaxy phone sold well.", [(1, 2, "ORG"), (2, 3, "PRODUCT")], None),
    # one label for both: the recogniser's own reading of two names
    ("Lavinia Querrante met them.", [(0, 1, "GPE"), (1, 2, "GPE")], None),
]


@pytest.mark.parametrize("text, spans, expected", SPLIT_PERSONS, ids=[p[0] for p in SPLIT_PERSONS])
def test_a_person_name_cut_into_two_labels_is_one(pipeline, text, spans, expected):
    from spacy.tokens import Span

    sdoc = pipeline(text)
    found = [Span(sdoc, a, b, label=lab) for a, b, lab in spans]
    got = [
        f"{s.text}/{s.label_}"
        for s in split_person_joins(found, Tokens(sdoc), english_words(pipeline))
    ]
    assert got == (expected or [f"{s.text}/{s.label_}" for s in found])
