"""Scoring: which gold entity a predicted one is, and the counts of one document or a set."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kg import vocab
from kg.defaults import MIN_CONFIDENCE
from kg.evaluate.causes import Missed, fn_causes
from kg.evaluate.clusters import PairError, score_clusters
from kg.evaluate.gold import SCORED_TYPES, GoldDoc, GoldSet, as_document
from kg.evaluate.report import Counts, Error, Report, Scored
from kg.extract.dates import iso_date
from kg.extract.mentions import extract
from kg.model import Entity, Relation
from kg.names import name_key
from kg.resolve import resolve
from kg.resolve.calibration import Calibration, calibrate, source

if TYPE_CHECKING:
    from spacy.language import Language


def _keys(e: Entity) -> set[str]:
    return {name_key(s) for s in (e.name, *e.aliases, *(m.text for m in e.mentions))} - {""}


class Matcher:
    """Which gold entity a predicted entity or literal is."""

    def __init__(self, g: GoldDoc) -> None:
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_date: dict[str, list[int]] = defaultdict(list)
        # (town, qualifier) name keys of each gold place named with its state ("Salisbury , N.C")
        self.qualified: set[tuple[str, str]] = set()
        for i, e in enumerate(g.entities):
            for name in e.names:
                self.by_name[name_key(name)].append(i)
                town, comma, rest = name.partition(",")
                if comma and e.type == "Place" and town.strip():
                    # "Salisbury , N.C": a place qualified by its state is named by the town
                    self.by_name[name_key(town)].append(i)
                    self.qualified.add((name_key(town), name_key(rest)))
                if e.literal:
                    iso = iso_date(name)
                    if iso:
                        self.by_date[iso].append(i)
        self.gold = g

    def entities(self, e: Entity, typed: bool = False) -> set[int]:
        """Every gold entity that shares a name with ``e`` (of its type, when ``typed``)."""
        return {
            i
            for k in _keys(e)
            for i in self.by_name.get(k, ())
            if not self.gold.entities[i].literal
            and (not typed or self.gold.entities[i].type == e.type)
        }

    def entity(self, e: Entity, typed: bool = False) -> int | None:
        hits: dict[int, int] = defaultdict(int)
        for k in _keys(e):
            for i in self.by_name.get(k, ()):
                if not self.gold.entities[i].literal:
                    hits[i] += 1
        if typed:
            hits = {i: n for i, n in hits.items() if self.gold.entities[i].type == e.type}
        if not hits:
            return None
        # prefer the gold entity of the same type, then the one with most shared names
        return max(hits, key=lambda i: (self.gold.entities[i].type == e.type, hits[i], -i))

    def one_name(self, a: Entity, b: object) -> bool:
        """Whether two predicted entities are the town and the state of one gold place named
        with its state ("North Bend , Ohio"): gold cannot judge a fact between them."""
        if not isinstance(b, Entity):
            return False
        ka, kb = _keys(a), _keys(b)
        return any((x, y) in self.qualified or (y, x) in self.qualified for x in ka for y in kb)

    def value(self, v: object) -> int | None:
        s = str(v)
        hits = self.by_date.get(s) or [
            i for i in self.by_name.get(name_key(s), ()) if self.gold.entities[i].literal
        ]
        return hits[0] if hits else None


def label_of(gold: GoldSet, prop: str, subject_type: str) -> str:
    """The row a property is counted in: the dataset's label where it has one."""
    if gold.format == "conll04" and prop in ("P17", "P131"):
        return "OrgBased_In" if subject_type == "Organization" else "Located_In"
    return gold.labels.get(prop, prop)


def score_doc(
    gold: GoldSet,
    g: GoldDoc,
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    scored: list[Scored] | None = None,
    errors: list[Error] | None = None,
    min_confidence: float = 0.0,
    hit: set[int] | None = None,
) -> tuple[dict[str, Counts], dict[str, Counts], Counts]:
    """(typed entity counts per type, relation counts per label, covered) for one document.

    ``scored``, if given, gets (confidence, right, label, source, predicate, readings) of each
    prediction (source: what read it, see kg.resolve.calibration.source; readings: each piece
    of evidence's rule and raw confidence, which the calibration reads): a gold fact that several
    predictions match counts once, with the highest confidence among them. ``errors``, if
    given, gets each fact asserted at ``min_confidence`` that is wrong, and each gold fact
    none asserts. ``hit``, if given, gets the indexes of the gold facts a prediction matches.
    """
    match = Matcher(g)
    out = _Scoring(scored, errors, min_confidence)
    by_label, covered = _score_relations(gold, g, match, relations, out)
    if hit is not None:
        hit |= out.hit
    return _score_entities(g, match, entities), by_label, covered


