"""The precision of the judged facts at a confidence threshold: what a user of kg sees asserted.

    python -m benchmarks.judged_precision [--parts html-tune-model-top,html-held-model-top]

Joins benchmarks/data/facts_judged.jsonl with its confidence file (facts_judged.confidence.jsonl,
written by the dump and never in view while judging) and prints, per part and threshold, the
facts of calibrated confidence at or above it, how many were judged right, and the share right
("unclear" lines are left out, as calibration leaves them out).

``--confidence FILE`` reads the confidences of a fresh dump instead (``python -m
benchmarks.judge_facts ... --dump OUT.jsonl`` writes OUT.confidence.jsonl), to measure changed
code on the same judgments: a judged fact the code no longer reads drops out, and the facts it
reads that were never judged are counted apart (per part, at each threshold), never guessed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.defaults import MIN_CONFIDENCE

DATA = Path(__file__).resolve().parent / "data"
JUDGED = DATA / "facts_judged.jsonl"
CONFIDENCE = DATA / "facts_judged.confidence.jsonl"
TOP = ("html-tune-model-top", "html-held-model-top")
# kg's threshold for asserting a fact (kg.defaults.MIN_CONFIDENCE) beside the round thresholds
THRESHOLDS = tuple(sorted({0.5, 0.6, 0.7, 0.8, 0.9, MIN_CONFIDENCE}))


def scored(judged: Iterable[dict], confidence: Iterable[dict]) -> list[tuple[dict, float]]:
    """(judged line, calibrated confidence) of every line right or wrong that ``confidence``
    holds (a fresh dump's confidences leave out the facts the code no longer reads)."""
    by_key = {c["key"]: c["calibrated"] for c in confidence}
    return [
        (x, by_key[x["key"]])
        for x in judged
        if x["judgment"] in ("right", "wrong") and x["key"] in by_key
    ]


def unjudged(judged: Iterable[dict], confidence: Iterable[dict]) -> list[tuple[str, float]]:
    """(part, calibrated confidence) of the facts of ``confidence`` that were never judged."""
    keys = {x["key"] for x in judged}
    return [
        (c["key"].split("|", 1)[0], c["calibrated"]) for c in confidence if c["key"] not in keys
    ]


def precision_at(lines: Sequence[tuple[dict, float]], threshold: float) -> tuple[int, int]:
    """(right, all) of the lines of calibrated confidence ``threshold`` or more."""
    kept = [x for x, c in lines if c >= threshold]
    return sum(x["judgment"] == "right" for x in kept), len(kept)


def table(lines: Sequence[tuple[dict, float]], parts: Sequence[str]) -> str:
    """A Markdown table: one row a threshold, one column a part; cells "right/all (share)"."""
    rows = ["| calibrated confidence | " + " | ".join(parts) + " |"]
    rows.append("|---" * (len(parts) + 1) + "|")
    for t in THRESHOLDS:
        cells = []
        for p in parts:
            right, n = precision_at([(x, c) for x, c in lines if x["part"] == p], t)
            cells.append(f"{right}/{n} ({right / n:.0%})" if n else "–")
        rows.append(f"| ≥ {t} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(s) for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.judged_precision", description=__doc__)
    ap.add_argument("--parts", default=",".join(TOP), help="comma-separated parts")
    ap.add_argument("--family", default=None, help="only the lines of this family")
    ap.add_argument("--skip-doc", default=None, help="leave out the lines of this document")
    ap.add_argument(
        "--confidence", type=Path, default=CONFIDENCE, help="a dump's confidences (fresh code)"
    )
    args = ap.parse_args(argv)
    judged, confidence = read_lines(JUDGED), read_lines(args.confidence)
    lines = [
        (x, c)
        for x, c in scored(judged, confidence)
        if (args.family is None or x["family"] == args.family) and x["doc"] != args.skip_doc
    ]
    parts = args.parts.split(",")
    print(table(lines, parts))
    new = unjudged(judged, confidence)
    if new:
        print("\nfacts never judged (not counted above), at each threshold:")
        for p in parts:
            counts = [sum(q == p and c >= t for q, c in new) for t in THRESHOLDS]
            print(
                f"{p}: "
                + ", ".join(f">= {t}: {n}" for t, n in zip(THRESHOLDS, counts, strict=True))
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
