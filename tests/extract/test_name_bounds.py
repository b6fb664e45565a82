"""Where a name begins and ends: names the recogniser cut in two joined again (an "of"
complement, a given name), and a name without the function words it ends on or the title it
begins with."""

from __future__ import annotations

import pytest

from kg.extract.bounds import junk, trim
from kg.extract.joins import (
    given_name_joins,
    hyphen_joins,
    of_joins,
    office_start,
    open_end,
    title_start,
)
from kg.extract.mentions import extract
from kg.extract.tokens import Tokens
from kg.model import Block, Document


def _names(pipeline, text: str) -> list[str]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [m.text for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, names kg reads that carry votes): the whole name, cut nowhere else
TEXTS = [
    (
        "Finnegan was appointed a judge for the Circuit Court of Cook County.",
        ["Finnegan", "Circuit Court of Cook County"],
    ),
    ("The convoy crossed the Bay of Biscay at night.", ["Bay of Biscay"]),
    (
        "Editors such as Raymond Burgard, Émile Coornaert and Paul Petit wrote for it.",
        ["Raymond Burgard", "Émile Coornaert", "Paul Petit"],
    ),
    ("She played with Sonny Clark and Cecil Taylor in 1958.", ["Sonny Clark", "Cecil Taylor"]),
    # a person's name that follows another place at once stays apart from it
    ("Tony Day of Cape Town started the campaign.", ["Tony Day", "Cape Town"]),
    # a local or national legislator's office before the name is no part of it
    (
        '"It is a win," said Supervisor Carlos Medina of Sonoma County.',
        ["Carlos Medina", "Sonoma County"],
    ),
    ('"We will vote," said Congresswoman Ellen Park of Ohio.', ["Ellen Park", "Ohio"]),
    # a name ends on no "and": "Chihuahua and" is "Chihuahua"
    ("The deal was signed by Chihuahua and Sonora last year.", ["Chihuahua", "Sonora"]),
    # a place's kind in lower case after its name is no part of it
    ("Fighting spread across Kandahar province on Sunday.", ["Kandahar"]),
    # a title before a person's name is no part of it, nor of a given name
    (
        "Foreign Minister Qian Qichen met President Bill Clinton.",
        ["Qian Qichen", "Bill Clinton"],
    ),
    ("The vote was close, Spokesman KK Khumalo said.", ["KK Khumalo"]),
    # a word in lower case begins no name; a surname's particle may
    ("He sat on the state Commission on Judicial Conduct.", ["Commission on Judicial Conduct"]),
    ("It was held at every National Conference.", ["National Conference"]),
    ("Charles de Gaulle spoke.", ["Charles de Gaulle"]),
    # a title run into one name between a body's and a person's is neither name's part
    (
        '"This purchase marks a milestone," Siemens Chief Executive Roland Busch said.',
        ["Siemens", "Roland Busch"],
    ),
]


@pytest.mark.parametrize("text, expected", TEXTS, ids=[t[1][-1] for t in TEXTS])
def test_where_names_begin_and_end(pipeline, text, expected):
    assert _names(pipeline, text) == expected


def _doc(pipeline, words: list[str], tags: list[str] | None = None):
    from spacy.tokens import Doc

    return Doc(pipeline.vocab, words=words, tags=tags)


# (words, spans as the recogniser cut them, expected names): a name that ends on "of" (or
# "of the") and the name after it are one name; not a person's, nor where a word comes between
OF_JOINS = [
    (
        ["the", "Bank", "of", "England", "rose"],
        [(0, 3, "ORG"), (3, 4, "GPE")],
        ["the Bank of England"],
    ),
    (
        ["Court", "of", "the", "Hague", "ruled"],
        [(0, 3, "ORG"), (3, 4, "GPE")],
        ["Court of the Hague"],
    ),
    (["Tony", "Day", "of", "Cape", "Town"], [(0, 3, "PERSON"), (3, 5, "GPE")], None),
    (["Bank", "of", "in", "England"], [(0, 2, "ORG"), (3, 4, "GPE")], None),
    # "of" must end the name: "Bank of Italy" then "Rome" are two
    (["Bank", "of", "Italy", "Rome"], [(0, 3, "ORG"), (3, 4, "GPE")], None),
]


