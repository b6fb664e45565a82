"""The time queries on built graphs: facts_as_of.rq with two articles that name different chief
executives of one company years apart, and timeline.rq with quotes beside facts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Literal, URIRef

import kg
from kg.rdf.namespaces import RDF, SDO

from ..conftest import ROOT

AS_OF = (ROOT / "queries" / "facts_as_of.rq").read_text(encoding="utf-8")
TIMELINE = (ROOT / "queries" / "timeline.rq").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def two_ceos(pipeline) -> kg.KnowledgeGraph:
    docs = [
        replace(
            kg.from_text("WPP chief executive Martin Sorrell said profits rose.", doc_id="old"),
            date="2004-03-01",
        ),
        replace(
            kg.from_text("WPP chief executive Mark Read said profits fell.", doc_id="new"),
            date="2019-01-15",
        ),
    ]
    # every fact asserted: what is tested is time, and a role noun's facts are calibrated to
    # 0.667, just under the default threshold (kg.defaults.MIN_CONFIDENCE)
    return kg.build(docs, model=pipeline, min_confidence=0.0)


def _ceos(g: kg.KnowledgeGraph, day: str) -> list[tuple[str, str]]:
    rows = g.query(AS_OF, params={"date": day})
    return sorted(
        (str(r["object"]), str(r["since"]))
        for r in rows.dicts()
        if str(r["subject"]) == "WPP" and str(r["predicate"]) == "chief_executive_officer"
    )


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2003-12-31", []),  # before either was reported
        ("2010-06-30", [("Martin Sorrell", "2004-03-01")]),
        ("2019-01-15", [("Mark Read", "2019-01-15")]),  # the later holder ends the earlier
        ("2026-06-03", [("Mark Read", "2019-01-15")]),
    ],
)
def test_facts_as_of_names_the_chief_executive_of_the_day(two_ceos, day, expected):
    assert _ceos(two_ceos, day) == expected


def test_facts_as_of_on_the_store_engine_too(two_ceos, tmp_path):
    import pyoxigraph as ox

    from kg.query.sparql import query_store
    from kg.rdf.write import serialize_kg

    db = ox.Store(str(tmp_path / "oxigraph"))
    db.load(serialize_kg(two_ceos, "nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    got = query_store(db, AS_OF, params={"date": "2010-06-30"})
    want = two_ceos.query(AS_OF, params={"date": "2010-06-30"})
    assert [tuple(map(str, r.values())) for r in got.dicts()] == [
        tuple(map(str, r.values())) for r in want.dicts()
    ]


def test_an_explicit_end_ends_a_fact(pipeline):
    doc = replace(kg.from_text("Tim Cook ran Apple Inc until 2020."), date="2026-06-03")
    g = kg.build([doc], model=pipeline, min_confidence=0.0)
    held = {
        (str(r["subject"]), str(r["predicate"]), str(r["until"]))
        for r in g.query(AS_OF, params={"date": "2019-06-30"}).dicts()
    }
    assert ("Apple Inc", "director_manager", "2020") not in held  # reported in 2026: not begun
    doc = replace(kg.from_text("Tim Cook ran Apple Inc from 2011 until 2020."), date="2026-06-03")
    g = kg.build([doc], model=pipeline, min_confidence=0.0)
    for day, holds in (("2010-06-30", False), ("2019-06-30", True), ("2021-01-01", False)):
        rows = g.query(AS_OF, params={"date": day}).dicts()
        got = {(str(r["subject"]), str(r["predicate"]), str(r["object"])) for r in rows}
        assert (("Apple Inc", "director_manager", "Tim Cook") in got) == holds, day


def test_timeline_orders_facts_and_quotes_by_time(two_ceos):
    g = two_ceos.to_rdf()
    sorrell = next(e for e in two_ceos.entities if e.name == "Martin Sorrell")
    base = two_ceos.base
    quote = URIRef(f"{base}quote/1")
    g.add((quote, RDF.type, SDO.Quotation))
    g.add((quote, SDO.creator, URIRef(f"{base}entity/{sorrell.id}")))
    g.add((quote, SDO.text, Literal("Profits rose.")))
    g.add((quote, SDO.isPartOf, URIRef(f"{base}doc/old")))
    from kg.query.sparql import query

    rows = [
        (str(r["time"]), str(r["kind"]), str(r["predicate"]), str(r["object"]))
        for r in query(g, TIMELINE, params={"name": "Martin Sorrell"}).dicts()
    ]
    assert rows[0][0] == "2004-03-01"
    assert ("2004-03-01", "quote", "said", "Profits rose.") in rows
    assert ("2004-03-01", "reported", "chief_executive_officer", "Martin Sorrell") in rows
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
