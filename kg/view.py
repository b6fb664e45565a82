"""The interactive HTML view: one self-contained file made with pyvis, that works offline.

pyvis supplies the network (nodes, edges, vis-network options) and the vis-network library it
ships; kg writes the page itself so that everything is inlined (pyvis's ``in_line`` mode still
links Bootstrap from a CDN). Document text reaches the page only as JSON data and is put on
screen with ``textContent``, never as markup, so nothing in a document can run.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from pyvis.network import Network

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

COLORS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Place": "#59a14f",
    "Product": "#f28e2b",
    "Event": "#b07aa1",
    "Work": "#edc948",
    "Other": "#9c9c9c",
    "Literal": "#d3d3d3",
}
SHAPES = {
    "Person": "dot",
    "Organization": "square",
    "Place": "triangle",
    "Product": "diamond",
    "Event": "star",
    "Work": "triangleDown",
    "Other": "dot",
    "Literal": "box",
}
MAX_NODES = 500
PAGE = Path(__file__).with_name("data") / "view.html"


def _vis_lib() -> tuple[str, str]:
    import pyvis

    d = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (
        (d / "vis-network.min.js").read_text(encoding="utf-8"),
        (d / "vis-network.css").read_text(encoding="utf-8"),
    )


def _script_json(data: Any) -> str:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no tag can close or open."""
    s = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def network(
    kg: KnowledgeGraph, *, max_nodes: int = MAX_NODES, seed: int = 7
) -> tuple[Network, dict[str, Any]]:
    """The pyvis Network for a graph, and what the page says about it (sizes, cut)."""
    g = kg.nx
    total = g.number_of_nodes()
    keep = list(g.nodes)
    if total > max_nodes:
        rank = nx.pagerank(nx.DiGraph(g)) if g.number_of_edges() else {n: 0 for n in g}
        keep = sorted(g.nodes, key=lambda n: (-rank[n], str(n)))[:max_nodes]
    sub = g.subgraph(keep)
    pos = _layout(sub, seed)
    deg = dict(sub.degree())
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # Fill pyvis's lists directly: add_node/add_edge check membership in lists, O(n) each.
    for n in sorted(sub.nodes):
        a = sub.nodes[n]
        t = a.get("type", "Other")
        net.nodes.append(
            {
                "id": n,
                "label": a.get("label", n),
                "group": t,
                "kgType": t,
                "aliases": a.get("aliases", []),
                "documents": a.get("documents", []),
                "mentions": a.get("mentions", 0),
                "color": COLORS.get(t, COLORS["Other"]),
                "shape": SHAPES.get(t, "dot"),
                "size": 10 + 6 * math.sqrt(deg.get(n, 0)),
                "x": pos[n][0],
                "y": pos[n][1],
            }
        )
        net.node_ids.append(n)
    for i, (u, v, a) in enumerate(
        sorted(sub.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"]))
    ):
        net.edges.append(
            {
                "id": f"e{i}",
                "from": u,
                "to": v,
                "label": a["predicate"],
                "predicate": a["predicate"],
                "wikidata": a.get("wikidata"),
                "confidence": a.get("confidence"),
                "evidence": [
                    {"doc": ev["doc_id"], "sentence": ev["sentence"]}
                    for ev in a.get("evidence", [])
                ][:5],
                "arrows": "to",
                "width": 1 + 2 * float(a.get("confidence") or 0),
            }
        )
    info = {
        "total_nodes": total,
        "shown_nodes": sub.number_of_nodes(),
        "total_edges": g.number_of_edges(),
        "shown_edges": sub.number_of_edges(),
    }
    return net, info


def _layout(g: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Positions computed in Python (stable for the same input), so the browser need not."""
    if g.number_of_nodes() == 0:
        return {}
    und = nx.Graph(g)
    k = 1.5 / math.sqrt(max(1, und.number_of_nodes()))
    pos = nx.spring_layout(und, seed=seed, k=k, iterations=60 if len(und) < 2000 else 25)
    scale = 120 * math.sqrt(und.number_of_nodes()) + 200
    return {
        n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in pos.items()
    }


def render(kg: KnowledgeGraph, *, title: str = "kg graph", max_nodes: int = MAX_NODES) -> str:
    """The whole page as a string."""
    net, info = network(kg, max_nodes=max_nodes)
    js, css = _vis_lib()
    types = sorted({n["kgType"] for n in net.nodes})
    preds = sorted({e["predicate"] for e in net.edges})
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "info": info,
        "types": types,
        "predicates": preds,
        "colors": COLORS,
        "title": title,
    }
    page = PAGE.read_text(encoding="utf-8").replace("/*VIS_CSS*/", css)
    page = page.replace("/*KG_DATA*/", _script_json(data))
    page = page.replace("<!--TITLE-->", _escape(title))
    # the library last: its text is large and must not be searched by the replaces above
    return page.replace("/*VIS_JS*/", js.replace("</script", "<\\/script"))


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_html(
    kg: KnowledgeGraph, path: Path, *, title: str | None = None, max_nodes: int = MAX_NODES
) -> Path:
    from .output import atomic_write

    atomic_write(path, render(kg, title=title or "kg graph", max_nodes=max_nodes))
    return path
