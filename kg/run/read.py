"""Reading a corpus in several processes: the ingest of ``kg build --jobs N``.

A saved web page costs tens of milliseconds of CPU to read (lxml, trafilatura, htmldate), about
as much as spaCy's parse of it, so a build with ``jobs`` > 1 reads its files in ``jobs``
processes too. The parent walks the folders and plans the pass (kg.ingest.corpus.plan); each
file is read in a worker, and the outcomes are taken back in input order, so the Documents,
the skipped inputs (in the same order), the errors that ``strict`` raises and the build's exit
status are those of a read in one process. Only a few files are in flight at once, so memory
stays bounded however large the corpus.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kg.defaults import READ_WINDOW
from kg.errors import ConfigError, WorkerError
from kg.ingest.corpus import (
    FileTask,
    Item,
    Outcome,
    iter_read,
    plan,
    preload,
    read_options,
    read_task,
    settle,
)
from kg.ingest.sources import Reader, ReadOptions, unique_ids
from kg.model import Document, ReadReport


def context() -> mp.context.BaseContext:
    """fork where the platform has it (workers share the parent's loaded models), else spawn."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def read(
    sources: Iterable[object] | object,
    *,
    jobs: int = 1,
    strict: bool = False,
    report: ReadReport | None = None,
    other_as_text: bool = False,
    exclude: Iterable[str | os.PathLike[str]] = (),
    root: str | os.PathLike[str] | None = None,
) -> list[Document]:
    """kg.ingest.read, with the files read in ``jobs`` processes: the same Documents in the
    same order, the same ``report`` and the same errors."""
    options = read_options(strict, other_as_text, exclude, root)
    return unique_ids(iter_read_parallel(sources, options, report, jobs=jobs))


def iter_read_parallel(
    sources: Iterable[object] | object,
    options: ReadOptions | None = None,
    report: ReadReport | None = None,
    *,
    jobs: int = 2,
) -> Iterator[Document]:
    """kg.ingest.iter_read with the files read in ``jobs`` processes (in this one when 1)."""
    if jobs < 1:
        raise ConfigError(f"jobs must be 1 or more, not {jobs}")
    if jobs == 1:
        yield from iter_read(sources, options, report)
        return
    reader = Reader(options or ReadOptions(), report)
    pool = ProcessPoolExecutor(jobs, mp_context=context())
    try:
        yield from settle(_outcomes(plan(sources, reader), pool, reader.options, jobs), reader)
    except BrokenProcessPool:
        raise WorkerError(
            f"a worker process of --jobs {jobs} died while reading the inputs (killed, or out "
            "of memory?): build again, with fewer --jobs if memory is short"
        ) from None
    finally:
        # on an error (strict) or an early stop, drop the queued files; running ones end soon
        pool.shutdown(wait=True, cancel_futures=True)


def _outcomes(
    items: Iterator[Item], pool: ProcessPoolExecutor, options: ReadOptions, jobs: int
) -> Iterator[tuple[Item, Outcome | None]]:
    """Each item with its file's Outcome, in input order, with a few files read ahead."""
    pending: deque[tuple[Item, Future[Outcome] | None]] = deque()
    window = READ_WINDOW * jobs
    started = False
    for item in items:
        task = None
        if isinstance(item, FileTask):
            if not started and context().get_start_method() == "fork":
                # the language model and the libraries loaded once, here, before the workers
                # are forked at the first task, so that they share them; not at all when the
                # sources are Documents and strings only
                preload()
            started = True
            task = pool.submit(read_task, item, options)
        pending.append((item, task))
        if len(pending) >= window:
            yield _take(pending)
    while pending:
        yield _take(pending)


def _take(pending: deque[tuple[Item, Future[Outcome] | None]]) -> tuple[Item, Outcome | None]:
    item, task = pending.popleft()
    return item, task.result() if task is not None else None
