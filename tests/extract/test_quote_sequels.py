"""Wire copy's sequels to a first attribution: a quotation whose sentences stand on lines of
their own, a spokesperson "with" a body and "the spokesman" after, "the radio" after a
station, a paper or station named before its noun ("Britain's Sun newspaper", "Damascus
radio"), "the defence ministry" after another ministry, a denied verb that leaves who spoke
last alone, "she" after an unnamed speaker. (text, expected quotations) tables, as in
test_quotes."""

from __future__ import annotations

import pytest

from kg.extract.quote_marks import quote_spans
from tests.extract.test_quotes import Expected, check, quotes

SEQUELS = [
    # the quotation's second sentence on a line of its own, closed there, before its speaker
    (
        '"We found the boat near the harbour on Monday.\n'
        'It was empty when we reached it," coastguard officer Ana Ruiz said.',
        {("Ana Ruiz", "We found the boat near the harbour on Monday. It was empty", True)},
    ),
    # the next line's mark opens a title: the open quotation ended with its line
    (
        'Ana Ruiz said: "We found the boat near the harbour on Monday.\n'
        'The minister called it "a tragedy" on Tuesday.',
        {("Ana Ruiz", "We found the boat near the harbour on Monday.", True)},
    ),
    (
        '"These are very dangerous weapons," a spokesman with the Harbour Police told '
        'reporters. "They could kill many people," the spokesman added. He said officers were '
        "searching the area for more weapons.",
        {
            ("Harbour Police", "These are very dangerous weapons", True),
            ("Harbour Police", "They could kill many people", True),
            ("Harbour Police", "officers were searching the area", False),
        },
    ),
    # an unnamed spokeswoman spoke last; a denied verb between does not make "she" the girl
    (
        "Police found missing girl Anna Berg on a campsite.\n"
        '"We found her alive near the town," said a spokeswoman of the regional police.\n'
        "Police could not tell whether the girl was hurt.\n"
        '"We do not know yet, it is too early to tell," she said.',
        set(),
    ),
    (
        'State-run Tehran Radio said the talks had failed. "The government will not accept '
        'these terms from anyone," the radio said.',
        {
            ("Tehran Radio", "the talks had failed", False),
            ("Tehran Radio", "The government will not accept these terms", True),
        },
    ),
    # a paper named before its noun, however owned, is the paper; "the newspaper" after it
    (
        "Singer Tom Hale has retired, Britain's Daily Star newspaper reported on Friday. A "
        "doctor told him to stop touring, the newspaper said.",
        {
            ("Daily Star", "Singer Tom Hale has retired", False),
            ("Daily Star", "A doctor told him to stop touring", False),
        },
    ),
    # a place before "radio" names the station the text named so, not the place
    (
        "State-run Tehran Radio said the talks had failed. Mayor Tom Hale was in Paris. "
        '"We will never give up the fight for our land," Tehran radio said.',
        {
            ("Tehran Radio", "the talks had failed", False),
            ("Tehran Radio", "We will never give up the fight for our land", True),
        },
    ),
    ('"We will never give up the fight for our land," Iranian radio said.', set()),
    # "she" who stood for an unnamed speaker is still that speaker, not the mayor
    (
        'Mayor Tom Hale visited the town on Monday. "We will rebuild every house in this town," '
        "said Hale. One old woman, who would not give her name, said her house had burned down. "
        'She also said soldiers had taken her cattle. "We have nothing left to eat this '
        'winter," she said.',
        {("Tom Hale", "We will rebuild every house in this town", True)},
    ),
    # a name that was a sentence's subject since the unnamed speaker is whom "he" stands for
    (
        "One old woman, who would not give her name, said her house had burned down. Mayor Tom "
        'Hale visited the town on Monday. "We will rebuild every house in this town," he said.',
        {("Tom Hale", "We will rebuild every house in this town", True)},
    ),
    # "the defence ministry" is not the foreign ministry that spoke before it
    (
        "The Foreign Ministry said the talks would resume in May. Defence Minister Jan Olsen "
        "will visit Israel next month, the defence ministry said.",
        {("Foreign Ministry", "the talks would resume in May", False)},
    ),
]


@pytest.mark.parametrize("text, expected", SEQUELS)
def test_sequels(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


SPANS = [
    ('we won," he said.', True, [(0, 7, True)]),
    # the first mark opens: a running quotation is not taken up
    ('He said "we won" at last.', False, [(9, 15, True)]),
    ('we won" and "more', True, [(0, 6, True), (13, 17, False)]),
]


@pytest.mark.parametrize("text, running, expected", SPANS)
def test_quote_spans_running(text: str, running: bool, expected):
    assert quote_spans(text, running) == expected
