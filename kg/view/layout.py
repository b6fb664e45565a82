"""What the view draws: each node's importance, size and place, each edge's look.

Layout is computed here, in Python, with a fixed seed: the same input gives the same picture,
and a large graph never waits on the browser's O(n^2) physics. Small graphs then settle under
a bounded physics run in the browser, which switches itself off.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
from pyvis.network import Network

from kg import defaults
from kg.errors import ConfigError
from kg.model import Entity

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


COLORS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Place": "#59a14f",
    "Product": "#f28e2b",
    "Event": "#b07aa1",
    "Work": "#c9a227",
    "Other": "#9c9c9c",
    "Literal": "#bab0ac",
    "Resource": "#76b7b2",
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
    "Resource": "hexagon",
}


# Louvain communities beyond these colours, and nodes alone in theirs, are drawn grey.
COMMUNITY_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
    "#9edae5", "#dbdb8d",
)  # fmt: skip
NO_COMMUNITY = "#c7c7c7"

MAX_NODES = defaults.VIEW_MAX_NODES
MAX_EDGES = defaults.VIEW_MAX_EDGES
PHYSICS_EDGES = defaults.VIEW_PHYSICS_EDGES
PAGE_NODES = defaults.VIEW_PAGE_NODES
PHYSICS_NODES = defaults.VIEW_PHYSICS_NODES
EXACT_LAYOUT_NODES = defaults.VIEW_EXACT_LAYOUT_NODES
MAX_EVIDENCE = defaults.VIEW_MAX_EVIDENCE


def _as_nx(source: KnowledgeGraph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    g = getattr(source, "nx", source)
    if not isinstance(g, nx.Graph):
        raise ConfigError(f"cannot draw a {type(source).__name__}; give a KnowledgeGraph or graph")
    return g


def importance(g: nx.Graph, *, damping: float = 0.85) -> dict[Any, float]:
    """PageRank over the undirected graph (each relation counts once per direction).

    A fact makes both of its ends more important, whichever way its arrow points. Power
    iteration in numpy: networkx's own pagerank needs scipy and is slower on large graphs.
    """
    nodes = sorted(g.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    pairs = [(idx[u], idx[v]) for u, v in g.edges() if u != v]
    if not pairs:
        return {v: 1.0 / n for v in nodes}
    a = np.array(pairs, dtype=np.int64)
    src = np.concatenate([a[:, 0], a[:, 1]])
    dst = np.concatenate([a[:, 1], a[:, 0]])
    out = np.bincount(src, minlength=n).astype(float)
    dangling = out == 0
    pr = np.full(n, 1.0 / n)
    for _ in range(200):
        flow = np.bincount(dst, weights=pr[src] / out[src], minlength=n)
        new = (1 - damping) / n + damping * (flow + pr[dangling].sum() / n)
        done = np.abs(new - pr).sum() < 1e-10
        pr = new
        if done:
            break
    return {v: float(pr[i]) for i, v in enumerate(nodes)}


def layout(g: nx.Graph, *, seed: int = 7, iterations: int = 60) -> dict[Any, tuple[float, float]]:
    """Positions in pixels from a Fruchterman-Reingold layout with a fixed seed.

    Exact repulsion up to EXACT_LAYOUT_NODES nodes; above that each step pushes every node away
    from a fixed-size sample of the others (scaled up), so a step costs O(n) rather than O(n^2).
    A weak pull to the centre keeps nodes without relations near the rest.
    """
    nodes = sorted(g.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    idx = {v: i for i, v in enumerate(nodes)}
    pairs = np.array(
        sorted({(min(idx[u], idx[v]), max(idx[u], idx[v])) for u, v in g.edges() if u != v}),
        dtype=np.int64,
    ).reshape(-1, 2)
    a, b = pairs[:, 0], pairs[:, 1]
    rng = np.random.default_rng(seed)
    x, y = rng.random(n) - 0.5, rng.random(n) - 0.5
    k = 1.0 / math.sqrt(n)  # ideal distance in a unit square
    temp = 0.1
    cool = temp / (iterations + 1)
    sample = min(n, 200)
    for _ in range(iterations):
        if n <= EXACT_LAYOUT_NODES:
            ox, oy, weight = x, y, 1.0
        else:
            other = rng.choice(n, sample, replace=False)
            ox, oy, weight = x[other], y[other], n / sample
        dx, dy = x[:, None] - ox[None, :], y[:, None] - oy[None, :]
        w = (k * k * weight) / np.maximum(dx * dx + dy * dy, 1e-6)
        fx, fy = (dx * w).sum(1), (dy * w).sum(1)
        ex, ey = x[a] - x[b], y[a] - y[b]
        d = np.sqrt(ex * ex + ey * ey) / k
        fx += np.bincount(b, ex * d, n) - np.bincount(a, ex * d, n)
        fy += np.bincount(b, ey * d, n) - np.bincount(a, ey * d, n)
        fx -= x * (0.5 * n * k)  # gravity
        fy -= y * (0.5 * n * k)
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        step = np.minimum(length, temp) / length
        x += fx * step
        y += fy * step
        temp -= cool
    x -= x.mean()
    y -= y.mean()
    span = max(float(np.abs(x).max()), float(np.abs(y).max()), 1e-9)
    scale = (60 * math.sqrt(n) + 100) / span
    return {
        v: (round(float(x[i]) * scale, 1), round(float(y[i]) * scale, 1))
        for i, v in enumerate(nodes)
    }


def communities(g: nx.Graph, *, seed: int = 7) -> dict[Any, int]:
    """Each node's Louvain community (networkx, seeded: the same graph gives the same
    communities), numbered from the largest; a node without relations is alone in its own."""
    u = nx.Graph()
    u.add_nodes_from(sorted(g.nodes, key=str))  # Louvain's order follows the graph's
    u.add_edges_from(sorted(((a, b) for a, b in g.edges() if a != b), key=str))
    parts = nx.community.louvain_communities(
        u, seed=seed, resolution=defaults.VIEW_COMMUNITY_RESOLUTION
    )
    parts = sorted(parts, key=lambda c: (-len(c), min(str(v) for v in c)))
    return {v: i for i, c in enumerate(parts) for v in c}


def network(
    source: KnowledgeGraph | nx.MultiDiGraph,
    *,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    seed: int = 7,
    page_nodes: int = PAGE_NODES,
) -> tuple[Network, dict[str, Any]]:
    """The pyvis Network for a graph, and what the page says about it (sizes, the cut).

    The page carries every node up to ``page_nodes`` (the most important, by PageRank) and
    draws at first the most important of those with a relation, up to ``max_nodes`` nodes and
    ``max_edges`` relations among them; filters and "expand neighbours" draw the others. A
    KnowledgeGraph's candidate facts (``candidates``, below kg's threshold) are carried too,
    marked, for the confidence slider to show.
    """
    if max_nodes < 1:
        raise ConfigError(f"max_nodes must be at least 1, not {max_nodes}")
    if max_edges < 0:
        raise ConfigError(f"max_edges must be 0 or more, not {max_edges}")
    g = _as_nx(source)
    total = g.number_of_nodes()
    rank = importance(g)
    order = sorted(g.nodes, key=lambda v: (-rank[v], str(v)))
    keep = order[: max(page_nodes, max_nodes)]
    sub = g if len(keep) == total else g.subgraph(keep)
    pos = layout(sub, seed=seed)
    group = communities(sub, seed=seed)
    sizes = Counter(group.values())
    top = max((rank[v] for v in keep), default=1.0) or 1.0
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # Fill pyvis's lists directly: add_node/add_edge check membership in lists, O(n) each,
    # which makes from_nx quadratic (pyvis #301, #304).
    for v in sorted(sub.nodes, key=str):
        c = group[v]
        color = COMMUNITY_COLORS[c] if sizes[c] > 1 and c < len(COMMUNITY_COLORS) else None
        net.nodes.append(_node(v, sub.nodes[v], rank[v] / top, rank[v], pos[v], c, color))
        net.node_ids.append(str(v))
    candidates = _candidates(source, sub, pos, net)
    net.edges.extend(_edges([*sub.edges(data=True), *candidates]))
    return net, _info(sub, order, (max_nodes, max_edges), total, g.number_of_edges())


def _info(
    sub: nx.MultiDiGraph,
    order: list[Any],
    limits: tuple[int, int],
    total: int,
    total_edges: int,
) -> dict[str, Any]:
    """What the page draws at first (its script picks the same): the most important nodes
    with a relation, in order, until the next would pass either limit, nodes or relations; in a
    graph without relations, the most important nodes."""
    max_nodes, max_edges = limits
    near: dict[Any, list[Any]] = {}
    for a, b in sub.edges():
        near.setdefault(a, []).append(b)
        if a != b:
            near.setdefault(b, []).append(a)
    related = {v for a, b in sub.edges() if a != b for v in (a, b)}
    drawn: set[Any] = set()
    edges = 0
    for v in order:
        if v not in related:
            continue
        k = sum(w in drawn or w == v for w in near[v])
        if len(drawn) >= max_nodes or (drawn and edges + k > max_edges):
            break
        drawn.add(v)
        edges += k
    if not related:  # a graph without relations shows its entities
        drawn = set(order[:max_nodes])
    return {
        "total_nodes": total,
        "page_nodes": sub.number_of_nodes(),
        "related_nodes": len(related),
        "shown_nodes": len(drawn),
        "total_edges": total_edges,
        "shown_edges": edges,
        "max_nodes": max_nodes,
        "max_edges": max_edges,
        "physics": 0 < len(drawn) <= PHYSICS_NODES and edges <= PHYSICS_EDGES,
    }


def _candidates(
    source: Any, sub: nx.MultiDiGraph, pos: dict[Any, tuple[float, float]], net: Network
) -> list[tuple[str, str, dict[str, Any]]]:
    """The candidate facts between carried nodes, as edges marked ``candidate``. A candidate
    with a literal value (a date, a post's name) is not drawn: the page's nodes stay those of
    the graph (``g.nx``), and a value below the threshold is no thing to place."""
    out = []
    for r in getattr(source, "candidates", None) or ():
        if r.subject.id not in sub:
            continue
        if not isinstance(r.object, Entity) or r.object.id not in sub:
            continue
        target = r.object.id
        evidence = [{"doc_id": ev.doc_id, "sentence": ev.sentence} for ev in r.evidence]
        attrs = {
            "predicate": r.predicate,
            "wikidata": r.wikidata,
            "confidence": r.confidence,
            "evidence": evidence,
            "candidate": True,
        }
        out.append((r.subject.id, target, attrs))
    return out


def _node(
    v: Any,
    a: dict[str, Any],
    share: float,
    rank: float,
    pos: tuple[float, float],
    community: int,
    community_color: str | None,
) -> dict[str, Any]:
    """A node as the page draws it, sized by its share of the top importance."""
    t = str(a.get("type") or "Other")
    color = COLORS.get(t, COLORS["Other"])
    return {
        "id": str(v),
        "label": str(a.get("label", v)),
        "kgType": t,
        "aliases": [str(x) for x in a.get("aliases") or []],
        "documents": [str(x) for x in a.get("documents") or []],
        "mentions": int(a.get("mentions") or 0),
        "color": color,
        "typeColor": color,
        "community": community,
        "communityColor": community_color or NO_COMMUNITY,
        "shape": SHAPES.get(t, "dot"),
        "size": round(8 + 22 * math.sqrt(share), 1),
        "rank": round(rank, 6),
        "x": pos[0],
        "y": pos[1],
    }


def _edges(edges: list[tuple[Any, Any, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The edges as the page draws them; relations between the same two nodes curve apart
    instead of drawing over each other."""
    edges = sorted(
        edges,
        key=lambda e: (
            str(e[0]),
            str(e[1]),
            str(e[2].get("predicate")),
            bool(e[2].get("candidate")),
        ),
    )
    pairs = Counter((min(str(u), str(v)), max(str(u), str(v))) for u, v, _ in edges)
    seen: dict[tuple[str, str], int] = {}
    out = []
    for i, (u, v, a) in enumerate(edges):
        key = (min(str(u), str(v)), max(str(u), str(v)))
        j = seen[key] = seen.get(key, -1) + 1
        edge = _edge(f"e{i}", str(u), str(v), a)
        if pairs[key] > 1:
            clockwise = (j % 2 == 0) == (str(u) <= str(v))
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.15 + 0.2 * (j // 2), 2),
            }
        out.append(edge)
    return out


def _edge(edge_id: str, u: str, v: str, a: dict[str, Any]) -> dict[str, Any]:
    """One fact: what it says, how sure, its evidence (the first few sentences) and every
    document it was read in (the page's document and date filters look at these)."""
    evidence = a.get("evidence") or []
    conf = a.get("confidence")
    pred = str(a.get("predicate") or "related")
    candidate = bool(a.get("candidate"))
    edge = {
        "id": edge_id,
        "from": u,
        "to": v,
        "label": pred,
        "predicate": pred,
        "wikidata": a.get("wikidata"),
        "confidence": None if conf is None else round(float(conf), 3),
        "candidate": candidate,
        "evidence": [
            {"doc": str(ev.get("doc_id", "")), "sentence": str(ev.get("sentence", ""))}
            for ev in evidence[:MAX_EVIDENCE]
        ],
        "moreEvidence": max(0, len(evidence) - MAX_EVIDENCE),
        "docs": sorted({str(ev.get("doc_id")) for ev in evidence if ev.get("doc_id")}),
        "arrows": "to",
        "width": round(1 + 2 * float(conf if conf is not None else 0.5), 2),
    }
    if candidate:
        edge["dashes"] = True
    return edge
