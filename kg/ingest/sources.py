"""Sources: paths, folders, JSON Lines, Documents and strings, read as a stream of Documents.

A corpus build must not die on one bad file. A file found by walking a folder that cannot be
read as a document (binary, undecodable, unreadable, a FIFO or device, a page with no text), a
malformed JSON Lines record and an unreadable subfolder are each *skipped* and recorded in a
ReadReport (or logged as a one-line warning when no report is given). With ``strict`` the first
of them raises an InputError instead. A path named explicitly that cannot be read always raises:
the user asked for that file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from anyascii import anyascii

from kg.defaults import ID_DIGEST
from kg.errors import InputError
from kg.ingest.blocks import segment, split_long
from kg.ingest.encoding import decode_bytes
from kg.ingest.html import from_html
from kg.ingest.news import parse_date
from kg.ingest.text import from_text, printable, safe_id
from kg.model import Document, ReadReport, Skipped

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


class _Reader:
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
    Bad files inside folders are skipped and listed in ``report`` (see the module's docstring);
    ``strict`` stops at the first. ``exclude`` names folders never read (an output folder).
    A file's id is its path under ``root`` (see ``file_base``).
    """
    options = ReadOptions(
        strict, other_as_text, tuple(Path(p) for p in exclude), Path(root) if root else None
    )
    return unique_ids(iter_read(sources, options, report))


def iter_read(
    sources: Iterable[object] | object,
    options: ReadOptions | None = None,
    report: ReadReport | None = None,
) -> Iterator[Document]:
    """The documents of ``sources`` one file at a time (ids not yet made unique)."""
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    reader = _Reader(options or ReadOptions(), report)
    for src in sources:  # type: ignore[union-attr]
        if isinstance(src, Document):
            yield _given(src)
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and looks_like_path(src)):
            yield from _read_path(Path(src), reader)
        elif isinstance(src, str):
            yield from_text(src)
        else:
            raise InputError(f"cannot read {src!r}: give a path, a kg.Document or a string of text")


def _given(doc: Document) -> Document:
    text = printable(doc.text)
    blocks = split_long(text, doc.blocks) if doc.blocks else segment(text)
    # an id given in ASCII is the caller's own: made safe as it is ("../x" is "x"); one in
    # another script is spelled in ASCII with a digest, so that two never become one "doc"
    doc_id = safe_id(doc.id) if doc.id.isascii() else source_id(doc.id)
    return replace(doc, id=doc_id, text=text, blocks=blocks)


# What a source's name may hold and still be its id as it is (with '/' written '-'): any other
# character, a name cut short or an edge of '.', '_' or '-' makes the id its ASCII spelling
# plus a digest of the whole name, so that two names never share an id ("Über" and "Uber")
# and a name's id does not depend on which other files there are.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")
_ID_LENGTH = 120  # safe_id's bound, kept with the digest inside it


def source_id(name: str) -> str:
    """The id of a source named ``name`` (a path under the root without its suffix, a URL, an
    id given with the document): the name itself when it is plain ASCII, else its ASCII
    spelling and a short digest of the name. Stable: it depends on nothing but ``name``.

    >>> source_id("day1/article"), source_id("Über/straße")
    ('day1-article', 'Uber-strasse-760f262b')
    """
    plain = safe_id(name)
    if _PLAIN.fullmatch(name) and len(name) <= _ID_LENGTH and plain == name.replace("/", "-"):
        return plain
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:ID_DIGEST]
    spelled = safe_id(anyascii(name))[: _ID_LENGTH - ID_DIGEST - 1].rstrip("._-")
    return f"{spelled}-{digest}"


def url_name(url: str) -> str:
    """A URL as a source's name: without its scheme, 'www.' and a closing '/'."""
    name = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://(www\.)?", "", url.strip())
    return name.rstrip("/") or url


def file_base(path: Path, root: Path | None) -> Path:
    """The folder the ids of the files of ``path`` (a file or folder given) are paths under:
    ``root`` (the current folder when None) when ``path`` is inside it, else the folder
    holding ``path``, so that a folder's name is always part of its files' ids."""
    here = Path(os.path.abspath(root if root is not None else os.curdir))
    given = Path(os.path.abspath(path))
    return here if given.is_relative_to(here) else given.parent


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


