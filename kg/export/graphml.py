"""GraphML, for Gephi, Cytoscape, yEd and networkx: scalar attributes, one edge per fact.

>>> import io, networkx as nx, kg
>>> g = kg.build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
>>> back = nx.read_graphml(io.StringIO(to_graphml(g, min_confidence=0)), force_multigraph=True)
>>> back.nodes["jane-doe"]["label"], back.number_of_edges()
('Jane Doe', 3)
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.table import flatten, to_networkx
from kg.files import atomic_write
from kg.graph import KnowledgeGraph


def to_graphml(g: KnowledgeGraph, *, min_confidence: float | None = None) -> str:
    """The graph as GraphML text; each edge's GraphML id is its fact id."""
    scalar = to_networkx(flatten(g, min_confidence=min_confidence))
    return "\n".join(nx.generate_graphml(scalar)) + "\n"


def write_graphml(
    g: KnowledgeGraph, path: str | Path, *, min_confidence: float | None = None
) -> Path:
    """Write ``g`` as GraphML to ``path`` (whole or not at all); facts below
    ``min_confidence`` are left out."""
    path = Path(path)
    atomic_write(path, to_graphml(g, min_confidence=min_confidence))
    return path
