"""The HTML view in a real browser: Debian's chromium, headless, with the network off.

Skipped, with the reason, where chromium or its driver is not installed (.ci/run installs
both). A screenshot of the seeds' view is kept in tests/artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg
from benchmarks.view import Browser, find_chromium, synthetic_graph
from kg.view import page as view

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

# Document text that would run if the page ever treated it as markup: each payload sets a flag.
EVIL = (
    "Acme Corp hired Jane Doe as chief executive <script>window.kgPwned = 1</script> in 2001. "
    'Jane Doe founded Globex Inc <img src=x onerror="window.kgPwned = 2"> with "stray quotes\' '
    "and </script><script>window.kgPwned = 3</script>."
)
EVIL_TITLE = '"><img src=x onerror="window.kgPwned = 4"><script>window.kgPwned = 5</script>'


@pytest.fixture(scope="module")
def browser():
    found = find_chromium()
    if isinstance(found, str):
        pytest.skip(found)
    with Browser() as b:
        yield b


def drawn_nodes(b: Browser) -> list[str]:
    return b.js("return window.kgNetwork.body.nodeIndices.map(window.kgId)")


def positions(b: Browser) -> dict[str, dict[str, float]]:
    return b.js("return window.kgNetwork.getPositions()")


def assert_quiet(b: Browser, page: Path) -> None:
    """No console messages (errors, CSP reports), no request but the page, no failed load."""
    log = b.log()
    assert [m for m in log["console"] if m["level"] in ("SEVERE", "WARNING")] == []
    assert log["requests"] == [page.resolve().as_uri()]
    assert log["failed"] == []


def tooltip(b: Browser) -> str:
    return b.wait(
        "const t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' && t.textContent;",
        10,
    )


def hover_edge_point(b: Browser, edge_id: str) -> tuple[float, float]:
    """A point on the drawn edge (on its curve) that is not on a node, in page pixels."""
    x, y = b.js(
        "const n = window.kgNetwork, e = n.body.edges[arguments[0]];"
        "const r = n.body.container.getBoundingClientRect();"
        "for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {"
        "  const d = n.canvasToDOM(e.edgeType.getPoint(t));"
        "  if (n.getNodeAt(d) === undefined && n.getEdgeAt(d) === arguments[0])"
        "    return [r.left + d.x, r.top + d.y]; }"
        "return [null, null];",
        edge_id,
    )
    assert x is not None, f"no free point on edge {edge_id}"
    return x, y


@pytest.fixture(scope="module")
def seeds_page(seeds_read, tmp_path_factory) -> Path:
    return seeds_read.to_html(tmp_path_factory.mktemp("view") / "seeds.html")


def test_seeds_view_draws_every_node_offline(browser, seeds_read, seeds_page):
    browser.open(seeds_page)
    assert_quiet(browser, seeds_page)
    # entities without a relation are left out at first, and drawn with the toggle
    related = {v for u, w in seeds_read.nx.edges() if u != w for v in (u, w)}
    assert related and set(seeds_read.nx.nodes) - related  # the seeds have both kinds
    assert sorted(drawn_nodes(browser)) == sorted(related)
    browser.driver.find_element("id", "isolated").click()
    assert sorted(drawn_nodes(browser)) == sorted(seeds_read.nx.nodes)
    assert browser.js("return window.kgNetwork.body.edgeIndices.length") == (
        seeds_read.nx.number_of_edges()
    )
    # the canvas really shows each type's colour (pixels read back from the canvas)
    found = browser.js(
        "const c = document.querySelector('#graph canvas');"
        "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        "const seen = {};"
        "for (let i = 0; i < px.length; i += 4) {"
        "  const k = '#' + [px[i], px[i+1], px[i+2]].map(v => v.toString(16).padStart(2, '0'))"
        "    .join(''); seen[k] = (seen[k] || 0) + 1; }"
        "return seen;"
    )
    for t in {a["type"] for _, a in seeds_read.nx.nodes(data=True)}:
        assert found.get(view.COLORS[t], 0) > 30, f"no {t} node drawn"
    # the legend names every type with its count
    legend = browser.js("return document.getElementById('types').textContent")
    for t in {a["type"] for _, a in seeds_read.nx.nodes(data=True)}:
        assert t in legend
    ARTIFACTS.mkdir(exist_ok=True)
    shot = browser.screenshot(ARTIFACTS / "seeds_view.png")
    assert shot.stat().st_size > 10_000


def test_node_and_edge_tooltips(browser, seeds_read, seeds_page):
    browser.open(seeds_page)
    wang = seeds_read.entity("Alexandr Wang")
    browser.move(5, 5)
    browser.move(*browser.node_point(wang.id))
    text = tooltip(browser)
    assert "Alexandr Wang" in text and "Type: Person" in text
    assert all(a in text for a in wang.aliases)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "seeds_node_tooltip.png")
    # an edge's tooltip: its evidence sentence and source document
    edge = browser.js(
        "const e = window.kgNetwork.body.data.edges.get().find("
        "  e => e.from === window.kgVisId(arguments[0]) && e.predicate === 'appointed_by');"
        "return e && e.id",
        wang.id,
    )
    assert edge is not None
    browser.move(5, 5)
    browser.move(*hover_edge_point(browser, edge))
    text = tooltip(browser)
    rel = next(r for r in seeds_read.facts_about(wang) if r.predicate == "appointed_by")
    assert rel.evidence[0].sentence in text and rel.evidence[0].doc_id in text
    doc = next(d for d in seeds_read.documents if d.id == rel.evidence[0].doc_id)
    assert (doc.title or doc.source) in text
    browser.screenshot(ARTIFACTS / "seeds_edge_tooltip.png")
    # a click shows the same in the side panel
    browser.click(*browser.node_point(wang.id))
    details = browser.wait("return document.getElementById('details').textContent")
    assert "Type: Person" in details and "Alexandr Wang" in details
    assert_quiet(browser, seeds_page)


def test_same_input_same_picture_and_physics_stops(browser, seeds_page):
    browser.open(seeds_page)
    first = positions(browser)
    browser.js("return new Promise(r => setTimeout(r, 700))")
    assert positions(browser) == first  # settled and stopped: nothing moves any more
    assert browser.js("return window.kgNetwork.physics.physicsEnabled") is False
    browser.open(seeds_page)
    assert positions(browser) == first


def test_search_and_filters(browser, seeds_read, seeds_page):
    browser.open(seeds_page)
    search = browser.driver.find_element("id", "search")
    search.send_keys("wang")
    hits = browser.wait("return document.getElementById('hits').textContent")
    assert hits == "1 match"
    assert browser.js("return window.kgNetwork.getSelectedNodes().map(window.kgId)") == [
        seeds_read.entity("Alexandr Wang").id
    ]
    search.clear()
    search.send_keys("no such name")
    assert browser.wait("return document.getElementById('hits').textContent") == "no match"
    # with entities without relations shown: untick a type, its nodes go; untick a
    # predicate, its edges go
    browser.driver.find_element("id", "isolated").click()
    people = [v for v, a in seeds_read.nx.nodes(data=True) if a["type"] == "Person"]
    browser.driver.find_element("css selector", "#types input[value='Person']").click()
    assert people and sorted(drawn_nodes(browser)) == sorted(set(seeds_read.nx) - set(people))
    n_edges = browser.js("return window.kgNetwork.body.edgeIndices.length")
    # the country edges still drawn: those between entities that are not people (Progressive
    # Robot's, 0.57)
    kept = [
        e
        for e in seeds_read.nx.edges(data=True)
        if e[2]["predicate"] == "country" and not {e[0], e[1]} & set(people)
    ]
    browser.driver.find_element("css selector", "#preds input[value='country']").click()
    assert kept and browser.js("return window.kgNetwork.body.edgeIndices.length") == (
        n_edges - len(kept)
    )


def test_large_graph_is_cut_and_says_so(browser, tmp_path):
    g = synthetic_graph(1500)
    page = view.write_html(g, tmp_path / "large.html", max_nodes=400)
    browser.open(page)
    assert_quiet(browser, page)
    assert len(drawn_nodes(browser)) == 400
    notice = browser.js(
        "const n = document.getElementById('notice'); return n.hidden ? '' : n.textContent"
    )
    assert "400 most important of 1,500 nodes" in notice
    # large graphs are drawn from the positions computed in Python, with physics off
    assert browser.js("return window.kgNetwork.physics.physicsEnabled") is False


def test_document_text_never_runs(browser, pipeline, tmp_path):
    g = kg.build([EVIL], model=pipeline, min_confidence=0)  # every fact drawn
    sentences = [ev.sentence for r in g.relations for ev in r.evidence]
    # the payloads reached the graph's evidence; otherwise this test would prove nothing
    assert any("<script>window.kgPwned = 1</script>" in s for s in sentences)
    assert any('<img src=x onerror="window.kgPwned = 2">' in s for s in sentences)
    page = g.to_html(tmp_path / "evil.html", title=EVIL_TITLE)
    browser.open(page)
    assert browser.js("return window.kgPwned === undefined")
    assert browser.js("return document.images.length") == 0
    assert browser.js("return document.scripts.length") == 3  # library, data, the page's own
    assert browser.js("return document.title") == EVIL_TITLE
    assert_quiet(browser, page)  # no request for "x", no CSP report
    # the text is shown as text: click each relation and read the panel
    for edge in browser.js("return window.kgNetwork.body.data.edges.getIds()"):
        browser.click(*hover_edge_point(browser, edge))
        shown = browser.wait("return document.getElementById('details').textContent")
        assert any(s in shown for s in sentences)
    assert browser.js("return window.kgPwned === undefined")


def test_view_fields_never_run(browser, tmp_path):
    """Every field the page shows, not only sentences, is inert: labels, aliases, types,
    predicates, document ids."""
    bad = [
        "<script>window.kgPwned = 6</script>",
        '<img src=x onerror="window.kgPwned = 7">',
        '"\'><svg onload="window.kgPwned = 8">',
        "</script><script>window.kgPwned = 9</script>",
    ]
    g = nx.MultiDiGraph()
    for i, s in enumerate(bad):
        g.add_node(f"n{i}", label=s, type=s, aliases=[s], documents=[s], mentions=1)
    for i, s in enumerate(bad):
        g.add_edge(
            f"n{i}",
            f"n{(i + 1) % len(bad)}",
            key=s,
            predicate=s,
            wikidata=s,
            confidence=0.5,
            evidence=[{"doc_id": s, "sentence": s}],
        )
    page = view.write_html(g, tmp_path / "fields.html", title=bad[1])
    browser.open(page)
    assert browser.js("return window.kgPwned === undefined")
    assert (
        browser.js(
            "return document.images.length + document.querySelectorAll('svg image,"
            " #side svg[onload]').length"
        )
        == 0
    )
    side = browser.js("return document.getElementById('side').textContent")
    assert all(s in side for s in bad)  # type and predicate names shown literally
    browser.move(5, 5)
    browser.move(*browser.node_point("n0"))
    assert bad[0] in tooltip(browser)
    assert_quiet(browser, page)
    assert browser.js("return window.kgPwned === undefined")


def test_the_flag_would_catch_an_injection(browser, tmp_path):
    """Control: the same payloads pasted into a page as markup do set the flag, so the checks
    above would fail if kg's page ever did that."""
    page = tmp_path / "unsafe.html"
    page.write_text(f"<!DOCTYPE html><title>unsafe</title><p>{EVIL}</p>", encoding="utf-8")
    browser.driver.get(page.as_uri())
    assert browser.wait("return window.kgPwned !== undefined", 10)
    browser.log()


