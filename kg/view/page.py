"""The interactive HTML view: one self-contained file made with pyvis, that works offline.

pyvis supplies the network container (its node and edge lists) and the vis-network library it
ships; kg writes the page itself so that everything is inlined (pyvis's ``in_line`` mode still
links Bootstrap and its CSS from CDNs). Document text reaches the page only as JSON data and is
put on screen with ``textContent``, never as markup; the page's Content-Security-Policy allows
only its own two scripts (by hash) and no network at all, so nothing in a document can run.

Layout is computed here, in Python, with a fixed seed: the same input gives the same picture,
and a large graph never waits on the browser's O(n^2) physics. Small graphs then settle under
a bounded physics run in the browser, which switches itself off.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
from pyvis.network import Network

from kg.errors import ConfigError
from kg.files import DATA

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
MAX_NODES = 500  # above this the page keeps the most important nodes
PHYSICS_NODES = 300  # up to this many nodes the browser settles the layout, then stops
EXACT_LAYOUT_NODES = 600  # above this the Python layout samples repulsion instead
MAX_EVIDENCE = 5  # sentences per edge carried into the page
PAGE = DATA / "view.html"
VIS_DIR = ("templates", "lib", "vis-9.1.2")


# -- what goes on the page -------------------------------------------------------------------


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


def network(
    source: KnowledgeGraph | nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, seed: int = 7
) -> tuple[Network, dict[str, Any]]:
    """The pyvis Network for a graph, and what the page says about it (sizes, the cut)."""
    if max_nodes < 1:
        raise ConfigError(f"max_nodes must be at least 1, not {max_nodes}")
    g = _as_nx(source)
    total = g.number_of_nodes()
    rank = importance(g)
    keep = sorted(g.nodes, key=lambda v: (-rank[v], str(v)))[:max_nodes]
    sub = g if len(keep) == total else g.subgraph(keep)
    pos = layout(sub, seed=seed)
    top = max((rank[v] for v in keep), default=1.0) or 1.0
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # Fill pyvis's lists directly: add_node/add_edge check membership in lists, O(n) each,
    # which makes from_nx quadratic (pyvis #301, #304).
    for v in sorted(sub.nodes, key=str):
        a = sub.nodes[v]
        t = str(a.get("type") or "Other")
        net.nodes.append(
            {
                "id": str(v),
                "label": str(a.get("label", v)),
                "kgType": t,
                "aliases": [str(x) for x in a.get("aliases") or []],
                "documents": [str(x) for x in a.get("documents") or []],
                "mentions": int(a.get("mentions") or 0),
                "color": COLORS.get(t, COLORS["Other"]),
                "shape": SHAPES.get(t, "dot"),
                "size": round(8 + 22 * math.sqrt(rank[v] / top), 1),
                "rank": round(rank[v], 6),
                "x": pos[v][0],
                "y": pos[v][1],
            }
        )
        net.node_ids.append(str(v))
    edges = sorted(
        sub.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("predicate")))
    )
    # relations between the same two nodes curve apart instead of drawing over each other
    pairs: dict[tuple[str, str], int] = {}
    for u, v, _ in edges:
        key = (min(str(u), str(v)), max(str(u), str(v)))
        pairs[key] = pairs.get(key, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    for i, (u, v, a) in enumerate(edges):
        key = (min(str(u), str(v)), max(str(u), str(v)))
        j = seen[key] = seen.get(key, -1) + 1
        smooth: dict[str, Any] | None = None
        if pairs[key] > 1:
            clockwise = (j % 2 == 0) == (str(u) <= str(v))
            smooth = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.15 + 0.2 * (j // 2), 2),
            }
        evidence = a.get("evidence") or []
        conf = a.get("confidence")
        pred = str(a.get("predicate") or "related")
        net.edges.append(
            {
                "id": f"e{i}",
                "from": str(u),
                "to": str(v),
                "label": pred,
                "predicate": pred,
                "wikidata": a.get("wikidata"),
                "confidence": None if conf is None else round(float(conf), 3),
                "evidence": [
                    {"doc": str(ev.get("doc_id", "")), "sentence": str(ev.get("sentence", ""))}
                    for ev in evidence[:MAX_EVIDENCE]
                ],
                "moreEvidence": max(0, len(evidence) - MAX_EVIDENCE),
                "arrows": "to",
                "width": round(1 + 2 * float(conf if conf is not None else 0.5), 2),
            }
        )
        if smooth:
            net.edges[-1]["smooth"] = smooth
    info = {
        "total_nodes": total,
        "shown_nodes": sub.number_of_nodes(),
        "total_edges": g.number_of_edges(),
        "shown_edges": sub.number_of_edges(),
        "max_nodes": max_nodes,
        "physics": 0 < sub.number_of_nodes() <= PHYSICS_NODES,
    }
    return net, info


# -- a plain RDF graph (e.g. a CONSTRUCT result) ---------------------------------------------

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
KGV_NS = "https://example.org/kg/vocab#"
PROV_NS = "http://www.w3.org/ns/prov#"
LABELS = (
    RDFS_NS + "label",
    SKOS_NS + "prefLabel",
    "https://schema.org/name",
    "http://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
)
ALIASES = (SKOS_NS + "altLabel",)
SCHEMA_TYPES = {
    "Person": "Person",
    "Organization": "Organization",
    "Place": "Place",
    "Product": "Product",
    "Event": "Event",
    "CreativeWork": "Work",
    "Thing": "Other",
}
# kg's bookkeeping nodes: folded into the edges and nodes they describe, never drawn
FOLDED = {RDF_NS + "Statement", KGV_NS + "Fact", KGV_NS + "Evidence", KGV_NS + "Mention"}


def _term(t: Any) -> tuple[str, str]:
    """('iri' | 'bnode' | 'literal', text) for an RDF term.

    Read through the terms' N-Triples form, so this module needs no rdflib import.
    """
    n3 = t.n3() if hasattr(t, "n3") else f"<{t}>"
    kind = "iri" if n3.startswith("<") else "bnode" if n3.startswith("_:") else "literal"
    return kind, str(t)


def _local(iri: str) -> str:
    tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return tail or iri


def _schema_type(iri: str) -> str | None:
    for base in ("https://schema.org/", "http://schema.org/"):
        if iri.startswith(base):
            return SCHEMA_TYPES.get(iri[len(base) :])
    return None


def graph_from_triples(triples: Iterable[tuple[Any, Any, Any]]) -> nx.MultiDiGraph:
    """A drawable MultiDiGraph from RDF triples (an rdflib Graph, such as a CONSTRUCT result).

    Resources become nodes, labelled by rdfs:label (or skos:prefLabel, schema:name, ...) and
    typed by their schema.org class; other literal values become literal nodes. kg's reified
    facts, evidence and mentions, when present, are folded into the edges and nodes they
    describe, so a graph kg wrote draws the same as its KnowledgeGraph.
    """
    rows = [tuple(_term(x) for x in t) for t in triples]
    types: dict[str, set[str]] = {}
    for (_, s), (_, p), (ok, o) in rows:
        if p == RDF_NS + "type" and ok == "iri":
            types.setdefault(s, set()).add(o)
    folded = {s for s, ts in types.items() if ts & FOLDED}
    by_subject: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for (_, s), (_, p), o in rows:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)

    def first(s: str, p: str) -> str | None:
        vals = sorted(v for k, v in by_subject.get(s, {}).get(p, []) if k == "literal")
        return vals[0] if vals else None

    g = nx.MultiDiGraph()

    def node(kind: str, value: str) -> str:
        if kind == "literal":
            nid = f"literal:{value}"
            if nid not in g:
                label = value if len(value) <= 60 else value[:57] + "..."
                g.add_node(nid, label=label, type="Literal", aliases=[], mentions=0, documents=[])
            return nid
        if value not in g:
            label = next((x for p in LABELS if (x := first(value, p))), None)
            kg_type = next(
                (t for c in sorted(types.get(value, ())) if (t := _schema_type(c))), "Resource"
            )
            aliases = sorted({v for p in ALIASES for k, v in by_subject.get(value, {}).get(p, [])})
            mentions = by_subject.get(value, {}).get(KGV_NS + "mention", [])
            docs = sorted(
                {
                    _local(d)
                    for _, m in mentions
                    for k, d in by_subject.get(m, {}).get(KGV_NS + "document", [])
                }
            )
            g.add_node(
                value,
                label=label or (_local(value) if kind == "iri" else "_:" + value),
                type=kg_type,
                aliases=[a for a in aliases if a != label],
                mentions=len(mentions),
                documents=docs,
                iri=value if kind == "iri" else None,
            )
        return value

    skip = {RDF_NS + "type", *LABELS, *ALIASES, KGV_NS + "mention", KGV_NS + "id"}
    for (sk, s), (_, p), (ok, o) in sorted(rows):
        if s in folded or (ok != "literal" and o in folded):
            continue
        if p == RDF_NS + "type" and _schema_type(o):
            node(sk, s)
            continue
        if p in skip and p != RDF_NS + "type":
            node(sk, s)
            continue
        u, v = node(sk, s), node(ok, o)
        pred = _local(p) if p.startswith(KGV_NS) else _qname(p)
        g.add_edge(u, v, key=p, predicate=pred, iri=p, wikidata=None, confidence=None, evidence=[])
    # reified kg facts: their confidence and evidence go onto the plain edge they restate
    for f in sorted(folded):
        fs = by_subject[f]
        if not {RDF_NS + "subject", RDF_NS + "predicate", RDF_NS + "object"} <= fs.keys():
            continue
        s, p, o = (fs[RDF_NS + x][0][1] for x in ("subject", "predicate", "object"))
        ok = fs[RDF_NS + "object"][0][0]
        v = f"literal:{o}" if ok == "literal" else o
        if not g.has_edge(s, v, key=p):
            continue
        e = g.edges[s, v, p]
        conf = first(f, KGV_NS + "confidence")
        e["confidence"] = float(conf) if conf is not None else None
        e["wikidata"] = first(p, KGV_NS + "wikidata")
        evs = []
        for _, ev in sorted(fs.get(KGV_NS + "evidence", [])):
            doc = next(iter(by_subject.get(ev, {}).get(PROV_NS + "wasDerivedFrom", [])), None)
            sentence = first(ev, KGV_NS + "sentence")
            if sentence is not None:
                evs.append({"doc_id": _local(doc[1]) if doc else "", "sentence": sentence})
        e["evidence"] = evs
    return g


PREFIXES = {
    RDF_NS: "rdf",
    RDFS_NS: "rdfs",
    SKOS_NS: "skos",
    PROV_NS: "prov",
    "https://schema.org/": "schema",
    "http://schema.org/": "schema",
    "http://www.w3.org/2002/07/owl#": "owl",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.wikidata.org/prop/direct/": "wdt",
}


def _qname(iri: str) -> str:
    for ns, prefix in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return _local(iri)


def load(path: str | Path) -> KnowledgeGraph | nx.MultiDiGraph:
    """What ``kg view`` draws from a file: graph.json (NetworkX node-link data), RDF that kg
    wrote (read back as a KnowledgeGraph), or any other RDF (drawn from its triples)."""
    from kg.errors import InputError, RdfError
    from kg.graph import KnowledgeGraph
    from kg.rdf.convert import parse

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(f"{path}: not valid JSON ({e})") from None
        if isinstance(data, dict) and "nodes" in data and ("links" in data or "edges" in data):
            try:
                edges = "links" if "links" in data else "edges"
                return nx.MultiDiGraph(nx.node_link_graph(data, edges=edges))
            except (KeyError, TypeError, nx.NetworkXError) as e:
                raise InputError(f"{path}: malformed node-link data ({e})") from None
    rdf = parse(path)
    try:
        return KnowledgeGraph.from_rdf(rdf)
    except RdfError:  # not a graph kg wrote: draw its triples as they are
        if len(rdf) == 0:
            raise InputError(f"{path}: holds no triples; there is nothing to draw") from None
        return graph_from_triples(rdf)


def query_graph(
    path: str | Path,
    sparql: str,
    *,
    params: dict[str, Any] | None = None,
    source: str = "query",
) -> nx.MultiDiGraph:
    """The drawable result of a SPARQL CONSTRUCT or DESCRIBE query over an RDF file."""
    from kg.errors import QueryError
    from kg.query.sparql import query
    from kg.rdf.convert import parse

    res = query(parse(Path(path)), sparql, params=params, source=source)
    if res.graph is None:
        raise QueryError(
            f"{source}: kg view draws the graph a CONSTRUCT or DESCRIBE query returns; "
            f"this is a {res.form} query"
        )
    if len(res.graph) == 0:
        raise QueryError(f"{source}: the query returned no triples; there is nothing to draw")
    return graph_from_triples(res.graph)


# -- the page ----------------------------------------------------------------------------------


def _vis_lib() -> tuple[str, str]:
    import pyvis

    d = Path(pyvis.__file__).parent.joinpath(*VIS_DIR)
    return (
        (d / "vis-network.min.js").read_text(encoding="utf-8"),
        (d / "vis-network.css").read_text(encoding="utf-8"),
    )


def _script_json(data: Any) -> str:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no tag can close or open."""
    s = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


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
) -> str:
    """The whole page as a string."""
    return page(source, title=title, max_nodes=max_nodes)[0]


