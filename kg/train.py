"""Train the relation classifier on the training parts of the benchmark data.

    python -m kg.train [--bench DIR] [--out kg/data/relations.npz] [--seed 0]
    python -m kg.train --confidence-only --dev-out DEV.npz   # calibrate, write no model
    python -m kg.train --dev-model DEV.npz                     # calibrate with that model

Reads CoNLL04 train and dev and Re-DocRED dev documents 0-399 (never CoNLL04 test or Re-DocRED
400-499, which are kept for the held-out scores), runs kg's extraction with the rules only, and
labels each candidate pair of names with the gold relations between the entities they match.
It fits the model on CoNLL04 train and Re-DocRED 0-299, picks the number of epochs and the
threshold on CoNLL04 dev and Re-DocRED 300-399, then refits on all of them with those settings.
Everything is seeded, so the same data gives the same weights.

Between the two fits, the model fitted without the dev parts reads them end to end (rules,
model, resolution, inference): the facts it gives, right or wrong, fit the confidence
calibration (``kg/data/calibration.json``, see kg.resolve.calibration), and on the calibrated
facts the lowest confidence at which they are right four times in five on each dev part is
printed, the value of ``kg.defaults.MIN_CONFIDENCE``.

A CoNLL04 pair without a gold label only says "none of CoNLL04's five relations": its target is
"none or any property outside CoNLL04's label space", so the sparse CoNLL04 annotation does not
teach the model that, say, a person is never a citizen of the country named beside them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from kg import vocab
from kg.evaluate import (
    GoldSet,
    Matcher,
    Report,
    as_document,
    evaluate,
    read_conll04,
    read_docred,
)
from kg.extract import pipeline as kg_nlp
from kg.extract.classifier import ARTEFACT, NONE, TYPE_CLASSES, RelationModel
from kg.extract.classifier import load as classifier_load
from kg.extract.mentions import extract
from kg.names import name_key
from kg.resolve.calibration import IDENTITY, Calibration, chain, rules_only

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
MIN_CLASS = 15  # positive training pairs a property needs to become a class
MIN_FEATURE = 2  # training pairs a feature must occur in to be kept
EPOCHS = (3, 6)  # tried in turn, the best on the dev parts is kept
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)
# Fits from this many seeds are averaged: one stochastic fit moves the dev F1 by a point or
# two from seed to seed, their mean much less.
RUNS = 3
# The type model's passes: 10 fitted on CoNLL04 train and Re-DocRED 0-299 scored 0.8 points of
# typed entity F1 above 3 on CoNLL04 dev and Re-DocRED 300-399 (1 pass: 1.1 below)
TYPE_EPOCHS = 10
# Asserted facts must be right this often on the dev parts, each of them (a fact below the
# threshold this gives is a candidate, see kg.defaults.MIN_CONFIDENCE).
ASSERTED_PRECISION = 0.8
CONFIDENCE_GRID = tuple(round(0.01 * k, 2) for k in range(5, 100))
# Dev facts a source needs for its own calibration table (fewer: the table over all facts).
MIN_CALIBRATION = 40
# A rule's own confidence counts as this many dev facts read at it, where its family's are too
# few to fit a map: a rule of 0.8 whose 9 dev facts were 4 right is then worth 0.69.
RULE_PRIOR = 20


@dataclass
class Example:
    features: list[str]
    gold: frozenset[str]  # its gold properties (empty: none)
    part: str  # "conll" or "docred"
    doc: int  # index of the document in its part, to count gold facts


def examples(
    gold: GoldSet, pipeline, part: str
) -> tuple[list[Example], int, list[tuple[list[str], str]]]:
    """Labelled candidate pairs of one gold set, its number of gold facts, and its names with
    the type of the gold entity each one overlaps ("Other" for none)."""
    out: list[Example] = []
    typed: list[tuple[list[str], str]] = []
    total = 0
    docs = [as_document(g) for g in gold.docs]
    exs = extract(docs, pipeline, relation_model=None, type_model=None, keep_candidates=True)
    for n, (g, ex) in enumerate(zip(gold.docs, exs, strict=True)):
        total += len(g.relations)
        for m, feats in zip(ex.mentions, ex.mention_features, strict=True):
            typed.append((feats, _gold_type(g, m.start, m.end)))
        match = Matcher(g)
        pairs: dict[tuple[int, int], set[str]] = {}
        for r in g.relations:
            pairs.setdefault((r.head, r.tail), set()).update(r.props)
        for c in ex.candidates:
            heads = {
                i
                for t in c.names[0]
                for i in match.by_name.get(name_key(t), ())
                if not g.entities[i].literal
            }
            if isinstance(c.object, str):
                tails = set(match.by_date.get(c.object, ()))
            else:
                tails = {
                    i
                    for t in c.names[1]
                    for i in match.by_name.get(name_key(t), ())
                    if not g.entities[i].literal
                }
            props: set[str] = set()
            for h in heads:
                for t in tails:
                    props |= pairs.get((h, t), set())
            out.append(Example(c.features, frozenset(props), part, n))
    return out, total, typed


def _gold_type(g, start: int, end: int) -> str:
    best, overlap = "Other", 0
    for e in g.entities:
        for a, b in e.spans:
            o = min(b, end) - max(a, start)
            if o > overlap:
                best, overlap = e.type or "Other", o
    return best


def classes_of(exs: list[Example]) -> tuple[str, ...]:
    counts = Counter(p for e in exs for p in e.gold)
    keep = sorted(p for p, n in counts.items() if n >= MIN_CLASS and p in vocab.BY_WIKIDATA)
    return (NONE, *keep)


def allowed(e: Example, classes: tuple[str, ...], space: frozenset[str] | None) -> np.ndarray:
    """The pair's target over the classes: positive values say which classes are right.

    Re-DocRED lists every property that holds ("country" and "located in" for the same pair),
    so its target splits evenly between them. A CoNLL04 label (or its absence) says only that
    one of several classes is right: such rows are negated, and the fit lets the model choose
    among them (a partial label).
    """
    mask = np.zeros(len(classes), dtype=np.float32)
    hit = [k for k, c in enumerate(classes) if c in e.gold]
    if space is None:
        mask[hit or [0]] = 1.0 / max(len(hit), 1)
        return mask
    if not hit:  # CoNLL04: "none of these five", nothing more
        hit = [0] + [k for k, c in enumerate(classes) if c != NONE and c not in space]
    mask[hit] = -1.0
    return mask


def fit(
    rows: list[np.ndarray],
    masks: np.ndarray,
    n_features: int,
    n_classes: int,
    *,
    epochs: int,
    seed: int,
    lr: float = 0.1,
    l2: float = 1e-6,
    batch: int = 64,
) -> np.ndarray:
    """Softmax regression; a target row with negative entries is a partial label (any of those
    classes), others are distributions over the classes."""
    rng = np.random.default_rng(seed)
    w = np.zeros((n_features + 1, n_classes), dtype=np.float32)
    g2 = np.full_like(w, 1e-2)
    bias = n_features
    order = np.arange(len(rows))
    for _ in range(epochs):
        rng.shuffle(order)
        for s in range(0, len(order), batch):
            ids = order[s : s + batch]
            feats = [np.append(rows[i], bias) for i in ids]
            ptr = np.cumsum([0] + [len(f) for f in feats[:-1]])
            flat = np.concatenate(feats)
            z = np.add.reduceat(w[flat], ptr, axis=0)
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            mk = masks[ids]
            partial = (mk < 0).any(axis=1, keepdims=True)
            q = p * (mk < 0)
            q = np.where(partial, q / np.maximum(q.sum(axis=1, keepdims=True), 1e-12), mk)
            grad_rows = (p - q).astype(np.float32)
            row_of = np.repeat(np.arange(len(ids)), [len(f) for f in feats])
            gw = np.zeros((len(flat), n_classes), dtype=np.float32)
            gw[:] = grad_rows[row_of]
            uniq, inv = np.unique(flat, return_inverse=True)
            gsum = np.zeros((len(uniq), n_classes), dtype=np.float32)
            np.add.at(gsum, inv, gw)
            gsum += l2 * w[uniq]
            g2[uniq] += gsum * gsum
            w[uniq] -= lr * gsum / np.sqrt(g2[uniq])
    return w


def fit_averaged(
    rows: list[np.ndarray],
    masks: np.ndarray,
    n_features: int,
    n_classes: int,
    *,
    epochs: int,
    seed: int,
) -> np.ndarray:
    """The mean of the weights of RUNS fits, each with its own shuffling seed."""
    ws = [
        fit(rows, masks, n_features, n_classes, epochs=epochs, seed=seed + k) for k in range(RUNS)
    ]
    return np.mean(ws, axis=0)


def predict(w: np.ndarray, rows: list[np.ndarray]) -> np.ndarray:
    bias = w.shape[0] - 1
    out = np.zeros((len(rows), w.shape[1]), dtype=np.float32)
    for s in range(0, len(rows), 4096):
        feats = [np.append(r, bias) for r in rows[s : s + 4096]]
        ptr = np.cumsum([0] + [len(f) for f in feats[:-1]])
        z = np.add.reduceat(w[np.concatenate(feats)], ptr, axis=0)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        out[s : s + len(feats)] = p / p.sum(axis=1, keepdims=True)
    return out


def _counting(exs: list[Example], classes: tuple[str, ...], space) -> tuple[np.ndarray, ...]:
    """(gold matrix, which predictions count) of a dev set, for scoring thresholds fast."""
    gold = np.array([[c in e.gold for c in classes] for e in exs], dtype=bool)
    counts = np.array([space is None or c in space for c in classes], dtype=bool)
    counts[0] = False
    return gold, np.broadcast_to(counts, gold.shape)


def f1_at(
    thresholds: np.ndarray, probs: np.ndarray, gold: np.ndarray, counts: np.ndarray, total: int
) -> float:
    """F1 of the pairs the model would assert against all gold facts of a dev set (facts no
    pair reaches count as missed)."""
    pred = (probs >= thresholds[None, :]) & counts
    tp = int((pred & gold).sum())
    fp = int(pred.sum()) - tp
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / total if total else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def tune_thresholds(
    dev: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]], n: int
) -> tuple[np.ndarray, float]:
    """One threshold for all properties, then each property's own, by the mean dev F1."""

    def score(t: np.ndarray) -> float:
        return sum(f1_at(t, p, g, c, total) for p, g, c, total in dev) / len(dev)

    best_t, best = np.full(n, 1.0, dtype=np.float32), -1.0
    for thr in THRESHOLDS:
        t = np.full(n, thr, dtype=np.float32)
        if (f := score(t)) > best:
            best_t, best = t, f
    for _ in range(2):
        for k in range(1, n):
            for thr in THRESHOLDS:
                t = best_t.copy()
                t[k] = thr
                if (f := score(t)) > best + 1e-4:  # only a real gain moves a threshold
                    best_t, best = t, f
    return best_t, best


