"""A town's or a state's country by the places table (kg/data/within.tsv), where the
document names the country, and the place once at least in a sentence without it."""

from __future__ import annotations

import pytest

import kg
from kg.names import within
from kg.resolve.resolver import WITHIN_RULE


def _table_facts(pipeline, text: str) -> set[tuple[str, str, str]]:
    g = kg.build([text], model=pipeline, min_confidence=0)
    return {
        (r.subject.name, r.predicate, r.object.name)
        for r in g.relations
        if any(e.rule == WITHIN_RULE for e in r.evidence)
    }


CASES = [
    # a city, its country named in another sentence
    (
        "Ama Osei opened a clinic in Kumasi on Monday. Ghana's health ministry praised it.",
        {("Kumasi", "located_in", "Ghana"), ("Kumasi", "country", "Ghana")},
    ),
    # a state: its country contains it too
    (
        "The refinery in Texas closed in May. Fuel prices in the United States rose.",
        {
            ("Texas", "located_in", "United States"),
            ("Texas", "country", "United States"),
            ("United States", "contains", "Texas"),
        },
    ),
    # the country named nowhere: nothing
    ("Ama Osei opened a clinic in Kumasi on Monday.", set()),
    # both in one sentence: the readers decide whether the sentence ties them
    ("Ama Osei flew from Kumasi to Ghana's coast and on to Lomé in Togo.", set()),
    # a town of the list's smaller ones, its country named in another sentence
    (
        "Floods cut the road to Tamale on Friday. Ghana's army sent trucks.",
        {("Tamale", "located_in", "Ghana"), ("Tamale", "country", "Ghana")},
    ),
    # named beside its country once and apart once: the table's fact holds
    (
        "Ama Osei opened a clinic in Kumasi, Ghana, on Monday. Kumasi has two more.",
        {("Kumasi", "located_in", "Ghana"), ("Kumasi", "country", "Ghana")},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_place_lies_in_its_country(pipeline, text, expected):
    assert _table_facts(pipeline, text) == expected


def test_the_table_leaves_out_names_two_countries_share_and_countries():
    table = within()
    assert table["kumasi"] == ("Ghana", "city")
    assert table["texas"] == ("United States", "subdivision")
    assert "punjab" not in table  # India's and Pakistan's
    assert "georgia" not in table  # a country and a US state
    assert table["tamale"] == ("Ghana", "city")  # a town of fewer than 300,000 people
    # a large city keeps its country where a small town abroad shares its name
    assert table["birmingham"] == ("United Kingdom", "city")


def test_table_facts_are_reported_on_the_documents_date(pipeline):
    """The places table's facts, like every fact of a document, carry its publication date,
    and so does the nationality word's link to its country."""
    text = (
        "Ama Osei opened a clinic in Kumasi. "
        "German engineers built it for Ghana with money from Germany."
    )
    doc = kg.Document(id="d1", text=text, date="2026-06-03")
    g = kg.build([doc], model=pipeline, min_confidence=0)
    rules = {WITHIN_RULE, "places table"}
    table = [e for r in g.relations for e in r.evidence if e.rule in rules]
    assert {e.rule for e in table} == rules
    assert {e.reported for e in table} == {"2026-06-03"}
