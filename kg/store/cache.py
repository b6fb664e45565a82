"""The extraction cache: each document's extraction (mentions and facts before resolution),
pickled under its key, and read back through an allow-list of kg's own classes.

A store written by an older kg names those classes where that kg kept them (kg.extract,
kg.resolve, kg.classifier, before the modules became packages). Such an entry is not used as it
is: its document is read (the classes found where they live now) and parsed again.
"""

from __future__ import annotations

import importlib
import os
import pickle
from pathlib import Path
from typing import IO, Any

from kg.extract.records import DocExtraction
from kg.model import Document

# The modules where an older kg kept the classes the cache holds (they now live in _KG's).
OLD_MODULES = {"kg.extract", "kg.classifier", "kg.resolve"}


class OlderKgError(pickle.UnpicklingError):
    """A cache file written by an older kg: it names kg's classes by their old paths."""


class CacheUnpickler(pickle.Unpickler):
    """Reads the extraction cache (and a version's resolver), which hold only kg's own
    dataclasses and plain values: any other class named in a file (the way a crafted pickle
    runs code) is refused. ``older`` reads a file of an older kg (see OLD_MODULES); without
    it, such a file raises OlderKgError at its first class."""

    _PLAIN = {("collections", "Counter"), ("collections", "OrderedDict")}
    _PLAIN |= {("builtins", n) for n in ("tuple", "list", "dict", "set", "frozenset", "bool")}
    _PLAIN |= {("builtins", n) for n in ("int", "float", "str", "bytes", "complex")}
    _KG = {"kg.model", "kg.extract.records", "kg.resolve.resolver", "kg.resolve.records"}

    def __init__(self, file: IO[bytes], *, older: bool = False) -> None:
        super().__init__(file)
        self.older = older

    def find_class(self, module: str, name: str) -> Any:
        if module in OLD_MODULES and "." not in name:
            if not self.older:
                raise OlderKgError(f"{module}.{name}: written by an older kg")
            module = next((m for m in sorted(self._KG) if _defines(m, name)), module)
        if (module, name) in self._PLAIN or (module in self._KG and "." not in name):
            obj = super().find_class(module, name)
            if isinstance(obj, type):
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} is not part of kg's extraction cache")


def _defines(module: str, name: str) -> bool:
    """Whether ``module`` defines the class ``name`` itself (not through an import)."""
    obj = getattr(importlib.import_module(module), name, None)
    return isinstance(obj, type) and obj.__module__ == module


def read(path: Path, *, older: bool = False) -> Any:
    """The object pickled in ``path``, through CacheUnpickler."""
    with path.open("rb") as f:
        return CacheUnpickler(f, older=older).load()


def write(path: Path, obj: Any) -> None:
    """Pickle ``obj`` into ``path``, whole or not at all (a temporary file, synced, renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class ExtractionCache:
    """The ``extractions/`` folder of a store: one pickled DocExtraction per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def load(self, key: str) -> DocExtraction | None:
        """The extraction kept under ``key``; None when it is missing or damaged (the
        document is then parsed again). Raises OlderKgError for an older kg's entry."""
        try:
            ex = read(self.path(key))
        except OlderKgError:
            raise
        except Exception:  # missing, damaged, or not kg's: parse the document again
            return None
        return ex if isinstance(ex, DocExtraction) else None

    def is_older(self, key: str) -> bool:
        """Whether the entry under ``key`` was written by an older kg."""
        try:
            self.load(key)
        except OlderKgError:
            return True
        return False

    def older(self, key: str) -> DocExtraction | None:
        """An older kg's entry, its classes read where they live now (None if unreadable)."""
        try:
            ex = read(self.path(key), older=True)
        except Exception:
            return None
        return ex if isinstance(ex, DocExtraction) else None

    def older_document(self, key: str) -> Document | None:
        """The document of an older kg's entry, to parse again (None if it cannot be read)."""
        ex = self.older(key)
        return ex.document if ex is not None and isinstance(ex.document, Document) else None

    def save(self, key: str, ex: DocExtraction) -> None:
        write(self.path(key), ex)

    def prune(self, keep: set[str]) -> int:
        """Delete every entry whose key is not in ``keep`` (what no kept version names: an
        older model's or code's, a removed document's), and any temporary file a killed build
        left; the number of files deleted."""
        gone = 0
        for p in self.folder.glob("*") if self.folder.is_dir() else ():
            key = p.name.split(".", 1)[0]
            if p.suffix == ".tmp" or (p.suffix == ".pickle" and key not in keep):
                p.unlink(missing_ok=True)
                gone += 1
        return gone
