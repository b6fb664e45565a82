"""The on-disk store: versions of a build, queried with Oxigraph."""

from kg.store.core import BuildReport, Store, StoreBusyError, StoreError

__all__ = ["BuildReport", "Store", "StoreBusyError", "StoreError"]
