"""A work's year in brackets after its name (kg.extract.works). Sentences of our own making;
the rules alone read them."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import rule_facts

PUBLISHED = "publication_date"

# (text, facts the rules must read, facts they must not)
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
]


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"), WORKS, ids=[t[:40] for t, _, _ in WORKS]
)
def test_work_years(pipeline, text: str, expected: set, forbidden: set) -> None:
    got = rule_facts(pipeline, text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not forbidden & got, f"read {forbidden & got}"
