"""The build on a Dask cluster (dask.distributed): ``kg build --scheduler ADDRESS|local``.

The flow is kg.run.local's, laid out as map and reduce:

- **map**: the documents are read on the client (streamed, as in kg.run.local) and cut into
  partitions of ``partition_size`` documents; each partition is parsed on a worker (spaCy and
  kg's extraction), which keeps its pipeline loaded between tasks.
- **reduce**: one task resolves the extractions of all partitions, in input order, into the
  graph. Resolution is global (an alias in one document can join a name in another), so it is
  one step; it costs a small share of the parse.
- **output**: each partition's part of the RDF is written as an N-Quads shard, one named graph
  per document (the ``doc/<id>`` parts of kg.rdf.triples.parts), and ``entities.nq`` holds the
  vocabulary, the entities and the facts; together they are the whole graph, ready for a store's
  parallel bulk load. The merged graph (graph.ttl, graph.json, graph.html) is written by the
  same code as a single-process build, so for the same input the files are byte-identical.

Workers need kg and the spaCy model installed, and the gazetteer file (if one is given) at the
same path; they need no access to the input files.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, InputError
from kg.extract import pipeline as nlp
from kg.extract.records import DocExtraction
from kg.files import atomic_write
from kg.graph import DEFAULT_BASE, KnowledgeGraph
from kg.model import Document
from kg.rdf.formats import serialize
from kg.rdf.triples import graph_iri
from kg.rdf.write import to_dataset
from kg.run.local import assemble, write
from kg.run.parse import BATCH_SIZE, chunks, extract_timed, iter_documents
from kg.run.stats import BuildStats

PARTITION_SIZE = 64  # documents per map task


def _extract_partition(
    docs: list[Document], model: str | None, gazetteer: str | None, batch_size: int
) -> list[DocExtraction]:
    # nlp.load caches the pipeline, so a worker loads it once for all its tasks
    pipeline = nlp.load(model, gazetteer=gazetteer)
    return list(extract_timed(docs, pipeline, BuildStats(), batch_size=batch_size))


def _reduce(base: str, *parts: list[DocExtraction]) -> KnowledgeGraph:
    g = assemble([ex for part in parts for ex in part], base=base)
    g.__dict__.pop("nx", None)  # rebuilt where needed; not worth sending over the network
    return g


def shard_graph(g: KnowledgeGraph, doc_ids: Iterable[str]) -> KnowledgeGraph:
    """The part of ``g`` read from the documents ``doc_ids``: their document records, and the
    mentions, evidence and quotations in them (the ``doc/<id>`` parts of kg.rdf.triples.parts)."""
    ids = set(doc_ids)
    entities = [
        replace(e, mentions=tuple(m for m in e.mentions if m.doc_id in ids)) for e in g.entities
    ]

    def facts(rels: list) -> list:
        out = []
        for r in rels:
            evs = tuple(ev for ev in r.evidence if ev.doc_id in ids)
            if evs:
                out.append(replace(r, evidence=evs))
        return out

    # every entity stays, with the mentions of these documents alone: a document's author,
    # publisher or dateline place names an entity that may be mentioned only elsewhere
    return KnowledgeGraph(
        entities,
        facts(g.relations),
        [d for d in g.documents if d.id in ids],
        [],
        facts(g.flagged),
        base=g.base,
        candidates=facts(g.candidates),
        quotes=[q for q in g.quotes if q.evidence.doc_id in ids],
    )


def shared_graph(g: KnowledgeGraph) -> KnowledgeGraph:
    """The part of ``g`` no single document holds: entities and facts, without mentions or
    evidence (the ``vocab`` and ``entities`` parts of kg.rdf.triples.parts)."""
    return KnowledgeGraph(
        [replace(e, mentions=()) for e in g.entities],
        [replace(r, evidence=()) for r in g.relations],
        [],
        [],
        [replace(r, evidence=()) for r in g.flagged],
        base=g.base,
        candidates=[replace(r, evidence=()) for r in g.candidates],
    )


def _doc_shard(g: KnowledgeGraph, doc_ids: list[str]) -> str:
    """N-Quads of the documents ``doc_ids``: one named graph per document, lines sorted."""
    ds = to_dataset(shard_graph(g, doc_ids), base=g.base)
    for part in ("vocab", "entities"):  # written whole, once, by _shared_shard
        ds.remove_graph(graph_iri(g.base, part))
    return serialize(ds, "nquads")


def _shared_shard(g: KnowledgeGraph) -> str:
    """N-Quads of the vocabulary, the entities and the facts."""
    return serialize(to_dataset(shared_graph(g), base=g.base), "nquads")


def _count(futures: list[Any], sizes: list[int], progress: Callable[[int], None]) -> None:
    """Call ``progress`` with each partition's size as its parse finishes, in any order."""
    from dask.distributed import as_completed

    size = {f.key: n for f, n in zip(futures, sizes, strict=True)}
    for done in as_completed(futures):
        progress(size[done.key])


