"""RDF export and import (rdflib).

The model, in short (README has it in full):
- an entity is ``<base>entity/<id>``, typed with a schema.org class, ``rdfs:label`` its name,
  ``skos:altLabel`` its aliases, ``kgv:mention`` nodes for where it occurs, and each document
  that names it says so with ``schema:mentions``;
- a fact is a plain triple ``<s> kgv:<predicate> <o>`` (or a typed literal), so it can be
  queried directly, *and* a reified ``rdf:Statement`` (also a ``prov:Entity``) carrying
  ``kgv:confidence`` and one ``kgv:evidence`` node per sentence: the document
  (``prov:wasDerivedFrom``), the sentence text, character offsets and the rule that read it.
  Provenance is reified rather than carried by graph names because one fact may rest on
  several sentences of several documents, each with offsets and a rule;
- kg's vocabulary declares itself: classes and properties with label and comment, each
  relation predicate with ``owl:equivalentProperty`` to its Wikidata property and
  ``schema:domainIncludes`` / ``schema:rangeIncludes``;
- the triples fall into parts (``parts``): the vocabulary, the entities and facts, and one part
  per document. N-Quads and TriG write each as a named graph, and the store keeps them so.
Every node has an IRI (no blank nodes), so the same graph always serialises the same way.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Container, Iterator
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg import vocab
from kg.errors import FormatError, RdfError
from kg.model import Document, Entity, Evidence, Mention, Relation

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

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


def decimal(value: float) -> Literal:
    """An xsd:decimal literal (a Decimal value, so validators see it well-typed)."""
    return Literal(Decimal(format(Decimal(str(float(value))), "f")), datatype=XSD.decimal)


def literal(value: Any) -> Literal:
    """A typed literal: ISO dates become xsd:date, xsd:gYearMonth or xsd:gYear."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return decimal(value)
    s = str(value)
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return Literal(s, datatype=XSD.date)
    if len(s) == 7 and s[4] == "-":
        return Literal(s, datatype=XSD.gYearMonth)
    if len(s) == 4 and s.isdigit():
        return Literal(s, datatype=XSD.gYear)
    return Literal(s)


# kg's own structural classes and properties, declared so that the vocabulary is self-describing
CLASSES = {
    "Document": ("document", "a text kg read", PROV.Entity),
    "Mention": ("mention", "one place a name occurs in a document", None),
    "Fact": ("fact", "a reified kg statement with its confidence and evidence", RDF.Statement),
    "Evidence": ("evidence", "the sentence a fact was read from, with offsets", PROV.Entity),
}
STRUCTURAL = {
    # name: (label, comment, range or None for an object property)
    "id": ("id", "kg's stable identifier of the resource", XSD.string),
    "mention": ("mention", "a place where the entity is named", None),
    "document": ("document", "the document a mention is in", None),
    "evidence": ("evidence", "a sentence the fact was read from", None),
    "text": ("text", "the text of a mention as written", XSD.string),
    "sentence": ("sentence", "the text of the evidence sentence", XSD.string),
    "start": ("start", "character offset where the span starts in the document", XSD.integer),
    "end": ("end", "character offset where the span ends in the document", XSD.integer),
    "subjectStart": ("subject start", "offset of the subject mention's start", XSD.integer),
    "subjectEnd": ("subject end", "offset of the subject mention's end", XSD.integer),
    "objectStart": ("object start", "offset of the object mention's start", XSD.integer),
    "objectEnd": ("object end", "offset of the object mention's end", XSD.integer),
    "rule": ("rule", "the extraction rule or model that read the fact", XSD.string),
    "confidence": ("confidence", "kg's confidence that the fact holds, 0 to 1", XSD.decimal),
    "hedged": ("hedged", "the sentence states the fact with hedging", XSD.boolean),
    "negated": ("negated", "the sentence denies the fact: recorded, not asserted", XSD.boolean),
    "droppedBlocks": ("dropped blocks", "blocks of page furniture left out", XSD.integer),
    "wikidata": ("Wikidata property", "id of the matching Wikidata property", XSD.string),
}

Triple = tuple[Any, Any, Any]


