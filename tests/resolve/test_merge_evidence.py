"""Merge rules that read a name's evidence more fully: the votes of a surname and of the one
full name it ends, taken together; an organization's name without its complement; a ruler's
title; a place's name near a name read a person's. Each row is (documents: text and its names
with their labels and, where they matter, their type votes; the groups of names that are one
entity; the groups that must stay apart)."""

from collections import Counter

import pytest

from kg.resolve import resolve
from kg.resolve.shapes import complement_heads, head_nouns
from tests.resolve.test_merge_rules import ORG, G, P, extraction

PRODUCT = "PRODUCT"

# a name's votes where the row gives them, else the label's type, twice (a sure reading)
Votes = dict[str, dict[str, float]]


def groups(docs: list[tuple[str, list[tuple[str, str]], Votes]]) -> set[frozenset[str]]:
    """The mention texts of each entity resolution makes of the documents."""
    exs = []
    for n, (text, names, votes) in enumerate(docs):
        ex = extraction(f"d{n}", text, names)
        for m in ex.mentions:
            if m.text in votes:
                m.votes = Counter(votes[m.text])
        exs.append(ex)
    return {frozenset(f"{m.doc_id}:{m.text}" for m in e.mentions) for e in resolve(exs).entities}


def one(*mentions: str) -> frozenset[str]:
    """A group of mentions, each "doc:text" (document d0 where no document is given)."""
    return frozenset(m if ":" in m else f"d0:{m}" for m in mentions)


CASES = {
    "a surname read a person joins the one full name read a product, the votes pooled": (
        [
            (
                "Muhammadu Buhari took office. Buhari spoke in Abuja. Buhari left. Buhari won.",
                [("Muhammadu Buhari", PRODUCT), ("Buhari", G), ("Abuja", G)],
                {
                    "Muhammadu Buhari": {"Product": 1.0},
                    "Buhari": {"Person": 1.5, "Place": 1.3, "Organization": 1.0},
                },
            )
        ],
        [one("Muhammadu Buhari", "Buhari", "Buhari", "Buhari")],
        [],
    ),
    "a coach's surname joins his full name read an organization": (
        [
            (
                "Pep Guardiola arrived. Guardiola said the team was ready.",
                [("Pep Guardiola", ORG), ("Guardiola", ORG)],
                {"Pep Guardiola": {"Organization": 1.0}, "Guardiola": {"Person": 1.9}},
            )
        ],
        [one("Pep Guardiola", "Guardiola")],
        [],
    ),
    "a hyphenated given name is one word of a full name": (
        [
            (
                "Ines-Jacqueline Werkner, a researcher, spoke. Werkner said peace was near.",
                [("Ines-Jacqueline Werkner", ORG), ("Werkner", ORG)],
                {
                    "Ines-Jacqueline Werkner": {"Organization": 1.0, "Person": 0.5},
                    "Werkner": {"Person": 3.0},
                },
            )
        ],
        [one("Ines-Jacqueline Werkner", "Werkner")],
        [],
    ),
    "a word read half a person does not join a company whose votes outweigh it": (
        [
            (
                "Acme Widgets cut jobs. Widgets said so.",
                [("Acme Widgets", ORG), ("Widgets", ORG)],
                {"Acme Widgets": {"Organization": 6.0}, "Widgets": {"Person": 1.0}},
            )
        ],
        [],
        [one("Acme Widgets", "Widgets")],
    ),
    "a word read a place does not join a full name read otherwise": (
        [
            (
                "Tarek Houston sold shares. Houston rallied.",
                [("Tarek Houston", ORG), ("Houston", G)],
                {"Tarek Houston": {"Organization": 1.0}, "Houston": {"Place": 3.0}},
            )
        ],
        [],
        [one("Tarek Houston", "Houston")],
    ),
    "a body named in full, then without its complement": (
        [
            (
                "The European Court of Human Rights ruled on Tuesday. "
                "The European Court said the ban broke the convention.",
                [("European Court of Human Rights", ORG), ("European Court", ORG)],
                {},
            )
        ],
        [one("European Court of Human Rights", "European Court")],
        [],
    ),
    "a body's noun before its complement": (
        [
            (
                "The Syrian Observatory for Human Rights counted 40 dead. "
                "The Observatory relies on a network of sources.",
                [("Syrian Observatory for Human Rights", ORG), ("Observatory", ORG)],
                {},
            ),
            (
                "The Muslim Brotherhood called a protest. The Brotherhood denied it.",
                [("Muslim Brotherhood", ORG), ("Brotherhood", ORG)],
                {},
            ),
        ],
        [
            one("Syrian Observatory for Human Rights", "Observatory"),
            one("d1:Muslim Brotherhood", "d1:Brotherhood"),
        ],
        [],
    ),
    "a name without its complement where two bodies have it stays alone": (
        [
            (
                "The European Court of Justice and the European Court of Human Rights differ. "
                "The European Court was not named.",
                [
                    ("European Court of Justice", ORG),
                    ("European Court of Human Rights", ORG),
                    ("European Court", ORG),
                ],
                {},
            )
        ],
        [one("European Court")],
        [],
    ),
    "a name without its complement is one body in each document": (
        [
            (
                "The European Court of Human Rights ruled. The European Court said so.",
                [("European Court of Human Rights", ORG), ("European Court", ORG)],
                {},
            ),
            (
                "The European Court of Justice ruled. The European Court said so.",
                [("European Court of Justice", ORG), ("European Court", ORG)],
                {},
            ),
        ],
        [
            one("European Court of Human Rights", "European Court"),
            one("d1:European Court of Justice", "d1:European Court"),
        ],
        [],
    ),
    "a king's name with and without his title": (
        [
            (
                "King Yi Seok was born in Seoul. Yi Seok later sang folk songs.",
                [("King Yi Seok", P), ("Yi Seok", P), ("Seoul", G)],
                {},
            ),
            (
                "Crown Prince Mohammed bin Salman met Mohammed bin Salman's advisers.",
                [("Crown Prince Mohammed bin Salman", P), ("Mohammed bin Salman", P)],
                {},
            ),
        ],
        [
            one("King Yi Seok", "Yi Seok"),
            one("d1:Crown Prince Mohammed bin Salman", "d1:Mohammed bin Salman"),
        ],
        [],
    ),
    "a ruler's title joins no name of another document, nor a company's": (
        [
            ("King Charles III spoke.", [("King Charles III", P)], {}),
            (
                "Charles III was crowned. King Digital sold games. Digital grew.",
                [("Charles III", P), ("King Digital", ORG), ("Digital", ORG)],
                {},
            ),
        ],
        [one("King Charles III"), one("d1:Charles III")],
        [one("d1:King Digital", "d1:Digital")],
    ),
    "a place's name stays the place beside a name read a person's that ends with it": (
        [
            (
                "Bayern Munich won again. Fans celebrated in Munich.",
                [("Bayern Munich", P), ("Munich", G)],
                {},
            ),
            ("Munich airport reopened.", [("Munich", G)], {}),
        ],
        [one("d0:Munich", "d1:Munich")],
        [],
    ),
}


