from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

import kg
from kg.errors import FormatError, RdfError
from kg.rdf.convert import FORMATS, KGV, SDO, WDT, literal, serialize, serialize_kg

from .conftest import ROOT


def test_entities_are_typed_and_labelled(seeds_graph):
    g = seeds_graph.to_rdf()
    meta = URIRef(seeds_graph.base + "entity/meta")
    assert (meta, RDF.type, SDO.Organization) in g
    wang = URIRef(seeds_graph.base + "entity/alexandr-wang")
    assert (wang, SKOS.altLabel, Literal("Wang")) in g
    assert (KGV.employer, OWL.equivalentProperty, WDT.P108) in g


def a_relation(g: kg.KnowledgeGraph) -> kg.Relation:
    """A fact between two entities of the seeds' graph (which ones depends on extraction)."""
    return next(r for r in g.relations if not r.is_literal)


def test_plain_triple_and_reified_evidence(seeds_graph):
    g = seeds_graph.to_rdf()
    r = a_relation(seeds_graph)
    s = URIRef(seeds_graph.base + f"entity/{r.subject.id}")
    o = URIRef(seeds_graph.base + f"entity/{r.object.id}")
    assert (s, KGV[r.predicate], o) in g
    rows = list(
        g.query(
            """
        SELECT ?sentence ?doc WHERE {
          ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgv:evidence ?e .
          ?e kgv:sentence ?sentence ; prov:wasDerivedFrom ?doc .
        }""",
            initNs={"kgv": KGV, "prov": PROV},
            initBindings={"s": s, "p": KGV[r.predicate], "o": o},
        )
    )
    assert {str(row[0]) for row in rows} == {e.sentence for e in r.evidence}


def test_dates_are_typed_literals():
    assert literal("2004-03-01").datatype.endswith("#date")
    assert literal("2004").datatype.endswith("#gYear")
    assert literal(12).datatype.endswith("#integer")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_in_every_format(seeds_graph, tmp_path: Path, fmt):
    suffix = FORMATS[fmt][1]
    path = tmp_path / f"graph{suffix}"
    seeds_graph.write_rdf(path, format=fmt)
    back = kg.KnowledgeGraph.from_rdf(path)
    assert {(e.id, e.name, e.type, e.aliases) for e in back.entities} == {
        (e.id, e.name, e.type, e.aliases) for e in seeds_graph.entities
    }
    assert {e.id: e.mentions for e in back.entities} == {
        e.id: e.mentions for e in seeds_graph.entities
    }

    def facts(g):
        return {(r.key, r.confidence, r.evidence) for r in g.relations}

    assert facts(back) == facts(seeds_graph)


def test_serialisation_is_deterministic(seeds_graph):
    assert serialize(seeds_graph.to_rdf(), "turtle") == serialize(seeds_graph.to_rdf(), "turtle")


def test_unknown_format_lists_choices():
    with pytest.raises(FormatError, match="turtle"):
        serialize(None, "yaml")


