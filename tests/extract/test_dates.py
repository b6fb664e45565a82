"""Date facts: a date becomes a fact only where the parse attaches it to the word that carries
the predicate, and it is written as ISO 8601 with its precision (year, month or day).

The sentences are of our own making, none from the benchmark data.
"""

from __future__ import annotations

import pytest

import kg
from kg.extract.dates import iso_date, precision

# (text, the date facts kg reads from it: (subject, predicate, ISO date))
ATTACHED = [
    (
        "Brightwater Analytics was founded in 1998 by Maria Keller.",
        {("Brightwater Analytics", "inception", "1998")},
    ),
    (
        "Lena Marsh was born on 27 October 1920 in Leeds.",
        {("Lena Marsh", "date_of_birth", "1920-10-27")},
    ),
    ("Tomas Berg died in 2010 in Oslo.", {("Tomas Berg", "date_of_death", "2010")}),
    (
        "Halvorsen Foods, founded in 2003, sells frozen fish.",
        {("Halvorsen Foods", "inception", "2003")},
    ),
    (
        "Peter Olsen (born 1950) is a Norwegian businessman.",
        {("Peter Olsen", "date_of_birth", "1950")},
    ),
]

# (text, why no date fact may come of it)
UNATTACHED = [
    ("Halvorsen Foods joined an alliance agreed in 2000 with Nordic Trawl.", "the alliance's year"),
    ("Peter Olsen, who visited Berlin in 2012, works for Halvorsen Foods.", "a visit's year"),
    ("The company reported a loss in 2019, Halvorsen Foods said.", "a report's year"),
    ("In 2000, Peter Olsen met the board of Halvorsen Foods in Bergen.", "a meeting's year"),
    ("Greta Lund, 64, has run Lund Shipping since March 2015.", "a start, not a founding"),
]


def date_facts(g: kg.KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {(r.subject.name, r.predicate, str(r.object)) for r in g.relations if r.is_literal}


@pytest.mark.parametrize("text, expected", ATTACHED, ids=[t for t, _ in ATTACHED])
def test_a_date_on_its_predicate_is_a_fact(pipeline, text, expected):
    g = kg.build([text], model=pipeline, min_confidence=0)
    assert expected <= date_facts(g)


@pytest.mark.parametrize("text, why", UNATTACHED, ids=[t for t, _ in UNATTACHED])
def test_a_year_elsewhere_in_the_sentence_is_no_fact(pipeline, text, why):
    g = kg.build([text], model=pipeline, min_confidence=0)
    wrong = {f for f in date_facts(g) if f[1] in ("inception", "date_of_birth", "date_of_death")}
    assert not wrong, why


@pytest.mark.parametrize(
    "text, iso, exact",
    [
        ("1998", "1998", "year"),
        ("March 2004", "2004-03", "month"),
        ("27 October 1920", "1920-10-27", "day"),
        ("Sept. 3, 2019", "2019-09-03", "day"),
        ("the 1990s", None, None),
        ("last June", None, None),
    ],
)
def test_dates_are_iso_with_their_precision(text, iso, exact):
    assert iso_date(text) == iso
    if iso is not None:
        assert precision(iso) == exact
