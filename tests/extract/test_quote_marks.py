"""Straight quotation marks out of step: one mark lost in a paragraph, and the pairing that
leaves a mark out to read later quotations as speech again. (text, expected quoted words)
tables, the words stripped of the blanks inside the marks."""

from __future__ import annotations

import pytest

from kg.extract.quote_marks import quote_spans, repaired
from tests.extract.test_quotes import Expected, check, quotes

REPAIRED = [
    # an opening mark lost: the closer after "ports," is left out, its sentence quoted as
    # speech before "she said"
    (
        'The strike went on. "We will not give in," Ana Ruiz said. The union met on Monday. '
        'It wants a new deal for the ports," she said. "Talks are over," Tom Hale said. '
        '"The ports stay shut for now," he added.',
        [
            "We will not give in,",
            "It wants a new deal for the ports,",
            "Talks are over,",
            "The ports stay shut for now,",
        ],
    ),
    # a closing mark lost after "Monday.": the opener is left out, up to its sentence's end
    (
        'Ana Ruiz said "the talks are over on Monday. The union met later. '
        '"We want a new deal," said Tom Hale. "The ports stay shut," he told reporters. '
        '"Nobody works," Hale said.',
        [
            "the talks are over on Monday.",
            "We want a new deal,",
            "The ports stay shut,",
            "Nobody works,",
        ],
    ),
    # the scraper's spacing flipped with the pairing: the marks alone decide
    (
        'It was late. We are tired, " said Ana Ruiz. " We stay, "Tom Hale said." We go, '
        '"Lea Moss said.',
        ["We are tired,", "We stay,", "We go,"],
    ),
    # the lost opener's closer ends on a stop with no "he said": its sentence is not read
    (
        'Ana Ruiz spoke first. "We wait," she said. The ships are gone. No one knows where." '
        'The talks go on, "Tom Hale said." We will see, "he added.',
        ["We wait,", "The talks go on,", "We will see,"],
    ),
]


@pytest.mark.parametrize("text, expected", REPAIRED)
def test_repaired(text: str, expected: list[str]):
    assert [text[a:b].strip() for a, b, _ in quote_spans(text)] == expected


IN_STEP = [
    # marks in step: an even count is taken in order
    'He said "we won" and "we lost".',
    # an odd count whose last mark opens words the next paragraph goes on with
    '"We won," he said. "We will win again," she said. "Next year we',
    # curly marks say which way they face
    "“We won,” he said. “We lost,” she said. They left.” The end.",
    # a title and a scare quote: no pairing looks more like speech by two points
    'The "Blue Line" opened. The "reform" failed. Ana Ruiz called it "a mess.',
]


@pytest.mark.parametrize("text", IN_STEP)
def test_in_step(text: str):
    assert repaired(text) is None


REPAIRED_QUOTES = [
    (
        'The port was shut on Monday. Nobody came to work, " Ana Ruiz said. " We are '
        'waiting for the ministry, "Tom Hale told reporters." The ships will have to wait '
        'a week, "said Lea Moss.',
        {
            ("Ana Ruiz", "Nobody came to work", True),
            ("Tom Hale", "We are waiting for the ministry", True),
            ("Lea Moss", "The ships will have to wait a week", True),
        },
    ),
]


@pytest.mark.parametrize("text, expected", REPAIRED_QUOTES)
def test_repaired_quotes(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)
