"""The on-disk store: the default home of a build, queried with Oxigraph (pyoxigraph).

A store is a folder::

    kg-store.json           marks the folder as a kg store (format version)
    lock                    held (flock) by the one build that may write at a time
    CURRENT                 the name of the current version, replaced atomically
    versions/vNNNNNN/       one version: oxigraph/ (the RDF), manifest.json and
                            resolver.pickle (the resolution, ready to take more documents)
    extractions/<key>.pickle  each document's extraction, keyed by its content hash

Why versions: a build copies the current version (a RocksDB checkpoint, which hard-links its
files, so the copy costs little), applies its changes to the copy and then switches CURRENT.
A build that fails or is killed leaves CURRENT, and so the store, as it was; readers (``kg
query``, ``kg serve``) never see a half-written version.

Why per-document extractions: entity resolution is global, so adding one document can merge
or retype entities named in others. The store keeps each document's extraction (mentions and
facts before resolution) keyed by document id and a hash of its content and of the code and
model that read it, so a rebuild parses only new or changed documents. The RDF is kept in
named graphs (see ``kg.rdf.convert.parts``): one per document, one for entities and facts, one for
the vocabulary, each with its digest in the manifest.

A build that only adds documents takes the last version's kg.resolve.resolver.Resolver, adds the new
extractions to it and writes what changed: the new documents' graphs, the graphs of documents
whose mentions or evidence now belong to another entity or fact, and the entities and facts
whose triples changed. Its cost follows the new documents, not the store; the result is the
one a build of all the documents in one go gives. Any other build (a changed or removed
document, another base, a store changed through SPARQL UPDATE) resolves every kept
extraction again and compares each named graph with the stored one.
"""

from __future__ import annotations

import errno
import fcntl
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
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, KgError
from kg.files import atomic_write
from kg.graph import DEFAULT_BASE, KnowledgeGraph, from_parts
from kg.resolve.resolver import EntityRecord, Resolver, Snapshot
from kg.run.memory import frozen_list, gc_freezing, gc_paused

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.extract.records import DocExtraction
    from kg.model import Document
    from kg.query.sparql import Result

