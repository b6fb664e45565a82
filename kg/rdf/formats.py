"""kg's RDF formats, and rdflib graphs to and from text in them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import FormatError, RdfError
from kg.rdf.namespaces import KGV


@dataclass(frozen=True)
class Format:
    """One of kg's RDF formats: its name, rdflib's name for it and its file suffix."""

    name: str
    rdflib: str
    suffix: str

    @property
    def quads(self) -> bool:
        """Whether the format keeps named graphs (N-Quads, TriG)."""
        return self.name in ("nquads", "trig")


FORMATS = {
    f.name: f
    for f in (
        Format("turtle", "turtle", ".ttl"),
        Format("ntriples", "nt", ".nt"),
        Format("nquads", "nquads", ".nq"),
        Format("trig", "trig", ".trig"),
        Format("jsonld", "json-ld", ".jsonld"),
        Format("xml", "xml", ".rdf"),
    )
}
SUFFIX_FORMATS = {f.suffix: name for name, f in FORMATS.items()}
SUFFIX_FORMATS.update({".ttl": "turtle", ".owl": "xml", ".xml": "xml", ".json": "jsonld"})
_ALIASES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "nq": "nquads",
    "json": "jsonld",
    "rdfxml": "xml",
    "rdf": "xml",
}


def rdf_format(name: str) -> str:
    """kg's name for a format given by name or alias; an error lists the valid ones."""
    key = name.lower().replace("-", "")
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise FormatError(f"unknown RDF format {name!r}; choose one of: {', '.join(FORMATS)}")
    return key


def serialize(g: Graph, format: str) -> str:
    """``g`` in one of kg's formats, written by rdflib. A Dataset keeps its named graphs in
    N-Quads and TriG; a plain Graph goes into one named graph there."""
    fmt = FORMATS[rdf_format(format)]
    if fmt.quads and not isinstance(g, Dataset):
        ds = Dataset()
        for prefix, n in g.namespaces():
            ds.bind(prefix, n)
        ctx = ds.graph(URIRef(str(KGV) + "graph"))
        for t in g:
            ctx.add(t)
        g = ds
    elif not fmt.quads and isinstance(g, Dataset):
        flat = Graph()
        for prefix, n in g.namespaces():
            flat.bind(prefix, n)
        for s, p, o, _ in g.quads((None, None, None, None)):
            flat.add((s, p, o))
        g = flat
    out = g.serialize(format=fmt.rdflib)
    if fmt.name in ("ntriples", "nquads"):  # rdflib writes these in hash order
        out = "\n".join(sorted(line for line in out.split("\n") if line.strip())) + "\n"
    return out


def parse(source: str | Path | Graph, *, format: str | None = None) -> Graph:
    """An RDF file as one rdflib Graph (the named graphs of N-Quads and TriG merged); the
    format is told from the suffix unless given."""
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
    fmt = FORMATS[rdf_format(name)]
    # rdflib logs a traceback for each literal it cannot convert (an edited value); kg's
    # reader reports such a value itself, on one line, when it reads it
    quiet = logging.getLogger("rdflib.term")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        if fmt.quads:
            ds = Dataset()
            ds.parse(path, format=fmt.rdflib)
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            return g
        return Graph().parse(path, format=fmt.rdflib)
    except Exception as e:  # rdflib raises many types for malformed input
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise RdfError(f"{path}: malformed {name} ({msg})") from None
    finally:
        quiet.setLevel(level)