def choose_confidence(reports: list[Report], target: float = ASSERTED_PRECISION) -> float:
    """The lowest confidence at and above which facts are right ``target`` of the time in
    each report (facts from the rules, the model and inference, after resolution): pooled,
    the larger part would carry the smaller one's shortfall."""
    for t in CONFIDENCE_GRID:
        counts = [r.asserted(t) for r in reports]
        if all(c.tp + c.fp and c.tp / (c.tp + c.fp) >= target for c in counts):
            return t
    return CONFIDENCE_GRID[-1]


def isotonic(points: list[tuple[float, bool]]) -> tuple[list[float], list[float]]:
    """The monotone (non-decreasing) fit of right-or-wrong against confidence, by pooling
    adjacent violators, as a table of points for kg.resolve.calibration."""
    blocks: list[list[float]] = []  # [sum right, count, lowest x, highest x]
    for x, ok in sorted(points):
        blocks.append([float(ok), 1.0, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            right, n, _, hi = blocks.pop()
            blocks[-1][0] += right
            blocks[-1][1] += n
            blocks[-1][3] = hi
    xs, ys = [], []
    for right, n, lo, hi in blocks:
        # a block's share right with one right and one wrong fact added (Laplace): a few facts
        # all right say "often", not "always"
        y = round((right + 1) / (n + 2), 4)
        for x in (lo, hi) if hi > lo else (lo,):
            if xs and x <= xs[-1]:
                continue
            xs.append(round(x, 4))
            ys.append(y)
    # Laplace pulls a small block towards one half, which can undo the order (a first block of
    # one fact wrong is worth 1/3, above a large one after it): each point no higher than the
    # points after it keeps the map monotone, erring low
    for k in range(len(ys) - 2, -1, -1):
        ys[k] = min(ys[k], ys[k + 1])
    return xs, ys


def fit_calibration(reports: list[Report]) -> Calibration:
    """A calibration table per source and predicate, and per source, with at least
    MIN_CALIBRATION facts on the dev parts, and one over all facts for the others."""
    by_source: dict[str, list[tuple[float, bool]]] = {}
    for rep in reports:
        for c, ok, _, src, pred in rep.scored:
            for key in chain(src, pred):
                by_source.setdefault(key, []).append((c, ok))
    tables = {k: isotonic(pts) for k, pts in by_source.items() if len(pts) >= MIN_CALIBRATION}
    # a family of rules reads too few of the dev parts' facts for a fitted map: its own
    # number is a prior worth RULE_PRIOR facts, moved by the facts it read, right or wrong
    for k, pts in sorted(by_source.items()):
        if "|" not in k and rules_only(k) and k not in tables:
            n, right = len(pts), sum(ok for _, ok in pts)
            print(f"rule family {k}: {n} dev facts, {right} right")
            lo, hi = right / (n + RULE_PRIOR), (right + RULE_PRIOR) / (n + RULE_PRIOR)
            tables[k] = ([0.0, 1.0], [round(lo, 4), round(hi, 4)])
    return Calibration(tables)


def recalibrated(rep: Report, cal: Calibration) -> Report:
    """The report with each scored fact's confidence passed through ``cal``."""
    scored = [(cal(src, c, p), ok, label, src, p) for c, ok, label, src, p in rep.scored]
    return replace(rep, scored=scored)


def calibrate_and_choose(
    dev: list[GoldSet], pipeline, dev_model: RelationModel, out: Path
) -> float:
    """Fit the calibration on the dev parts read with ``dev_model`` (fitted without them),
    write it beside ``out``, and choose the confidence threshold on the calibrated facts."""
    raw = [evaluate(g, pipeline, relation_model=dev_model, calibration=IDENTITY) for g in dev]
    cal = fit_calibration(raw)
    path = out.with_name("calibration.json")
    cal.save(path)
    print(f"wrote {path}: sources {' '.join(sorted(cal.tables))}")
    for rep in raw:
        print(f"{rep.name} raw: ECE {rep.reliability()[1]:.3f}")
    reports = [recalibrated(rep, cal) for rep in raw]
    chosen = choose_confidence(reports)
    for rep in reports:
        a = rep.asserted(chosen)
        rows_, ece = rep.reliability()
        print(
            f"{rep.name}: facts at confidence >= {chosen:.2f}: precision {a.precision:.3f}, "
            f"recall {a.recall:.3f} (all facts: {rep.relations.precision:.3f}, "
            f"{rep.relations.recall:.3f}); ECE {ece:.3f}"
        )
        print("  " + ", ".join(f"{lo:.1f}: {right:.2f} of {n}" for lo, _, right, n in rows_))
    print(f"confidence threshold (kg.defaults.MIN_CONFIDENCE): {chosen:.2f}")
    return chosen


def _vocabulary(feature_lists: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for fs in feature_lists for f in set(fs))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE))}


