"""The interactive HTML view: one self-contained file made with pyvis, that works offline.

pyvis supplies the network container (its node and edge lists) and the vis-network library it
ships; kg writes the page itself so that everything is inlined (pyvis's ``in_line`` mode still
links Bootstrap and its CSS from CDNs). Document text reaches the page only as JSON data and is
put on screen with ``textContent``, never as markup; the page's Content-Security-Policy allows
only its own two scripts (by hash) and no network at all, so nothing in a document can run.

The layout and what each node and edge carries are made in kg.view.layout; this module writes
the page around them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.files import DATA, atomic_write
from kg.view.data import community_legend, corpus_title, documents, quotes, threshold
from kg.view.layout import COLORS, MAX_EDGES, MAX_NODES, SHAPES, network

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

PAGE = DATA / "view.html"
APP = DATA / "view.js"  # the page's own script, inlined
VIS_DIR = ("templates", "lib", "vis-9.1.2")


def _vis_lib() -> tuple[str, str]:
    import pyvis

    d = Path(pyvis.__file__).parent.joinpath(*VIS_DIR)
    return (
        (d / "vis-network.min.js").read_text(encoding="utf-8"),
        (d / "vis-network.css").read_text(encoding="utf-8"),
    )


def _script_json(data: Any) -> str:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no tag can close or open. A
    number that is NaN or infinite (a graph made in Python can hold one; kg's RDF reader
    refuses them) is written as null, which the page shows as no value: JSON has no NaN."""
    try:
        s = json.dumps(
            data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
    except ValueError:
        s = json.dumps(_finite(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _finite(data: Any) -> Any:
    """``data`` with every float that is not finite replaced by None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(v) for v in data]
    return data


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _options(info: dict[str, Any]) -> dict[str, Any]:
    """vis-network options: bounded physics for small graphs, none at all for large ones."""
    large = not info["physics"]
    return {
        "physics": {
            "enabled": info["physics"],
            "solver": "barnesHut",
            "barnesHut": {"springLength": 120, "avoidOverlap": 0.2},
            "stabilization": {
                "enabled": info["physics"],
                "iterations": 300,
                "updateInterval": 50,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "edges": {
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "smooth": False if large else {"type": "continuous"},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
        },
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "layout": {"randomSeed": 7, "improvedLayout": False},
    }


def render(
    source: KnowledgeGraph | nx.MultiDiGraph,
    *,
    title: str = "kg graph",
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> str:
    """The whole page as a string."""
    return page(source, title=title, max_nodes=max_nodes, max_edges=max_edges)[0]


def page(
    source: KnowledgeGraph | nx.MultiDiGraph,
    *,
    title: str = "kg graph",
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> tuple[str, dict[str, Any]]:
    """The whole page as a string, and what it shows (nodes and relations shown and total).

    At first the page draws the most important nodes (PageRank) that have a relation, up to
    ``max_nodes`` nodes and ``max_edges`` relations among them (kg.defaults.VIEW_MAX_NODES and
    VIEW_MAX_EDGES, measured in the browser); it holds the rest for its filters and "expand
    neighbours"."""
    net, info = network(source, max_nodes=max_nodes, max_edges=max_edges)
    js, css = _vis_lib()
    said = quotes(source)
    for n in net.nodes:
        if n["id"] in said:
            n["quotes"] = said[n["id"]]
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "info": info,
        "options": _options(info),
        "types": sorted({n["kgType"] for n in net.nodes}),
        "predicates": sorted({e["predicate"] for e in net.edges}),
        "colors": COLORS,
        "shapes": SHAPES,
        # titles, sources and dates of the documents named, for the filters and the panel
        "docs": documents(source, net.nodes, net.edges),
        "threshold": threshold(),
        "communities": community_legend(net.nodes),
    }
    template = PAGE.read_text(encoding="utf-8")
    # the CSP allows exactly two scripts, by hash: the library and the page's own
    app = APP.read_text(encoding="utf-8").replace("</script", "<\\/script")
    vis_js = js.replace("</script", "<\\/script")
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(vis_js)} {_sha256(app)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    parts = {
        "<!--CSP-->": html.escape(csp, quote=True),
        "<!--TITLE-->": html.escape(title, quote=True),
        "/*VIS_CSS*/": css,
        "/*KG_DATA*/": _script_json(data),
        "/*VIS_JS*/": vis_js,
        "/*APP_JS*/": app,
    }
    # one pass, so nothing inserted (data, the library) is searched for markers again
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda mm: parts[mm.group(0)], template), info


def graph_title(source: Any, path: Path | None = None) -> str:
    """A page's title from its corpus: the folder its documents were read from, else the folder
    of the graph file ``path``, else "kg graph"."""
    docs = getattr(source, "documents", None) or []
    name = corpus_title(str(d.source) for d in docs if d.source)
    if name:
        return name
    parent = Path(path).resolve().parent.name if path is not None else ""
    return parent or "kg graph"


def write_html(
    source: KnowledgeGraph | nx.MultiDiGraph,
    path: Path,
    *,
    title: str | None = None,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> Path:
    """Write the view of ``source`` to ``path`` (whole or not at all); the title defaults to
    the name of the folder its documents were read from (see graph_title)."""
    page_text = render(
        source, title=title or graph_title(source), max_nodes=max_nodes, max_edges=max_edges
    )
    atomic_write(Path(path), page_text)
    return Path(path)


@dataclass(frozen=True)
class Inline:
    """The view for a notebook cell: an iframe whose ``srcdoc`` is the whole page.

    Sandboxed (scripts, but no same-origin access to the notebook) and needing no server or
    network: Jupyter shows it through ``_repr_html_``.
    """

    page: str
    height: int = 600

    def _repr_html_(self) -> str:
        return (
            f'<iframe sandbox="allow-scripts" style="width:100%;height:{self.height}px;'
            f'border:1px solid #ddd" srcdoc="{html.escape(self.page, quote=True)}"></iframe>'
        )


def inline(
    source: KnowledgeGraph | nx.MultiDiGraph,
    *,
    title: str = "kg graph",
    max_nodes: int = MAX_NODES,
    height: int = 600,
) -> Inline:
    """The view, ready to show inline in Jupyter (the last expression of a cell)."""
    return Inline(render(source, title=title, max_nodes=max_nodes), height)
