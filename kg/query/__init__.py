"""Query: SPARQL over an rdflib graph or the on-disk store, and result formats."""

from kg.query.sparql import Result, format_result, query, query_store

__all__ = ["Result", "format_result", "query", "query_store"]
