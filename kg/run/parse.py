"""Reading sources as a stream of documents and parsing them with their time split by stage."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.extract.mentions import extract
from kg.extract.records import DocExtraction
from kg.ingest.sources import ReadOptions
from kg.model import Document, ReadReport
from kg.run.read import iter_read_parallel
from kg.run.stats import BuildStats

if TYPE_CHECKING:
    from spacy.language import Language


BATCH_SIZE = 128  # blocks (paragraphs, headings, items) per nlp.pipe batch


def iter_documents(
    sources: Iterable[Any] | Any,
    stats: BuildStats | None = None,
    *,
    options: ReadOptions | None = None,
    report: ReadReport | None = None,
    jobs: int = 1,
) -> Iterator[Document]:
    """The documents of ``sources`` as kg.ingest.read gives them (same ids, same order), read
    one file at a time so that the corpus is never in memory at once; with ``jobs`` > 1 the
    files are read in that many processes (kg.run.read), a few at a time."""
    sources = as_sources(sources)
    seen: set[str] = set()
    clock = stats or BuildStats()
    docs = iter_read_parallel(sources, options, report, jobs=jobs)
    while True:
        with clock.stage("ingest"):
            d = next(docs, None)
        if d is None:
            return
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


def as_sources(sources: Any) -> Iterable[Any]:
    """``sources`` as an iterable of sources: one path, Document or string becomes a list of
    one; anything that is not a source, nor a collection of them, is an InputError at once (a
    dict or bytes would otherwise be taken apart into keys or numbers)."""
    if isinstance(sources, (str, os.PathLike, Document)):
        return [sources]
    if isinstance(sources, (bytes, bytearray, memoryview)):
        raise InputError(
            "cannot read bytes: give text (decode them first, e.g. data.decode('utf-8')), "
            "a path, or a kg.Document"
        )
    if isinstance(sources, Mapping):
        raise InputError(
            "cannot read a dict: give its text (e.g. d['text']), a kg.Document, or a path; "
            'a JSON Lines file of {"text": ...} records is read as documents'
        )
    if not isinstance(sources, Iterable):
        raise InputError(
            f"cannot read {sources!r}: give a path, a kg.Document, a string of text, or a list "
            "of them"
        )
    return sources


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


def chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``docs`` in lists of ``size`` (the last may be shorter), read as they come."""
    chunk: list[Document] = []
    for d in docs:
        chunk.append(d)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
