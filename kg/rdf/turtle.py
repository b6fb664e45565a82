"""Turtle, fast: the triples of kg.rdf.triples.parts written as Turtle text directly.

This is kg's one Turtle writer: graph.ttl and ``kg export --format turtle`` both come from it.

rdflib's Turtle serializer spends most of a large build's output time looking up prefixes term
by term (about 80 microseconds a triple, as long as spaCy takes for a few words). Here each term
is made once as the Turtle text that stands for it (``TurtleTerms``), the triples are grouped by
subject and joined: about 3 microseconds a triple, where making Oxigraph terms and triples and
having Oxigraph write them took more than twice as long. The triples are exactly kg.rdf's (the test
suite checks that rdflib and Oxigraph read the file back to the same graph); only the layout
differs from rdflib's.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from kg.errors import RdfError
from kg.rdf.namespaces import RDF, XSD, prefixes
from kg.rdf.triples import parts

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


# a string literal's characters that Turtle needs escaped, and the other control characters
_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_ESCAPES.update({ord(k): v for k, v in {
    "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\",
}.items()})  # fmt: skip
_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_UNESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "'": "'", "\\": "\\"}
# a local name written after a prefix (the characters of the IRIs kg mints), with "/" escaped;
# one that ends in "." or holds any other character is written as a full <IRI>
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_./-]*[A-Za-z0-9_/-])?")
_LOCAL_ESCAPES = str.maketrans({"/": "\\/"})
# what an IRI may not hold (RFC 3987 as Turtle's IRIREF reads it)
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# typed literals Turtle writes bare, when their lexical form is the bare form's
_BARE = {
    str(XSD.integer): re.compile(r"[+-]?[0-9]+"),
    str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    str(XSD.double): re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+"),
    str(XSD.boolean): re.compile(r"true|false"),
}


class TurtleTerms:
    """Terms for ``kg.rdf.triples.parts`` as the Turtle text that writes them: an IRI as a
    prefixed name where one of ``prefixes`` fits, else ``<...>``; a literal quoted and escaped,
    or bare where Turtle allows (integers, decimals, booleans)."""

    def __init__(self, prefixes: dict[str, str], *, main: str = "kg") -> None:
        for name, ns in prefixes.items():
            if _NOT_IRI.search(ns) or ":" not in ns:
                raise RdfError(f"the {name!r} prefix is not an IRI kg can write: {ns!r}")
        # the longest namespace first: kgv's IRIs start with kg's base too
        self._ns = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self._by_name = dict(prefixes)
        self._main, self._main_ns = main, prefixes[main]  # where the IRIs kg mints start
        self._made: dict[URIRef, str] = {}

    def iri(self, value: str) -> str:
        ns = self._main_ns
        if value.startswith(ns):  # the common case, tried first
            local = value[len(ns) :]
            if _LOCAL.fullmatch(local):
                return f"{self._main}:{local.translate(_LOCAL_ESCAPES)}"
        return self._full(value)

    def _full(self, value: str) -> str:
        for ns, name in self._ns:
            if value.startswith(ns):
                local = value[len(ns) :]
                if _LOCAL.fullmatch(local):
                    return f"{name}:{local.translate(_LOCAL_ESCAPES)}"
        if _NOT_IRI.search(value) or ":" not in value:
            raise RdfError(f"not an IRI kg can write: {value!r}")
        return f"<{value}>"

    def term(self, t: URIRef | Literal) -> str:
        """A term kg.rdf made with rdflib (a vocabulary constant, a typed literal)."""
        if isinstance(t, URIRef):
            got = self._made.get(t)
            if got is None:
                got = self._made[t] = self._full(str(t))
            return got
        if isinstance(t, Literal):
            lexical = str(t)
            if t.language:
                return f"{self.string(lexical)}@{t.language}"
            dt = t.datatype
            if dt is None:
                return self.string(lexical)
            bare = _BARE.get(str(dt))
            if bare is not None and bare.fullmatch(lexical):
                return lexical
            return f"{self.string(lexical)}^^{self.term(dt)}"
        raise RdfError(f"not an RDF term kg writes: {t!r}")

    def string(self, value: str) -> str:
        return f'"{value.translate(_ESCAPES)}"'

    def integer(self, value: int) -> str:
        return str(int(value))

    def key(self, t: str) -> str:
        """The IRI or lexical form of a term this made, as the fact and evidence IRIs hash it."""
        if t.startswith("<"):
            return t[1:-1]
        if t.startswith('"'):
            return _unescape(t[1 : t.rindex('"')])
        name, colon, local = t.partition(":")
        if colon:  # a prefixed name: its escapes are a backslash before the character itself
            return self._by_name[name] + local.replace("\\", "")
        return t  # a bare number or boolean


def _unescape(s: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1) or m.group(2)
        return chr(int(code, 16)) if code else _UNESCAPED.get(m.group(3), m.group(3))

    return _UNESCAPE.sub(one, s) if "\\" in s else s


def turtle(kg: KnowledgeGraph, *, base: str | None = None) -> str:
    """The graph as Turtle: every triple of kg.rdf.triples.parts once, in a fixed order (grouped by
    subject, subjects in order, each subject's triples in kg.rdf.triples' order), so that the same
    graph always gives the same bytes."""
    b = base or kg.base
    declared = prefixes(b)
    terms = TurtleTerms(declared)
    a = terms.term(RDF.type)
    # each triple once (the first time, in kg.rdf's order), then a stable sort on the subject
    ordered = sorted(dict.fromkeys(t for _, t in parts(kg, base=b, terms=terms)), key=itemgetter(0))
    out = [f"@prefix {name}: <{ns}> .\n" for name, ns in sorted(declared.items())]
    last_s = last_p = None
    for s, p, o in ordered:
        if s == last_s:
            if p == last_p:
                out.append(f" , {o}")
            else:
                out.append(f" ;\n\t{'a' if p == a else p} {o}")
        else:
            if last_s is not None:
                out.append(" .\n")
            out.append(f"{s} {'a' if p == a else p} {o}")
        last_s, last_p = s, p
    if last_s is not None:
        out.append(" .\n")
    return "".join(out)
