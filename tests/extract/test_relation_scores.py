"""The relation model's scores: each pair's probabilities are the softmax of the bias row plus
the rows of its features the model knows, whatever else the batch holds (kg.extract.classifier).
A faster scoring must keep these sums, up to float rounding."""

from __future__ import annotations

import numpy as np
import pytest

from kg.extract.classifier import RelationModel

FEATURES = {"tt:PERSON>GPE": 0, "p:nsubj^pobj": 1, "bw:in|ab": 2, "rule:born_in": 3}
CLASSES = ("NONE", "P19", "P27")


def _model() -> RelationModel:
    weights = np.random.default_rng(7).normal(size=(len(FEATURES) + 1, len(CLASSES)))
    return RelationModel(FEATURES, weights.astype(np.float32), CLASSES, np.zeros(len(CLASSES)))


def _expected(model: RelationModel, fs: list[str]) -> np.ndarray:
    z = model.weights[len(FEATURES)].astype(np.float64)
    for f in fs:
        if f in FEATURES:
            z = z + model.weights[FEATURES[f]]
    z = np.exp(z - z.max())
    return z / z.sum()


@pytest.mark.parametrize(
    "batch",
    [
        [["tt:PERSON>GPE"]],
        [[], ["tt:PERSON>GPE", "p:nsubj^pobj"]],  # a pair without features: the bias alone
        [["unseen"], [], ["bw:in|ab", "unseen", "rule:born_in"], []],  # unknown ones count 0
        [["tt:PERSON>GPE", "tt:PERSON>GPE"], ["never"], ["rule:born_in"]],  # a repeat counts twice
    ],
)
def test_each_pair_scores_its_known_features_and_the_bias(batch):
    model = _model()
    got = model.probabilities(batch)
    assert got.shape == (len(batch), len(CLASSES))
    for row, fs in zip(got, batch, strict=True):
        assert row == pytest.approx(_expected(model, fs), abs=1e-6)


def test_no_pairs_no_scores():
    assert _model().probabilities([]).shape == (0, len(CLASSES))
