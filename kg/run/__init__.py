"""Run: the flow ingest -> extract -> resolve -> graph -> outputs, in one process or several."""

from kg.run.local import build, extractions, write
from kg.run.modes import Built, build_to
from kg.run.stats import BuildStats

__all__ = ["BuildStats", "Built", "build", "build_to", "extractions", "write"]
