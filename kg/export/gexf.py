"""GEXF 1.2, Gephi's own format: scalar attributes, one edge per fact, labelled with its
predicate.

>>> import io, networkx as nx, kg
>>> g = kg.build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
>>> back = nx.read_gexf(io.BytesIO(to_gexf(g, min_confidence=0).encode("utf-8")))
>>> back.nodes["acme-corp"]["type"], sorted({d["label"] for *_, d in back.edges(data=True)})
('Organization', ['employer', 'headquarters_location', 'located_in'])
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.table import flatten, to_networkx
from kg.files import atomic_write
from kg.graph import KnowledgeGraph


def to_gexf(g: KnowledgeGraph, *, min_confidence: float | None = None) -> str:
    """The graph as GEXF text; each edge's GEXF id is its fact id."""
    scalar = to_networkx(flatten(g, min_confidence=min_confidence))
    for _, _, key, data in scalar.edges(keys=True, data=True):
        data["id"] = key  # networkx numbers GEXF edges unless told their id
    return "\n".join(nx.generate_gexf(scalar)) + "\n"


def write_gexf(g: KnowledgeGraph, path: str | Path, *, min_confidence: float | None = None) -> Path:
    """Write ``g`` as GEXF to ``path`` (whole or not at all); facts below ``min_confidence``
    are left out."""
    path = Path(path)
    atomic_write(path, to_gexf(g, min_confidence=min_confidence))
    return path
