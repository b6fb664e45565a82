"""The library's queries that take a name find the entity without the data's spelling: case and
accents aside, and by alias, in memory (rdflib) and in the store (Oxigraph)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

import kg
from kg.cli import main
from kg.model import Document, Entity, Evidence, Mention, Relation
from kg.names import fold
from kg.query.sparql import name_keys, query_store
from kg.rdf.write import serialize_kg

from ..conftest import ROOT

FACTS_ABOUT = ROOT / "queries" / "facts_about.rq"
# every query in queries/ with a parameter that is a name (not an id or a number)
NAME_QUERIES = [FACTS_ABOUT]


def _hand_made() -> kg.KnowledgeGraph:
    doc = Document("d1", "", "d1.txt")
    sg = Entity("societe-generale", "Société Générale", "Organization", ("SocGen",))
    ole = Entity("ole-odegaard", "Øle Ødegaard", "Person", ("O’Brien-Ødegaard",))
    ev = Evidence("d1", "Øle Ødegaard works at Société Générale.", 0, 39, (0, 12), (22, 38))
    rel = Relation(ole, "employer", sg, "P108", 0.9, (ev,))
    mention = (Mention("d1", 0, 12, "Øle Ødegaard"),)
    return kg.KnowledgeGraph(
        [sg, Entity(ole.id, ole.name, ole.type, ole.aliases, mention)], [rel], [doc]
    )


HAND_MADE = _hand_made()


def _engines(g: kg.KnowledgeGraph):
    """A function per engine that runs a query file over ``g`` with ``name`` bound."""
    db = ox.Store()
    db.load(serialize_kg(g, "nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    def rdflib_engine(path: Path, name: str):
        return g.query(path.read_text(encoding="utf-8"), params={"name": name})

    def oxigraph_engine(path: Path, name: str):
        return query_store(db, path.read_text(encoding="utf-8"), params={"name": name})

    return {"rdflib": rdflib_engine, "oxigraph": oxigraph_engine}


def _subjects_and_objects(res) -> set[tuple[str, str, str]]:
    return {(str(d["subject"]), str(d["predicate"]), str(d["object"])) for d in res.dicts()}


# a fact kg asserts: employer, read above the confidence threshold
CEO = "Jane Doe, the chief executive of Microsoft, spoke in Seattle."


@pytest.fixture(scope="module")
def microsoft(pipeline) -> kg.KnowledgeGraph:
    return kg.build([CEO], model=pipeline)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("name", ["microsoft", "MICROSOFT", "Microsoft", "mícrosoft"])
def test_name_is_matched_without_case_or_accents(microsoft, engine: str, name: str):
    res = _engines(microsoft)[engine](FACTS_ABOUT, name)
    assert ("Jane Doe", "employer", "Microsoft") in _subjects_and_objects(res)
    assert {str(d["name"]) for d in res.dicts()} == {name}, "?name echoes what was asked"


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize(
    "name",
    [
        "Société Générale",
        "societe generale",
        "SOCIETE GÉNÉRALE",
        "socgen",  # an alias
        "øle ødegaard",
        "ole odegaard",
        "o'brien-odegaard",  # an alias with a curly apostrophe, asked with a straight one
    ],
)
def test_accents_and_aliases_on_both_engines(engine: str, name: str):
    res = _engines(HAND_MADE)[engine](FACTS_ABOUT, name)
    assert _subjects_and_objects(res) == {("Øle Ødegaard", "employer", "Société Générale")}
    assert len(res.rows) == 1, "a name that is both label and alias gives each fact once"


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("name", ["societe", "generale societe", "ole", "x"])
def test_only_the_whole_name_matches(engine: str, name: str):
    assert not _engines(HAND_MADE)[engine](FACTS_ABOUT, name).rows


@pytest.mark.parametrize("path", NAME_QUERIES, ids=lambda p: p.name)
def test_every_name_query_says_it_ignores_case_and_accents(path: Path):
    text = path.read_text(encoding="utf-8")
    assert "case and accents aside" in "\n".join(text.splitlines()[:4])
    assert "kgv:nameKey ?name_key" in text, "looked up by the folded key kg binds"


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Microsoft", "microsoft"),
        ("Société Générale", "societe generale"),
        ("Øle Ødegaard", "ole odegaard"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("O’Brien", "o'brien"),
        ("AT&T", "at&t"),  # punctuation kept: the whole name is compared
    ],
)
def test_fold(name: str, folded: str):
    assert fold(name) == folded


def test_each_name_and_alias_is_written_folded_once():
    rdf = HAND_MADE.to_rdf()
    keys = {str(o) for o in rdf.objects(None, URIRef("https://example.org/kg/vocab#nameKey"))}
    assert keys == {"societe generale", "socgen", "ole odegaard", "o'brien-odegaard"}


def test_the_key_is_bound_only_for_a_string_the_query_asks_to_fold():
    q = "SELECT ?name ?x WHERE { ?x kgv:nameKey ?name_key }"
    assert name_keys(q, {"name": Literal("Zoë")}) == {"name_key": Literal("zoe")}
    assert name_keys(q, {"doc": Literal("D1")}) == {}
    assert name_keys(q, {"name": Literal(7)}) == {}


def test_kg_query_param_name_microsoft_finds_microsoft(tmp_path: Path, pipeline):
    """As a user types it: build a store from a file, then ask in lower case, on the store
    (Oxigraph) and on graph.ttl (rdflib)."""
    src = tmp_path / "news.txt"
    src.write_text(CEO + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    base = ["query", str(FACTS_ABOUT), "--param", "name=microsoft", "--format", "csv"]
    for where in (["--store", str(out / "store")], ["--graph", str(out / "graph.ttl")]):
        res = CliRunner().invoke(main, [*base, *where])
        assert res.exit_code == 0, res.output
        assert "microsoft,Jane Doe,employer,Microsoft," in res.output, where


@pytest.mark.parametrize("name", ["societe generale", "SOCGEN", "ole odegaard", "Øle Ødegaard"])
def test_the_python_api_finds_names_the_same_way(name: str):
    assert HAND_MADE.entity(name).name in {"Société Générale", "Øle Ødegaard"}
    assert HAND_MADE.facts_about(name) == HAND_MADE.relations