def test_malformed_rdf_names_the_file(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b", encoding="utf-8")
    with pytest.raises(RdfError, match="bad.ttl: malformed turtle"):
        kg.KnowledgeGraph.from_rdf(bad)


# -- the model in more detail ----------------------------------------------------------------


def test_every_predicate_is_declared(seeds_graph):
    from rdflib import RDFS

    g = seeds_graph.to_rdf()
    for name, p in kg.PREDICATES.items():
        iri = KGV[name]
        assert g.value(iri, RDFS.label) == Literal(p.label, lang="en")
        assert g.value(iri, RDFS.comment) is not None
        assert (iri, OWL.equivalentProperty, WDT[p.wikidata]) in g
    for name in ("confidence", "sentence", "start", "evidence", "rule"):
        assert g.value(KGV[name], RDFS.label) is not None, name


def test_provenance_reaches_document_sentence_offsets_rule(seeds_graph):

    r = a_relation(seeds_graph)
    rows = seeds_graph.query(
        """SELECT ?subject ?p ?object ?doc ?sentence ?start ?end ?rule ?confidence WHERE {
             ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                kgv:confidence ?confidence ; kgv:evidence ?e .
             ?s rdfs:label ?subject . ?o rdfs:label ?object .
             ?e prov:wasDerivedFrom ?d ; kgv:sentence ?sentence ; kgv:start ?start ;
                kgv:end ?end ; kgv:rule ?rule .
             ?d kgv:id ?doc }""",
        params={"subject": r.subject.name, "object": r.object.name, "p": KGV[r.predicate]},
    ).dicts()
    assert {(d["doc"], d["sentence"], d["start"], d["end"], d["rule"]) for d in rows} == {
        (e.doc_id, e.sentence, e.start, e.end, e.rule) for e in r.evidence
    }
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for d in rows:  # the offsets point at the sentence in the document
        assert texts[d["doc"]][d["start"] : d["end"]] == d["sentence"]


def test_base_is_configurable(seeds_graph):
    g = seeds_graph.to_rdf(base="http://data.example.com/news/")
    assert (URIRef("http://data.example.com/news/entity/meta"), RDF.type, SDO.Organization) in g
    assert not any(str(s).startswith("https://example.org/kg/entity/") for s in g.subjects())


def test_quad_formats_keep_a_named_graph_per_document(seeds_graph):
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data=serialize_kg(seeds_graph, "nquads"), format="nquads")
    names = {str(c.identifier) for c in ds.graphs()}
    base = seeds_graph.base
    assert {base + "graph/vocab", base + "graph/entities"} <= names
    assert {base + f"graph/doc/{d.id}" for d in seeds_graph.documents} <= names
    doc = a_relation(seeds_graph).evidence[0].doc_id
    g = ds.graph(URIRef(base + f"graph/doc/{doc}"))
    assert any(True for _ in g.triples((None, KGV.sentence, None)))


@pytest.fixture(scope="module")
def built_store(tmp_path_factory, pipeline) -> Path:
    from kg.store.core import Store

    st = Store(tmp_path_factory.mktemp("export") / "store")
    st.build([ROOT / "seeds"], model=pipeline)
    return st.path


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_kg_export_in_every_format_reads_back(seeds_graph, tmp_path: Path, fmt, built_store):
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path / f"export{FORMATS[fmt][1]}"
    res = CliRunner().invoke(
        main, ["export", "--store", str(built_store), "--format", fmt, "-o", str(path)]
    )
    assert res.exit_code == 0, res.output
    back = kg.KnowledgeGraph.from_rdf(path)
    assert {r.key for r in back.relations} == {r.key for r in seeds_graph.relations}
    assert {(e.id, e.name, e.type) for e in back.entities} == {
        (e.id, e.name, e.type) for e in seeds_graph.entities
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "--format", "yaml"], "unknown RDF format 'yaml'; choose one of: turtle"),
        (["export", "--graph", "{bad}"], "bad.ttl: malformed turtle"),
        (["query", "ASK {}", "--graph", "{bad}"], "bad.ttl: malformed turtle"),
        (["query", "SELECT ?x\nWHERE { ?x ?y }", "--graph", "{good}"], "line 2, column"),
        (["query", "ASK {}", "--store", "{nostore}"], "no such store"),
        (["export", "--graph", "{unknown}"], "cannot tell the RDF format from the suffix"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, args, message):
    from click.testing import CliRunner

    from kg.cli import main

    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b", encoding="utf-8")
    good = tmp_path / "good.ttl"
    good.write_text("<http://x/a> <http://x/b> <http://x/c> .\n", encoding="utf-8")
    unknown = tmp_path / "graph.yaml"
    unknown.write_text("a: b\n", encoding="utf-8")
    subs = {"{bad}": bad, "{good}": good, "{nostore}": tmp_path / "nostore", "{unknown}": unknown}
    res = CliRunner().invoke(main, [str(subs.get(a, a)) for a in args])
    assert res.exit_code != 0
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in res.output