@pytest.mark.parametrize("docs, joined, apart", CASES.values(), ids=CASES)
def test_merge_evidence(docs, joined, apart):
    check_groups(docs, joined, apart)


def check_groups(docs, joined: list[frozenset[str]], apart: list[frozenset[str]]) -> None:
    """The names ``joined`` are each one entity of ``docs``; those ``apart`` are in none."""
    got = groups(docs)
    for group in joined:
        assert group in got, (group, got)
    for group in apart:
        assert not any(group <= g for g in got), (group, got)


def test_the_merge_log_says_which_rule_and_document():
    ex = extraction(
        "d0",
        "The European Court of Human Rights ruled. The European Court said so. "
        "King Yi Seok sang. Yi Seok retired.",
        [
            ("European Court of Human Rights", ORG),
            ("European Court", ORG),
            ("King Yi Seok", P),
            ("Yi Seok", P),
        ],
    )
    log = {m.merged: (m.name, m.rule, m.reason) for m in resolve([ex]).merges}
    name, rule, reason = log[("European Court",)]
    assert (name, rule) == ("European Court of Human Rights", "short form")
    assert "complement" in reason and "document d0" in reason
    name, rule, reason = log[("King Yi Seok",)]
    assert (name, rule) == ("Yi Seok", "title")
    assert "document d0" in reason


@pytest.mark.parametrize(
    "name, heads, nouns",
    [
        ("european court of human rights", ["european court"], ["court"]),
        ("syrian observatory for human rights", ["syrian observatory"], ["observatory"]),
        ("council of europe", [], ["council"]),  # one word before "of": the noun's business
        ("bank of england", [], ["bank"]),
        ("muslim brotherhood", [], ["brotherhood"]),
        # "the House", before its complement only: "the White House" is not "the House"
        ("house of commons of canada", ["house of commons"], ["house"]),
        ("court of appeals for the ninth circuit", ["court of appeals"], ["court"]),
        ("white house", [], []),
        ("tears for fears", [], []),
    ],
)
def test_what_an_organizations_name_is_called_by(name, heads, nouns):
    words = name.split()
    assert (complement_heads(words), head_nouns(words)) == (heads, nouns)


def test_the_merge_log_says_the_votes_were_pooled():
    ex = extraction(
        "d0",
        "Pep Guardiola arrived. Guardiola said the team was ready.",
        [("Pep Guardiola", ORG), ("Guardiola", ORG)],
    )
    for m in ex.mentions:
        m.votes = Counter({"Person": 1.9} if m.text == "Guardiola" else {"Organization": 1.0})
    (m,) = [m for m in resolve([ex]).merges if m.merged == ("Guardiola",)]
    assert (m.name, m.rule) == ("Pep Guardiola", "surname")
    assert "together say a person" in m.reason and "document d0" in m.reason
