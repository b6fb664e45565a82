"""Shared fixtures: the spaCy pipeline (loaded once) and the seeds' graph (built once)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg import nlp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCH = ROOT.parent / "shared" / "bench"


@pytest.fixture(scope="session")
def pipeline():
    return nlp.load()


@pytest.fixture(scope="session")
def seeds_graph(pipeline) -> kg.KnowledgeGraph:
    return kg.build([SEEDS], model=pipeline)


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    if not BENCH.is_dir():
        pytest.skip(
            f"benchmark data not found at {BENCH} (it sits beside the repository as "
            "shared/bench in development and CI)"
        )
    return BENCH
