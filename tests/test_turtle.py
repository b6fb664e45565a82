"""graph.ttl through Oxigraph: the same triples as kg.rdf, read back by rdflib."""

from __future__ import annotations

import rdflib

import kg
from kg.turtle import turtle


def _same_triples(g: kg.KnowledgeGraph) -> None:
    text = turtle(g)
    back = rdflib.Graph().parse(data=text, format="turtle")
    assert set(back) == set(g.to_rdf())


def test_seeds_turtle_holds_exactly_kg_rdf_triples(seeds_graph):
    _same_triples(seeds_graph)


def test_turtle_is_the_same_bytes_every_time(seeds_graph):
    assert turtle(seeds_graph) == turtle(seeds_graph)
    assert turtle(seeds_graph).startswith("@prefix dcterms: ")


def test_awkward_text_survives(pipeline):
    text = (
        'Acme Corp said "hi" \\ then <script>alert(1)</script> hired Jane Doe.\n\n'
        "Zoë Ångström, the chief executive of Ōkami Labs in São Paulo, left in 2021.\n"
    )
    g = kg.build([text], model=pipeline)
    assert g.entities
    _same_triples(g)


def test_from_rdf_reads_graph_ttl_back(seeds_graph, tmp_path):
    p = tmp_path / "graph.ttl"
    p.write_text(turtle(seeds_graph), encoding="utf-8")
    back = kg.KnowledgeGraph.from_rdf(p)
    assert sorted(e.id for e in back.entities) == sorted(e.id for e in seeds_graph.entities)
    assert sorted(r.key for r in back.relations) == sorted(r.key for r in seeds_graph.relations)


def _parts_both_ways(g: kg.KnowledgeGraph) -> tuple[list, list]:
    from kg.rdf import OxTerms, parts

    conv = OxTerms().term
    via_rdflib = [(part, tuple(map(conv, t))) for part, t in parts(g, base=g.base)]
    direct = list(parts(g, base=g.base, terms=OxTerms()))
    return via_rdflib, direct


def test_oxigraph_terms_are_rdflibs(seeds_graph):
    """The store and graph.ttl make pyoxigraph terms directly; they must be the very terms that
    rdflib's, converted, give: IRIs, plain and typed literals, dates, decimals, booleans."""
    from kg.bench.sparql import synthetic

    for g in (seeds_graph, synthetic(300, seed=3)):
        via_rdflib, direct = _parts_both_ways(g)
        assert len(direct) > 1000
        assert direct == via_rdflib
    kinds = {type(o).__name__ + str(getattr(o, "datatype", "")) for _, (_, _, o) in direct}
    for dt in ("date", "decimal", "boolean", "integer"):
        assert any(dt in k for k in kinds), dt
