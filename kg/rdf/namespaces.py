"""The one prefix table: kg's vocabulary and every namespace kg writes, binds or queries with.

graph.ttl declares these prefixes, every other format binds them, SPARQL queries may use them
undeclared, and the view shortens predicates with them. ``kg`` stands for the base IRI under
which a graph's own resources are minted, so it is added per graph (``prefixes``).

kg's own vocabulary is an rdflib ``DefinedNamespace`` that fails on an unknown term: a
misspelt ``KGV.emplyer`` raises AttributeError instead of minting an IRI nobody declared. Its
terms are kg's structural classes and properties, listed below, and every relation predicate
of kg.vocab. No term needs ``_extras`` (every name is a Python identifier) or
``_underscore_num`` (kg has no ``rdf:_1``-style members).
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

from kg import vocab

__all__ = [
    "DCTERMS",
    "KGV",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "WDT",
    "XSD",
    "bind",
    "prefixes",
]


class _Structure(DefinedNamespace):
    """kg's classes and structural properties (kg.rdf.ontology gives each a label)."""

    _NS = Namespace("https://example.org/kg/vocab#")
    _fail = True  # an unknown term raises, as a ClosedNamespace would

    # classes
    Document: URIRef
    Mention: URIRef
    Fact: URIRef
    Evidence: URIRef
    # properties
    id: URIRef
    mention: URIRef
    document: URIRef
    evidence: URIRef
    text: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef
    rule: URIRef
    confidence: URIRef
    hedged: URIRef
    negated: URIRef
    candidate: URIRef
    direct: URIRef
    droppedBlocks: URIRef
    encoding: URIRef
    wikidata: URIRef
    nameKey: URIRef
    # time, status and organisation of a fact (on the statement and on each evidence)
    reportedOn: URIRef
    startTime: URIRef
    endTime: URIRef
    pointInTime: URIRef
    status: URIRef
    of: URIRef
    singleValued: URIRef


# kg's vocabulary: the structural terms and every relation predicate (kg.vocab holds the list)
KGV = type(
    "KGV",
    (_Structure,),
    {"__annotations__": dict.fromkeys(vocab.PREDICATES, URIRef), "__slots__": ()},
)
# Wikidata's direct properties: open, any P-number is a term
WDT = Namespace("http://www.wikidata.org/prop/direct/")

# prefix -> namespace IRI
PREFIXES: dict[str, str] = {
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


def prefixes(base: str) -> dict[str, str]:
    """The prefix table with ``kg`` for the resources minted under ``base``."""
    return {"kg": base, **PREFIXES}


def bind(g: Graph, base: str) -> None:
    """Bind the prefix table (and ``kg`` to ``base``) in ``g``, for the formats rdflib writes."""
    for prefix, ns in prefixes(base).items():
        g.bind(prefix, Namespace(ns), override=True)
