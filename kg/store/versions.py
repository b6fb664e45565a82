"""A store's versions: the write lock, and publishing a new version beside the current one.

Why versions: a build copies the current version (a RocksDB checkpoint, which hard-links its
files, so the copy costs little), applies its changes to the copy and then switches CURRENT.
A build that fails or is killed leaves CURRENT, and so the store, as it was; readers (``kg
query``, ``kg serve``) never see a half-written version.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.files import atomic_write
from kg.resolve.resolver import Resolver
from kg.store import cache
from kg.store.layout import CURRENT, MANIFEST, STATE, Manifest, StoreBusyError, damaged

BULK = 50_000  # quads from which a load writes RocksDB's files directly


@dataclass(frozen=True)
class Written:
    """What a build wrote: the version now current, and the quads it added and removed."""

    version: str
    added: int
    removed: int
    changed: bool


@contextmanager
def lock(folder: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the store's write lock; wait up to ``wait`` seconds for another build.

    The lock is an flock on ``lock``: the system releases it when its process ends, even
    when killed, so a crashed build never leaves the store locked.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o644)
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
                        f"{folder}: another build is writing this store"
                        + (f" (process {holder})" if holder else "")
                        + "; wait for it to finish, or pass --wait SECONDS"
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def publish(
    folder: Path,
    old: Manifest | None,
    old_digests: dict[str, str],
    apply: Callable[[ox.Store], tuple[int, int]],
    man: Manifest,
    state: Resolver,
) -> Written:
    """Make a new version from the current one (a checkpoint) with ``apply``'s changes (it
    returns the quads it added and removed), then switch CURRENT to it."""
    versions = folder / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    name = f"v{_next_number(versions):06d}"
    target = versions / name
    source = target / "oxigraph"  # what a build reads: the current version's files, if any
    try:
        target.mkdir()
        if old is not None:
            current = (folder / CURRENT).read_text(encoding="utf-8").strip()
            source = versions / current / "oxigraph"
            try:
                if not old.digests:  # changed through SPARQL UPDATE: see below
                    _flush(source)
                ox.Store.read_only(str(source)).backup(str(target / "oxigraph"))
            except (OSError, RuntimeError) as e:  # RocksDB reports damage as RuntimeError
                raise damaged(folder, source, e) from None
        try:
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
        except RuntimeError as e:  # RocksDB's "Corruption" in a file the new version shares
            if "Corruption" not in str(e):
                raise
            raise damaged(folder, source, e) from None
        cache.write(target / STATE, state)
        atomic_write(target / MANIFEST, man.dump())
        _fsync_dir(target)
        atomic_write(folder / CURRENT, name + "\n")  # the switch
        _fsync_dir(folder)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    sweep(folder, keep_previous=True)
    return Written(name, added, removed, True)


def _flush(db: Path) -> None:
    """Write what SPARQL UPDATE left in RocksDB's log into its files: a checkpoint taken
    through a read-only handle copies the files, not the log, and would lose those edits. The
    store's lock is held, so no other process writes this version now."""
    store = ox.Store(str(db))
    store.flush()
    del store


def _next_number(versions: Path) -> int:
    nums = [int(p.name[1:]) for p in versions.glob("v[0-9]*")]
    return max(nums, default=0) + 1


def sweep(folder: Path, *, keep_previous: bool) -> None:
    """Remove versions no reader can need: all but the current one and the one before."""
    versions = folder / "versions"
    if not versions.is_dir() or not (folder / CURRENT).exists():
        return
    current = (folder / CURRENT).read_text(encoding="utf-8").strip()
    names = sorted(p.name for p in versions.iterdir() if p.is_dir())
    keep = {current}
    older = [n for n in names if n < current]
    if keep_previous and older:
        keep.add(older[-1])
    for n in names:
        if n not in keep:
            shutil.rmtree(versions / n, ignore_errors=True)


def replace_graphs(
    db: ox.Store, graphs: Iterable[tuple[ox.NamedNode, set[ox.Quad]]], old: Manifest | None
) -> tuple[int, int]:
    """Make each named graph hold its quads: (quads added, quads removed). The new quads go
    in at once, so that a large load can write RocksDB's files directly (``insert``)."""
    new: list[Any] = []
    removed = 0
    for g, qs in graphs:
        have = set(db.quads_for_pattern(None, None, None, g)) if old is not None else set()
        for q in have - qs:
            db.remove(q)
            removed += 1
        new.extend(qs - have)
    insert(db, new)
    return len(new), removed


def insert(db: ox.Store, quads: list[ox.Quad]) -> None:
    # bulk_extend writes sorted files without a transaction: safe here, as a version is the
    # build's own copy until it is published, and thrown away if anything fails
    (db.bulk_extend if len(quads) >= BULK else db.extend)(quads)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
