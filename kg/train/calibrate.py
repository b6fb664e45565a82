"""The confidence calibration and the threshold of asserted facts, fitted on out-of-fold facts.

The tuning parts' documents (CoNLL04 train and dev, Re-DocRED 0-399) are dealt into
kg.defaults.CALIBRATION_FOLDS folds. Each fold is read end to end (rules, a relation model
fitted without that fold, resolution, inference), so every tuning document gives the facts a
model that never saw it gives, as held-out documents do. On these facts, right or wrong, the
calibration tables of every source are fitted (isotonic, per source and predicate, each part
weighing its share, kg.defaults.CALIBRATION_PART_SHARES; see kg.resolve.calibration): the
model's readings, inference and each family of rules, whose own numbers count only as a prior
where the family read few facts; the verb and role rules per rule and predicate, shrunk toward
their family (kg.train.shrink). On the calibrated facts the threshold is chosen at which
asserted facts are right four times in five on each part, by the lower bound of that share, not
the share alone (kg.defaults.MIN_CONFIDENCE, ASSERTED_Z).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np

from kg import vocab
from kg.defaults import (
    ASSERTED_Z,
    CALIBRATION_BLOCK,
    CALIBRATION_FOLDS,
    CALIBRATION_PART_SHARES,
    EACH_PART,
    JUDGED_WEIGHT,
    MODEL_PREDICATE_PRIOR,
    PER_RULE_FAMILIES,
)
from kg.evaluate import Counts, Report, evaluate
from kg.extract.classifier import RelationModel
from kg.extract.classifier import load as classifier_load
from kg.resolve.calibration import (
    IDENTITY,
    Calibration,
    chain,
    interpolate,
    rules_only,
    source,
)
from kg.train.fit import (
    Example,
    Part,
    allowed,
    counting,
    encode,
    fit_averaged,
    pruned,
    tune_thresholds,
    vocabulary,
)
from kg.train.isotonic import blended, isotonic, lower_bound
from kg.train.log import print_maps, print_part
from kg.train.shrink import Fact, fit_rules

# Asserted facts must be right this often on each tuning part, out of fold (a fact below the
# threshold this gives is a candidate, see kg.defaults.MIN_CONFIDENCE).
ASSERTED_PRECISION = 0.8
CONFIDENCE_GRID = tuple(round(0.01 * k, 2) for k in range(5, 100))
# Out-of-fold facts a source needs for its own calibration table (fewer: the table over all facts).
MIN_CALIBRATION = 40
# Measures below: maps fitted on four fifths of the out-of-fold facts of the last refit, read
# on the last fifth (ECE CoNLL04 / Re-DocRED), and the threshold that out-of-fold rule gives
# (asserted facts, CoNLL04 / Re-DocRED; each with RULES_EACH_PART and CALIBRATION_BLOCK 50).
# Whether a rule family's map is fitted on every fact it read, the model agreeing or not (at
# its reading's raw confidence), or on the facts it read alone (those the model did not read,
# which its map is applied to; a model+rules fact is worth at least its rule's reading,
# Calibration.fact). Alone 0.042 / 0.022, 0.75 (455 / 425 facts); every fact 0.048 / 0.024,
# 0.75 (459 / 475). A verb rule's facts alone were right 14 of 23 and 16 of 44, with the
# model 60 of 71 and 73 of 86: the family's map on all of them says more than it knows.
FAMILIES_WITH_MODEL = False
# Whether a rule family's map is held, at each point, to the map of each part that read
# EACH_PART facts of it or more: asserted facts must be right four times in five on each
# part, and a family the two annotations judge apart ("X of Y" as a head office) is not to be
# asserted on the strength of one of them. With it 0.042 / 0.022, 0.75 (455 / 425 facts);
# without 0.044 / 0.027, 0.82 (345 / 296).
RULES_EACH_PART = True
# A rule's own confidence counts as this many facts read at it, where its family's are too
# few to fit a map: a rule of 0.8 whose 9 facts were 4 right is then worth 0.69.
RULE_PRIOR = 20


def choose_confidence(
    reports: list[Report], target: float = ASSERTED_PRECISION, z: float = ASSERTED_Z
) -> float:
    """The lowest confidence at and above which facts are right ``target`` of the time in
    each report (facts from the rules, the model and inference, after resolution), by the
    lower bound of the share at ``z`` (the share itself at 0): pooled, the larger part would
    carry the smaller one's shortfall, and a share just at the target falls under it on other
    documents one time in two."""
    for t in CONFIDENCE_GRID:
        counts = [r.asserted(t) for r in reports]
        if all(lower_bound(c.tp, c.tp + c.fp, z) >= target for c in counts):
            return t
    return CONFIDENCE_GRID[-1]


def part_weights(
    reports: list[Report], shares: tuple[float, ...] = CALIBRATION_PART_SHARES
) -> list[float]:
    """A weight for each part's facts such that each part weighs its share of ``shares``
    (the same each where the number of parts is not theirs) and all facts together as many
    as they are: pooled, Re-DocRED's facts (six times CoNLL04's) would set the maps of every
    source, and CoNLL04's sentences, nearer news, would count for little. On documents the
    maps never saw (benchmarks.calibration_proxy, both splits) pooled was worse on both parts:
    ECE 0.104 / 0.043 and 0.058 / 0.038, against 0.079 / 0.034 and 0.053 / 0.032 for equal
    shares (kg.defaults.CALIBRATION_PART_SHARES for the shares chosen since)."""
    if len(shares) != len(reports):
        shares = tuple(1 / len(reports) for _ in reports)
    total = sum(len(r.scored) for r in reports)
    return [total * s / max(len(r.scored), 1) for r, s in zip(reports, shares, strict=True)]


def fit_calibration(
    reports: list[Report], weights: list[float] | None = None, read: list[Report] | None = None
) -> Calibration:
    """A calibration table per source (and, for rule families, per source and predicate)
    with at least MIN_CALIBRATION out-of-fold facts, and one over all facts for the others;
    each report's facts weigh ``weights`` (1 without). ``read``: parts of rule facts judged by
    reading (kg.train.judged), each fact weighing JUDGED_WEIGHT, which the rule families'
    maps count beside the gold's facts, each such part held as a gold part is (``each_part``)."""
    parts = [*zip(reports, weights or [1.0] * len(reports), strict=True)]
    parts += [(rep, JUDGED_WEIGHT) for rep in read or []]
    by_source: dict[str, list[tuple[float, bool, float]]] = {}
    by_part: dict[str, list[list[tuple[float, bool]]]] = {}
    for i, (rep, w) in enumerate(parts):
        by_reading = i >= len(reports)
        for c, ok, _, src, pred, *readings in rep.scored:
            if not (judged(pred) or by_reading) or (by_reading and not rules_only(src)):
                continue
            for key in chain(src, pred):
                if "|" in key and not (rules_only(src) or MODEL_PREDICATE_PRIOR is not None):
                    continue
                by_source.setdefault(key, []).append((c, ok, w))
                by_part.setdefault(key, [[] for _ in parts])[i].append((c, ok))
            if src == "model+rules" and FAMILIES_WITH_MODEL:
                for family, raw in family_readings(readings[0] if readings else ()).items():
                    for key in (f"{family}|{pred}", family):
                        by_source.setdefault(key, []).append((raw, ok, w))
                        by_part.setdefault(key, [[] for _ in parts])[i].append((raw, ok))
    tables = {
        k: isotonic(pts, CALIBRATION_BLOCK)
        for k, pts in by_source.items()
        if len(pts) >= MIN_CALIBRATION
    }
    # the model's and inference's map of a predicate, shrunk toward their map of every
    # predicate (kg.defaults.MODEL_PREDICATE_PRIOR)
    for k, (xs, ys) in list(tables.items()):
        if "|" in k and not rules_only(src := k.split("|")[0]) and src in tables:
            weight = sum(w for *_, w in by_source[k])
            tables[k] = blended((xs, ys), weight, tables[src], MODEL_PREDICATE_PRIOR or 0.0)
    # a family of rules reads too few of the tuning facts for a fitted map: its own
    # number is a prior worth RULE_PRIOR facts, moved by the facts it read, right or wrong
    for k, pts in sorted(by_source.items()):
        if "|" not in k and rules_only(k) and k not in tables:
            n, right = sum(w for *_, w in pts), sum(ok * w for _, ok, w in pts)
            print(f"rule family {k}: {len(pts)} facts, weighing {n:.1f}, {right:.1f} right")
            lo, hi = right / (n + RULE_PRIOR), (right + RULE_PRIOR) / (n + RULE_PRIOR)
            tables[k] = ([0.0, 1.0], [round(lo, 4), round(hi, 4)])
    # a predicate a family read too few facts of for a map of its own: the family's fitted
    # map, worth RULE_PRIOR facts, moved by those few (a family of few facts has no fitted
    # map: its prior already holds them all)
    fitted = {k for k, pts in by_source.items() if len(pts) >= MIN_CALIBRATION}
    for k, pts in sorted(by_source.items()):
        family = k.split("|")[0]
        if "|" in k and rules_only(family) and k not in tables and family in fitted:
            n, right = sum(w for *_, w in pts), sum(ok * w for _, ok, w in pts)
            xs, ys = tables[family]
            ys = [round((right + RULE_PRIOR * y) / (n + RULE_PRIOR), 4) for y in ys]
            tables[k] = (xs, ys)
    if RULES_EACH_PART and len(parts) > 1:
        for k, (xs, ys) in list(tables.items()):
            if rules_only(k.split("|")[0]) and k in by_part:
                tables[k] = each_part(xs, ys, by_part[k])
    tables = {k: v for k, v in tables.items() if k.split("|")[0] not in PER_RULE_FAMILIES}
    tables.update(fit_rules(rule_facts([r for r, _ in parts], [w for _, w in parts], len(reports))))
    return Calibration(tables)