def page(
    source: KnowledgeGraph | nx.MultiDiGraph,
    *,
    title: str = "kg graph",
    max_nodes: int = MAX_NODES,
) -> tuple[str, dict[str, Any]]:
    """The whole page as a string, and what it shows (nodes and relations shown and total)."""
    net, info = network(source, max_nodes=max_nodes)
    js, css = _vis_lib()
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "info": info,
        "options": _options(info),
        "types": sorted({n["kgType"] for n in net.nodes}),
        "predicates": sorted({e["predicate"] for e in net.edges}),
        "colors": COLORS,
        "shapes": SHAPES,
        # a document's title (or source) beside its id in the evidence
        "docs": {
            d.id: d.title or d.source
            for d in getattr(source, "documents", None) or []
            if d.title or d.source
        },
    }
    template = PAGE.read_text(encoding="utf-8")
    # the CSP allows exactly two scripts, by hash: the library and the page's own
    m = re.search(r"<script>(/\*APP-START\*/.*?)</script>", template, re.S)
    if m is None:  # pragma: no cover - the template ships with the package
        raise ConfigError(f"{PAGE}: no application script found")
    app = m.group(1)
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
    }
    # one pass, so nothing inserted (data, the library) is searched for markers again
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda mm: parts[mm.group(0)], template), info


def write_html(
    source: KnowledgeGraph | nx.MultiDiGraph,
    path: Path,
    *,
    title: str | None = None,
    max_nodes: int = MAX_NODES,
) -> Path:
    """Write the view of ``source`` to ``path`` (whole or not at all)."""
    from kg.files import atomic_write

    atomic_write(Path(path), render(source, title=title or "kg graph", max_nodes=max_nodes))
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
