"""Rules for the facts encyclopedias and news state of places, offices and works, read by the
rules alone (no relation model) from sentences of our own making: offices of a state
(kg.extract.roles.state_offices: the holder of a country's office is its citizen, and its head
of state or of government where the office is one), a place named through a noun of divisions
(kg.extract.located.named_place: "the town of Salem", "the U.S. state of Oregon") and a
work's year in brackets after its name or on the noun of works that describes it
(kg.extract.works)."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import check_rules

CITIZEN = "country_of_citizenship"
PUBLISHED = "publication_date"

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
    # a noun of divisions between two places: the country (or its word) holds the other
    (
        "Fighting resumed in the Donetsk region of Ukraine on Monday.",
        {("Donetsk", "located_in", "Ukraine"), ("Donetsk", "country", "Ukraine")},
        {("Ukraine", "located_in", "Donetsk")},
    ),
    (
        "Big Muddy Creek rises in the Canadian province of Saskatchewan.",
        {("Saskatchewan", "located_in", "Canadian")},
        {("Canadian", "located_in", "Saskatchewan")},
    ),
    # neither a country: which holds the other the words do not say
    (
        "He moved to the California town of Ojai in 1990.",
        set(),
        {("Ojai", "located_in", "California"), ("California", "located_in", "Ojai")},
    ),
    # a person "in" a division lies nowhere
    (
        "Ross Alger was a politician in the Canadian province of Alberta.",
        set(),
        {("Ross Alger", "located_in", "Alberta")},
    ),
]

WORKS = [
    (
        "He wrote and directed the film Thira (2013), which made his brother a star.",
        {("Thira", PUBLISHED, "2013")},
        set(),
    ),
    (
        "Her seventh studio album Light Years (2000) sold well.",
        {("Light Years", PUBLISHED, "2000")},
        set(),
    ),
    # a person's or a company's bracketed year says no work
    ("Jane Doe (1950) was a painter.", set(), {("Jane Doe", PUBLISHED, "1950")}),
    ("Acme Corp (1990) was sold to a rival.", set(), {("Acme Corp", PUBLISHED, "1990")}),
    # a year on the noun of works that stands for the name
    (
        "Red Harbour is a 1936 British film directed by Tom Wills.",
        {("Red Harbour", PUBLISHED, "1936")},
        set(),
    ),
    (
        "The Last Ferry, a 1994 film, was a hit.",
        {("Last Ferry", PUBLISHED, "1994")},
        set(),
    ),
    # a decade, a person described by a work's noun, a year on another noun: no year
    ("Dark Rivers is a 1970s film about miners.", set(), {("Dark Rivers", PUBLISHED, "1970")}),
    ("Jane Doe, a 1990 film star, died.", set(), {("Jane Doe", PUBLISHED, "1990")}),
    ("Acme Corp is a 1990 company.", set(), {("Acme Corp", PUBLISHED, "1990")}),
    # a title the recogniser cut short takes no year
    (
        "Clear and Present Danger is a 1994 American spy film directed by Tom Wills.",
        set(),
        {("Present Danger", PUBLISHED, "1994")},
    ),
]

CASES = OFFICES + DIVISIONS + WORKS


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"), CASES, ids=[t[:40] for t, _, _ in CASES]
)
def test_rules(pipeline, text: str, expected: set, forbidden: set) -> None:
    check_rules(pipeline, text, expected, forbidden)
