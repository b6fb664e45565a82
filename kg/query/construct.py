"""The graph a CONSTRUCT or DESCRIBE query returns, ready to draw."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import QueryError
from kg.query.sparql import query
from kg.rdf.foreign import graph_from_triples
from kg.rdf.formats import parse


def query_graph(
    path: str | Path,
    sparql: str,
    *,
    params: dict[str, Any] | None = None,
    source: str = "query",
) -> nx.MultiDiGraph:
    """The drawable result of a SPARQL CONSTRUCT or DESCRIBE query over an RDF file."""
    res = query(parse(Path(path)), sparql, params=params, source=source)
    if res.graph is None:
        raise QueryError(
            f"{source}: kg view draws the graph a CONSTRUCT or DESCRIBE query returns; "
            f"this is a {res.form} query"
        )
    if len(res.graph) == 0:
        raise QueryError(f"{source}: the query returned no triples; there is nothing to draw")
    return graph_from_triples(res.graph)