class _Scoring:
    """Where a document's scored facts and errors go (nowhere, when not asked for)."""

    def __init__(self, scored, errors, min_confidence: float) -> None:
        self.scored, self.errors, self.min_confidence = scored, errors, min_confidence
        self.hit: set[int] = set()  # the gold facts a prediction matches

    def wrong(self, g: GoldDoc, label: str, r: Relation) -> None:
        if self.scored is not None:
            src = source(ev.rule for ev in r.evidence)
            self.scored.append((r.confidence, False, label, src, r.predicate, _readings(r)))
        if self.errors is not None and r.confidence >= self.min_confidence:
            self.errors.append(_false_positive(g, label, r))

    def gold_fact(self, g: GoldDoc, gold: GoldSet, r, best: Relation | None) -> None:
        label = r.label if gold.format == "conll04" else gold.labels.get(r.label, r.label)
        if best is not None and self.scored is not None:
            src = source(ev.rule for ev in best.evidence)
            self.scored.append((best.confidence, True, label, src, best.predicate, _readings(best)))
        if self.errors is not None and (best is None or best.confidence < self.min_confidence):
            conf = best.confidence if best is not None else None
            self.errors.append(_false_negative(g, label, r, conf))


def _readings(r: Relation) -> tuple[tuple[str, float], ...]:
    return tuple((ev.rule, ev.confidence) for ev in r.evidence)


def _false_positive(g: GoldDoc, label: str, r: Relation) -> Error:
    ev = r.evidence[0] if r.evidence else None
    obj = r.object.name if isinstance(r.object, Entity) else str(r.object)
    rule = "+".join(sorted({e.rule for e in r.evidence})) or "?"
    sentence = ev.sentence if ev else ""
    return Error("false positive", label, rule, g.id, r.subject.name, obj, r.confidence, sentence)


def _false_negative(g: GoldDoc, label: str, r, candidate: float | None) -> Error:
    head, tail = g.entities[r.head], g.entities[r.tail]
    passage = _passage(g.text, head.spans, tail.spans)
    return Error(
        "false negative", label, "", g.id, head.names[0], tail.names[0], candidate, passage
    )