@pytest.mark.parametrize("words, spans, expected", OF_JOINS, ids=[" ".join(w[0]) for w in OF_JOINS])
def test_a_name_cut_before_its_complement_is_joined(pipeline, words, spans, expected):
    from spacy.tokens import Span

    sdoc = _doc(pipeline, words)
    found = [Span(sdoc, a, b, label=lab) for a, b, lab in spans]
    got = [s.text for s in of_joins(found, Tokens(sdoc))]
    assert got == (expected if expected is not None else [s.text for s in found])


# (words with their spaces, spans as the recogniser cut them, expected names): a hyphen written
# without spaces joins a labelled name and the run of proper nouns after it; not a person's
# ("the Putin-Aso talks" are two persons'), nor a hyphen between spaces
HYPHENS = [
    (
        [("Saxony", False), ("-", False), ("Anhalt", True), ("voted", False)],
        [(0, 1, "GPE"), (2, 3, "NAME")],
        [("Saxony-Anhalt", "GPE")],
    ),
    (
        [("Nordic", False), ("-", False), ("Baltic", True), ("Bank", False)],
        [(0, 1, "ORG"), (2, 4, "NAME")],
        [("Nordic-Baltic Bank", "ORG")],
    ),
    (
        [("Lind", False), ("-", False), ("Berg", True), ("talks", False)],
        [(0, 1, "PERSON"), (2, 3, "NAME")],
        [("Lind", "PERSON"), ("Berg", "NAME")],
    ),
    (
        [("Oslo", True), ("-", True), ("Bergen", False)],
        [(0, 1, "GPE"), (2, 3, "NAME")],
        [("Oslo", "GPE"), ("Bergen", "NAME")],
    ),
]


@pytest.mark.parametrize("words, spans, expected", HYPHENS)
def test_a_hyphen_joins_a_name_to_the_words_after_it(pipeline, words, spans, expected):
    from spacy.tokens import Doc, Span

    sdoc = Doc(pipeline.vocab, words=[w for w, _ in words], spaces=[sp for _, sp in words])
    found = [Span(sdoc, a, b, label=lab) for a, b, lab in spans]
    assert [(s.text, s.label_) for s in hyphen_joins(found, Tokens(sdoc))] == expected


# (words, tags, spans, expected names): a run of proper nouns the recogniser left out before a
# person's surname is its given name; a title, a portfolio, a nationality, a word in capitals or
# a person's full name is none
GIVEN = [
    (["Émile", "Coornaert", "wrote"], [(0, 1, "NAME"), (1, 2, "PERSON")], ["Émile Coornaert"]),
    (["J.R.R.", "Tolkien", "wrote"], [(0, 1, "NAME"), (1, 2, "PERSON")], ["J.R.R. Tolkien"]),
    (
        ["Darly", "Alves", "da", "Silva", "fled"],
        [(0, 3, "NAME"), (3, 4, "PERSON")],
        ["Darly Alves da Silva"],
    ),
    (["da", "Silva", "fled"], [(0, 1, "NAME"), (1, 2, "PERSON")], None),
    (["President", "Obama", "spoke"], [(0, 1, "NAME"), (1, 2, "PERSON")], None),
    (["Finance", "Filkus", "spoke"], [(0, 1, "NAME"), (1, 2, "PERSON")], None),
    (["American", "Perez", "won"], [(0, 1, "NAME"), (1, 2, "PERSON")], None),
    (["BART", "Bianco", "said"], [(0, 1, "NAME"), (1, 2, "PERSON")], None),
    (["Anatomist", "Jeffrey", "Laitman"], [(0, 1, "NAME"), (1, 3, "PERSON")], None),
    (["Emile", "Coornaert", "wrote"], [(0, 1, "NAME"), (1, 2, "ORG")], None),
]


