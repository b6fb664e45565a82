"""Rule families of many triggers (the verb and role rules) calibrated per trigger and predicate.

One map for the whole family pools verbs of very different precision ("appoint" and "form"),
and one map per trigger rests on a handful of facts. So each rule's share of right facts is
shrunk toward its family's, and each rule and predicate's toward its rule's: a beta prior worth
SHRINK_PRIOR facts at the share above it, moved by the facts read (each tuning part weighing
its share, kg.defaults.CALIBRATION_PART_SHARES). A rule the tuning parts never judged is worth
its family's share for the predicate, or the family's own. As for the other rule families
(kg.train.calibrate.each_part), a share is held to that of each part that read EACH_PART facts
of it or more.

The maps are constant (a rule's set number carries no measure of its own): what the tuning
facts say its facts are worth, read by kg.resolve.calibration.Calibration.reading.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.defaults import EACH_PART, SHRINK_PRIOR

# (family, rule, predicate, right, weight): one fact a rule of a family read alone (the
# family itself as its rule where its readings are not known)
Fact = tuple[str, str, str, bool, float]
Table = tuple[list[float], list[float]]


def shrunk(right: float, n: float, prior: float, strength: float) -> float:
    """The share ``right`` of ``n`` (weights) under a beta prior worth ``strength`` facts at
    ``prior``: the prior where nothing was read, the share itself where much was."""
    return (right + strength * prior) / (n + strength)


def _sums(facts: Iterable[Fact], weighted: bool = True) -> dict[str, list[float]]:
    """Weight right and weight (or facts) of each key: family, family|predicate, rule,
    rule|predicate."""
    out: dict[str, list[float]] = {}
    for family, rule, pred, ok, w in facts:
        for key in dict.fromkeys((family, f"{family}|{pred}", rule, f"{rule}|{pred}")):
            s = out.setdefault(key, [0.0, 0.0])
            s[0] += ok * (w if weighted else 1.0)
            s[1] += w if weighted else 1.0
    return out


def _levels(facts: Iterable[Fact]) -> list[tuple[str, str | None]]:
    """Every key with the key it is shrunk toward, parents first: a family (none), a family
    and predicate and a rule (the family), a rule and predicate (the rule)."""
    first: dict[str, str | None] = {}
    second: dict[str, str | None] = {}
    third: dict[str, str | None] = {}
    for family, rule, pred, *_ in facts:
        first.setdefault(family, None)
        second.setdefault(f"{family}|{pred}", family)
        if rule != family:  # a fact of no known rule counts for its family alone
            second.setdefault(rule, family)
            third.setdefault(f"{rule}|{pred}", rule)
    return [*first.items(), *second.items(), *third.items()]


def fit_rules(parts: list[list[Fact]], strength: float = SHRINK_PRIOR) -> dict[str, Table]:
    """The constant maps of every key of ``parts``' facts (one list per tuning part, each fact
    weighted). A family's share is its facts' (one right and one wrong fact added, as the
    isotonic maps' blocks); every other key's is shrunk toward its parent's (``_levels``);
    each is then held to the share of each part that read EACH_PART facts of it or more,
    measured on that part alone, and its children are shrunk toward what it is held to."""
    every = [f for part in parts for f in part]
    pooled, own = _sums(every), [_sums(part) for part in parts]
    counts = [_sums(part, weighted=False) for part in parts]
    held: dict[str, float] = {}
    alone: list[dict[str, float]] = [{} for _ in parts]
    for key, parent in _levels(every):
        right, n = pooled[key]
        if parent is None:
            held[key] = (right + 1) / (n + 2)
        else:
            held[key] = shrunk(right, n, held[parent], strength)
        for i, sums in enumerate(own):
            if key not in sums:
                continue
            r, m = sums[key]
            if parent is None:
                alone[i][key] = (r + 1) / (m + 2)
            else:
                alone[i][key] = shrunk(r, m, alone[i].get(parent, held[parent]), strength)
            if counts[i][key][1] >= EACH_PART:
                held[key] = min(held[key], alone[i][key])
    return {k: ([0.0, 1.0], [round(y, 4)] * 2) for k, y in sorted(held.items())}
