"""Resolve: one entity per real thing, its type by the votes of all its mentions.

Mentions are grouped by their normalised name, then groups are merged by rules that each leave a
line in the merge log: a surname or first name joins the one full name that ends or starts with
it, an acronym joins the one name whose initials it spells, a short form ("TBD") joins the name
it shortens ("TBD Lab"). Facts are then grouped by their entities and predicate, and facts
that follow from others (inverse properties, chains of places) added.

A ``Resolver`` takes documents in batches and gives, after each, what one resolution of all of
them gives: the store keeps one with each version, so that adding documents costs in
proportion to them (``resolve`` is one batch).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from kg import vocab
from kg.extract.records import DocExtraction
from kg.model import ENTITY_TYPES, Entity, Evidence, Mention, Relation
from kg.names import name_key, slug

LEGAL_SUFFIXES = {
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "plc",
    "co",
    "company",
    "group",
    "holdings",
    "lab",
    "labs",
    "gmbh",
    "ag",
    "sa",
    "limited",
}
ACRONYM_SKIP = {"of", "and", "the", "for", "&", "de", "la", "du", "des", "in", "on"}


@dataclass(frozen=True)
class Merge:
    """One line of the merge log: which names became one entity, by which rule, and why."""

    entity_id: str
    name: str
    merged: tuple[str, ...]
    rule: str
    reason: str


@dataclass(frozen=True)
class Resolution:
    entities: list[Entity]
    relations: list[Relation]
    merges: list[Merge]
    flagged: list[Relation]  # negated statements: read, recorded, not asserted
    rejected: int  # facts whose types fit none of their predicates


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, keep: str, other: str) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a


def resolve(extractions: Iterable[DocExtraction]) -> Resolution:
    """One entity per real thing over all the documents' extractions, with the facts between
    them: ``Resolver().add(extractions).result()``."""
    return Resolver().add(extractions).result()


# Evidence as resolution keeps it: a plain tuple in kg.model.Evidence's field order, made an
# Evidence only for the result (a corpus holds a great many, and the store pickles them).
_Ev = tuple
_REJECTED = "rejected"  # a fact whose types fit none of its predicates
_SHARED: dict = {}  # rule names and predicate tuples, one object each


def _ev_order(e: _Ev) -> tuple:
    # kg.model.Evidence's fields but the sentence, which its offsets decide
    return (e[0], e[2], e[3], e[4], e[5], e[6], e[7], e[8])


def _ev_inferred(e: _Ev) -> bool:
    return e[6].startswith("inverse of ") or " + " in e[6]


@dataclass
class _Name:
    """One name key over the corpus: what resolution reads of its mentions, summed in corpus
    order, so that documents added at the end give the sums one pass over all would give."""

    first: str  # the text of its first mention
    count: int = 0
    votes: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    labels: Counter[str] = field(default_factory=Counter)
    spellings: Counter[str] = field(default_factory=Counter)  # for the canonical name
    texts: set[str] = field(default_factory=set)  # for the aliases
    mentions: list[tuple[str, int, int, str]] = field(default_factory=list)


class _Fact(NamedTuple):
    subject: str  # name key
    object: str | None  # name key, or None for a literal
    literal: str | None
    predicates: tuple[str, ...]
    negated: bool
    evidence: _Ev


class EntityRecord(NamedTuple):
    """An entity without its mentions: what the entities' RDF is made from."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    keys: tuple[str, ...]  # the name keys it was resolved from
    untyped: bool  # named only by the proper-noun finder and typed by nothing


@dataclass
class Snapshot:
    """One result of a Resolver, before it is made into kg.model objects."""

    entities: dict[str, EntityRecord]  # every entity, before names without a type are dropped
    kept: dict[str, EntityRecord]  # the entities of the result
    relations: dict[tuple, tuple[tuple[_Ev, ...], float]]  # (subject, predicate, object) ->
    flagged: dict[tuple, tuple[tuple[_Ev, ...], float]]  # (evidence, confidence)
    merges: list[Merge]
    rejected: int
    key_entity: dict[str, str]


