"""One pass over a corpus: what is read in what order, and what is skipped.

A pass is cut in two so that the files can be read in other processes (kg.run.read) and give
the same Documents, the same skipped inputs in the same order, and the same errors:

- ``plan`` lists the sources in input order as items: a Document ready (a given Document, a
  string of text), a file to read (``FileTask``), an input to skip (an unreadable folder), an
  error to raise (``Fail``: a path that does not exist), the end of a folder;
- ``read_task`` reads one file into an ``Outcome`` (its Documents, the records it skipped, or
  the error that stopped it), in whatever process;
- ``settle`` takes the items with their outcomes in input order and does what a pass does:
  yields the Documents, skips or raises as ``strict`` says, reports an empty folder.

An error is an item, not an exception raised while planning, so that a plan read ahead of the
files (as the processes do) raises at the same input as a pass that reads each file in turn.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.ingest.html import from_html
from kg.ingest.ids import file_base
from kg.ingest.language import identify
from kg.ingest.sources import (
    SUFFIXES,
    Reader,
    ReadOptions,
    Skip,
    given,
    looks_like_path,
    read_file,
    unique_ids,
    walk,
)
from kg.ingest.text import from_text
from kg.model import Document, ReadReport, Skipped


@dataclass(frozen=True)
class FileTask:
    """A file to read; ``in_folder`` when a folder's walk found it (a bad one is skipped)."""

    path: Path
    base: Path
    in_folder: bool


@dataclass(frozen=True)
class Fail:
    """An error to raise in its place among the inputs."""

    message: str


@dataclass(frozen=True)
class FolderEnd:
    """The end of a folder given: an error when none of its files gave a Document."""

    path: Path


@dataclass(frozen=True)
class Outcome:
    """What reading one file gave: its Documents and the records skipped, or an error."""

    docs: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    error: str | None = None


Item = Document | FileTask | Skip | Fail | FolderEnd


def plan(sources: Iterable[object] | object, reader: Reader) -> Iterator[Item]:
    """The items of a pass over ``sources``, in input order; folders are walked as the plan is
    read, and files of other kinds counted in the reader's report."""
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    for src in sources:  # type: ignore[union-attr]
        if isinstance(src, Document):
            yield given(src)
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and looks_like_path(src)):
            yield from _path_items(Path(src), reader)
        elif isinstance(src, str):
            yield from_text(src)
        else:
            yield Fail(f"cannot read {src!r}: give a path, a kg.Document or a string of text")


def _path_items(path: Path, reader: Reader) -> Iterator[Item]:
    if not os.path.lexists(path):
        yield Fail(f"{path}: no such file or folder")
        return
    base = file_base(path, reader.options.root)
    if not path.is_dir():
        yield FileTask(path, base, in_folder=False)
        return
    for f in walk(path, reader):
        yield f if isinstance(f, Skip) else FileTask(f, base, in_folder=True)
    yield FolderEnd(path)


def read_task(task: FileTask, options: ReadOptions) -> Outcome:
    """Read one file of a plan: in this process or another, the same Outcome."""
    local = Reader(options, ReadReport())
    try:
        docs = read_file(task.path, base=task.base, bad=local.bad, other_as_text=True)
    except InputError as e:
        return Outcome(error=str(e))
    assert local.report is not None
    return Outcome(tuple(docs), tuple(local.report.skipped))


def settle(done: Iterable[tuple[Item, Outcome | None]], reader: Reader) -> Iterator[Document]:
    """The Documents of a plan's items, each with its file's Outcome (None for other items),
    taken in input order: skips are reported (or raised when strict) where they fall."""
    found = False  # a Document came from the folder being walked
    for item, outcome in done:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Skip):
            reader.bad(item.path, item.reason)
        elif isinstance(item, Fail):
            raise InputError(item.message)
        elif isinstance(item, FolderEnd):
            if not found and not (reader.report and reader.report.skipped):
                raise InputError(
                    f"{item.path}: folder holds no readable documents "
                    f"(looked for {', '.join(sorted(SUFFIXES))})"
                )
            found = False
        elif outcome is not None:
            if outcome.error is not None:
                if not item.in_folder:
                    raise InputError(outcome.error)
                reader.bad(item.path, outcome.error.removeprefix(f"{item.path}: "))
                continue
            for s in outcome.skipped:
                reader.bad(s.path, s.reason)
            found = found or (item.in_folder and bool(outcome.docs))
            yield from outcome.docs


def iter_read(
    sources: Iterable[object] | object,
    options: ReadOptions | None = None,
    report: ReadReport | None = None,
) -> Iterator[Document]:
    """The documents of ``sources`` one file at a time (ids not yet made unique)."""
    reader = Reader(options or ReadOptions(), report)
    items = plan(sources, reader)
    yield from settle(
        ((i, read_task(i, reader.options) if isinstance(i, FileTask) else None) for i in items),
        reader,
    )


def read(
    sources: Iterable[object] | object,
    *,
    strict: bool = False,
    report: ReadReport | None = None,
    other_as_text: bool = False,
    exclude: Iterable[str | os.PathLike[str]] = (),
    root: str | os.PathLike[str] | None = None,
) -> list[Document]:
    """Documents from paths (files, folders read recursively), Documents and raw strings.

    A string is a path when it names an existing file or folder, or looks like one (a single
    line ending in a known suffix or holding a path separator); otherwise it is the text itself.
    Bad files inside folders are skipped and listed in ``report`` (see kg.ingest.sources);
    ``strict`` stops at the first. ``exclude`` names folders never read (an output folder).
    A file's id is its path under ``root`` (see ``kg.ingest.ids.file_base``).
    """
    return unique_ids(
        iter_read(sources, read_options(strict, other_as_text, exclude, root), report)
    )


def read_options(
    strict: bool = False,
    other_as_text: bool = False,
    exclude: Iterable[str | os.PathLike[str]] = (),
    root: str | os.PathLike[str] | None = None,
) -> ReadOptions:
    """``read``'s keyword arguments as ReadOptions."""
    return ReadOptions(
        strict, other_as_text, tuple(Path(p) for p in exclude), Path(root) if root else None
    )


# A page with too little text for an article: reading it loads what a first page loads.
_WARM_UP = (
    b"<html><head><title>Warm up</title></head><body><div><p>A short note.</p></div></body></html>"
)


def preload() -> None:
    """Load what reading loads once per process (the language model, about a second of CPU;
    trafilatura with its fallbacks and stop lists), so that processes forked after it share it
    rather than each loading its own."""
    identify("A sentence of a few words.")
    try:
        from_html(_WARM_UP, doc_id="warm-up", source="warm-up")
    except InputError:
        pass  # a page with no article: the libraries are loaded all the same