@pytest.mark.parametrize("words, spans, expected", GIVEN, ids=[" ".join(g[0]) for g in GIVEN])
def test_a_given_name_left_out_is_joined(pipeline, words, spans, expected):
    from spacy.tokens import Span

    sdoc = _doc(pipeline, words)
    found = [Span(sdoc, a, b, label=lab) for a, b, lab in spans]
    got = [s.text for s in given_name_joins(found, Tokens(sdoc))]
    assert got == (expected if expected is not None else [s.text for s in found])


# (words, tags, expected end): no name ends on a lower-case preposition, conjunction or
# determiner; a one-word name keeps its word
OPEN_ENDS = [
    (["Senate", "Committee", "on"], ["NNP", "NNP", "IN"], 2),
    (["Movement", "for", "Peace", "and"], ["NNP", "IN", "NNP", "CC"], 3),
    (["Bay", "of", "the"], ["NNP", "IN", "DT"], 1),
    (["Bank", "of", "England"], ["NNP", "IN", "NNP"], 3),
    (["Of"], ["IN"], 1),
]


@pytest.mark.parametrize(
    "words, tags, expected", OPEN_ENDS, ids=[" ".join(o[0]) for o in OPEN_ENDS]
)
def test_no_name_ends_on_a_function_word(pipeline, words, tags, expected):
    sdoc = _doc(pipeline, words, tags)
    assert open_end(len(words), 0, Tokens(sdoc)) == expected


# (words, expected start): a person's name begins after its titles, keeping one word at least
TITLED = [
    (["Spokesman", "KK", "Khumalo"], 1),
    (["General", "Pervez", "Musharraf"], 1),
    (["Roman", "Emperor", "Julius"], 0),
    (["Emperor", "Julius", "Caesar"], 0),  # a ruler's title: resolution's business
    (["Sheik", "Abdul", "Karim"], 0),
    (["Sen.", "Robert", "Kennedy"], 1),
    (["President"], 0),
    (["Frau", "Merkel"], 0),
    (["Grace", "Kelly"], 0),
    # a calling or a rank written as a title
    (["Detective", "Ann", "Moss"], 1),
    (["Drummer", "Lars", "Berg"], 1),
    (["Rear", "Admiral", "Ann", "Moss"], 2),
    (["Professor", "Ann", "Moss"], 1),
    (["Officer", "Moss"], 1),
    # a given name, or a churchman's rank named with the name
    (["Deacon", "Moss"], 0),
    (["Cardinal", "Moss"], 0),
    # a doctor's title before a full name, not before one word, which it may be the name of
    (["Dr.", "Ann", "Moss"], 1),
    (["Prof.", "Dr.", "Ann", "Moss"], 2),
    (["Dr.", "Moss"], 0),
]


@pytest.mark.parametrize("words, expected", TITLED, ids=[" ".join(t[0]) for t in TITLED])
def test_a_persons_name_begins_after_its_title(pipeline, words, expected):
    sdoc = _doc(pipeline, words)
    assert title_start(0, len(words), Tokens(sdoc)) == expected


# (text, names kg reads): a road's number is part of its name, and a road is a facility; a
# score after a team's name is none
NUMBERED = [
    (
        "The town lies on U.S. Route 20 and County Route 501.",
        [("U.S. Route 20", "FAC"), ("County Route 501", "FAC")],
    ),
    ("Traffic on Interstate 95 was slow.", [("Interstate 95", "FAC")]),
    ("Hampshire 232 all out.", [("Hampshire", "PERSON")]),
]


@pytest.mark.parametrize("text, expected", NUMBERED, ids=[n[1][0][0] for n in NUMBERED])
def test_a_roads_number_is_its_names(pipeline, text, expected):
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    got = [(m.text, m.label) for m in next(extract([doc], pipeline)).mentions]
    assert got == expected


# (text, nationality words kg reads): one of two nationalities is cut into them; one
# nationality of two words, or with a word that is none, stays whole or goes
NATIONALITIES = [
    ("They jailed Japanese Americans.", ["Japanese", "Americans"]),
    ("They jailed Japanese - American dissidents.", ["Japanese", "American"]),
    ("He is a South Korean writer.", ["South Korean"]),
    ("He is a Latin American writer.", []),
]