def _read_path(path: Path, reader: _Reader) -> Iterator[Document]:
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such file or folder")
    base = file_base(path, reader.options.root)
    if path.is_dir():
        found = False
        for f in walk(path, reader):
            try:
                docs = read_file(f, base=base, reader=reader, other_as_text=True)
            except InputError as e:
                reader.bad(f, str(e).removeprefix(f"{f}: "))
                continue
            for d in docs:
                found = True
                yield d
        if not found and not (reader.report and reader.report.skipped):
            raise InputError(
                f"{path}: folder holds no readable documents "
                f"(looked for {', '.join(sorted(SUFFIXES))})"
            )
        return
    yield from read_file(path, base=base, reader=reader, other_as_text=True)


def walk(folder: Path, reader: _Reader) -> Iterator[Path]:
    """Files kg reads below ``folder``, in a stable order. Hidden files and folders are passed
    over; unreadable folders are reported; files of other kinds are counted (or read as text
    with ``other_as_text``)."""

    def unreadable(e: OSError) -> None:
        reader.bad(e.filename, f"cannot read folder ({e.strerror or e})")

    for root, dirs, files in os.walk(folder, onerror=unreadable):
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
    reader: _Reader | None = None,
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
        return list(_read_jsonl(text, path, doc_id, reader or _Reader(ReadOptions(), None)))
    doc = from_text(text, doc_id=doc_id, source=source, fmt=fmt)
    if not doc.kept:
        raise InputError(f"{path}: no text to read (the file is empty or all page furniture)")
    return [replace(doc, encoding=encoding)]


def _read_jsonl(text: str, path: Path, stem: str, reader: _Reader) -> Iterator[Document]:
    """One document a line: ``{"text": ..., "id"?, "title"?, "url"?, "date"?, "author"?}``.

    A record's id is its own "id", else its URL, else the file's and a digest of its text:
    never its line number, which a line added above it would change."""
    # split on newlines only: U+2028 and U+0085 may stand raw inside a JSON string
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            reader.bad(f"{path}:{n}", f"not valid JSON ({e.msg}, column {e.colno})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            reader.bad(f"{path}:{n}", "expected an object with a string field 'text'")
            continue
        yield from_record(rec, doc_id=_record_id(rec, stem), source=f"{path}:{n}")


def _record_id(rec: dict[str, object], stem: str) -> str:
    if rec.get("id") not in (None, ""):
        return source_id(str(rec["id"]))
    if url := _str(rec, "url"):
        return source_id(url_name(url))
    digest = hashlib.sha256(str(rec["text"]).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{stem}-{digest[:ID_DIGEST]}"


def _str(rec: dict[str, object], *keys: str) -> str | None:
    for k in keys:
        v = rec.get(k)
        if isinstance(v, (str, int, float)) and str(v).strip():
            return printable(str(v).strip())
    return None


def from_record(rec: dict[str, object], *, doc_id: str, source: str) -> Document:
    """A Document from a JSON record with the usual fields: text, title (or headline), url,
    date, author (a name or a list of names), language, site (or publisher), description."""
    doc = from_text(str(rec["text"]), doc_id=doc_id, title=_str(rec, "title", "headline"))
    author = rec.get("author", rec.get("authors"))
    names = [author] if isinstance(author, str) else author if isinstance(author, list) else []
    authors = tuple(printable(a.strip()) for a in names if isinstance(a, str) and a.strip())
    date = _str(rec, "date", "datePublished", "published")
    return replace(
        doc,
        source=source,
        authors=authors or doc.authors,
        date=(parse_date(date) or doc.date) if date else doc.date,
        url=_str(rec, "url"),
        language=_str(rec, "language", "lang") or doc.language,
        site=_str(rec, "site", "publisher", "sitename") or doc.site,
        description=_str(rec, "description"),
    )


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