class Resolver:
    """Entity resolution that takes documents in batches: ``add`` extractions, then ``result``.

    Adding documents after a result and asking again gives exactly what one resolution of all
    of them in the same order gives (``resolve``). What the documents bring is summed as they
    are added, the decisions over names are remade from those sums (a pass over the distinct
    names, not the mentions), and only facts whose names changed entity or type are grouped
    again; a fact group is rebuilt only when its facts changed. The store keeps a Resolver
    pickled with each version, so that adding documents costs in proportion to them.
    """

    def __init__(self) -> None:
        self.documents: list[str] = []  # ids, in the order added
        self.names: dict[str, _Name] = {}
        self.facts: list[_Fact] = []
        self.facts_of: dict[str, list[int]] = {}  # name key -> the facts that name it
        # the last result's decisions, which the next result starts from
        self._contrib: list[tuple[bool, tuple] | str | None] = []  # per fact: its group
        self._rejected = 0
        self._groups: dict[tuple[bool, tuple], set[int]] = {}  # (negated, key) -> facts
        # per group: its evidence and confidence, its first fact, its best reading
        self._built: dict[tuple[bool, tuple], tuple[tuple[_Ev, ...], float, int, float]] = {}
        self._last: Snapshot | None = None

    @property
    def last(self) -> Snapshot | None:
        """The last result, as made by ``snapshot``."""
        return self._last

    def add(self, extractions: Iterable[DocExtraction]) -> Resolver:
        """Take more documents' extractions (after those already added)."""
        names, facts = self.names, self.facts
        for ex in extractions:
            d = ex.document
            self.documents.append(d.id)
            keys: list[str] = []
            for m in ex.mentions:
                k = name_key(m.text) if m.votes else ""
                keys.append(k)
                if not k:
                    continue
                n = names.get(k)
                if n is None:
                    n = names[k] = _Name(m.text)
                n.count += 1
                n.votes.update(m.votes)
                n.docs.add(m.doc_id)
                n.labels[m.label] += 1
                n.spellings[m.text.replace("’", "'")] += 1
                n.texts.add(m.text)
                n.mentions.append((m.doc_id, m.start, m.end, m.surface or m.text))
            text = d.text
            # one string for each sentence, rule and predicate tuple, however many facts share
            # it: the store pickles the resolver, and pickle writes a shared object once
            sentences: dict[tuple[int, int], str] = {}
            for f in ex.facts:
                skey = keys[f.subject]
                okey, lit = (
                    (keys[f.object], None) if isinstance(f.object, int) else (None, f.object)
                )
                if not skey or okey == "":
                    continue  # a mention without votes stands for no entity
                sm = ex.mentions[f.subject]
                sent = sentences.get(f.sentence)
                if sent is None:
                    sent = sentences[f.sentence] = text[f.sentence[0] : f.sentence[1]]
                rule = _SHARED.setdefault(f.rule, f.rule)
                preds = _SHARED.setdefault(f.predicates, f.predicates)
                ev = (
                    d.id,
                    sent,
                    f.sentence[0],
                    f.sentence[1],
                    (sm.start, sm.end),
                    f.object_span,
                    rule,
                    f.confidence,
                    f.hedged,
                )
                i = len(facts)
                facts.append(_Fact(skey, okey, lit, preds, f.negated, ev))
                self.facts_of.setdefault(skey, []).append(i)
                if okey and okey != skey:
                    self.facts_of.setdefault(okey, []).append(i)
        return self

    def result(self) -> Resolution:
        """The entities and facts of every document added so far."""
        return self.materialize(self.snapshot())

    # -- the decisions -------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Resolve what has been added, reusing the last result's work where it still holds."""
        entities, key_entity, log = self._entities()
        merges = []
        for kept_key, merged, rule, reason in log:
            e = entities[key_entity[kept_key]]
            merges.append(Merge(e.id, e.name, (self.names[merged].first,), rule, reason))
        relations, flagged = self._relations(entities, key_entity)
        # such a name stays where a fact holds it: alone, it is as often a title or a headline word
        held = {x for rels in (relations, flagged) for (s, _, o) in rels for x in (s, o)}
        kept = {eid: e for eid, e in sorted(entities.items()) if not e.untyped or e.id in held}
        merges = [m for m in merges if m.entity_id in kept]
        snap = Snapshot(entities, kept, relations, flagged, merges, self._rejected, key_entity)
        self._last = snap
        return snap

    def _entities(self) -> tuple[dict[str, EntityRecord], dict[str, str], list[tuple]]:
        names = self.names
        keys = sorted(names)
        tops = {k: _top_type(n.votes) for k, n in names.items()}
        uf = _Union()
        for k in keys:
            uf.find(k)
        log: list[tuple[str, str, str, str]] = []  # (kept key, merged key, rule, reason)
        # the full names by what a shorter name could match in them, made once: a scan of all
        # names for each name grows with the square of the corpus
        people_by_word: dict[str, list[str]] = defaultdict(list)  # first or last word -> names
        by_initials: dict[str, list[str]] = defaultdict(list)
        by_stem: dict[str, list[str]] = defaultdict(list)  # the name without its last word
        for f in keys:
            fw = f.split()
            if len(fw) < 2:
                continue
            t = tops[f]
            if t == "Person":
                for w in dict.fromkeys((fw[0], fw[-1])):
                    people_by_word[w].append(f)
            else:
                by_initials[_initials(f)].append(f)
            if fw[-1] in LEGAL_SUFFIXES and t == "Organization":
                by_stem[" ".join(fw[:-1])].append(f)
        for k in keys:
            words = k.split()
            surface = names[k].first
            if len(words) == 1:
                # surname or first name -> the one full person name that ends or starts with it
                people = people_by_word.get(k, [])
                near = [f for f in people if not names[f].docs.isdisjoint(names[k].docs)]
                pick = near if near else people
                label = names[k].labels
                if len(pick) == 1 and label["ORG"] + label["GPE"] <= label["PERSON"] + 1:
                    f = pick[0]
                    part = "surname" if f.split()[-1] == k else "first name"
                    reason = f"{surface!r} is the {part} of {names[f].first!r}"
                    log.append(
                        (f, k, part, reason + (", named in the same document" if near else ""))
                    )
                    uf.union(f, k)
                    continue
                # acronym -> the one name whose initials it spells
                if surface.isupper() and 2 <= len(surface) <= 6:
                    full = by_initials.get(k, [])
                    if len(full) == 1:
                        reason = f"{surface!r} spells the initials of {names[full[0]].first!r}"
                        log.append((full[0], k, "acronym", reason))
                        uf.union(full[0], k)
                        continue
            # short form -> the name it shortens by a legal or unit suffix ("TBD" -> "TBD Lab")
            longer = by_stem.get(k, [])
            if len(longer) == 1 and tops[k] != "Person":
                reason = f"{surface!r} is {names[longer[0]].first!r} without its suffix"
                log.append((longer[0], k, "short form", reason))
                uf.union(longer[0], k)

        clusters: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            clusters[uf.find(k)].append(k)
        entities: dict[str, EntityRecord] = {}
        key_entity: dict[str, str] = {}
        used_ids: set[str] = set()
        size = {r: sum(names[k].count for k in ks) for r, ks in clusters.items()}
        for root in sorted(clusters, key=lambda r: (-size[r], r)):
            ks = clusters[root]
            total: Counter[str] = Counter()
            for k in ks:
                total.update(names[k].votes)
            etype = _top_type(total)
            name = _canonical(names[root].spellings)
            aliases = sorted(set().union(*(names[k].texts for k in ks)) - {name})
            eid = _new_id(name, etype, used_ids)
            untyped = etype == "Other" and all(names[k].labels.keys() == {"NAME"} for k in ks)
            entities[eid] = EntityRecord(eid, name, etype, tuple(aliases), tuple(ks), untyped)
            for k in ks:
                key_entity[k] = eid
        return entities, key_entity, log

    def _relations(
        self, entities: dict[str, EntityRecord], key_entity: dict[str, str]
    ) -> tuple[dict, dict]:
        mapping = {k: (eid, entities[eid].type) for k, eid in key_entity.items()}
        # the facts to group again: new ones, and those naming a name whose entity (its id or
        # its type) is not the one of the last result
        todo = set(range(len(self._contrib), len(self.facts)))
        self._contrib.extend([None] * (len(self.facts) - len(self._contrib)))
        last = self._last
        for k, now in mapping.items():
            was = last.key_entity.get(k) if last is not None else None
            if was is None or (was, last.entities[was].type) != now:  # type: ignore[union-attr]
                todo.update(self.facts_of.get(k, ()))
        dirty: set[tuple[bool, tuple]] = set()
        for i in sorted(todo):
            f = self.facts[i]
            new = _group(f, mapping)
            old = self._contrib[i]
            if new == old:
                continue
            if old == _REJECTED:
                self._rejected -= 1
            elif old is not None:
                self._groups[old].discard(i)
                dirty.add(old)  # type: ignore[arg-type]
            if new == _REJECTED:
                self._rejected += 1
            elif new is not None:
                self._groups.setdefault(new, set()).add(i)  # type: ignore[arg-type]
                dirty.add(new)  # type: ignore[arg-type]
            self._contrib[i] = new
        for g in dirty:
            fids = self._groups.get(g)
            if not fids:
                self._groups.pop(g, None)
                self._built.pop(g, None)
                continue
            evs, conf = _combine(self.facts[i].evidence for i in fids)
            self._built[g] = (evs, conf, min(fids), max(e[7] for e in evs))

        asserted = sorted((g for g in self._built if not g[0]), key=lambda g: self._built[g][2])
        # the facts in the order one pass over the documents first meets them: inference
        # takes the first premise that gives a fact
        grouped: dict[tuple, tuple[_Ev, ...]] = {g[1]: self._built[g][0] for g in asserted}
        confs = {g[1]: self._built[g][3] for g in asserted}
        relations = {k: self._built[(False, k)][:2] for k in grouped}
        if INFER:
            for k, evs in _infer(grouped, entities, confs).items():
                relations[k] = _combine(evs)
        flagged = {g[1]: b[:2] for g, b in self._built.items() if g[0]}
        return dict(sorted(relations.items())), dict(sorted(flagged.items()))

    # -- the result as kg's objects ------------------------------------------------------------

    def materialize(self, snap: Snapshot, documents: Container[str] | None = None) -> Resolution:
        """The snapshot as kg.model objects. With ``documents``, only the mentions and the
        evidence read in those documents (the store writes a document's graph from them)."""
        everything = documents is None
        entities: dict[str, Entity] = {}
        for eid, rec in snap.entities.items():
            ms = {
                Mention(*m)
                for k in rec.keys
                for m in self.names[k].mentions
                if everything or m[0] in documents  # type: ignore[operator]
            }
            mentions = tuple(sorted(ms, key=lambda x: (x.doc_id, x.start)))
            entities[eid] = Entity(eid, rec.name, rec.type, rec.aliases, mentions)

        def made(rels: dict[tuple, tuple[tuple[_Ev, ...], float]]) -> list[Relation]:
            out = []
            for (sid, pred, okey), (evs, conf) in rels.items():
                if not everything:
                    evs = tuple(e for e in evs if e[0] in documents)  # type: ignore[operator]
                obj = entities.get(okey, okey)
                wikidata = vocab.PREDICATES[pred].wikidata
                evidence = tuple(Evidence(*e) for e in evs)
                out.append(Relation(entities[sid], pred, obj, wikidata, conf, evidence))
            return out

        relations, flagged = made(snap.relations), made(snap.flagged)
        ordered = [entities[eid] for eid in snap.kept]
        return Resolution(ordered, relations, list(snap.merges), flagged, snap.rejected)