@pytest.mark.parametrize("text, expected", NATIONALITIES, ids=[n[0] for n in NATIONALITIES])
def test_two_nationalities_are_two_words(pipeline, text, expected):
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    got = [m.text for m in next(extract([doc], pipeline)).mentions if m.label == "NORP"]
    assert got == expected


# (text, names kg reads with votes): an ordinal in figures before a unit's or a body's name is
# part of it; not before a country's, nor one in words
ORDINALS = [
    (
        "He appealed to the 5th U.S. Circuit Court of Appeals in New Orleans.",
        ["5th U.S. Circuit Court of Appeals", "New Orleans"],
    ),
    (
        "The 24th Infantry Division and the 12th Brigade moved north.",
        ["24th Infantry Division", "12th Brigade"],
    ),
    ("Lincoln was the 16th U.S. president.", ["Lincoln", "U.S."]),
]


@pytest.mark.parametrize("text, expected", ORDINALS, ids=[o[1][0] for o in ORDINALS])
def test_an_ordinal_in_figures_begins_a_units_name(pipeline, text, expected):
    assert _names(pipeline, text) == expected


# (text, names kg reads that carry votes): an office's title and its "of" or "for" are no part
# of the body's or place's name after them; a title of no office, or a place named "of" a
# place, keeps its whole name
OFFICES = [
    (
        "Donald Wuerl, the former Bishop of Pittsburgh, spoke on Sunday.",
        ["Donald Wuerl", "Pittsburgh"],
    ),
    ("The Mayor of London, Sadiq Khan, opened the bridge.", ["London", "Sadiq Khan"]),
    ("The President of the United States arrived in Paris.", ["United States", "Paris"]),
    (
        "She is Co-Chief Executive Officer of Power Corporation of Canada.",
        ["Power Corporation of Canada"],
    ),
    ("The Governor of the Bank of England raised rates.", ["Bank of England"]),
    ("She lives in the District of Columbia.", ["District of Columbia"]),
    ("The convoy crossed the Bay of Biscay at night.", ["Bay of Biscay"]),
]


@pytest.mark.parametrize("text, expected", OFFICES, ids=[o[1][0] for o in OFFICES])
def test_an_offices_title_is_no_part_of_its_bodys_name(pipeline, text, expected):
    assert _names(pipeline, text) == expected


# (words, expected start): the start of a body's name after an office's title and its "of"
OFFICE_STARTS = [
    (["Bishop", "of", "Pittsburgh"], 2),
    (["Minister", "for", "Trade"], 2),
    (["Archbishop", "of", "the", "Diocese"], 3),
    (["Prince", "of", "Asturias", "Prize"], 0),  # a thing named after a ruler's title
    (["Lord", "of", "the", "Rings"], 0),
    (["Doctor", "of", "Philosophy"], 0),
    (["Chief", "Executive", "Officer", "of", "Acme"], 4),
    (["District", "of", "Columbia"], 0),
    (["Bank", "of", "England"], 0),
    (["Minister", "of"], 0),  # nothing after the "of": no name to begin
]


@pytest.mark.parametrize(
    "words, expected", OFFICE_STARTS, ids=[" ".join(o[0]) for o in OFFICE_STARTS]
)
def test_a_bodys_name_begins_after_an_offices_title(pipeline, words, expected):
    sdoc = _doc(pipeline, words)
    assert office_start(0, len(words), Tokens(sdoc)) == expected


# (text, names kg reads that carry votes): a person's name that a nationality noun begins is
# the name without it; the noun is a name of its own where it is a nationality word; a given
# name that is also one stays ("Scot", "Dane")
NATIONALITY_LED = [
    ("Briton Andy Murray won the final in London.", ["Andy Murray", "London"]),
    ("Irishman Tadhg Kennelly joined the club in 1995.", ["Tadhg Kennelly"]),
    ("Scot Gresham-Lancaster was born in 1960.", ["Scot Gresham-Lancaster"]),
    ("Dane Cook told a joke.", ["Dane Cook"]),
]


