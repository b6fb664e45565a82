"""The exports for analysts' tools (kg.export): GraphML and GEXF read back into networkx whole,
Neo4j's import files follow the documented header format and every relationship names a node,
the flat CSV files hold the facts with their evidence, and --min-confidence leaves facts out."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.defaults import MIN_CONFIDENCE
from kg.export import csv_files, export, flatten, neo4j_files, to_gexf, to_graphml
from kg.export.neo4j import HEADERS

from ..conftest import ROOT

DOCS = ROOT / "docs" / "exports.md"
SEED_NAMES = {"Meta", "Alexandr Wang", "Mark Zuckerberg", "Muse Spark", "TBD Lab"}


@pytest.fixture(scope="module")
def conll_graph(bench_dir: Path, pipeline) -> kg.KnowledgeGraph:
    """A build of CoNLL04's test split: each sentence's tokens joined with spaces, one
    document each."""
    sentences = json.loads((bench_dir / "conll04" / "test.json").read_text(encoding="utf-8"))
    return kg.build([" ".join(s["tokens"]) for s in sentences], model=pipeline)


def expected(g: kg.KnowledgeGraph, **kw) -> tuple[dict, dict]:
    """Nodes and edges (by fact id) with the attributes the exports must carry."""
    t = flatten(g, **kw)
    nodes = {n["id"]: {k: v for k, v in n.items() if k != "id"} for n in t.nodes}
    edges = {
        e["id"]: {k: v for k, v in e.items() if k not in ("id", "source", "target")}
        | {"label": e["predicate"]}
        for e in t.edges
    }
    return nodes, edges


def check_read_back(back: nx.MultiDiGraph, g: kg.KnowledgeGraph) -> None:
    nodes, edges = expected(g)
    assert back.number_of_nodes() == g.nx.number_of_nodes() == len(nodes)
    assert back.number_of_edges() == g.nx.number_of_edges() == len(edges)
    assert dict(back.nodes(data=True)) == nodes
    got = {
        k: {a: v for a, v in d.items() if a != "id"}
        for _, _, k, d in back.edges(keys=True, data=True)
    }
    assert got == edges
    for u, v, k in back.edges(keys=True):
        assert g.nx.has_edge(u, v), f"{u} -> {v} ({k}) is not an edge of the graph"


# -- GraphML and GEXF ----------------------------------------------------------------------


def test_networkx_alone_cannot_write_the_graph(seeds_graph):
    """Why kg.export exists: the NetworkX view holds lists, which GraphML cannot."""
    with pytest.raises(nx.NetworkXError, match="does not support"):
        "".join(nx.generate_graphml(seeds_graph.nx))


def test_graphml_of_a_conll04_build_reads_back_whole(conll_graph, tmp_path: Path):
    assert len(conll_graph.relations) > 50, "a build with facts to export"
    path = export(conll_graph, "graphml", tmp_path / "g.graphml")[0]
    check_read_back(nx.read_graphml(path, force_multigraph=True), conll_graph)


def test_gexf_of_a_conll04_build_reads_back_whole(conll_graph, tmp_path: Path):
    path = export(conll_graph, "gexf", tmp_path / "g.gexf")[0]
    back = nx.read_gexf(path)
    if not back.is_multigraph():  # networkx reads a GEXF without parallel edges as a DiGraph
        multi = nx.MultiDiGraph()
        multi.add_nodes_from(back.nodes(data=True))
        multi.add_edges_from((u, v, d["id"], d) for u, v, d in back.edges(data=True))
        back = multi
    check_read_back(back, conll_graph)
    assert all(d["id"] == k for *_, k, d in back.edges(keys=True, data=True)), "GEXF id = fact"


def test_attributes_are_scalars_lists_joined(seeds_graph):
    t = flatten(seeds_graph)
    for row in t.nodes + t.edges + t.evidence + t.documents:
        assert all(isinstance(v, (str, int, float, bool)) for v in row.values()), row
    wang = next(n for n in t.nodes if n["label"] == "Alexandr Wang")
    assert wang["aliases"] == "Wang"
    multi = next(d for d in seeds_graph.nx.nodes.values() if len(d["documents"]) > 1)
    row = next(n for n in t.nodes if n["label"] == multi["label"])
    assert row["documents"] == "|".join(multi["documents"])


def test_xml_exports_survive_control_characters():
    e = kg.Entity("x", "Bad\x0bName", "Person", (), (kg.Mention("d", 0, 1, "B"),))
    g = kg.KnowledgeGraph([e], [], [kg.Document("d", "B")])
    assert nx.read_graphml(io.StringIO(to_graphml(g))).nodes["x"]["label"] == "Bad Name"
    assert nx.read_gexf(io.BytesIO(to_gexf(g).encode())).nodes["x"]["label"] == "Bad Name"


# -- Neo4j ---------------------------------------------------------------------------------

# the header grammar of neo4j-admin database import (docs/exports.md cites the page)
PROPERTY_TYPES = "int|long|float|double|boolean|byte|short|char|string|date|datetime"
FIELD = re.compile(
    rf"^(?:(?P<name>\w+)?:(?P<kind>ID|START_ID|END_ID)(?:\((?P<group>\w+)\))?"
    rf"|:(?P<special>LABEL|TYPE)"
    rf"|(?P<prop>\w+)(?::(?P<type>{PROPERTY_TYPES})(?P<array>\[\])?)?)$"
)


def _read(files: dict[str, str], name: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(files[name]))
    return list(reader.fieldnames or []), list(reader)


def test_neo4j_headers_follow_the_documented_format(seeds_graph):
    files = neo4j_files(seeds_graph)
    docs = DOCS.read_text(encoding="utf-8")
    for name, header in HEADERS.items():
        got, _ = _read(files, name)
        assert got == header
        assert ",".join(header) in docs, f"docs/exports.md shows the header of {name}"
        fields = [FIELD.match(f) for f in header]
        assert all(fields), [f for f, m in zip(header, fields, strict=True) if not m]
        kinds = [m["kind"] or m["special"] for m in fields if m["kind"] or m["special"]]
        if name in ("entities.csv", "documents.csv"):
            assert kinds == ["ID", "LABEL"]
        else:
            assert sorted(kinds) == ["END_ID", "START_ID", "TYPE"]
    assert "neo4j.com/docs/operations-manual" in docs


def test_neo4j_every_relationship_names_a_node(conll_graph):
    files = neo4j_files(conll_graph)
    ids: dict[str, set[str]] = {}
    for name in ("entities.csv", "documents.csv"):
        header, rows = _read(files, name)
        id_field = next(f for f in header if ":ID(" in f)
        group = id_field.split("(")[1].rstrip(")")
        ids[group] = {r[id_field] for r in rows}
        assert len(ids[group]) == len(rows), f"{name}: ids are unique"
        for r in rows:
            assert r[":LABEL"] and all(r[":LABEL"].split(";"))
    total = 0
    for name in ("facts.csv", "mentions.csv"):
        header, rows = _read(files, name)
        ends = [f for f in header if f.startswith((":START_ID", ":END_ID"))]
        for r in rows:
            assert re.fullmatch(r"[A-Z_]+", r[":TYPE"])
            for f in ends:
                group = f.split("(")[1].rstrip(")")
                assert r[f] in ids[group], f"{name}: {f} {r[f]!r} names no node"
        total += len(rows)
    _, facts = _read(files, "facts.csv")
    assert len(facts) == len(conll_graph.relations) and total > len(facts)


def test_neo4j_typed_values_parse(seeds_graph):
    files = neo4j_files(seeds_graph)
    for name in HEADERS:
        header, rows = _read(files, name)
        for r in rows:
            for f in header:
                m = FIELD.match(f)
                if m["type"] in ("int", "long") and r[f]:
                    int(r[f])
                elif m["type"] == "float":
                    assert 0 <= float(r[f]) <= 1
                elif m["type"] == "boolean":
                    assert r[f] in ("true", "false")
    assert "LOAD CSV WITH HEADERS" in files["import.cypher"]
    for name in HEADERS:
        assert f"file:///{name}" in files["import.cypher"]


# -- CSV for spreadsheets ------------------------------------------------------------------


def test_csv_facts_carry_evidence_document_and_confidence(seeds_read):
    files = csv_files(seeds_read)
    _, facts = _read(files, "facts.csv")
    assert len(facts) == sum(max(1, len(r.evidence)) for r in seeds_read.relations)
    row = next(
        f
        for f in facts
        if (f["subject"], f["predicate"], f["object"]) == ("Alexandr Wang", "appointed_by", "Meta")
    )
    assert row["sentence"] and row["document"] and 0 < float(row["confidence"]) <= 1
    assert "Alexandr Wang" in row["sentence"]
    _, docs = _read(files, "documents.csv")
    assert {d["id"] for d in docs} == {d.id for d in seeds_read.documents}
    assert {f["document"] for f in facts} <= {d["id"] for d in docs}


def test_seeds_exports_hold_the_entities_by_name(seeds_graph, tmp_path: Path):
    graphml = nx.read_graphml(export(seeds_graph, "graphml", tmp_path / "s.graphml")[0])
    assert SEED_NAMES <= {d["label"] for _, d in graphml.nodes(data=True)}
    gexf = nx.read_gexf(export(seeds_graph, "gexf", tmp_path / "s.gexf")[0])
    assert SEED_NAMES <= {d["label"] for _, d in gexf.nodes(data=True)}
    for fmt in ("neo4j", "csv"):
        paths = export(seeds_graph, fmt, tmp_path / fmt)
        entities = next(p for p in paths if p.name == "entities.csv")
        with entities.open(encoding="utf-8", newline="") as f:
            assert SEED_NAMES <= {r["name"] for r in csv.DictReader(f)}, fmt


# -- --min-confidence and the command ------------------------------------------------------


@pytest.mark.parametrize("floor", [0.0, 0.75, 0.85, 1.0])
def test_min_confidence_leaves_out_facts_below_it(seeds_graph, floor: float):
    keep = seeds_graph.at_confidence(floor).relations  # candidates at the floor or above too
    t = flatten(seeds_graph, min_confidence=floor)
    assert len(t.edges) == len(keep)
    assert len(t.nodes) >= len(seeds_graph.entities), "entities stay"
    _, facts = _read(neo4j_files(seeds_graph, min_confidence=floor), "facts.csv")
    assert all(float(f["confidence:float"]) >= floor for f in facts) and len(facts) == len(keep)
    back = nx.read_graphml(
        io.StringIO(to_graphml(seeds_graph, min_confidence=floor)), force_multigraph=True
    )
    assert back.number_of_edges() == len(keep)


@pytest.fixture(scope="module")
def seeds_ttl(seeds_read, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ttl") / "graph.ttl"
    seeds_read.write_rdf(path)
    return path


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "neo4j", "csv"])
def test_kg_export_writes_each_format(seeds_ttl: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"out.{fmt}"
    args = ["export", "--graph", str(seeds_ttl), "--format", fmt, "-o", str(out)]
    res = CliRunner().invoke(main, [*args, "--min-confidence", "0.5"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("wrote ")
    if fmt == "graphml":
        back = nx.read_graphml(out, force_multigraph=True)
        assert back.number_of_edges() > 0
        assert all(d["confidence"] >= 0.5 for *_, d in back.edges(data=True))
    elif fmt == "gexf":
        assert SEED_NAMES <= {d["label"] for _, d in nx.read_gexf(out).nodes(data=True)}
    else:
        assert (out / "entities.csv").is_file() and (out / "facts.csv").is_file()


def test_kg_export_graphml_to_standard_output(seeds_ttl: Path):
    res = CliRunner().invoke(main, ["export", "--graph", str(seeds_ttl), "-f", "graphml"])
    assert res.exit_code == 0, res.output
    assert SEED_NAMES <= {
        d["label"] for _, d in nx.read_graphml(io.StringIO(res.output)).nodes(data=True)
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (["-f", "neo4j"], "--format neo4j writes several files: give --output FOLDER"),
        (["-f", "yaml"], "unknown RDF format 'yaml'; choose one of: turtle"),
        (["-f", "yaml"], "or for other tools: graphml, gexf, neo4j, csv"),
        (["-f", "csv", "-o", "x", "--min-confidence", "1.5"], "1.5 is not in the range"),
    ],
)
def test_kg_export_bad_options_one_line(seeds_ttl: Path, args: list[str], message: str):
    res = CliRunner().invoke(main, ["export", "--graph", str(seeds_ttl), *args])
    assert res.exit_code != 0
    assert message in res.output


def test_min_confidence_applies_to_rdf_too(seeds_read, seeds_ttl: Path, tmp_path: Path):
    out = tmp_path / "g.nq"
    args = ["export", "--graph", str(seeds_ttl), "-f", "nquads", "-o", str(out)]
    res = CliRunner().invoke(main, [*args, "--min-confidence", "0.5"])
    assert res.exit_code == 0, res.output
    back = kg.KnowledgeGraph.from_rdf(out)
    keep = {r.key for r in seeds_read.relations if r.confidence >= 0.5}
    assert {r.key for r in back.relations} == keep and 0 < len(keep) < len(seeds_read.relations)
    assert len(back.entities) == len(seeds_read.entities)


@pytest.mark.parametrize("floor", [[], ["--min-confidence", "0"]], ids=["asserted", "all"])
def test_kg_export_from_the_store(tmp_path: Path, floor: list[str]):
    """As a user runs it: build into the store, then export it for a spreadsheet; the facts
    below kg's threshold (residence in Seattle, read by the model alone) are candidates the
    export writes at --min-confidence 0 only."""
    text = "Microsoft hired Jane Doe in Seattle."
    src = tmp_path / "news.txt"
    src.write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(src), "--out", str(out), "-q"]).exit_code == 0
    res = CliRunner().invoke(
        main, ["export", "--store", str(out / "store"), "-f", "csv", "-o", str(out / "csv"), *floor]
    )
    assert res.exit_code == 0, res.output
    with (out / "csv" / "facts.csv").open(encoding="utf-8", newline="") as f:
        facts = list(csv.DictReader(f))
    every = kg.build([text], min_confidence=0).relations
    low = [r for r in every if r.confidence < MIN_CONFIDENCE]
    below = {(r.subject.name, r.predicate, r.object.name) for r in low}
    assert below, "the sentence holds a candidate"
    got = {(r["subject"], r["predicate"], r["object"]) for r in facts}
    assert bool(below & got) == bool(floor)
    assert len(got) == (len(every) if floor else len(every) - len(below))
    assert all(r["sentence"] == "Microsoft hired Jane Doe in Seattle." for r in facts)
