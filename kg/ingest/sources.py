"""Sources: the pieces a pass over a corpus is made of (kg.ingest.corpus puts them in order).

A corpus build must not die on one bad file. A file found by walking a folder that cannot be
read as a document (binary, undecodable, unreadable, a FIFO or device, a page with no text), a
malformed JSON Lines record and an unreadable subfolder are each *skipped* and recorded in a
ReadReport (or logged as a one-line warning when no report is given). With ``strict`` the first
of them raises an InputError instead. A path named explicitly that cannot be read always raises:
the user asked for that file.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import InputError
from kg.ingest.blocks import segment, split_long
from kg.ingest.encoding import decode_bytes
from kg.ingest.html import from_html
from kg.ingest.ids import file_base, source_id, url_name
from kg.ingest.jsonl import from_record, read_jsonl
from kg.ingest.text import from_text, printable, safe_id
from kg.model import Document, ReadReport, Skipped

__all__ = [
    "SUFFIXES",
    "ReadOptions",
    "Reader",
    "Skip",
    "file_base",
    "from_record",
    "given",
    "looks_like_path",
    "read_file",
    "source_id",
    "unique_ids",
    "url_name",
    "walk",
]

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
}

log = logging.getLogger("kg.ingest")


@dataclass(frozen=True)
class ReadOptions:
    """How to read a corpus: see ``read``."""

    strict: bool = False
    other_as_text: bool = False  # read files of unknown kinds (.sgm, .csv, ...) as plain text
    exclude: tuple[Path, ...] = ()  # folders never read as input (the build's output folder)
    # the folder a file's id is its path under (see ``file_base``); None is the current one
    root: Path | None = None


class Reader:
    """One pass over the sources: the options, and where skipped inputs are reported."""

    def __init__(self, options: ReadOptions, report: ReadReport | None) -> None:
        self.options = options
        self.report = report
        self.exclude = {_resolved(p) for p in options.exclude}

    def bad(self, path: object, reason: str) -> None:
        """Skip ``path`` for ``reason``, or stop the read when it is strict."""
        if self.options.strict:
            raise InputError(f"{path}: {reason}")
        if self.report is not None:
            self.report.skipped.append(Skipped(str(path), reason))
        else:
            log.warning("skipped %s: %s", path, reason)

    def other_kind(self, path: Path) -> None:
        suffix = path.suffix.lower() or "(no suffix)"
        if self.report is not None:
            self.report.other_kinds[suffix] = self.report.other_kinds.get(suffix, 0) + 1


def given(doc: Document) -> Document:
    """A Document given as a source: its text made printable, cut into blocks, its id safe."""
    text = printable(doc.text)
    blocks = split_long(text, doc.blocks) if doc.blocks else segment(text)
    # an id given in ASCII is the caller's own: made safe as it is ("../x" is "x"); one in
    # another script is spelled in ASCII with a digest, so that two never become one "doc"
    doc_id = safe_id(doc.id) if doc.id.isascii() else source_id(doc.id)
    return replace(doc, id=doc_id, text=text, blocks=blocks)


def looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    if os.path.exists(s):
        return True
    return Path(s).suffix.lower() in SUFFIXES or os.sep in s and " " not in s


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


@dataclass(frozen=True)
class Skip:
    """An input to skip (an unreadable folder), in its place among the files read."""

    path: str
    reason: str


def walk(folder: Path, reader: Reader) -> Iterator[Path | Skip]:
    """Files kg reads below ``folder``, in a stable order, and the unreadable folders among
    them where the walk meets them. Hidden files and folders are passed over; files of other
    kinds are counted (or read as text with ``other_as_text``)."""
    unreadable: list[Skip] = []

    def note(e: OSError) -> None:
        unreadable.append(Skip(str(e.filename), f"cannot read folder ({e.strerror or e})"))

    for root, dirs, files in os.walk(folder, onerror=note):
        yield from unreadable
        unreadable.clear()
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and _resolved(Path(root, d)) not in reader.exclude
        )
        for name in sorted(files):
            p = Path(root, name)
            if name.startswith("."):
                continue
            if p.suffix.lower() in SUFFIXES or reader.options.other_as_text:
                yield p
            else:
                reader.other_kind(p)
    yield from unreadable


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; never opens a FIFO or a device (reading one may block forever)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    for test, what in _SPECIAL:
        if test(mode):
            raise InputError(f"{path}: special file ({what}), not a document")
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: a folder, not a file")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def read_file(
    path: Path,
    *,
    base: Path,
    bad: Callable[[str, str], None] | None = None,
    other_as_text: bool = False,
) -> list[Document]:
    """The documents of one file (several for JSON Lines), or an InputError naming it."""
    fmt = SUFFIXES.get(path.suffix.lower(), "text" if other_as_text else "")
    if not fmt:
        raise InputError(f"{path}: not a kind of file kg reads ({', '.join(sorted(SUFFIXES))})")
    raw = _read_bytes(path)
    full = Path(os.path.abspath(path))
    rel = full.relative_to(base) if full.is_relative_to(base) else Path(path.name)
    doc_id = source_id(rel.with_suffix("").as_posix())
    source = path.as_posix()
    if fmt == "html":
        return [from_html(raw, doc_id=doc_id, source=source)]
    text, encoding = decode_bytes(raw, str(path))
    if fmt == "jsonl":
        return list(read_jsonl(text, path, doc_id, bad or Reader(ReadOptions(), None).bad))
    doc = from_text(text, doc_id=doc_id, source=source, fmt=fmt)
    if not doc.kept:
        raise InputError(f"{path}: no text to read (the file is empty or all page furniture)")
    return [replace(doc, encoding=encoding)]


def unique_ids(docs: Iterable[Document]) -> list[Document]:
    """Documents with distinct ids: a repeated id gets the first free suffix -2, -3, ..."""
    seen: set[str] = set()
    out = []
    for d in docs:
        doc_id, n = d.id, 1
        while doc_id in seen:  # "a", "a", "a-2" must not give two "a-2"
            n += 1
            doc_id = f"{d.id}-{n}"
        seen.add(doc_id)
        out.append(d if doc_id == d.id else replace(d, id=doc_id))
    return out
