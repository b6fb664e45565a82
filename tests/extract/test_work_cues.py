"""Which type a found name gets from the words that list it with others of a kind ("films such
as X and Y", "the magazines X and Y"), from what writes it as a work's title ("X (2008)", "X,
directed by Y") and from a nationality word said as a language (kg.extract.type_cues)."""

from __future__ import annotations

import pytest

import kg
from kg.extract.tokens import Tokens
from kg.extract.type_cues import (
    dated,
    exemplified,
    list_head,
    listed_with_towns,
    made_work,
    spoken,
)


def _types(pipeline, text: str) -> dict[str, str]:
    return {e.name: e.type for e in kg.build([text], model=pipeline).entities}


# (text, name, its type): names of works, places, bodies and languages that the words around
# them type; and names those words must leave alone
ROWS = [
    # a plural kind noun before a list types every name in it, not only the first
    (
        "She wrote for the magazines Nordlicht Review and Varska Kiri before 1990.",
        "Varska Kiri",
        "Organization",
    ),
    (
        "He scored the television series Harbor Lights, Quiet Orchard and Tallow Creek.",
        "Tallow Creek",
        "Work",
    ),
    # "such as", "including", "like", "include" bring in examples of a kind
    (
        "The studio made many films such as Anchor, Tidewater and Lanterns.",
        "Tidewater",
        "Work",
    ),
    (
        "Towns in the valley include Kerevan, Ostrova and Malvik.",
        "Ostrova",
        "Place",
    ),
    (
        "Early thrash bands, such as Ferrovia, Krall and Granite Choir, toured the region.",
        "Krall",
        "Organization",
    ),
    # a year alone in brackets after a name: a work's title
    (
        "Rand made his acting debut in Glass Orchard (2008) and then directed two more.",
        "Glass Orchard",
        "Work",
    ),
    # a film's maker hung on the name
    (
        "Silver Meridian, directed by Kaspar Rand, opened the festival.",
        "Silver Meridian",
        "Work",
    ),
    # a nationality word said as a language is no place
    ("The word comes from the Greek word for salt.", "Greek", "Other"),
    # a name listed with known places, most of the list's others
    ("Buses run to Lyon, Marcel, Lille and Nantes every day.", "Marcel", "Place"),
    ("Storms hit Manchester, Harold Cross, Dublin and Cork.", "Harold Cross", "Place"),
    # a model's noun of a person-labelled name is a calling
    (
        "The show is hosted by former model Kate Varga and the chef Anton Rebane.",
        "Kate Varga",
        "Person",
    ),
    # left alone: persons with years of life, companies in a bare list, a people
    ("Kaspar Rand (1901-1977) was a painter.", "Kaspar Rand", "Person"),
    ("Shares of Valmera and Telvanni rose on Monday.", "Telvanni", "Organization"),
    ("The French voted on Sunday.", "French", "Place"),
    ("Shares of Siemens, Kessburn and Bayer rose.", "Kessburn", "Organization"),
    # a roster after a colon is no list of teams, though the parser hangs it on "Teams"
    (
        "Teams: Estonia - Kaspar Rand (captain), Jaan Tamm, Peeter Kask, Marko Lill, Tiit Vahtra.",
        "Jaan Tamm",
        "Person",
    ),
]


@pytest.mark.parametrize("text, name, etype", ROWS, ids=[f"{n}-{t[:25]}" for t, n, _ in ROWS])
def test_the_words_around_a_name_say_its_type(pipeline, text, name, etype):
    assert _types(pipeline, text).get(name) == etype


def _tokens(pipeline, text: str) -> Tokens:
    return Tokens(pipeline(text))


def _index(t: Tokens, word: str) -> int:
    return t.orth.index(word)


# (text, the name's last word, the noun that lists it, or None)
EXAMPLES = [
    ("The studio made films such as Velvet Anchor and Paper Lanterns.", "Lanterns", "films"),
    ("It works with Google apps, including Gmail.", "Gmail", "apps"),
    ("The town looks like Tartu.", "Tartu", None),
    ("He spoke as Chairman.", "Chairman", None),
]


@pytest.mark.parametrize("text, word, noun", EXAMPLES)
def test_a_list_of_examples_names_its_kind(pipeline, text, word, noun):
    t = _tokens(pipeline, text)
    k = exemplified(t, list_head(t, _index(t, word)))
    assert (t.orth[k] if k is not None else None) == noun


# (text, the token after the name, whether a year alone in brackets follows)
YEARS = [
    ("He starred in Glass Orchard (2008) with her.", 5, True),
    ("Kaspar Rand (1901-1977) was a painter.", 2, False),
    ("Kaspar Rand (born 1965) is a painter.", 2, False),
    ("The plant made Model T (200) cars.", 4, False),
]


@pytest.mark.parametrize("text, end, expected", YEARS)
def test_a_year_in_brackets_dates_a_work(pipeline, text, end, expected):
    assert dated(_tokens(pipeline, text), end) is expected


# (text, the name's last word, whether a verb of making a work hangs on it with its maker)
MADE = [
    ("Silver Meridian, directed by Kaspar Rand, opened the festival.", "Meridian", True),
    ("Silver Meridian was directed by Kaspar Rand.", "Meridian", True),
    ("Valmera, founded by Kaspar Rand, makes ferries.", "Valmera", False),
    ("Kaspar Rand directed the play.", "Rand", False),
]


@pytest.mark.parametrize("text, word, expected", MADE)
def test_a_makers_verb_says_a_work(pipeline, text, word, expected):
    t = _tokens(pipeline, text)
    assert made_work(t, _index(t, word)) is expected


# (text, the nationality word, whether it is said as a language)
LANGUAGES = [
    ("The book was written in French.", "French", True),
    ("Gulf of Tonkin (Vietnamese: Vinh Bac Bo) is a gulf.", "Vietnamese", True),
    ("The Greek word for salt is old.", "Greek", True),
    ("Carol spoke Romanian as his first language.", "Romanian", True),
    ("She learned Portuguese in Lisbon.", "Portuguese", True),
    ("Die Haut (German for the skin) were a band.", "German", True),
    ("The PREC (Processo Em Curso, Portuguese for Ongoing Process) ended.", "Portuguese", True),
    ("A French writer won the prize.", "French", False),
    ("The French voted on Sunday.", "French", False),
    ("The army fought the French for two years.", "French", False),
    ("Talks with Portuguese officials for the deal went on.", "Portuguese", False),
]


@pytest.mark.parametrize("text, word, expected", LANGUAGES)
def test_a_nationality_word_said_as_a_language(pipeline, text, word, expected):
    t = _tokens(pipeline, text)
    assert spoken(t, _index(t, word)) is expected


# (text, the name's last word, whether most of the others of its list of three or more are
# places the tables know: here those of KNOWN)
KNOWN = {"leeds", "sheffield", "york", "tartu"}
LISTS = [
    ("Offices in Leeds, Kessburn, Sheffield and York opened.", "Kessburn", True),
    ("Offices in Leeds, Kessburn, Valmera and Narvik opened.", "Kessburn", False),
    ("Offices in Leeds and Kessburn opened.", "Kessburn", False),
    ("Kessburn lies near Tartu.", "Kessburn", False),
]


@pytest.mark.parametrize("text, word, expected", LISTS)
def test_a_name_listed_with_places(pipeline, text, word, expected):
    t = _tokens(pipeline, text)
    assert listed_with_towns(t, _index(t, word), KNOWN.__contains__) is expected
