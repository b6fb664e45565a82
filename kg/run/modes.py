"""One build into an output folder, whatever the mode: in memory (one process or ``jobs``), into
a store, or on a Dask cluster; then graph.ttl, graph.json and graph.html.

Every mode parses with kg.run.local.extractions (the Dask one with its map, kg.run.cluster) and
writes with kg.run.local.write, so for the same documents each gives the same bytes. The store
is reached through the ``keep`` callable, so that this layer never imports the one above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kg.errors import ConfigError
from kg.graph import DEFAULT_BASE, KnowledgeGraph
from kg.model import Document
from kg.run import cluster
from kg.run.local import assemble, extractions, write

if TYPE_CHECKING:
    from spacy.language import Language


class Kept(Protocol):
    """What a store reports of a build: ``graph`` is everything it now holds."""

    @property
    def graph(self) -> KnowledgeGraph: ...


class Keep(Protocol):
    """A store's update (kg.store.Store.update, its own options bound): it parses the documents
    it has not kept yet, with kg.run, and reports what it now holds."""

    def __call__(
        self,
        docs: Sequence[Document],
        *,
        model: Any,
        gazetteer: str | Path | None,
        base: str | None,
        jobs: int,
        progress: Callable[[int], None] | None,
    ) -> Kept: ...


@dataclass(frozen=True)
class Built:
    """A build written to its folder: the graph, the files written and, when the build went into
    a store, the store's report."""

    graph: KnowledgeGraph
    paths: tuple[Path, ...]
    kept: Any = None


def build_to(
    out_dir: str | Path,
    docs: Sequence[Document],
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    base: str | None = None,
    jobs: int = 1,
    keep: Keep | None = None,
    scheduler: Any = None,
    partition_size: int = cluster.PARTITION_SIZE,
    progress: Callable[[int], None] | None = None,
    min_confidence: float | None = None,
    title: str | None = None,
) -> Built:
    """Build ``docs`` and write the output files into ``out_dir``; ``title`` is the view's.

    Facts below ``min_confidence`` (default kg.defaults.MIN_CONFIDENCE) are the graph's
    candidates; a Dask build keeps the default.

    ``scheduler`` builds on a Dask cluster of ``jobs`` workers (see kg.run.cluster.build; it
    keeps no store), else ``keep`` builds into a store, else the build is made in memory in
    ``jobs`` processes. ``base`` None is the store's own base, or kg's default.
    """
    check_base(base)
    out = Path(out_dir)
    if scheduler is not None:
        g, paths = cluster.build(
            docs,
            scheduler=scheduler,
            out_dir=out,
            model=model,  # type: ignore[arg-type] - cluster.build refuses a loaded pipeline
            gazetteer=gazetteer,
            base=base or DEFAULT_BASE,
            partition_size=partition_size,
            workers=jobs,
            progress=progress,
            title=title,
        )
        return Built(g, tuple(paths))
    if keep is not None:
        report = keep(
            docs, model=model, gazetteer=gazetteer, base=base, jobs=jobs, progress=progress
        )
        g = report.graph
        if min_confidence is not None:
            g = g.at_confidence(min_confidence)
        return Built(g, tuple(write(g, out, title=title)), report)
    exs = extractions(docs, model=model, gazetteer=gazetteer, jobs=jobs, progress=progress)
    g = assemble(exs, base=base or DEFAULT_BASE, min_confidence=min_confidence)
    return Built(g, tuple(write(g, out, title=title)))


def check_base(base: str | None) -> None:
    """Fail at once, before any work, on a base that cannot start an IRI."""
    if base is not None and not re.fullmatch(
        r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f]*", base
    ):
        raise ConfigError(
            f'--base {base!r}: not an absolute IRI (spaces and <>"{{}}|\\^` are not allowed); '
            "e.g. https://example.org/kg/"
        )
