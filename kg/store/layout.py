"""A store folder's layout, its manifest, and the keys its extractions are kept under.

A store is a folder::

    kg-store.json           marks the folder as a kg store (format version)
    lock                    held (flock) by the one build that may write at a time
    CURRENT                 the name of the current version, replaced atomically
    versions/vNNNNNN/       one version: oxigraph/ (the RDF), manifest.json and
                            resolver.pickle (the resolution, ready to take more documents)
    extractions/<key>.pickle  each document's extraction, keyed by its content hash
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph import DEFAULT_BASE
from kg.model import Document

FORMAT = 1
MARKER = "kg-store.json"
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
STATE = "resolver.pickle"  # in each version: the resolution, ready to take more documents
# what decides what an extraction holds: every module of the ingest and extract stages (so a
# new one is never forgotten), the shared modules they read and the shipped models; a change
# to any of them invalidates the cache
EXTRACTION_STAGES = ("ingest", "extract")
EXTRACTION_SHARED = (
    "model.py",
    "vocab.py",
    "names.py",
    "lexicon.py",
    "defaults.py",
    "data/relations.npz",
    "data/types.npz",
    "data/places.tsv",
)


def extraction_code(root: Path) -> list[Path]:
    """The files under the package folder ``root`` whose bytes make the extraction fingerprint."""
    stages = [f for d in EXTRACTION_STAGES for f in sorted((root / d).glob("*.py"))]
    return stages + [root / name for name in EXTRACTION_SHARED if (root / name).exists()]


class StoreError(KgError):
    """A store folder is missing, is not a kg store, or is damaged."""


class StoreBusyError(StoreError):
    """Another build holds the store's lock."""


def damaged(store: Path, db: Path, e: BaseException) -> StoreError:
    """The error for a version's RocksDB files that cannot be read: RocksDB's own words (they
    name the bad file) on one line, and the way out."""
    why = " ".join(str(e).split())
    return StoreError(
        f"{db}: damaged store ({why}); `kg store check --store {store} --repair` makes the "
        "current version again from the kept extractions"
    )


@dataclass
class Manifest:
    """What a version holds: its base, its documents in build order, and a digest per named
    graph (none after a change from outside, see kg.store.Store.mark_modified)."""

    base: str = DEFAULT_BASE
    # doc id -> extraction key, in build order (resolution depends on the order)
    documents: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # named graph part -> digest
    triples: int = 0

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                data["base"], dict(data["documents"]), dict(data["digests"]), data["triples"]
            )
        except (OSError, ValueError, KeyError) as e:
            raise StoreError(f"{path}: damaged store manifest ({e})") from None

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
    code = [f.read_bytes() for f in extraction_code(here)]
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