@contextmanager
def connect(scheduler: Any = "local", *, workers: int = 2, timeout: float = 10) -> Iterator[Any]:
    """A dask.distributed Client: ``"local"`` starts a LocalCluster of ``workers`` processes
    (one thread each, no dashboard); an address such as ``tcp://host:8786`` joins a running
    cluster; a Client is used as it is."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("the Dask build needs dask.distributed: pip install 'kg[dask]'") from None
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler == "local":
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({e}); give its address as "
            "tcp://HOST:PORT, or 'local' for a cluster on this machine"
        ) from None
    with client:
        yield client


def build(
    sources: Iterable[Any] | Any,
    *,
    scheduler: Any = "local",
    out_dir: str | Path | None = None,
    model: str | None = None,
    gazetteer: str | Path | None = None,
    base: str = DEFAULT_BASE,
    partition_size: int = PARTITION_SIZE,
    workers: int = 2,
    batch_size: int = BATCH_SIZE,
    stats: BuildStats | None = None,
    progress: Callable[[int], None] | None = None,
    title: str | None = None,
) -> tuple[KnowledgeGraph, list[Path]]:
    """Build on a Dask cluster; with ``out_dir``, write the merged graph there (graph.ttl,
    graph.json, graph.html titled ``title``, as ``kg build`` does) and the N-Quads shards into
    ``out_dir/shards/`` (``part-NNNNN.nq`` per partition and ``entities.nq``). ``progress``
    is called with a partition's number of documents as each is parsed.

    Returns the graph and the files written.
    """
    if model is not None and not isinstance(model, str):
        raise ConfigError("the Dask build needs the model by name or path, not a loaded pipeline")
    if partition_size < 1:
        raise ConfigError(f"partition size must be 1 or more, not {partition_size}")
    stats = stats if stats is not None else BuildStats()
    gaz = str(gazetteer) if gazetteer is not None else None
    t0 = time.perf_counter()
    with connect(scheduler, workers=workers) as client:
        futures, partitions = [], []
        for part in chunks(iter_documents(sources, stats), partition_size):
            partitions.append([d.id for d in part])
            futures.append(
                client.submit(_extract_partition, part, model, gaz, batch_size, pure=False)
            )
        if not futures:
            raise InputError("no documents given: pass files, folders, kg.Documents or text")
        if progress is not None:
            _count(futures, [len(ids) for ids in partitions], progress)
        graph = client.submit(_reduce, base, *futures, pure=False)
        shards = []
        if out_dir is not None:
            shards = [client.submit(_doc_shard, graph, ids, pure=False) for ids in partitions]
            shards.append(client.submit(_shared_shard, graph, pure=False))
        g: KnowledgeGraph = graph.result()
        texts: Sequence[str] = client.gather(shards) if shards else []
    stats.wall += time.perf_counter() - t0
    paths: list[Path] = []
    if out_dir is not None:
        out = Path(out_dir)
        paths = write(g, out, title=title, stats=stats)
        names = [f"part-{i:05d}.nq" for i in range(len(partitions))] + ["entities.nq"]
        for name, text in zip(names, texts, strict=True):
            atomic_write(out / "shards" / name, text)
            paths.append(out / "shards" / name)
        for old in (out / "shards").glob("part-*.nq"):  # left by a build with more partitions
            if old.name not in names:
                old.unlink()
    return g, paths
