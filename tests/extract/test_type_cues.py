"""What a document says a name is, against the recogniser's guess: a title or honorific, a
speech verb, a preposition of place, a surname the document wrote in full before, the other
names of a list it is in."""

from __future__ import annotations

from collections import Counter

import pytest

import kg
from kg.defaults import LIST_VOTE, LIST_WEAK
from kg.extract.mentions import extract
from kg.extract.tokens import Tokens
from kg.extract.type_cues import listed_votes
from kg.extract.types import placed, titled
from kg.model import Block, Document


def _types(pipeline, text: str) -> dict[str, str]:
    return {e.name: e.type for e in kg.build([text], model=pipeline).entities}


# (text, name, its type): uncommon names the small model types wrongly, typed by the words
# around them; and the names those words must leave alone
CUES = [
    # an honorific in the recogniser's name, a title before it
    ("Ms Ilves met the board on Monday.", "Ms Ilves", "Person"),
    ("Dr Aune Kask opened the clinic on Monday.", "Aune Kask", "Person"),
    ("Mayor Tiit Vahtra spoke on Monday.", "Tiit Vahtra", "Person"),
    # where a verb happens
    ("The delegation arrived in Viljandi on Monday.", "Viljandi", "Place"),
    ("Engineer Kaspar Rand arrived in Tartu on Monday.", "Tartu", "Place"),
    # a company's words and a person's employer keep the company
    ("She bought a stake in Tesla last year.", "Tesla", "Organization"),
    ("A researcher from Google said the model was safe.", "Google", "Organization"),
    ("Acme Corp said profits rose sharply.", "Acme Corp", "Organization"),
    # a speaker whose statement's subject is "it" is no person; "it was" is the clause's own
    ("Halvard said on Monday it would cut 5,000 jobs.", "Halvard", "Organization"),
    ("Brandt said it had agreed to sell the plant.", "Brandt", "Organization"),
    ("Smith said it was too early to tell.", "Smith", "Person"),
    # "a"/"an" and a kind noun right after the name's comma, wherever the parser hangs it
    (
        "Lindholm Steel agreed last month to sell the mill to Arctic Fibre, a company founded "
        "in 2011 by the engineer Sigrid Haug.",
        "Arctic Fibre",
        "Organization",
    ),
    # a town after a site and "in", as before it ("the Kalundborg refinery")
    ("The refinery in Kalundborg was shut on Monday.", "Kalundborg", "Place"),
    # a subject after the comma is the next clause's, not the name's
    ("In Viljandi, a teacher was elected mayor.", "Viljandi", "Place"),
    # the agent of what bodies do: publish, manufacture, operate
    ("The novel was first published by Parresia in 2015.", "Parresia", "Organization"),
    ("The trucks were manufactured by Pegaso until 1990.", "Pegaso", "Organization"),
    ("The novel was first published by Parresia in Nigeria.", "Nigeria", "Place"),
    # a party's word spaCy labels as it does nationalities is the party
    ("The Republicans won the vote in Ohio.", "Republicans", "Organization"),
    ("The Democratic senator spoke in Ohio.", "Democratic", "Organization"),
    ("The Social Democrats lost seats in Berlin.", "Social Democrats", "Organization"),
    ("He joined the Christian Democrats in 1972.", "Christian Democrats", "Organization"),
    # a nationality before a title says whose the office is, whatever the recogniser labels it
    ("Guatemalan President Ramiro Soto spoke on Monday.", "Guatemalan", "Place"),
    ("Honduran Foreign Minister Ana Ruiz arrived.", "Honduran", "Place"),
    # a club's own word outweighs a person's label
    ("Borussia Mönchengladbach lost 2-1 on Saturday.", "Borussia Mönchengladbach", "Organization"),
]


@pytest.mark.parametrize("text, name, etype", CUES, ids=[f"{n}-{t[:30]}" for t, n, _ in CUES])
def test_what_the_document_says_a_name_is(pipeline, text, name, etype):
    assert _types(pipeline, text).get(name) == etype


# (words, the name's first and last token, expected): the title rule alone
@pytest.mark.parametrize(
    "words, start, end, expected",
    [
        ("Ms Ilves met the board", 0, 2, True),
        ("Mayor Tiit Vahtra spoke", 1, 3, True),
        ("Engineer Kaspar Rand arrived", 1, 3, True),
        ("the Prince Edward Island ferry", 1, 4, False),
        ("the Burger King menu", 1, 3, False),
        ("The delegation met Tiit Vahtra", 3, 5, False),
    ],
)
def test_a_title_says_a_person(pipeline, words, start, end, expected):
    t = Tokens(pipeline(words))
    assert titled(start, end, t) is expected


