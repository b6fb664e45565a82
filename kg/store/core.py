"""The on-disk store: the default home of a build, queried with Oxigraph (pyoxigraph).

The store's parts, one concern each: the folder's layout and manifest (kg.store.layout), the
extraction cache (kg.store.cache), what a build asks for (kg.store.plan), what it changes
(kg.store.diff), how that is written (kg.store.write) into a new version (kg.store.versions).

Why per-document extractions: entity resolution is global, so adding one document can merge
or retype entities named in others. The store keeps each document's extraction (mentions and
facts before resolution, kg.store.cache) keyed by document id and a hash of its content and of
the code and model that read it, so a rebuild parses only new or changed documents, through
kg.run as every build does.

A build that only adds documents takes the last version's kg.resolve.resolver.Resolver, adds the
new extractions to it and writes what changed (kg.store.diff). Its cost follows the new
documents, not the store; the result is the one a build of all the documents in one go gives.
Any other build (a changed or removed document, another base, a store changed through SPARQL
UPDATE) resolves every kept extraction again and compares each named graph with the stored one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg import ingest
from kg.errors import InputError
from kg.extract.records import DocExtraction
from kg.files import atomic_write
from kg.graph import KnowledgeGraph, from_parts
from kg.model import Document
from kg.query.sparql import Result, query_store
from kg.resolve.resolver import Resolver
from kg.run.local import assemble, extractions
from kg.run.memory import frozen_list, gc_freezing, gc_paused
from kg.run.parse import as_sources
from kg.store import cache, versions, write
from kg.store.cache import ExtractionCache, OlderKgError
from kg.store.identity import identify
from kg.store.layout import (
    CURRENT,
    FORMAT,
    MANIFEST,
    MARKER,
    STATE,
    Manifest,
    StoreBusyError,
    StoreError,
    damaged,
    fingerprint,
)
from kg.store.plan import Gathered, Plan, gather, plan
from kg.store.versions import Written

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BuildReport", "Store", "StoreBusyError", "StoreError"]

Extractor = Callable[[Sequence[Document]], Iterable[DocExtraction]]


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
    # one line for each thing the build did that its caller should hear of (an older cache)
    notices: tuple[str, ...] = ()
    # ids of kept documents this build replaced: the same source, read again with changes
    replaced: tuple[str, ...] = ()
    # ids given to documents of another source than the kept one of their id (see
    # kg.store.identity): the id each was given -> the id it is kept under
    renamed: dict[str, str] = field(default_factory=dict)

    @cached_property
    def graph(self) -> KnowledgeGraph:
        # made when asked for: after a small addition it costs more than the build itself
        return self.make_graph()


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
        self.cache = ExtractionCache(self.path / "extractions")

    # -- layout ------------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return (self.path / MARKER).is_file() and (self.path / CURRENT).is_file()

    def _check(self) -> None:
        if not self.path.exists():
            raise StoreError(
                f"{self.path}: no such store; build one with `kg build SOURCES --out DIR`"
            )
        if not (self.path / MARKER).is_file():
            raise StoreError(f"{self.path}: not a kg store (no {MARKER})")
        if not (self.path / CURRENT).is_file():
            raise StoreError(f"{self.path}: the store holds no finished build yet")

    @property
    def version(self) -> str:
        self._check()
        return (self.path / CURRENT).read_text(encoding="utf-8").strip()

    @property
    def rdf_path(self) -> Path:
        """The Oxigraph database folder of the current version (what ``kg serve`` opens)."""
        return self.path / "versions" / self.version / "oxigraph"

    def _manifest(self) -> Manifest:
        return Manifest.load(self.path / "versions" / self.version / MANIFEST)

    @property
    def base(self) -> str:
        return self._manifest().base

    def documents(self) -> list[str]:
        """Ids of the documents in the store, in build order."""
        return list(self._manifest().documents)

    def __len__(self) -> int:
        return self._manifest().triples

    @contextmanager
    def lock(self, *, wait: float = 0.0) -> Iterator[None]:
        """Hold the store's write lock; wait up to ``wait`` seconds for another build."""
        with versions.lock(self.path, wait=wait):
            yield

    # -- building ----------------------------------------------------------------------------

    def build(self, sources: Iterable[Any] | Any, **options: Any) -> BuildReport:
        """Add ``sources`` to the store: new documents add their facts, a known document (same
        id, same source) with new content replaces its facts, and every other document stays.
        A document whose id the store holds for another source is kept beside it (see
        kg.store.identity). With
        ``replace=True`` the store holds exactly ``sources`` afterwards. The options are
        ``update``'s."""
        docs = ingest.read(as_sources(sources))
        if not docs:
            raise InputError("no documents given: pass files, folders, kg.Documents or text")
        return self.update(docs, **options)

    def update(
        self,
        docs: Sequence[Document],
        *,
        model: str | Language | None = None,
        gazetteer: str | Path | None = None,
        jobs: int = 1,
        base: str | None = None,
        replace: bool = False,
        remove: Iterable[str] = (),
        wait: float = 0.0,
        progress: Callable[[int], None] | None = None,
        extractor: Extractor | None = None,
    ) -> BuildReport:
        """``build`` for documents already read; ``remove`` drops documents by id.

        The documents to parse are parsed as every build parses them (kg.run.local.extractions,
        in ``jobs`` processes), or by ``extractor``, which must yield one DocExtraction per
        document, in order.
        """
        self._refuse_other_folder()
        with self.lock(wait=wait), gc_freezing() as freeze:
            if not (self.path / MARKER).exists():
                atomic_write(self.path / MARKER, json.dumps({"kg-store": FORMAT}) + "\n")
            old = self._manifest() if (self.path / CURRENT).exists() else None
            versions.sweep(self.path, keep_previous=True)
            fp = fingerprint(model, gazetteer)
            who = identify(old, docs, fp, self._kept_document)
            p = plan(old, who.docs, fp, base=base, replace=replace, remove=set(remove))
            state = self._load_state(old, freeze) if p.only_adds else None
            # the extractions a build needs: after a pure addition only the new documents'
            need = p.added if state is not None else list(p.order)
            got = gather(self.cache, p, need, self.path)
            kept = len(p.given) - len({d.id for d in got.todo} & p.given.keys())
            if progress is not None and kept:  # the given documents it need not parse
                progress(kept)
            if got.todo:
                parse = {"model": model, "gazetteer": gazetteer, "jobs": jobs}
                self._parse(p, got, extractor, progress=progress, **parse)
            # the documents at hand: a kept document's is read from its extraction only when
            # this build did not give it
            known = {**p.given, **{i: ex.document for i, ex in got.exs.items()}}
            with gc_paused():  # see kg.run.memory.gc_paused
                made, state, written = self._write(p, state, [got.exs[i] for i in need], known)
            if written.changed:
                self._prune()
            parsed = {d.id for d in got.todo}
            return BuildReport(
                tuple(d.id for d in got.todo),
                tuple(i for i in p.order if i not in parsed),
                p.removed,
                written.added,
                written.removed,
                written.version,
                written.changed,
                incremental=len(need) < len(p.order),
                make_graph=self._graph_from(state, p, known, made),
                notices=got.notices + _edited(old, p.base),
                replaced=who.replaced,
                renamed=who.renamed,
            )

    def _write(
        self,
        p: Plan,
        state: Resolver | None,
        exs: list[DocExtraction],
        known: dict[str, Document],
    ) -> tuple[KnowledgeGraph | None, Resolver, Written]:
        """Resolve and write the new version: ``exs`` added to ``state`` when the build only
        adds documents, else all of them resolved again. Returns the graph a full resolution
        made (None after an addition), the resolver and what was written."""
        current = self.version if (self.path / CURRENT).exists() else None
        if state is not None:
            assert current is not None
            document = partial(self._document, known, p.order)
            return None, state, write.addition(self.path, current, p, state, exs, document)
        state = Resolver()
        made = assemble(exs, base=p.base, resolver=state)
        return made, state, write.whole(self.path, current, p, made, state)

    def _prune(self) -> None:
        """Delete the kept extractions neither the current version nor the one before names
        (the versions a reader may still hold, see kg.store.versions.sweep)."""
        keep: set[str] = set()
        for v in (self.path / "versions").iterdir():
            if v.is_dir() and (v / MANIFEST).is_file():
                keep.update(Manifest.load(v / MANIFEST).documents.values())
        self.cache.prune(keep)

    def _refuse_other_folder(self) -> None:
        # a folder holding only the lock is a store whose first build was stopped early, or
        # one another build is making: its marker's temporary file may be there a moment
        # before the marker (two builds begun at once on a new store)
        making = f".{MARKER}."
        if (
            self.path.exists()
            and any(p.name != "lock" and not _making(p.name, making) for p in self.path.iterdir())
            and not (self.path / MARKER).exists()
        ):
            raise StoreError(f"{self.path}: folder exists and is not a kg store; pick another")

    def _parse(
        self,
        p: Plan,
        got: Gathered,
        extractor: Extractor | None,
        **options: Any,
    ) -> None:
        """Parse the documents ``got`` holds to do, keep their extractions, and add them."""
        if extractor is not None:
            parsed = frozen_list(extractor(got.todo))
        else:
            parsed = extractions(got.todo, **options)
        if len(parsed) != len(got.todo):
            raise StoreError(
                f"{self.path}: the extractor returned {len(parsed)} "
                f"results for {len(got.todo)} documents"
            )
        for d, ex in zip(got.todo, parsed, strict=True):
            self.cache.save(p.order[d.id], ex)
            got.exs[d.id] = ex

    def _graph_from(
        self,
        state: Resolver,
        p: Plan,
        known: dict[str, Document],
        made: KnowledgeGraph | None,
    ) -> Callable[[], KnowledgeGraph]:
        """How BuildReport.graph is made: the graph a full build made, else from ``state``."""
        snap = state.last
        order = dict(p.order)

        def make() -> KnowledgeGraph:
            if made is not None:
                return made
            assert snap is not None
            docs = [self._document(known, order, i) for i in order]
            return from_parts(docs, state.materialize(snap), base=p.base)

        return make

    def _document(self, known: dict[str, Document], order: dict[str, str], doc_id: str) -> Document:
        """A document of the store: as this build has it, else from its kept extraction."""
        if doc_id in known:
            return known[doc_id]
        return self._kept(doc_id, order[doc_id]).document

    def _kept_document(self, key: str) -> Document | None:
        """The document a kept extraction was read from; None when it cannot be read."""
        try:
            ex = self.cache.load(key)
        except OlderKgError:
            return self.cache.older_document(key)
        return ex.document if ex is not None else None

    def _kept(self, doc_id: str, key: str) -> DocExtraction:
        """A kept extraction, as it is (an older kg's read where its classes live now)."""
        try:
            ex = self.cache.load(key)
        except OlderKgError:
            ex = self.cache.older(key)
        if ex is None:
            raise StoreError(
                f"{self.path}: the kept extraction of {doc_id!r} is missing or unreadable; "
                "build again with its source among the sources"
            )
        return ex

    def knowledge_graph(self) -> KnowledgeGraph:
        """The graph the store holds, resolved again from the kept extractions."""
        man = self._manifest()
        exs = [self._kept(doc_id, key) for doc_id, key in man.documents.items()]
        return assemble(exs, base=man.base)

    def _load_state(self, man: Manifest | None, freeze: Callable[[], None]) -> Resolver | None:
        """The current version's resolver, if it is there, readable and of these documents."""
        # The resolver is a great many small objects, none in a cycle: the cyclic garbage
        # collector would walk them all at every full collection, and often while they are
        # read. So it pauses while they are read, and then ``freeze`` (kg.run.memory) leaves
        # them, and whatever else the process holds, alone until the build ends.
        try:
            with gc_paused():
                state = cache.read(self.path / "versions" / self.version / STATE)
        except Exception:  # missing, damaged or from another kg: resolve everything again
            return None
        freeze()
        if man is None or not isinstance(state, Resolver) or state.last is None:
            return None
        if getattr(state, "format", 1) != Resolver.FORMAT:  # an older kg's: resolve afresh
            return None
        return state if state.documents == list(man.documents) else None

    # -- querying ----------------------------------------------------------------------------

    def open(self) -> ox.Store:
        """The current version, opened read-only."""
        path = self.rdf_path
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as e:  # RocksDB reports damage as RuntimeError
            raise damaged(self.path, path, e) from None

    # -- checking and repair -----------------------------------------------------------------

    def check(self) -> list[str]:
        """What is wrong with the current version, one line each; empty when it is sound.

        Every quad is read (RocksDB checks each block's checksum on the way), the count is
        compared with the manifest's, and every kept extraction the version names is read.
        """
        self._check()
        man = self._manifest()  # a damaged manifest is a StoreError of its own
        problems = []
        path = self.rdf_path
        try:
            n = _read_every_index(ox.Store.read_only(str(path)))
        except (OSError, RuntimeError) as e:
            problems.append(str(damaged(self.path, path, e)))
        else:
            if man.digests and n != man.triples:
                problems.append(f"{path}: holds {n} quads, its manifest says {man.triples}")
        for doc_id, key in man.documents.items():
            try:
                self._kept(doc_id, key)
            except StoreError as e:
                problems.append(str(e))
        return problems

    def repair(self, *, wait: float = 0.0) -> str:
        """Make the current version again, from nothing but the kept extractions and the
        manifest, and switch to it: the way out of damaged RocksDB files. Returns its name."""
        self._check()
        with self.lock(wait=wait):
            man = self._manifest()
            exs = [self._kept(doc_id, key) for doc_id, key in man.documents.items()]
            state = Resolver()
            made = assemble(exs, base=man.base, resolver=state)
            p = Plan(None, dict(man.documents), {}, {}, (), man.base, fp="")
            return write.whole(self.path, None, p, made, state).version

    def query(
        self,
        sparql: str,
        *,
        params: dict[str, Any] | None = None,
        timeout: float | None = None,
        source: str = "query",
    ) -> Result:
        """Run SPARQL over the store (its named graphs queried as one default graph)."""
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
        atomic_write(self.path / "versions" / self.version / MANIFEST, man.dump())


