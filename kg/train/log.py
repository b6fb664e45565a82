"""What kg.train prints of a part's calibrated facts: its asserted facts and reliability table
(the figures kg.defaults and the docs quote), and the rule families' maps."""

from __future__ import annotations

from kg.defaults import ASSERTED_Z
from kg.evaluate import Report
from kg.resolve.calibration import FALLBACK, Calibration, rules_only
from kg.train.isotonic import lower_bound


def print_part(rep: Report, threshold: float) -> None:
    """One part's calibrated out-of-fold facts: asserted at ``threshold`` (share right, its
    lower bound, facts), over all facts, and the reliability table with its ECE, beside the
    ECE that exactly right confidences would show by chance on as many facts."""
    a = rep.asserted(threshold)
    n = a.tp + a.fp
    rows_, ece = rep.reliability()
    print(
        f"{rep.name}: facts at confidence >= {threshold:.2f}: precision {a.precision:.3f} "
        f"(lower bound {lower_bound(a.tp, n, ASSERTED_Z):.3f}, {a.tp} of {n}), "
        f"recall {a.recall:.3f} (all facts: {rep.relations.precision:.3f}, "
        f"{rep.relations.recall:.3f}); ECE {ece:.3f} (by chance alone {rep.chance_ece():.3f})"
    )
    print("  " + ", ".join(f"{lo:.1f}: {right:.2f} of {k}" for lo, _, right, k in rows_))


def print_maps(cal: Calibration) -> None:
    """Each rule family's (and rule's) map, point by point."""
    for k in sorted(cal.tables):
        if rules_only(k.split("|")[0]) and k != FALLBACK:
            xs, ys = cal.tables[k]
            pts = ", ".join(f"{x:.2f} -> {y:.2f}" for x, y in zip(xs, ys, strict=True))
            print(f"  rule map {k}: {pts}")
