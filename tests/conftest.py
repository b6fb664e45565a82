"""Shared fixtures: the spaCy pipeline (loaded once) and the seeds' graph (built once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import kg
from kg.extract import pipeline as nlp

# In CI the property tests draw the same cases every run, so a result can be reproduced;
# on a developer's machine they explore new ones each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
