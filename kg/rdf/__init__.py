"""RDF: the graph as triples (one writer per format) and back."""

from kg.rdf.foreign import graph_from_triples, load
from kg.rdf.formats import FORMATS, parse, rdf_format, serialize
from kg.rdf.namespaces import KGV, PREFIXES, SDO, WDT
from kg.rdf.read import from_rdf
from kg.rdf.triples import parts
from kg.rdf.turtle import turtle
from kg.rdf.write import serialize_kg, to_rdf, write

__all__ = [
    "FORMATS",
    "KGV",
    "PREFIXES",
    "SDO",
    "WDT",
    "from_rdf",
    "graph_from_triples",
    "load",
    "parse",
    "parts",
    "rdf_format",
    "serialize",
    "serialize_kg",
    "to_rdf",
    "turtle",
    "write",
]
