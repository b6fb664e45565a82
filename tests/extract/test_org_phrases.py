"""An organization's place read from a noun of organizations a place's name qualifies ("a
Toledo bank"), a person's employer read from a possessive ("Acme's Ray Ortiz") and from a verb
of heading ("Ortiz runs Acme"): sentences of our own making, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import rule_facts

CASES = [
    # a place's name on a noun of organizations, in apposition or after "be"
    (
        "Delmont Bank, a Toledo bank, reported higher profits on Monday.",
        {("Delmont Bank", "headquarters_location", "Toledo")},
        set(),
    ),
    (
        "Harlow Partners is a Denver law firm.",
        {("Harlow Partners", "headquarters_location", "Denver")},
        set(),
    ),
    # in a country: the organization's country, not a head office
    (
        "Delmont Bank, a U.S. company, reported higher profits on Monday.",
        {("Delmont Bank", "country", "United States")},
        {("Delmont Bank", "headquarters_location", "United States")},
    ),
    # a person described so is no organization
    (
        "Ray Ortiz, a Toledo banker, said profits rose.",
        set(),
        {("Ray Ortiz", "headquarters_location", "Toledo")},
    ),
    # a person an organization has ("Acme's Ray Ortiz") works for it; a place's does not
    (
        "Velta Corp.'s Ray Ortiz said the plant would close in May.",
        {("Ray Ortiz", "employer", "Velta Corp.")},
        set(),
    ),
    (
        "Velta Corp.'s Android phone sold well in May.",
        set(),
        {("Android", "employer", "Velta Corp.")},
    ),
    # who heads or runs an organization works for it; who leads a protest or oversees does not
    (
        "Ray Ortiz runs Velta Corp. with his brother.",
        {
            ("Ray Ortiz", "employer", "Velta Corp."),
            ("Velta Corp.", "director_manager", "Ray Ortiz"),
        },
        set(),
    ),
    (
        "Since 2019 Ray Ortiz has headed the Delmont Institute.",
        {("Ray Ortiz", "employer", "Delmont Institute")},
        set(),
    ),
    (
        "Ray Ortiz oversees Velta Corp. for the state regulator.",
        set(),
        {("Ray Ortiz", "employer", "Velta Corp.")},
    ),
    # a company described in apposition is the object of the verb hung on its noun, also where
    # the parser hangs the noun on the sentence's verb
    (
        "Lindholm Steel agreed last month to sell the mill to Arctic Fibre, a company founded "
        "in 2011 by the engineer Sigrid Haug.",
        {("Arctic Fibre", "founded_by", "Sigrid Haug"), ("Arctic Fibre", "inception", "2011")},
        {("Lindholm Steel", "founded_by", "Sigrid Haug")},
    ),
    # a subject after the comma is its own clause's
    (
        "After the sale to Arctic Fibre, a company founded by Sigrid Haug said it would hire.",
        set(),
        {("Arctic Fibre", "founded_by", "Sigrid Haug")},
    ),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), CASES, ids=[c[0][:40] for c in CASES])
def test_org_phrase(pipeline, text, expected, forbidden):
    got = rule_facts(pipeline, text)
    assert expected <= got, got
    assert not forbidden & got, got
