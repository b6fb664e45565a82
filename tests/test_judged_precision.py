"""The precision of judged facts at a confidence threshold (benchmarks.judged_precision)."""

from __future__ import annotations

import pytest

from benchmarks.judged_precision import precision_at, scored, table, unjudged
from kg.defaults import MIN_CONFIDENCE


def _line(key: str, part: str, judgment: str) -> dict:
    return {"key": key, "part": part, "judgment": judgment}


JUDGED = [
    _line("a", "p", "right"),
    _line("b", "p", "wrong"),
    _line("c", "p", "right"),
    _line("d", "p", "unclear"),  # left out, as calibration leaves it out
    _line("e", "q", "wrong"),
]
CALIBRATED = {"a": 0.95, "b": 0.75, "c": 0.6, "d": 0.99, "e": 0.5}
CONF = [{"key": k, "calibrated": c} for k, c in CALIBRATED.items()]
LINES = scored(JUDGED, CONF)

# (threshold, (right, all)): a fact at the threshold counts
AT = [
    (0.5, (2, 4)),
    (0.6, (2, 3)),
    (0.75, (1, 2)),
    (0.9, (1, 1)),
    (0.99, (0, 0)),
]


@pytest.mark.parametrize(("threshold", "expected"), AT)
def test_precision_at(threshold: float, expected: tuple[int, int]) -> None:
    assert precision_at(LINES, threshold) == expected


def test_scored_leaves_out_unclear() -> None:
    assert [x["key"] for x, _ in LINES] == ["a", "b", "c", "e"]


def test_table_per_part_and_threshold() -> None:
    rows = table(LINES, ["p", "q"]).splitlines()
    assert rows[0] == "| calibrated confidence | p | q |"
    assert rows[2] == "| ≥ 0.5 | 2/3 (67%) | 0/1 (0%) |"
    assert "| ≥ 0.7 | 1/2 (50%) | – |" in rows
    # kg's own threshold has a row of its own, whatever it is
    assert any(r.startswith(f"| ≥ {MIN_CONFIDENCE} |") for r in rows)


# A fresh dump's confidences: "b" is no longer read, "c" is read at another confidence, "z"
# was never judged
FRESH = [
    {"key": "a", "calibrated": 0.95},
    {"key": "c", "calibrated": 0.8},
    {"key": "z", "calibrated": 0.9},
]


def test_a_fresh_dump_drops_what_it_no_longer_reads() -> None:
    lines = scored(JUDGED, FRESH)
    assert [(x["key"], c) for x, c in lines] == [("a", 0.95), ("c", 0.8)]
    assert precision_at(lines, 0.75) == (2, 2)


def test_facts_never_judged_are_counted_apart() -> None:
    assert unjudged(JUDGED, [*FRESH, {"key": "p|doc|s|x|o|model", "calibrated": 0.6}]) == [
        ("z", 0.9),
        ("p", 0.6),
    ]
