"""View: the graph as a self-contained interactive HTML page (the only package that imports
pyvis). It only draws: reading graph files is kg.rdf's (kg.rdf.foreign), running the query
whose result is drawn is kg.query's (kg.query.construct)."""

from kg.view.layout import communities, importance, network
from kg.view.page import Inline, graph_title, inline, render, write_html

__all__ = [
    "Inline",
    "communities",
    "graph_title",
    "importance",
    "inline",
    "network",
    "render",
    "write_html",
]
