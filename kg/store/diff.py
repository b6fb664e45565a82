"""What a build changes in the store's named graphs (see kg.rdf.triples.parts): one per
document, one for the entities and facts, one for the vocabulary, each with a digest kept in the
manifest.

A build that only adds documents (``touched``, ``addition``) finds what the new documents
changed from the resolver's snapshots before and after, and makes only those graphs: the new
documents', those of documents whose mentions or evidence now belong to another entity or fact,
and the triples of the entities and facts that changed. Any other build (``full``) makes the
graph of every document whose digest changed, and the entities' graph whole.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.graph import KnowledgeGraph, from_parts, split
from kg.model import Document, Entity, Relation
from kg.rdf.triples import document_parts, quads
from kg.resolve.calibration import country_words, premise_of, word_worth
from kg.resolve.calibration import load as load_calibration
from kg.resolve.records import EV_CONFIDENCE, EV_RULE, relation
from kg.resolve.resolver import EntityRecord, Resolver, Snapshot

FactKey = tuple[str, str, str]  # (subject id, predicate, object id or value key)


@dataclass(frozen=True)
class Touched:
    """What an addition changed, beside the new documents themselves."""

    docs: set[str]  # documents whose named graph is made again (the new ones among them)
    facts: dict[bool, set[FactKey]]  # facts whose evidence changed, by negated (flagged)
    entities: set[str]  # entities whose name, type or aliases changed, or that came or went

    def __bool__(self) -> bool:
        return bool(self.docs or self.entities or any(self.facts.values()))


@dataclass
class Quads:
    """The quads a new version writes, by named graph part, and the digests it then holds."""

    by_part: dict[str, set[ox.Quad]]  # the graphs to make hold exactly these quads
    digests: dict[str, str]
    gone: set[ox.Quad] = field(default_factory=set)  # entities' quads to remove (an addition)
    new: set[ox.Quad] = field(default_factory=set)  # and to add


def digest(quads: Iterable[Any], *, start: str = "", minus: Iterable[Any] = ()) -> str:
    """A digest of a set of quads that can be updated: the sum of their hashes (mod 2^128),
    ``start`` plus ``quads`` less ``minus``."""
    total = int(start, 16) if start else 0
    for sign, qs in ((1, quads), (-1, minus)):
        for q in qs:
            h = hashlib.blake2b(str(q).encode("utf-8"), digest_size=16).digest()
            total += sign * int.from_bytes(h, "big")
    return f"{total % (1 << 128):032x}"


def full(graph: KnowledgeGraph, base: str, old_digests: dict[str, str]) -> Quads:
    """The quads of every named graph, but those of documents whose digest is unchanged: the
    cost of a rebuild follows the documents it touches, plus the entities and facts."""
    doc_digests = document_parts(graph, base=base)
    same = {part for part, d in doc_digests.items() if old_digests.get(part) == d}
    by_part: dict[str, set[ox.Quad]] = defaultdict(set)
    for part, q in quads(graph, base=base, skip=same):
        by_part[part].add(q)
    digests = {part: digest(qs) for part, qs in by_part.items() if part not in doc_digests}
    digests.update(doc_digests)
    return Quads(by_part, digests)


def touched(state: Resolver, before: Snapshot, snap: Snapshot, new_docs: set[str]) -> Touched:
    """What adding ``new_docs`` to ``state`` changed between its snapshots ``before`` and
    ``snap``."""
    docs = set(new_docs)
    # mentions whose entity changed, or that a dropped name left or a kept one gained
    for k, eid in snap.key_entity.items():
        was = before.key_entity.get(k)
        if (was, was in before.kept) != (eid, eid in snap.kept):
            docs |= state.names[k].docs
    # evidence that joined or left a fact, or moved to another
    facts: dict[bool, set[FactKey]] = {False: set(), True: set()}
    for negated, then, now in (
        (False, before.relations, snap.relations),
        (True, before.flagged, snap.flagged),
    ):
        for key in then.keys() | now.keys():
            a, b = then.get(key), now.get(key)
            moved = (key[2] in before.entities) != (key[2] in snap.entities)
            if not moved and a == b:
                continue  # (a group left as it was holds the very same evidence tuple)
            facts[negated].add(key)
            was, now_evs = set(a[0] if a else ()), set(b[0] if b else ())
            # a fact whose object became an entity (or stopped being one) has a new IRI
            docs |= {e[0] for e in ((was | now_evs) if moved else (was ^ now_evs))}
    entities = {
        eid
        for eid in before.kept.keys() | snap.kept.keys()
        if _shown(before.kept.get(eid)) != _shown(snap.kept.get(eid))
    }
    return Touched(docs, facts, entities)


def addition(
    state: Resolver,
    before: Snapshot,
    snap: Snapshot,
    t: Touched,
    documents: list[Document],
    base: str,
    old_digests: dict[str, str],
) -> Quads:
    """The quads an addition writes: the touched documents' graphs, made from their mentions
    and evidence alone, and the entities' triples that went or came."""
    part_of = from_parts(documents, state.materialize(snap, documents=t.docs), base=base)
    digests = dict(old_digests)
    doc_digests = document_parts(part_of, base=base)
    same = {p for p, d in doc_digests.items() if digests.get(p) == d}
    by_part: dict[str, set[ox.Quad]] = defaultdict(set)
    for part, q in quads(part_of, base=base, skip=Skip(same, entities=True)):
        by_part[part].add(q)
    digests.update(doc_digests)
    # the entities' graph: the triples of what changed, as it was and as it is
    sides: tuple[set[ox.Quad], set[ox.Quad]] = (set(), set())
    for side, sn in enumerate((before, snap)):
        small = _changed_only(sn, t.entities, t.facts, base)
        for part, q in quads(small, base=base, skip=Skip(set(), docs=True)):
            if part == "entities":
                sides[side].add(q)
    gone, new = sides[0] - sides[1], sides[1] - sides[0]
    digests["entities"] = digest(new, start=digests.get("entities", ""), minus=gone)
    return Quads(by_part, digests, gone, new)