def rule_facts(
    reports: list[Report], weights: list[float] | None = None, gold: int | None = None
) -> list[list[Fact]]:
    """Per report, the facts a family of PER_RULE_FAMILIES read alone, one for each of its
    rules that read it (kg.train.shrink), weighted as its report: of the first ``gold``
    reports (all by default) those of predicates the gold judges, of the others (facts
    judged by reading) all."""
    out: list[list[Fact]] = []
    gold = len(reports) if gold is None else gold
    for i, (rep, w) in enumerate(zip(reports, weights or [1.0] * len(reports), strict=True)):
        facts: list[Fact] = []
        for _, ok, _, src, pred, *readings in rep.scored:
            if src not in PER_RULE_FAMILIES or not (i >= gold or judged(pred)):
                continue
            rules = {rule for rule, _ in (readings[0] if readings else ()) if source([rule]) == src}
            facts.extend((src, rule, pred, ok, w) for rule in sorted(rules) or [src])
        out.append(facts)
    return out


def each_part(
    xs: list[float], ys: list[float], parts: list[list[tuple[float, bool]]]
) -> tuple[list[float], list[float]]:
    """A rule family's map no higher, at any point, than the map of any one part that read
    EACH_PART facts or more of it: one part's annotation can hold what the other's never does
    ("X of Y" as a head office: CoNLL04 17 right of 17 out of fold, Re-DocRED 0 of 16)."""
    for pts in (pts for pts in parts if len(pts) >= EACH_PART):
        pxs, pys = isotonic(pts, CALIBRATION_BLOCK)
        ys = [min(y, interpolate(x, pxs, pys)) for x, y in zip(xs, ys, strict=True)]
    for k in range(len(ys) - 2, -1, -1):
        ys[k] = min(ys[k], ys[k + 1])
    return xs, [round(y, 4) for y in ys]


