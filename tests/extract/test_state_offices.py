"""Offices of a state (kg.extract.roles.state_offices): the holder of a country's office is
its citizen, and its head of state or of government where the office is one. Sentences of our
own making; the rules alone read them (no relation model)."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import rule_facts

CITIZEN = "country_of_citizenship"

# (text, facts the rules must read, facts they must not)
OFFICES = [
    (
        "The plan was put to Wen Jiabao, the Premier of China, in March.",
        {("Wen Jiabao", CITIZEN, "China"), ("China", "head_of_government", "Wen Jiabao")},
        set(),
    ),
    (
        "Jorge Endara was President of Panama from 1989 to 1994.",
        {("Jorge Endara", CITIZEN, "Panama"), ("Panama", "head_of_state", "Jorge Endara")},
        set(),
    ),
    (
        "Prime Minister Karin Olsen of Norway arrived in Oslo on Monday.",
        {("Karin Olsen", CITIZEN, "Norway"), ("Norway", "head_of_government", "Karin Olsen")},
        set(),
    ),
    # a minister or an envoy is a citizen, not the head
    (
        "Simon Crane, Australia's Minister for Trade, said tariffs were low.",
        {("Simon Crane", CITIZEN, "Australia")},
        {("Australia", "head_of_government", "Simon Crane")},
    ),
    (
        "Vice President Dana Holt of the United States flew to Kenya.",
        {("Dana Holt", CITIZEN, "United States")},
        {("United States", "head_of_state", "Dana Holt")},
    ),
    # an office of a company or a city says no citizenship
    (
        "Tom Reyes, the president of Corvin Bank, resigned on Friday.",
        set(),
        {("Tom Reyes", CITIZEN, "Corvin Bank")},
    ),
    (
        "Lena Marsh, the president of the Senate, opened the session.",
        set(),
        {("Senate", "head_of_state", "Lena Marsh")},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"), OFFICES, ids=[t[:40] for t, _, _ in OFFICES]
)
def test_state_offices(pipeline, text: str, expected: set, forbidden: set) -> None:
    got = rule_facts(pipeline, text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not forbidden & got, f"read {forbidden & got}"
