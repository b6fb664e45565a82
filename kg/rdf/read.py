"""RDF that kg wrote, read back into a KnowledgeGraph."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg import vocab
from kg.errors import RdfError, RdfValueError
from kg.graph import KnowledgeGraph
from kg.model import Block, Document, Entity, Evidence, Mention, Quote, Relation, Time
from kg.rdf.formats import parse
from kg.rdf.namespaces import DCTERMS, KGV, PROV, RDF, RDFS, SDO, SKOS, XSD
from kg.rdf.ontology import CLASS_TYPES


def from_rdf(source: str | Path | Graph, *, format: str | None = None) -> KnowledgeGraph:
    """A graph kg wrote (a file or an rdflib Graph) as a KnowledgeGraph; RdfError when it
    holds no kg entities or documents."""
    g = parse(source, format=format)
    try:
        docs, doc_ids = _documents(g)
        entities = _entities(g, doc_ids)
        if not entities and not docs:
            raise RdfError("holds no kg entities or documents (is it a graph kg wrote?)")
        relations, flagged, candidates = _facts(g, entities, doc_ids)
        quotes = _quotes(g, entities, doc_ids)
    except RdfError as e:
        where = source if not isinstance(source, Graph) else "graph"
        raise type(e)(f"{where}: {e}") from None
    key = lambda r: (r.subject.id, r.predicate, str(r.key[2]))  # noqa: E731
    return KnowledgeGraph(
        sorted(entities.values(), key=lambda e: e.id),
        sorted(relations, key=key),
        list(docs.values()),
        flagged=sorted(flagged, key=key),
        candidates=sorted(candidates, key=key),
        quotes=quotes,
    )


# RDF keeps how many blocks of page furniture a document lost, not the blocks: each comes back
# as an empty one, so that the count (and the graph written again) stays what it was
_DROPPED = Block(0, 0, "furniture", "read back from RDF")


def _documents(g: Graph) -> tuple[dict[str, Document], dict[URIRef, str]]:
    """The documents by id (without their text), and each document IRI's id."""
    docs: dict[str, Document] = {}
    doc_ids: dict[URIRef, str] = {}
    for it in sorted(g.subjects(RDF.type, KGV.Document)):
        did = doc_ids[it] = str(g.value(it, KGV.id))
        title = g.value(it, DCTERMS.title)
        src = g.value(it, DCTERMS.source)
        dropped = g.value(it, KGV.droppedBlocks)
        docs[did] = Document(
            did,
            "",
            str(src) if src else None,
            str(title) if title else None,
            (_DROPPED,) * (_number(g, it, KGV.droppedBlocks, int) if dropped is not None else 0),
            **_article(g, it),
        )
    return docs, doc_ids


def _article(g: Graph, it: URIRef) -> dict[str, Any]:
    """A document's schema.org fields as Document's keyword arguments."""

    def name(o: Any) -> str:  # an entity's label, or the name written as a string
        return str(g.value(o, RDFS.label) or o) if isinstance(o, URIRef) else str(o)

    def one(p: URIRef) -> str | None:
        o = g.value(it, p)
        return name(o) if o is not None else None

    date = g.value(it, SDO.datePublished)
    return {
        "authors": tuple(sorted(name(o) for o in g.objects(it, SDO.author))),
        "date": _date(date) if date is not None else None,
        "site": one(SDO.publisher),
        "language": one(SDO.inLanguage),
        "url": one(SDO.url),
        "description": one(SDO.description),
        "encoding": one(KGV.encoding),
        "place": one(SDO.locationCreated),
    }


def _entities(g: Graph, doc_ids: dict[URIRef, str]) -> dict[URIRef, Entity]:
    entities = {}
    for it in sorted(set(g.subjects(KGV.id, None)) - set(doc_ids)):
        etype = next((CLASS_TYPES[c] for c in g.objects(it, RDF.type) if c in CLASS_TYPES), "Other")
        mentions = [
            Mention(
                doc_ids.get(g.value(mi, KGV.document), ""),
                _number(g, mi, KGV.start, int),
                _number(g, mi, KGV.end, int),
                str(g.value(mi, KGV.text)),
            )
            for mi in g.objects(it, KGV.mention)
        ]
        entities[it] = Entity(
            str(g.value(it, KGV.id)),
            str(g.value(it, RDFS.label)),
            etype,
            tuple(sorted(str(a) for a in g.objects(it, SKOS.altLabel))),
            tuple(sorted(mentions, key=lambda m: (m.doc_id, m.start))),
        )
    return entities


def _facts(
    g: Graph, entities: dict[URIRef, Entity], doc_ids: dict[URIRef, str]
) -> tuple[list[Relation], list[Relation], list[Relation]]:
    """The asserted facts, the denied ones and the candidates, each with its evidence."""
    relations, flagged, candidates = [], [], []
    for f in sorted(g.subjects(RDF.type, KGV.Fact)):
        s, p, o = g.value(f, RDF.subject), g.value(f, RDF.predicate), g.value(f, RDF.object)
        if s not in entities or not str(p).startswith(str(KGV)):
            continue
        pred = str(p)[len(str(KGV)) :]
        if pred not in vocab.PREDICATES:
            continue
        obj: Any = entities.get(o) if isinstance(o, URIRef) else _py(o)
        if obj is None:
            continue
        if isinstance(obj, float) and not math.isfinite(obj):
            raise RdfValueError(f"<{f}> <{RDF.object}> {_show(o)}: expected a finite number")
        evs = sorted(
            (_evidence(g, e, doc_ids) for e in g.objects(f, KGV.evidence)),
            key=lambda e: (e.doc_id, e.start, e.subject_span, e.rule),
        )
        rel = Relation(
            entities[s],
            pred,
            obj,
            vocab.PREDICATES[pred].wikidata,
            _number(g, f, KGV.confidence, float),
            tuple(evs),
            **_qualifiers(g, f, entities),
        )
        negated, candidate = g.value(f, KGV.negated), g.value(f, KGV.candidate)
        if negated is not None and negated.toPython():
            flagged.append(rel)
        elif candidate is not None and candidate.toPython():
            candidates.append(rel)
        else:
            relations.append(rel)
    return relations, flagged, candidates


