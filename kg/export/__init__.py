"""The graph for analysts' tools: GraphML and GEXF (Gephi, Cytoscape), Neo4j's import CSV, and
flat CSV for spreadsheets. One module per format; ``table`` flattens the graph once for all.

Every writer takes ``min_confidence``: the facts at it or more are written, candidates included
(0 writes every fact read); None, the default, writes the graph's asserted facts.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import FormatError
from kg.export.csv import csv_files, write_csv
from kg.export.gexf import to_gexf, write_gexf
from kg.export.graphml import to_graphml, write_graphml
from kg.export.neo4j import neo4j_files, write_neo4j
from kg.export.table import Table, flatten, select
from kg.graph import KnowledgeGraph

# format -> (writer, whether it writes a folder of files rather than one file)
FORMATS = {
    "graphml": (write_graphml, False),
    "gexf": (write_gexf, False),
    "neo4j": (write_neo4j, True),
    "csv": (write_csv, True),
}


def export(
    g: KnowledgeGraph, format: str, path: str | Path, *, min_confidence: float | None = None
) -> list[Path]:
    """Write ``g`` in ``format`` (graphml, gexf: a file; neo4j, csv: a folder) at ``path``."""
    if format not in FORMATS:
        raise FormatError(f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    write, _ = FORMATS[format]
    out = write(g, path, min_confidence=min_confidence)
    return out if isinstance(out, list) else [out]


__all__ = [
    "FORMATS",
    "Table",
    "csv_files",
    "export",
    "flatten",
    "neo4j_files",
    "select",
    "to_gexf",
    "to_graphml",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_neo4j",
]
