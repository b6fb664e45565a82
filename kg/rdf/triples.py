"""The knowledge graph as triples, each in the part of the graph it belongs to.

The model, in short (docs have it in full):
- an entity is ``<base>entity/<id>``, typed with a schema.org class, ``rdfs:label`` its name,
  ``skos:altLabel`` its aliases, ``kgv:nameKey`` each of them folded for lookup
  (``kg.names.fold``: lower case, accents spelled in ASCII), ``kgv:mention`` nodes for where
  it occurs, and each document that names it says so with ``schema:mentions``;
- a fact is a plain triple ``<s> kgv:<predicate> <o>`` (or a typed literal), so it can be
  queried directly, *and* a reified ``rdf:Statement`` (also a ``prov:Entity``) carrying
  ``kgv:confidence`` and one ``kgv:evidence`` node per sentence: the document
  (``prov:wasDerivedFrom``), the sentence text, character offsets and the rule that read it.
  Provenance is reified rather than carried by graph names because one fact may rest on
  several sentences of several documents, each with offsets and a rule;
- a fact read with less confidence than the build asserts (``KnowledgeGraph.candidates``) and
  a negated one (``flagged``) are the reified statement alone, marked ``kgv:candidate true``
  or ``kgv:negated true``: no plain triple, so queries over the triples do not see them;
- a quotation is a ``schema:Quotation`` with its speaker and evidence (kg.rdf.quotes);
- kg's vocabulary declares itself (kg.rdf.ontology);
- the triples fall into parts (``parts``): the vocabulary, the entities and facts, and one part
  per document. N-Quads and TriG write each as a named graph, and the store keeps them so.
Every node has an IRI (no blank nodes), so the same graph always serialises the same way.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Container, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from kg.model import Document, Entity, Evidence, Relation
from kg.names import fold
from kg.rdf.namespaces import DCTERMS, KGV, PROV, RDF, RDFS, SDO, SKOS, XSD
from kg.rdf.ontology import TYPE_CLASSES, vocabulary
from kg.rdf.quotes import quote_parts
from kg.rdf.terms import OxTerms, RdflibTerms, Terms, Triple, decimal, literal

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

Part = tuple[str, Triple]

# the fixed terms parts() writes
_WRITTEN = {
    "Document": KGV.Document,
    "Evidence": KGV.Evidence,
    "Fact": KGV.Fact,
    "Mention": KGV.Mention,
    "candidate": KGV.candidate,
    "confidence": KGV.confidence,
    "dc_source": DCTERMS.source,
    "dc_title": DCTERMS.title,
    "encoding": KGV.encoding,
    "NewsArticle": SDO.NewsArticle,
    "WebPage": SDO.WebPage,
    "schema_author": SDO.author,
    "schema_datePublished": SDO.datePublished,
    "schema_description": SDO.description,
    "schema_headline": SDO.headline,
    "schema_inLanguage": SDO.inLanguage,
    "schema_locationCreated": SDO.locationCreated,
    "schema_publisher": SDO.publisher,
    "schema_url": SDO.url,
    "document": KGV.document,
    "droppedBlocks": KGV.droppedBlocks,
    "end": KGV.end,
    "evidence": KGV.evidence,
    "false": Literal(False),
    "hedged": KGV.hedged,
    "id": KGV.id,
    "mention": KGV.mention,
    "nameKey": KGV.nameKey,
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
    "true": Literal(True),
    "reportedOn": KGV.reportedOn,
    "startTime": KGV.startTime,
    "endTime": KGV.endTime,
    "pointInTime": KGV.pointInTime,
    "status": KGV.status,
    "of": KGV.of,
}
# the qualifier each of kg.model's time roles is written with
TIME_TERMS = {"start": "startTime", "end": "endTime", "when": "pointInTime"}
# statuses of a fact not (yet) asserted: an acquisition announced or agreed is not ownership
UNASSERTED = ("announced", "agreed")


def graph_iri(base: str, part: str) -> URIRef:
    """The named graph a part of kg's RDF goes into: ``vocab``, ``entities`` or ``doc/<id>``."""
    return URIRef(f"{base}graph/{part}")


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


