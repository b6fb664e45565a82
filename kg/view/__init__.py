"""View: the graph as a self-contained interactive HTML page (the only package that imports
pyvis)."""

from kg.view.page import Inline, graph_from_triples, inline, render, write_html

__all__ = ["Inline", "graph_from_triples", "inline", "render", "write_html"]
