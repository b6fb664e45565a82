"""What a build asks of the store: which documents it holds afterwards, in which order, and
which extractions it can take from the cache or must parse (kg.run parses them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.records import DocExtraction
from kg.graph import DEFAULT_BASE
from kg.model import Document
from kg.store.cache import ExtractionCache, OlderKgError
from kg.store.layout import Manifest, StoreError, document_key


@dataclass
class Plan:
    """What a build is asked to do, against the version it starts from (``old``)."""

    old: Manifest | None
    order: dict[str, str]  # doc id -> extraction key, in build order, after the build
    given: dict[str, Document]  # the documents this build was given, by id
    keys: dict[str, str]  # their extraction keys
    removed: tuple[str, ...]
    base: str
    fp: str  # the extraction fingerprint (kg.store.layout.fingerprint)

    @property
    def added(self) -> list[str]:
        """Ids of the given documents the store did not hold, in build order."""
        return [i for i in self.given if self.old is None or i not in self.old.documents]

    @property
    def only_adds(self) -> bool:
        """Whether the build only adds documents to a version it can build on, unchanged from
        outside since (see Store.mark_modified): then that version's resolver takes them."""
        old = self.old
        return (
            old is not None
            and old.base == self.base
            and bool(old.digests)
            and not self.removed
            and all(old.documents.get(i, k) == k for i, k in self.keys.items())
        )


def plan(
    old: Manifest | None,
    docs: Sequence[Document],
    fp: str,
    *,
    base: str | None,
    replace: bool,
    remove: set[str],
) -> Plan:
    """The build of ``docs`` over the version ``old``: with ``replace`` the store then holds
    only ``docs``, else also the documents it held but those in ``remove``."""
    keys = {d.id: document_key(d, fp) for d in docs}
    order: dict[str, str] = {}
    if old is not None and not replace:
        order = {i: k for i, k in old.documents.items() if i not in remove}
    order.update(keys)
    removed = tuple(i for i in (old.documents if old else {}) if i not in order)
    base = base or (old.base if old else DEFAULT_BASE)
    return Plan(old, order, {d.id: d for d in docs}, keys, removed, base, fp)


@dataclass
class Gathered:
    """The extractions a build needs: kept ones, and the documents to parse."""

    exs: dict[str, DocExtraction] = field(default_factory=dict)
    todo: list[Document] = field(default_factory=list)
    older: list[str] = field(default_factory=list)  # ids whose kept entry an older kg wrote

    @property
    def notices(self) -> tuple[str, ...]:
        """The line that tells of entries an older kg wrote, parsed again."""
        if not self.older:
            return ()
        n = len(self.older)
        return (f"extraction cache from an older kg: {n} document{'s' * (n != 1)} parsed again",)


def gather(cache: ExtractionCache, p: Plan, need: list[str], folder: Path) -> Gathered:
    """The kept extractions of ``need``, and the documents of the others to parse: those
    given, and those whose kept entry an older kg wrote (their document read from it, and
    kept under a new key)."""
    got = Gathered()
    for doc_id in need:
        key = p.order[doc_id]
        try:
            ex = cache.load(key)
        except OlderKgError:
            ex = None
            got.older.append(doc_id)
        if ex is not None:
            got.exs[doc_id] = ex
        elif doc_id in p.given:
            got.todo.append(p.given[doc_id])
            if doc_id not in got.older and _was_older(cache, p, doc_id):
                got.older.append(doc_id)
        elif doc_id in got.older and (doc := cache.older_document(key)) is not None:
            got.todo.append(doc)
            p.order[doc_id] = document_key(doc, p.fp)
        else:
            raise StoreError(
                f"{folder}: the kept extraction of document {doc_id!r} is missing; "
                "rebuild with its source, or pass --replace"
            )
    return got


def _was_older(cache: ExtractionCache, p: Plan, doc_id: str) -> bool:
    """Whether the entry the last version kept for a given document, under another key, was
    written by an older kg (the document is parsed again either way)."""
    was = p.old.documents.get(doc_id) if p.old is not None else None
    return was is not None and was != p.order[doc_id] and cache.is_older(was)