def family_readings(readings: Iterable[tuple[str, float]]) -> dict[str, float]:
    """The rule families among a fact's readings ((rule, raw confidence) pairs), each with
    its highest raw confidence: what Calibration.fact reads a model+rules fact's worth from."""
    out: dict[str, float] = {}
    for rule, raw in readings:
        family = source([rule])
        if rules_only(family) and family != "inferred":
            out[family] = max(out.get(family, 0.0), raw)
    return out


def judged(predicate: str) -> bool:
    """Whether the gold data can tell a fact of ``predicate`` right: a post held is text in kg
    ("director") and an entity in Re-DocRED ("President of the United States"), so every
    such fact would count as wrong; its confidence is read from its rule family's table."""
    p = vocab.PREDICATES.get(predicate)
    return p is None or vocab.TEXT not in p.range


def recalibrated(rep: Report, cal: Calibration) -> Report:
    """The report with each scored fact's confidence passed through ``cal``, from its
    readings where it has them, as kg.build calibrates it."""
    scored = [
        (cal.fact(list(rest[0]), c, p) if rest else cal(src, c, p), ok, label, src, p, *rest)
        for c, ok, label, src, p, *rest in rep.scored
    ]
    return replace(rep, scored=scored)


def in_fold(i: int, fold: tuple[int, int]) -> bool:
    """Whether document ``i`` of a part is in ``fold`` (k of n): documents are dealt in turn,
    so each fold holds every part's documents from beginning to end."""
    k, n = fold
    return i % n == k