def _edited(old: Manifest | None, base: str) -> tuple[str, ...]:
    """The line that tells what a build did with edits made through SPARQL UPDATE."""
    if old is None or old.digests or not old.documents:
        return ()
    return (
        "the store was changed through SPARQL UPDATE: edits in the default graph and in "
        f"graphs of your own were kept; kg's own graphs (<{base}graph/...>) were made again "
        "from the documents",
    )


def _read_every_index(db: ox.Store) -> int:
    """Read every key of every index Oxigraph keeps (RocksDB checks each block's checksum as
    it reads it, and every term's text is decoded); the number of quads."""
    n = 0
    preds, objs, graphs, pg, og = set(), set(), set(), set(), set()
    for q in db:  # spog, and the id-to-string table
        n += 1
        preds.add(q.predicate)
        objs.add(q.object)
        graphs.add(q.graph_name)
        pg.add((q.predicate, q.graph_name))
        og.add((q.object, q.graph_name))
    patterns = [
        *((None, p, None, None) for p in preds),  # posg
        *((None, None, o, None) for o in objs),  # ospg
        *((None, None, None, g) for g in graphs),  # gspo
        *((None, p, None, g) for p, g in pg),  # gpos
        *((None, None, o, g) for o, g in og),  # gosp
    ]
    for s, p, o, g in patterns:
        for _ in db.quads_for_pattern(s, p, o, g):
            pass
    return n


def _making(name: str, marker_temp: str) -> bool:
    """Whether a file name is the marker's temporary file (kg.files.atomic_write's)."""
    return name.startswith(marker_temp) and name.endswith(".tmp")
