"""Companies, awards and words of the language the recogniser reads as persons: a maker's
noun or a paper's word before one word, a thing won, a trade written as a title, and a
capitalised word whose capital says nothing."""

from __future__ import annotations

import pytest

import kg
from kg.extract.mentions import extract
from kg.extract.plain_words import FIRST, HEADLINE, is_word, lower_words, plain, written_lower
from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.model import Block, Document


def _types(pipeline, text: str) -> dict[str, str]:
    return {e.name: e.type for e in kg.build([text], model=pipeline).entities}


def _mentions(pipeline, text: str) -> list[RawMention]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return next(extract([doc], pipeline)).mentions


# (text, name, its type, or None: no entity of the three)
CUES = [
    # a maker's noun before one word is what it is, however the parser hangs them
    ("The carmaker Ostrava said sales fell in May.", "Ostrava", "Organization"),
    ("The sportswear maker Zelvora said it would cut 500 jobs.", "Zelvora", "Organization"),
    # a paper's word written as an adjective before its name
    ("The German weekly Kurier reported the plan on Monday.", "Kurier", "Organization"),
    # a thing won is no person
    ("Julie Marsh won an Oscar for the role in 1998.", "Oscar", "Other"),
    ("Kevin Dane, who won a Tony himself, hosted the show in New York.", "Tony", "Other"),
    # a person's full name keeps the trade before it as his calling
    ("Coach Pep Guardiola praised his players after the match.", "Pep Guardiola", "Person"),
]


@pytest.mark.parametrize("text, name, etype", CUES, ids=[f"{n}-{t[:30]}" for t, n, _ in CUES])
def test_what_the_words_around_a_name_say(pipeline, text, name, etype):
    assert _types(pipeline, text).get(name) == etype


def test_a_trade_written_as_a_title_is_no_part_of_the_name(pipeline):
    texts = [m.text for m in _mentions(pipeline, "Coach Pep Guardiola praised his players.")]
    assert "Pep Guardiola" in texts
    assert "Coach Pep Guardiola" not in texts


def test_a_headlines_common_words_are_no_names(pipeline):
    text = "Kask Under Attack for Remarks\nThe minister Jaan Kask was criticised on Monday."
    votes = {m.text: m.votes for m in _mentions(pipeline, text)}
    assert not votes["Attack"] and not votes["Remarks"]
    assert _types(pipeline, text).get("Jaan Kask") == "Person"


def test_a_word_first_in_a_sentence_and_written_in_lower_case_is_none(pipeline):
    text = "Lamps will become obsolete, said engineer Jaan Kask. The lamps use too much power."
    types = _types(pipeline, text)
    assert "Lamps" not in types
    assert types.get("Jaan Kask") == "Person"


@pytest.mark.parametrize(
    "text, name",
    [
        # a surname first in a sentence that the index knows as a word, never in lower case
        ("Booth shot the president in a theatre in Washington in 1865.", "Booth"),
        ("Nixon resigned in 1974 after the Watergate scandal.", "Nixon"),
    ],
)
def test_a_surname_first_in_a_sentence_stays_a_person(pipeline, text, name):
    assert _types(pipeline, text).get(name) == "Person"


def test_where_a_capital_says_nothing(pipeline):
    words = frozenset({"attack", "clash", "remark", "lamp"})
    text = "Kask Under Attack for Remarks"
    t = Tokens(pipeline(text))
    assert plain(2, 3, t, words, text) == HEADLINE
    assert plain(0, 1, t, words, text) == ""  # no word of the language
    t = Tokens(pipeline('"Lamps will fail," he said of the Lamp Works plant.'))
    assert plain(1, 2, t, words) == FIRST
    assert plain(10, 11, t, words) == ""  # inside a sentence its capital says a name


def test_a_word_of_the_language():
    words = frozenset({"clash", "expectation", "agency"})
    assert is_word("clashes", words) and is_word("expectations", words)
    assert is_word("agencies", words)
    assert not is_word("zelvora", words)
    lower = lower_words("The clashes, it's said, went on; Nixon's aides")
    assert written_lower("clash", lower)
    assert not written_lower("nixon", lower) and "s" not in lower
