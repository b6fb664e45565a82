"""Times, statuses and positions in RDF: Wikidata-style qualifiers on the statement, the
reported time on each evidence; they validate against the shapes, round-trip through every
format and from_rdf, and an acquisition only agreed has no plain triple."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD

import kg
from kg.rdf.formats import FORMATS
from kg.rdf.namespaces import KGV, RDF

TEXTS = [
    ("Globex Corp agreed to buy Initech Inc on Tuesday.", "2026-06-03"),
    ("WPP chief executive Martin Sorrell said profits rose.", "2004-03-01T09:30"),
    ("Satya Nadella has led Microsoft since February 2014.", "2026-06-03"),
    ("Tim Cook ran Apple Inc until 2020.", "2026-06-03"),
    ("John Smith stepped down as chief executive of Siemens on Tuesday.", "2026-06-03"),
    ("Microsoft hired Jane Doe last year.", "2026-06-03"),
]


@pytest.fixture(scope="module")
def events(pipeline) -> kg.KnowledgeGraph:
    docs = [replace(kg.from_text(t, doc_id=f"d{i}"), date=d) for i, (t, d) in enumerate(TEXTS)]
    return kg.build(docs, model=pipeline)


def _qualified(g: kg.KnowledgeGraph) -> set:
    return {
        (r.key, r.start, r.end, r.when, r.status, r.of.id if r.of else None)
        for r in [*g.relations, *g.candidates, *g.flagged]
    }


def _reports(g: kg.KnowledgeGraph) -> set:
    return {
        (r.key, e.doc_id, e.reported, e.times, e.status) for r in g.relations for e in r.evidence
    }


def test_the_events_graph_holds_every_kind_of_qualifier(events):
    rels = [*events.relations, *events.candidates]
    assert any(r.start and r.start.precision == "month" for r in rels)
    assert any(r.end and r.end.precision == "year" for r in rels)
    assert any(r.when and r.when.precision == "day" for r in rels)
    assert {r.status for r in rels} >= {"agreed", "ended"}
    assert any(r.of is not None for r in rels)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_qualifiers_round_trip_in_every_format(events, tmp_path: Path, fmt):
    path = tmp_path / f"graph{FORMATS[fmt].suffix}"
    events.write_rdf(path, format=fmt)
    back = kg.KnowledgeGraph.from_rdf(path)
    assert _qualified(back) == _qualified(events)
    assert _reports(back) == _reports(events)


def test_qualifiers_are_typed_by_their_precision(events):
    g = events.to_rdf()
    types = {
        o.datatype
        for p in (KGV.startTime, KGV.endTime, KGV.pointInTime)
        for o in g.objects(None, p)
    }
    assert types == {XSD.gYear, XSD.gYearMonth, XSD.date}
    assert {o.datatype for o in g.objects(None, KGV.reportedOn)} == {XSD.date, XSD.dateTime}


def _agreed(g: Graph) -> list:
    """The facts of the agreed acquisition: owned_by and its inverse owner_of."""
    return [f for f in g.subjects(KGV.status, Literal("agreed")) if (f, RDF.type, KGV.Fact) in g]


def test_an_agreed_acquisition_is_reified_without_its_plain_triple(events):
    g = events.to_rdf()
    facts = _agreed(g)
    assert {g.value(f, RDF.predicate) for f in facts} == {KGV.owned_by, KGV.owner_of}
    for f in facts:
        assert (g.value(f, RDF.subject), g.value(f, RDF.predicate), g.value(f, RDF.object)) not in g


def test_a_position_held_names_its_organisation(events):
    g = events.to_rdf()
    facts = [f for f in g.subjects(RDF.predicate, KGV.position_held)]
    orgs = {str(g.value(g.value(f, KGV.of), KGV.id)) for f in facts}
    assert {"wpp", "siemens"} <= orgs


pyshacl = pytest.importorskip("pyshacl")
SHAPES = Path(kg.__file__).parent / "data" / "shapes.ttl"


def _validate(g: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def test_the_events_graph_conforms(events):
    conforms, text = _validate(events.to_rdf())
    assert conforms, text


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def _agreed_but_asserted(g: Graph) -> None:
    f = _agreed(g)[0]
    g.add((g.value(f, RDF.subject), g.value(f, RDF.predicate), g.value(f, RDF.object)))


def _time_as_a_string(g: Graph) -> None:
    f = next(g.subjects(KGV.startTime, None))
    g.set((f, KGV.startTime, Literal("February 2014")))


def _reported_as_a_string(g: Graph) -> None:
    e = next(g.subjects(KGV.reportedOn, None))
    g.set((e, KGV.reportedOn, Literal("3 June 2026")))


def _unknown_status(g: Graph) -> None:
    f = next(g.subjects(KGV.status, None))
    g.set((f, KGV.status, Literal("rumoured")))


@pytest.mark.parametrize(
    "damage, message",
    [
        (_agreed_but_asserted, "only announced or agreed, but its plain triple is asserted"),
        (_time_as_a_string, "NodeConstraintComponent"),
        (_reported_as_a_string, "OrConstraintComponent"),
        (_unknown_status, "InConstraintComponent"),
    ],
)
def test_the_shapes_catch_damaged_qualifiers(events, damage, message):
    g = _copy(events.to_rdf())
    damage(g)
    conforms, text = _validate(g)
    assert not conforms and message in text, text


def test_the_table_exports_carry_the_qualifiers(events):
    import csv
    import io

    from kg.export.csv import csv_files
    from kg.export.neo4j import neo4j_files
    from kg.export.table import flatten, to_networkx

    events = events.at_confidence(0.0)  # every fact read, candidates too
    rows = list(csv.DictReader(io.StringIO(csv_files(events)["facts.csv"])))
    led = [r for r in rows if (r["subject"], r["predicate"]) == ("Microsoft", "director_manager")]
    assert led and {(r["start_time"], r["reported"]) for r in led} == {("2014-02", "2026-06-03")}
    assert {r["status"] for r in rows} >= {"agreed", "ended"}
    neo = list(csv.DictReader(io.StringIO(neo4j_files(events)["facts.csv"])))
    assert {r["of"] for r in neo if r["predicate"] == "position_held"} >= {"wpp", "siemens"}
    edges = to_networkx(flatten(events)).edges(data=True)
    assert {d["end_time"] for _, _, d in edges if d["predicate"] == "director_manager"} >= {"2020"}
