from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS, XSD

import kg
from kg.errors import FormatError, RdfError
from kg.rdf.formats import FORMATS, serialize
from kg.rdf.namespaces import KGV, PREFIXES, SDO, WDT, prefixes
from kg.rdf.ontology import CLASSES, STRUCTURAL
from kg.rdf.terms import literal
from kg.rdf.turtle import turtle
from kg.rdf.write import serialize_kg

from ..conftest import ROOT


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


def test_plain_triple_and_reified_evidence(seeds_read):
    g = seeds_read.to_rdf()
    r = a_relation(seeds_read)
    s = URIRef(seeds_read.base + f"entity/{r.subject.id}")
    o = URIRef(seeds_read.base + f"entity/{r.object.id}")
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
    assert literal("2004-03-01") == Literal("2004-03-01", datatype=XSD.date)
    assert literal("2004-03") == Literal("2004-03", datatype=XSD.gYearMonth)
    assert literal("2004") == Literal("2004", datatype=XSD.gYear)
    assert literal(12) == Literal(12, datatype=XSD.integer)
    assert literal(0.5) == Literal("0.5", datatype=XSD.decimal)
    assert literal("Paris") == Literal("Paris")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_in_every_format(seeds_graph, tmp_path: Path, fmt):
    suffix = FORMATS[fmt].suffix
    path = tmp_path / f"graph{suffix}"
    seeds_graph.write_rdf(path, format=fmt)
    back = kg.KnowledgeGraph.from_rdf(path)
    assert {(e.id, e.name, e.type, e.aliases) for e in back.entities} == {
        (e.id, e.name, e.type, e.aliases) for e in seeds_graph.entities
    }
    assert {e.id: e.mentions for e in back.entities} == {
        e.id: e.mentions for e in seeds_graph.entities
    }

    def facts(rels):
        return {(r.key, r.confidence, r.evidence) for r in rels}

    assert facts(back.relations) == facts(seeds_graph.relations)
    assert facts(back.candidates) == facts(seeds_graph.candidates)
    assert facts(back.flagged) == facts(seeds_graph.flagged)


def test_a_candidate_is_reified_and_marked_but_not_asserted():
    from ..query.test_queries import TOY  # one candidate: Bob Roe residence Boston, 0.3

    g = TOY.to_rdf()
    (c,) = TOY.candidates
    s, o = URIRef(TOY.base + "entity/bob-roe"), URIRef(TOY.base + "entity/boston")
    assert (s, KGV.residence, o) not in g
    (f,) = g.subjects(KGV.candidate, Literal(True))
    assert (f, RDF.subject, s) in g and (f, RDF.object, o) in g
    assert float(g.value(f, KGV.confidence)) == pytest.approx(c.confidence)
    assert g.value(g.value(f, KGV.evidence), KGV.sentence) == Literal(c.evidence[0].sentence)
    back = kg.KnowledgeGraph.from_rdf(g)
    assert [r.key for r in back.candidates] == [c.key]
    assert c.key not in {r.key for r in back.relations}


def test_min_confidence_moves_facts_between_asserted_and_candidates(seeds_graph):
    every = seeds_graph.at_confidence(0.0)
    assert not every.candidates
    assert len(every.relations) == len(seeds_graph.relations) + len(seeds_graph.candidates)
    strict = seeds_graph.at_confidence(0.9)
    assert all(r.confidence >= 0.9 for r in strict.relations)
    assert all(r.confidence < 0.9 for r in strict.candidates)
    assert strict.nx.number_of_edges() == len(strict.relations)


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


# -- one prefix table, one writer per format ---------------------------------------------------


def test_kgv_is_closed_and_holds_every_term_kg_writes():
    with pytest.raises(AttributeError, match="emplyer"):
        _ = KGV.emplyer
    terms = {t for c in KGV.__mro__[:-2] for t in c.__dict__["__annotations__"]}  # above rdflib's
    assert terms == set(CLASSES) | set(STRUCTURAL) | set(kg.PREDICATES)
    assert all(name in KGV for name in terms) and "likes" not in KGV


def test_graph_ttl_declares_the_prefix_table(seeds_graph):
    declared = [line for line in turtle(seeds_graph).splitlines() if line.startswith("@prefix")]
    assert declared == [
        f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes(seeds_graph.base).items())
    ]
    bound = dict(seeds_graph.to_rdf().namespaces())
    assert {p: str(bound[p]) for p in PREFIXES} == PREFIXES
    assert str(bound["kg"]) == seeds_graph.base


