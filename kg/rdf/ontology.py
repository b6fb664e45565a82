"""kg's vocabulary as RDF: its classes, structural properties and relation predicates, each
with a label and a comment, and each predicate tied to its Wikidata property and to the
schema.org classes it links."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef

from kg import vocab
from kg.rdf.namespaces import KGV, OWL, PROV, RDF, RDFS, SDO, WDT, XSD
from kg.rdf.terms import Triple

# kg's entity types and the schema.org classes they are written as
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

# kg's own structural classes and properties, declared so that the vocabulary is self-describing
CLASSES = {
    # name: (label, comment, parent class or None)
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
    "candidate": (
        "candidate",
        "read with less confidence than the build's threshold: recorded, not asserted",
        XSD.boolean,
    ),
    "direct": (
        "direct",
        "the quotation's words are quoted as said (true) or reported (false)",
        XSD.boolean,
    ),
    "droppedBlocks": ("dropped blocks", "blocks of page furniture left out", XSD.integer),
    "encoding": ("encoding", "how the document's file was encoded", XSD.string),
    "wikidata": ("Wikidata property", "id of the matching Wikidata property", XSD.string),
    "nameKey": (
        "name key",
        "the entity's name or an alias folded for lookup: lower case, accents spelled in ASCII",
        XSD.string,
    ),
    "reportedOn": (
        "reported on",
        "the publication date of the document the evidence was read in: when it was reported",
        RDFS.Literal,
    ),
    "startTime": (
        "start time",
        "when the fact began (a qualifier, as Wikidata's P580): xsd:gYear, xsd:gYearMonth or "
        "xsd:date, as precise as the text",
        RDFS.Literal,
    ),
    "endTime": (
        "end time",
        "when the fact ended (a qualifier, as Wikidata's P582), as precise as the text",
        RDFS.Literal,
    ),
    "pointInTime": (
        "point in time",
        "when the fact happened or held (a qualifier, as Wikidata's P585), as precise as the text",
        RDFS.Literal,
    ),
    "status": (
        "status",
        "how far an acquisition has got (announced, agreed, completed; only a completed one is "
        "asserted), or 'ended' for a post left",
        XSD.string,
    ),
    "of": ("of", "the organisation a position held is of (a qualifier, as Wikidata's P642)", None),
    "singleValued": (
        "single valued",
        "the predicate's object is one at a time (a company's chief executive): a later one ends "
        "an earlier one's term",
        XSD.boolean,
    ),
}
# the qualifiers and the Wikidata properties they stand for (on a statement, pq:P580 and so on)
QUALIFIERS = {"startTime": "P580", "endTime": "P582", "pointInTime": "P585", "of": "P642"}


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
        yield from _described(KGV[name], OWL.Class, label, comment, onto)
        if parent is not None:
            yield KGV[name], RDFS.subClassOf, parent
    for name, (label, comment, rng) in STRUCTURAL.items():
        kind = OWL.ObjectProperty if rng is None else OWL.DatatypeProperty
        yield from _described(KGV[name], kind, label, comment, onto)
        if rng is not None:
            yield KGV[name], RDFS.range, rng
        if name in QUALIFIERS:
            yield KGV[name], KGV.wikidata, Literal(QUALIFIERS[name])
    for p in vocab.PREDICATES.values():
        yield from _predicate(p, onto)


def _described(
    iri: URIRef, kind: URIRef, label: str, comment: str, onto: URIRef
) -> Iterator[Triple]:
    yield iri, RDF.type, kind
    yield iri, RDFS.label, Literal(label, lang="en")
    yield iri, RDFS.comment, Literal(comment, lang="en")
    yield iri, RDFS.isDefinedBy, onto


def _predicate(p: vocab.Predicate, onto: URIRef) -> Iterator[Triple]:
    iri = KGV[p.name]
    kind = OWL.DatatypeProperty if p.literal else OWL.ObjectProperty
    yield from _described(iri, kind, p.label, p.description, onto)
    if p.single:
        yield iri, KGV.singleValued, Literal(True)
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
        elif t == vocab.TEXT:
            yield iri, SDO.rangeIncludes, XSD.string
