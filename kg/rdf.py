"""RDF export and import (rdflib).

The model, in short (README has it in full):
- an entity is ``<base>entity/<id>``, typed with a schema.org class, ``rdfs:label`` its name,
  ``skos:altLabel`` its aliases, ``kgv:mention`` nodes for where it occurs;
- a fact is a plain triple ``<s> kgv:<predicate> <o>`` (or a typed literal), so it can be
  queried directly, *and* a reified ``rdf:Statement`` (also a ``prov:Entity``) carrying
  ``kgv:confidence`` and one ``kgv:evidence`` node per sentence: the document
  (``prov:wasDerivedFrom``), the sentence text, character offsets and the rule that read it;
- kg's predicates are declared with label, comment, ``owl:equivalentProperty`` to the Wikidata
  property, and ``schema:domainIncludes`` / ``schema:rangeIncludes``.
Every node has an IRI (no blank nodes), so the same graph always serialises the same way.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from . import vocab
from .errors import FormatError, RdfError
from .model import Document, Entity, Evidence, Mention, Relation

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

KGV = Namespace("https://example.org/kg/vocab#")
SDO = Namespace("https://schema.org/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

TYPE_CLASSES = {
    "Person": SDO.Person,
    "Organization": SDO.Organization,
    "Place": SDO.Place,
    "Product": SDO.Product,
    "Event": SDO.Event,
    "Work": SDO.CreativeWork,
    "Other": SDO.Thing,
}
CLASS_TYPES = {v: k for k, v in TYPE_CLASSES.items()}

# format name -> (rdflib format, file suffix)
FORMATS = {
    "turtle": ("turtle", ".ttl"),
    "ntriples": ("nt", ".nt"),
    "nquads": ("nquads", ".nq"),
    "trig": ("trig", ".trig"),
    "jsonld": ("json-ld", ".jsonld"),
    "xml": ("xml", ".rdf"),
}
SUFFIX_FORMATS = {suffix: name for name, (_, suffix) in FORMATS.items()}
SUFFIX_FORMATS.update({".ttl": "turtle", ".owl": "xml", ".xml": "xml", ".json": "jsonld"})


def rdf_format(name: str) -> str:
    """rdflib's name for one of kg's formats; an error lists the valid ones."""
    key = name.lower().replace("-", "")
    aliases = {
        "ttl": "turtle",
        "nt": "ntriples",
        "nq": "nquads",
        "json": "jsonld",
        "rdfxml": "xml",
        "rdf": "xml",
    }
    key = aliases.get(key, key)
    if key not in FORMATS:
        raise FormatError(f"unknown RDF format {name!r}; choose one of: {', '.join(FORMATS)}")
    return key


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def literal(value: Any) -> Literal:
    """A typed literal: ISO dates become xsd:date, xsd:gYearMonth or xsd:gYear."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.decimal)
    s = str(value)
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return Literal(s, datatype=XSD.date)
    if len(s) == 7 and s[4] == "-":
        return Literal(s, datatype=XSD.gYearMonth)
    if len(s) == 4 and s.isdigit():
        return Literal(s, datatype=XSD.gYear)
    return Literal(s)


def declare_vocabulary(g: Graph) -> None:
    for p in vocab.PREDICATES.values():
        iri = KGV[p.name]
        g.add((iri, RDF.type, OWL.DatatypeProperty if p.literal else OWL.ObjectProperty))
        g.add((iri, RDFS.label, Literal(p.label, lang="en")))
        g.add((iri, RDFS.comment, Literal(p.description, lang="en")))
        if p.wikidata:
            g.add((iri, OWL.equivalentProperty, WDT[p.wikidata]))
            g.add((iri, KGV.wikidata, Literal(p.wikidata)))
        for t in p.domain:
            if t in TYPE_CLASSES:
                g.add((iri, SDO.domainIncludes, TYPE_CLASSES[t]))
        for t in p.range:
            if t in TYPE_CLASSES:
                g.add((iri, SDO.rangeIncludes, TYPE_CLASSES[t]))
            elif t == vocab.DATE:
                g.add((iri, SDO.rangeIncludes, XSD.date))


