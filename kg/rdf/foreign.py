"""Any graph file as something to draw: graph.json (NetworkX node-link data), RDF kg wrote
(read back as a KnowledgeGraph), or any other RDF, such as a CONSTRUCT result or someone
else's file (``graph_from_triples``)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib.namespace import FOAF

from kg.errors import InputError, RdfError, RdfValueError
from kg.rdf.formats import parse
from kg.rdf.namespaces import DCTERMS, KGV, PREFIXES, PROV, RDF, RDFS, SDO, SKOS
from kg.rdf.ontology import CLASS_TYPES
from kg.rdf.read import from_rdf

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

RDF_NS, KGV_NS, SCHEMA_HTTP = str(RDF), str(KGV), "http://schema.org/"
TYPE, MENTION = str(RDF.type), str(KGV.mention)
LABELS = (
    str(RDFS.label),
    str(SKOS.prefLabel),
    str(SDO.name),
    SCHEMA_HTTP + "name",
    str(FOAF.name),
    str(DCTERMS.title),
)
ALIASES = (str(SKOS.altLabel),)
# a schema.org class's local name -> kg's entity type (CreativeWork -> Work, Thing -> Other)
SCHEMA_TYPES = {str(c)[len(str(SDO)) :]: t for c, t in CLASS_TYPES.items()}
# kg's bookkeeping nodes: folded into the edges and nodes they describe, never drawn
FOLDED = {str(RDF.Statement), str(KGV.Fact), str(KGV.Evidence), str(KGV.Mention)}
# predicates shown on the node, not drawn as edges
ON_NODE = {*LABELS, *ALIASES, MENTION, str(KGV.id), str(KGV.nameKey)}
# namespace -> prefix, for a predicate's edge label; schema.org's old http IRIs too
QNAMES = {ns: prefix for prefix, ns in PREFIXES.items() if prefix != "kgv"}
QNAMES[SCHEMA_HTTP] = "schema"

Term = tuple[str, str]  # ('iri' | 'bnode' | 'literal', text)


def load(path: str | Path) -> KnowledgeGraph | nx.MultiDiGraph:
    """What ``kg view`` draws from a file: graph.json (NetworkX node-link data), RDF that kg
    wrote (read back as a KnowledgeGraph), or any other RDF (drawn from its triples)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
        except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as e:
            raise InputError(f"{path}: not valid JSON ({e})") from None
        if isinstance(data, dict) and "nodes" in data and ("links" in data or "edges" in data):
            try:
                edges = "links" if "links" in data else "edges"
                return nx.MultiDiGraph(nx.node_link_graph(data, edges=edges))
            except (KeyError, TypeError, nx.NetworkXError) as e:
                raise InputError(f"{path}: malformed node-link data ({e})") from None
    rdf = parse(path)
    try:
        return from_rdf(rdf)
    except RdfValueError as e:  # a kg graph with a value edited: say which
        raise RdfValueError(f"{path}: {str(e).removeprefix('graph: ')}") from None
    except RdfError:  # not a graph kg wrote: draw its triples as they are
        if len(rdf) == 0:
            raise InputError(f"{path}: holds no triples; there is nothing to draw") from None
        return graph_from_triples(rdf)


def _no_constant(name: str) -> Any:
    # JSON has no NaN or Infinity; Python's reader takes them, and a page cannot draw them
    raise ValueError(f"{name} is not a JSON number")


def _term(t: Any) -> Term:
    """('iri' | 'bnode' | 'literal', text) for an RDF term, read through its N-Triples form."""
    n3 = t.n3() if hasattr(t, "n3") else f"<{t}>"
    kind = "iri" if n3.startswith("<") else "bnode" if n3.startswith("_:") else "literal"
    return kind, str(t)


def _local(iri: str) -> str:
    tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return tail or iri


def _qname(iri: str) -> str:
    for ns, prefix in QNAMES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return _local(iri)


def _schema_type(iri: str) -> str | None:
    for base in (str(SDO), SCHEMA_HTTP):
        if iri.startswith(base):
            return SCHEMA_TYPES.get(iri[len(base) :])
    return None


