"""Resolve: one entity per real thing, its type by the votes of all its mentions.

Mentions are grouped by their normalised name, then groups are merged by rules that each leave a
line in the merge log: a surname or first name joins the one full name that ends or starts with
it, an acronym joins the one name whose initials it spells, a short form ("TBD") joins the name
it shortens ("TBD Lab").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from . import vocab
from .extract import DocExtraction, RawMention
from .model import ENTITY_TYPES, Entity, Evidence, Mention, Relation

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
# Titles before a name ("President Bill Clinton", "Sen. Bob Dole"): not part of the name.
TITLES = set(
    "mr mrs ms miss dr prof sir dame lord lady president vice sen senator rep representative "
    "gov governor gen general col colonel lt capt captain maj sgt adm admiral judge justice "
    "rev reverend father pope king queen prince princess sultan sheikh emir chancellor premier "
    "minister secretary mayor ambassador commissioner chairman chief former late the".split()
)
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


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The form names are compared in: case, accents, punctuation, titles and legal suffixes
    folded. Cached: a name recurs across a corpus, and each block and resolution asks."""
    t = unicodedata.normalize("NFKD", text.replace("’", "'"))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = re.sub(r"'s?$", "", t.strip())
    t = re.sub(r"[^\w&+ ]+", " ", t)
    words = t.split()
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in {"inc", "corp", "ltd", "llc", "plc", "co", "gmbh"}:
        words.pop()
    return " ".join(words)


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
    exs = list(extractions)
    by_key: dict[str, list[RawMention]] = defaultdict(list)
    for ex in exs:
        for m in ex.mentions:
            if m.votes:
                by_key[name_key(m.text)].append(m)
    by_key.pop("", None)
    votes = {k: _sum_votes(ms) for k, ms in by_key.items()}
    uf = _Union()
    for k in sorted(by_key):
        uf.find(k)
    log: list[tuple[str, str, str, str]] = []  # (kept key, merged key, rule, reason)

    def top(k: str) -> str:
        return _top_type(votes[k])

    multi = [k for k in sorted(by_key) if len(k.split()) > 1]
    docs_of = {k: {m.doc_id for m in ms} for k, ms in by_key.items()}
    # the full names by what a shorter name could match in them, made once: a scan of all
    # names for each name grows with the square of the corpus
    people_by_word: dict[str, list[str]] = defaultdict(list)  # first or last word -> names
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_stem: dict[str, list[str]] = defaultdict(list)  # the name without its last word
    for f in multi:
        fw = f.split()
        t = top(f)
        if t == "Person":
            for w in dict.fromkeys((fw[0], fw[-1])):
                people_by_word[w].append(f)
        else:
            by_initials[_initials(f)].append(f)
        if fw[-1] in LEGAL_SUFFIXES and t == "Organization":
            by_stem[" ".join(fw[:-1])].append(f)
    for k in sorted(by_key):
        words = k.split()
        surface = by_key[k][0].text
        if len(words) == 1:
            # surname or first name -> the one full person name that ends or starts with it
            people = people_by_word.get(k, [])
            near = [f for f in people if docs_of[f] & docs_of[k]]
            pick = near if near else people
            label = Counter(m.label for m in by_key[k])
            if len(pick) == 1 and label["ORG"] + label["GPE"] <= label["PERSON"] + 1:
                f = pick[0]
                part = "surname" if f.split()[-1] == k else "first name"
                log.append(
                    (
                        f,
                        k,
                        part,
                        f"{surface!r} is the {part} of {by_key[f][0].text!r}"
                        + (", named in the same document" if near else ""),
                    )
                )
                uf.union(f, k)
                continue
            # acronym -> the one name whose initials it spells
            if surface.isupper() and 2 <= len(surface) <= 6:
                full = by_initials.get(k, [])
                if len(full) == 1:
                    log.append(
                        (
                            full[0],
                            k,
                            "acronym",
                            f"{surface!r} spells the initials of {by_key[full[0]][0].text!r}",
                        )
                    )
                    uf.union(full[0], k)
                    continue
        # short form -> the name it shortens by a legal or unit suffix ("TBD" -> "TBD Lab")
        longer = by_stem.get(k, [])
        if len(longer) == 1 and top(k) != "Person":
            log.append(
                (
                    longer[0],
                    k,
                    "short form",
                    f"{surface!r} is {by_key[longer[0]][0].text!r} without its suffix",
                )
            )
            uf.union(longer[0], k)

    clusters: dict[str, list[str]] = defaultdict(list)
    for k in sorted(by_key):
        clusters[uf.find(k)].append(k)

    entities: dict[str, Entity] = {}
    key_entity: dict[str, str] = {}
    used_ids: set[str] = set()
    untyped: set[str] = set()  # names only the proper-noun finder saw, typed by nothing
    for root in sorted(clusters, key=lambda r: (-sum(len(by_key[k]) for k in clusters[r]), r)):
        keys = clusters[root]
        ms = [m for k in keys for m in by_key[k]]
        total: Counter[str] = Counter()
        for k in keys:
            total.update(votes[k])
        etype = _top_type(total)
        name = _canonical(by_key[root])
        aliases = sorted({m.text for m in ms} - {name})
        eid = _new_id(name, etype, used_ids)
        mentions = tuple(
            sorted(
                {Mention(m.doc_id, m.start, m.end, m.surface or m.text) for m in ms},
                key=lambda x: (x.doc_id, x.start),
            )
        )
        entities[eid] = Entity(eid, name, etype, tuple(aliases), mentions)
        if etype == "Other" and all(m.label == "NAME" for m in ms):
            untyped.add(eid)
        for k in keys:
            key_entity[k] = eid

    merges = []
    for kept, merged, rule, reason in log:
        e = entities[key_entity[kept]]
        merges.append(Merge(e.id, e.name, (by_key[merged][0].text,), rule, reason))

    relations, flagged, rejected = _relations(exs, entities, key_entity)
    # such a name stays where a fact holds it: alone, it is as often a title or a headline word
    held = {
        x.id for r in (*relations, *flagged) for x in (r.subject, r.object) if isinstance(x, Entity)
    }
    ordered = sorted(
        (e for e in entities.values() if e.id not in untyped or e.id in held), key=lambda e: e.id
    )
    kept = {e.id for e in ordered}
    merges = [m for m in merges if m.entity_id in kept]
    return Resolution(ordered, relations, merges, flagged, rejected)