class _Maker:
    """The terms one run of ``parts`` writes, each made once: rdflib makes a new URIRef at
    each ``KGV.x``, and a confidence recurs (0.8 for a rule, the mean of a fact's evidence)."""

    def __init__(self, terms: Terms, base: str, skip: Container[str]) -> None:
        c = terms.term
        self.terms, self.base, self.skip = terms, base, skip
        self.iri, self.string, self.integer = terms.iri, terms.string, terms.integer
        self.v = SimpleNamespace(**{name: c(term) for name, term in _WRITTEN.items()})
        self.classes = defaultdict(
            lambda: c(SDO.Thing), {t: c(cls) for t, cls in TYPE_CLASSES.items()}
        )
        self.with_entities = "entities" not in skip
        self._kgv: dict[str, Any] = {}
        self._confidences: dict[float, Any] = {}

    def kgv(self, name: str) -> Any:
        t = self._kgv.get(name)
        if t is None:
            t = self._kgv[name] = self.terms.term(KGV[name])
        return t

    def confidence(self, x: float) -> Any:
        t = self._confidences.get(x)
        if t is None:  # an xsd:decimal literal goes through Decimal and rdflib: once each
            t = self._confidences[x] = self.terms.term(decimal(x))
        return t

    def doc(self, doc_id: str) -> Any:
        return self.iri(f"{self.base}doc/{doc_id}")

    def entity(self, e: Entity) -> Any:
        return self.iri(f"{self.base}entity/{e.id}")


def parts(
    kg: KnowledgeGraph,
    *,
    base: str,
    terms: Terms | None = None,
    skip: Container[str] = (),
) -> Iterator[Part]:
    """Every triple of the graph with the part it belongs to.

    ``vocab`` holds the vocabulary; ``entities`` the entities and the facts (the plain triple
    and the reified statement with its confidence); ``doc/<id>`` what was read from one
    document: the document itself, its mentions, its quotations and the evidence sentences.
    N-Quads and TriG write each part as a named graph, and the store keeps them so, which lets
    a rebuild touch only what changed. ``terms`` makes the terms: rdflib's by default, ``OxTerms()``
    pyoxigraph's, ``kg.rdf.turtle.TurtleTerms`` Turtle text. Parts named in ``skip`` are left out
    (the store skips documents whose part has not changed, and makes the entities' part from
    the entities and facts that changed).
    """
    m = _Maker(terms if terms is not None else RdflibTerms(), base, skip)
    if "vocab" not in skip:
        c = m.terms.term
        for s, p, o in vocabulary():
            yield "vocab", (c(s), c(p), c(o))
    # one generator per kind, not per entity or fact: each level of generators costs a little
    # on every triple, and the store writes millions
    yield from _documents(kg, m)
    yield from _entities(kg, m)
    yield from _facts(kg.relations, m, negated=False)
    yield from _facts(kg.candidates, m, negated=False, candidate=True)
    yield from _facts(kg.flagged, m, negated=True)
    yield from quote_parts(kg, m, _evidence)


def _documents(kg: KnowledgeGraph, m: _Maker) -> Iterator[Part]:
    v, string = m.v, m.string
    names = _by_name(kg.entities)
    for d in kg.documents:
        part = f"doc/{d.id}"
        if part in m.skip:
            continue
        it = m.doc(d.id)
        yield part, (it, v.rdf_type, v.Document)
        yield part, (it, v.rdf_type, v.prov_Entity)
        yield part, (it, v.id, string(d.id))
        if d.title:
            yield part, (it, v.dc_title, string(d.title))
        if d.source:
            yield part, (it, v.dc_source, string(d.source))
        yield part, (it, v.droppedBlocks, m.integer(len(d.dropped)))
        yield from _article(d, it, part, m, names)


# the entity types an article's author or publisher may be, and its dateline's place
_AGENTS = ("Person", "Organization")
_PLACES = ("Place",)


def _by_name(entities: list[Entity]) -> dict[tuple[str, str], Entity]:
    """Entities by (type, casefolded name or alias): the first in order wins."""
    out: dict[tuple[str, str], Entity] = {}
    for e in entities:
        for n in (e.name, *e.aliases):
            out.setdefault((e.type, n.casefold()), e)
    return out


def _agent(
    name: str, types: tuple[str, ...], names: dict[tuple[str, str], Entity], m: _Maker
) -> Any:
    """The entity an author's, publisher's or place's name is, else the name as a string."""
    key = name.casefold()
    # a dateline's "SIALKOT, Pakistan" is the town; "WASHINGTON" is "Washington"
    for n in (key, key.split(",")[0].strip()):
        for t in types:
            if (e := names.get((t, n))) is not None:
                return m.entity(e)
    return m.string(name)


def _published(date: str) -> Literal:
    """An ISO date as xsd:date, a date and time as xsd:dateTime."""
    if "T" in date:
        full = date if date.count(":") == 2 else date + ":00"
        return Literal(full, datatype=XSD.dateTime)
    return literal(date)