def test_kg_export_turtle_is_the_bytes_of_graph_ttl(tmp_path: Path):
    """graph.ttl and `kg export --format turtle` come from the one Turtle writer: exporting a
    build's store, or converting its graph.ttl, gives graph.ttl back byte for byte."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    graph_ttl = (out / "graph.ttl").read_bytes()
    res = CliRunner().invoke(main, ["export", "--store", str(out / "store")])
    assert res.exit_code == 0, res.output
    assert res.output.encode("utf-8") == graph_ttl
    converted = tmp_path / "converted.ttl"
    res = CliRunner().invoke(
        main, ["export", "--graph", str(out / "graph.ttl"), "-f", "ttl", "-o", str(converted)]
    )
    assert res.exit_code == 0, res.output
    assert converted.read_bytes() == graph_ttl
    written = tmp_path / "written.ttl"
    back = kg.KnowledgeGraph.from_rdf(out / "graph.ttl")
    back.write_rdf(written)
    assert written.read_bytes() == graph_ttl
    assert serialize_kg(back, "turtle") == turtle(back) == graph_ttl.decode("utf-8")


# -- the model in more detail ----------------------------------------------------------------


def test_every_predicate_is_declared(seeds_graph):
    from rdflib import RDFS

    g = seeds_graph.to_rdf()
    for name, p in kg.PREDICATES.items():
        iri = KGV[name]
        assert g.value(iri, RDFS.label) == Literal(p.label, lang="en")
        assert g.value(iri, RDFS.comment) is not None
        # a predicate with no Wikidata twin ("demonym_of") declares none
        assert p.wikidata is None or (iri, OWL.equivalentProperty, WDT[p.wikidata]) in g
    for name, (label, comment, _) in {**CLASSES, **STRUCTURAL}.items():
        assert g.value(KGV[name], RDFS.label) == Literal(label, lang="en"), name
        assert g.value(KGV[name], RDFS.comment) == Literal(comment, lang="en"), name


def test_provenance_reaches_document_sentence_offsets_rule(seeds_read):

    r = a_relation(seeds_read)
    rows = seeds_read.query(
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
    texts = {d.id: d.text for d in seeds_read.documents}  # ids name the folder too
    for d in rows:  # the offsets point at the sentence in the document
        assert texts[d["doc"]][d["start"] : d["end"]] == d["sentence"]


def test_base_is_configurable(seeds_graph):
    g = seeds_graph.to_rdf(base="http://data.example.com/news/")
    assert (URIRef("http://data.example.com/news/entity/meta"), RDF.type, SDO.Organization) in g
    assert not any(str(s).startswith("https://example.org/kg/entity/") for s in g.subjects())


def test_quad_formats_keep_a_named_graph_per_document(seeds_read):
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data=serialize_kg(seeds_read, "nquads"), format="nquads")
    base = seeds_read.base
    names = {str(c.identifier) for c in ds.graphs() if str(c.identifier).startswith(base)}
    docs = {base + f"graph/doc/{d.id}" for d in seeds_read.documents}
    assert names == {base + "graph/vocab", base + "graph/entities"} | docs
    assert len(ds.graph(URIRef(base + "graph/vocab"))) > 0  # the default graph holds nothing
    assert len(ds.default_graph) == 0
    doc = a_relation(seeds_read).evidence[0].doc_id
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

    path = tmp_path / f"export{FORMATS[fmt].suffix}"
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


def _news_graph() -> kg.KnowledgeGraph:
    doc = kg.Document(
        "n1",
        "",
        "n1.html",
        "Senate passes budget",
        authors=("Jane Doe", "Wire Desk"),
        date="2024-03-03T10:15",
        site="Daily Planet",
        language="en",
        url="https://planet.example/budget",
        description="The vote came late on Friday.",
        encoding="cp1252",
        place="WASHINGTON",
    )
    jane = kg.Entity("jane-doe", "Jane Doe", "Person", (), (kg.Mention("n1", 0, 8, "Jane Doe"),))
    planet = kg.Entity(
        "daily-planet",
        "Daily Planet",
        "Organization",
        (),
        (kg.Mention("n1", 9, 21, "Daily Planet"),),
    )
    dc = kg.Entity(
        "washington", "Washington", "Place", (), (kg.Mention("n1", 22, 32, "WASHINGTON"),)
    )
    return kg.KnowledgeGraph([planet, jane, dc], [], [doc])


def test_a_document_is_a_news_article_with_its_metadata():
    g = _news_graph()
    rdf = g.to_rdf()
    it = URIRef(g.base + "doc/n1")
    assert (it, RDF.type, SDO.NewsArticle) in rdf
    assert set(rdf.objects(it, SDO.author)) == {
        URIRef(g.base + "entity/jane-doe"),  # the author's entity
        Literal("Wire Desk"),  # a name the text never names
    }
    assert rdf.value(it, SDO.publisher) == URIRef(g.base + "entity/daily-planet")
    assert rdf.value(it, SDO.locationCreated) == URIRef(g.base + "entity/washington")
    assert rdf.value(it, SDO.datePublished) == Literal("2024-03-03T10:15:00", datatype=XSD.dateTime)
    assert rdf.value(it, SDO.url) == Literal("https://planet.example/budget", datatype=XSD.anyURI)
    assert str(rdf.value(it, SDO.headline)) == "Senate passes budget"
    assert str(rdf.value(it, SDO.inLanguage)) == "en"


def test_document_metadata_round_trips(tmp_path: Path):
    path = tmp_path / "g.ttl"
    _news_graph().write_rdf(path)
    (doc,) = kg.KnowledgeGraph.from_rdf(path).documents
    assert (doc.title, doc.authors, doc.date, doc.site, doc.language) == (
        "Senate passes budget",
        ("Jane Doe", "Wire Desk"),
        "2024-03-03T10:15",
        "Daily Planet",
        "en",
    )
    assert (doc.url, doc.description, doc.encoding) == (
        "https://planet.example/budget",
        "The vote came late on Friday.",
        "cp1252",
    )
    assert doc.place == "Washington"  # the entity the dateline names, by its name