def _relations(
    exs: list[DocExtraction], entities: dict[str, Entity], key_entity: dict[str, str]
) -> tuple[list[Relation], list[Relation], int]:
    grouped: dict[tuple, list[Evidence]] = defaultdict(list)
    negated: dict[tuple, list[Evidence]] = defaultdict(list)
    rejected = 0
    for ex in exs:
        text = ex.document.text

        def entity_of(i: int) -> Entity | None:
            m = ex.mentions[i]  # noqa: B023 - used within this iteration only
            return entities.get(key_entity.get(name_key(m.text), "")) if m.votes else None

        for f in ex.facts:
            subj = entity_of(f.subject)
            if subj is None:
                continue
            obj: Entity | str | None = (
                entity_of(f.object) if isinstance(f.object, int) else f.object
            )
            if obj is None or obj == subj:
                continue
            otype = obj.type if isinstance(obj, Entity) else None
            pred = next((p for p in f.predicates if vocab.fits(p, subj.type, otype)), None)
            if pred is None:
                rejected += 1
                continue
            sm = ex.mentions[f.subject]
            ev = Evidence(
                doc_id=ex.document.id,
                sentence=text[f.sentence[0] : f.sentence[1]],
                start=f.sentence[0],
                end=f.sentence[1],
                subject_span=(sm.start, sm.end),
                object_span=f.object_span,
                rule=f.rule,
                confidence=f.confidence,
                hedged=f.hedged,
            )
            okey = obj.id if isinstance(obj, Entity) else obj
            (negated if f.negated else grouped)[(subj.id, pred, okey)].append(ev)

    def build(groups: dict[tuple, list[Evidence]]) -> list[Relation]:
        out = []
        for (sid, pred, okey), evs in sorted(groups.items()):
            evs = sorted(set(evs), key=_evidence_order)  # total: set order varies by process
            # readings are independent: each lowers the chance all are wrong; inferences from
            # the same premises are not, so they count once, by the best of them
            miss = 1.0
            for e in evs:
                if not _inferred(e):
                    miss *= 1.0 - e.confidence
            miss *= 1.0 - max((e.confidence for e in evs if _inferred(e)), default=0.0)
            obj = entities.get(okey, okey) if isinstance(okey, str) else okey
            out.append(
                Relation(
                    entities[sid],
                    pred,
                    obj,
                    vocab.PREDICATES[pred].wikidata,
                    round(min(0.99, 1.0 - miss), 3),
                    tuple(evs),
                )
            )
        return out

    if INFER:
        _infer(grouped, entities)
    return build(grouped), build(negated), rejected


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


