"""Counts and reports: precision, recall and F1, as a table or a dict."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

# A scored prediction: (confidence, right, label, source, predicate, readings), its readings
# each piece of evidence's (rule, raw confidence), which the calibration is fitted on.
Scored = tuple[float, bool, str, str, str, tuple[tuple[str, float], ...]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    """Scores of one run: entities (typed), relations overall and per label, and speed."""

    name: str
    docs: int
    words: int
    seconds: float
    entities: Counts
    entity_types: dict[str, Counts]
    relations: Counts
    by_relation: dict[str, Counts]
    covered: Counts  # relations whose property kg's vocabulary has
    # pairs of name mentions put in one entity (where the gold has mention spans, as DocRED)
    clusters: Counts = field(default_factory=Counts)
    # each scored prediction: (confidence, right, label, source, predicate, readings); with the gold
    # facts, the scores of the facts at or above any threshold (``asserted``)
    scored: list[Scored] = field(default_factory=list)
    # the asserted facts that are wrong and the gold facts none asserts (kg.defaults threshold)
    errors: list[Error] = field(default_factory=list)
    # the mention pairs kg groups otherwise than the gold (kg.evaluate.clusters.PairError)
    pairs: list = field(default_factory=list)
    # the pairs as counted before round 11: a gold mention found by any kg mention that
    # overlaps it, whatever name it reads (kg.evaluate.clusters)
    clusters_overlap: Counts = field(default_factory=Counts)
    # the gold facts missed, counted by cause and by missing argument's kind, and each of them
    # (kg.evaluate.causes)
    causes: Counter[str] = field(default_factory=Counter)
    missed: list = field(default_factory=list)

    def asserted(self, threshold: float) -> Counts:
        """Relation counts of the facts with confidence >= ``threshold`` alone."""
        tp = sum(1 for c, ok, *_ in self.scored if ok and c >= threshold)
        fp = sum(1 for c, ok, *_ in self.scored if not ok and c >= threshold)
        return Counts(tp, fp, self.relations.tp + self.relations.fn - tp)

    def reliability(self, bins: int = 10) -> tuple[list[tuple[float, float, float, int]], float]:
        """(bin lower edge, mean confidence, share right, facts) per confidence bin, and the
        expected calibration error: the mean gap between confidence and share right,
        weighted by facts."""
        rows, gap = [], 0.0
        for b in range(bins):
            lo, hi, last = b / bins, (b + 1) / bins, b == bins - 1
            inside = [(c, ok) for c, ok, *_ in self.scored if lo <= c < hi or (last and c >= hi)]
            if not inside:
                continue
            right = sum(ok for _, ok in inside) / len(inside)
            mean = sum(c for c, _ in inside) / len(inside)
            gap += len(inside) * abs(mean - right)
            rows.append((lo, mean, right, len(inside)))
        return rows, gap / max(len(self.scored), 1)

    def chance_ece(self, bins: int = 10) -> float:
        """The ECE that confidences exactly right would show by chance alone on these facts:
        a bin's number right is a sum of coin flips, off its expectation by about
        sqrt(2 / pi) standard deviations (normal approximation). An ECE near it says nothing
        of the calibration: about 0.05 on 300 facts, 0.025 on 1,400."""
        spread = [0.0] * bins
        for c, *_ in self.scored:
            spread[min(max(int(c * bins), 0), bins - 1)] += c * (1 - c)
        gap = sum(math.sqrt(2 * v / math.pi) for v in spread)
        return gap / max(len(self.scored), 1)

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def table(self, *, per_relation: bool = True, min_support: int = 0) -> str:
        """The scores as a plain-text table (percentages)."""
        rows = [("entities (typed)", self.entities)]
        rows += [(f"  {t}", c) for t, c in sorted(self.entity_types.items())]
        if self.clusters.tp + self.clusters.fn:
            rows.append(("mention pairs (one entity)", self.clusters))
            rows.append(("  by overlap alone", self.clusters_overlap))
        rows.append(("relations (all)", self.relations))
        rows.append(("relations (kg's properties)", self.covered))
        if per_relation:
            for label, c in sorted(self.by_relation.items(), key=lambda x: -(x[1].tp + x[1].fn)):
                if c.tp + c.fn >= min_support or c.tp + c.fp >= max(min_support, 1) * 2:
                    rows.append((f"  {label}", c))
        w = max(len(r[0]) for r in rows)
        lines = [
            f"{self.name}: {self.docs} documents, {self.words} words, "
            f"{self.docs_per_second:.1f} docs/s, {self.words_per_second:.0f} words/s",
            f"{'':{w}}  {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}",
        ]
        for label, c in rows:
            lines.append(
                f"{label:{w}}  {100 * c.precision:6.1f} {100 * c.recall:6.1f} "
                f"{100 * c.f1:6.1f} {c.tp + c.fn:6d} {c.tp + c.fp:6d}"
            )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        def d(c: Counts) -> dict:
            return {
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
            }

        return {
            "name": self.name,
            "docs": self.docs,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "words_per_second": round(self.words_per_second, 1),
            "entities": d(self.entities),
            "entity_types": {k: d(v) for k, v in sorted(self.entity_types.items())},
            "relations": d(self.relations),
            "covered_relations": d(self.covered),
            "mention_pairs": d(self.clusters),
            "mention_pairs_overlap": d(self.clusters_overlap),
            "by_relation": {k: d(v) for k, v in sorted(self.by_relation.items())},
        }


@dataclass(frozen=True)
class Error:
    """A false positive (an asserted fact gold does not hold) or a false negative (a gold fact
    no asserted fact matches), with the sentence to read it in."""

    kind: str  # "false positive" or "false negative"
    label: str  # the gold label or Wikidata property of its row
    rule: str  # what read it (a false positive) or "" (a false negative)
    doc: str
    subject: str
    object: str
    confidence: float | None  # of the fact; of a false negative's candidate, if one was read
    sentence: str


def error_table(errors: list[Error]) -> str:
    """The errors grouped by label, then by rule, each with its sentence."""
    by: dict[str, dict[str, list[Error]]] = defaultdict(lambda: defaultdict(list))
    for e in errors:
        by[e.label][e.rule if e.kind == "false positive" else "(missed)"].append(e)
    lines = []
    for label in sorted(by, key=lambda k: (-sum(len(v) for v in by[k].values()), k)):
        groups = by[label]
        lines.append(f"== {label}: {sum(len(v) for v in groups.values())} errors")
        for rule in sorted(groups, key=lambda k: (k == "(missed)", -len(groups[k]), k)):
            es = groups[rule]
            kind = "false negatives" if rule == "(missed)" else f"false positives, rule {rule}"
            lines.append(f"-- {kind}: {len(es)}")
            for e in es:
                lines.extend(_error_lines(e))
    return "\n".join(lines)


def _error_lines(e: Error) -> list[str]:
    conf = "" if e.confidence is None else f" {e.confidence:.2f}"
    if e.kind == "false negative" and e.confidence is not None:
        conf = f" (read as a candidate at{conf})"
    return [
        f"  {e.subject} -> {e.object}{conf}  [{e.doc}]",
        f"      {' '.join(e.sentence.split())[:400]}",
    ]