def vocabulary() -> Iterator[Triple]:
    """kg's vocabulary: its classes, structural properties and relation predicates."""
    onto = URIRef(str(KGV).rstrip("#"))
    yield onto, RDF.type, OWL.Ontology
    yield onto, RDFS.label, Literal("kg vocabulary", lang="en")
    yield (
        onto,
        RDFS.comment,
        Literal(
            "Relations kg reads from text, aligned to Wikidata, and the provenance of each.",
            lang="en",
        ),
    )
    for name, (label, comment, parent) in CLASSES.items():
        yield KGV[name], RDF.type, OWL.Class
        yield KGV[name], RDFS.label, Literal(label, lang="en")
        yield KGV[name], RDFS.comment, Literal(comment, lang="en")
        yield KGV[name], RDFS.isDefinedBy, onto
        if parent is not None:
            yield KGV[name], RDFS.subClassOf, parent
    for name, (label, comment, rng) in STRUCTURAL.items():
        iri = KGV[name]
        yield iri, RDF.type, OWL.ObjectProperty if rng is None else OWL.DatatypeProperty
        yield iri, RDFS.label, Literal(label, lang="en")
        yield iri, RDFS.comment, Literal(comment, lang="en")
        yield iri, RDFS.isDefinedBy, onto
        if rng is not None:
            yield iri, RDFS.range, rng
    for p in vocab.PREDICATES.values():
        iri = KGV[p.name]
        yield iri, RDF.type, OWL.DatatypeProperty if p.literal else OWL.ObjectProperty
        yield iri, RDFS.label, Literal(p.label, lang="en")
        yield iri, RDFS.comment, Literal(p.description, lang="en")
        yield iri, RDFS.isDefinedBy, onto
        if p.wikidata:
            yield iri, OWL.equivalentProperty, WDT[p.wikidata]
            yield iri, KGV.wikidata, Literal(p.wikidata)
        for t in p.domain:
            if t in TYPE_CLASSES:
                yield iri, SDO.domainIncludes, TYPE_CLASSES[t]
        for t in p.range:
            if t in TYPE_CLASSES:
                yield iri, SDO.rangeIncludes, TYPE_CLASSES[t]
            elif t == vocab.DATE:
                yield iri, SDO.rangeIncludes, XSD.date


def declare_vocabulary(g: Graph) -> None:
    for t in vocabulary():
        g.add(t)


def graph_iri(base: str, part: str) -> URIRef:
    """The named graph a part of kg's RDF goes into: ``vocab``, ``entities`` or ``doc/<id>``."""
    return URIRef(f"{base}graph/{part}")


TRUE, FALSE = Literal(True), Literal(False)
# the fixed terms parts() writes
_WRITTEN = {
    "Document": KGV.Document,
    "Evidence": KGV.Evidence,
    "Fact": KGV.Fact,
    "Mention": KGV.Mention,
    "confidence": KGV.confidence,
    "dc_source": DCTERMS.source,
    "dc_title": DCTERMS.title,
    "document": KGV.document,
    "droppedBlocks": KGV.droppedBlocks,
    "end": KGV.end,
    "evidence": KGV.evidence,
    "false": FALSE,
    "hedged": KGV.hedged,
    "id": KGV.id,
    "mention": KGV.mention,
    "negated": KGV.negated,
    "prov_Entity": PROV.Entity,
    "prov_wasDerivedFrom": PROV.wasDerivedFrom,
    "rdf_Statement": RDF.Statement,
    "rdf_object": RDF.object,
    "rdf_predicate": RDF.predicate,
    "rdf_subject": RDF.subject,
    "rdf_type": RDF.type,
    "rdfs_label": RDFS.label,
    "rule": KGV.rule,
    "schema_mentions": SDO.mentions,
    "sentence": KGV.sentence,
    "skos_altLabel": SKOS.altLabel,
    "start": KGV.start,
    "text": KGV.text,
    "true": TRUE,
}


class Terms(Protocol):
    """What ``parts`` makes its terms with: RdflibTerms, OxTerms or kg.rdf.turtle.TurtleTerms."""

    def iri(self, value: str) -> Any: ...
    def term(self, t: URIRef | Literal) -> Any: ...
    def string(self, value: str) -> Any: ...
    def integer(self, value: int) -> Any: ...
    def key(self, t: Any) -> str: ...


