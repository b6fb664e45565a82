"""Which given document is which kept one: a build replaces a kept document only when the
document it is given under the same id comes from the same source.

Ids come from sources (kg.ingest.sources.source_id): a file's path under the root, a record's
URL or own id. Two sources can still meet on one id: files built with different roots
("day1/article.txt" and "day2/article.txt", each read from inside its folder), or names that
spell the same id ("a/b.txt" and "a-b.txt", "a.txt" and "a.md"). A given document whose id the
store holds for another source is kept beside it, under its id and a digest of its source,
never in its place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from kg.defaults import ID_DIGEST
from kg.model import Document
from kg.store.layout import Manifest, document_key

# the line number a JSON Lines record's source ends with ("feed.jsonl:12"): a record that
# moves to another line is still the same source
_LINE = re.compile(r"(?i)(\.jsonl):\d+$")
# path components of a source that name where it is: a file read from another folder, or by
# an absolute path, is the same source when the last of them agree
_TAIL = 2


@dataclass(frozen=True)
class Identified:
    """The given documents, each under the id it is kept by, and the ids of kept documents
    they replace (the same source, changed)."""

    docs: list[Document]
    replaced: tuple[str, ...]
    renamed: dict[str, str]  # id a document was given under -> the id it is kept under


def origin(doc: Document) -> tuple[str, ...] | None:
    """Where a document was read from, as path components (None for one given as text)."""
    if doc.source is None:
        return None
    parts = PurePosixPath(_LINE.sub(r"\1", doc.source.replace("\\", "/"))).parts
    return tuple(p for p in parts if p not in ("/", "."))


def same_source(a: Document, b: Document) -> bool:
    """Whether two documents come from one source: the same URL, or paths of which the
    shorter is the end of the longer ("day1/a.txt" and "/data/day1/a.txt"); two documents
    read from no path (text given as a string, a Document of the caller's) are one by their
    id unless their URLs differ."""
    if a.url and a.url == b.url:
        return True
    oa, ob = origin(a), origin(b)
    if oa is None or ob is None:
        return oa == ob and a.url == b.url
    short, long = sorted((oa, ob), key=len)
    return long[len(long) - len(short) :] == short


def source_digest(doc: Document) -> str:
    """A short digest of where ``doc`` comes from (the end of its path, or its URL)."""
    o = origin(doc) or (doc.url or doc.text,)
    name = "/".join(o[-_TAIL:])
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:ID_DIGEST]


def identify(
    old: Manifest | None,
    docs: Sequence[Document],
    fp: str,
    kept: Callable[[str], Document | None],
) -> Identified:
    """Each of ``docs`` under the id it is kept by, against the version ``old``: a document
    the store holds under its id with other content is the kept one changed (and replaces
    it) when it comes from the same source, else another document (kept beside it).
    ``kept(key)`` reads a kept document (None when it cannot be read: then the given one
    replaces it, as the store cannot tell)."""
    if old is None:
        return Identified(list(docs), (), {})
    out: list[Document] = []
    replaced: list[str] = []
    renamed: dict[str, str] = {}
    taken = {d.id for d in docs}
    for d in docs:
        given = d.id
        for _ in range(2):  # the id of the source's digest may be held too
            key = old.documents.get(d.id)
            if key is None or key == document_key(d, fp):
                break
            was = kept(key)
            if was is None or same_source(was, d):
                # its text changed (not only how kg reads it: a newer kg parses it again quietly)
                if was is None or was.text != d.text:
                    replaced.append(d.id)
                break
            new_id = f"{given}-{source_digest(d)}"
            if new_id in taken:
                break
            taken.add(new_id)
            d = replace(d, id=new_id)
        if d.id != given:
            renamed[given] = d.id
        out.append(d)
    return Identified(out, tuple(replaced), renamed)
