"""The knowledge graph users hold: entities, relations, their evidence, and a NetworkX view."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.defaults import MIN_CONFIDENCE
from kg.model import Document, Entity, Quote, Relation
from kg.names import fold
from kg.resolve.calibration import calibrate

if TYPE_CHECKING:
    from kg.resolve.resolver import Merge

DEFAULT_BASE = "https://example.org/kg/"


@dataclass
class KnowledgeGraph:
    """Entities and typed relations read from documents, each fact with its evidence."""

    entities: list[Entity]
    relations: list[Relation]
    documents: list[Document] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    flagged: list[Relation] = field(default_factory=list)  # negated: recorded, not asserted
    base: str = DEFAULT_BASE
    # below the confidence threshold: recorded with their evidence, not asserted
    candidates: list[Relation] = field(default_factory=list)
    # words attributed to speakers, by document and place in it
    quotes: list[Quote] = field(default_factory=list)

    # -- lookups ---------------------------------------------------------------------------

    def entity(self, name_or_id: str) -> Entity:
        """The entity with this id, name or alias, case and accents aside (``kg.names.fold``,
        as the name queries match); KeyError lists close names."""
        want = fold(name_or_id)
        for e in self.entities:
            if e.id == name_or_id or fold(e.name) == want:
                return e
        for e in self.entities:
            if want in (fold(a) for a in e.aliases):
                return e
        close = sorted(e.name for e in self.entities if want[:3] in fold(e.name))[:8]
        raise KeyError(f"no entity {name_or_id!r}; similar names: {', '.join(close) or 'none'}")

    def facts_about(self, entity: Entity | str) -> list[Relation]:
        e = entity if isinstance(entity, Entity) else self.entity(entity)
        return [
            r
            for r in self.relations
            if r.subject.id == e.id or (isinstance(r.object, Entity) and r.object.id == e.id)
        ]

    def quotes_by(self, entity: Entity | str) -> list[Quote]:
        """The quotations attributed to an entity (or its name, as ``entity`` finds it)."""
        e = entity if isinstance(entity, Entity) else self.entity(entity)
        return [q for q in self.quotes if q.speaker.id == e.id]

    def summary(self) -> dict[str, Any]:
        """Counts: documents, entities by type, relations by predicate, dropped blocks."""
        return {
            "documents": len(self.documents),
            "entities": dict(sorted(Counter(e.type for e in self.entities).items())),
            "relations": dict(sorted(Counter(r.predicate for r in self.relations).items())),
            "dropped_blocks": sum(len(d.dropped) for d in self.documents),
        }

    def at_confidence(self, min_confidence: float) -> KnowledgeGraph:
        """The same graph asserting the facts at ``min_confidence`` or more (candidates
        included): 0 asserts every fact read, 1 almost none."""
        asserted, candidates = split([*self.relations, *self.candidates], min_confidence)
        key = lambda r: (r.subject.id, r.predicate, str(r.key[2]))  # noqa: E731
        return replace(
            self, relations=sorted(asserted, key=key), candidates=sorted(candidates, key=key)
        )

    # -- NetworkX ----------------------------------------------------------------------------

    @cached_property
    def nx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph: a node per entity (and per literal value), an edge per relation."""
        g = nx.MultiDiGraph()
        for e in self.entities:
            docs = sorted({m.doc_id for m in e.mentions})
            g.add_node(
                e.id,
                label=e.name,
                type=e.type,
                aliases=list(e.aliases),
                mentions=len(e.mentions),
                documents=docs,
            )
        for r in self.relations:
            if isinstance(r.object, Entity):
                target = r.object.id
            else:
                target = f"literal:{r.object}"
                g.add_node(
                    target,
                    label=str(r.object),
                    type="Literal",
                    aliases=[],
                    mentions=0,
                    documents=[],
                )
            g.add_edge(
                r.subject.id,
                target,
                # a position held at two organisations is two edges to one literal
                key=r.predicate if r.of is None else f"{r.predicate} of {r.of.id}",
                predicate=r.predicate,
                wikidata=r.wikidata,
                confidence=r.confidence,
                evidence=[_evidence_dict(ev) for ev in r.evidence],
                **_qualifiers(r),
            )
        return g

    def to_json(self) -> dict[str, Any]:
        """NetworkX node-link data, ready for json.dump."""
        return nx.node_link_data(self.nx, edges="links")

    def write_json(self, path: str | Path) -> None:
        from kg.files import atomic_write

        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(Path(path), text + "\n")

    # -- RDF, SPARQL and the view (each in its own module) ------------------------------------

    def to_rdf(self, *, base: str | None = None):  # -> rdflib.Graph
        """The graph as RDF (an rdflib Graph): see kg.rdf.triples for the model."""
        from kg.rdf.write import to_rdf

        return to_rdf(self, base=base or self.base)

    def write_rdf(self, path: str | Path, *, format: str = "turtle") -> None:
        from kg.rdf.write import write

        write(self, Path(path), format=format)

    def query(
        self, sparql: str, *, params: dict[str, Any] | None = None, timeout: float | None = None
    ):
        """Run a SPARQL query over the graph in memory (rdflib); see kg.query.sparql.Result.

        ``params`` bind variables as values; ``timeout`` (seconds) stops a runaway query.
        """
        from kg.query.sparql import query

        return query(self._rdf_cache, sparql, params=params, timeout=timeout)

    @cached_property
    def _rdf_cache(self):
        return self.to_rdf()

    def to_html(self, path: str | Path, **options: Any) -> Path:
        """Write the interactive, self-contained HTML view; see kg.view.page.write_html."""
        from kg.view.page import write_html

        return write_html(self, Path(path), **options)

    @classmethod
    def from_rdf(cls, source: str | Path | Any, *, format: str | None = None) -> KnowledgeGraph:
        """Read a graph kg wrote (a file path or an rdflib Graph) back into a KnowledgeGraph."""
        from kg.rdf.read import from_rdf

        return from_rdf(source, format=format)


