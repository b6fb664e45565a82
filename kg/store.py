"""The on-disk store: the default home of a build, queried with Oxigraph (pyoxigraph).

A store is a folder::

    kg-store.json           marks the folder as a kg store (format version)
    lock                    held (flock) by the one build that may write at a time
    CURRENT                 the name of the current version, replaced atomically
    versions/vNNNNNN/       one version: oxigraph/ (the RDF) and manifest.json
    extractions/<key>.pickle  each document's extraction, keyed by its content hash

Why versions: a build copies the current version (a RocksDB checkpoint, which hard-links its
files, so the copy costs little), applies its changes to the copy and then switches CURRENT.
A build that fails or is killed leaves CURRENT, and so the store, as it was; readers (``kg
query``, ``kg serve``) never see a half-written version.

Why per-document extractions: entity resolution is global, so adding one document can merge
or retype entities named in others. The store keeps each document's extraction (mentions and
facts before resolution) keyed by document id and a hash of its content and of the code and
model that read it, so a rebuild parses only new or changed documents and re-resolves from the
kept extractions. The RDF is kept in named graphs (see ``kg.rdf.parts``): one per document,
one for entities and facts, one for the vocabulary. Each graph's digest is in the manifest, so
a rebuild rewrites only the graphs whose content changed.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import hashlib
import json
import os
import pickle
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, KgError
from .graph import DEFAULT_BASE, KnowledgeGraph, from_parts
from .output import atomic_write

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .extract import DocExtraction
    from .model import Document
    from .sparql import Result

FORMAT = 1
MARKER = "kg-store.json"
# modules whose code decides what an extraction holds: a change to any invalidates the cache
_EXTRACTION_CODE = (
    "ingest.py",
    "extract.py",
    "relations.py",
    "classifier.py",
    "nlp.py",
    "model.py",
    "data/relations.npz",
    "data/types.npz",
    "data/demonyms.tsv",
)


class StoreError(KgError):
    """A store folder is missing, is not a kg store, or is damaged."""


class StoreBusyError(StoreError):
    """Another build holds the store's lock."""


@dataclass(frozen=True)
class BuildReport:
    """What one build did to the store."""

    graph: KnowledgeGraph
    parsed: tuple[str, ...]  # ids of documents parsed by this build
    reused: tuple[str, ...]  # ids of documents whose kept extraction was used
    removed: tuple[str, ...]  # ids of documents dropped from the store
    added_triples: int
    removed_triples: int
    version: str
    changed: bool


@dataclass
class _Manifest:
    base: str = DEFAULT_BASE
    # doc id -> extraction key, in build order (resolution depends on the order)
    documents: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # named graph part -> digest
    triples: int = 0

    @classmethod
    def load(cls, path: Path) -> _Manifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["base"], dict(data["documents"]), dict(data["digests"]), data["triples"])

    def dump(self) -> str:
        data = {
            "base": self.base,
            "documents": self.documents,
            "digests": self.digests,
            "triples": self.triples,
        }
        return json.dumps(data, indent=1, sort_keys=False) + "\n"


def _sha(*parts: object) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def fingerprint(model: Any = None, gazetteer: str | Path | None = None) -> str:
    """What, besides a document's own content, decides its extraction: kg's extraction code,
    the spaCy model and the gazetteer."""
    here = Path(__file__).parent
    code = [(here / name).read_bytes() for name in _EXTRACTION_CODE if (here / name).exists()]
    if model is None or isinstance(model, str):
        model_id = model or "default"
    else:
        meta = getattr(model, "meta", {}) or {}
        model_id = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    gaz = Path(gazetteer) if gazetteer else here / "data" / "gazetteer.jsonl"
    gaz_bytes = gaz.read_bytes() if gaz.is_file() else b""
    return _sha(FORMAT, *code, model_id, gaz_bytes)


def document_key(doc: Document, fp: str) -> str:
    """The key a document's extraction is kept under: its id, content and the fingerprint."""
    return _sha(fp, repr(doc))[:40]


