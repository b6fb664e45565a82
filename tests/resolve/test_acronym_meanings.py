"""An acronym's meaning across documents: a document's own definition holds in it; elsewhere a
definition holds where it is unambiguous (no other document defines the acronym as another
name, and kg's table of known acronyms gives it no other meaning)."""

from __future__ import annotations

import pycountry
import pytest

from kg.extract.records import DocExtraction
from kg.lexicon import KNOWN_ACRONYMS
from kg.names import abbreviates, name_key, places
from kg.resolve import Resolver, definitions, resolve
from tests.resolve.test_merge_rules import ORG, G, extraction

POLICE = (
    "The Australian Federal Police (AFP) arrested two men in Sydney. The AFP said more "
    "arrests would follow.",
    [("Australian Federal Police", ORG), ("AFP", ORG), ("Sydney", G)],
)
AGENCY = (
    "Agence France-Presse opened a bureau in Lagos. AFP hired ten reporters.",
    [("Agence France-Presse", ORG), ("AFP", ORG), ("Lagos", G)],
)
CREDITED = ("Prices rose in Lagos on Monday, AFP reported.", [("AFP", ORG), ("Lagos", G)])
PARTY = (
    "The Democratic Party (DP) won the vote in Lisbon. The DP will form a government.",
    [("Democratic Party", ORG), ("DP", ORG), ("Lisbon", G)],
)
PAPER = (
    "The Daily Planet (DP) sold more copies in Metropolis. The DP hired an editor.",
    [("Daily Planet", ORG), ("DP", ORG), ("Metropolis", G)],
)
UNDEFINED = ("The DP said nothing on Tuesday.", [("DP", ORG)])
MOTORS = (
    "General Motors (GM) cut jobs in Detroit. GM said demand fell.",
    [("General Motors", ORG), ("GM", ORG), ("Detroit", G)],
)
MOTORS_AGAIN = (
    "General Motors Company (GM) opened a plant in Ohio. GM hired workers.",
    [("General Motors Company", ORG), ("GM", ORG), ("Ohio", G)],
)
GM_ELSEWHERE = ("Sales at GM rose in May.", [("GM", ORG)])


def entities(docs: list[tuple[str, list[tuple[str, str]]]]) -> dict[tuple[str, str], str]:
    """Each (document, mention text) -> the name of the entity that carries it."""
    exs = [extraction(f"d{n}", text, names) for n, (text, names) in enumerate(docs)]
    return {(m.doc_id, m.text): e.name for e in resolve(exs).entities for m in e.mentions}


# (documents, {(document, acronym): the name of its entity})
CASES = {
    "a definition of another meaning than the table's holds in its document only": (
        [POLICE, AGENCY, CREDITED],
        {
            ("d0", "AFP"): "Australian Federal Police",
            ("d1", "AFP"): "Agence France-Presse",
            ("d2", "AFP"): "Agence France-Presse",
        },
    ),
    "the table's meaning stands where no document names it in full": (
        [POLICE, CREDITED],
        {("d0", "AFP"): "Australian Federal Police", ("d1", "AFP"): "AFP"},
    ),
    "two documents define one acronym as two names: each its own, elsewhere neither": (
        [PARTY, PAPER, UNDEFINED],
        {("d0", "DP"): "Democratic Party", ("d1", "DP"): "Daily Planet", ("d2", "DP"): "DP"},
    ),
    "one definition holds in every document": (
        [PARTY, UNDEFINED],
        {("d0", "DP"): "Democratic Party", ("d1", "DP"): "Democratic Party"},
    ),
    "two readings of one name are one meaning": (
        [MOTORS, MOTORS_AGAIN, MOTORS, GM_ELSEWHERE],
        {("d1", "GM"): "General Motors Company", ("d3", "GM"): "General Motors"},
    ),
}


@pytest.mark.parametrize(("docs", "expected"), CASES.values(), ids=CASES)
def test_an_acronyms_meaning_across_documents(docs, expected):
    got = entities(docs)
    assert {k: got[k] for k in expected} == expected


def test_the_merge_log_says_where_a_definition_holds():
    exs = [extraction(f"d{n}", t, names) for n, (t, names) in enumerate([POLICE, AGENCY])]
    log = {(m.name, m.merged): (m.rule, m.reason) for m in resolve(exs).merges}
    rule, reason = log[("Australian Federal Police", ("AFP",))]
    assert rule == "acronym defined" and "in its document d0" in reason
    rule, reason = log[("Agence France-Presse", ("AFP",))]
    assert rule == "acronym" and "initials" in reason and "document d1" in reason


def test_a_later_document_defining_an_acronym_otherwise_changes_no_earlier_result():
    """Documents added in batches give what one resolution of all of them gives."""
    docs = [PARTY, UNDEFINED, PAPER]
    exs: list[DocExtraction] = [extraction(f"d{n}", t, ns) for n, (t, ns) in enumerate(docs)]
    r = Resolver().add(exs[:2])
    r.result()
    batched = r.add(exs[2:]).result()
    whole = resolve(exs)
    assert sorted(e.name for e in batched.entities) == sorted(e.name for e in whole.entities)


# (text, a name and the acronym after it, whether the text defines the one as the other)
READ = [
    ("Shares of the Golden Bay Company (GBC) fell.", True),
    # a bracket on the next line is a credit's
    ("Shares of the Golden Bay Company\n(GBC) fell.", False),
]


@pytest.mark.parametrize(("text", "defined"), READ)
def test_a_definition_is_read_on_the_names_line(text, defined):
    ex = extraction("d0", text, [("Golden Bay Company", ORG), ("GBC", ORG)])
    found = definitions.read(ex, [name_key(m.text) for m in ex.mentions])
    assert bool(found) is defined


def test_a_credits_name_defines_nothing():
    ex = extraction(
        "d0", "Shares of the Golden Bay Company (GBC) fell.", [("Golden Bay Company", ORG)]
    )
    ex.mentions[0].credit = True
    assert definitions.read(ex, [name_key(m.text) for m in ex.mentions]) == []


@pytest.mark.parametrize(("acronym", "full"), sorted(KNOWN_ACRONYMS.items()))
def test_the_table_of_known_acronyms_holds_no_country_code(acronym, full):
    """Each known acronym spells its name, and is no country's ISO 3166 code (pycountry) nor
    a name of kg's places table: there the country's meaning would stand beside it."""
    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    assert abbreviates(acronym.upper(), full)
    assert acronym.upper() not in codes and acronym not in places()
