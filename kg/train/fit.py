"""The relation model's fit: labelled candidate pairs of the tuning parts, softmax regression
with partial labels, and the thresholds chosen on dev parts (see kg.train)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg import vocab
from kg.evaluate import GoldSet, Matcher, as_document, read_conll04, read_docred
from kg.extract.classifier import NONE, RelationModel
from kg.extract.mentions import extract
from kg.names import name_key

DEFAULT_BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
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
        # the names found in the text: a body a quotation named (kg.extract.bodies) comes last
        for m, feats in zip(ex.mentions, ex.mention_features, strict=False):
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


def counting(exs: list[Example], classes: tuple[str, ...], space) -> tuple[np.ndarray, ...]:
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


def vocabulary(feature_lists: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for fs in feature_lists for f in set(fs))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE))}


def pruned(
    index: dict[str, int], w: np.ndarray, classes: tuple[str, ...], thresholds: np.ndarray
) -> RelationModel:
    """The model without features whose weights are all near zero: a smaller file."""
    keep = np.abs(w[:-1]).max(axis=1) >= 1e-3
    names = [f for f, i in sorted(index.items(), key=lambda x: x[1]) if keep[i]]
    w = np.vstack([w[:-1][keep], w[-1:]])
    return RelationModel({f: i for i, f in enumerate(names)}, w, classes, thresholds)


@dataclass(frozen=True)
class Part:
    """One gold part, read for training: its labelled pairs and typed names."""

    examples: list[Example]
    total: int  # its gold facts, found by a pair or not
    space: frozenset[str] | None  # the properties its labels can say (None: all)
    typed: list[tuple[list[str], str]]  # each name's features and its gold type
    gold: GoldSet  # what it was read from (Example.doc indexes its documents)


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
        data[name] = Part(exs, total, space, typed, gold)
        print(f"{name}: {len(exs)} pairs, {total} gold facts ({time.perf_counter() - t0:.0f}s)")
    return data


def encode(exs: list[Example], index: dict[str, int]) -> list[np.ndarray]:
    return [
        np.array(sorted({index[f] for f in e.features if f in index}), dtype=np.int64) for e in exs
    ]


def targets(data: dict[str, Part], classes: tuple[str, ...], names: list[str]) -> np.ndarray:
    return np.array(
        [allowed(e, classes, data[n].space) for n in names for e in data[n].examples],
        dtype=np.float32,
    )
