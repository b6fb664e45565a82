"""The knowledge graph as RDF: one writer per format.

Turtle is written by kg.rdf.turtle (graph.ttl and ``kg export`` are the same bytes); every
other format by rdflib from the triples of kg.rdf.triples.parts, with kg's prefixes bound.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from kg.files import atomic_write
from kg.rdf.formats import FORMATS, rdf_format, serialize
from kg.rdf.namespaces import bind
from kg.rdf.triples import graph_iri, parts
from kg.rdf.turtle import turtle

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


def to_rdf(kg: KnowledgeGraph, *, base: str) -> Graph:
    """The graph as one rdflib Graph (every part in it)."""
    g = Graph()
    bind(g, base)
    for _, t in parts(kg, base=base):
        g.add(t)
    return g


def to_dataset(kg: KnowledgeGraph, *, base: str) -> Dataset:
    """The graph as an rdflib Dataset: one named graph per part (see ``parts``)."""
    ds = Dataset()
    bind(ds, base)
    graphs: dict[str, Graph] = {}
    for part, t in parts(kg, base=base):
        if part not in graphs:
            graphs[part] = ds.graph(graph_iri(base, part))
        graphs[part].add(t)
    return ds


def serialize_kg(kg: KnowledgeGraph, format: str, *, base: str | None = None) -> str:
    """The knowledge graph in one of kg's formats; N-Quads and TriG have a graph per part."""
    fmt = FORMATS[rdf_format(format)]
    b = base or kg.base
    if fmt.name == "turtle":
        return turtle(kg, base=b)
    return serialize(to_dataset(kg, base=b) if fmt.quads else to_rdf(kg, base=b), fmt.name)


def write(kg: KnowledgeGraph, path: Path, *, format: str = "turtle") -> None:
    """Write the graph to ``path`` in one of kg's formats (whole or not at all)."""
    atomic_write(path, serialize_kg(kg, format))
