"""Extraction quality and speed on the public benchmark data (``../shared/bench``).

    python -m benchmarks.extraction [--bench DIR] [--quick] [--json FILE] [--pair-errors N]
        [--fn-causes N]

Scores entities and relations on the parts extraction was tuned on (CoNLL04 train and dev,
Re-DocRED dev documents 0-399) and on the held-out parts (CoNLL04 test, Re-DocRED 400-499), then
measures kg's extraction (parse, rules, model, resolution) against bare spaCy ``nlp.pipe`` over
the same texts with the same pipeline, in the same run, and prints the ratio: the median of
seven rounds' ratios, each round timing both sides one right after the other (``throughput``).
With ``--pair-errors N``, the mention pairs kg groups otherwise than the gold, counted by cause,
with examples from the tuned-on parts only: the held-out parts are not for studying. With
``--fn-causes N``, the gold facts missed on the tuned-on parts, counted by why
(kg.evaluate.causes: an argument kg did not find, found as another entity, no fact read, or
a fact of another property), with N examples of each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from statistics import median

from kg.defaults import MIN_CONFIDENCE
from kg.errors import KgError
from kg.evaluate import (
    GoldDoc,
    GoldSet,
    Report,
    as_document,
    cause_table,
    causes_table,
    evaluate,
    read_conll04,
    read_docred,
)
from kg.extract import pipeline as kg_nlp
from kg.extract.mentions import extract
from kg.model import Document
from kg.resolve import resolve

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
# timed rounds of the speed comparison: an odd number, so the median is one round's ratio
ROUNDS = 7


def parts(bench: Path, quick: bool = False) -> list[tuple[str, GoldSet]]:
    """(tuned-on or held-out, gold set) for each part of the benchmark data."""
    c, r = bench / "conll04", bench / "re-docred" / "dev_revised.json"
    out = [
        ("tuned", _concat(read_conll04(c / "train.json"), read_conll04(c / "dev.json"))),
        ("held-out", read_conll04(c / "test.json")),
        ("tuned", read_docred(r, slice(0, 100 if quick else 400))),
        ("held-out", read_docred(r, slice(400, 500))),
    ]
    names = ["conll04 train+dev", "conll04 test", "re-docred 0-399", "re-docred 400-499"]
    if quick:
        names[2] = "re-docred 0-99"
    return [(kind, _renamed(g, n)) for (kind, g), n in zip(out, names, strict=True)]


def _concat(a: GoldSet, b: GoldSet) -> GoldSet:
    return GoldSet(a.name, a.format, a.docs + b.docs, a.labels, a.space)


def _renamed(g: GoldSet, name: str) -> GoldSet:
    return GoldSet(name, g.format, g.docs, g.labels, g.space)


def throughput(
    texts: list[str], pipeline, rounds: int = ROUNDS, bare_pipeline=None
) -> tuple[list[float], list[float]]:
    """(bare nlp.pipe seconds, kg extraction seconds) over ``texts`` of each of ``rounds``
    rounds, each timing both once, one right after the other; ``median_ratio`` reads them.

    ``bare_pipeline`` is the spaCy pipeline as users load it (``pipeline`` itself if None);
    kg's differs only in its attribute ruler's matching and its lemmatizer's memory, whose
    output is the same. CPU time of this process, not wall time: other work on the machine
    does not count, and the rounds alternate which side goes first. A round's two runs are
    seconds apart, so the machine's drift over minutes (other work, CPU clocks) moves both
    alike, and the median of the rounds' ratios shrugs off a round one side of which was
    unlucky, where the best of each side's runs compared runs minutes apart.
    """
    bare_nlp = pipeline if bare_pipeline is None else bare_pipeline
    docs = [as_document_text(t, n) for n, t in enumerate(texts)]
    bare, ours = [], []
    # warm up both sides over all the texts, untimed: a pipeline's first pass adds the
    # texts' words to its vocabulary, and kg's first extraction loads its models and tables
    # (once a process); either weighed on the first round alone (bare spaCy took 8.7 s in
    # it, 4.7 to 5.5 s in the six others)
    for _ in bare_nlp.pipe(texts, batch_size=64):
        pass
    for ex in extract(docs, pipeline, batch_size=64):
        resolve([ex])

    def run_bare() -> None:
        t0 = time.process_time()
        for _ in bare_nlp.pipe(texts, batch_size=64):
            pass
        bare.append(time.process_time() - t0)

    def run_ours() -> None:
        t0 = time.process_time()
        for ex in extract(docs, pipeline, batch_size=64):
            resolve([ex])
        ours.append(time.process_time() - t0)

    for k in range(rounds):
        for run in (run_bare, run_ours) if k % 2 == 0 else (run_ours, run_bare):
            run()
    return bare, ours


def ratios(bare: list[float], ours: list[float]) -> list[float]:
    """Each round's bare seconds over kg's, the round's two runs paired."""
    return [b / o for b, o in zip(bare, ours, strict=True)]


def median_ratio(bare: list[float], ours: list[float]) -> float:
    """The median over rounds of bare seconds over kg's (``ratios``)."""
    return median(ratios(bare, ours))


