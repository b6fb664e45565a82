"""Query: SPARQL over an rdflib graph or the on-disk store, and result formats."""

from kg.query.construct import query_graph
from kg.query.results import OUTPUTS, Result, format_result
from kg.query.sparql import query, query_store

__all__ = ["OUTPUTS", "Result", "format_result", "query", "query_graph", "query_store"]