def _inferred(e: Evidence) -> bool:
    return e.rule.startswith("inverse of ") or " + " in e.rule


def _infer(grouped: dict[tuple, list[Evidence]], entities: dict[str, Entity]) -> None:
    """Add inverse and chained facts to ``grouped``; their evidence is their premises'."""

    def conf(evs: list[Evidence]) -> float:
        return max(e.confidence for e in evs)

    def add(key: tuple, evs: list[Evidence], rule: str, c: float, swap: bool = False) -> bool:
        sid, pred, oid = key
        s, o = entities.get(sid), entities.get(oid)
        if key in grouped or s is None or o is None or sid == oid:
            return False
        if not vocab.fits(pred, s.type, o.type):
            return False
        # an inverse fact's subject is its premise's object: the spans change places too, so
        # that subject_span still points at the subject's name and object_span at the object's
        grouped[key] = [
            replace(
                e,
                rule=rule,
                confidence=round(c, 3),
                subject_span=e.object_span if swap else e.subject_span,
                object_span=e.subject_span if swap else e.object_span,
            )
            for e in evs
        ]
        return True

    for _ in range(3):  # chains of chains, a few steps deep
        changed = False
        facts = [(k, v) for k, v in grouped.items() if isinstance(k[2], str) and k[2] in entities]
        by_subject: dict[tuple[str, str], list[tuple[str, list[Evidence]]]] = defaultdict(list)
        facts = [(k, v) for k, v in facts if conf(v) >= MIN_PREMISE]
        for (sid, pred, oid), evs in facts:
            by_subject[(sid, pred)].append((oid, evs))
        for (sid, pred, oid), evs in facts:
            inv = INVERSES.get(pred)
            if inv:
                changed |= add(
                    (oid, inv, sid), evs, f"inverse of {pred}", INFERRED * conf(evs), swap=True
                )
            for first, then, gives in CHAINS:
                if pred != first:
                    continue
                for zid, evs2 in by_subject.get((oid, then), ()):
                    c = INFERRED * conf(evs) * conf(evs2)
                    changed |= add((sid, gives, zid), evs + evs2, f"{first} + {then}", c)
        if not changed:
            break


def _evidence_order(e: Evidence) -> tuple:
    return (e.doc_id, e.start, e.end, e.subject_span, e.object_span, e.rule, e.confidence, e.hedged)


def _sum_votes(ms: list[RawMention]) -> Counter[str]:
    total: Counter[str] = Counter()
    for m in ms:
        total.update(m.votes)
    return total


def _top_type(votes: Counter[str]) -> str:
    if not votes:
        return "Other"
    return max(ENTITY_TYPES, key=lambda t: (votes.get(t, 0.0), -ENTITY_TYPES.index(t)))


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ACRONYM_SKIP)


def _canonical(ms: list[RawMention]) -> str:
    counts = Counter(m.text.replace("’", "'") for m in ms)
    return max(counts, key=lambda s: (counts[s], len(s), s))


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


def slug(name: str) -> str:
    """An IRI-safe id for a name: 'Alexandr Wang' -> 'alexandr-wang'."""
    t = unicodedata.normalize("NFKD", name)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:80] or "entity"
