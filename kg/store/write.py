"""Writing a build into a new version of the store: the whole graph compared part by part with
the stored one, or, after an addition, only what the new documents touched (kg.store.diff)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.extract.records import DocExtraction
from kg.graph import KnowledgeGraph
from kg.model import Document
from kg.rdf.triples import graph_iri
from kg.resolve.resolver import Resolver
from kg.store import diff, versions
from kg.store.layout import Manifest
from kg.store.plan import Plan
from kg.store.versions import Written


def whole(
    folder: Path, current: str | None, p: Plan, graph: KnowledgeGraph, state: Resolver
) -> Written:
    """A new version holding ``graph``: each named graph is compared with the stored one,
    and a document's graph is made only when what it is made from changed. Nothing is
    written when nothing changed (``current`` stays)."""
    old, base = p.old, p.base
    old_digests = old.digests if old is not None and old.base == base else {}
    q = diff.full(graph, base, old_digests)
    if old is not None and old.digests == q.digests and old.documents == p.order:
        if old.base == base and current is not None:
            return Written(current, 0, 0, False)

    # kg's own named graphs: the build makes them whole. Any other graph, and the default
    # graph, holds what users added through SPARQL UPDATE, and is carried over as it is
    ours = tuple({f"{b}graph/" for b in (base, old.base if old is not None else base)})

    def apply(db: ox.Store) -> tuple[int, int]:
        removed = 0
        wanted = {_graph(base, part).value for part in q.digests}
        for g in list(db.named_graphs()) if old is not None else []:
            if isinstance(g, ox.NamedNode) and g.value.startswith(ours) and g.value not in wanted:
                removed += sum(1 for _ in db.quads_for_pattern(None, None, None, g))
                db.remove_graph(g)
        changed = (
            (_graph(base, part), qs)
            for part, qs in q.by_part.items()
            if old_digests.get(part) != q.digests[part]
        )
        a, r = versions.replace_graphs(db, changed, old)
        return a, removed + r

    man = Manifest(base, dict(p.order), q.digests)
    return versions.publish(folder, old, old_digests, apply, man, state)


def addition(
    folder: Path,
    current: str,
    p: Plan,
    state: Resolver,
    new: list[DocExtraction],
    document: Callable[[str], Document],
) -> Written:
    """A new version after documents were only added (``new``, taken by ``state``, the
    current version's resolver): the graphs of the new documents, of the documents whose
    mentions or evidence moved, and the entities and facts that changed are written; nothing
    else is made or compared. ``document`` gives a document by id."""
    old, base = p.old, p.base
    assert old is not None
    before = state.last
    assert before is not None
    state.add(new)
    snap = state.snapshot()
    t = diff.touched(state, before, snap, {i for i in p.order if i not in old.documents})
    if not t:
        return Written(current, 0, 0, False)
    q = diff.addition(state, before, snap, t, [document(i) for i in t.docs], base, old.digests)

    def apply(db: ox.Store) -> tuple[int, int]:
        for quad in q.gone:
            db.remove(quad)
        versions.insert(db, list(q.new))
        graphs = ((_graph(base, part), qs) for part, qs in q.by_part.items())
        a, r = versions.replace_graphs(db, graphs, old)
        return len(q.new) + a, len(q.gone) + r

    man = Manifest(base, dict(p.order), q.digests)
    return versions.publish(folder, old, old.digests, apply, man, state)


def _graph(base: str, part: str) -> ox.NamedNode:
    return ox.NamedNode(str(graph_iri(base, part)))
