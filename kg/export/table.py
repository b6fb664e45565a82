"""The graph flattened once into rows of scalars, which every tabular export writes its own way.

GraphML, GEXF, Neo4j's CSV and spreadsheets hold one value per cell: no lists, no nested
records. A list (an entity's aliases, the documents that name it) becomes one string joined with
``SEP``; a fact's evidence sentences become rows of their own (``Table.evidence``), and the fact
keeps their number, its first sentence and its documents.

>>> import kg
>>> g = kg.build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
>>> t = flatten(g, min_confidence=0)  # every fact read, candidates too
>>> len(flatten(g).edges) < len(t.edges)  # the graph asserts fewer: "hired" is a candidate
True
>>> [(n["label"], n["type"]) for n in t.nodes]
[('Acme Corp', 'Organization'), ('Boston', 'Place'), ('Jane Doe', 'Person')]
>>> [(e["source"], e["predicate"], e["target"]) for e in t.edges][-1]
('jane-doe', 'employer', 'acme-corp')
>>> len(flatten(g, min_confidence=1.0).edges)
0
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx

from kg.errors import FormatError
from kg.graph import KnowledgeGraph
from kg.model import Entity, Evidence, Quote, Relation

SEP = "|"  # joins a list into one cell; a value's own "|" becomes "/"

Row = dict[str, Any]


@dataclass
class Table:
    """A graph's rows: ``nodes`` (entities and literal values), ``edges`` (one per fact),
    ``evidence`` (one per sentence a fact was read from), ``documents``, ``mentions`` (how
    often each entity is named in each document) and ``quotes``."""

    nodes: list[Row] = field(default_factory=list)
    edges: list[Row] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)
    documents: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)  # one per quotation, with its passage


def join(values: Any) -> str:
    """One cell for a list: ``SEP`` between the values, never inside one."""
    return SEP.join(str(v).replace(SEP, "/") for v in values)


def check_confidence(min_confidence: float) -> float:
    if not 0.0 <= min_confidence <= 1.0:
        raise FormatError(f"--min-confidence {min_confidence}: expected a number from 0 to 1")
    return float(min_confidence)


def kept(g: KnowledgeGraph, min_confidence: float | None = None) -> list[Relation]:
    """The facts asserted at ``min_confidence`` (candidates included; None, the default, keeps
    the graph's asserted facts)."""
    return select(g, min_confidence).relations


def select(g: KnowledgeGraph, min_confidence: float | None = None) -> KnowledgeGraph:
    """``g`` asserting the facts at ``min_confidence`` or more, its candidates included (0
    asserts every fact read), and without the denied facts below it; entities and documents
    stay. ``g`` itself for None."""
    if min_confidence is None:
        return g
    floor = check_confidence(min_confidence)
    g = g.at_confidence(floor)
    return replace(g, flagged=[r for r in g.flagged if r.confidence >= floor])


def literal_id(value: Any) -> str:
    """A literal object's node id, as in ``KnowledgeGraph.nx``."""
    return f"literal:{value}"


def fact_id(r: Relation) -> str:
    """A stable id for a fact: its subject, predicate and object, hashed."""
    text = "\x1f".join(map(str, r.key))
    return "fact-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def flatten(g: KnowledgeGraph, *, min_confidence: float | None = None) -> Table:
    """The rows of ``g``'s facts asserted at ``min_confidence`` (``kept``; entities stay)."""
    relations = kept(g, min_confidence)
    t = Table()
    for e in sorted(g.entities, key=lambda e: e.id):
        named = Counter(m.doc_id for m in e.mentions)
        docs = sorted(named)
        t.mentions.extend({"entity": e.id, "document": d, "mentions": named[d]} for d in docs)
        t.nodes.append(
            {
                "id": e.id,
                "label": e.name,
                "type": e.type,
                "aliases": join(e.aliases),
                "mentions": len(e.mentions),
                "document_count": len(docs),
                "documents": join(docs),
            }
        )
    literals = sorted(
        {literal_id(r.object): str(r.object) for r in relations if r.is_literal}.items()
    )
    for lid, value in literals:
        t.nodes.append(
            {
                "id": lid,
                "label": value,
                "type": "Literal",
                "aliases": "",
                "mentions": 0,
                "document_count": 0,
                "documents": "",
            }
        )
    facts_in: Counter[str] = Counter()
    for r in relations:
        fid = fact_id(r)
        docs = sorted({ev.doc_id for ev in r.evidence})
        facts_in.update(docs)
        t.edges.append(_edge(r, fid, docs))
        for ev in r.evidence:
            row = {"fact": fid, **_evidence_row(ev)}
            t.evidence.append({**row, "hedged": ev.hedged, "reported": ev.reported or ""})
    named_in: Counter[str] = Counter()
    for e in g.entities:
        named_in.update({m.doc_id for m in e.mentions})
    for d in g.documents:
        t.documents.append(
            {
                "id": d.id,
                "title": d.title or "",
                "source": d.source or "",
                "entities": named_in[d.id],
                "facts": facts_in[d.id],
            }
        )
    # quotations are not facts: every one, or those read with ``min_confidence`` or more
    floor = 0.0 if min_confidence is None else check_confidence(min_confidence)
    t.quotes = [_quote_row(q) for q in g.quotes if q.evidence.confidence >= floor]
    return t


def _evidence_row(ev: Evidence) -> Row:
    """Where a fact or a quotation was read: the columns the two tables share."""
    return {
        "document": ev.doc_id,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "rule": ev.rule,
        "confidence": float(ev.confidence),
    }


def _quote_row(q: Quote) -> Row:
    speaker = {"speaker_id": q.speaker.id, "speaker": q.speaker.name}
    return {**speaker, "text": q.text, "direct": q.direct, **_evidence_row(q.evidence)}


def _edge(r: Relation, fid: str, docs: list[str]) -> Row:
    """A fact's row: its ends, predicate, confidence, evidence in brief and qualifiers."""
    return {
        "id": fid,
        "source": r.subject.id,
        "target": r.object.id if isinstance(r.object, Entity) else literal_id(r.object),
        "predicate": r.predicate,
        "wikidata": r.wikidata or "",
        "confidence": float(r.confidence),
        "evidence_count": len(r.evidence),
        "hedged": any(ev.hedged for ev in r.evidence),
        "documents": join(docs),
        "sentence": r.evidence[0].sentence if r.evidence else "",
        # the time qualifiers (ISO, as precise as the text), status and organisation
        "start_time": r.start.value if r.start else "",
        "end_time": r.end.value if r.end else "",
        "point_in_time": r.when.value if r.when else "",
        "status": r.status or "",
        "of": r.of.id if r.of else "",
        "reported": r.reported or "",
    }


# characters XML 1.0 cannot hold at all, not even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(row: Row, drop: tuple[str, ...]) -> Row:
    return {
        k: _NOT_XML.sub(" ", v) if isinstance(v, str) else v
        for k, v in row.items()
        if k not in drop
    }


def to_networkx(t: Table) -> nx.MultiDiGraph:
    """A MultiDiGraph of scalar attributes only, keyed by fact id: what GraphML and GEXF hold.

    An edge's ``label`` is its predicate, which Gephi and Cytoscape show on the edge. Control
    characters XML cannot hold become spaces.
    """
    g = nx.MultiDiGraph()
    for n in t.nodes:
        g.add_node(n["id"], **_xml(n, ("id",)))
    for e in t.edges:
        attrs = _xml(e, ("id", "source", "target"))
        g.add_edge(e["source"], e["target"], key=e["id"], label=e["predicate"], **attrs)
    return g