def to_rdf(kg: KnowledgeGraph, *, base: str) -> Graph:
    ns = Namespace(base)
    g = Graph()
    for prefix, n in (
        ("kg", ns),
        ("kgv", KGV),
        ("schema", SDO),
        ("wdt", WDT),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("owl", OWL),
    ):
        g.bind(prefix, n, override=True)
    declare_vocabulary(g)

    def doc_iri(doc_id: str) -> URIRef:
        return ns[f"doc/{doc_id}"]

    for d in kg.documents:
        it = doc_iri(d.id)
        g.add((it, RDF.type, KGV.Document))
        g.add((it, RDF.type, PROV.Entity))
        g.add((it, KGV.id, Literal(d.id)))
        if d.title:
            g.add((it, DCTERMS.title, Literal(d.title)))
        if d.source:
            g.add((it, DCTERMS.source, Literal(d.source)))
        g.add((it, KGV.droppedBlocks, Literal(len(d.dropped), datatype=XSD.integer)))

    def ent_iri(e: Entity) -> URIRef:
        return ns[f"entity/{e.id}"]

    for e in kg.entities:
        it = ent_iri(e)
        g.add((it, RDF.type, TYPE_CLASSES.get(e.type, SDO.Thing)))
        g.add((it, KGV.id, Literal(e.id)))
        g.add((it, RDFS.label, Literal(e.name)))
        for a in e.aliases:
            g.add((it, SKOS.altLabel, Literal(a)))
        for m in e.mentions:
            mi = ns[f"mention/{m.doc_id}/{m.start}-{m.end}"]
            g.add((it, KGV.mention, mi))
            g.add((mi, RDF.type, KGV.Mention))
            g.add((mi, KGV.document, doc_iri(m.doc_id)))
            g.add((mi, KGV.start, Literal(m.start, datatype=XSD.integer)))
            g.add((mi, KGV.end, Literal(m.end, datatype=XSD.integer)))
            g.add((mi, KGV.text, Literal(m.text)))

    def add_fact(r: Relation, negated: bool) -> None:
        s = ent_iri(r.subject)
        p = KGV[r.predicate]
        o = ent_iri(r.object) if isinstance(r.object, Entity) else literal(r.object)
        if not negated:
            g.add((s, p, o))
        f = ns[f"fact/{_h(r.subject.id, r.predicate, o, negated)}"]
        g.add((f, RDF.type, RDF.Statement))
        g.add((f, RDF.type, KGV.Fact))
        g.add((f, RDF.type, PROV.Entity))
        g.add((f, RDF.subject, s))
        g.add((f, RDF.predicate, p))
        g.add((f, RDF.object, o))
        g.add((f, KGV.confidence, Literal(r.confidence, datatype=XSD.decimal)))
        if negated:
            g.add((f, KGV.negated, Literal(True)))
        for ev in r.evidence:
            add_evidence(f, ev)

    def add_evidence(f: URIRef, ev: Evidence) -> None:
        e = ns[f"evidence/{_h(f, ev.doc_id, ev.start, ev.subject_span, ev.object_span, ev.rule)}"]
        g.add((f, KGV.evidence, e))
        g.add((f, PROV.wasDerivedFrom, doc_iri(ev.doc_id)))
        g.add((e, RDF.type, KGV.Evidence))
        g.add((e, PROV.wasDerivedFrom, doc_iri(ev.doc_id)))
        g.add((e, KGV.sentence, Literal(ev.sentence)))
        for name, value in (
            ("start", ev.start),
            ("end", ev.end),
            ("subjectStart", ev.subject_span[0]),
            ("subjectEnd", ev.subject_span[1]),
            ("objectStart", ev.object_span[0]),
            ("objectEnd", ev.object_span[1]),
        ):
            g.add((e, KGV[name], Literal(value, datatype=XSD.integer)))
        g.add((e, KGV.rule, Literal(ev.rule)))
        g.add((e, KGV.confidence, Literal(ev.confidence, datatype=XSD.decimal)))
        g.add((e, KGV.hedged, Literal(ev.hedged)))

    for r in kg.relations:
        add_fact(r, negated=False)
    for r in kg.flagged:
        add_fact(r, negated=True)
    return g


def serialize(g: Graph, format: str) -> str:
    fmt = rdf_format(format)
    if fmt in ("nquads", "trig"):
        from rdflib import Dataset

        ds = Dataset()
        for prefix, n in g.namespaces():
            ds.bind(prefix, n)
        ctx = ds.graph(URIRef(str(KGV) + "graph"))
        for t in g:
            ctx.add(t)
        out = ds.serialize(format=FORMATS[fmt][0])
    else:
        out = g.serialize(format=FORMATS[fmt][0])
    if fmt in ("ntriples", "nquads"):  # rdflib writes these in hash order
        out = "\n".join(sorted(line for line in out.splitlines() if line.strip())) + "\n"
    return out