def fold_model(
    data: dict[str, Part], classes: tuple[str, ...], thr: np.ndarray, fold: tuple[int, int], **kw
) -> RelationModel:
    """The relation model fitted without the documents of ``fold`` (k of n: index modulo n is
    k), stored and read back as the shipped model is (int8 weights)."""
    train = [(e, p.space) for p in data.values() for e in p.examples if not in_fold(e.doc, fold)]
    index = vocabulary([e.features for e, _ in train])
    masks = np.array([allowed(e, classes, space) for e, space in train], dtype=np.float32)
    rows = encode([e for e, _ in train], index)
    w = fit_averaged(rows, masks, len(index), len(classes), **kw)
    model = pruned(index, w, classes, thr)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fold.npz"
        model.save(path)
        loaded = classifier_load(str(path))
    assert loaded is not None
    return loaded


def merged(name: str, reports: list[Report]) -> Report:
    """One report of the facts of several (the folds of one part)."""
    rel = Counts()
    for r in reports:
        rel.add(r.relations)
    return replace(
        reports[0],
        name=name,
        docs=sum(r.docs for r in reports),
        words=sum(r.words for r in reports),
        seconds=sum(r.seconds for r in reports),
        relations=rel,
        by_relation={},
        scored=[s for r in reports for s in r.scored],
        errors=[],
    )


def fold_thresholds(
    data: dict[str, Part], classes: tuple[str, ...], models: list[RelationModel]
) -> np.ndarray:
    """Each property's threshold, chosen by the mean F1 over the two tuning parts of every
    pair read by the model fitted without its document (``models[k]``: without fold k).
    Out of fold, a part's every document counts: the dev parts alone gave CoNLL04 343 facts,
    and "employer" a threshold of 0.1 (0.3 out of fold)."""
    folds = len(models)
    groups: dict[str, list[tuple[np.ndarray, Example, frozenset[str] | None]]] = {}
    for name, part in data.items():
        group = groups.setdefault(name.split("-")[0], [])
        for k, model in enumerate(models):
            exs = [e for e in part.examples if in_fold(e.doc, (k, folds))]
            for e, p in zip(exs, model.probabilities([e.features for e in exs]), strict=True):
                group.append((p, e, part.space))
    dev = []
    for group in groups.values():
        exs = [e for _, e, _ in group]
        space = group[0][2]
        total = sum(p.total for n, p in data.items() if n.startswith(exs[0].part))
        dev.append((np.array([p for p, _, _ in group]), *counting(exs, classes, space), total))
    thr, mean = tune_thresholds(dev, len(classes))
    print(f"thresholds chosen out of fold: mean pair F1 {mean:.3f}")
    return thr