# (text, the name's token, expected): the preposition rule alone: where someone is, goes or
# comes from
@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("The delegation arrived in Viljandi on Monday.", 4, True),
        ("She was born in Viljandi in 1970.", 4, True),
        ("He starred in Titanic in 1997.", 3, False),  # a work, not a place
        ("She resigned from Globex on Monday.", 3, False),
        ("She bought a stake in Tesla last year.", 5, False),
        ("A researcher from Google said the model was safe.", 3, False),
        ("The talks were held in France.", 5, False),  # a country votes by the table
        ("Viljandi lies in a valley.", 0, False),
    ],
)
def test_where_a_verb_happens(pipeline, text, index, expected):
    t = Tokens(pipeline(text))
    assert placed(t, index, t.lower[index]) is expected


def _mention_texts(pipeline, text: str) -> list[str]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [m.text for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, a surname, whether it is a name of its own): a word the tagger read as a common noun
# is a name where the document wrote it before as the last word of a full name
SURNAMES = [
    ("Marta Ilves designed the bridge. Ilves told reporters it was done.", "Ilves", 1),
    ("Kadri Saar designed the bridge. Saar told reporters it was done.", "Saar", 1),
    # the last word of a thing's name, from the lexicon, is no surname
    ("The World Bank lent money. Bank officials said the loan was large.", "Bank", 0),
    # a word written before any full name that ends with it is not one
    ("Ilves told reporters it was done. Marta Ilves designed the bridge.", "Ilves", 0),
]


@pytest.mark.parametrize("text, word, count", SURNAMES, ids=[w for _, w, _ in SURNAMES])
def test_a_surname_written_in_full_before(pipeline, text, word, count):
    assert _mention_texts(pipeline, text).count(word) == count


# (text, person, country word): a person's citizenship from a nationality on the noun that
# describes them, though the recogniser labelled the name an organization
CITIZENS = [
    ("Marta Ilves, an Estonian engineer from Tartu, designed the bridge.", "Marta Ilves"),
]


@pytest.mark.parametrize("text, person", CITIZENS)
def test_a_citizenship_of_a_name_the_recogniser_mistyped(pipeline, text, person):
    g = kg.build([text], model=pipeline)
    assert [
        r.object.type
        for r in g.relations
        if r.subject.name == person and r.predicate == "country_of_citizenship"
    ] == ["Place"]


def _listed(pipeline, text: str, names: list[str], votes, labels=None) -> list[Counter]:
    """The votes of ``names`` (spans of ``text``) after a list's vote."""
    doc = pipeline(text)
    t = Tokens(doc)
    roots = []
    for name in names:
        a = text.index(name)
        span = doc.char_span(a, a + len(name))
        roots.append(t.root(span.start, span.end))
    counters = [Counter(v) for v in votes]
    labels = labels or ["ORG"] * len(names)
    listed_votes(counters, roots, labels, t, weak=LIST_WEAK, weight=LIST_VOTE)
    return counters


def _top(c: Counter) -> str:
    return max(c, key=c.__getitem__)


LIST = "The cast included Ricardo Blume, Carmen Salinas and Tuulikki Vasar last year."
LIST_NAMES = ["Ricardo Blume", "Carmen Salinas", "Tuulikki Vasar"]


def test_a_list_types_the_name_its_own_words_leave_unsure(pipeline):
    people = {"Person": 1.0}
    out = _listed(pipeline, LIST, LIST_NAMES, [people, people, {"Organization": 1.0}])
    assert [_top(c) for c in out] == ["Person", "Person", "Person"]


@pytest.mark.parametrize(
    "votes, labels, expected",
    [
        # the name's own words say what it is: a describing noun's vote outweighs the list
        ([{"Person": 1.0}, {"Person": 1.0}, {"Organization": 3.0}], None, "Organization"),
        # no list's majority: one of each
        ([{"Person": 1.0}, {"Place": 1.0}, {"Organization": 1.0}], None, "Organization"),
        # a person's name in a list of organizations stays a person's (acts and bands)
        (
            [{"Organization": 1.0}, {"Organization": 1.0}, {"Person": 1.0}],
            ["ORG", "ORG", "PERSON"],
            "Person",
        ),
    ],
)
def test_what_a_list_leaves_alone(pipeline, votes, labels, expected):
    assert _top(_listed(pipeline, LIST, LIST_NAMES, votes, labels)[2]) == expected


def test_two_names_are_no_list(pipeline):
    text = "The cast included Carmen Salinas and Tuulikki Vasar last year."
    names = ["Carmen Salinas", "Tuulikki Vasar"]
    out = _listed(pipeline, text, names, [{"Person": 1.0}, {"Organization": 1.0}])
    assert _top(out[1]) == "Organization"


def test_a_religious_group_is_no_entity(pipeline):
    assert "Catholics" not in _types(pipeline, "Catholics and Muslims prayed in Berlin.")
