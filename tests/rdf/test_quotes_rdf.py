"""Quotations in the RDF: the schema:Quotation model, the SHACL shape, and the round trip
through every RDF format, from_rdf, the store and the CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV, SDO

import kg
from kg.export import csv_files
from kg.rdf.formats import FORMATS
from kg.rdf.namespaces import KGV

ARTICLES = [
    "Talks in Vienna\n\nLena Fischer met Ivan Petrov in Vienna on Monday. "
    '"We agreed on almost nothing," she told reporters. "But the talks go on."\n\n'
    "According to Orion Motors, sales rose by ten percent in May.",
    'Plant news\n\n"The plant will reopen next spring," Ivan Petrov said.',
]


@pytest.fixture(scope="module")
def quoted(pipeline) -> kg.KnowledgeGraph:
    g = kg.build(ARTICLES, model=pipeline)
    assert len(g.quotes) == 3, g.quotes
    return g


def test_a_quotation_is_attributed_and_part_of_its_document(quoted):
    rdf = quoted.to_rdf()
    qs = sorted(rdf.subjects(RDF.type, SDO.Quotation))
    assert len(qs) == len(quoted.quotes)
    for q in qs:
        speaker = rdf.value(q, PROV.wasAttributedTo)
        assert speaker == rdf.value(q, SDO.creator)
        assert (speaker, KGV.id, None) in rdf
        doc = rdf.value(q, SDO.isPartOf)
        assert (doc, RDF.type, KGV.Document) in rdf
        ev = rdf.value(q, KGV.evidence)
        assert rdf.value(ev, PROV.wasDerivedFrom) == doc
        assert str(rdf.value(ev, KGV.rule)).startswith("quote.")
        assert rdf.value(q, KGV.direct).toPython() in (True, False)
    texts = {str(rdf.value(q, SDO.text)) for q in qs}
    assert texts == {q.text for q in quoted.quotes}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_quotations_round_trip_in_every_format(quoted, tmp_path: Path, fmt):
    path = tmp_path / f"g{FORMATS[fmt].suffix}"
    quoted.write_rdf(path, format=fmt)
    back = kg.KnowledgeGraph.from_rdf(path, format=fmt)
    assert back.quotes == quoted.quotes


def test_the_store_keeps_quotations(quoted, tmp_path: Path, pipeline):
    from kg.store.core import Store

    st = Store(tmp_path / "store")
    for n, text in enumerate(ARTICLES):
        (tmp_path / f"a{n}.txt").write_text(text, encoding="utf-8")
    st.build([tmp_path / "a0.txt"], model=pipeline)  # one article, then the other added
    report = st.build([tmp_path / "a1.txt"], model=pipeline)
    got = sorted((q.speaker.name, q.text, q.direct) for q in report.graph.quotes)
    assert got == sorted((q.speaker.name, q.text, q.direct) for q in quoted.quotes)
    rows = st.query("SELECT ?t WHERE { ?q a schema:Quotation ; schema:text ?t }").dicts()
    assert {r["t"] for r in rows} == {q.text for q in quoted.quotes}


pyshacl = pytest.importorskip("pyshacl")
SHAPES = Path(kg.__file__).parent / "data" / "shapes.ttl"


def _validate(g: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def test_quotations_conform_to_the_shapes(quoted):
    conforms, text = _validate(quoted.to_rdf())
    assert conforms, text


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda g, q: g.remove((q, PROV.wasAttributedTo, None)), "MinCountConstraintComponent"),
        (lambda g, q: g.set((q, SDO.creator, URIRef("https://example.org/x"))), "Equals"),
        (lambda g, q: g.remove((q, KGV.direct, None)), "MinCountConstraintComponent"),
    ],
)
def test_the_quotation_shape_catches_damage(quoted, damage, message):
    g = Graph()
    for t in quoted.to_rdf():
        g.add(t)
    damage(g, sorted(g.subjects(RDF.type, SDO.Quotation))[0])
    conforms, text = _validate(g)
    assert not conforms and message in text, text


def test_csv_has_quotes_when_there_are_some(quoted, seeds_graph):
    rows = list(csv.DictReader(io.StringIO(csv_files(quoted)["quotes.csv"])))
    assert [(r["speaker"], r["text"]) for r in rows] == [
        (q.speaker.name, q.text) for q in quoted.quotes
    ]
    assert {r["direct"] for r in rows} <= {"true", "false"}
    assert all(r["rule"].startswith("quote.") and r["sentence"] for r in rows)
    assert "quotes.csv" not in csv_files(seeds_graph), "no quotations, no file"
    high = csv_files(quoted, min_confidence=0.85).get("quotes.csv", "")
    assert len(list(csv.DictReader(io.StringIO(high)))) < len(rows)
