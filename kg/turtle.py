"""graph.ttl, fast: the triples of kg.rdf.parts written by Oxigraph's Turtle serializer.

rdflib's Turtle serializer spends most of a large build's output time looking up prefixes term
by term (about 80 microseconds a triple, as long as spaCy takes for a few words). The same
triples, made as pyoxigraph terms (kg.rdf.OxTerms), grouped by subject and written by Oxigraph
(Rust), take a few microseconds each. The triples are exactly kg.rdf's (the test suite checks that
rdflib reads the file back to the same graph); only the layout differs from rdflib's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .rdf import KGV, SDO, WDT, OxTerms, parts

if TYPE_CHECKING:
    from .graph import KnowledgeGraph


def prefixes(base: str) -> dict[str, str]:
    """The prefixes graph.ttl declares (kg.rdf binds the same)."""
    return {
        "kg": base,
        "kgv": str(KGV),
        "schema": str(SDO),
        "wdt": str(WDT),
        "skos": str(SKOS),
        "prov": str(PROV),
        "dcterms": str(DCTERMS),
        "owl": str(OWL),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
    }


def turtle(kg: KnowledgeGraph, *, base: str | None = None) -> str:
    """The graph as Turtle: every triple of kg.rdf.parts once, in a fixed order, so that the
    same graph always gives the same bytes."""
    b = base or kg.base
    # each triple once, in kg.rdf's order, then grouped by subject (a stable sort on the
    # subject's IRI alone): as fixed as sorting by N-Triples lines, at a quarter of the cost
    made = (ox.Triple(s, p, o) for _, (s, p, o) in parts(kg, base=b, terms=OxTerms()))
    ordered = sorted(dict.fromkeys(made), key=_subject)
    text = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes(b)).decode()
    lines = text.split("\n")
    head = [ln for ln in lines if ln.startswith("@prefix ")]
    return "\n".join(sorted(head) + lines[len(head) :])  # prefixes in a fixed order


def _subject(t: ox.Triple) -> str:
    return t.subject.value
