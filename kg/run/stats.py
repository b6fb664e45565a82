"""What a build read and where its time went, stage by stage."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# The stages a build's time is split into (BuildStats.seconds).

# The stages a build's time is split into (BuildStats.seconds).
STAGES = ("ingest", "spacy", "extract", "resolve", "graph", "rdf", "html")


@dataclass
class BuildStats:
    """What a build read and where its time went (seconds per stage, see STAGES).

    With several processes the parse stages add up the workers' time, so their sum can exceed
    the wall time.
    """

    documents: int = 0
    words: int = 0  # whitespace-separated words of the documents' text
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    wall: float = 0.0

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - t0

    def merge(self, other: BuildStats) -> None:
        self.documents += other.documents
        self.words += other.words
        for k, v in other.seconds.items():
            self.seconds[k] += v