class Store:
    """A kg store folder. ``Store(path).build(sources)`` creates it on first use.

    >>> import tempfile
    >>> s = Store(tempfile.mkdtemp() + "/store")
    >>> r = s.build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
    >>> s.query("ASK { ?p a schema:Person }").boolean
    True
    >>> s.build(["Acme Corp, a Boston-based startup, hired Jane Doe."]).changed
    False
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    # -- layout ------------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return (self.path / MARKER).is_file() and (self.path / "CURRENT").is_file()

    def _check(self) -> None:
        if not self.path.exists():
            raise StoreError(
                f"{self.path}: no such store; build one with `kg build SOURCES --out DIR`"
            )
        if not (self.path / MARKER).is_file():
            raise StoreError(f"{self.path}: not a kg store (no {MARKER})")
        if not (self.path / "CURRENT").is_file():
            raise StoreError(f"{self.path}: the store holds no finished build yet")

    @property
    def version(self) -> str:
        self._check()
        return (self.path / "CURRENT").read_text(encoding="utf-8").strip()

    @property
    def rdf_path(self) -> Path:
        """The Oxigraph database folder of the current version (what ``kg serve`` opens)."""
        return self.path / "versions" / self.version / "oxigraph"

    def _manifest(self) -> _Manifest:
        path = self.path / "versions" / self.version / "manifest.json"
        try:
            return _Manifest.load(path)
        except (OSError, ValueError, KeyError) as e:
            raise StoreError(f"{path}: damaged store manifest ({e})") from None

    @property
    def base(self) -> str:
        return self._manifest().base

    def documents(self) -> list[str]:
        """Ids of the documents in the store, in build order."""
        return list(self._manifest().documents)

    def __len__(self) -> int:
        return self._manifest().triples

    # -- locking -----------------------------------------------------------------------------

    @contextmanager
    def lock(self, *, wait: float = 0.0) -> Iterator[None]:
        """Hold the store's write lock; wait up to ``wait`` seconds for another build.

        The lock is an flock on ``lock``: the system releases it when its process ends, even
        when killed, so a crashed build never leaves the store locked.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + max(wait, 0.0)
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as e:
                    if e.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if time.monotonic() >= deadline:
                        holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                        raise StoreBusyError(
                            f"{self.path}: another build is writing this store"
                            + (f" (process {holder})" if holder else "")
                            + "; wait for it to finish, or pass --wait SECONDS"
                        ) from None
                    time.sleep(0.1)
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock

    # -- building ----------------------------------------------------------------------------

    def build(
        self,
        sources: Iterable[Any] | Any,
        *,
        model: Any = None,
        gazetteer: str | Path | None = None,
        base: str | None = None,
        replace: bool = False,
        wait: float = 0.0,
        progress: Callable[[int], None] | None = None,
        extractor: Callable[[Sequence[Document]], Iterable[DocExtraction]] | None = None,
    ) -> BuildReport:
        """Add ``sources`` to the store: new documents add their facts, a known document (same
        id) with new content replaces its facts, and every other document stays. With
        ``replace`` the store holds exactly ``sources`` afterwards.

        ``extractor`` parses the documents that need it (default: spaCy through
        ``kg.extract``); it must yield one DocExtraction per document, in order.
        """
        from . import ingest

        docs = ingest.read(sources)
        if not docs:
            raise InputError("no documents given: pass files, folders, kg.Documents or text")
        return self.update(
            docs,
            model=model,
            gazetteer=gazetteer,
            base=base,
            replace=replace,
            wait=wait,
            progress=progress,
            extractor=extractor,
        )

    def update(
        self,
        docs: Sequence[Document],
        *,
        model: Any = None,
        gazetteer: str | Path | None = None,
        base: str | None = None,
        replace: bool = False,
        remove: Iterable[str] = (),
        wait: float = 0.0,
        progress: Callable[[int], None] | None = None,
        extractor: Callable[[Sequence[Document]], Iterable[DocExtraction]] | None = None,
    ) -> BuildReport:
        """``build`` for documents already read; ``remove`` drops documents by id."""
        # a folder holding only the lock is a store whose first build was stopped early
        if (
            self.path.exists()
            and any(p.name != "lock" for p in self.path.iterdir())
            and not (self.path / MARKER).exists()
        ):
            raise StoreError(f"{self.path}: folder exists and is not a kg store; pick another")
        with self.lock(wait=wait):
            if not (self.path / MARKER).exists():
                atomic_write(self.path / MARKER, json.dumps({"kg-store": FORMAT}) + "\n")
            old = self._manifest() if (self.path / "CURRENT").exists() else None
            self._sweep(keep_previous=True)
            fp = fingerprint(model, gazetteer)
            new_keys = {d.id: document_key(d, fp) for d in docs}
            order: dict[str, str] = {}
            dropped = set(remove)
            if old is not None and not replace:
                order = {i: k for i, k in old.documents.items() if i not in dropped}
            for d in docs:
                order[d.id] = new_keys[d.id]
            removed = tuple(i for i in (old.documents if old else {}) if i not in order)
            by_id = {d.id: d for d in docs}
            exs: dict[str, DocExtraction] = {}
            todo: list[Document] = []
            for doc_id, key in order.items():
                ex = self._load_extraction(key)
                if ex is not None:
                    exs[doc_id] = ex
                elif doc_id in by_id:
                    todo.append(by_id[doc_id])
                else:
                    raise StoreError(
                        f"{self.path}: the kept extraction of document {doc_id!r} is missing; "
                        "rebuild with its source, or pass --replace"
                    )
            if todo:
                parsed = self._extract(todo, model, gazetteer, progress, extractor)
                if len(parsed) != len(todo):
                    raise StoreError(
                        f"{self.path}: the extractor returned {len(parsed)} "
                        f"results for {len(todo)} documents"
                    )
                for d, ex in zip(todo, parsed, strict=True):
                    self._save_extraction(order[d.id], ex)
                    exs[d.id] = ex
            base = base or (old.base if old else DEFAULT_BASE)
            graph = _resolve([exs[i] for i in order], base=base)
            version, added, dropped_n, changed = self._write_version(graph, order, base, old)
            reused = tuple(i for i in order if i not in {d.id for d in todo})
            return BuildReport(
                graph,
                tuple(d.id for d in todo),
                reused,
                removed,
                added,
                dropped_n,
                version,
                changed,
            )

    def knowledge_graph(self) -> KnowledgeGraph:
        """The graph the store holds, resolved again from the kept extractions."""
        man = self._manifest()
        exs = []
        for doc_id, key in man.documents.items():
            ex = self._load_extraction(key)
            if ex is None:
                raise StoreError(
                    f"{self.path}: the kept extraction of {doc_id!r} is missing or unreadable"
                )
            exs.append(ex)
        return _resolve(exs, base=man.base)

    def _extract(self, docs, model, gazetteer, progress, extractor) -> list[DocExtraction]:
        if extractor is not None:
            return list(extractor(docs))
        from . import nlp
        from .extract import extract

        pipeline = nlp.load(model, gazetteer=gazetteer)
        return list(extract(docs, pipeline, progress=progress))

    def _ex_path(self, key: str) -> Path:
        return self.path / "extractions" / f"{key}.pickle"

    def _load_extraction(self, key: str) -> DocExtraction | None:
        path = self._ex_path(key)
        try:
            with path.open("rb") as f:
                return _CacheUnpickler(f).load()
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or stale file: parse the document again
            return None

    def _save_extraction(self, key: str, ex: DocExtraction) -> None:
        path = self._ex_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(ex, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    def _write_version(
        self, graph: KnowledgeGraph, order: dict[str, str], base: str, old: _Manifest | None
    ) -> tuple[str, int, int, bool]:
        import pyoxigraph as ox

        from .rdf import document_parts, graph_iri, quads

        old_digests = old.digests if old is not None and old.base == base else {}
        # a document's part is made only when what it is made from changed: the cost of a
        # rebuild follows the documents it touches, plus the entities and facts
        doc_digests = document_parts(graph, base=base)
        same = {part for part, d in doc_digests.items() if old_digests.get(part) == d}
        by_part: dict[str, set[ox.Quad]] = defaultdict(set)
        for part, q in quads(graph, base=base, skip=same):
            by_part[part].add(q)
        digests = {part: _digest(qs) for part, qs in by_part.items() if part not in doc_digests}
        digests.update(doc_digests)
        if old is not None and old.digests == digests and old.documents == order:
            if old.base == base:
                return self.version, 0, 0, False
        versions = self.path / "versions"
        versions.mkdir(parents=True, exist_ok=True)
        name = f"v{self._next_number():06d}"
        target = versions / name
        added = removed = 0
        try:
            target.mkdir()
            if old is not None:
                ox.Store.read_only(str(self.rdf_path)).backup(str(target / "oxigraph"))
            db = ox.Store(str(target / "oxigraph"))
            if old is not None and old.base != base:
                db.clear()
            wanted = {str(graph_iri(base, part)) for part in digests}
            for g in list(db.named_graphs()) if old is not None else []:
                if isinstance(g, ox.NamedNode) and g.value not in wanted:
                    removed += sum(1 for _ in db.quads_for_pattern(None, None, None, g))
                    db.remove_graph(g)
            for part, qs in by_part.items():
                if old_digests.get(part) == digests[part]:
                    continue
                g = ox.NamedNode(str(graph_iri(base, part)))
                have = set(db.quads_for_pattern(None, None, None, g)) if old is not None else set()
                gone, new = have - qs, qs - have
                for q in gone:
                    db.remove(q)
                db.extend(new)
                added += len(new)
                removed += len(gone)
            total = (old.triples if old_digests else 0) + added - removed
            if added + removed > total // 10:
                # compact what was written: queries read one sorted run, not many. A small
                # change is left to RocksDB's own compaction, which costs far less than this
                # pass over the whole store
                db.optimize()
            db.flush()
            del db
            gc.collect()  # let RocksDB close the version before it is published
            man = _Manifest(base, dict(order), digests, total)
            atomic_write(target / "manifest.json", man.dump())
            _fsync_dir(target)
            atomic_write(self.path / "CURRENT", name + "\n")  # the switch
            _fsync_dir(self.path)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        self._sweep(keep_previous=True)
        return name, added, removed, True

    def _next_number(self) -> int:
        nums = [int(p.name[1:]) for p in (self.path / "versions").glob("v[0-9]*")]
        return max(nums, default=0) + 1

    def _sweep(self, *, keep_previous: bool) -> None:
        """Remove versions no reader can need: all but the current one and the one before."""
        versions = self.path / "versions"
        if not versions.is_dir() or not (self.path / "CURRENT").exists():
            return
        current = self.version
        names = sorted(p.name for p in versions.iterdir() if p.is_dir())
        keep = {current}
        older = [n for n in names if n < current]
        if keep_previous and older:
            keep.add(older[-1])
        for n in names:
            if n not in keep:
                shutil.rmtree(versions / n, ignore_errors=True)

    # -- querying ----------------------------------------------------------------------------

    def open(self) -> ox.Store:
        """The current version, opened read-only."""
        import pyoxigraph as ox

        path = self.rdf_path
        try:
            return ox.Store.read_only(str(path))
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store ({e})") from None

    def query(
        self,
        sparql: str,
        *,
        params: dict[str, Any] | None = None,
        timeout: float | None = None,
        source: str = "query",
    ) -> Result:
        """Run SPARQL over the store (its named graphs queried as one default graph)."""
        from .sparql import query_store

        self._check()
        if timeout:  # the worker opens its own handle
            return query_store(self.rdf_path, sparql, params=params, timeout=timeout, source=source)
        return query_store(self._handle(), sparql, params=params, source=source)

    def _handle(self) -> ox.Store:
        """The current version, kept open between queries (a version never changes once
        published, so the handle stays valid until the next build switches versions)."""
        version = self.version
        cached = getattr(self, "_open", None)
        if cached is None or cached[0] != version:
            self._open = (version, self.open())
        return self._open[1]

    def mark_modified(self) -> None:
        """Forget the digests, so that the next build compares every graph with what is
        stored (after the store was changed from outside, through SPARQL UPDATE)."""
        man = self._manifest()
        man.digests = {}
        atomic_write(self.path / "versions" / self.version / "manifest.json", man.dump())


class _CacheUnpickler(pickle.Unpickler):
    """Reads the extraction cache, which holds only kg's own dataclasses and plain values:
    any other class named in a file (the way a crafted pickle runs code) is refused, and the
    document is parsed again."""

    _PLAIN = {("collections", "Counter"), ("collections", "OrderedDict")}
    _PLAIN |= {("builtins", n) for n in ("tuple", "list", "dict", "set", "frozenset", "bool")}
    _PLAIN |= {("builtins", n) for n in ("int", "float", "str", "bytes", "complex")}
    _KG = {"kg.model", "kg.extract", "kg.classifier"}  # where the cached dataclasses live

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._PLAIN or (module in self._KG and "." not in name):
            obj = super().find_class(module, name)
            if isinstance(obj, type):
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} is not part of kg's extraction cache")


def _resolve(exs: list[DocExtraction], *, base: str) -> KnowledgeGraph:
    from .resolve import resolve

    return from_parts([ex.document for ex in exs], resolve(exs), base=base)


def _digest(quads: set[Any]) -> str:
    return _sha(*sorted(str(q) for q in quads))[:32]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
