"""A country becomes a citizenship or a location only where the text ties it to the name, and
an "employer" that is a party or a committee is a membership. Sentences of our own making."""

from __future__ import annotations

import pytest

import kg

# (text, facts that must be read, facts that must not; each (subject, predicate, object))
CASES = [
    (
        "The German chancellor Angela Merkel visited Paris on Monday.",
        {("Angela Merkel", "country_of_citizenship", "German")},
        set(),
    ),
    (
        "Jane Doe met the French minister Paul Roux in Brussels.",
        {("Paul Roux", "country_of_citizenship", "French")},
        {("Jane Doe", "country_of_citizenship", "French")},
    ),
    (
        "Halvorsen Foods signed a deal with a company from Japan, its chief Tom Berg said.",
        set(),
        {
            ("Tom Berg", "country_of_citizenship", "Japan"),
            ("Halvorsen Foods", "located_in", "Japan"),
        },
    ),
    ("The factory is in Leeds, England.", {("Leeds", "located_in", "England")}, set()),
    (
        "Tom Berg, the leader of the Labour Party, spoke in Oslo.",
        {("Tom Berg", "member_of_political_party", "Labour Party")},
        {("Tom Berg", "employer", "Labour Party")},
    ),
    (
        "Mary Quinn chairs the Senate Finance Committee.",
        set(),
        {("Mary Quinn", "employer", "Senate Finance Committee")},
    ),
]


def facts(g: kg.KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {
        (r.subject.name, r.predicate, getattr(r.object, "name", str(r.object))) for r in g.relations
    }


@pytest.mark.parametrize("text, read, not_read", CASES, ids=[c[0] for c in CASES])
def test_countries_and_memberships(pipeline, text, read, not_read):
    got = facts(kg.build([text], model=pipeline, min_confidence=0))
    assert read <= got
    assert not (not_read & got)
