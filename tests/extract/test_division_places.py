"""A place named through a noun of divisions (kg.extract.located.named_place): "the town of
Salem", "the U.S. state of Oregon". Sentences of our own making; the rules alone read them."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import rule_facts

# (text, facts the rules must read, facts they must not)
DIVISIONS = [
    # a name "in" a division's "of", whatever the recogniser's label for the place
    (
        "The Crane Hospital in the town of Salem closed.",
        {("Crane Hospital", "located_in", "Salem")},
        set(),
    ),
    # a name described by a noun of places "in" a division's "of"
    (
        "Westmere is a hamlet in the town of Guilderland.",
        {("Westmere", "located_in", "Guilderland")},
        set(),
    ),
    (
        "Foots Creek is an unincorporated community in Jackson County, in the U.S. state of "
        "Oregon.",
        {("Foots Creek", "located_in", "Jackson County"), ("Foots Creek", "located_in", "Oregon")},
        set(),
    ),
    # a person "in" a division lies nowhere
    (
        "Ross Alger was a politician in the Canadian province of Alberta.",
        set(),
        {("Ross Alger", "located_in", "Alberta")},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"), DIVISIONS, ids=[t[:40] for t, _, _ in DIVISIONS]
)
def test_division_places(pipeline, text: str, expected: set, forbidden: set) -> None:
    got = rule_facts(pipeline, text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not forbidden & got, f"read {forbidden & got}"
