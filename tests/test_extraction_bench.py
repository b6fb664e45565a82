"""The extraction benchmark's speed ratio: the median of the rounds' paired ratios."""

import pytest

from benchmarks.extraction import median_ratio, ratios


@pytest.mark.parametrize(
    ("bare", "ours", "expected"),
    [
        ([4.0], [5.0], 0.8),
        # each round's two runs are paired: a slow round slows both sides alike
        ([4.0, 8.0, 4.0], [5.0, 10.0, 5.0], 0.8),
        # one unlucky run of either side moves the median no more than one round
        ([4.0, 4.0, 9.0], [5.0, 5.0, 5.0], 0.8),
        ([4.0, 4.0, 4.0], [5.0, 9.0, 4.0], 0.8),
    ],
)
def test_median_ratio(bare: list[float], ours: list[float], expected: float) -> None:
    assert median_ratio(bare, ours) == pytest.approx(expected)


def test_median_ratio_needs_paired_rounds() -> None:
    with pytest.raises(ValueError):
        median_ratio([4.0, 4.0], [5.0])


def test_ratios_pair_each_round() -> None:
    assert ratios([4.0, 3.0], [5.0, 4.0]) == pytest.approx([0.8, 0.75])
