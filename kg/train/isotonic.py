"""The statistics of a calibration table: the monotone fit of right-or-wrong facts against
their confidence, the bins it starts from, and the lower bound of a share, apart from the folds
and parts they are fitted on (kg.train.calibrate)."""

from __future__ import annotations

import math

from kg.resolve.calibration import interpolate


def lower_bound(right: int, n: int, z: float) -> float:
    """The lower end of the Wilson score interval of a share ``right`` of ``n`` at ``z``
    standard errors (0 for no facts): the share of a sample, less its noise."""
    if n == 0:
        return 0.0
    p, z2 = right / n, z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return (centre - spread) / (1 + z2 / n)


def binned(tied: dict[float, list[float]], size: float) -> dict[float, list[float]]:
    """Facts of neighbouring confidences pooled, in order, until each bin weighs ``size`` or
    more (a tie is never split; the last few join the bin before), each bin at the mean of
    its facts' confidences. ``tied``: confidence -> [weight right, weight, facts]."""
    if size <= 0:
        return tied
    bins: list[list[float]] = []  # [weight right, weight, facts, sum of x over facts]
    open_bin = True
    for x, (right_w, w, n) in sorted(tied.items()):
        if open_bin or not bins:
            bins.append([0.0, 0.0, 0.0, 0.0])
        b = bins[-1]
        b[0], b[1], b[2], b[3] = b[0] + right_w, b[1] + w, b[2] + n, b[3] + x * n
        open_bin = b[1] >= size
    if len(bins) > 1 and bins[-1][1] < size:
        last = bins.pop()
        bins[-1] = [a + b for a, b in zip(bins[-1], last, strict=True)]
    return {round(b[3] / b[2], 4): [b[0], b[1], b[2]] for b in bins}


def isotonic(
    points: list[tuple[float, bool]] | list[tuple[float, bool, float]], block: float = 0.0
) -> tuple[list[float], list[float]]:
    """The monotone (non-decreasing) fit of right-or-wrong against confidence, by pooling
    adjacent violators, as a table of points for kg.resolve.calibration. A point may carry a
    weight (1 without); with ``block``, neighbouring confidences are first pooled into bins of
    that weight (``binned``)."""
    # points of one confidence are one block first: sorted, a tie's wrong facts came before
    # its right ones, never pooled, and a rule's one number mapped to its wrong facts' share
    tied: dict[float, list[float]] = {}
    for x, ok, *weight in points:
        w = weight[0] if weight else 1.0
        t = tied.setdefault(x, [0.0, 0.0, 0.0])
        t[0] += float(ok) * w
        t[1] += w
        t[2] += 1
    blocks: list[list[float]] = []  # [weight right, weight, lowest x, highest x]
    for x, (right_w, w, _) in sorted(binned(tied, block).items()):
        blocks.append([right_w, w, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            right, n, _, hi = blocks.pop()
            blocks[-1][0] += right
            blocks[-1][1] += n
            blocks[-1][3] = hi
    xs, ys = [], []
    for right, n, lo, hi in blocks:
        # a block's share right with one right and one wrong fact added (Laplace): a few facts
        # all right say "often", not "always"
        y = round((right + 1) / (n + 2), 4)
        for x in (lo, hi) if hi > lo else (lo,):
            if xs and x <= xs[-1]:
                continue
            xs.append(round(x, 4))
            ys.append(y)
    # Laplace pulls a small block towards one half, which can undo the order (a first block of
    # one fact wrong is worth 1/3, above a large one after it): each point no higher than the
    # points after it keeps the map monotone, erring low
    for k in range(len(ys) - 2, -1, -1):
        ys[k] = min(ys[k], ys[k + 1])
    return xs, ys


def blended(
    own: tuple[list[float], list[float]],
    weight: float,
    parent: tuple[list[float], list[float]],
    strength: float,
) -> tuple[list[float], list[float]]:
    """The map ``own`` (fitted on facts weighing ``weight``) shrunk toward ``parent``, a map
    of more facts, as if ``parent`` were ``strength`` facts more at each point: a map of few
    facts is about its parent's, one of many its own. Read at the points of both, so the
    blend of two monotone maps stays monotone."""
    xs = sorted(set(own[0]) | set(parent[0]))
    ys = [
        (weight * interpolate(x, *own) + strength * interpolate(x, *parent)) / (weight + strength)
        for x in xs
    ]
    return xs, [round(y, 4) for y in ys]
