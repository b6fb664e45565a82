"""The calibration on rule facts judged by reading (``benchmarks/data/facts_judged.jsonl``):
the shipped calibration's confidence of each judged fact, from its readings, against the
reader's judgment; per part, asserted facts' precision at kg.defaults.MIN_CONFIDENCE and the
expected calibration error.

    python -m benchmarks.judged_calibration [--judged FILE]

The tuning parts (``*-tune``) are what kg.train fits the rule families' maps on; the held-out
parts (``*-held``: html pages of the held-out quarter, CoNLL04 test, Re-DocRED 400-499; and
``html-held-model``, a sample of the relation model's facts on those pages) are never fitted
on. A fact here was read by the code of the day the file was written; its confidence is
recalibrated from its readings' raw numbers by the calibration shipped now.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.defaults import MIN_CONFIDENCE
from kg.evaluate import Report
from kg.resolve.calibration import Calibration, load
from kg.train.calibrate import recalibrated
from kg.train.isotonic import lower_bound
from kg.train.judged import JUDGED, read_judged


def line(rep: Report, threshold: float) -> str:
    """A part's judged facts: all, asserted at ``threshold`` (share right, its 90 % lower
    bound), and the ECE of their calibrated confidences."""
    right = sum(1 for _, ok, *_ in rep.scored if ok)
    a = rep.asserted(threshold)
    n = a.tp + a.fp
    share = f"{100 * a.tp / n:.1f} % (bound {100 * lower_bound(a.tp, n, 1.28):.1f})" if n else "-"
    return (
        f"{rep.name}: {len(rep.scored)} facts, {right} right; asserted at {threshold:.2f}: "
        f"{a.tp} of {n}, {share}; ECE {rep.reliability()[1]:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--judged", type=Path, default=JUDGED, help="the judged facts (JSON lines)")
    ap.add_argument("--calibration", default=None, help="a calibration.json (default: kg's)")
    args = ap.parse_args(argv)
    if not args.judged.is_file():
        print(f"{args.judged}: no judged facts", file=sys.stderr)
        return 2
    cal: Calibration = load(args.calibration)
    for held, title in ((False, "tuned on"), (True, "held out")):
        print(f"-- {title}")
        for rep in read_judged(args.judged, held=held, rules_alone=not held):
            rep = recalibrated(rep, cal)
            print(line(rep, MIN_CONFIDENCE))
            rows, _ = rep.reliability()
            print("   " + ", ".join(f"{lo:.1f}: {m:.2f} {r:.2f} {k}" for lo, m, r, k in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