def _article(
    d: Document, it: Any, part: str, m: _Maker, names: dict[tuple[str, str], Entity]
) -> Iterator[Part]:
    """A document as a schema.org NewsArticle (a dateline, byline or date) or WebPage, with
    its headline, authors, date, publisher, language, URL, description and dateline place."""
    v, string = m.v, m.string
    yield part, (it, v.rdf_type, v.NewsArticle if d.is_news else v.WebPage)
    if d.title:
        yield part, (it, v.schema_headline, string(d.title))
    for a in d.authors:
        yield part, (it, v.schema_author, _agent(a, _AGENTS, names, m))
    if d.date:
        yield part, (it, v.schema_datePublished, m.terms.term(_published(d.date)))
    if d.site:
        yield part, (it, v.schema_publisher, _agent(d.site, _AGENTS, names, m))
    if d.language:
        yield part, (it, v.schema_inLanguage, string(d.language))
    if d.url:
        yield part, (it, v.schema_url, m.terms.term(Literal(d.url, datatype=XSD.anyURI)))
    if d.description:
        yield part, (it, v.schema_description, string(d.description))
    if d.place:
        yield part, (it, v.schema_locationCreated, _agent(d.place, _PLACES, names, m))
    if d.encoding:
        yield part, (it, v.encoding, string(d.encoding))


def _entities(kg: KnowledgeGraph, m: _Maker) -> Iterator[Part]:
    """Each entity in the entities' part, and each of its mentions in its document's part."""
    v, iri, string, integer, doc, skip = m.v, m.iri, m.string, m.integer, m.doc, m.skip
    a = v.rdf_type
    for e in kg.entities:
        it = m.entity(e)
        if m.with_entities:
            yield "entities", (it, a, m.classes[e.type])
            yield "entities", (it, v.id, string(e.id))
            yield "entities", (it, v.rdfs_label, string(e.name))
            for al in e.aliases:
                yield "entities", (it, v.skos_altLabel, string(al))
            # the name and aliases as queries look them up, case and accents aside
            for k in sorted({fold(e.name), *map(fold, e.aliases)}):
                yield "entities", (it, v.nameKey, string(k))
        said_in: set[str] = set()
        for mention in e.mentions:
            doc_id = mention.doc_id
            part = f"doc/{doc_id}"
            if part in skip:
                continue
            if doc_id not in said_in:  # the document names the entity: one hop for queries
                said_in.add(doc_id)
                yield part, (doc(doc_id), v.schema_mentions, it)
            mi = iri(f"{m.base}mention/{doc_id}/{mention.start}-{mention.end}")
            yield part, (it, v.mention, mi)
            yield part, (mi, a, v.Mention)
            yield part, (mi, v.document, doc(doc_id))
            yield part, (mi, v.start, integer(mention.start))
            yield part, (mi, v.end, integer(mention.end))
            yield part, (mi, v.text, string(mention.text))


def _facts(
    rels: list[Relation], m: _Maker, *, negated: bool, candidate: bool = False
) -> Iterator[Part]:
    """Each fact's plain triple (unless denied or a candidate) and reified statement in the
    entities' part, and each piece of its evidence in its document's part."""
    v, entity, key = m.v, m.entity, m.terms.key
    a = v.rdf_type
    for r in rels:
        s = entity(r.subject)
        p = m.kgv(r.predicate)
        o = entity(r.object) if isinstance(r.object, Entity) else m.terms.term(literal(r.object))
        # a position held's organisation is part of the fact (the same post at two companies)
        of = (r.of.id,) if r.of is not None else ()
        f = m.iri(f"{m.base}fact/{_h(r.subject.id, r.predicate, key(o), negated, *of)}")
        if m.with_entities:
            if not negated and not candidate and r.status not in UNASSERTED:
                yield "entities", (s, p, o)
            yield "entities", (f, a, v.rdf_Statement)
            yield "entities", (f, a, v.Fact)
            yield "entities", (f, a, v.prov_Entity)
            yield "entities", (f, v.rdf_subject, s)
            yield "entities", (f, v.rdf_predicate, p)
            yield "entities", (f, v.rdf_object, o)
            yield "entities", (f, v.confidence, m.confidence(r.confidence))
            if negated:
                yield "entities", (f, v.negated, v.true)
            if candidate:
                yield "entities", (f, v.candidate, v.true)
            yield from _qualifiers(f, r, m)
        fk = key(f)
        for ev in r.evidence:
            part = f"doc/{ev.doc_id}"
            if part not in m.skip:
                yield from _evidence(f, fk, ev, part, m)


def _qualifiers(f: Any, r: Relation, m: _Maker) -> Iterator[Part]:
    """A fact's Wikidata-style qualifiers on its statement: start, end and point in time (typed
    by their precision), status, and the organisation a position held is of."""
    v = m.v
    for role, t in (("start", r.start), ("end", r.end), ("when", r.when)):
        if t is not None:
            yield "entities", (f, getattr(v, TIME_TERMS[role]), m.terms.term(literal(t.value)))
    if r.status:
        yield "entities", (f, v.status, m.string(r.status))
    if r.of is not None:
        yield "entities", (f, v.of, m.entity(r.of))