def _passage(text: str, a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> str:
    """The sentence (or run of sentences) where two gold entities are named closest."""
    if not a or not b:
        return text[:300]
    (s1, e1), (s2, e2) = min(((x, y) for x in a for y in b), key=lambda p: abs(p[0][0] - p[1][0]))
    start, end = min(s1, s2), max(e1, e2)
    dot = text.rfind(". ", 0, start)
    start = dot + 2 if dot >= 0 else 0
    stop = text.find(". ", end)
    return text[start : stop + 1 if stop >= 0 else len(text)]


def _score_entities(g: GoldDoc, match: Matcher, entities: Iterable[Entity]) -> dict[str, Counts]:
    """Typed entity counts per type: a predicted entity is right when it names a gold one."""
    per_type: dict[str, Counts] = defaultdict(Counts)
    found: set[int] = set()
    for e in entities:
        if e.type not in SCORED_TYPES:
            continue
        hits = match.entities(e, typed=True)
        if not hits:
            per_type[e.type].fp += 1
        found |= hits
    for i, e in enumerate(g.entities):
        if e.type in SCORED_TYPES:
            c = per_type[e.type]
            if i in found:
                c.tp += 1
            else:
                c.fn += 1
    return dict(per_type)


def _score_relations(
    gold: GoldSet, g: GoldDoc, match: Matcher, relations: Iterable[Relation], out: _Scoring
) -> tuple[dict[str, Counts], Counts]:
    """Relation counts per label, and those of the properties kg's vocabulary has."""
    gold_props: dict[tuple[int, int, str], int] = {}
    for n, r in enumerate(g.relations):
        for p in r.props:
            gold_props.setdefault((r.head, r.tail, p), n)
    predicted: dict[tuple, tuple[str, str]] = {}  # key -> (label, property)
    best_of: dict[tuple, Relation] = {}  # key -> its most confident relation
    for r in relations:
        if r.wikidata is None or (gold.space is not None and r.wikidata not in gold.space):
            continue
        h = match.entity(r.subject)
        t = match.entity(r.object) if isinstance(r.object, Entity) else match.value(r.object)
        if (h is not None and h == t) or match.one_name(r.subject, r.object):
            continue  # two names of one gold entity ("Salisbury , N.C"): gold cannot judge it
        key = (h, t, r.wikidata) if h is not None and t is not None else ("unmatched", r.key)
        predicted.setdefault(key, (label_of(gold, r.wikidata, r.subject.type), r.wikidata))
        if key not in best_of or r.confidence > best_of[key].confidence:
            best_of[key] = r
    hit: dict[int, Relation] = {}  # gold fact -> its most confident match
    by_label: dict[str, Counts] = defaultdict(Counts)
    covered = Counts()
    for key, (label, prop) in predicted.items():
        n = gold_props.get(key)
        if n is None:
            by_label[label].fp += 1
            covered.fp += int(prop in vocab.BY_WIKIDATA)
            out.wrong(g, label, best_of[key])
        elif n not in hit or best_of[key].confidence > hit[n].confidence:
            hit[n] = best_of[key]
    out.hit = set(hit)
    for n, r in enumerate(g.relations):
        out.gold_fact(g, gold, r, hit.get(n))
        c = by_label[r.label if gold.format == "conll04" else gold.labels.get(r.label, r.label)]
        if n in hit:
            c.tp += 1
        else:
            c.fn += 1
        if r.props[0] in vocab.BY_WIKIDATA:
            covered.tp += int(n in hit)
            covered.fn += int(n not in hit)
    return dict(by_label), covered


def evaluate(
    gold: GoldSet,
    nlp: Language,
    *,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    relation_model: object = "default",
    type_model: object = "default",
    calibration: Calibration | None = None,
) -> Report:
    """Run extraction and resolution on each gold document and score the result.

    ``relation_model`` and ``type_model`` are passed to ``kg.extract.mentions.extract`` (None: rules
    and spaCy alone). The facts' confidences are calibrated as a graph's are (``calibration``:
    kg's shipped one by default; ``kg.resolve.calibration.IDENTITY`` keeps them raw).
    """
    docs = [as_document(g) for g in gold.docs]
    t0 = time.perf_counter()
    results = []
    exs = extract(
        docs,
        nlp,
        batch_size=batch_size,
        progress=progress,
        relation_model=relation_model,  # type: ignore[arg-type]
        type_model=type_model,  # type: ignore[arg-type]
    )
    for ex in exs:
        res = resolve([ex])
        results.append((res.entities, calibrate(res.relations, calibration), res.merges))
    seconds = time.perf_counter() - t0
    ent, rel, covered, clusters, overlap = Counts(), Counts(), Counts(), Counts(), Counts()
    types: dict[str, Counts] = defaultdict(Counts)
    props: dict[str, Counts] = defaultdict(Counts)
    scored: list[Scored] = []
    errors: list[Error] = []
    pairs: list[PairError] = []
    causes: Counter[str] = Counter()
    missed: list[Missed] = []
    for g, (ents, rels, merges) in zip(gold.docs, results, strict=True):
        hit: set[int] = set()
        per_type, per_label, cov = score_doc(
            gold, g, ents, rels, scored, errors, MIN_CONFIDENCE, hit
        )
        c, m = fn_causes(g, Matcher(g), ents, rels, hit)
        causes.update(c)
        missed += m
        covered.add(cov)
        clusters.add(score_clusters(g, ents, pairs, merges))
        overlap.add(score_clusters(g, ents, overlap=True))
        for k, c in per_type.items():
            types[k].add(c)
            ent.add(c)
        for k, c in per_label.items():
            props[k].add(c)
            rel.add(c)
    words = sum(len(g.text.split()) for g in gold.docs)
    return Report(
        gold.name,
        len(docs),
        words,
        seconds,
        ent,
        dict(types),
        rel,
        dict(props),
        covered,
        clusters,
        scored,
        errors,
        pairs,
        overlap,
        causes,
        missed,
    )