def _group(f: _Fact, mapping: dict[str, tuple[str, str]]) -> tuple[bool, tuple] | str | None:
    """The fact group a fact joins under the current entities, _REJECTED, or None."""
    sid, stype = mapping[f.subject]
    otype: str | None = None
    if f.object is not None:
        okey, otype = mapping[f.object]
        if okey == sid:
            return None  # a name and the entity it is a part of
    else:
        okey = f.literal  # type: ignore[assignment]
    pred = next((p for p in f.predicates if vocab.fits(p, stype, otype)), None)
    if pred is None:
        return _REJECTED
    return (f.negated, (sid, pred, okey))


def _combine(evs: Iterable[_Ev]) -> tuple[tuple[_Ev, ...], float]:
    """A fact's evidence, once each and in a total order, and its confidence."""
    ordered = tuple(sorted(set(evs), key=_ev_order))
    # readings are independent: each lowers the chance all are wrong; inferences from the
    # same premises are not, so they count once, by the best of them
    miss = 1.0
    for e in ordered:
        if not _ev_inferred(e):
            miss *= 1.0 - e[7]
    miss *= 1.0 - max((e[7] for e in ordered if _ev_inferred(e)), default=0.0)
    return ordered, round(min(0.99, 1.0 - miss), 3)


# Facts that follow from others by the meaning of the Wikidata properties.
INVERSES = {
    "part_of": "has_part",
    "has_part": "part_of",
    "participant": "participant_in",
    "participant_in": "participant",
    "follows": "followed_by",
    "followed_by": "follows",
    "sibling": "sibling",
    "spouse": "spouse",
    "father": "child",
    "mother": "child",
    "capital": "capital_of",
    "capital_of": "capital",
    "performer": "notable_work",
    "author": "notable_work",
    "characters": "present_in_work",
    "contains": "located_in",
    "subsidiary": "parent_organization",
    "parent_organization": "subsidiary",
}
# (first, then, gives): X first Y and Y then Z give X gives Z.
CHAINS = (
    ("located_in", "located_in", "located_in"),
    ("located_in", "country", "country"),
)
INFER = True  # whether to add inferred facts at all
MIN_PREMISE = 0.5  # only facts read with at least this confidence lead to others
INFERRED = 0.9  # an inferred fact is a little less sure than its premises


