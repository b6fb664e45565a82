"""graph.ttl, written by kg.rdf.turtle: the same triples as kg.rdf.triples makes, read back by
rdflib and Oxigraph."""

from __future__ import annotations

import pytest
import rdflib

import kg
from kg.rdf.namespaces import prefixes
from kg.rdf.turtle import turtle


def _same_triples(g: kg.KnowledgeGraph, base: str | None = None) -> None:
    import pyoxigraph as ox

    from kg.rdf.terms import OxTerms
    from kg.rdf.triples import parts

    text = turtle(g, base=base)
    back = rdflib.Graph().parse(data=text, format="turtle")
    assert set(back) == set(g.to_rdf(base=base) if base else g.to_rdf())
    by_oxigraph = {q.triple for q in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)}
    assert by_oxigraph == {ox.Triple(*t) for _, t in parts(g, base=base or g.base, terms=OxTerms())}


def test_seeds_turtle_holds_exactly_kg_rdf_triples(seeds_graph):
    _same_triples(seeds_graph)


def test_turtle_is_the_same_bytes_every_time(seeds_graph):
    text = turtle(seeds_graph)
    assert text == turtle(seeds_graph)
    head = "".join(
        f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes(seeds_graph.base).items())
    )
    assert text.startswith(head + "kg:doc\\/")  # the prefixes, then the subjects in order


def test_awkward_text_survives(pipeline):
    text = (
        'Acme Corp said "hi" \\ then <script>alert(1)</script> hired Jane Doe.\t\x0b\x7f\n\n'
        "Zoë Ångström, the chief executive of Ōkami Labs in São Paulo, left in 2021.\r\n"
    )
    g = kg.build([kg.Document("odd.id-", text)], model=pipeline)
    assert g.entities
    _same_triples(g)
    # a base that no prefix fits as it stands: full IRIs where a local name would not do
    _same_triples(g, base="urn:kg:x.")


def test_turtle_terms_give_back_what_they_stand_for():
    """The fact and evidence IRIs hash a term's IRI or lexical form: ``key`` must give back
    exactly that from the Turtle text, for every kind of term."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, XSD

    from kg.errors import RdfError
    from kg.rdf.namespaces import KGV
    from kg.rdf.turtle import TurtleTerms

    t = TurtleTerms(prefixes("https://example.org/kg/"))
    for iri in (
        "https://example.org/kg/entity/acme-corp",
        "https://example.org/kg/doc/a.b",
        "https://example.org/kg/doc/a.",  # a local name cannot end with "."
        "https://example.org/kg/mention/x/1-5",
        "https://example.org/kg/vocab#employer",
        "https://example.org/kg/entity/zoë",
        "urn:isbn:0451450523",
    ):
        assert t.key(t.iri(iri)) == iri
    assert t.iri("https://example.org/kg/entity/acme-corp") == "kg:entity\\/acme-corp"
    assert t.iri("https://example.org/kg/doc/a.") == "<https://example.org/kg/doc/a.>"
    assert t.term(URIRef(str(KGV) + "employer")) == "kgv:employer"
    for text in ('say "hi"\\', "tab\there\nline\r", "\x00\x1f\x7f", "Zoë"):
        assert t.key(t.string(text)) == text
        assert t.key(t.term(Literal(text, lang="en"))) == text
    assert t.term(Literal("2021-05-01", datatype=XSD.date)) == '"2021-05-01"^^xsd:date'
    assert t.term(Literal("0.85", datatype=XSD.decimal)) == "0.85"
    assert t.term(Literal("1", datatype=XSD.decimal)) == '"1"^^xsd:decimal'
    assert t.term(Literal(True)) == "true"
    assert t.term(Literal("x", datatype=XSD.string)) == '"x"^^xsd:string'  # rdflib tells them apart
    assert t.integer(42) == "42" and t.key("42") == "42"
    assert t.term(RDF.type) == "rdf:type"
    with pytest.raises(RdfError, match="not an IRI"):
        t.iri("https://example.org/kg/doc/a b")
    with pytest.raises(RdfError, match="the 'kg' prefix is not an IRI kg can write: 'http://x y/'"):
        TurtleTerms(prefixes("http://x y/"))


def test_from_rdf_reads_graph_ttl_back(seeds_graph, tmp_path):
    p = tmp_path / "graph.ttl"
    p.write_text(turtle(seeds_graph), encoding="utf-8")
    back = kg.KnowledgeGraph.from_rdf(p)
    assert sorted(e.id for e in back.entities) == sorted(e.id for e in seeds_graph.entities)
    assert sorted(r.key for r in back.relations) == sorted(r.key for r in seeds_graph.relations)


def _parts_both_ways(g: kg.KnowledgeGraph) -> tuple[list, list]:
    from kg.rdf.terms import OxTerms
    from kg.rdf.triples import parts

    conv = OxTerms().term
    via_rdflib = [(part, tuple(map(conv, t))) for part, t in parts(g, base=g.base)]
    direct = list(parts(g, base=g.base, terms=OxTerms()))
    return via_rdflib, direct


def test_oxigraph_terms_are_rdflibs(seeds_graph):
    """The store and graph.ttl make pyoxigraph terms directly; they must be the very terms that
    rdflib's, converted, give: IRIs, plain and typed literals, dates, decimals, booleans."""
    from benchmarks.sparql import synthetic

    for g in (seeds_graph, synthetic(300, seed=3)):
        via_rdflib, direct = _parts_both_ways(g)
        assert direct == via_rdflib
        docs = {f"doc/{d.id}" for d in g.documents}
        assert {part for part, _ in direct} == {"vocab", "entities"} | docs
    kinds = {type(o).__name__ + str(getattr(o, "datatype", "")) for _, (_, _, o) in direct}
    for dt in ("date", "decimal", "boolean", "integer"):
        assert any(dt in k for k in kinds), dt