@dataclass
class _Triples:
    """The triples as text, indexed by subject and predicate."""

    rows: list[tuple[Term, Term, Term]]
    types: dict[str, set[str]] = field(default_factory=dict)
    by_subject: dict[str, dict[str, list[Term]]] = field(default_factory=dict)
    folded: set[str] = field(default_factory=set)  # subjects of kg's bookkeeping nodes

    def __post_init__(self) -> None:
        for (_, s), (_, p), o in self.rows:
            if p == TYPE and o[0] == "iri":
                self.types.setdefault(s, set()).add(o[1])
            self.by_subject.setdefault(s, {}).setdefault(p, []).append(o)
        self.folded = {s for s, ts in self.types.items() if ts & FOLDED}

    def values(self, s: str, p: str) -> list[Term]:
        return self.by_subject.get(s, {}).get(p, [])

    def first(self, s: str, p: str) -> str | None:
        """The smallest literal value of ``p`` on ``s``."""
        vals = sorted(v for k, v in self.values(s, p) if k == "literal")
        return vals[0] if vals else None


def graph_from_triples(triples: Iterable[tuple[Any, Any, Any]]) -> nx.MultiDiGraph:
    """A drawable MultiDiGraph from RDF triples (an rdflib Graph, such as a CONSTRUCT result).

    Resources become nodes, labelled by rdfs:label (or skos:prefLabel, schema:name, ...) and
    typed by their schema.org class; other literal values become literal nodes. kg's reified
    facts, evidence and mentions, when present, are folded into the edges and nodes they
    describe, so a graph kg wrote draws the same as its KnowledgeGraph.
    """
    ts = _Triples([tuple(_term(x) for x in t) for t in triples])
    g = nx.MultiDiGraph()
    for (sk, s), (_, p), (ok, o) in sorted(ts.rows):
        if s in ts.folded or (ok != "literal" and o in ts.folded):
            continue
        if (p == TYPE and _schema_type(o)) or p in ON_NODE:
            _node(g, ts, sk, s)
            continue
        u, v = _node(g, ts, sk, s), _node(g, ts, ok, o)
        pred = _local(p) if p.startswith(KGV_NS) else _qname(p)
        g.add_edge(u, v, key=p, predicate=pred, iri=p, wikidata=None, confidence=None, evidence=[])
    for f in sorted(ts.folded):
        _fold_fact(g, ts, f)
    return g


def _node(g: nx.MultiDiGraph, ts: _Triples, kind: str, value: str) -> str:
    """The node for a term, added with its label, type, aliases and mentions the first time."""
    if kind == "literal":
        nid = f"literal:{value}"
        if nid not in g:
            label = value if len(value) <= 60 else value[:57] + "..."
            g.add_node(nid, label=label, type="Literal", aliases=[], mentions=0, documents=[])
        return nid
    if value not in g:
        label = next((x for p in LABELS if (x := ts.first(value, p))), None)
        kg_type = next(
            (t for c in sorted(ts.types.get(value, ())) if (t := _schema_type(c))), "Resource"
        )
        aliases = sorted({v for p in ALIASES for _, v in ts.values(value, p)})
        mentions = ts.values(value, MENTION)
        docs = sorted({_local(d) for _, m in mentions for _, d in ts.values(m, str(KGV.document))})
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


def _finite(f: str, conf: str) -> float:
    """A fact's confidence as a number; RdfValueError naming the triple unless it is one."""
    try:
        v = float(conf)
    except ValueError:
        v = math.nan
    if not math.isfinite(v):
        raise RdfValueError(f'<{f}> <{KGV.confidence}> "{conf}": expected a finite number')
    return v


def _fold_fact(g: nx.MultiDiGraph, ts: _Triples, f: str) -> None:
    """A reified kg fact's confidence and evidence, put on the plain edge it restates."""
    fs = ts.by_subject[f]
    if not {RDF_NS + "subject", RDF_NS + "predicate", RDF_NS + "object"} <= fs.keys():
        return
    s, p, o = (fs[RDF_NS + x][0][1] for x in ("subject", "predicate", "object"))
    ok = fs[RDF_NS + "object"][0][0]
    v = f"literal:{o}" if ok == "literal" else o
    if not g.has_edge(s, v, key=p):
        return
    e = g.edges[s, v, p]
    conf = ts.first(f, str(KGV.confidence))
    e["confidence"] = _finite(f, conf) if conf is not None else None
    e["wikidata"] = ts.first(p, str(KGV.wikidata))
    evs = []
    for _, ev in sorted(fs.get(str(KGV.evidence), [])):
        doc = next(iter(ts.values(ev, str(PROV.wasDerivedFrom))), None)
        sentence = ts.first(ev, str(KGV.sentence))
        if sentence is not None:
            evs.append({"doc_id": _local(doc[1]) if doc else "", "sentence": sentence})
    e["evidence"] = evs
