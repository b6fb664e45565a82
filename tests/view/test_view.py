import base64
import hashlib
import html
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace
from rdflib.namespace import FOAF

import kg
from benchmarks.view import synthetic_graph
from kg.cli import main
from kg.query.construct import query_graph
from kg.rdf.foreign import graph_from_triples
from kg.view import layout
from kg.view import page as view

EX = Namespace("http://example.com/")
SDO = Namespace("https://schema.org/")


def page_data(page: str) -> dict:
    m = re.search(r'id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_view_is_self_contained(seeds_graph, tmp_path: Path):
    page = seeds_graph.to_html(tmp_path / "g.html").read_text(encoding="utf-8")
    # nothing is fetched from anywhere: no src/href/url() to another place, no CSS import,
    # none of pyvis's CDN links (Bootstrap, its CSS)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "@import" not in page
    assert not re.search(r"cdn[\w.-]*\.(com|net|org)|bootstrap", page, re.I)
    assert "vis.Network" in page and ".vis-network" in page  # library and its CSS inlined
    data = page_data(page)
    assert len(data["nodes"]) == seeds_graph.nx.number_of_nodes()
    facts = [e for e in data["edges"] if not e["candidate"]]
    assert len(facts) == seeds_graph.nx.number_of_edges()
    between = [r for r in seeds_graph.candidates if isinstance(r.object, kg.Entity)]
    assert len(data["edges"]) == len(facts) + len(between)
    assert data["types"] == sorted({a["type"] for _, a in seeds_graph.nx.nodes(data=True)})
    assert {"Person", "Organization", "Product"} <= set(data["types"])  # what the seeds hold


def test_the_view_only_draws():
    """kg.view reads no file and runs no query: reading RDF is kg.rdf's, querying kg.query's."""
    import ast

    for path in Path(kg.__file__).parent.joinpath("view").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [node.module] if isinstance(node, ast.ImportFrom) else []
                names += [a.name for a in node.names]
                bad = [n for n in names if n and n.startswith(("kg.rdf", "kg.query", "rdflib"))]
                assert not bad, f"{path.name} imports {bad}"


def test_csp_allows_only_the_page_scripts(seeds_graph):
    page = view.render(seeds_graph)
    csp = html.unescape(re.search(r'Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2  # the library and the page's own; the data is not a script
    for s in scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_document_text_cannot_inject_markup(pipeline, tmp_path: Path):
    evil = (
        'Acme Corp hired Jane Doe "<script>window.pwned=1</script>" and '
        "<img src=x onerror=alert(1)> in 2001."
    )
    # every fact asserted, so that the evidence sentence is on the page
    g = kg.build([evil], model=pipeline, min_confidence=0)
    page = g.to_html(tmp_path / "evil.html", title="</title><script>x</script>")
    text = page.read_text(encoding="utf-8")
    assert "<script>window.pwned" not in text and "<img src=x" not in text
    assert "</title><script>x" not in text
    assert "<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>" in text  # shown as text
    data = re.search(r'id="kg-data" type="application/json">(.*?)</script>', text, re.S)
    assert "<" not in data.group(1) and "pwned" in data.group(1)


def test_same_input_same_page(seeds_graph, tmp_path: Path):
    a = seeds_graph.to_html(tmp_path / "a.html").read_bytes()
    b = seeds_graph.to_html(tmp_path / "b.html").read_bytes()
    assert a == b


def test_node_size_follows_importance():
    g = nx.MultiDiGraph()
    for i in range(6):
        g.add_edge("hub", f"leaf{i}", predicate="employer")
    g.add_node("alone")
    rank = layout.importance(g)
    assert max(rank, key=rank.get) == "hub" and min(rank, key=rank.get) == "alone"
    assert abs(sum(rank.values()) - 1) < 1e-9
    net, _ = layout.network(g)
    size = {n["id"]: n["size"] for n in net.nodes}
    assert size["hub"] > size["leaf0"] > size["alone"]


def test_layout_is_stable_and_spread():
    g = synthetic_graph(300)
    a, b = layout.layout(g), layout.layout(g)
    assert a == b
    assert len(set(a.values())) == 300  # no two nodes on the same spot
    assert layout.layout(g, seed=8) != a


def test_large_graph_keeps_the_most_important_nodes():
    g = synthetic_graph(1200)
    rank = layout.importance(g)
    top = sorted(g.nodes, key=lambda v: (-rank[v], v))
    # the page carries every node, for the filters and "expand neighbours", and draws the 200
    # most important at first
    net, info = layout.network(g, max_nodes=200)
    assert sorted(n["id"] for n in net.nodes) == sorted(g.nodes)
    assert len(net.edges) == g.number_of_edges()
    assert info["total_nodes"] == info["page_nodes"] == 1200 and info["shown_nodes"] == 200
    drawn = set(top[:200])
    assert info["shown_edges"] == sum(u in drawn and v in drawn for u, v in g.edges())
    assert info["physics"] is True
    _, big = layout.network(g, max_nodes=1200)
    assert big["physics"] is False  # too many nodes for the browser's physics: positions only
    # beyond page_nodes the least important are left out of the file, and it says so
    net, info = layout.network(g, max_nodes=200, page_nodes=500)
    assert sorted(n["id"] for n in net.nodes) == sorted(top[:500])
    assert all(e["from"] in top[:500] and e["to"] in top[:500] for e in net.edges)
    assert info["total_nodes"] == 1200 and info["page_nodes"] == 500


def test_the_first_drawing_stops_at_either_limit():
    g = nx.MultiDiGraph(nx.complete_graph(10))  # every node tied to every other
    for *_, a in g.edges(data=True):
        a["predicate"] = "p"
    _, info = layout.network(g, max_nodes=8, max_edges=10**6)
    assert info["shown_nodes"] == 8 and info["shown_edges"] == 8 * 7  # both directions
    _, info = layout.network(g, max_nodes=8, max_edges=20)
    # 5 nodes hold 20 relations; a sixth would bring 10 more
    assert info["shown_nodes"] == 5 and info["shown_edges"] == 20
    _, info = layout.network(g, max_nodes=8, max_edges=0)
    assert info["shown_nodes"] == 1  # the most important is always drawn
    with pytest.raises(kg.ConfigError, match="max_edges"):
        layout.network(g, max_edges=-1)


def test_nodes_without_relations_are_not_drawn_at_first():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", predicate="employer")
    g.add_node("alone", label="alone", type="Person")
    _, info = layout.network(g)
    assert info["related_nodes"] == 2 and info["shown_nodes"] == 2
    _, info = layout.network(nx.MultiDiGraph([("x", "x")]))  # a loop is no relation to another
    assert info["related_nodes"] == 0 and info["shown_nodes"] == 1  # shown: nothing else is


def test_communities_are_seeded_and_numbered_by_size():
    g = nx.MultiDiGraph()
    for a, b in [("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("c", "x")]:
        g.add_edge(a, b, predicate="p")
    for a, b in [("a", "d"), ("d", "e"), ("e", "a")]:
        g.add_edge(a, b, predicate="p")
    g.add_node("alone")
    first = layout.communities(g)
    assert first == layout.communities(g) and set(first) == set(g.nodes)
    sizes = Counter(first.values())
    assert [sizes[i] for i in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    assert first["x"] == first["y"] and first["alone"] not in {first[v] for v in "abcdexy"}
    net, _ = layout.network(g)
    colour = {n["id"]: n["communityColor"] for n in net.nodes}
    assert colour["x"] == colour["y"] != colour["alone"] == layout.NO_COMMUNITY
    assert all(n["typeColor"] == n["color"] for n in net.nodes)  # drawn by type at first


def test_candidate_facts_are_carried_marked():
    a = kg.Entity("a", "Acme", "Organization")
    b = kg.Entity("b", "Jane Doe", "Person")
    ev = kg.Evidence("d1", "Acme may hire Jane Doe.", 0, 23, (0, 4), (14, 22))
    sure = kg.Relation(a, "employer", b, None, 0.9, (ev,))
    weak = kg.Relation(b, "employer", a, None, 0.2, (ev,))
    dated = kg.Relation(a, "inception", "2001", None, 0.1, (ev,))
    g = kg.KnowledgeGraph([a, b], [sure])
    g.candidates = [weak, dated]
    net, info = layout.network(g)
    by_pair = {(e["from"], e["to"]): e for e in net.edges}
    assert by_pair[("a", "b")]["candidate"] is False
    assert by_pair[("b", "a")]["candidate"] is True and by_pair[("b", "a")]["dashes"] is True
    # a literal value only a candidate names is no node: the page's nodes are the graph's
    assert ("a", "literal:2001") not in by_pair
    assert "literal:2001" not in {n["id"] for n in net.nodes}
    assert info["total_edges"] == 1  # the graph's own facts; candidates are extra


def test_network_fills_pyvis_without_its_membership_checks(monkeypatch):
    """add_node/add_edge scan lists (quadratic overall); the view must never call them."""
    from pyvis.network import Network

    def refuse(*a, **k):
        raise AssertionError("pyvis add_node/add_edge called")

    monkeypatch.setattr(Network, "add_node", refuse)
    monkeypatch.setattr(Network, "add_edge", refuse)
    monkeypatch.setattr(Network, "add_nodes", refuse)
    g = synthetic_graph(2000)
    net, info = layout.network(g, max_nodes=2000)
    assert len(net.nodes) == len(net.node_ids) == 2000
    assert len(net.edges) == g.number_of_edges()


def test_parallel_relations_curve_apart(seeds_graph):
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="employer", predicate="employer")
    g.add_edge("a", "b", key="founded_by", predicate="founded_by")
    g.add_edge("b", "c", key="employer", predicate="employer")
    net, _ = layout.network(g)
    ab = [e for e in net.edges if {e["from"], e["to"]} == {"a", "b"}]
    assert {e["smooth"]["type"] for e in ab} == {"curvedCW", "curvedCCW"}
    assert "smooth" not in next(e for e in net.edges if e["from"] == "b")


def test_bad_max_nodes(seeds_graph):
    with pytest.raises(kg.ConfigError, match="max_nodes"):
        view.render(seeds_graph, max_nodes=0)


# -- RDF that kg did not write: a CONSTRUCT result, someone else's file ----------------------


def plain_rdf() -> Graph:
    g = Graph()
    g.add((EX.ada, RDF.type, SDO.Person))
    g.add((EX.ada, FOAF.name, Literal("Ada Lovelace")))
    g.add((EX.ada, EX.worksFor, EX.engine))
    g.add((EX.engine, RDF.type, EX.Machine))  # a class kg does not know
    g.add((EX.engine, RDFS.label, Literal("Analytical Engine", lang="en")))
    g.add((EX.engine, EX.built, Literal("1837")))
    b = BNode()
    g.add((EX.ada, EX.knows, b))
    return g


def test_plain_rdf_is_drawn_sensibly():
    g = graph_from_triples(plain_rdf())
    ada, engine = g.nodes[str(EX.ada)], g.nodes[str(EX.engine)]
    assert ada["label"] == "Ada Lovelace" and ada["type"] == "Person"
    assert engine["label"] == "Analytical Engine" and engine["type"] == "Resource"
    assert g.has_node("literal:1837") and g.nodes["literal:1837"]["type"] == "Literal"
    preds = sorted(a["predicate"] for _, _, a in g.edges(data=True))
    # labels and known classes are shown on the node; other statements are edges
    assert preds == ["built", "knows", "rdf:type", "worksFor"]
    page = view.render(g)
    assert len(page_data(page)["nodes"]) == g.number_of_nodes() == 5


def test_kg_rdf_folds_into_the_same_graph(seeds_graph):
    """kg's own RDF (reified facts, evidence, mentions) draws as the KnowledgeGraph does."""
    g = graph_from_triples(seeds_graph.to_rdf())
    entities = {a["label"]: a for _, a in g.nodes(data=True) if a["type"] != "Resource"}
    for e in seeds_graph.entities:
        assert entities[e.name]["type"] == e.type
        assert sorted(entities[e.name]["aliases"]) == sorted(e.aliases)
    facts = {
        (g.nodes[u]["label"], a["predicate"], g.nodes[v]["label"]): a
        for u, v, a in g.edges(data=True)
    }
    for r in seeds_graph.relations:
        obj = r.object.name if isinstance(r.object, kg.Entity) else str(r.object)
        a = facts[(r.subject.name, r.predicate, obj)]
        assert a["confidence"] == pytest.approx(r.confidence)
        assert {ev["sentence"] for ev in a["evidence"]} == {ev.sentence for ev in r.evidence}


def test_query_graph_draws_a_construct(seeds_read, tmp_path: Path):
    ttl = tmp_path / "graph.ttl"
    seeds_read.write_rdf(ttl)
    q = (
        "PREFIX kgv: <https://example.org/kg/vocab#>\n"
        "CONSTRUCT { ?p kgv:appointed_by ?o . ?p rdfs:label ?pn . ?o rdfs:label ?on . ?p a ?t }\n"
        "WHERE { ?p kgv:appointed_by ?o ; rdfs:label ?pn ; a ?t . ?o rdfs:label ?on }"
    )
    g = query_graph(ttl, q)
    rels = seeds_read.relations
    want = {(r.subject.name, r.object.name) for r in rels if r.predicate == "appointed_by"}
    got = {(g.nodes[u]["label"], g.nodes[v]["label"]) for u, v in g.edges()}
    assert got == want and want
    with pytest.raises(kg.QueryError, match="CONSTRUCT or DESCRIBE"):
        query_graph(ttl, "SELECT * WHERE { ?s ?p ?o }")


def test_inline_view_for_notebooks(seeds_graph):
    frame = view.inline(seeds_graph, height=420)._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts"') and "height:420px" in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame).group(1)
    assert "<" not in srcdoc  # the page is escaped into the attribute
    assert html.unescape(srcdoc) == view.render(seeds_graph)


# -- kg view ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(seeds_read, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("built")
    seeds_read.write_rdf(d / "graph.ttl")
    seeds_read.write_json(d / "graph.json")
    return d


def test_cli_view_from_ttl_and_json(seeds_read, built: Path, tmp_path: Path):
    n = seeds_read.nx.number_of_nodes()
    for src in ("graph.ttl", "graph.json"):
        out = tmp_path / f"{src}.html"
        res = CliRunner().invoke(main, ["view", str(built / src), "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert f"({n} nodes," in res.output and "drawn at first" in res.output
        data = page_data(out.read_text(encoding="utf-8"))
        assert sorted(x["label"] for x in data["nodes"]) == sorted(
            a["label"] for _, a in seeds_read.nx.nodes(data=True)
        )


def test_cli_view_query(built: Path, tmp_path: Path):
    q = tmp_path / "founders.rq"
    q.write_text(
        "PREFIX kgv: <https://example.org/kg/vocab#>\n"
        "CONSTRUCT { ?o kgv:founded_by ?p . ?o rdfs:label ?on . ?p rdfs:label ?pn }\n"
        "WHERE { ?o kgv:founded_by ?p ; rdfs:label ?on . ?p rdfs:label ?pn }\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["view", str(built / "graph.ttl"), "--query", str(q)])
    assert res.exit_code == 0, res.output
    out = built / "founders.html"
    assert f"wrote {out}" in res.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {e["predicate"] for e in data["edges"]} == {"founded_by"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.ttl"], "missing.ttl: no such graph file"),
        (["{d}/graph.ttl", "--query", "SELECT * WHERE {{ ?s ?p ?o }}"], "this is a SELECT"),
        (["{d}/graph.ttl", "--query", "CONSTRUCT WHERE {{ ?s <urn:x> ?o }}"], "no triples"),
        (["{d}/graph.ttl", "--query", "CONSTRUCT {{ ?s ?p }}"], "SPARQL syntax error"),
        (["{d}/graph.ttl", "--query", "nope.rq"], "nope.rq: no such query file"),
        (["{d}/graph.ttl", "-p", "a=b"], "--param needs --query"),
        (["{d}/bad.json"], "bad.json: not valid JSON"),
    ],
)
def test_cli_view_errors(built: Path, tmp_path: Path, args, message):
    (built / "bad.json").write_text("{nope", encoding="utf-8")
    out = tmp_path / "v.html"
    res = CliRunner().invoke(main, ["view", *[a.format(d=built) for a in args], "-o", str(out)])
    assert res.exit_code != 0
    assert message in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
    assert not out.exists()
