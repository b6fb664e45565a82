"""Every query in queries/ runs against the seeds' graph, and its answer is checked."""

from pathlib import Path

import pytest

from .conftest import ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))

# query file -> rows (as dicts of strings) that must be in its answer
EXPECTED: dict[str, list[dict[str, str]]] = {
    "people_and_employers.rq": [{"person": "Alexandr Wang", "organization": "Meta"}],
    "products_and_makers.rq": [
        {"product": "Muse Spark", "maker": "Meta", "relation": "developer"}
    ],
}


def test_every_query_has_a_check():
    assert {q.name for q in QUERIES} == set(EXPECTED)


@pytest.mark.parametrize("path", QUERIES, ids=[q.name for q in QUERIES])
def test_query(seeds_graph, path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Question:"), "each query opens with its question"
    rows = [{k: str(v) for k, v in row.items()} for row in seeds_graph.query(text).dicts()]
    for want in EXPECTED[path.name]:
        assert any(want.items() <= row.items() for row in rows), (want, rows)
