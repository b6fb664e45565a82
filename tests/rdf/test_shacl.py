"""kg's RDF conforms to its own SHACL shapes (kg/data/shapes.ttl), checked with pySHACL; and the
shapes catch what they are there to catch."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

import kg
from kg.rdf.namespaces import KGV

pyshacl = pytest.importorskip("pyshacl")

SHAPES = Path(kg.__file__).parent / "data" / "shapes.ttl"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def validate(g: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def a_fact(g: Graph) -> URIRef:
    """An asserted fact: neither negated nor a candidate."""
    return sorted(
        f
        for f in g.subjects(RDF.type, KGV.Fact)
        if (f, KGV.negated, None) not in g and (f, KGV.candidate, None) not in g
    )[0]


def test_the_seeds_graph_conforms(seeds_graph, shapes):
    conforms, text = validate(seeds_graph.to_rdf(), shapes)
    assert conforms, text


def test_the_hand_made_graph_conforms(shapes):
    from ..query.test_queries import TOY  # dates, a negated, a hedged and a candidate fact

    conforms, text = validate(TOY.to_rdf(), shapes)
    assert conforms, text


def _confidence_above_one(g: Graph) -> None:
    f = a_fact(g)
    g.set((f, KGV.confidence, Literal("1.5", datatype=XSD.decimal)))


def _plain_triple_missing(g: Graph) -> None:
    f = a_fact(g)
    g.remove((g.value(f, RDF.subject), g.value(f, RDF.predicate), g.value(f, RDF.object)))


def _negated_but_asserted(g: Graph) -> None:
    f = a_fact(g)
    g.add((f, KGV.negated, Literal(True)))


def _candidate_but_asserted(g: Graph) -> None:
    f = a_fact(g)
    g.add((f, KGV.candidate, Literal(True)))


def _undeclared_predicate(g: Graph) -> None:
    f = a_fact(g)
    g.set((f, RDF.predicate, URIRef(str(KGV) + "likes")))  # KGV.likes would raise


def _evidence_without_sentence(g: Graph) -> None:
    e = sorted(g.subjects(RDF.type, KGV.Evidence))[0]
    g.remove((e, KGV.sentence, None))


def _mention_ends_before_it_starts(g: Graph) -> None:
    m = sorted(g.subjects(RDF.type, KGV.Mention))[0]
    g.set((m, KGV.end, Literal(0, datatype=XSD.integer)))


@pytest.mark.parametrize(
    "damage, message",
    [
        (_confidence_above_one, "MaxInclusive"),
        (_plain_triple_missing, "plain triple is missing"),
        (_negated_but_asserted, "plain triple is asserted"),
        (_candidate_but_asserted, "is a candidate, but its plain triple is asserted"),
        (_undeclared_predicate, "NodeConstraintComponent"),
        (_evidence_without_sentence, "MinCountConstraintComponent"),
        (_mention_ends_before_it_starts, "LessThanConstraintComponent"),
    ],
)
def test_the_shapes_catch_damage(seeds_read, shapes, damage, message):
    g = copy(seeds_read.to_rdf())
    damage(g)
    conforms, text = validate(g, shapes)
    assert not conforms and message in text, text


def test_a_news_article_conforms(shapes):
    from .test_rdf import _news_graph

    conforms, text = validate(_news_graph().to_rdf(), shapes)
    assert conforms, text
