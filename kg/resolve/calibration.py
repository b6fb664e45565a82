"""Calibrated confidence: a fact's confidence as the share of such facts that were right.

A fact's raw confidence comes from its readings (a rule's set number, the relation model's
probability, combined over sentences). How often facts of a given raw confidence are right
depends on what read them and on what they say, so each *source* (the relation model, one
family of rules, both, inference) has its own monotone map from raw to calibrated
confidence, and so has each source and predicate the tuning data held enough facts of: a
table of points, read by linear interpolation. ``python -m kg.train`` fits the tables by
isotonic regression on out-of-fold facts: each fold of the tuning documents read end to end
with a relation model fitted without it (kg.train.calibrate). It writes
``kg/data/calibration.json``; without that file the confidences stay raw.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kg.extract.records import MODEL, MODEL_ACROSS
from kg.files import DATA
from kg.model import Relation
from kg.resolve.infer import DEMONYM_RULE, INVERSE_OF

ARTEFACT = DATA / "calibration.json"
# what a source falls back to when the tuning data held too few of its facts to fit its own map
FALLBACK = "all"
_NOT_RULES = frozenset({MODEL, MODEL_ACROSS, "model+rules", "inferred"})


def rules_only(src: str) -> bool:
    """Whether a source is a family of rules alone (no model, no inference)."""
    return src not in _NOT_RULES


def chain(src: str, predicate: str) -> tuple[str, ...]:
    """The tables a fact's confidence is read from, the first one there is: its source and
    predicate's, its source's, then all facts' (for the model's and inference's; a rule
    family the tuning data never gave a fact keeps its own number)."""
    if rules_only(src):
        return (f"{src}|{predicate}", src)
    return (f"{src}|{predicate}", src, FALLBACK)


def source(rules: Iterable[str]) -> str:
    """What read a fact, from the rules of its evidence: "model" (in a sentence),
    "model:across" (only across sentences), "model+rules", "inferred" (one map for every
    inference: a map of their own for the copies of a country's facts to its nationality word,
    right more often on Re-DocRED, where the word and the country are one entity, asserted
    them on news, where the word is a node of its own beside its country: "Massachusetts
    located in American"), a rule family ("verb", "x-based", ...) or "rules" for several."""
    rules = list(rules)
    readings = {r for r in rules if not (r.startswith(INVERSE_OF) or " + " in r)}
    if not readings:
        return "inferred"
    models = readings & {MODEL, MODEL_ACROSS}
    if models == readings:
        return MODEL if MODEL in models else MODEL_ACROSS
    if models:
        return "model+rules"
    families = {r.split(":")[0] for r in readings}
    return families.pop() if len(families) == 1 else "rules"


class Calibration:
    """Per source, a monotone table of (raw, calibrated) points."""

    def __init__(self, tables: dict[str, tuple[list[float], list[float]]]) -> None:
        self.tables = tables
        # the rules with a table of their own ("verb:appoint"; kg.train.shrink), not sources
        heads = {k.split("|")[0] for k in tables}
        self.rules = frozenset(h for h in heads if ":" in h and rules_only(source([h])))

    def __call__(self, src: str, confidence: float, predicate: str = "") -> float:
        table = next((self.tables[k] for k in chain(src, predicate) if k in self.tables), None)
        if table is None:
            return confidence
        xs, ys = table
        return round(interpolate(confidence, xs, ys), 3)

    def fact(self, readings: list[tuple[str, float]], confidence: float, predicate: str) -> float:
        """A fact's calibrated confidence from its readings' (rule, raw confidence) and its
        own raw ``confidence``. A fact the model and rules both read is worth at least what
        one of its rules' readings alone is worth: the model's agreement does not make a
        rule's fact less sure ("founded by" and the model's own weak reading of it)."""
        src = source(rule for rule, _ in readings)
        c = self(src, confidence, predicate)
        if src == "model+rules":
            for rule, raw in readings:
                if rules_only(family := source([rule])) and family != "inferred":
                    c = max(c, self.reading(rule, raw, predicate))
        elif rules_only(src) and src != "rules":
            # a family calibrated per rule (kg.train.shrink): its best reading's worth
            own = [self.reading(r, raw, predicate) for r, raw in readings if r in self.rules]
            c = max(own) if own else c
        return c

    def reading(self, rule: str, raw: float, predicate: str) -> float:
        """One rule reading's worth: its rule and predicate's table, its rule's, then its
        family's (``__call__``)."""
        for key in (f"{rule}|{predicate}", rule):
            if key in self.tables:
                xs, ys = self.tables[key]
                return round(interpolate(raw, xs, ys), 3)
        return self(source([rule]), raw, predicate)

    def relation(self, r: Relation) -> Relation:
        """``r`` with its calibrated confidence (``fact``)."""
        readings = [(ev.rule, ev.confidence) for ev in r.evidence]
        c = self.fact(readings, r.confidence, r.predicate)
        return r if c == r.confidence else replace(r, confidence=c)

    def save(self, path: Path) -> None:
        data = {k: {"raw": xs, "calibrated": ys} for k, (xs, ys) in sorted(self.tables.items())}
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def interpolate(x: float, xs: list[float], ys: list[float]) -> float:
    if x <= xs[0]:
        return ys[0]
    for k in range(1, len(xs)):
        if x <= xs[k]:
            x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return ys[-1]


IDENTITY = Calibration({})


@lru_cache(maxsize=2)
def load(path: str | None = None) -> Calibration:
    """The shipped calibration (the identity when it has not been fitted)."""
    p = Path(path) if path else ARTEFACT
    if not p.is_file():
        return IDENTITY
    data = json.loads(p.read_text(encoding="utf-8"))
    return Calibration({k: (v["raw"], v["calibrated"]) for k, v in data.items()})


def calibrate(
    relations: Iterable[Relation], calibration: Calibration | None = None
) -> list[Relation]:
    """The facts with calibrated confidences (kg's shipped calibration by default)."""
    cal = calibration if calibration is not None else load()
    return no_surer_than_premise(as_sure_as_word([cal.relation(r) for r in relations]))


# the predicate that links a nationality word to its country (kg.resolve.demonyms)
DEMONYM = "demonym_of"


def as_sure_as_word(relations: list[Relation]) -> list[Relation]:
    """Each fact inference gave a country alone as a copy of its nationality word's ("the
    Israeli city of Sderot": in Israeli, so in Israel; "French President X": French's head,
    so France's) at the confidence of the word's fact and of the word's link to the country,
    where that is higher: the word names the country, so the two say one thing. The map of
    inferred facts is fitted on every inference, most of them chains of two readings each of
    which may be wrong, and held these copies under assertion however sure the word's fact."""
    conf = {(r.subject.id, r.predicate, _id(r.object)): r.confidence for r in relations}
    words = country_words(conf)
    out = []
    for r in relations:
        key = (r.subject.id, r.predicate, _id(r.object))
        c = word_worth(key, [ev.rule for ev in r.evidence], words, conf.get)
        out.append(r if c is None or c <= r.confidence else replace(r, confidence=c))
    return out


def country_words(keys: Iterable[tuple]) -> dict[object, list[str]]:
    """Each country's nationality words, of the facts' (subject, predicate, object) ``keys``:
    the subjects of their ``demonym_of`` facts."""
    words: dict[object, list[str]] = defaultdict(list)
    for subject, predicate, obj in keys:
        if predicate == DEMONYM:
            words[obj].append(subject)
    return words


def word_worth(
    key: tuple,
    rules: list[str],
    words: dict[object, list[str]],
    conf: Callable[[tuple], float | None],
) -> float | None:
    """What a fact inference copied to a country from its nationality word's alone (every
    rule of its evidence "P + demonym_of") is worth: the best of its words' facts, each at
    no more than the word's link to the country (``conf`` of a fact's key, None where there is
    none); None for any other fact."""
    subject, predicate, obj = key
    if not rules or any(r != f"{predicate} + {DEMONYM_RULE}" for r in rules):
        return None
    best = None
    for country, premise in ((obj, lambda w: (subject, predicate, w)),
                             (subject, lambda w: (w, predicate, obj))):  # fmt: skip
        for w in words.get(country, ()):
            fact, link = conf(premise(w)), conf((w, DEMONYM, country))
            if fact is not None and link is not None:
                best = max(best or 0.0, min(fact, link))
    return best


def no_surer_than_premise(relations: list[Relation]) -> list[Relation]:
    """Each fact inference gave as the inverse of another alone, at no more than that fact's
    confidence: the two say one thing. The inverse's map is fitted on inverses of every
    reading, so a weak reading's inverse could be asserted where the reading itself is a
    candidate ("Meta established TBD Lab" read as TBD Lab's parent at 0.38 and as Meta's
    subsidiary at 0.71)."""
    conf = {(r.subject.id, r.predicate, _id(r.object)): r.confidence for r in relations}
    out = []
    for r in relations:
        key = premise_of(r.subject.id, _id(r.object), [ev.rule for ev in r.evidence])
        premise = conf.get(key) if key is not None else None
        if premise is not None and premise < r.confidence:
            r = replace(r, confidence=premise)
        out.append(r)
    return out


def premise_of(subject: object, obj: object, rules: list[str]) -> tuple | None:
    """The (subject, predicate, object) a fact of these ends is the inverse of, where
    inference gave it so alone (every rule of its evidence "inverse of P"), else None."""
    if not rules or any(r != rules[0] for r in rules) or not rules[0].startswith(INVERSE_OF):
        return None
    return (obj, rules[0][len(INVERSE_OF) :], subject)


def _id(x: object) -> object:
    return getattr(x, "id", x)