class RdflibTerms:
    """The terms ``parts`` makes by default: rdflib's."""

    def iri(self, value: str) -> URIRef:
        return URIRef(value)

    def term(self, t: URIRef | Literal) -> URIRef | Literal:
        """A term kg.rdf.convert made with rdflib (a vocabulary constant, a typed literal)."""
        return t

    def string(self, value: str) -> Literal:
        return Literal(value)

    def integer(self, value: int) -> Literal:
        return Literal(value, datatype=XSD.integer)

    def key(self, t: URIRef | Literal) -> str:
        """The IRI or lexical form, as the fact and evidence IRIs hash it."""
        return str(t)


class OxTerms:
    """pyoxigraph terms for ``parts``, made directly: the store and the benchmarks hand
    triples to Oxigraph, and an rdflib term per triple would cost more than the rest of the
    output together. The terms are the same as rdflib's (the test suite compares them).
    (kg.rdf.turtle.TurtleTerms makes them as Turtle text.)"""

    def __init__(self) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self._integer = ox.NamedNode(str(XSD.integer))
        self._made: dict[Any, Any] = {}

    def iri(self, value: str) -> Any:
        return self._ox.NamedNode(value)

    def term(self, t: URIRef | Literal) -> Any:
        n = self._made.get(t) if isinstance(t, URIRef) else None
        if n is not None:
            return n
        ox = self._ox
        if isinstance(t, URIRef):
            n = self._made[t] = ox.NamedNode(str(t))
            return n
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            if t.datatype is not None:
                return ox.Literal(str(t), datatype=self.term(t.datatype))
            return ox.Literal(str(t))
        raise RdfError(f"not an RDF term kg writes: {t!r}")

    def string(self, value: str) -> Any:
        return self._ox.Literal(value)

    def integer(self, value: int) -> Any:
        return self._ox.Literal(str(int(value)), datatype=self._integer)

    def key(self, t: Any) -> str:
        return t.value