def _infer(
    grouped: dict[tuple, tuple[_Ev, ...]],
    entities: Mapping[str, EntityRecord],
    confs: dict[tuple, float],
) -> dict[tuple, list[_Ev]]:
    """The inverse and chained facts that follow from ``grouped`` (whose order is the order
    the premises are tried in); their evidence is their premises'. ``confs`` holds each
    fact's best reading."""
    inferred: dict[tuple, list[_Ev]] = {}
    facts_in = dict(grouped)

    def conf(key: tuple) -> float:
        c = confs.get(key)
        if c is None:
            c = confs[key] = max(e[7] for e in facts_in[key])
        return c

    def add(key: tuple, evs: Sequence[_Ev], rule: str, c: float, swap: bool = False) -> bool:
        sid, pred, oid = key
        s, o = entities.get(sid), entities.get(oid)
        if key in facts_in or s is None or o is None or sid == oid:
            return False
        if not vocab.fits(pred, s.type, o.type):
            return False
        # an inverse fact's subject is its premise's object: the spans change places too, so
        # that subject_span still points at the subject's name and object_span at the object's
        c = round(c, 3)
        made = [(*e[:4], *((e[5], e[4]) if swap else (e[4], e[5])), rule, c, e[8]) for e in evs]
        facts_in[key] = inferred[key] = made  # type: ignore[assignment]
        return True

    for _ in range(3):  # chains of chains, a few steps deep
        changed = False
        facts = [k for k in facts_in if isinstance(k[2], str) and k[2] in entities]
        facts = [k for k in facts if conf(k) >= MIN_PREMISE]
        by_subject: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for k in facts:
            by_subject[(k[0], k[1])].append(k)
        for key in facts:
            sid, pred, oid = key
            evs = facts_in[key]
            inv = INVERSES.get(pred)
            if inv:
                changed |= add(
                    (oid, inv, sid), evs, f"inverse of {pred}", INFERRED * conf(key), swap=True
                )
            for first, then, gives in CHAINS:
                if pred != first:
                    continue
                for key2 in by_subject.get((oid, then), ()):
                    c = INFERRED * conf(key) * conf(key2)
                    evs2 = facts_in[key2]
                    changed |= add((sid, gives, key2[2]), (*evs, *evs2), f"{first} + {then}", c)
        if not changed:
            break
    return inferred


def _top_type(votes: Counter[str]) -> str:
    if not votes:
        return "Other"
    return max(ENTITY_TYPES, key=lambda t: (votes.get(t, 0.0), -ENTITY_TYPES.index(t)))


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ACRONYM_SKIP)


def _canonical(spellings: Counter[str]) -> str:
    """The name's most frequent spelling; the longest, then the last in order, among ties."""
    return max(spellings, key=lambda s: (spellings[s], len(s), s))


def _new_id(name: str, etype: str, used: set[str]) -> str:
    base = slug(name)
    for cand in (base, f"{base}-{etype.lower()}"):
        if cand not in used:
            used.add(cand)
            return cand
    n = 2
    while f"{base}-{etype.lower()}-{n}" in used:
        n += 1
    used.add(f"{base}-{etype.lower()}-{n}")
    return f"{base}-{etype.lower()}-{n}"
