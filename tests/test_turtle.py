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