def parts(
    kg: KnowledgeGraph,
    *,
    base: str,
    terms: Terms | None = None,
    skip: Container[str] = (),
) -> Iterator[tuple[str, Triple]]:
    """Every triple of the graph with the part it belongs to.

    ``vocab`` holds the vocabulary; ``entities`` the entities and the facts (the plain triple
    and the reified statement with its confidence); ``doc/<id>`` what was read from one
    document: the document itself, its mentions and the evidence sentences. N-Quads and TriG
    write each part as a named graph, and the store keeps them so, which lets a rebuild touch
    only what changed. ``terms`` makes the terms: rdflib's by default, ``OxTerms()``
    pyoxigraph's, ``kg.rdf.turtle.TurtleTerms`` Turtle text. Parts named in ``skip`` are left out
    (the store skips documents whose part has not changed, and makes the entities' part from
    the entities and facts that changed).
    """
    T = terms if terms is not None else RdflibTerms()
    c, iri, string, integer, key = T.term, T.iri, T.string, T.integer, T.key
    # the vocabulary's terms made once: rdflib makes a new URIRef at each KGV.x
    v = SimpleNamespace(**{name: c(term) for name, term in _WRITTEN.items()})
    made: dict[str, Any] = {}

    def kgv(name: str) -> Any:
        t = made.get(name)
        if t is None:
            t = made[name] = c(KGV[name])
        return t

    confidences: dict[float, Any] = {}

    def confidence(x: float) -> Any:
        # a confidence recurs (0.8 for a rule, the mean of a fact's evidence), and an
        # xsd:decimal literal goes through Decimal and rdflib: make each one once
        t = confidences.get(x)
        if t is None:
            t = confidences[x] = c(decimal(x))
        return t

    if "vocab" not in skip:
        for s, p, o in vocabulary():
            yield "vocab", (c(s), c(p), c(o))
    entities = "entities" not in skip

    def doc_iri(doc_id: str) -> Any:
        return iri(f"{base}doc/{doc_id}")

    a = v.rdf_type
    classes = defaultdict(lambda: c(SDO.Thing), {t: c(cls) for t, cls in TYPE_CLASSES.items()})
    for d in kg.documents:
        part = f"doc/{d.id}"
        if part in skip:
            continue
        it = doc_iri(d.id)
        yield part, (it, a, v.Document)
        yield part, (it, a, v.prov_Entity)
        yield part, (it, v.id, string(d.id))
        if d.title:
            yield part, (it, v.dc_title, string(d.title))
        if d.source:
            yield part, (it, v.dc_source, string(d.source))
        yield part, (it, v.droppedBlocks, integer(len(d.dropped)))

    def ent_iri(e: Entity) -> Any:
        return iri(f"{base}entity/{e.id}")

    for e in kg.entities:
        it = ent_iri(e)
        if entities:
            yield "entities", (it, a, classes[e.type])
            yield "entities", (it, v.id, string(e.id))
            yield "entities", (it, v.rdfs_label, string(e.name))
            for al in e.aliases:
                yield "entities", (it, v.skos_altLabel, string(al))
        said_in: set[str] = set()
        for m in e.mentions:
            part = f"doc/{m.doc_id}"
            if part in skip:
                continue
            if m.doc_id not in said_in:  # the document names the entity: one hop for queries
                said_in.add(m.doc_id)
                yield part, (doc_iri(m.doc_id), v.schema_mentions, it)
            mi = iri(f"{base}mention/{m.doc_id}/{m.start}-{m.end}")
            yield part, (it, v.mention, mi)
            yield part, (mi, a, v.Mention)
            yield part, (mi, v.document, doc_iri(m.doc_id))
            yield part, (mi, v.start, integer(m.start))
            yield part, (mi, v.end, integer(m.end))
            yield part, (mi, v.text, string(m.text))

    def fact(r: Relation, negated: bool) -> Iterator[tuple[str, Triple]]:
        s = ent_iri(r.subject)
        p = kgv(r.predicate)
        o = ent_iri(r.object) if isinstance(r.object, Entity) else c(literal(r.object))
        f = iri(f"{base}fact/{_h(r.subject.id, r.predicate, key(o), negated)}")
        if entities:
            if not negated:
                yield "entities", (s, p, o)
            yield "entities", (f, a, v.rdf_Statement)
            yield "entities", (f, a, v.Fact)
            yield "entities", (f, a, v.prov_Entity)
            yield "entities", (f, v.rdf_subject, s)
            yield "entities", (f, v.rdf_predicate, p)
            yield "entities", (f, v.rdf_object, o)
            yield "entities", (f, v.confidence, confidence(r.confidence))
            if negated:
                yield "entities", (f, v.negated, v.true)
        fk = key(f)
        for ev in r.evidence:
            part = f"doc/{ev.doc_id}"
            if part not in skip:
                yield from evidence(f, fk, ev, part)

    def evidence(f: Any, fk: str, ev: Evidence, part: str) -> Iterator[tuple[str, Triple]]:
        h = _h(fk, ev.doc_id, ev.start, ev.subject_span, ev.object_span, ev.rule)
        e = iri(f"{base}evidence/{h}")
        doc = doc_iri(ev.doc_id)
        derived = v.prov_wasDerivedFrom
        yield part, (f, v.evidence, e)
        yield part, (f, derived, doc)
        yield part, (e, a, v.Evidence)
        yield part, (e, a, v.prov_Entity)
        yield part, (e, derived, doc)
        yield part, (e, v.sentence, string(ev.sentence))
        for name, value in (
            ("start", ev.start),
            ("end", ev.end),
            ("subjectStart", ev.subject_span[0]),
            ("subjectEnd", ev.subject_span[1]),
            ("objectStart", ev.object_span[0]),
            ("objectEnd", ev.object_span[1]),
        ):
            yield part, (e, kgv(name), integer(value))
        yield part, (e, v.rule, string(ev.rule))
        yield part, (e, v.confidence, confidence(ev.confidence))
        yield part, (e, v.hedged, (v.true if ev.hedged else v.false))

    for r in kg.relations:
        yield from fact(r, negated=False)
    for r in kg.flagged:
        yield from fact(r, negated=True)


def quads(kg: KnowledgeGraph, *, base: str, skip: Container[str] = ()) -> Iterator[tuple[str, Any]]:
    """``parts`` as pyoxigraph quads, each in its part's named graph (``graph_iri``)."""
    import pyoxigraph as ox

    graphs: dict[str, Any] = {}
    for part, (s, p, o) in parts(kg, base=base, terms=OxTerms(), skip=skip):
        g = graphs.get(part)
        if g is None:
            g = graphs[part] = ox.NamedNode(str(graph_iri(base, part)))
        yield part, ox.Quad(s, p, o, g)