def _pruned(
    index: dict[str, int], w: np.ndarray, classes: tuple[str, ...], thresholds: np.ndarray
) -> RelationModel:
    """The model without features whose weights are all near zero: a smaller file."""
    keep = np.abs(w[:-1]).max(axis=1) >= 1e-3
    names = [f for f, i in sorted(index.items(), key=lambda x: x[1]) if keep[i]]
    w = np.vstack([w[:-1][keep], w[-1:]])
    return RelationModel({f: i for i, f in enumerate(names)}, w, classes, thresholds)


def train_types(data: dict[str, Part], out: Path, seed: int) -> None:
    """The entity-type model: the type of the gold entity each name overlaps."""
    names = [x for part in data.values() for x in part.typed]
    index = _vocabulary([fs for fs, _ in names])
    rows = [
        np.array(sorted({index[f] for f in fs if f in index}), dtype=np.int64) for fs, _ in names
    ]
    y = np.array([[c == t for c in TYPE_CLASSES] for _, t in names], dtype=np.float32)
    w = fit(rows, y, len(index), len(TYPE_CLASSES), epochs=TYPE_EPOCHS, seed=seed)
    model = _pruned(index, w, TYPE_CLASSES, np.zeros(len(TYPE_CLASSES), dtype=np.float32))
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    print(f"wrote {out}: {len(model.features)} features, classes {' '.join(TYPE_CLASSES)}")


