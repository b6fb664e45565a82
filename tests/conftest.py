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


# At kg's threshold three of the seeds' facts are asserted (tests/test_seeds.py says why): the
# tests of formats, which need asserted facts and candidates of every kind, read the seeds'
# graph with the facts of this confidence or more asserted (those a reader agrees with, and
# none of the known wrong readings of "PHP" and "Linux", 0.14 to 0.29).
SEEDS_FLOOR = 0.3


@pytest.fixture(scope="session")
def seeds_read(seeds_graph) -> kg.KnowledgeGraph:
    return seeds_graph.at_confidence(SEEDS_FLOOR)


@pytest.fixture
def locked_folders(monkeypatch):
    """Folders named "locked" refuse to be listed, as a folder without read permission does
    (root, which runs CI, reads any)."""
    scandir = os.scandir

    def refuse(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    if not BENCH.is_dir():
        pytest.skip(
            f"benchmark data not found at {BENCH} (it sits beside the repository as "
            "shared/bench in development and CI)"
        )
    return BENCH