def _evidence(f: Any, fk: str, ev: Evidence, part: str, m: _Maker) -> Iterator[Part]:
    v, integer, kgv = m.v, m.integer, m.kgv
    key = (fk, ev.doc_id, ev.start, ev.subject_span, ev.object_span, ev.rule)
    # an inverse fact's readings of one sentence may differ in their status or times alone
    # (kg.resolve.infer.ev_order): each its own node, so the graph reads back as it was
    h = _h(*key, ev.status, ev.times) if ev.status or ev.times else _h(*key)
    e = m.iri(f"{m.base}evidence/{h}")
    doc = m.doc(ev.doc_id)
    derived = v.prov_wasDerivedFrom
    yield part, (f, v.evidence, e)
    yield part, (f, derived, doc)
    yield part, (e, v.rdf_type, v.Evidence)
    yield part, (e, v.rdf_type, v.prov_Entity)
    yield part, (e, derived, doc)
    yield part, (e, v.sentence, m.string(ev.sentence))
    for name, value in (
        ("start", ev.start),
        ("end", ev.end),
        ("subjectStart", ev.subject_span[0]),
        ("subjectEnd", ev.subject_span[1]),
        ("objectStart", ev.object_span[0]),
        ("objectEnd", ev.object_span[1]),
    ):
        yield part, (e, kgv(name), integer(value))
    yield part, (e, v.rule, m.string(ev.rule))
    yield part, (e, v.confidence, m.confidence(ev.confidence))
    yield part, (e, v.hedged, (v.true if ev.hedged else v.false))
    if ev.reported:
        yield part, (e, v.reportedOn, m.terms.term(_published(ev.reported)))
    for role, t in ev.times:
        yield part, (e, getattr(v, TIME_TERMS[role]), m.terms.term(literal(t.value)))
    if ev.status:
        yield part, (e, v.status, m.string(ev.status))


def quads(kg: KnowledgeGraph, *, base: str, skip: Container[str] = ()) -> Iterator[tuple[str, Any]]:
    """``parts`` as pyoxigraph quads, each in its part's named graph (``graph_iri``)."""
    import pyoxigraph as ox

    graphs: dict[str, Any] = {}
    for part, (s, p, o) in parts(kg, base=base, terms=OxTerms(), skip=skip):
        g = graphs.get(part)
        if g is None:
            g = graphs[part] = ox.NamedNode(str(graph_iri(base, part)))
        yield part, ox.Quad(s, p, o, g)


# the code that makes a document's part: a change to it changes every document's digest
_PART_CODE = ("triples.py", "quotes.py", "terms.py", "namespaces.py")


def document_parts(kg: KnowledgeGraph, *, base: str) -> dict[str, str]:
    """A digest of what each document's part is made from (``parts`` writes ``doc/<id>`` from
    the document, the mentions in it with their entities' ids, and the evidence read from it
    with its fact's key), found without making a triple: a rebuild writes only the parts whose
    digest changed. The code that makes the parts is in every digest. A fact's confidence is
    not: it is in the entities' part, and it moves with every reading of the fact elsewhere."""
    here = Path(__file__).parent
    code = b"".join((here / name).read_bytes() for name in _PART_CODE)
    salt = hashlib.sha256(code).hexdigest() + base
    items: dict[str, list[str]] = {f"doc/{d.id}": [repr(d)] for d in kg.documents}
    for e in kg.entities:
        for mention in e.mentions:
            items[f"doc/{mention.doc_id}"].append(f"m\x1f{e.id}\x1f{mention!r}")
    # a candidate's fact node is the one it has when asserted: only the entities' part differs
    for negated, rels in ((False, [*kg.relations, *kg.candidates]), (True, kg.flagged)):
        for r in rels:
            o = r.object.id if isinstance(r.object, Entity) else repr(literal(r.object))
            f = f"e\x1f{r.subject.id}\x1f{r.predicate}\x1f{o}\x1f{negated}"
            if r.of is not None:
                f += f"\x1f{r.of.id}"
            for ev in r.evidence:
                items[f"doc/{ev.doc_id}"].append(f"{f}\x1f{ev!r}")
    for q in kg.quotes:
        items[f"doc/{q.evidence.doc_id}"].append(f"q\x1f{q.speaker.id}\x1f{q!r}")
    return {
        part: hashlib.sha256("\x1e".join([salt, *sorted(xs)]).encode("utf-8")).hexdigest()[:32]
        for part, xs in items.items()
    }
