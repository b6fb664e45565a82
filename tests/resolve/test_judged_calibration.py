"""Rule facts judged by reading (kg.train.judged) in the rule families' calibration: read from
their JSON lines, and counted beside the gold's facts (kg.train.calibrate.fit_calibration)."""

from __future__ import annotations

import json

import pytest

from kg.evaluate import Counts, Report
from kg.train import fit_calibration
from kg.train.judged import read_judged


def _line(part: str, judgment: str, readings: list, predicate: str = "appointed_by") -> dict:
    key = f"{part}|{judgment}|{predicate}|{readings}"
    return {
        "part": part,
        "key": key,
        "predicate": predicate,
        "readings": readings,
        "judgment": judgment,
    }


@pytest.mark.parametrize(
    "lines, held, expected",
    [
        # a tuning part's right and wrong facts, at their best reading's raw confidence
        (
            [
                _line("html-tune", "right", [["verb:appoint", 0.8]]),
                _line("html-tune", "wrong", [["verb:name", 0.7], ["verb:appoint", 0.8]]),
            ],
            False,
            {"html-tune": [(0.8, True, "verb"), (0.8, False, "verb")]},
        ),
        # unclear facts, the held-out parts and facts the model read are left out
        (
            [
                _line("html-tune", "unclear", [["verb:appoint", 0.8]]),
                _line("html-held", "right", [["verb:appoint", 0.8]]),
                _line("conll04-tune", "right", [["model", 0.9], ["verb:appoint", 0.8]]),
                _line("conll04-tune", "wrong", [["role:of", 0.85]], "position_held"),
            ],
            False,
            {"conll04-tune": [(0.85, False, "role")]},
        ),
        # the held-out parts alone, for scoring
        (
            [
                _line("html-tune", "right", [["verb:appoint", 0.8]]),
                _line("html-held", "wrong", [["verb:appoint", 0.8]]),
            ],
            True,
            {"html-held": [(0.8, False, "verb")]},
        ),
    ],
)
def test_judged_facts_are_read_per_part(tmp_path, lines, held, expected):
    path = tmp_path / "facts_judged.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    got = {r.name: [(s[0], s[1], s[3]) for s in r.scored] for r in read_judged(path, held=held)}
    assert got == expected


def test_a_judged_facts_confidence_is_the_one_kept_beside_it(tmp_path):
    line = _line("html-tune", "right", [["verb:appoint", 0.8], ["verb:name", 0.8]])
    path = tmp_path / "facts_judged.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    side = tmp_path / "facts_judged.confidence.jsonl"
    side.write_text(json.dumps({"key": line["key"], "confidence": 0.96}) + "\n", encoding="utf-8")
    (rep,) = read_judged(path)
    assert rep.scored[0][0] == 0.96


def _report(scored: list) -> Report:
    return Report("r", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=scored)


# the gold judged "run" as an employer 5 times right of 10, never "appoint" (no "appointed by"
# in its annotation); readers judged "appoint" 9 times right of 10
_GOLD = _report([(0.8, k < 5, "P108", "verb", "employer", (("verb:run", 0.8),)) for k in range(10)])
_READ = _report(
    [(0.8, k < 9, "judged", "verb", "appointed_by", (("verb:appoint", 0.8),)) for k in range(10)]
)


@pytest.mark.parametrize(
    "read, weight, expected",
    [
        # never judged: the family's share, (5 + 1) / 12
        ([], 1.0, 0.5),
        # judged by reading (SHRINK_PRIOR 5), each fact worth one: the family held to the gold
        # part's 0.5; "appoint" (9 + 5 x 0.5) / 15 = 0.7667, its "appointed by" facts
        # (9 + 5 x 0.7667) / 15
        ([_READ], 1.0, 0.856),
        # each worth a half (JUDGED_WEIGHT): "appoint" (4.5 + 5 x 0.5) / 10 = 0.7, its
        # "appointed by" facts (4.5 + 5 x 0.7) / 10
        ([_READ], 0.5, 0.8),
    ],
)
def test_a_verb_the_gold_never_judged_gets_the_share_readers_measured(
    monkeypatch, read, weight, expected
):
    monkeypatch.setattr("kg.train.calibrate.JUDGED_WEIGHT", weight)
    cal = fit_calibration([_GOLD], read=read)
    assert cal.reading("verb:appoint", 0.8, "appointed_by") == expected


def test_a_post_held_counts_where_a_reader_judged_it(monkeypatch):
    """A post held is text, which the gold cannot judge (its facts are left out there); judged
    by reading, 2 right of 10, it moves the role rules' share down."""
    monkeypatch.setattr("kg.train.calibrate.JUDGED_WEIGHT", 0.5)
    gold = _report([(0.8, True, "P108", "role", "employer", (("role:of", 0.8),))] * 10)
    read = _report([(0.8, k < 2, "judged", "role", "position_held", ()) for k in range(10)])
    alone = fit_calibration([gold])
    both = fit_calibration([gold], read=[read])
    # alone: the family's 10 right of 10, one right and one wrong added: 11 / 12
    assert alone("role", 0.8, "position_held") == 0.917
    # with the judged facts (each worth 0.5) the family is held to the judged part's own
    # share, (1 + 1) / (5 + 2) = 0.286; its posts held (1 + 5 x 0.286) / (5 + 5)
    assert both("role", 0.8, "position_held") == 0.243