FORMAT = 1
MARKER = "kg-store.json"
STATE = "resolver.pickle"  # in each version: the resolution, ready to take more documents
# modules whose code decides what an extraction holds: a change to any invalidates the cache
_EXTRACTION_CODE = (
    "ingest/text.py",
    "extract/mentions.py",
    "extract/records.py",
    "extract/rules.py",
    "extract/classifier.py",
    "extract/pipeline.py",
    "model.py",
    "names.py",
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
    """What one build did to the store; ``graph`` is everything the store now holds."""

    parsed: tuple[str, ...]  # ids of documents parsed by this build
    reused: tuple[str, ...]  # ids of documents whose kept extraction was used
    removed: tuple[str, ...]  # ids of documents dropped from the store
    added_triples: int
    removed_triples: int
    version: str
    changed: bool
    incremental: bool  # whether only what the new documents touched was resolved and written
    make_graph: Callable[[], KnowledgeGraph] = field(repr=False, compare=False)

    @cached_property
    def graph(self) -> KnowledgeGraph:
        # made when asked for: after a small addition it costs more than the build itself
        return self.make_graph()


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
    here = Path(__file__).parents[1]
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
        ``kg.extract.mentions``); it must yield one DocExtraction per document, in order.
        """
        from kg.ingest import text as ingest

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
        with self.lock(wait=wait), gc_freezing() as freeze:
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
            base = base or (old.base if old else DEFAULT_BASE)
            # documents that were not in the store, in build order; the rest are kept as they are
            added = [d for d in docs if old is None or d.id not in old.documents]
            state = None
            if (
                old is not None
                and old.base == base
                and old.digests  # not changed from outside since (see mark_modified)
                and not removed
                and all(old.documents.get(d.id, new_keys[d.id]) == new_keys[d.id] for d in docs)
            ):
                state = self._load_state(old, freeze)
            by_id = {d.id: d for d in docs}
            # the extractions a build needs: after a pure addition only the new documents'
            need = [d.id for d in added] if state is not None else list(order)
            exs: dict[str, DocExtraction] = {}
            todo: list[Document] = []
            for doc_id in need:
                ex = self._load_extraction(order[doc_id])
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
            # the documents at hand: a kept document's is read from its extraction only when
            # this build did not give it
            known = {**by_id, **{i: ex.document for i, ex in exs.items()}}
            with gc_paused():  # see kg.run.local.gc_paused
                graph: KnowledgeGraph | None = None
                if state is not None:
                    assert old is not None
                    before = state.last
                    state.add(exs[i] for i in need)
                    version, n_added, n_removed, changed = self._write_addition(
                        state, before, state.snapshot(), known, order, base, old
                    )
                else:
                    state = Resolver().add(exs[i] for i in order)
                    graph = from_parts([exs[i].document for i in order], state.result(), base=base)
                    version, n_added, n_removed, changed = self._write_version(
                        graph, order, base, old, state
                    )
            parsed_ids = {d.id for d in todo}
            return BuildReport(
                tuple(d.id for d in todo),
                tuple(i for i in order if i not in parsed_ids),
                removed,
                n_added,
                n_removed,
                version,
                changed,
                incremental=len(need) < len(order),
                make_graph=self._graph_from(state, order, base, known, graph),
            )

    def _graph_from(
        self,
        state: Resolver,
        order: dict[str, str],
        base: str,
        known: dict[str, Document],
        made: KnowledgeGraph | None,
    ) -> Callable[[], KnowledgeGraph]:
        """How BuildReport.graph is made: the graph a full build made, else from ``state``."""
        snap = state.last

        def make() -> KnowledgeGraph:
            if made is not None:
                return made
            assert snap is not None
            docs = [known[i] if i in known else self._document(i, k) for i, k in order.items()]
            return from_parts(docs, state.materialize(snap), base=base)

        return make

    def _document(self, doc_id: str, key: str) -> Document:
        ex = self._load_extraction(key)
        if ex is None:
            raise StoreError(
                f"{self.path}: the kept extraction of {doc_id!r} is missing or unreadable; "
                "build again with its source among the sources"
            )
        return ex.document

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
            return frozen_list(extractor(docs))
        from kg.extract import pipeline as nlp
        from kg.extract.mentions import extract

        pipeline = nlp.load(model, gazetteer=gazetteer)
        return frozen_list(extract(docs, pipeline, progress=progress))

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
        self,
        graph: KnowledgeGraph,
        order: dict[str, str],
        base: str,
        old: _Manifest | None,
        state: Resolver,
    ) -> tuple[str, int, int, bool]:
        """A new version holding ``graph``: each named graph is compared with the stored one,
        and a document's graph is made only when what it is made from changed."""
        import pyoxigraph as ox

        from kg.rdf.convert import document_parts, graph_iri, quads

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

        def apply(db: ox.Store) -> tuple[int, int]:
            added = removed = 0
            if old is not None and old.base != base:
                db.clear()
            wanted = {str(graph_iri(base, part)) for part in digests}
            for g in list(db.named_graphs()) if old is not None else []:
                if isinstance(g, ox.NamedNode) and g.value not in wanted:
                    removed += sum(1 for _ in db.quads_for_pattern(None, None, None, g))
                    db.remove_graph(g)
            a, r = _replace_graphs(
                db,
                (
                    (ox.NamedNode(str(graph_iri(base, part))), qs)
                    for part, qs in by_part.items()
                    if old_digests.get(part) != digests[part]
                ),
                old,
            )
            return added + a, removed + r

        return self._publish(old, old_digests, apply, _Manifest(base, dict(order), digests), state)

    def _write_addition(
        self,
        state: Resolver,
        before: Snapshot | None,
        snap: Snapshot,
        known: dict[str, Document],
        order: dict[str, str],
        base: str,
        old: _Manifest,
    ) -> tuple[str, int, int, bool]:
        """A new version after documents were only added: the graphs of the new documents, of
        the documents whose mentions or evidence moved, and the entities and facts that changed
        are written; nothing else is made or compared."""
        import pyoxigraph as ox

        from kg.rdf.convert import document_parts, graph_iri, quads

        assert before is not None
        docs = {i for i in order if i not in old.documents}  # the new documents
        # mentions whose entity changed, or that a dropped name left or a kept one gained
        for k, eid in snap.key_entity.items():
            was = before.key_entity.get(k)
            if (was, was in before.kept) != (eid, eid in snap.kept):
                docs |= state.names[k].docs
        # evidence that joined or left a fact, or moved to another
        facts: dict[bool, set[tuple]] = {False: set(), True: set()}
        for negated, then, now in (
            (False, before.relations, snap.relations),
            (True, before.flagged, snap.flagged),
        ):
            for key in then.keys() | now.keys():
                a, b = then.get(key), now.get(key)
                moved = (key[2] in before.entities) != (key[2] in snap.entities)
                if not moved and a == b:
                    continue  # (a group left as it was holds the very same evidence tuple)
                facts[negated].add(key)
                was, now_evs = set(a[0] if a else ()), set(b[0] if b else ())
                # a fact whose object became an entity (or stopped being one) has a new IRI
                docs |= {e[0] for e in ((was | now_evs) if moved else (was ^ now_evs))}
        entities = {
            eid
            for eid in before.kept.keys() | snap.kept.keys()
            if _shown(before.kept.get(eid)) != _shown(snap.kept.get(eid))
        }
        if not docs and not entities and not any(facts.values()):
            return self.version, 0, 0, False

        # the documents' graphs, made from their mentions and evidence alone
        documents = [known[i] if i in known else self._document(i, order[i]) for i in docs]
        part_of = from_parts(documents, state.materialize(snap, documents=docs), base=base)
        digests = dict(old.digests)
        doc_digests = document_parts(part_of, base=base)
        same = {p for p, d in doc_digests.items() if digests.get(p) == d}
        by_part: dict[str, set[ox.Quad]] = defaultdict(set)
        for part, q in quads(part_of, base=base, skip=_Skip(same, entities=True)):
            by_part[part].add(q)
        digests.update(doc_digests)
        # the entities' graph: the triples of what changed, as it was and as it is
        ents: dict[str, tuple[set, set]] = {}
        for side, sn in enumerate((before, snap)):
            small = _changed_only(sn, entities, facts, base)
            for part, q in quads(small, base=base, skip=_Skip(set(), docs=True)):
                ents.setdefault(part, (set(), set()))[side].add(q)
        gone, new = ents.get("entities", (set(), set()))
        gone, new = gone - new, new - gone
        digests["entities"] = _digest(new, start=digests.get("entities", ""), minus=gone)

        def apply(db: ox.Store) -> tuple[int, int]:
            for q in gone:
                db.remove(q)
            _insert(db, list(new))
            graphs = ((ox.NamedNode(str(graph_iri(base, p))), qs) for p, qs in by_part.items())
            a, r = _replace_graphs(db, graphs, old)
            return len(new) + a, len(gone) + r

        return self._publish(old, old.digests, apply, _Manifest(base, dict(order), digests), state)

    def _publish(
        self,
        old: _Manifest | None,
        old_digests: dict[str, str],
        apply: Callable[[ox.Store], tuple[int, int]],
        man: _Manifest,
        state: Resolver,
    ) -> tuple[str, int, int, bool]:
        """Make a new version from the current one (a checkpoint) with ``apply``'s changes,
        then switch CURRENT to it."""
        import pyoxigraph as ox

        versions = self.path / "versions"
        versions.mkdir(parents=True, exist_ok=True)
        name = f"v{self._next_number():06d}"
        target = versions / name
        try:
            target.mkdir()
            if old is not None:
                ox.Store.read_only(str(self.rdf_path)).backup(str(target / "oxigraph"))
            db = ox.Store(str(target / "oxigraph"))
            added, removed = apply(db)
            man.triples = (old.triples if old_digests else 0) + added - removed
            if added + removed > man.triples // 10:
                # compact what was written: queries read one sorted run, not many. A small
                # change is left to RocksDB's own compaction, which costs far less than this
                # pass over the whole store
                db.optimize()
            db.flush()
            del db  # closes RocksDB: nothing else holds the handle
            with (target / STATE).open("wb") as f:
                pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
                f.flush()
                os.fsync(f.fileno())
            atomic_write(target / "manifest.json", man.dump())
            _fsync_dir(target)
            atomic_write(self.path / "CURRENT", name + "\n")  # the switch
            _fsync_dir(self.path)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        self._sweep(keep_previous=True)
        return name, added, removed, True

    def _load_state(self, man: _Manifest, freeze: Callable[[], None]) -> Resolver | None:
        """The current version's resolver, if it is there, readable and of these documents."""
        # The resolver is a great many small objects, none in a cycle: the cyclic garbage
        # collector would walk them all at every full collection, and often while they are
        # read. So it pauses while they are read, and then ``freeze`` (kg.run.local.gc_freezing)
        # leaves them, and whatever else the process holds, alone until the build ends.
        try:
            with gc_paused(), (self.path / "versions" / self.version / STATE).open("rb") as f:
                state = _CacheUnpickler(f).load()
        except Exception:  # missing, damaged or from another kg: resolve everything again
            return None
        freeze()
        if not isinstance(state, Resolver) or state.last is None:
            return None
        return state if state.documents == list(man.documents) else None

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
        from kg.query.sparql import query_store

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
    _KG = {"kg.model", "kg.extract.records", "kg.resolve.resolver"}  # kg's cached classes

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._PLAIN or (module in self._KG and "." not in name):
            obj = super().find_class(module, name)
            if isinstance(obj, type):
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} is not part of kg's extraction cache")


