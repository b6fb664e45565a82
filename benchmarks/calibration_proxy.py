"""How the calibration kg.train fits carries to documents it never saw, on the tuning parts
alone (never CoNLL04 test or Re-DocRED 400-499).

    python -m benchmarks.calibration_proxy [--folds 3] [--split dev|train] [--seed 0]

kg.train fits the relation model on the four tuning parts and its calibration on their
out-of-fold facts; its held-out parts then score both. Here the same is done one level down:
the model and its out-of-fold calibration are fitted on CoNLL04 train and Re-DocRED 0-299
alone, and scored on CoNLL04 dev and Re-DocRED 300-399, which neither saw (``--split train``:
fitted on three quarters of CoNLL04 train, CoNLL04 dev and Re-DocRED 100-399, scored on the
other quarter and Re-DocRED 0-99). Each part's ECE is printed beside the ECE exactly right
confidences would show by chance on as many facts (``Report.chance_ece``), and the held
Re-DocRED part's by halves of its documents: facts of one document are not independent.
About 5 minutes on a loaded two-core machine (each document is parsed once).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kg.defaults import CALIBRATION_FOLDS as FOLDS
from kg.evaluate import evaluate
from kg.extract import pipeline as kg_nlp
from kg.extract.classifier import load as classifier_load
from kg.resolve.calibration import IDENTITY
from kg.train import choose_epochs, judged_parts, refit
from kg.train.calibrate import (
    choose_confidence,
    fit_calibration,
    out_of_fold,
    part_weights,
    recalibrated,
)
from kg.train.fit import DEFAULT_BENCH, Part, classes_of, read_parts
from kg.train.judged import JUDGED


class ParsedOnce:
    """A spaCy pipeline that parses each text once: the proxy reads every document several
    times (its labelled pairs, its fold, the held parts) and kg's extraction never changes
    a parse."""

    def __init__(self, nlp) -> None:
        self.nlp, self.docs = nlp, {}

    def pipe(self, items, as_tuples=False, batch_size=64, **kw):
        items = list(items)
        texts = [t for t, _ in items] if as_tuples else items
        new = [t for t in dict.fromkeys(texts) if t not in self.docs]
        self.docs.update(zip(new, self.nlp.pipe(new, batch_size=batch_size), strict=True))
        for item in items:
            yield (self.docs[item[0]], item[1]) if as_tuples else self.docs[item]

    def __getattr__(self, name):
        return getattr(self.nlp, name)


def subset(part: Part, keep, extra: Part | None = None) -> Part:
    """``part``'s documents whose index ``keep`` accepts, then all of ``extra``'s, reindexed."""
    docs, exs, total = [], [], 0
    for src in [part] + ([extra] if extra else []):
        new = {}
        for i, d in enumerate(src.gold.docs):
            if src is extra or keep(i):
                new[i] = len(docs)
                docs.append(d)
                total += len(d.relations)
        exs += [replace(e, doc=new[e.doc]) for e in src.examples if e.doc in new]
    return Part(exs, total, part.space, part.typed, replace(part.gold, docs=tuple(docs)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    nlp = ParsedOnce(kg_nlp.load(None))
    data = read_parts(args.bench, nlp, t0)
    classes = classes_of([e for part in data.values() for e in part.examples])
    epochs, thr = choose_epochs(data, classes, args.seed)
    if args.split == "train":
        data = {
            "conll-train": subset(data["conll-train"], lambda i: i % 4, data["conll-dev"]),
            "docred-train": subset(data["docred-train"], lambda i: i >= 100, data["docred-dev"]),
            "conll-dev": subset(data["conll-train"], lambda i: i % 4 == 0),
            "docred-dev": subset(data["docred-train"], lambda i: i < 100),
        }
    fitted = {k: v for k, v in data.items() if k.endswith("-train")}
    raw, thr = out_of_fold(
        fitted, classes, thr, nlp, folds=args.folds, epochs=epochs, seed=args.seed, t0=t0
    )
    cal = fit_calibration(raw, part_weights(raw), judged_parts(JUDGED))
    model = refit(fitted, classes, epochs, thr, args.seed)
    with tempfile.TemporaryDirectory() as tmp:  # read with int8 weights, as the shipped one
        model.save(Path(tmp) / "relations.npz")
        model = classifier_load(str(Path(tmp) / "relations.npz"))
    chosen = choose_confidence([recalibrated(rep, cal) for rep in raw])
    print(f"threshold chosen out of fold (as kg.train chooses it): {chosen:.2f}")
    for rep, name in zip(raw, ("CoNLL04", "Re-DocRED"), strict=True):
        rep = recalibrated(rep, cal)
        print(f"out of fold, {name}: {_asserted(rep, chosen)}")
        print(
            f"out of fold, {name} ({len(rep.scored)} facts, the maps fitted on them): "
            f"ECE {rep.reliability()[1]:.3f} (by chance alone {rep.chance_ece():.3f})"
        )
    unseen = (
        ("CoNLL04 dev", "Re-DocRED 300-399")
        if args.split == "dev"
        else ("CoNLL04 train's every fourth", "Re-DocRED 0-99")
    )
    for name, label in zip(("conll-dev", "docred-dev"), unseen, strict=True):
        gold = data[name].gold
        halves = [gold.docs[: len(gold.docs) // 2], gold.docs[len(gold.docs) // 2 :]]
        reps = [
            recalibrated(
                evaluate(replace(gold, docs=h), nlp, relation_model=model, calibration=IDENTITY),
                cal,
            )
            for h in halves
        ]
        whole = replace(reps[0], scored=reps[0].scored + reps[1].scored)
        by_half = ", ".join(f"{r.reliability()[1]:.3f} ({len(r.scored)} facts)" for r in reps)
        print(
            f"unseen, {label} ({len(gold.docs)} documents, {len(whole.scored)} facts): "
            f"ECE {whole.reliability()[1]:.3f} (by chance alone {whole.chance_ece():.3f}); "
            f"by halves of its documents {by_half} ({time.perf_counter() - t0:.0f}s)"
        )
        print(f"unseen, {label}: {_asserted(whole, chosen)}")
    return 0


def _asserted(rep, chosen: float) -> str:
    """The share of facts right at the threshold chosen out of fold, and a step either side."""
    out = []
    for t in (chosen - 0.05, chosen, chosen + 0.05):
        c = rep.asserted(t)
        n = c.tp + c.fp
        out.append(f"at {t:.2f} {c.tp} of {n} right ({100 * c.tp / max(n, 1):.1f} %)")

    return "; ".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
