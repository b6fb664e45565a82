"""Train the relation classifier on the training parts of the benchmark data.

    python -m kg.train [--bench DIR] [--out kg/data/relations.npz] [--seed 0] [--folds 3]
    python -m kg.train --confidence-only   # calibrate and choose the threshold, write no model
    python -m kg.train --from-facts FILE   # the same on the out-of-fold facts of --facts FILE

The calibration maps what models fitted on the same code read: refitted alone, over a shipped
model fitted on older features or rules, its maps read that model wrongly (held out, ECE 0.087
and 0.101 against 0.051 and 0.058, docs/benchmarks.md); refit the model with it.

Reads CoNLL04 train and dev and Re-DocRED dev documents 0-399 (never CoNLL04 test or Re-DocRED
400-499, which are kept for the held-out scores), runs kg's extraction with the rules only, and
labels each candidate pair of names with the gold relations between the entities they match.
It fits the model on CoNLL04 train and Re-DocRED 0-299, picks the number of epochs on CoNLL04
dev and Re-DocRED 300-399, chooses each property's threshold on the pairs of every tuning
document read by a model fitted without it (the calibration's folds, below), then refits on all
of them with those settings.
Everything is seeded, so the same data gives the same weights.

Before the refit, each fold of the tuning documents is read end to end by a model fitted
without it (kg.train.calibrate): the facts they give, right or wrong, fit the confidence
calibration (``kg/data/calibration.json``, see kg.resolve.calibration) of every source, the
rule families included, and on the calibrated facts the lowest confidence at which they are
right four times in five on each part, by the lower bound of that share
(``kg.defaults.ASSERTED_Z``), is printed: the value of ``kg.defaults.MIN_CONFIDENCE``.

A CoNLL04 pair without a gold label only says "none of CoNLL04's five relations": its target is
"none or any property outside CoNLL04's label space", so the sparse CoNLL04 annotation does not
teach the model that, say, a person is never a citizen of the country named beside them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from kg.defaults import CALIBRATION_FOLDS as FOLDS
from kg.evaluate import Report
from kg.extract import pipeline as kg_nlp
from kg.extract.classifier import ARTEFACT, TYPE_CLASSES, RelationModel
from kg.train.calibrate import (
    calibrate_and_choose,
    choose_confidence,
    fit_calibration,
    isotonic,
    out_of_fold,
)
from kg.train.facts import read_facts, write_facts
from kg.train.fit import (
    DEFAULT_BENCH,
    EPOCHS,
    TYPE_EPOCHS,
    Part,
    classes_of,
    counting,
    encode,
    f1_at,
    fit,
    fit_averaged,
    predict,
    pruned,
    read_parts,
    targets,
    tune_thresholds,
    vocabulary,
)
from kg.train.judged import JUDGED, read_judged

__all__ = ["choose_confidence", "fit_calibration", "isotonic", "main"]


def train_types(data: dict[str, Part], out: Path, seed: int) -> None:
    """The entity-type model: the type of the gold entity each name overlaps."""
    names = [x for part in data.values() for x in part.typed]
    index = vocabulary([fs for fs, _ in names])
    rows = [
        np.array(sorted({index[f] for f in fs if f in index}), dtype=np.int64) for fs, _ in names
    ]
    y = np.array([[c == t for c in TYPE_CLASSES] for _, t in names], dtype=np.float32)
    w = fit(rows, y, len(index), len(TYPE_CLASSES), epochs=TYPE_EPOCHS, seed=seed)
    model = pruned(index, w, TYPE_CLASSES, np.zeros(len(TYPE_CLASSES), dtype=np.float32))
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    print(f"wrote {out}: {len(model.features)} features, classes {' '.join(TYPE_CLASSES)}")


def choose_epochs(
    data: dict[str, Part], classes: tuple[str, ...], seed: int
) -> tuple[int, np.ndarray]:
    """The number of epochs and the thresholds with the best mean F1 on the dev parts."""
    train = data["conll-train"].examples + data["docred-train"].examples
    index = vocabulary([e.features for e in train])
    rows = encode(train, index)
    m = targets(data, classes, ["conll-train", "docred-train"])
    best: tuple[float, int, np.ndarray] = (-1.0, 0, np.zeros(0))
    for epochs in EPOCHS:
        w = fit_averaged(rows, m, len(index), len(classes), epochs=epochs, seed=seed)
        dev = []
        for name in ("conll-dev", "docred-dev"):
            part = data[name]
            probs = predict(w, encode(part.examples, index))
            dev.append((probs, *counting(part.examples, classes, part.space), part.total))
        thr, mean = tune_thresholds(dev, len(classes))
        f = [f1_at(thr, *d) for d in dev]
        print(
            f"epochs {epochs}: pair F1 conll dev {f[0]:.3f}, docred 300-399 {f[1]:.3f} "
            f"(threshold {np.median(thr[1:]):.2f} for most properties)"
        )
        if mean > best[0]:
            best = (mean, epochs, thr)
    _, epochs, thr = best
    return epochs, thr


def refit(
    data: dict[str, Part], classes: tuple[str, ...], epochs: int, thr: np.ndarray, seed: int
) -> RelationModel:
    """The model fitted on all the tuned-on parts with the chosen settings."""
    all_exs = [e for n in data for e in data[n].examples]
    index = vocabulary([e.features for e in all_exs])
    w = fit_averaged(
        encode(all_exs, index),
        targets(data, classes, list(data)),
        len(index),
        len(classes),
        epochs=epochs,
        seed=seed,
    )
    return pruned(index, w, classes, thr)


def judged_parts(path: Path) -> list[Report]:
    """The tuning parts of the facts judged by reading at ``path`` (none where it is not)."""
    if not path.is_file():
        print(f"{path}: no facts judged by reading; the gold's facts alone calibrate the rules")
        return []
    read = read_judged(path)
    counts = ", ".join(f"{r.name} {r.relations.tp} right of {len(r.scored)}" for r in read)
    print(f"facts judged by reading ({path}): {counts}")
    return read


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the bench data folder")
    ap.add_argument("--out", type=Path, default=ARTEFACT, help="where to write the model")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default=None, help="spaCy model (default: kg's)")
    ap.add_argument(
        "--folds",
        type=int,
        default=FOLDS,
        help=f"folds of the tuning documents the calibration is fitted on (default {FOLDS})",
    )
    ap.add_argument(
        "--confidence-only",
        action="store_true",
        help="only fit the calibration and choose the confidence threshold (write no model); "
        "right only where the shipped model was fitted on the same code",
    )
    ap.add_argument(
        "--facts",
        type=Path,
        default=None,
        help="also write the out-of-fold facts the calibration is fitted on here (JSON)",
    )
    ap.add_argument(
        "--from-facts",
        type=Path,
        default=None,
        help="fit the calibration and choose the threshold on out-of-fold facts a run wrote "
        "with --facts (read no document, fit no model)",
    )
    ap.add_argument(
        "--judged",
        type=Path,
        default=JUDGED,
        help=f"rule facts judged by reading, whose tuning parts the rule families' calibration "
        f"counts too (default {JUDGED}, where it is; 'none' for none)",
    )
    args = ap.parse_args(argv)
    read = judged_parts(args.judged)
    if args.from_facts is not None:
        out = args.out.with_name("calibration.json")
        calibrate_and_choose(read_facts(args.from_facts), out, read)
        return 0
    if not args.bench.is_dir():
        print(f"{args.bench}: no benchmark data folder (pass --bench DIR)", file=sys.stderr)
        return 2
    if args.folds < 2:
        print(f"--folds {args.folds}: needs 2 or more", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    pipeline = kg_nlp.load(args.model)
    data = read_parts(args.bench, pipeline, t0)
    classes = classes_of([e for part in data.values() for e in part.examples])
    print(f"{len(classes) - 1} properties: {' '.join(classes[1:])}")
    if not args.confidence_only:
        train_types(data, args.out.with_name("types.npz"), args.seed)
    epochs, thr = choose_epochs(data, classes, args.seed)
    print(f"epochs {epochs} chosen ({time.perf_counter() - t0:.0f}s)")
    # the confidence facts need to be asserted, from the whole extraction (rules, a model
    # fitted without the document, resolution and inference), on every tuning document
    raw, thr = out_of_fold(
        data, classes, thr, pipeline, folds=args.folds, epochs=epochs, seed=args.seed, t0=t0
    )
    if args.facts is not None:
        write_facts(raw, args.facts)
    calibrate_and_choose(raw, args.out.with_name("calibration.json"), read)
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
