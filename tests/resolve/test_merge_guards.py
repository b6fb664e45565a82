"""Merge rules' guards and the names news calls a thing by. A name the recogniser tagged a
person's, where the type model was sure every tag was wrong, has no surname or first name. A
party named without its "Party", a club without "FC" or "BK", joins its full name; a club
named by its city, the one club of its document named after the city. A Spanish or
Portuguese name of four words carries two surnames, the first of which names the person.
Each row is (documents: text and its names with their labels and, where they matter, their
type votes; the groups of names that are one entity; the groups that must stay apart)."""

import pytest

from kg.resolve import resolve
from tests.resolve.test_merge_evidence import check_groups, one
from tests.resolve.test_merge_rules import ORG, TEAM, G, P, extraction

# a vote for a person spent to nothing: the type model overruled the recogniser's tag
OVERRULED = {"Person": 0.0}

CASES = {
    "a mountain named after a person, tagged a person once, is no surname's full name": (
        [
            (
                "Mount Tarvo rises above the ice. It was named for Lieutenant Ari Tarvo. "
                "Tarvo flew over it in 1956.",
                [("Mount Tarvo", P), ("Ari Tarvo", P), ("Tarvo", P)],
                {"Mount Tarvo": {**OVERRULED, "Place": 4.0}},
            )
        ],
        [one("Ari Tarvo", "Tarvo", "Tarvo")],
        [one("Mount Tarvo", "Tarvo")],
    ),
    "a club named after its town, tagged a person, does not take the town as a surname": (
        [
            (
                "He played for Dinamo Kelvara before moving to Kelvara in 2004.",
                [("Dinamo Kelvara", P), ("Kelvara", G)],
                {"Dinamo Kelvara": {**OVERRULED, "Organization": 1.1}, "Kelvara": {"Place": 1.0}},
            )
        ],
        [],
        [one("Dinamo Kelvara", "Kelvara")],
    ),
    "a company's regional unit, tagged a person, does not take the company as a first name": (
        [
            (
                "Zentro released the game. Zentro Canada said it would not ship it.",
                [("Zentro", ORG), ("Zentro Canada", P)],
                {
                    "Zentro Canada": {**OVERRULED, "Organization": 1.3},
                    "Zentro": {"Organization": 1.0},
                },
            )
        ],
        [],
        [one("Zentro", "Zentro Canada")],
    ),
    "a name tagged a person that the type model left standing keeps its surname": (
        [
            (
                "Toma Vasko, editor of the Daily Star, spoke. Vasko said the paper would close.",
                [("Toma Vasko", P), ("Vasko", P)],
                {"Toma Vasko": {"Person": 1.0, "Organization": 1.5}},
            )
        ],
        [one("Toma Vasko", "Vasko")],
        [],
    ),
    "a club named in full, then by its city": (
        [
            (
                "Athletic Bilbao won 2-0. The Bilbao coach praised his side.",
                [("Athletic Bilbao", ORG), ("Bilbao", TEAM)],
                {},
            )
        ],
        [one("Athletic Bilbao", "Bilbao")],
        [],
    ),
    "a club by its city, the city after its name": (
        [
            (
                "Real Valencia beat Stuttgart. Rivals Valencia then lost to Milan.",
                [("Real Valencia", ORG), ("Valencia", TEAM), ("Stuttgart", TEAM)],
                {},
            )
        ],
        [one("Real Valencia", "Valencia")],
        [],
    ),
    "two clubs named after one city: the city's club joins neither": (
        [
            (
                "Inter Milan drew with AC Milan. The Milan coach was sacked.",
                [("Inter Milan", ORG), ("AC Milan", ORG), ("Milan", TEAM)],
                {},
            )
        ],
        [],
        [one("Inter Milan", "Milan"), one("AC Milan", "Milan")],
    ),
    "a club's city in another document without the club is no evidence": (
        [
            ("Athletic Bilbao won 2-0.", [("Athletic Bilbao", ORG)], {}),
            ("The Bilbao coach was sacked.", [("Bilbao", TEAM)], {}),
        ],
        [],
        [one("Athletic Bilbao", "d1:Bilbao")],
    ),
    "a name of four words: the father's surname, before the mother's, names the person": (
        [
            (
                "Luis Alberto Moreno Mejía was elected president. Moreno thanked his voters.",
                [("Luis Alberto Moreno Mejía", P), ("Moreno", P)],
                {},
            )
        ],
        [one("Luis Alberto Moreno Mejía", "Moreno")],
        [],
    ),
    "a name of three words: the word before the surname is a middle name": (
        [
            (
                "John Fitzgerald Adams spoke. Later Fitzgerald, his cousin, replied.",
                [("John Fitzgerald Adams", P), ("Fitzgerald", P)],
                {},
            )
        ],
        [],
        [one("John Fitzgerald Adams", "Fitzgerald")],
    ),
    "a party named in full, then without its 'Party'": (
        [
            (
                "The Social Democratic Party lost seats. The Social Democratic leader resigned.",
                [("Social Democratic Party", ORG), ("Social Democratic", ORG)],
                {},
            )
        ],
        [one("Social Democratic Party", "Social Democratic")],
        [],
    ),
    "a person's surname is not the party it begins": (
        [
            (
                "Tom Green joined the Green Party. Green said he would stand.",
                [("Tom Green", P), ("Green Party", ORG), ("Green", P)],
                {},
            )
        ],
        [one("Tom Green", "Green")],
        [one("Green Party", "Green")],
    ),
    "a club named with the letters of its form, then without them": (
        [
            (
                "Rosenborg BK won the league. Rosenborg then lost in Europe.",
                [("Rosenborg BK", ORG), ("Rosenborg", ORG)],
                {},
            )
        ],
        [one("Rosenborg BK", "Rosenborg")],
        [],
    ),
}


@pytest.mark.parametrize("docs, joined, apart", CASES.values(), ids=CASES)
def test_merge_guards(docs, joined, apart):
    check_groups(docs, joined, apart)


def test_the_merge_log_says_the_club_and_its_document():
    docs = [
        ("Real Valencia won. Rivals Valencia lost.", [("Real Valencia", ORG), ("Valencia", TEAM)])
    ]
    ex = extraction("d0", *docs[0])
    (m,) = [m for m in resolve([ex]).merges if m.rule == "club"]
    assert (m.name, m.merged) == ("Real Valencia", ("Valencia",))
    assert "named after the city in document d0" in m.reason