def _resolve(exs: list[DocExtraction], *, base: str) -> KnowledgeGraph:
    from kg.resolve.resolver import resolve

    return from_parts([ex.document for ex in exs], resolve(exs), base=base)


def _digest(quads: Iterable[Any], *, start: str = "", minus: Iterable[Any] = ()) -> str:
    """A digest of a set of quads that can be updated: the sum of their hashes (mod 2^128),
    ``start`` plus ``quads`` less ``minus``."""
    total = int(start, 16) if start else 0
    for sign, qs in ((1, quads), (-1, minus)):
        for q in qs:
            h = hashlib.blake2b(str(q).encode("utf-8"), digest_size=16).digest()
            total += sign * int.from_bytes(h, "big")
    return f"{total % (1 << 128):032x}"


def _replace_graphs(
    db: Any, graphs: Iterable[tuple[Any, set[Any]]], old: _Manifest | None
) -> tuple[int, int]:
    """Make each named graph hold its quads: (quads added, quads removed). The new quads go
    in at once, so that a large load can write RocksDB's files directly (``_insert``)."""
    new: list[Any] = []
    removed = 0
    for g, qs in graphs:
        have = set(db.quads_for_pattern(None, None, None, g)) if old is not None else set()
        for q in have - qs:
            db.remove(q)
            removed += 1
        new.extend(qs - have)
    _insert(db, new)
    return len(new), removed


