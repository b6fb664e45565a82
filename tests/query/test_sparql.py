import json

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.errors import FormatError, QueryError
from kg.query.results import format_result

PEOPLE = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name
"""


def people(g) -> list[str]:
    return sorted(e.name for e in g.entities if e.type == "Person")


def test_select(seeds_graph):
    res = seeds_graph.query(PEOPLE)
    names = [d["name"] for d in res.dicts()]
    assert "Alexandr Wang" in names and names == people(seeds_graph)


def test_params_are_bound_not_pasted(seeds_graph):
    q = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           SELECT ?e ?name WHERE { ?e rdfs:label ?name }"""
    assert len(seeds_graph.query(q, params={"name": "Meta"})) == 1
    # a value that would break out of a pasted string matches nothing and changes nothing
    assert len(seeds_graph.query(q, params={"name": 'Meta" } ; ?x ?y ?z . { "'})) == 0


def test_ask_and_construct(seeds_read):
    p = seeds_read.relations[0].predicate
    assert seeds_read.query(f"ASK {{ ?s kgv:{p} ?o }}").boolean is True
    assert seeds_read.query("ASK { ?s kgv:no_such_predicate ?o }").boolean is False
    res = seeds_read.query(f"CONSTRUCT {{ ?s kgv:{p} ?o }} WHERE {{ ?s kgv:{p} ?o }}")
    assert res.graph is not None
    assert len(res.graph) == sum(1 for r in seeds_read.relations if r.predicate == p)
    res = seeds_read.query("DESCRIBE ?e WHERE { ?e rdfs:label 'Meta' }")
    meta = URIRef(seeds_read.base + "entity/meta")
    assert res.form == "DESCRIBE" and (meta, RDFS.label, Literal("Meta")) in res.graph


def test_syntax_error_has_line_and_column(seeds_graph):
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        seeds_graph.query("SELECT ?x\nWHERE { ?x ?y }")


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_output_formats(seeds_graph, fmt):
    out = format_result(seeds_graph.query(PEOPLE), fmt)
    names = people(seeds_graph)
    if fmt == "json":
        data = json.loads(out)
        assert data["head"]["vars"] == ["name"]
        assert [b["name"] for b in data["results"]["bindings"]] == [
            {"type": "literal", "value": n} for n in names
        ]
    elif fmt == "table":
        lines = out.splitlines()
        assert lines[0] == "name" and set(lines[1]) == {"-"}
        assert lines[2:] == [*names, f"({len(names)} rows)"]
    else:
        assert out.splitlines() == ["name", *names]


def test_unknown_output_lists_choices(seeds_graph):
    with pytest.raises(FormatError, match="table, csv, tsv, json"):
        format_result(seeds_graph.query(PEOPLE), "xml")


@pytest.mark.parametrize(
    ("query", "row"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", True),
        ("SELECT ?s { ?s ?p ?o }", True),
        ("ASK { ?s ?p ?o }", True),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("CONSTRUCT WHERE { ?s ?p ?o }", False),  # its pattern is its template
        ("DESCRIBE ?s WHERE { ?s ?p ?o }", True),
        ("DESCRIBE <http://example.org/x>", False),
        ('PREFIX x: <http://x/y> # WHERE {\nSELECT ?s FROM <http://g/> WHERE { ?s ?p "{" }', True),
    ],
)
def test_the_values_row_keeps_every_query_form_valid(query, row):
    import pyoxigraph as ox

    from kg.query.sparql import with_values_row

    hostile = ox.Literal('x" } } DROP ALL { "\n#')
    out = with_values_row(query, {"s": hostile})
    ox.Store().query(out)  # still one well-formed query
    assert ("VALUES" in out) == row
    # the value sits in the row as one escaped literal, the rest of the query as it was
    assert out.replace(f" VALUES (?s) {{ ({hostile}) }}", "", 1) == query
