"""The view of generated news in a real browser: every filter changes what is drawn, a
screenshot of each state is kept, and "expand neighbours" brings back nodes the cap cut.

The graph is a build of benchmarks.corpus's generated pages: KG_VIEW_DOCS of them (120 by
default, so that the suite stays quick on two cores), or the graph file KG_VIEW_GRAPH names
(kg build's graph.ttl; the view was shown on 2,000 documents that way, docs/view.md). The
screenshots go to a folder under pytest's temporary directory, or to KG_VIEW_SHOTS, printed
(pytest -s shows it).
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pytest
from selenium.webdriver.support.ui import Select

import kg
from benchmarks import corpus
from benchmarks.view import Browser, find_chromium
from kg.view import page as view

DOCS = int(os.environ.get("KG_VIEW_DOCS", "120"))


@pytest.fixture(scope="module")
def browser():
    found = find_chromium()
    if isinstance(found, str):
        pytest.skip(found)
    with Browser(width=1600, height=1000) as b:
        yield b


@pytest.fixture(scope="module")
def news(pipeline, tmp_path_factory) -> kg.KnowledgeGraph:
    if os.environ.get("KG_VIEW_GRAPH"):
        return kg.KnowledgeGraph.from_rdf(os.environ["KG_VIEW_GRAPH"])
    folder = tmp_path_factory.mktemp("corpus") / "news"
    corpus.write(folder, DOCS)
    return kg.build([folder], model=pipeline)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    # pytest keeps only its last few temporary folders: KG_VIEW_SHOTS keeps them elsewhere
    chosen = os.environ.get("KG_VIEW_SHOTS")
    d = Path(chosen) if chosen else tmp_path_factory.mktemp("view-states")
    d.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots of the view's states: {d}")
    return d


def drawn(b: Browser) -> tuple[frozenset, frozenset]:
    """What is drawn: the nodes, and the facts as (from, predicate, to)."""
    nodes, edges = b.js(
        "const n = window.kgNetwork, d = n.body.data.edges;"
        "return [n.body.nodeIndices.map(window.kgId),"
        " n.body.edgeIndices.map(i => { const e = d.get(i);"
        "  return [window.kgId(e.from), e.predicate, window.kgId(e.to)]; })];"
    )
    return frozenset(nodes), frozenset(tuple(e) for e in edges)


def drawn_facts(b: Browser) -> list[dict]:
    return b.js(
        "const n = window.kgNetwork, d = n.body.data.edges;"
        "return n.body.edgeIndices.map(i => { const e = d.get(i);"
        " return {confidence: e.confidence, docs: e.docs, candidate: e.candidate}; });"
    )


def slide(b: Browser, value: float) -> None:
    b.js(
        "const s = document.getElementById('conf'); s.value = String(arguments[0]);"
        "s.dispatchEvent(new Event('input'));",
        value,
    )


def choose(b: Browser, select_id: str, value: str) -> None:
    Select(b.driver.find_element("id", select_id)).select_by_value(value)


def docs_table(b: Browser) -> dict[str, dict]:
    return {
        d["id"]: d
        for d in b.js("return JSON.parse(document.getElementById('kg-data').textContent).docs")
    }


@pytest.fixture(scope="module")
def news_page(news, tmp_path_factory) -> Path:
    return news.to_html(tmp_path_factory.mktemp("view") / "news.html", title="news")


def test_every_filter_changes_what_is_drawn(browser, news, news_page, shots):
    t = browser.open(news_page)
    print(f"\n{len(news.documents)} documents: the page was ready {t:.2f} s after navigation")
    base = drawn(browser)
    assert base[0] and base[1]
    browser.screenshot(shots / "01-default.png")
    docs = docs_table(browser)

    # entities without relations: hidden at first, drawn with the toggle
    browser.driver.find_element("id", "isolated").click()
    more = drawn(browser)
    assert more[0] > base[0] and more[1] == base[1]
    browser.screenshot(shots / "02-entities-without-relations.png")
    browser.driver.find_element("id", "isolated").click()
    assert drawn(browser) == base

    # confidence: only facts at least as sure as the slider are drawn
    initial = browser.js("return Number(document.getElementById('conf').value)")
    confs = sorted(f["confidence"] for f in drawn_facts(browser))
    cut = confs[len(confs) // 2]
    slide(browser, cut)
    # the slider keeps its step: the cut is the value it took (0.674 is 0.67 on a 0.01 step)
    cut = browser.js("return Number(document.getElementById('conf').value)")
    sure = drawn(browser)
    assert sure != base  # on a capped drawing, fewer facts leave room for other nodes
    assert all(f["confidence"] >= cut for f in drawn_facts(browser))
    browser.screenshot(shots / "03-confidence.png")
    slide(browser, browser.js("return Number(document.getElementById('conf').min)"))
    lowest = drawn(browser)
    if any(f["candidate"] for f in drawn_facts(browser)):  # candidates, where there are any
        assert lowest != base
        browser.screenshot(shots / "03b-candidates.png")
    slide(browser, initial)
    assert drawn(browser) == base

    # source: the documents of one folder
    folders = sorted({d["folder"] for d in docs.values() if d.get("folder")})
    assert len(folders) > 1, "the generated corpus is written 100 pages to a folder"
    choose(browser, "source", "f:" + folders[0])
    one = drawn(browser)
    assert one != base and one[1]
    assert all(
        any(docs[x].get("folder") == folders[0] for x in f["docs"]) for f in drawn_facts(browser)
    )
    browser.screenshot(shots / "04-source.png")
    choose(browser, "source", "")

    # document: the facts read in one document
    busiest = max(
        news.documents,
        key=lambda d: sum(any(ev.doc_id == d.id for ev in r.evidence) for r in news.relations),
    )
    choose(browser, "doc", busiest.id)
    single = drawn(browser)
    assert single != base and single[1]
    assert all(busiest.id in f["docs"] for f in drawn_facts(browser))
    browser.screenshot(shots / "05-document.png")
    choose(browser, "doc", "")

    # date: the facts reported in a span of days (the documents' publication dates)
    days = sorted({d["date"] for d in docs.values() if d.get("date")})
    assert len(days) > 10, "generated pages carry a dateline"
    start, end = days[len(days) // 3], days[2 * len(days) // 3]
    choose(browser, "from", start)
    choose(browser, "to", end)
    span = drawn(browser)
    assert span != base and span[1]
    for f in drawn_facts(browser):
        assert any(start <= (docs[x].get("date") or "") <= end for x in f["docs"])
    browser.screenshot(shots / "06-date.png")
    choose(browser, "from", "")
    choose(browser, "to", "")
    assert drawn(browser) == base

    # colour by community: the same nodes, in the communities' colours
    browser.driver.find_element("css selector", "input[name=colour][value=community]").click()
    colours = browser.js(
        "return window.kgNetwork.body.nodeIndices.map(i => window.kgNetwork.body.nodes[i]"
        ".options.color.background)"
    )
    legend = browser.js(
        "return JSON.parse(document.getElementById('kg-data').textContent)"
        ".communities.map(c => c.color)"
    )
    assert len(legend) > 1 and len(set(colours) & set(legend)) > 1
    assert not browser.js("return document.getElementById('communities').hidden")
    browser.screenshot(shots / "07-communities.png")
    browser.driver.find_element("css selector", "input[name=colour][value=type]").click()
    assert drawn(browser) == base


def test_expand_neighbours_brings_back_cut_nodes(browser, news, tmp_path, shots):
    related = {v for u, w in news.nx.edges() if u != w for v in (u, w)}
    cap = max(10, len(related) // 10)
    html, info = view.page(news, max_nodes=cap, title="news, cut")
    page = tmp_path / "cut.html"
    page.write_text(html, encoding="utf-8")
    browser.open(page)
    before = drawn(browser)[0]
    # the page draws what Python says it does: the most important, up to either limit
    assert len(before) == info["shown_nodes"] <= cap
    # counted as edges, not as (from, predicate, to): a post held of two organisations
    # ("president" of each) is two facts of the same three
    edges = browser.js("return window.kgNetwork.body.edgeIndices.length")
    assert edges == info["shown_edges"] <= info["max_edges"]
    notice = browser.js("return document.getElementById('notice').textContent")
    assert f"{len(before):,} most important of {len(related):,} nodes" in notice
    # a drawn node with neighbours the cap cut: the one with the most
    node = browser.js(
        "const data = JSON.parse(document.getElementById('kg-data').textContent);"
        "const drawn = new Set(window.kgNetwork.body.nodeIndices.map(window.kgId));"
        "const cut = new Map();"
        "for (const e of data.edges) { if (e.candidate) continue;"
        "  for (const [a, b] of [[e.from, e.to], [e.to, e.from]])"
        "    if (drawn.has(a) && !drawn.has(b)) cut.set(a, (cut.get(a) || 0) + 1); }"
        "let best = null; for (const [id, k] of cut) if (!best || k > cut.get(best)) best = id;"
        "return best;"
    )
    assert node is not None
    browser.js("window.kgNetwork.focus(window.kgVisId(arguments[0]), {scale: 1.5})", node)
    browser.click(*browser.node_point(node))
    button = browser.wait("return document.getElementById('expand')")
    label = button.text
    assert label.startswith("Expand neighbours (")
    button.click()
    after = drawn(browser)[0]
    neighbours = set(nx.all_neighbors(news.nx, node))
    brought = after - before
    assert brought and brought <= neighbours and neighbours <= after
    assert f"({len(brought)} not drawn)" in label
    browser.screenshot(shots / "08-expanded.png")
    # the entity panel: facts with evidence, documents
    panel = browser.js("return document.getElementById('details').textContent")
    e = news.entity(node) if node in {x.id for x in news.entities} else None
    if e is not None:
        assert e.name in panel and "Facts (" in panel and "Documents (" in panel
        facts = news.facts_about(e)
        assert f"Facts ({len(facts):,})" in panel  # the asserted ones, at the start
        assert any(r.evidence[0].sentence in panel for r in facts)
    assert browser.js("return document.getElementById('expand').disabled")


def test_entity_panel_lists_quotes(browser, tmp_path):
    jane = kg.Entity("jane-doe", "Jane Doe", "Person", mentions=(kg.Mention("d1", 0, 8, "Jane"),))
    acme = kg.Entity("acme", "Acme", "Organization")
    ev = kg.Evidence("d1", '"We will grow," said Jane Doe.', 0, 30, (20, 28), (0, 0))
    fact = kg.Relation(jane, "employer", acme, None, 0.9, (ev,))
    g = kg.KnowledgeGraph([jane, acme], [fact], [kg.Document("d1", "x", title="Acme grows")])
    page = view.write_html(g, tmp_path / "before.html")
    browser.open(page)
    browser.click(*browser.node_point("jane-doe"))
    panel = browser.wait("return document.getElementById('details').textContent")
    assert "Jane Doe" in panel and "Quotes" not in panel and "Acme grows (d1)" in panel
    g.quotes = (
        kg.Quote(jane, "We will grow,", True, ev),
        kg.Quote(jane, "sales would rise", False, ev),
    )
    page = view.write_html(g, tmp_path / "after.html")
    browser.open(page)
    browser.click(*browser.node_point("jane-doe"))
    panel = browser.wait("return document.getElementById('details').textContent")
    assert "Quotes (2)" in panel and "\u201cWe will grow,\u201d" in panel
    assert "sales would rise (reported)" in panel