BULK = 50_000  # quads from which a load writes RocksDB's files directly


def _insert(db: Any, quads: list[Any]) -> None:
    # bulk_extend writes sorted files without a transaction: safe here, as a version is the
    # build's own copy until it is published, and thrown away if anything fails
    (db.bulk_extend if len(quads) >= BULK else db.extend)(quads)


class _Skip:
    """The parts kg.rdf's parts() leaves out: those named, and every document's or the entities'."""

    def __init__(self, parts: set[str], *, docs: bool = False, entities: bool = False) -> None:
        self.parts, self.docs, self.entities = parts, docs, entities

    def __contains__(self, part: object) -> bool:
        if part == "vocab" or part in self.parts:
            return True
        return self.entities if part == "entities" else self.docs


def _shown(e: EntityRecord | None) -> tuple | None:
    """What the entities' graph says of an entity."""
    return None if e is None else (e.id, e.name, e.type, e.aliases)


def _changed_only(
    snap: Snapshot, entities: set[str], facts: dict[bool, set[tuple]], base: str
) -> KnowledgeGraph:
    """A graph of the entities and facts named, as ``snap`` has them (no mentions, no
    evidence): what kg.rdf.convert.parts makes of them is their share of the entities' graph."""
    from kg.model import Entity, Relation
    from kg.vocab import PREDICATES

    def entity(eid: str) -> Entity:
        e = snap.entities[eid]
        return Entity(e.id, e.name, e.type, e.aliases)

    def relations(negated: bool) -> list[Relation]:
        held = snap.flagged if negated else snap.relations
        out = []
        for key in sorted(facts[negated] & held.keys()):
            sid, pred, okey = key
            obj = entity(okey) if okey in snap.entities else okey
            out.append(Relation(entity(sid), pred, obj, PREDICATES[pred].wikidata, held[key][1]))
        return out

    ents = [entity(eid) for eid in sorted(entities & snap.kept.keys())]
    return KnowledgeGraph(ents, relations(False), flagged=relations(True), base=base)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
