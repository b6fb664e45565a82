"""An organization's country from a country's name before it or after "of"
(kg.extract.phrases.country_bodies, of_phrases) or a nationality word through a noun of
bodies (kg.extract.nationality), a person's citizenship from a nationality
word said of them by "be" (kg.extract.nationality), and a state's office from a country's
possessive before its title (kg.extract.roles.state_offices); as (text, facts that must be
read, facts that must not) tables of sentences of our own making, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import check_rules

CASES = [
    # a country's possessive on the name, or on a noun of organizations that names it
    (
        "South Korea's Hanbit Electronics cut its prices on Monday.",
        {("Hanbit Electronics", "country", "South Korea")},
        set(),
    ),
    (
        "He told Britain's Morning Ledger newspaper that the plan had failed.",
        {("Morning Ledger", "country", "United Kingdom")},
        set(),
    ),
    (
        "Norway's weather agency, Vindvarsel Norge, said the storm would pass.",
        {("Vindvarsel Norge", "country", "Norway")},
        set(),
    ),
    # a person a country's possessive qualifies is no organization of it
    (
        "Poland's Anna Kowalski won the race in Oslo.",
        set(),
        {("Anna Kowalski", "country", "Poland")},
    ),
    # a nationality word through a noun of bodies before an organization's name
    (
        "The German carmaker Brenner Motors cut 500 jobs.",
        {("Brenner Motors", "country", "German")},
        set(),
    ),
    (
        "Swiss daily Le Matin reported on Friday that the talks had failed.",
        {("Le Matin", "country", "Swiss")},
        set(),
    ),
    (
        "German midfielder Karl Stein scored twice.",
        {("Karl Stein", "country_of_citizenship", "German")},
        {("Karl Stein", "country", "German")},
    ),
    # "of" a country
    (
        "The gas firms Corvin Oil of Austria and Veltro Gas of Hungary signed the deal.",
        {("Corvin Oil", "country", "Austria"), ("Veltro Gas", "country", "Hungary")},
        set(),
    ),
    (
        "Karen Holt of Redwood Capital met Jane Doe of Austria.",
        set(),
        {("Jane Doe", "country", "Austria"), ("Redwood Capital", "country", "Austria")},
    ),
    # a nationality word said of a person by "be", also in a relative clause; not negated
    (
        "Tomas Brek, who is Israeli, says the talks will fail.",
        {("Tomas Brek", "country_of_citizenship", "Israeli")},
        set(),
    ),
    (
        "Anna Kowalski is Polish and lives in Berlin.",
        {("Anna Kowalski", "country_of_citizenship", "Polish")},
        set(),
    ),
    (
        "Anna Kowalski is not Polish.",
        set(),
        {("Anna Kowalski", "country_of_citizenship", "Polish")},
    ),
    (
        "The soup Anna Kowalski cooks is Polish.",
        set(),
        {("Anna Kowalski", "country_of_citizenship", "Polish")},
    ),
    # a country's possessive before an office's title that the parse hangs from the name
    (
        "Israel's former President Dan Alon visited Berlin.",
        {("Israel", "head_of_state", "Dan Alon"), ("Dan Alon", "country_of_citizenship", "Israel")},
        set(),
    ),
    (
        "Germany's Chancellor Eva Lind met the press.",
        {("Germany", "head_of_government", "Eva Lind")},
        set(),
    ),
    (
        "France's Finance Minister Paul Roux met the press.",
        {("Paul Roux", "country_of_citizenship", "France")},
        {("France", "head_of_government", "Paul Roux"), ("France", "head_of_state", "Paul Roux")},
    ),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), CASES, ids=[c[0][:40] for c in CASES])
def test_org_countries(pipeline, text: str, expected: set, forbidden: set) -> None:
    check_rules(pipeline, text, expected, forbidden)
