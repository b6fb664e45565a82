"""The out-of-fold facts the calibration is fitted on, kept as JSON (``kg.train --facts``) and
read back (``kg.train --from-facts``), so the calibration can be fitted again without reading
the tuning documents."""

from __future__ import annotations

import json
from pathlib import Path

from kg.evaluate import Counts, Report


def write_facts(reports: list[Report], path: Path) -> None:
    """The out-of-fold facts of each part (with its gold facts found and missed, for recall)
    as JSON, which ``read_facts`` reads back."""
    data = {
        r.name: {"scored": r.scored, "relations": [r.relations.tp, r.relations.fp, r.relations.fn]}
        for r in reports
    }
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")


def read_facts(path: Path) -> list[Report]:
    """The reports ``write_facts`` wrote (scored facts and relation counts only)."""
    out = []
    for name, part in json.loads(path.read_text(encoding="utf-8")).items():
        if isinstance(part, list):  # an older file: the scored facts alone, recall unknown
            part = {"scored": part, "relations": [sum(s[1] for s in part), 0, 0]}
        scored = [(*s[:5], tuple(tuple(r) for r in s[5])) for s in part["scored"]]
        rel = Counts(*part["relations"])
        out.append(Report(name, 0, 0, 0.0, Counts(), {}, rel, {}, Counts(), scored=scored))
    return out
