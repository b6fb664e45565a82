"""The Dask build on a LocalCluster: the same graph as one process, and N-Quads shards."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from benchmarks import corpus
from kg.errors import ConfigError
from kg.rdf.write import serialize_kg
from kg.run.local import write

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")

from kg.run import cluster as kd  # noqa: E402 - after the skip


@pytest.fixture(scope="module")
def client():
    with kd.connect("local", workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pages")
    corpus.write(d, 10, seed=4)
    return d


@pytest.fixture(scope="module")
def builds(client, pages_dir, tmp_path_factory):
    one = tmp_path_factory.mktemp("one")
    g1 = kg.build([pages_dir])
    write(g1, one)
    dask_out = tmp_path_factory.mktemp("dask")
    counted: list[int] = []
    g2, paths = kd.build(
        [pages_dir], scheduler=client, out_dir=dask_out, partition_size=3, progress=counted.append
    )
    assert sorted(counted) == [1, 3, 3, 3]  # each partition's documents, as it is parsed
    return g1, one, g2, dask_out, paths


def test_dask_build_writes_byte_identical_graph_files(builds):
    _, one, _, dask_out, _ = builds
    for name in ("graph.ttl", "graph.json", "graph.html"):
        assert (dask_out / name).read_bytes() == (one / name).read_bytes(), name


def _pipelines_loaded() -> int:
    from kg.extract import pipeline as nlp

    return nlp._load.cache_info().currsize


def test_parsing_ran_on_the_workers(client, builds):
    loaded = client.run(_pipelines_loaded)  # worker address -> pipelines it has loaded
    assert len(loaded) == 2 and sum(loaded.values()) >= 1


def test_shards_are_the_whole_graph_split_by_document(builds):
    g1, _, g2, dask_out, paths = builds
    shards = [p.name for p in paths if p.parent.name == "shards"]
    assert shards == [f"part-{i:05d}.nq" for i in range(4)] + ["entities.nq"]  # 10 docs by 3
    lines = [
        line
        for name in shards
        for line in (dask_out / "shards" / name).read_text(encoding="utf-8").splitlines()
    ]
    whole = serialize_kg(g1, "nquads").splitlines()
    assert sorted(lines) == sorted(whole)  # every quad once, nothing else
    docs_of = {}
    for name in shards[:-1]:
        text = (dask_out / "shards" / name).read_text(encoding="utf-8")
        docs_of[name] = {d.id for d in g2.documents if f"/graph/doc/{d.id}> ." in text}
    assert sum(len(v) for v in docs_of.values()) == 10  # each document's graph in one shard
    assert [len(v) for v in docs_of.values()] == [3, 3, 3, 1]


def test_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        with kd.connect("tcp://127.0.0.1:9", timeout=1):
            pass


def test_loaded_pipeline_is_refused(pipeline):
    with pytest.raises(ConfigError, match="model by name"):
        kd.build(["Acme Corp hired Jane Doe."], model=pipeline)