@dataclass(frozen=True)
class Part:
    """One gold part, read for training: its labelled pairs and typed names."""

    examples: list[Example]
    total: int  # its gold facts, found by a pair or not
    space: frozenset[str] | None  # the properties its labels can say (None: all)
    typed: list[tuple[list[str], str]]  # each name's features and its gold type


def read_parts(bench: Path, pipeline, t0: float) -> dict[str, Part]:
    """The tuned-on parts of the benchmark data (never the held-out ones), labelled."""
    c, r = bench / "conll04", bench / "re-docred" / "dev_revised.json"
    sets = {
        "conll-train": (read_conll04(c / "train.json"), "conll"),
        "conll-dev": (read_conll04(c / "dev.json"), "conll"),
        "docred-train": (read_docred(r, slice(0, 300)), "docred"),
        "docred-dev": (read_docred(r, slice(300, 400)), "docred"),
    }
    data: dict[str, Part] = {}
    for name, (gold, part) in sets.items():
        exs, total, typed = examples(gold, pipeline, part)
        # Re-DocRED's labels are complete within its own relation types: each pair's target is
        # its labels (space None), where CoNLL04's five say only what is not among them
        space = gold.space if part == "conll" else None
        data[name] = Part(exs, total, space, typed)
        print(f"{name}: {len(exs)} pairs, {total} gold facts ({time.perf_counter() - t0:.0f}s)")
    return data