def _quotes(g: Graph, entities: dict[URIRef, Entity], doc_ids: dict[URIRef, str]) -> list[Quote]:
    """The quotations whose speaker is an entity of the graph, in document order."""
    out = []
    for q in g.subjects(RDF.type, SDO.Quotation):
        speaker = entities.get(g.value(q, PROV.wasAttributedTo))  # type: ignore[arg-type]
        ev = g.value(q, KGV.evidence)
        if speaker is None or not isinstance(ev, URIRef):
            continue
        direct = g.value(q, KGV.direct)
        text = str(g.value(q, SDO.text) or "")
        out.append(
            Quote(
                speaker,
                text,
                bool(direct is not None and direct.toPython()),
                _evidence(g, ev, doc_ids),
            )
        )
    return sorted(
        out, key=lambda q: (q.evidence.doc_id, q.evidence.object_span, q.speaker.id, q.text)
    )


_TIMES = (("start", KGV.startTime), ("end", KGV.endTime), ("when", KGV.pointInTime))


def _time(g: Graph, s: Any, p: URIRef) -> Time | None:
    """The time ``s p`` gives, its precision read from its datatype (xsd:gYear: a year)."""
    o = g.value(s, p)
    if o is None:
        return None
    if not isinstance(o, Literal) or o.datatype not in (XSD.gYear, XSD.gYearMonth, XSD.date):
        raise RdfValueError(f"<{s}> <{p}> {_show(o)}: expected an xsd:gYear, gYearMonth or date")
    return Time.of(str(o))


def _qualifiers(g: Graph, f: URIRef, entities: dict[URIRef, Entity]) -> dict[str, Any]:
    """A fact's qualifiers as Relation's keyword arguments."""
    out: dict[str, Any] = {role: _time(g, f, p) for role, p in _TIMES}
    status, of = g.value(f, KGV.status), g.value(f, KGV.of)
    out["status"] = str(status) if status is not None else None
    out["of"] = entities.get(of) if of is not None else None
    return out


def _evidence(g: Graph, e: URIRef, doc_ids: dict[URIRef, str]) -> Evidence:
    def num(name: str) -> int:
        return _number(g, e, KGV[name], int)

    reported, status = g.value(e, KGV.reportedOn), g.value(e, KGV.status)
    times = tuple((role, t) for role, p in _TIMES if (t := _time(g, e, p)) is not None)

    return Evidence(
        doc_ids.get(g.value(e, PROV.wasDerivedFrom), ""),
        str(g.value(e, KGV.sentence)),
        num("start"),
        num("end"),
        (num("subjectStart"), num("subjectEnd")),
        (num("objectStart"), num("objectEnd")),
        str(g.value(e, KGV.rule) or ""),
        _number(g, e, KGV.confidence, float),
        bool(g.value(e, KGV.hedged).toPython()),
        _date(reported) if reported is not None else None,
        times,
        str(status) if status is not None else None,
    )


def _date(o: Any) -> str:
    """A date as kg.model keeps it: xsd:dateTime to the minute, as the document's date is."""
    return str(o)[:16] if "T" in str(o) else str(o)


def _number(g: Graph, s: Any, p: URIRef, kind: Callable[[Any], Any]) -> Any:
    """The one value of ``s p``, as a finite int or float; RdfError naming the triple when it
    is missing, is not a number, or is NaN or infinite (which no JSON or page can hold)."""
    o = g.value(s, p)
    try:
        v = kind(o.toPython() if isinstance(o, Literal) else o)
        ok = math.isfinite(v)
    except (TypeError, ValueError, ArithmeticError):
        ok = False
    if not ok:
        value = _show(o) if o is not None else "(missing)"
        raise RdfValueError(
            f"<{s}> <{p}> {value}: expected a finite {'integer' if kind is int else 'number'}"
        )
    return v


def _show(o: Any) -> str:
    """A term as N-Triples writes it, its lexical form as read (rdflib's n3 would normalise
    it, and warn about one that is not a number)."""
    if not isinstance(o, Literal):
        return f"<{o}>"
    text = str(o).encode("unicode_escape").decode("ascii").replace('"', '\\"')
    return f'"{text}"' + (
        f"^^<{o.datatype}>" if o.datatype else f"@{o.language}" if o.language else ""
    )


def _py(o: Any) -> Any:
    if isinstance(o, Literal):
        if o.datatype in (XSD.date, XSD.gYear, XSD.gYearMonth):
            return str(o)
        v = o.toPython()
        return float(v) if type(v).__name__ == "Decimal" else v
    return None
