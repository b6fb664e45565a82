"""A lone word read a person's in one document, where no person named in any document is
called by it, joins the place or organization other documents name by it ("Ankara said",
"he told Bild"); a word that ends or begins a person's name somewhere stays in its document,
and so do all where the person's readings together would outvote the thing's. Each row is
(documents: text and its names with their labels and, where they matter, their type votes;
the groups of names that are one entity; the groups that must stay apart)."""

import pytest

from kg.resolve import resolve
from tests.resolve.test_merge_evidence import check_groups, one
from tests.resolve.test_merge_rules import ORG, G, P, extraction

CASES = {
    "a capital speaking for its government joins the place": (
        [
            ("Velmora said the jet had strayed into its airspace.", [("Velmora", P)], {}),
            ("Talks were held in Velmora on Monday.", [("Velmora", G)], {}),
            ("Velmora is a city of four million.", [("Velmora", G)], {}),
        ],
        [one("d0:Velmora", "d1:Velmora", "d2:Velmora")],
        [],
    ),
    "a newspaper read a person's joins the newspaper": (
        [
            ("He told Kurier on Sunday that he would stay.", [("Kurier", P)], {}),
            ("Kurier printed the letter. Kurier sold out.", [("Kurier", ORG)], {}),
        ],
        [one("d0:Kurier", "d1:Kurier")],
        [],
    ),
    "a word that ends a person's name in some document stays in its own": (
        [
            ("Tarnow said the vote would be close.", [("Tarnow", P)], {}),
            ("Tarnow raised its prices. Tarnow lost.", [("Tarnow", ORG)], {}),
            ("Helen Tarnow joined the board.", [("Helen Tarnow", P)], {}),
        ],
        [],
        [one("d0:Tarnow", "d1:Tarnow")],
    ),
    "a word that begins a person's name in some document stays in its own": (
        [
            ("Lorna said the vote would be close.", [("Lorna", P)], {}),
            ("Flights to Lorna resumed.", [("Lorna", G)], {}),
            ("Lorna Vesk joined the board.", [("Lorna Vesk", P)], {}),
        ],
        [],
        [one("d0:Lorna", "d1:Lorna")],
    ),
    "readings as a person that together outvote the place join it not": (
        [
            ("Brenko said so.", [("Brenko", P)], {}),
            ("Brenko agreed.", [("Brenko", P)], {}),
            ("Brenko left early.", [("Brenko", P)], {}),
            ("Roads near Brenko were shut.", [("Brenko", G)], {}),
        ],
        [],
        [one("d0:Brenko", "d3:Brenko"), one("d1:Brenko", "d3:Brenko")],
    ),
}


@pytest.mark.parametrize("docs, joined, apart", CASES.values(), ids=CASES)
def test_read_elsewhere(docs, joined, apart):
    check_groups(docs, joined, apart)


def test_the_merge_log_says_the_document_and_why():
    exs = [
        extraction("d0", "Velmora said the jet had strayed.", [("Velmora", P)]),
        extraction("d1", "Talks were held in Velmora.", [("Velmora", G)]),
        extraction("d2", "Velmora is a city.", [("Velmora", G)]),
    ]
    (m,) = [m for m in resolve(exs).merges if m.rule == "same name"]
    assert "read a person's in document d0" in m.reason
    assert "no person named in any document" in m.reason