def write(kg: KnowledgeGraph, path: Path, *, format: str = "turtle") -> None:
    from .output import atomic_write

    atomic_write(path, serialize(kg.to_rdf(), format))


def parse(source: str | Path | Graph, *, format: str | None = None) -> Graph:
    if isinstance(source, Graph):
        return source
    path = Path(source)
    if not path.exists():
        raise RdfError(f"{path}: no such file")
    name = format or SUFFIX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise FormatError(
            f"{path}: cannot tell the RDF format from the suffix {path.suffix!r}; "
            f"give one of: {', '.join(FORMATS)}"
        )
    fmt = FORMATS[rdf_format(name)][0]
    try:
        if fmt in ("nquads", "trig"):
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(path, format=fmt)
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            return g
        return Graph().parse(path, format=fmt)
    except Exception as e:  # rdflib raises many types for malformed input
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise RdfError(f"{path}: malformed {name} ({msg})") from None


def from_rdf(source: str | Path | Graph, *, format: str | None = None) -> KnowledgeGraph:
    from .graph import KnowledgeGraph

    g = parse(source, format=format)
    docs: dict[str, Document] = {}
    doc_ids: dict[URIRef, str] = {}
    for it in sorted(g.subjects(RDF.type, KGV.Document)):
        did = str(g.value(it, KGV.id))
        doc_ids[it] = did
        title = g.value(it, DCTERMS.title)
        src = g.value(it, DCTERMS.source)
        docs[did] = Document(did, "", str(src) if src else None, str(title) if title else None)
    entities: dict[URIRef, Entity] = {}
    for it in sorted(set(g.subjects(KGV.id, None)) - set(doc_ids)):
        etype = next((CLASS_TYPES[c] for c in g.objects(it, RDF.type) if c in CLASS_TYPES), "Other")
        mentions = []
        for mi in g.objects(it, KGV.mention):
            mentions.append(
                Mention(
                    doc_ids.get(g.value(mi, KGV.document), ""),
                    int(g.value(mi, KGV.start)),
                    int(g.value(mi, KGV.end)),
                    str(g.value(mi, KGV.text)),
                )
            )
        entities[it] = Entity(
            str(g.value(it, KGV.id)),
            str(g.value(it, RDFS.label)),
            etype,
            tuple(sorted(str(a) for a in g.objects(it, SKOS.altLabel))),
            tuple(sorted(mentions, key=lambda m: (m.doc_id, m.start))),
        )
    if not entities and not docs:
        raise RdfError(f"{source}: holds no kg entities or documents (is it a graph kg wrote?)")
    relations, flagged = [], []
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
        evs = []
        for e in g.objects(f, KGV.evidence):

            def num(name: str, e: Any = e) -> int:
                return int(g.value(e, KGV[name]))

            evs.append(
                Evidence(
                    doc_ids.get(g.value(e, PROV.wasDerivedFrom), ""),
                    str(g.value(e, KGV.sentence)),
                    num("start"),
                    num("end"),
                    (num("subjectStart"), num("subjectEnd")),
                    (num("objectStart"), num("objectEnd")),
                    str(g.value(e, KGV.rule) or ""),
                    float(g.value(e, KGV.confidence)),
                    bool(g.value(e, KGV.hedged).toPython()),
                )
            )
        evs.sort(key=lambda e: (e.doc_id, e.start, e.subject_span, e.rule))
        rel = Relation(
            entities[s],
            pred,
            obj,
            vocab.PREDICATES[pred].wikidata,
            float(g.value(f, KGV.confidence)),
            tuple(evs),
        )
        negated = g.value(f, KGV.negated)
        (flagged if negated is not None and negated.toPython() else relations).append(rel)
    key = lambda r: (r.subject.id, r.predicate, str(r.key[2]))  # noqa: E731
    return KnowledgeGraph(
        sorted(entities.values(), key=lambda e: e.id),
        sorted(relations, key=key),
        list(docs.values()),
        flagged=sorted(flagged, key=key),
    )


def _py(o: Any) -> Any:
    if isinstance(o, Literal):
        if o.datatype in (XSD.date, XSD.gYear, XSD.gYearMonth):
            return str(o)
        v = o.toPython()
        return float(v) if type(v).__name__ == "Decimal" else v
    return None