def out_of_fold(
    data: dict[str, Part],
    classes: tuple[str, ...],
    thr: np.ndarray,
    pipeline,
    *,
    folds: int = CALIBRATION_FOLDS,
    epochs: int,
    seed: int,
    t0: float,
) -> tuple[list[Report], np.ndarray]:
    """Per part (CoNLL04 train and dev, Re-DocRED 0-399), the raw facts its documents gave,
    each fold read with a model fitted without it; and the thresholds chosen on the pairs
    those models read (fold_thresholds), which the fold models read with too."""
    models = []
    for k in range(folds):
        models.append(fold_model(data, classes, thr, (k, folds), epochs=epochs, seed=seed))
        print(f"fold {k + 1} of {folds}: model fitted ({time.perf_counter() - t0:.0f}s)")
    thr = fold_thresholds(data, classes, models)
    groups: dict[str, list[Report]] = {"CoNLL04 train+dev": [], "Re-DocRED 0-399": []}
    for k, model in enumerate(models):
        model = replace(model, thresholds=thr)
        for name, part in data.items():
            docs = tuple(d for i, d in enumerate(part.gold.docs) if in_fold(i, (k, folds)))
            gold = replace(part.gold, docs=docs)
            rep = evaluate(gold, pipeline, relation_model=model, calibration=IDENTITY)
            groups["CoNLL04 train+dev" if name.startswith("conll") else "Re-DocRED 0-399"].append(
                rep
            )
        print(f"fold {k + 1} of {folds}: read ({time.perf_counter() - t0:.0f}s)")
    return [merged(name, reps) for name, reps in groups.items()], thr


def calibrate_and_choose(raw: list[Report], out: Path, read: list[Report] | None = None) -> float:
    """Fit the calibration of every source on the out-of-fold facts ``raw`` (the model's
    readings, inference and each family of rules), write it to ``out``, and choose the
    confidence threshold on the calibrated facts; print what kg.defaults.MIN_CONFIDENCE and
    the docs need."""
    # The rule families are fitted out of fold too: the maps of the dev parts they kept until
    # now were overconfident out of fold (the verb rules' 0.8 worth 0.69 by them, its facts
    # right 13 times in 31 out of fold). What a family's map measures is the facts it read
    # alone (FAMILIES_WITH_MODEL); a fact the model read too is calibrated by the model+rules
    # map, and is worth at least its rule's reading (kg.resolve.calibration.Calibration.fact).
    cal = fit_calibration(raw, part_weights(raw), read)
    print_families(raw)
    print_maps(cal)
    cal.save(out)
    print(f"wrote {out}: sources {' '.join(sorted(cal.tables))}")
    for rep in raw:
        print(f"{rep.name} raw: ECE {rep.reliability()[1]:.3f}")
    reports = [recalibrated(rep, cal) for rep in raw]
    chosen = choose_confidence(reports)
    for rep in reports:
        print_part(rep, chosen)
    # the facts judged by reading are rules' alone: they calibrate the rules, and are shown
    # here, but the threshold is the gold parts' (facts of every source)
    for rep in read or []:
        print_part(recalibrated(rep, cal), chosen)
    bare = choose_confidence(reports, z=0.0)
    print(
        f"confidence threshold (kg.defaults.MIN_CONFIDENCE): {chosen:.2f} "
        f"(the share alone, without the bound at ASSERTED_Z {ASSERTED_Z}: {bare:.2f})"
    )
    return chosen


def print_families(raw: list[Report]) -> None:
    """Each rule family's out-of-fold facts right, per part: those it read alone (which its
    map is fitted on) and those the model read too."""
    counts: dict[str, list[list[int]]] = {}
    for i, rep in enumerate(raw):
        for _, ok, _, src, pred, *readings in rep.scored:
            if not judged(pred):
                continue
            alone = rules_only(src) and src not in ("inferred", "rules")
            with_model = family_readings(readings[0]) if readings and src == "model+rules" else {}
            for family, k in [(src, 0)] * alone + [(f, 2) for f in with_model]:
                c = counts.setdefault(family, [[0, 0, 0, 0] for _ in raw])[i]
                c[k] += ok
                c[k + 1] += 1
    for family, parts in sorted(counts.items()):
        text = "; ".join(
            f"{rep.name} alone {a} of {n}, with the model {b} of {m}"
            for rep, (a, n, b, m) in zip(raw, parts, strict=True)
        )
        print(f"  rule family {family} out of fold: {text}")
