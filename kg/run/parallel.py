"""Parsing in several processes on one machine: ``kg build --jobs N``.

The documents are read first (in ``jobs`` processes too, see kg.run.read) and handed out in
small chunks; each worker process holds one spaCy pipeline and returns the chunk's extractions
(mentions and facts, small and picklable, never spaCy Docs). Results come back in input order,
so resolution, and every output file, is the same as with one process. Only a few chunks are
in flight at once, so memory stays bounded however large the corpus.

The pool is concurrent.futures': when a worker dies (killed, out of memory), every pending
chunk fails at once with BrokenProcessPool, which ends the build with one line (WorkerError)
instead of waiting for a result that never comes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ConfigError, WorkerError
from kg.extract import pipeline as nlp
from kg.extract.records import DocExtraction
from kg.model import Document
from kg.run.parse import BATCH_SIZE, chunks, extract_timed
from kg.run.read import context
from kg.run.stats import BuildStats

if TYPE_CHECKING:
    from spacy.language import Language

CHUNK = 8  # documents per task: large enough to batch well, small enough to balance
_PIPELINE: Any = None  # the worker's spaCy pipeline


def _init(model: str | Language | None, gazetteer: str | None) -> None:
    global _PIPELINE
    _PIPELINE = nlp.load(model, gazetteer=gazetteer)


def _work(docs: list[Document], batch_size: int) -> tuple[list[DocExtraction], BuildStats]:
    stats = BuildStats()
    return list(extract_timed(docs, _PIPELINE, stats, batch_size=batch_size)), stats


def extract_parallel(
    docs: Iterable[Document],
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    jobs: int = 2,
    batch_size: int = BATCH_SIZE,
    chunk: int = CHUNK,
    progress: Callable[[int], None] | None = None,
    stats: BuildStats | None = None,
) -> Iterator[DocExtraction]:
    """kg.extract.mentions.extract over ``jobs`` processes: each document's extraction, in order."""
    if jobs < 1:
        raise ConfigError(f"jobs must be 1 or more, not {jobs}")
    ctx = context()
    gaz = str(gazetteer) if gazetteer is not None else None
    if ctx.get_start_method() == "fork":
        nlp.load(model, gazetteer=gazetteer)  # load once here; forked workers inherit it
    elif model is not None and not isinstance(model, str):
        raise ConfigError(
            "--jobs needs the model by name or path on this platform, not a loaded pipeline"
        )
    window = 3 * jobs  # chunks in flight: keeps every worker busy, bounds memory
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(model, gaz))
    pending: deque[Future] = deque()

    def take() -> Iterator[DocExtraction]:
        exs, worker = pending.popleft().result()
        if stats is not None:
            stats.merge(worker)
        if progress:
            progress(len(exs))
        yield from exs

    try:
        for part in chunks(docs, chunk):
            pending.append(pool.submit(_work, part, batch_size))
            if len(pending) >= window:
                yield from take()
        while pending:
            yield from take()
    except BrokenProcessPool:
        raise WorkerError(
            f"a worker process of --jobs {jobs} died (killed, or out of memory?); "
            "nothing was written: build again, with fewer --jobs if memory is short"
        ) from None
    finally:
        # on an error or an early stop, drop the queued chunks; running ones end on their own
        pool.shutdown(wait=True, cancel_futures=True)
