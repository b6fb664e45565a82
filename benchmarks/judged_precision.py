"""The precision of the judged facts at a confidence threshold: what a user of kg sees asserted.

    python -m benchmarks.judged_precision [--parts html-tune-model-top,html-held-model-top]

Joins benchmarks/data/facts_judged.jsonl with its confidence file (facts_judged.confidence.jsonl,
written by the dump and never in view while judging) and prints, per part and threshold, the
facts of calibrated confidence at or above it, how many were judged right, and the share right
("unclear" lines are left out, as calibration leaves them out).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
JUDGED = DATA / "facts_judged.jsonl"
CONFIDENCE = DATA / "facts_judged.confidence.jsonl"
TOP = ("html-tune-model-top", "html-held-model-top")
# 0.73 beside the round thresholds: kg's threshold for asserting a fact (kg.defaults.MIN_CONFIDENCE)
THRESHOLDS = (0.5, 0.6, 0.7, 0.73, 0.8, 0.9)


def scored(judged: Iterable[dict], confidence: Iterable[dict]) -> list[tuple[dict, float]]:
    """(judged line, calibrated confidence) of every line right or wrong."""
    by_key = {c["key"]: c["calibrated"] for c in confidence}
    return [(x, by_key[x["key"]]) for x in judged if x["judgment"] in ("right", "wrong")]


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
    args = ap.parse_args(argv)
    lines = [
        (x, c)
        for x, c in scored(read_lines(JUDGED), read_lines(CONFIDENCE))
        if (args.family is None or x["family"] == args.family) and x["doc"] != args.skip_doc
    ]
    print(table(lines, args.parts.split(",")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
