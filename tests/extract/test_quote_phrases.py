"""Speakers' phrases of news copy: a speech verb set before the speaker that the parse makes
its object ('"...," added the mayor') or whose name has an age before it, a body called by
its kind after its name ("the ADAC automobile club", "the Lufthansa airline"), the clause
right after "said in a survey" with no "that", a second "and said that" the parse joins to
the first statement's verb, "according to him", a name after two titles joined by "and",
and the office of a body the phrase names ("the World Bank president"). (text, expected
quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

from tests.extract.test_quotes import Expected, check, quotes

INVERTED = [
    # the parse makes "the mayor" the object of "added": who spoke, as after "said"
    (
        '"We will reopen the pier," said the mayor Tom Hale. "The boats will sail again next '
        'week," added the mayor.',
        {
            ("Tom Hale", "We will reopen the pier", True),
            ("Tom Hale", "The boats will sail again next week", True),
        },
    ),
    # a clause set off by a comma before the verb, the speaker ending the sentence
    (
        "Mayor Tom Hale spoke on Monday. The pier will reopen in the spring, added the mayor.",
        {("Tom Hale", "The pier will reopen in the spring", False)},
    ),
    # an age before the name after the verb, which the parse makes another verb's subject
    (
        '"I just kept fighting until the end," said the 26-year-old Tom Hale, ranked 65th.',
        {("Tom Hale", "I just kept fighting until the end", True)},
    ),
    # "told" has the one spoken to as its object
    (
        'Mayor Tom Hale spoke on Monday. "The boats will sail again next week," told the '
        "harbour master.",
        set(),
    ),
]

KINDS = [
    # the name before the kind of body is the body itself
    (
        "The strike ended on Monday. The Lufthansa airline said that all flights would resume "
        "on Tuesday.",
        {("Lufthansa", "all flights would resume on Tuesday", False)},
    ),
    (
        "The German ADAC automobile club said that most drivers would not switch to electric cars.",
        {("ADAC", "most drivers would not switch to electric cars", False)},
    ),
    # "a Siemens company" is one of its companies, and "the EU body" a part of the EU
    (
        "The strike ended on Monday. A Siemens company said that all trains would run on Tuesday.",
        set(),
    ),
    (
        "The port was closed on Monday. The EU body said in a statement that the pier would "
        "reopen in the spring.",
        set(),
    ),
]

MESSAGES = [
    # the clause right after "in a survey" is what the survey says, though the parse makes
    # it a relative clause of the noun
    (
        "The German ADAC automobile club said in a survey it had determined that most drivers "
        "would not switch.",
        {("ADAC", "it had determined that most drivers would not switch", False)},
    ),
    # "the statement it issued on Monday" is a relative clause: not what it says
    (
        "Harbour Watch said in a statement it issued on Monday that the pier would close.",
        set(),
    ),
]

JOINED = [
    # the second "said" the parse joins to the verb of the first statement is the
    # speaker's again: two statements, the first ending before "and said"
    (
        "Tom Hale of the Harbour Commission said that photos showed a crane tearing down the "
        "pier and said that the harbour master's home was also destroyed the next day.",
        {
            ("Tom Hale", "photos showed a crane tearing down the pier", False),
            ("Tom Hale", "the harbour master's home was also destroyed the next day", False),
        },
    ),
]

ACCORDING_TO_HIM = [
    # "according to him" is the person named before, as "he said" is
    (
        '"The town has changed," Tom Hale said. According to him, the pier blocks the '
        "harbour and the boats.",
        {
            ("Tom Hale", "The town has changed", True),
            ("Tom Hale", "the pier blocks the harbour and the boats", False),
        },
    ),
    (
        '"The town has changed," Anna Berg said. According to her, the pier blocks the '
        "harbour and the boats.",
        {
            ("Anna Berg", "The town has changed", True),
            ("Anna Berg", "the pier blocks the harbour and the boats", False),
        },
    ),
]

TWO_TITLES = [
    # a name after two titles joined by "and" is one speaker, read once
    (
        '"The plant has a strategic value for our group," said Kestrel Bank chairman and '
        "chief executive officer Tom Hale.",
        {("Tom Hale", "The plant has a strategic value for our group", True)},
    ),
    (
        "The chairman and chief executive officer Tom Hale said that the plant would open in May.",
        {("Tom Hale", "the plant would open in May", False)},
    ),
]

OFFICES = [
    # the president of the body the phrase names is the one the text gave that title
    (
        "World Bank President Jim Kim visited Ghana on Monday. The World Bank president said "
        "that growth was a pre-condition for the goal. Further investments in schools were "
        "also necessary, he said.",
        {
            ("Jim Kim", "growth was a pre-condition for the goal", False),
            ("Jim Kim", "Further investments in schools were also necessary", False),
        },
    ),
    # a lawyer of a body is someone unnamed
    (
        "Tom Hale met the lawyers on Monday. The Siemens lawyer said that the deal was done.",
        set(),
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    INVERTED + KINDS + MESSAGES + JOINED + ACCORDING_TO_HIM + TWO_TITLES + OFFICES,
)
def test_speaker_phrases(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)