def _encode(exs: list[Example], index: dict[str, int]) -> list[np.ndarray]:
    return [
        np.array(sorted({index[f] for f in e.features if f in index}), dtype=np.int64) for e in exs
    ]


def _masks(data: dict[str, Part], classes: tuple[str, ...], names: list[str]) -> np.ndarray:
    return np.array(
        [allowed(e, classes, data[n].space) for n in names for e in data[n].examples],
        dtype=np.float32,
    )


def dev_parts(bench: Path) -> list[GoldSet]:
    """CoNLL04 dev and Re-DocRED 300-399: the tuned-on parts the first fit leaves out."""
    c, r = bench / "conll04", bench / "re-docred" / "dev_revised.json"
    return [read_conll04(c / "dev.json"), read_docred(r, slice(300, 400))]


def choose_epochs(
    data: dict[str, Part], classes: tuple[str, ...], seed: int
) -> tuple[int, np.ndarray, RelationModel]:
    """The number of epochs and the thresholds with the best mean F1 on the dev parts, and
    the model so fitted (without the dev parts)."""
    train = data["conll-train"].examples + data["docred-train"].examples
    index = _vocabulary([e.features for e in train])
    rows = _encode(train, index)
    m = _masks(data, classes, ["conll-train", "docred-train"])
    best: tuple[float, int, np.ndarray, np.ndarray] = (-1.0, 0, np.zeros(0), np.zeros(0))
    for epochs in EPOCHS:
        w = fit_averaged(rows, m, len(index), len(classes), epochs=epochs, seed=seed)
        dev = []
        for name in ("conll-dev", "docred-dev"):
            part = data[name]
            probs = predict(w, _encode(part.examples, index))
            dev.append((probs, *_counting(part.examples, classes, part.space), part.total))
        thr, mean = tune_thresholds(dev, len(classes))
        f = [f1_at(thr, *d) for d in dev]
        print(
            f"epochs {epochs}: pair F1 conll dev {f[0]:.3f}, docred 300-399 {f[1]:.3f} "
            f"(threshold {np.median(thr[1:]):.2f} for most properties)"
        )
        if mean > best[0]:
            best = (mean, epochs, thr, w)
    _, epochs, thr, w = best
    return epochs, thr, _pruned(index, w, classes, thr)


