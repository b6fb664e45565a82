"""The models' features, pinned: the relation and type models were trained on exactly these
strings (kg.extract.features.FEATURES_VERSION), so any change to what the feature functions
give fails here first.

A deliberate change of features needs ``make train`` and FEATURES_VERSION bumped; then
regenerate the golden file with ``python -m tests.extract.test_features`` and review its diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import kg
from kg.extract import classifier
from kg.extract.features import FEATURES_VERSION

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "features_golden.json"
TEXT = (
    "Marta Quell, the chief executive of Norvane Systems, said on May 4, 2021 that the "
    "Oslo-based company had hired Ivo Brandt. Ivo Brandt was born in Bergen, Norway, and "
    "studied at the University of Tromso. Norvane Systems may acquire Keltic Labs next year."
)


def features(pipeline) -> dict:
    """Each candidate pair's and each mention's features for TEXT, as plain JSON."""
    from kg.extract.mentions import extract
    from kg.model import Block, Document

    doc = Document("golden", TEXT, blocks=(Block(0, len(TEXT), "paragraph"),))
    (ex,) = extract([doc], pipeline, keep_candidates=True)
    names = [m.text for m in ex.mentions]
    pairs = [
        {
            "subject": names[c.subject],
            "object": names[c.object] if isinstance(c.object, int) else c.object,
            # sorted: the golden file reads as a set (the order is pinned apart, below)
            "features": sorted(c.features),
            "verbs": list(c.verbs),
        }
        for c in ex.candidates
    ]
    mentions = [{"name": n, "features": f} for n, f in zip(names, ex.mention_features, strict=True)]
    return {"features_version": FEATURES_VERSION, "pairs": pairs, "mentions": mentions}


def test_features_are_the_golden_ones(pipeline):
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = features(pipeline)
    assert got["features_version"] == want["features_version"]
    assert [m["name"] for m in got["mentions"]] == [m["name"] for m in want["mentions"]]
    assert got["mentions"] == want["mentions"]
    assert [(p["subject"], p["object"]) for p in got["pairs"]] == [
        (p["subject"], p["object"]) for p in want["pairs"]
    ]
    assert got["pairs"] == want["pairs"]


ORDER_SCRIPT = """
import json
from kg.extract import pipeline
from kg.extract.mentions import extract
from kg.model import Block, Document
from tests.extract.test_features import TEXT
doc = Document("golden", TEXT, blocks=(Block(0, len(TEXT), "paragraph"),))
(ex,) = extract([doc], pipeline.load(None), keep_candidates=True)
print(json.dumps([c.features for c in ex.candidates]))
"""


def test_a_pairs_features_keep_their_order_whatever_the_string_hashing():
    """The order of a pair's features is the order its weights are added in: a rule hit's
    order that moved with Python's string hashing moved the confidence in its last bits."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    runs = []
    for seed in ("1", "3"):  # two seeds that gave the rule hits two orders when a set held them
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-c", ORDER_SCRIPT],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    assert any(sum(f.startswith("rule:") for f in fs) > 1 for fs in runs[0])
    assert runs[0] == runs[1]


def test_the_golden_text_reaches_every_kind_of_feature():
    """The pinned text exercises each family of features, so none changes unseen."""
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    prefixes = {f.split(":")[0] for p in want["pairs"] for f in p["features"]}
    assert {"tt", "o", "d", "bs", "bw", "pre", "post", "p", "pl", "l", "pw", "ns", "x"} <= {
        p.split("|")[0] for p in prefixes
    }
    assert {"rule", "rrule", "afirst", "bfirst", "actx", "bctx"} & prefixes
    assert any(p["object"][:4].isdigit() for p in want["pairs"])  # a name with a date
    kinds = {f.split(":")[0] for m in want["mentions"] for f in m["features"]}
    assert {"lab", "last", "first", "suf", "w", "n", "shape", "prev", "next", "dep"} <= kinds


@pytest.mark.parametrize("path", [classifier.ARTEFACT, classifier.TYPES_ARTEFACT])
def test_the_shipped_models_are_of_these_features(path):
    with np.load(path, allow_pickle=False) as z:
        assert int(z["features_version"]) == FEATURES_VERSION


def test_a_model_of_other_features_is_refused(tmp_path):
    model = classifier.load()
    assert model is not None
    path = tmp_path / "model.npz"
    model.save(path)
    assert classifier.load(str(path)).classes == model.classes
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["features_version"] = np.array(FEATURES_VERSION + 1)
    np.savez_compressed(path, **arrays)
    with pytest.raises(kg.ModelError, match="retrain"):
        classifier.load.__wrapped__(str(path))


if __name__ == "__main__":
    from kg.extract import pipeline as nlp

    GOLDEN.write_text(json.dumps(features(nlp.load()), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
