"""A body a place owns that speaks with no name of its own ("Norway's foreign ministry said",
"the Norwegian foreign ministry said"): an organisation named by its country's nationality
word and its words, one for both spellings; a capital before it names its country, and a
government is its country's; its spokespeople speak for it; whom a later "the ministry said"
stands for; no entity where it does not speak. (text, expected quotations) tables, as in
test_quotes."""

from __future__ import annotations

import pytest

import kg
from tests.extract.test_quotes import Expected, check, quotes

BODIES = [
    # a country's name with "'s", then "the ministry" for the same body
    (
        "Norway's foreign ministry said on Tuesday that the embassy would stay closed. The "
        "ministry said the staff had left the capital.",
        {
            ("Norwegian Foreign Ministry", "the embassy would stay closed", False),
            ("Norwegian Foreign Ministry", "the staff had left the capital", False),
        },
    ),
    # a nationality word: the same name as the country's "'s" gives
    (
        "The Norwegian foreign ministry said the ferry had been seized in the strait.",
        {("Norwegian Foreign Ministry", "the ferry had been seized in the strait", False)},
    ),
    # a quotation, a body whose head alone is the body
    (
        '"We have arrested four men near the border," the Danish police said on Friday.',
        {("Danish Police", "We have arrested four men near the border", True)},
    ),
    # two words of the body's own ("defence ministry") and "the army" of another country
    (
        "Finland's defence ministry said the drill would go ahead. The Swedish army said it "
        "would send two brigades to the north.",
        {
            ("Finnish Defence Ministry", "the drill would go ahead", False),
            ("Swedish Army", "it would send two brigades to the north", False),
        },
    ),
    # "the ministry" with no body named before it: no one the text names
    ("The ministry said the ferry had been seized in the strait.", set()),
    # a ministry that does not speak leaves "the ministry" to no one
    (
        "The Norwegian foreign ministry summoned the envoy on Monday. Later, the ministry of "
        "fisheries said the quota would be cut.",
        set(),
    ),
    # a government with its country's name before it is the country, as before, and so is
    # one with the nationality word
    (
        "Norway's government said it would cut the quota for cod.",
        {("Norway", "it would cut the quota for cod", False)},
    ),
    (
        "The Norwegian government said it would cut the quota for cod.",
        {("Norway", "it would cut the quota for cod", False)},
    ),
    # an adjective that is no word of the body's name is left out of it
    (
        "Norway's new foreign ministry said the envoy had been recalled. The Danish interim "
        "government said it would hold elections in May.",
        {
            ("Norwegian Foreign Ministry", "the envoy had been recalled", False),
            ("Denmark", "it would hold elections in May", False),
        },
    ),
    # a spokesperson of such a body, before the noun or after it, speaks for the body; "he"
    # after the spokesperson too
    (
        "The envoy had been recalled, a Norwegian foreign ministry spokesman said. He said "
        "the embassy would stay open.",
        {
            ("Norwegian Foreign Ministry", "The envoy had been recalled", False),
            ("Norwegian Foreign Ministry", "the embassy would stay open", False),
        },
    ),
    (
        "A spokeswoman for Finland's defence ministry said the drill would go ahead. Two men "
        "were held, the Danish police spokesman said.",
        {
            ("Finnish Defence Ministry", "the drill would go ahead", False),
            ("Danish Police", "Two men were held", False),
        },
    ),
    # a capital before a state's body names its country; a city's police is the city's
    (
        "Oslo's foreign ministry said the envoy had been recalled. Hamburg police said two "
        "men had been detained at the port.",
        {
            ("Norwegian Foreign Ministry", "the envoy had been recalled", False),
            ("Hamburg Police", "two men had been detained at the port", False),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), BODIES, ids=range(len(BODIES)))
def test_bodies_of_places(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


def test_both_spellings_are_one_body(pipeline):
    """ "Norway's foreign ministry" and "the Norwegian foreign ministry" are one entity, which
    the text's own words name too."""
    g = kg.build(
        [
            "Report\n\nNorway's foreign ministry said the embassy would stay closed.\n\nThe "
            "Norwegian foreign ministry said the staff had left the capital."
        ],
        model=pipeline,
    )
    said = {q.speaker.id for q in g.quotes}
    assert len(g.quotes) == 2 and len(said) == 1, g.quotes
    body = g.quotes[0].speaker
    assert body.name == "Norwegian Foreign Ministry" and body.type == "Organization"
    assert "Norway's foreign ministry" in body.aliases


def test_a_silent_body_is_no_entity(pipeline):
    """A body that says nothing ("the Norwegian army crossed") is no node of the graph."""
    g = kg.build(
        ["Report\n\nThe Norwegian army crossed the river on Monday, officials said."],
        model=pipeline,
    )
    assert not any("Army" in e.name for e in g.entities), [e.name for e in g.entities]
