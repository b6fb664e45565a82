"""benchmarks.judged_calibration: each judged part scored with the shipped calibration."""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks import judged_calibration

JUDGED = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "facts_judged.jsonl"


def test_every_part_is_scored_with_its_judged_counts(capsys):
    assert judged_calibration.main([]) == 0
    out = capsys.readouterr().out
    lines = [json.loads(x) for x in JUDGED.read_text(encoding="utf-8").splitlines() if x]
    held = {x["part"] for x in lines if "-held" in x["part"]}
    for part in sorted(held):  # the held-out parts count every judged fact, model ones too
        judged = [x for x in lines if x["part"] == part and x["judgment"] != "unclear"]
        right = sum(x["judgment"] == "right" for x in judged)
        assert f"{part}: {len(judged)} facts, {right} right;" in out
    assert out.index("-- tuned on") < out.index("-- held out")
    for n, total, ece in re.findall(r"asserted at [\d.]+: (\d+) of (\d+),.*ECE ([\d.]+)", out):
        assert int(n) <= int(total) and 0.0 <= float(ece) <= 1.0


def test_a_missing_file_is_one_line_and_status_2(tmp_path, capsys):
    assert judged_calibration.main(["--judged", str(tmp_path / "none.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("none.jsonl: no judged facts") and "\n" not in err
