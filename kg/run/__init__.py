"""Run: the flow ingest -> extract -> resolve -> graph -> outputs, in one process or several."""

from kg.run.local import build, extractions, write
from kg.run.stats import BuildStats

__all__ = ["BuildStats", "build", "extractions", "write"]