@pytest.mark.parametrize("text, expected", NATIONALITY_LED, ids=[n[0] for n in NATIONALITY_LED])
def test_a_nationality_noun_begins_no_persons_name(pipeline, text, expected):
    assert _names(pipeline, text) == expected


# (wire copy, the names kg gives): a dateline in capitals is parsed recased ("Berlin"), and
# its short acronyms keep the capitals the document writes ("AP", not "Ap")
RECASED = [
    (
        "BERLIN (AP) — The harbour board of Kestrel met on Thursday.\n\nIt met again.",
        {"Berlin", "AP"},
    ),
    ("NEW YORK (Reuters) - The harbour board met on Thursday.\n\nIt met again.", {"New York"}),
]


@pytest.mark.parametrize("text, expected", RECASED)
def test_a_recased_dateline_keeps_its_acronyms(pipeline, text, expected):
    import kg

    assert expected <= {e.name for e in kg.build([text], model=pipeline).entities}


# (words, tags, span as the recogniser read it, expected name or None): a work's title keeps
# the capitalised article it begins with, and a phrase written as a title is a name whatever
# the tagger made of its words; not in a headline written in title case, nor in lower case
WORKS = [
    (
        ["She", "wrote", "A", "Quiet", "Harbour", "there", "."],
        ["PRP", "VBD", "DT", "JJ", "NN", "RB", "."],
        (2, 5, "WORK_OF_ART"),
        "A Quiet Harbour",
    ),
    (
        ["She", "wrote", "the", "Quiet", "Harbour", "there", "."],
        ["PRP", "VBD", "DT", "JJ", "NN", "RB", "."],
        (2, 5, "WORK_OF_ART"),
        "Quiet Harbour",
    ),
    (  # first in a sentence, the article's capital says nothing
        ["The", "Quiet", "Harbour", "won", "a", "prize", "."],
        ["DT", "JJ", "NN", "VBD", "DT", "NN", "."],
        (0, 3, "WORK_OF_ART"),
        "Quiet Harbour",
    ),
    (  # another kind of name loses its article
        ["She", "saw", "The", "Quiet", "Harbour", "there", "."],
        ["PRP", "VBD", "DT", "NNP", "NNP", "RB", "."],
        (2, 5, "ORG"),
        "Quiet Harbour",
    ),
    (
        ["They", "recorded", "Cuts", "Both", "Ways", "in", "May", "."],
        ["PRP", "VBD", "NNS", "DT", "NNS", "IN", "NNP", "."],
        (2, 5, "WORK_OF_ART"),
        "Cuts Both Ways",
    ),
    (
        ["He", "joined", "Rage", "Against", "the", "Machine", "early", "."],
        ["PRP", "VBD", "NN", "IN", "DT", "NN", "RB", "."],
        (2, 6, "ORG"),
        "Rage Against the Machine",
    ),
    (
        ["They", "recorded", "cuts", "both", "ways", "in", "May", "."],
        ["PRP", "VBD", "NNS", "DT", "NNS", "IN", "NNP", "."],
        (2, 5, "WORK_OF_ART"),
        None,
    ),
    (  # an adjective's phrase is no title
        ["He", "read", "Results", "of", "South", "Korean", "games", "."],
        ["PRP", "VBD", "NNS", "IN", "JJ", "JJ", "NNS", "."],
        (2, 6, "GPE"),
        None,
    ),
    (  # a headline's capitals say nothing
        ["Rebels", "Seize", "Town", "Near", "Border", "Crossing"],
        ["NNS", "VBP", "NN", "IN", "NN", "NN"],
        (1, 3, "ORG"),
        None,
    ),
]


@pytest.mark.parametrize("words, tags, span, expected", WORKS, ids=[w[3] or "-" for w in WORKS])
def test_a_works_title_keeps_its_words(pipeline, words, tags, span, expected):
    from spacy.tokens import Span

    sdoc = _doc(pipeline, words, tags)
    sdoc[0].is_sent_start = True
    t = Tokens(sdoc)
    name = trim(Span(sdoc, span[0], span[1], label=span[2]), t)
    assert (None if name is None or junk(name, t) else name.text) == expected
