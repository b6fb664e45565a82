"""RDF: the graph as triples (one writer per format) and back."""

from kg.rdf.convert import FORMATS, KGV, SDO, WDT, from_rdf, parse, serialize, to_rdf

__all__ = ["FORMATS", "KGV", "SDO", "WDT", "from_rdf", "parse", "serialize", "to_rdf"]
