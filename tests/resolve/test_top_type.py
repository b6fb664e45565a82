"""The top type of a name's votes: the most votes, the first in ENTITY_TYPES among equals."""

from collections import Counter

import pytest

from kg.resolve.keys import top_type

CASES = [
    ({}, "Other"),
    ({"Place": 1.0}, "Place"),
    ({"Person": 1.0, "Place": 2.5}, "Place"),
    # equals: the first in ENTITY_TYPES (Person, Organization, Place, ...)
    ({"Place": 1.0, "Organization": 1.0}, "Organization"),
    ({"Work": 2.0, "Person": 2.0, "Event": 2.0}, "Person"),
    # a vote moved away leaves a negative count: a type without votes (0) beats it
    ({"Person": -1.0, "Organization": 0.5}, "Organization"),
    ({"Organization": -1.0}, "Person"),
    # votes for a word outside the types count for none
    ({"Team": 3.0, "Place": 0.5}, "Place"),
]


@pytest.mark.parametrize(("votes", "expected"), CASES)
def test_top_type(votes: dict[str, float], expected: str) -> None:
    assert top_type(Counter(votes)) == expected
