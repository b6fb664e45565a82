"""Quotations as RDF: each a ``schema:Quotation`` in its document's part.

``schema:text`` holds the words, ``prov:wasAttributedTo`` and ``schema:creator`` the speaker,
``schema:isPartOf`` the document it was read in, ``kgv:direct`` whether the words are quoted
(true) or reported (false), and ``kgv:evidence`` the passage, as a fact's evidence is written
(the subject span where the speaker is named, the object span the words).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from kg.rdf.namespaces import PROV, SDO

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.model import Evidence, Quote

Part = tuple[str, tuple[Any, Any, Any]]
# writes a piece of evidence for a node: (node, node's key, evidence, part, maker)
EvidenceWriter = Callable[[Any, str, "Evidence", str, Any], Iterator[Part]]


def quote_key(q: Quote) -> str:
    """A quotation's stable key: its document, where its words are, and its speaker."""
    ev = q.evidence
    raw = "\x1f".join(map(str, (ev.doc_id, *ev.object_span, q.speaker.id, q.direct)))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def quote_parts(kg: KnowledgeGraph, m: Any, evidence: EvidenceWriter) -> Iterator[Part]:
    """Each quotation's triples, in the part of the document it was read in."""
    c = m.terms.term
    quotation, text, creator, part_of = (
        c(SDO.Quotation),
        c(SDO.text),
        c(SDO.creator),
        c(SDO.isPartOf),
    )
    attributed, entity_class, direct = c(PROV.wasAttributedTo), c(PROV.Entity), m.kgv("direct")
    a, true, false = m.v.rdf_type, m.v.true, m.v.false
    for q in kg.quotes:
        part = f"doc/{q.evidence.doc_id}"
        if part in m.skip:
            continue
        it = m.iri(f"{m.base}quote/{quote_key(q)}")
        speaker = m.entity(q.speaker)
        yield part, (it, a, quotation)
        yield part, (it, a, entity_class)
        yield part, (it, text, m.string(q.text))
        yield part, (it, attributed, speaker)
        yield part, (it, creator, speaker)
        yield part, (it, part_of, m.doc(q.evidence.doc_id))
        yield part, (it, direct, true if q.direct else false)
        yield from evidence(it, m.terms.key(it), q.evidence, part, m)