def _qualifiers(r: Relation) -> dict[str, Any]:
    """A fact's qualifiers that it has, as edge attributes (ISO times, status, organisation)."""
    out: dict[str, Any] = {
        name: t.value
        for name, t in (("start_time", r.start), ("end_time", r.end), ("point_in_time", r.when))
        if t is not None
    }
    if r.status:
        out["status"] = r.status
    if r.of is not None:
        out["of"] = r.of.id
    return out


def _evidence_dict(ev) -> dict[str, Any]:
    extra: dict[str, Any] = {"reported": ev.reported} if ev.reported else {}
    if ev.times:
        extra["times"] = {role: t.value for role, t in ev.times}
    if ev.status:
        extra["status"] = ev.status
    return {
        "doc_id": ev.doc_id,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "subject_span": list(ev.subject_span),
        "object_span": list(ev.object_span),
        "rule": ev.rule,
        "confidence": ev.confidence,
        "hedged": ev.hedged,
        **extra,
    }


def split(
    relations: Sequence[Relation], min_confidence: float | None = None
) -> tuple[list[Relation], list[Relation]]:
    """(asserted, candidates): the facts at or above ``min_confidence`` (default
    kg.defaults.MIN_CONFIDENCE), and those below it."""
    if min_confidence is None:
        min_confidence = MIN_CONFIDENCE
    asserted = [r for r in relations if r.confidence >= min_confidence]
    return asserted, [r for r in relations if r.confidence < min_confidence]


def from_parts(
    documents: Sequence[Document],
    resolution,
    *,
    base: str = DEFAULT_BASE,
    min_confidence: float | None = None,
) -> KnowledgeGraph:
    asserted, candidates = split(calibrate(resolution.relations), min_confidence)
    return KnowledgeGraph(
        list(resolution.entities),
        asserted,
        list(documents),
        list(resolution.merges),
        list(resolution.flagged),
        base=base,
        candidates=candidates,
        quotes=list(resolution.quotes),
    )
