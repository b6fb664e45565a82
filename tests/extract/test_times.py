"""Times on facts: (text, publication date, expected time qualifiers) tables, relative dates
included; the reported time on every piece of evidence; and events (acquisitions with their
status, departures, successions, mergers, positions held with their organisation)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import kg
from kg.extract.times import resolve, shifted
from kg.model import Time


def _read(pipeline, text: str, date: str | None):
    from kg.extract.mentions import extract
    from kg.resolve.resolver import resolve as resolve_facts

    doc = replace(kg.from_text(text), date=date)
    return resolve_facts(extract([doc], pipeline, relation_model=None)).relations


def _fact(relations, subject: str, predicate: str, obj: str) -> kg.Relation:
    found = [
        r
        for r in relations
        if r.subject.name == subject
        and r.predicate == predicate
        and getattr(r.object, "name", r.object) == obj
    ]
    assert len(found) == 1, [(r.subject.name, r.predicate, r.object) for r in relations]
    return found[0]


def _times(r: kg.Relation) -> dict[str, tuple[str, str]]:
    return {
        role: (t.value, t.precision)
        for role, t in (("start", r.start), ("end", r.end), ("when", r.when))
        if t is not None
    }


TIMES = [
    # explicit years, months and days
    (
        "Microsoft hired John Smith in 2019.",
        "2026-06-03",
        ("John Smith", "employer", "Microsoft"),
        {"start": ("2019", "year")},
    ),
    (
        "Tim Cook ran Apple Inc until 2020.",
        "2026-06-03",
        ("Apple Inc", "director_manager", "Tim Cook"),
        {"end": ("2020", "year")},
    ),
    (
        "Satya Nadella has led Microsoft since February 2014.",
        "2026-06-03",
        ("Microsoft", "director_manager", "Satya Nadella"),
        {"start": ("2014-02", "month")},
    ),
    (
        "Acme Corp appointed Jane Doe on March 3, 2021.",
        "2026-06-03",
        ("Jane Doe", "appointed_by", "Acme Corp"),
        {"when": ("2021-03-03", "day")},
    ),
    # relative to the publication date
    (
        "Microsoft appointed Jane Doe last year.",
        "2026-06-03",
        ("Jane Doe", "employer", "Microsoft"),
        {"start": ("2025", "year")},
    ),
    (
        "Microsoft appointed Jane Doe last year.",
        "2026-06-03",
        ("Jane Doe", "appointed_by", "Microsoft"),
        {"when": ("2025", "year")},
    ),
    (
        "Acme Corp appointed Jane Doe on Tuesday.",
        "2026-06-03",  # a Wednesday: the Tuesday before
        ("Jane Doe", "appointed_by", "Acme Corp"),
        {"when": ("2026-06-02", "day")},
    ),
    (
        "Satya Nadella has led Microsoft since March.",
        "2026-06-03",
        ("Microsoft", "director_manager", "Satya Nadella"),
        {"start": ("2026-03", "month")},
    ),
    (
        "Microsoft hired John Smith two years ago.",
        "2026-06-03T09:00",
        ("John Smith", "employer", "Microsoft"),
        {"start": ("2024", "year")},
    ),
    # a length before "after": counted back from the main clause's time
    (
        "One year after Mark Zuckerberg appointed Sheryl Sandberg, Facebook has grown.",
        "2026-06-03",
        ("Sheryl Sandberg", "appointed_by", "Mark Zuckerberg"),
        {"when": ("2025", "year")},
    ),
    (
        "Two months after Microsoft hired John Smith in March 2020, he quit.",
        "2026-06-03",
        ("John Smith", "employer", "Microsoft"),
        {"start": ("2020-03", "month")},
    ),
    (
        "Two months after Microsoft hired John Smith, he quit in March 2020.",
        "2026-06-03",
        ("John Smith", "employer", "Microsoft"),
        {"start": ("2020-01", "month")},
    ),
    (
        "Anna Berg, who moved to Oslo in 2003, teaches at the University of Oslo.",
        "2026-06-03",
        ("Anna Berg", "residence", "Oslo"),
        {"start": ("2003", "year")},
    ),
    # a departure ends what it leaves
    (
        "John Smith left Microsoft last year.",
        "2026-06-03",
        ("John Smith", "employer", "Microsoft"),
        {"end": ("2025", "year")},
    ),
    (
        "John Smith left Microsoft in 2021.",
        "2026-06-03",
        ("John Smith", "employer", "Microsoft"),
        {"end": ("2021", "year")},
    ),
    # nothing attached: no qualifier, whatever year the sentence holds
    (
        "Microsoft hired John Smith, who had studied at Harvard in 1998.",
        "2026-06-03",
        ("John Smith", "employer", "Microsoft"),
        {},
    ),
    (
        "In a 2019 interview, Tim Cook said Apple had hired Jane Doe.",
        "2026-06-03",
        ("Jane Doe", "employer", "Apple"),
        {},
    ),
    # no publication date: explicit times still read, relative ones not
    (
        "Microsoft hired John Smith in 2019.",
        None,
        ("John Smith", "employer", "Microsoft"),
        {"start": ("2019", "year")},
    ),
    ("Microsoft appointed Jane Doe last year.", None, ("Jane Doe", "employer", "Microsoft"), {}),
]


@pytest.mark.parametrize(
    "text, date, fact, expected", TIMES, ids=[f"{t[:36]}|{d}" for t, d, _, _ in TIMES]
)
def test_time_qualifiers(pipeline, text, date, fact, expected):
    r = _fact(_read(pipeline, text, date), *fact)
    assert _times(r) == expected
    for ev in r.evidence:
        assert ev.reported == date
        # each reading gives no time but those expected (a length beside a date gives none)
        assert {role: (t.value, t.precision) for role, t in ev.times}.items() <= expected.items()


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("2019", None, Time("2019", "year")),
        ("March 2019", None, Time("2019-03", "month")),
        ("March 3, 2019", None, Time("2019-03-03", "day")),
        ("last year", "2026-06-03", Time("2025", "year")),
        ("last month", "2026-01-15", Time("2025-12", "month")),
        ("yesterday", "2026-06-03T14:35", Time("2026-06-02", "day")),
        ("Tuesday", "2026-06-03", Time("2026-06-02", "day")),
        ("March", "2026-06-03", Time("2026-03", "month")),
        ("last year", None, None),
        ("the 1990s", "2026-06-03", None),
        ("recent years", "2026-06-03", None),
    ],
)
def test_resolve(text, published, expected):
    assert resolve(text, published) == expected


@pytest.mark.parametrize(
    "length, sign, published, ref, expected",
    [
        ("one year", -1, "2026-06-03T14:35", None, Time("2025", "year")),
        ("18 months", -1, "2026-06-03", None, Time("2024-12", "month")),
        ("three days", 1, "2026-06-03", None, Time("2026-06-06", "day")),
        ("two years", -1, None, Time("2019-03", "month"), Time("2017-03", "month")),
        ("three days", 1, None, Time("2019", "year"), Time("2019", "year")),
        ("several years", -1, "2026-06-03", None, None),
        ("one year", -1, None, None, None),
    ],
)
def test_shifted(length, sign, published, ref, expected):
    assert shifted(length, sign, published, ref) == expected


# -- events -----------------------------------------------------------------------------------

ACQUISITIONS = [
    ("Globex Corp agreed to buy Initech Inc.", "agreed"),
    ("Globex Corp signed a deal to buy Initech Inc.", "agreed"),
    ("Globex Corp plans to buy Initech Inc.", "announced"),
    ("Globex Corp will buy Initech Inc.", "announced"),
    ("Globex Corp announced the acquisition of Initech Inc.", "announced"),
    ("Globex Corp bought Initech Inc in 2021.", "completed"),
    ("Globex Corp completed its acquisition of Initech Inc.", "completed"),
    ("Globex Corp has acquired Initech Inc.", "completed"),
    ("Globex Corp took a 10% stake in Initech Inc.", "completed"),
]


@pytest.mark.parametrize("text, status", ACQUISITIONS)
def test_acquisitions_with_their_status(pipeline, text, status):
    rels = _read(pipeline, text, "2026-06-03")
    bought = "Initech Inc" if "Inc in" in text else "Initech Inc."
    r = _fact(rels, bought, "owned_by", "Globex Corp")
    assert r.status == status


def test_an_agreed_acquisition_is_dated_when_agreed_a_completed_one_from_then_on(pipeline):
    agreed = _read(pipeline, "Globex Corp agreed to buy Initech Inc on Tuesday.", "2026-06-03")
    r = _fact(agreed, "Initech Inc", "owned_by", "Globex Corp")
    assert _times(r) == {"when": ("2026-06-02", "day")}
    text = "Globex Corp completed its acquisition of Initech Inc last month."
    r = _fact(_read(pipeline, text, "2026-06-03"), "Initech Inc", "owned_by", "Globex Corp")
    assert (r.status, _times(r)) == ("completed", {"start": ("2026-05", "month")})


def test_a_denied_acquisition_is_flagged_not_asserted(pipeline):
    from kg.extract.mentions import extract
    from kg.resolve.resolver import resolve as resolve_facts

    doc = replace(kg.from_text("Globex Corp did not buy Initech Inc."), date="2026-06-03")
    res = resolve_facts(extract([doc], pipeline, relation_model=None))
    assert not [r for r in res.relations if r.predicate == "owned_by"]
    assert [r.predicate for r in res.flagged if r.subject.name == "Initech Inc."] == ["owned_by"]


def test_a_departure_ends_the_post(pipeline):
    text = "John Smith stepped down as chief executive of Microsoft on Tuesday."
    rels = _read(pipeline, text, "2026-06-03")
    for fact in (
        ("Microsoft", "chief_executive_officer", "John Smith"),
        ("John Smith", "employer", "Microsoft"),
        ("John Smith", "position_held", "chief executive officer"),
    ):
        r = _fact(rels, *fact)
        assert (r.status, _times(r)) == ("ended", {"end": ("2026-06-02", "day")})


def test_successions_both_ways(pipeline):
    rels = _read(
        pipeline, "Satya Nadella succeeded Steve Ballmer as chief executive of Microsoft.", None
    )
    _fact(rels, "Satya Nadella", "replaces", "Steve Ballmer")
    _fact(rels, "Steve Ballmer", "replaced_by", "Satya Nadella")
    r = _fact(rels, "Satya Nadella", "position_held", "chief executive officer")
    assert r.of is not None and r.of.name == "Microsoft"


def test_a_merger(pipeline):
    rels = _read(pipeline, "Globex Corp merged into Initech Inc in 2020.", "2026-06-03")
    r = _fact(rels, "Globex Corp", "merged_into", "Initech Inc")
    assert _times(r) == {"when": ("2020", "year")}


def test_a_role_gives_position_employer_and_leader_with_the_same_evidence(pipeline):
    rels = _read(pipeline, "WPP chief executive Martin Sorrell said profits rose.", "2004-03-01")
    position = _fact(rels, "Martin Sorrell", "position_held", "chief executive officer")
    ceo = _fact(rels, "WPP", "chief_executive_officer", "Martin Sorrell")
    employer = _fact(rels, "Martin Sorrell", "employer", "WPP")
    assert position.of is not None and position.of.name == "WPP"
    sentences = {(e.doc_id, e.start, e.end) for r in (position, ceo, employer) for e in r.evidence}
    assert len(sentences) == 1


def test_the_same_post_at_two_companies_is_two_facts(pipeline):
    text = "Jane Doe is the chairman of Siemens. Jane Doe is also the chairman of Bosch."
    rels = _read(pipeline, text, None)
    held = [r for r in rels if r.predicate == "position_held"]
    assert sorted(r.of.name for r in held if r.of is not None) == ["Bosch", "Siemens"]
    assert len({r.key for r in held}) == 2


def test_a_fact_reported_by_two_documents_keeps_each_report(pipeline):
    docs = [
        replace(kg.from_text("Microsoft hired John Smith in 2019.", doc_id="a"), date="2019-05-01"),
        replace(kg.from_text("Microsoft hired John Smith.", doc_id="b"), date="2020-01-10"),
    ]
    g = kg.build(docs, model=pipeline)
    r = _fact(g.relations, "John Smith", "employer", "Microsoft")
    assert sorted({(e.doc_id, e.reported) for e in r.evidence}) == [
        ("a", "2019-05-01"),
        ("b", "2020-01-10"),
    ]
    assert r.reported == "2019-05-01" and _times(r) == {"start": ("2019", "year")}


def test_selling_a_stake_is_no_purchase(pipeline):
    rels = _read(pipeline, "Globex Corp sold its stake in Initech Inc.", "2026-06-03")
    assert not [r for r in rels if r.predicate in ("owned_by", "owner_of")]


def test_an_appointment_as_a_post_is_a_position_of_the_appointer_from_then_on(pipeline):
    text = "Acme Corp appointed Jane Doe as chairman last year."
    r = _fact(_read(pipeline, text, "2026-06-03"), "Jane Doe", "position_held", "chairman")
    assert r.of is not None and r.of.name == "Acme Corp"
    assert _times(r) == {"start": ("2025", "year")}