def as_document_text(text: str, n: int) -> Document:
    """A text as the kg Document that evaluation makes of a gold document."""
    return as_document(GoldDoc(f"t{n}", text, (), ()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.extraction", description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the bench data folder")
    ap.add_argument("--model", default=None, help="spaCy model (default: kg's)")
    ap.add_argument("--quick", action="store_true", help="Re-DocRED 0-99 only for the tuned part")
    ap.add_argument("--speed-only", action="store_true", help="only the throughput comparison")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores as JSON")
    ap.add_argument(
        "--pair-errors",
        type=int,
        default=0,
        metavar="N",
        help="print the mention pairs kg groups otherwise than the gold, by cause, with N "
        "examples each on the tuned-on parts (counts alone on the held-out parts)",
    )
    ap.add_argument(
        "--fn-causes",
        type=int,
        default=-1,
        metavar="N",
        help="print the gold facts missed on the tuned-on parts by cause, with N examples each",
    )
    ap.add_argument(
        "--per-relation",
        type=int,
        default=20,
        metavar="N",
        help="show relation rows with at least N gold facts (default 20)",
    )
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        print(f"{args.bench}: no benchmark data folder (pass --bench DIR)", file=sys.stderr)
        return 2
    try:
        pipeline = kg_nlp.load(args.model)
        reports: list[tuple[str, Report]] = []
        for kind, gold in [] if args.speed_only else parts(args.bench, args.quick):
            rep = evaluate(gold, pipeline)
            reports.append((kind, rep))
            print(f"[{kind}] " + rep.table(min_support=args.per_relation), flush=True)
            if args.pair_errors and rep.clusters.tp + rep.clusters.fn:  # gold groups mentions
                shown = args.pair_errors if kind == "tuned" else 0
                print(cause_table(rep.pairs, examples=shown), flush=True)
            if args.fn_causes >= 0 and kind == "tuned":
                print(causes_table(rep.causes, rep.missed, args.fn_causes), flush=True)
            a = rep.asserted(MIN_CONFIDENCE)
            print(
                f"asserted (confidence >= {MIN_CONFIDENCE}): P {100 * a.precision:.1f} "
                f"R {100 * a.recall:.1f} F1 {100 * a.f1:.1f}, {a.tp + a.fp} facts; the rest are "
                "candidates"
            )
            rows, ece = rep.reliability()
            print(
                f"reliability (ECE {ece:.3f}, by chance alone {rep.chance_ece():.3f}): "
                "confidence bin, mean confidence, right, facts"
            )
            for lo, mean, right, n in rows:
                print(f"  {lo:.1f}-{lo + 0.1:.1f}  {mean:.2f}  {right:.2f}  {n}")
            print(flush=True)
        texts = [g.text for _, gold in parts(args.bench, True)[1::2] for g in gold.docs]
        # bare spaCy as users load it: spaCy's own attribute ruler (kg's looks patterns up)
        bare_pipeline = kg_nlp.load(args.model, indexed=False)
        bare_runs, ours_runs = throughput(texts, pipeline, bare_pipeline=bare_pipeline)
    except KgError as e:
        print(str(e), file=sys.stderr)
        return 1
    words = sum(len(t.split()) for t in texts)
    bare, ours = median(bare_runs), median(ours_runs)
    ratio, each = median_ratio(bare_runs, ours_runs), ratios(bare_runs, ours_runs)
    print(
        "summary            kind       entity F1  relation F1  kg-properties F1"
        "  asserted P  asserted R  asserted F1    ECE"
    )
    for kind, rep in reports:
        a = rep.asserted(MIN_CONFIDENCE)
        print(
            f"{rep.name:18} {kind:9} {100 * rep.entities.f1:10.1f} {100 * rep.relations.f1:12.1f}"
            f" {100 * rep.covered.f1:17.1f} {100 * a.precision:11.1f} {100 * a.recall:11.1f}"
            f" {100 * a.f1:12.1f} {rep.reliability()[1]:6.3f}"
        )
    print(f"(asserted: facts with confidence >= {MIN_CONFIDENCE}, kg.defaults.MIN_CONFIDENCE)")
    print(
        f"\nthroughput on the held-out texts ({len(texts)} texts, {words} words): bare nlp.pipe "
        f"{words / bare:.0f} words/s, kg extraction {words / ours:.0f} words/s, "
        f"ratio {100 * ratio:.1f}% (medians of {ROUNDS} rounds; the rounds' ratios "
        f"{100 * min(each):.1f} to {100 * max(each):.1f}%)"
    )
    if args.json:
        data = {
            "min_confidence": MIN_CONFIDENCE,
            "reports": [
                {
                    "kind": k,
                    **r.as_dict(),
                    "asserted": _counts(r.asserted(MIN_CONFIDENCE)),
                    "ece": round(r.reliability()[1], 4),
                }
                for k, r in reports
            ],
            "throughput": {
                "words": words,
                "bare_seconds": bare,
                "kg_seconds": ours,
                "ratio": ratio,
                "rounds": ROUNDS,
                "round_ratios": each,
                "bare_runs": bare_runs,
                "kg_runs": ours_runs,
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


def _counts(c) -> dict:
    return {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4)}


if __name__ == "__main__":
    sys.exit(main())