def refit(
    data: dict[str, Part], classes: tuple[str, ...], epochs: int, thr: np.ndarray, seed: int
) -> RelationModel:
    """The model fitted on all the tuned-on parts with the chosen settings."""
    all_exs = [e for n in data for e in data[n].examples]
    index = _vocabulary([e.features for e in all_exs])
    w = fit_averaged(
        _encode(all_exs, index),
        _masks(data, classes, list(data)),
        len(index),
        len(classes),
        epochs=epochs,
        seed=seed,
    )
    return _pruned(index, w, classes, thr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the bench data folder")
    ap.add_argument("--out", type=Path, default=ARTEFACT, help="where to write the model")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default=None, help="spaCy model (default: kg's)")
    ap.add_argument(
        "--confidence-only",
        action="store_true",
        help="only choose the confidence threshold (write no model)",
    )
    ap.add_argument(
        "--dev-out",
        type=Path,
        default=None,
        help="also write the model fitted without the dev parts here (for calibration)",
    )
    ap.add_argument(
        "--dev-model",
        type=Path,
        default=None,
        help="only calibrate and choose the confidence threshold, with this model fitted "
        "without the dev parts (from --dev-out)",
    )
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        print(f"{args.bench}: no benchmark data folder (pass --bench DIR)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    pipeline = kg_nlp.load(args.model)
    if args.dev_model is not None:
        dev_model = classifier_load(str(args.dev_model))
        if dev_model is None:
            print(f"{args.dev_model}: no such model", file=sys.stderr)
            return 2
        calibrate_and_choose(dev_parts(args.bench), pipeline, dev_model, args.out)
        return 0
    data = read_parts(args.bench, pipeline, t0)
    classes = classes_of([e for part in data.values() for e in part.examples])
    print(f"{len(classes) - 1} properties: {' '.join(classes[1:])}")
    if not args.confidence_only:
        train_types(data, args.out.with_name("types.npz"), args.seed)
    epochs, thr, dev_model = choose_epochs(data, classes, args.seed)
    # the confidence facts need to be asserted, from the whole extraction (rules, the model
    # fitted without the dev parts, resolution and inference) on the dev parts
    if args.dev_out is not None:
        dev_model.save(args.dev_out)
    calibrate_and_choose(dev_parts(args.bench), pipeline, dev_model, args.out)
    if args.confidence_only:
        return 0
    model = refit(data, classes, epochs, thr, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(
        f"wrote {args.out}: {len(model.features)} features, {len(classes)} classes, "
        f"epochs {epochs} "
        f"({args.out.stat().st_size / 1e6:.1f} MB, "
        f"{time.perf_counter() - t0:.0f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
