"""Keeping Python's cyclic garbage collector out of a build's way.

A build keeps millions of small objects (the extractions, then the graph), none in a cycle:
every full collection walks them all. These helpers pause the collector, or freeze what a build
keeps, and leave a process that froze objects itself alone.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while, as it was after.

    Resolution, the graph and the outputs make millions of small objects, none in a cycle,
    beside the extractions (millions more): each full collection walks them all, and a
    2,000-document build spent a quarter of its time after parsing in the collector.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def gc_freezing() -> Iterator[Callable[[], None]]:
    """A freeze to call as long-lived objects pile up (gc.freeze: full collections no longer
    walk what the process holds), undone when the block ends. In a process that froze objects
    itself, or runs without the collector, the freeze does nothing and nothing is undone."""
    ours = gc.isenabled() and gc.get_freeze_count() == 0  # counted at once when none are
    try:
        yield gc.freeze if ours else _nothing
    finally:
        if ours:
            gc.unfreeze()


def _nothing() -> None:
    pass


FREEZE_EVERY = 200  # documents


def frozen_list(results: Iterable[DocExtraction]) -> list[DocExtraction]:
    """The results in a list, moved out of the cyclic collector's way as they come.

    What a build keeps of each document (its mentions and facts) lives until the build ends,
    and every full collection while spaCy parses would walk all of it again: so it is frozen
    every FREEZE_EVERY documents, and thawed at the end (gc_freezing).
    """
    out: list[DocExtraction] = []
    with gc_freezing() as freeze:
        for ex in results:
            out.append(ex)
            if len(out) % FREEZE_EVERY == 0:
                freeze()
    return out
