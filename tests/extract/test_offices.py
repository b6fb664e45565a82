"""An office's place, a legislator's party and seat, a resident's place and a job title, read
by the rules and the relation model of the shipped pipeline (kg.extract.offices). Sentences of
our own making."""

from __future__ import annotations

import pytest

import kg
from kg.extract.mentions import extract
from kg.extract.offices import _job_title
from kg.resolve.resolver import resolve


def _facts(pipeline, text: str) -> set[tuple[str, str, str]]:
    res = resolve(extract([kg.from_text(text)], pipeline))
    return {
        (r.subject.name, r.predicate, getattr(r.object, "name", str(r.object)))
        for r in res.relations
    }


NO_FACT = [
    # (text, a fact that must not be read): an office's place is its jurisdiction
    ("Ohio Governor Dana Merrow signed the bill on Tuesday.", ("Dana Merrow", "employer")),
    # a body's bare noun before a post is no organization
    (
        "Jane Orr, Group President, Asia Pacific, Halden Hotels, spoke on Monday.",
        ("Group", "director_manager"),
    ),
    # a legislator's seat is no employer; a resident's place neither
    ("Tom Reddin, the Labour MP for Leeds North, backed the report.", ("Tom Reddin", "employer")),
    (
        "Ridgewood Heights resident Carla Munez, 61, said she was angry.",
        ("Carla Munez", "employer"),
    ),
    # a country's office says no home: one may serve it abroad
    (
        "U.S. President Mark Dalton's administration said on Monday it would send more aid.",
        ("Mark Dalton", "residence"),
    ),
    (
        "The forum, proposed by US Congresswoman Linda Marsh, was on the agenda on Wednesday.",
        ("Linda Marsh", "residence"),
    ),
    (
        "Taiwanese President Lin Wei-chen's re-election was no easy feat.",
        ("Lin Wei-chen", "residence"),
    ),
    # a party's bare word is no employer
    (
        "Marla Denton, who is the sister of Queens Republican chair Victor Sallo, spoke on Monday.",
        ("Marla Denton", "employer"),
    ),
]


@pytest.mark.parametrize(("text", "banned"), NO_FACT)
def test_no_fact(pipeline, text: str, banned: tuple[str, str]) -> None:
    got = {(s, p) for s, p, _ in _facts(pipeline, text)}
    assert banned not in got


KEPT = [
    # (text, a fact still read)
    (
        "Police arrested Paul Anders, 30, of Dedham, on Monday.",
        ("Paul Anders", "residence", "Dedham"),
    ),
    (
        "Tom Reddin, the Labour MP for Leeds North, backed the report.",
        ("Tom Reddin", "member_of_political_party", "Labour"),
    ),
    (
        "“Models use more energy,” says Kara Olsen, a researcher at Mila, an institute in Canada.",
        ("Kara Olsen", "employer", "Mila"),
    ),
    # a state's office and a town's trade still say where one lives (kg.extract.residence)
    ("Louisiana Gov. Earl Banks signed the bill.", ("Earl Banks", "residence", "Louisiana")),
    (
        "Bill Tarrow, a Tulsa engineer, said the plan was sound.",
        ("Bill Tarrow", "residence", "Tulsa"),
    ),
    (
        "U.S. President Mark Dalton's administration said on Monday it would send more aid.",
        ("Mark Dalton", "country_of_citizenship", "United States"),
    ),
]


@pytest.mark.parametrize(("text", "fact"), KEPT)
def test_kept(pipeline, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _facts(pipeline, text)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Computer Scientist", True),
        ("Founder & Principal Consultant", True),
        ("The Economist", False),
        ("Economist", False),
        ("Smart Automation Research Lab", False),
        ("Caribbean Air and Marine Branch", False),
    ],
)
def test_job_title(name: str, title: bool) -> None:
    assert _job_title(name) is title


# (text, the posts read): a title's first role noun ("Executive Director") is no post alone
POSTS = [
    (
        "Trust Executive Director Dana Ruiz at that time asked for full service details.",
        {"executive director"},
    ),
    ("Dana Ruiz, managing director of Acme Corp., said sales rose.", {"managing director"}),
]


@pytest.mark.parametrize(("text", "posts"), POSTS)
def test_a_titles_first_role_noun_is_no_post(pipeline, text: str, posts: set[str]) -> None:
    assert {o for _, p, o in _facts(pipeline, text) if p == "position_held"} == posts