def test_empty_and_tiny_graphs_open(browser, tmp_path):
    for n in (0, 1):
        g = nx.MultiDiGraph()
        g.add_nodes_from((f"n{i}", {"label": f"N{i}", "type": "Person"}) for i in range(n))
        page = view.write_html(g, tmp_path / f"g{n}.html")
        browser.open(page, timeout=30)
        assert len(drawn_nodes(browser)) == n
        assert_quiet(browser, page)


# names that are keys of every plain JavaScript object, and numbers JSON cannot hold
PROTO = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"]


def test_a_graph_of_adversarial_names_and_values_draws(browser, tmp_path):
    g = nx.MultiDiGraph()
    for name in PROTO:
        g.add_node(name, label=name, type=name, aliases=[name], documents=[name], mentions=1)
    for i, name in enumerate(PROTO):
        g.add_edge(
            name,
            PROTO[(i + 1) % len(PROTO)],
            key=name,
            predicate=name,
            wikidata=name,
            confidence=[float("nan"), float("inf"), 0.5][i % 3],
            evidence=[{"doc_id": name, "sentence": name}],
        )
    page = view.write_html(g, tmp_path / "proto.html", title="constructor")
    assert "NaN" not in page.read_text(encoding="utf-8").split('id="kg-data"')[1][:100000]
    browser.open(page, timeout=30)
    assert sorted(drawn_nodes(browser)) == sorted(PROTO)
    side = browser.js("return document.getElementById('side').textContent")
    assert all(name in side for name in PROTO)
    browser.move(5, 5)
    browser.move(*browser.node_point("constructor"))
    assert "constructor" in tooltip(browser)
    assert_quiet(browser, page)
