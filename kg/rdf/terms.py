"""The RDF terms kg writes: typed literals, and the three term makers ``parts`` can write with.

``parts`` (kg.rdf.triples) builds every triple through a ``Terms``: rdflib's terms by default,
pyoxigraph's for the store (``OxTerms``), or Turtle text for graph.ttl
(kg.rdf.turtle.TurtleTerms). The three give the same terms; the test suite compares them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

from rdflib import Literal, URIRef

from kg.errors import RdfError
from kg.rdf.namespaces import XSD

Triple = tuple[Any, Any, Any]


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
        """A term made with rdflib (a vocabulary constant, a typed literal)."""
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
    output together. The terms are the same as rdflib's (the test suite compares them)."""

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