def document_parts(kg: KnowledgeGraph, *, base: str) -> dict[str, str]:
    """A digest of what each document's part is made from (``parts`` writes ``doc/<id>`` from
    the document, the mentions in it with their entities' ids, and the evidence read from it
    with its fact's key), found without making a triple: a rebuild writes only the parts whose
    digest changed. kg.rdf.convert's own code is part of every digest. A fact's confidence is not:
    it is in the entities' part, and it moves with every reading of the fact elsewhere."""
    salt = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + base
    items: dict[str, list[str]] = {f"doc/{d.id}": [repr(d)] for d in kg.documents}
    for e in kg.entities:
        for m in e.mentions:
            items[f"doc/{m.doc_id}"].append(f"m\x1f{e.id}\x1f{m!r}")
    for negated, rels in ((False, kg.relations), (True, kg.flagged)):
        for r in rels:
            o = r.object.id if isinstance(r.object, Entity) else repr(literal(r.object))
            f = f"e\x1f{r.subject.id}\x1f{r.predicate}\x1f{o}\x1f{negated}"
            for ev in r.evidence:
                items[f"doc/{ev.doc_id}"].append(f"{f}\x1f{ev!r}")
    return {
        part: hashlib.sha256("\x1e".join([salt, *sorted(xs)]).encode("utf-8")).hexdigest()[:32]
        for part, xs in items.items()
    }


def _bind(g: Graph, base: str) -> None:
    for prefix, n in (
        ("kg", Namespace(base)),
        ("kgv", KGV),
        ("schema", SDO),
        ("wdt", WDT),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("owl", OWL),
    ):
        g.bind(prefix, n, override=True)


def to_rdf(kg: KnowledgeGraph, *, base: str) -> Graph:
    """The graph as one rdflib Graph (every part in it)."""
    g = Graph()
    _bind(g, base)
    for _, t in parts(kg, base=base):
        g.add(t)
    return g


def to_dataset(kg: KnowledgeGraph, *, base: str) -> Dataset:
    """The graph as an rdflib Dataset: one named graph per part (see ``parts``)."""
    ds = Dataset()
    _bind(ds, base)
    graphs: dict[str, Graph] = {}
    for part, t in parts(kg, base=base):
        if part not in graphs:
            graphs[part] = ds.graph(graph_iri(base, part))
        graphs[part].add(t)
    return ds


def serialize(g: Graph, format: str) -> str:
    """``g`` in one of kg's formats. A Dataset keeps its named graphs in N-Quads and TriG; a
    plain Graph goes into one named graph there."""
    fmt = rdf_format(format)
    if fmt in ("nquads", "trig") and not isinstance(g, Dataset):
        ds = Dataset()
        for prefix, n in g.namespaces():
            ds.bind(prefix, n)
        ctx = ds.graph(URIRef(str(KGV) + "graph"))
        for t in g:
            ctx.add(t)
        g = ds
    elif fmt not in ("nquads", "trig") and isinstance(g, Dataset):
        flat = Graph()
        for prefix, n in g.namespaces():
            flat.bind(prefix, n)
        for s, p, o, _ in g.quads((None, None, None, None)):
            flat.add((s, p, o))
        g = flat
    out = g.serialize(format=FORMATS[fmt][0])
    if fmt in ("ntriples", "nquads"):  # rdflib writes these in hash order
        out = "\n".join(sorted(line for line in out.split("\n") if line.strip())) + "\n"
    return out


def serialize_kg(kg: KnowledgeGraph, format: str, *, base: str | None = None) -> str:
    """The knowledge graph in one of kg's formats; N-Quads and TriG have a graph per part."""
    fmt = rdf_format(format)
    b = base or kg.base
    g = to_dataset(kg, base=b) if fmt in ("nquads", "trig") else to_rdf(kg, base=b)
    return serialize(g, fmt)


def write(kg: KnowledgeGraph, path: Path, *, format: str = "turtle") -> None:
    from kg.files import atomic_write

    atomic_write(path, serialize_kg(kg, format))


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
    from kg.graph import KnowledgeGraph

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
