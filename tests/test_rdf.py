from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

import kg
from kg.errors import FormatError, RdfError
from kg.rdf import FORMATS, KGV, SDO, WDT, literal, serialize


def test_entities_are_typed_and_labelled(seeds_graph):
    g = seeds_graph.to_rdf()
    meta = URIRef(seeds_graph.base + "entity/meta")
    assert (meta, RDF.type, SDO.Organization) in g
    wang = URIRef(seeds_graph.base + "entity/alexandr-wang")
    assert (wang, SKOS.altLabel, Literal("Wang")) in g
    assert (KGV.employer, OWL.equivalentProperty, WDT.P108) in g


def test_plain_triple_and_reified_evidence(seeds_graph):
    g = seeds_graph.to_rdf()
    meta = URIRef(seeds_graph.base + "entity/meta")
    spark = URIRef(seeds_graph.base + "entity/muse-spark")
    assert (spark, KGV.developer, meta) in g
    rows = list(
        g.query(
            """
        SELECT ?sentence ?doc WHERE {
          ?f rdf:subject ?s ; rdf:predicate kgv:developer ; kgv:evidence ?e .
          ?e kgv:sentence ?sentence ; prov:wasDerivedFrom ?doc .
        }""",
            initNs={"kgv": KGV, "prov": PROV},
        )
    )
    assert rows and all("Muse Spark" in str(r[0]) for r in rows)


def test_dates_are_typed_literals():
    assert literal("2004-03-01").datatype.endswith("#date")
    assert literal("2004").datatype.endswith("#gYear")
    assert literal(12).datatype.endswith("#integer")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_in_every_format(seeds_graph, tmp_path: Path, fmt):
    suffix = FORMATS[fmt][1]
    path = tmp_path / f"graph{suffix}"
    seeds_graph.write_rdf(path, format=fmt)
    back = kg.KnowledgeGraph.from_rdf(path)
    assert {(e.id, e.name, e.type, e.aliases) for e in back.entities} == {
        (e.id, e.name, e.type, e.aliases) for e in seeds_graph.entities
    }
    assert {e.id: e.mentions for e in back.entities} == {
        e.id: e.mentions for e in seeds_graph.entities
    }

    def facts(g):
        return {(r.key, r.confidence, r.evidence) for r in g.relations}

    assert facts(back) == facts(seeds_graph)


def test_serialisation_is_deterministic(seeds_graph):
    assert serialize(seeds_graph.to_rdf(), "turtle") == serialize(seeds_graph.to_rdf(), "turtle")


def test_unknown_format_lists_choices():
    with pytest.raises(FormatError, match="turtle"):
        serialize(None, "yaml")


def test_malformed_rdf_names_the_file(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b", encoding="utf-8")
    with pytest.raises(RdfError, match="bad.ttl: malformed turtle"):
        kg.KnowledgeGraph.from_rdf(bad)
