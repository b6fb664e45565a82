"""Counts and reports: precision, recall and F1, as a table or a dict."""

from __future__ import annotations

from dataclasses import dataclass, field


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
            "by_relation": {k: d(v) for k, v in sorted(self.by_relation.items())},
        }