class Skip:
    """The parts kg.rdf's parts() leaves out: those named, and every document's or the
    entities'."""

    def __init__(self, parts: set[str], *, docs: bool = False, entities: bool = False) -> None:
        self.parts, self.docs, self.entities = parts, docs, entities

    def __contains__(self, part: object) -> bool:
        if part == "vocab" or part in self.parts:
            return True
        return self.entities if part == "entities" else self.docs


def _shown(e: EntityRecord | None) -> tuple | None:
    """What the entities' graph says of an entity."""
    return None if e is None else (e.id, e.name, e.type, e.aliases)


def _changed_only(
    snap: Snapshot, entities: set[str], facts: dict[bool, set[FactKey]], base: str
) -> KnowledgeGraph:
    """A graph of the entities and facts named, as ``snap`` has them (no mentions, no
    evidence): what kg.rdf.triples.parts makes of them is their share of the entities' graph."""

    def entity(eid: str) -> Entity:
        e = snap.entities[eid]
        return Entity(e.id, e.name, e.type, e.aliases)

    def known(eid: str) -> Entity | None:
        return entity(eid) if eid in snap.entities else None

    def relations(negated: bool) -> list[Relation]:
        held = snap.flagged if negated else snap.relations
        out = []
        for key in sorted(facts[negated] & held.keys()):
            evs, conf = held[key]
            if not negated:  # calibrated as kg.graph.from_parts does, from its readings' rules
                conf = calibrated(key)
                # a country's copy of its word's fact is worth the word's (as_sure_as_word)
                rules = [e[EV_RULE] for e in evs]
                worth = word_worth(key, rules, words, held_worth)
                conf = max(conf, worth or 0.0)
                # an inverse is worth no more than its premise (no_surer_than_premise)
                premise = premise_of(key[0], key[2], rules)
                if premise is not None and premise in held:
                    conf = min(conf, calibrated(premise))
            out.append(relation(key, evs, conf, known, with_evidence=False))  # no evidence
        return out

    def held_worth(key: FactKey) -> float | None:
        return calibrated(key) if key in snap.relations else None

    def calibrated(key: FactKey) -> float:
        evs, conf = snap.relations[key]
        return cal.fact([(e[EV_RULE], e[EV_CONFIDENCE]) for e in evs], conf, key[1])

    cal = load_calibration()
    words = country_words(snap.relations)  # a country -> its nationality words
    ents = [entity(eid) for eid in sorted(entities & snap.kept.keys())]
    asserted, candidates = split(relations(False))
    return KnowledgeGraph(ents, asserted, flagged=relations(True), base=base, candidates=candidates)
