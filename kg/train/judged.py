"""Facts judged by reading (``benchmarks/data/facts_judged.jsonl``), as the calibration reads
them: rule facts no gold can judge (the html pages' facts, and CoNLL04's and Re-DocRED's facts
of predicates outside their annotation: "appointed by", a post held), each judged right or
wrong by a reader, with the readings (rule, raw confidence) that gave it.

Each part becomes a report of scored facts like the gold parts' (kg.evaluate.Report), so the
rule families' maps and the verb rules' shares (kg.train.calibrate, kg.train.shrink) count
them beside the gold's facts. Only the tuning parts (``*-tune``) are fitted on; the held-out
ones (``*-held``) are scored by ``benchmarks.judged_calibration``. "Unclear" facts, and facts
the relation model read, are left out.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.evaluate import Counts, Report
from kg.resolve.calibration import rules_only, source

# Where the judged facts are kept, from the repository's root (kg.train runs there); their
# confidences beside them (kept apart so that a judge never sees them).
JUDGED = Path("benchmarks") / "data" / "facts_judged.jsonl"
JUDGMENTS = {"right": True, "wrong": False}


def confidences(path: Path) -> dict[str, float]:
    """The raw confidence of each judged fact, by key, from the file beside ``path``
    (``X.confidence.jsonl`` for ``X.jsonl``); empty where there is none."""
    side = path.with_name(path.name.removesuffix(".jsonl") + ".confidence.jsonl")
    if not side.is_file():
        return {}
    out = {}
    for line in side.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["key"]] = float(row["confidence"])
    return out


def read_judged(path: Path, *, held: bool = False, rules_alone: bool = True) -> list[Report]:
    """One report per part of the judged facts: the tuning parts (``*-tune``), or with
    ``held`` the held-out ones (``*-held``, and ``*-held-model``, a sample of the model's facts,
    where not ``rules_alone``). A fact's raw confidence is the one kept beside the file, else
    its best reading's; its source is that of its readings, as for a scored fact
    (kg.resolve.calibration.source). Facts judged "unclear" are left out, and with
    ``rules_alone`` those the relation model or inference read."""
    raw = confidences(path)
    parts: dict[str, list] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        part, ok = row["part"], JUDGMENTS.get(row.get("judgment", ""))
        if ok is None or part.split("-")[1:2] != ["held" if held else "tune"]:
            continue
        readings = tuple((str(r), float(c)) for r, c in row["readings"])
        src = source(r for r, _ in readings)
        if not readings or (rules_alone and (not rules_only(src) or src == "inferred")):
            continue
        conf = raw.get(row["key"], max(c for _, c in readings))
        fact = (conf, ok, "judged", src, row["predicate"], readings)
        parts.setdefault(part, []).append(fact)
    return [
        Report(name, 0, 0, 0.0, Counts(), {}, _counts(facts), {}, Counts(), scored=facts)
        for name, facts in sorted(parts.items())
    ]


def _counts(facts: list) -> Counts:
    """Right and wrong facts (recall is unknown: no one listed the facts kg missed)."""
    right = sum(1 for f in facts if f[1])
    return Counts(right, len(facts) - right, 0)
