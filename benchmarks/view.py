"""How quickly the HTML view opens and becomes interactive in headless Chromium.

Run ``python -m benchmarks.view [--nodes 5000]``. It makes a synthetic graph (scale-free, typed
nodes with aliases, relations with evidence), then reports, in one run:

- Python: filling pyvis's node and edge data directly vs pyvis's own ``from_nx`` (its
  ``add_node``/``add_edge`` check membership in lists), and the time to render the page;
- the browser: from navigation to the page being drawn and ready, and to the first click
  answered (the details panel shows the clicked node), for the default cut (the most important
  nodes, up to MAX_NODES and MAX_EDGES among them) and for the whole graph drawn at once;
- with ``--sweep``, draw time against what is drawn (the basis of the cap, kg.defaults).

Nothing here is a test: the numbers are reported, not asserted. The ``Browser`` class is also
what the browser tests use: Debian's chromium and chromedriver, headless, with the network off.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path
from statistics import median
from typing import Any

import networkx as nx

CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
CHROMEDRIVER = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
TYPES = ("Person", "Organization", "Place", "Product", "Event", "Work", "Other")
PREDICATES = ("employer", "founded_by", "developer", "headquarters_location", "member_of")


def find_chromium() -> tuple[str, str] | str:
    """(chromium, chromedriver) paths, or why they cannot be used."""
    browser = os.environ.get("KG_CHROMIUM") or next(
        (p for p in CHROMIUM if Path(p).is_file()), shutil.which("chromium")
    )
    driver = os.environ.get("KG_CHROMEDRIVER") or next(
        (p for p in CHROMEDRIVER if Path(p).is_file()), shutil.which("chromedriver")
    )
    if not browser or not driver:
        missing = " and ".join(
            name for name, p in (("chromium", browser), ("chromium-driver", driver)) if not p
        )
        return (
            f"Debian's {missing} not installed (apt-get install chromium chromium-driver; "
            ".ci/run installs them)"
        )
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return browser, driver


class Browser:
    """Headless Chromium driven through Debian's chromedriver, with no network at all.

    Selenium is given both binaries, so its manager never looks for (or downloads) any.
    Console messages and every request the page makes are recorded.
    """

    def __init__(self, width: int = 1400, height: int = 900) -> None:
        found = find_chromium()
        if isinstance(found, str):
            raise RuntimeError(found)
        os.environ.setdefault("SE_OFFLINE", "true")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = found[0]
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            f"--user-data-dir={self.profile}",
            f"--window-size={width},{height}",
            # no network: every host unresolvable, every proxied request to a closed port
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>",
        ):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=opts)
        self.driver.set_page_load_timeout(120)
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        self.driver.get("about:blank")  # leave the start page; its requests are not ours
        self.log()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def open(self, path: Path, *, timeout: float = 120) -> float:
        """Load a page and wait until it says it is ready; seconds from navigation to ready."""
        self.log()  # drop what earlier pages left
        start = time.perf_counter()
        self.driver.get(Path(path).resolve().as_uri())
        self.wait("return document.body && document.body.dataset.ready === 'true'", timeout)
        return time.perf_counter() - start

    def wait(self, script: str, timeout: float = 30, *args: Any) -> Any:
        end = time.monotonic() + timeout
        while True:
            value = self.driver.execute_script(script, *args)
            if value:
                return value
            if time.monotonic() > end:
                raise TimeoutError(f"timed out after {timeout}s waiting for: {script}")
            time.sleep(0.05)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def log(self) -> dict[str, list]:
        """Console messages and network events since the last call."""
        console = self.driver.get_log("browser")
        requests, failed = [], []
        for entry in self.driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                requests.append(msg["params"]["request"]["url"])
            elif msg["method"] == "Network.loadingFailed":
                failed.append(msg["params"])
        return {"console": console, "requests": requests, "failed": failed}

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in CSS pixels of the page."""
        return tuple(
            self.js(
                "const n = window.kgNetwork, id = window.kgVisId(arguments[0]);"
                "const p = n.getPositions([id])[id];"
                "const d = n.canvasToDOM(p), r = n.body.container.getBoundingClientRect();"
                "return [r.left + d.x, r.top + d.y];",
                node_id,
            )
        )

    def move(self, x: float, y: float) -> None:
        from selenium.webdriver.common.actions.action_builder import ActionBuilder

        a = ActionBuilder(self.driver)
        a.pointer_action.move_to_location(int(round(x)), int(round(y)))
        a.perform()

    def click(self, x: float, y: float) -> None:
        from selenium.webdriver.common.actions.action_builder import ActionBuilder

        a = ActionBuilder(self.driver)
        a.pointer_action.move_to_location(int(round(x)), int(round(y))).click()
        a.perform()

    def screenshot(self, path: Path) -> Path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))
        return Path(path)


def synthetic_graph(n: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A scale-free MultiDiGraph shaped like kg's: typed nodes, predicates, evidence."""
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    for v in sorted(base.nodes):
        t = TYPES[rnd.randrange(len(TYPES))]
        g.add_node(
            f"n{v}",
            label=f"{t} {v}",
            type=t,
            aliases=[f"alias {v}"] if v % 3 == 0 else [],
            mentions=1 + v % 4,
            documents=[f"doc{v % 50}"],
        )
    for u, v in sorted(base.edges):
        p = PREDICATES[rnd.randrange(len(PREDICATES))]
        g.add_edge(
            f"n{u}",
            f"n{v}",
            key=p,
            predicate=p,
            wikidata=None,
            confidence=round(rnd.uniform(0.5, 1.0), 2),
            evidence=[{"doc_id": f"doc{u % 50}", "sentence": f"Sentence relating {u} and {v}."}],
        )
    return g


def _pyvis_from_nx(g: nx.MultiDiGraph) -> float:
    from pyvis.network import Network

    plain = nx.DiGraph()
    plain.add_nodes_from((v, {"label": a["label"]}) for v, a in g.nodes(data=True))
    plain.add_edges_from((u, v, {"title": a["predicate"]}) for u, v, a in g.edges(data=True))
    start = time.perf_counter()
    Network(directed=True, cdn_resources="in_line").from_nx(plain)
    return time.perf_counter() - start


def time_to_click(b: Browser, path: Path) -> tuple[float, float]:
    """(seconds to ready, seconds to the first click answered), both from navigation."""
    start = time.perf_counter()
    ready = b.open(path)
    node = b.js(
        "const ids = window.kgNetwork.body.nodeIndices;"
        "const pos = window.kgNetwork.getPositions(ids);"
        "const r = window.kgNetwork.body.container.getBoundingClientRect();"
        "for (const id of ids) { const d = window.kgNetwork.canvasToDOM(pos[id]);"
        " if (d.x > 20 && d.y > 20 && d.x < r.width - 20 && d.y < r.height - 20"
        "     && window.kgNetwork.getNodeAt(d) === id) return window.kgId(id); }"
        "return null;"
    )
    if node is None:
        return ready, float("nan")
    x, y = b.node_point(node)
    b.click(x, y)
    b.wait(
        "return document.querySelector('#details b') &&"
        " document.querySelector('#details b').textContent.length > 0"
    )
    return ready, time.perf_counter() - start


def draw_times(b: Browser, path: Path) -> dict[str, float]:
    """Seconds to ready, and milliseconds per frame: a full redraw of what is drawn (what each
    step of a pan or zoom costs) and a filter change (the slider moved, the page recomputes
    what to draw and draws it), each the median of five."""
    ready = b.open(path)
    drawn = b.js("return window.kgNetwork.body.nodeIndices.length")  # before the slider moves
    frame = b.js(
        "const n = window.kgNetwork, t = [];"
        "for (let i = 0; i < 6; i++) { const s = performance.now(); n.renderer._redraw();"
        " t.push(performance.now() - s); }"
        "t.shift(); t.sort((a, b) => a - b); return t[2];"
    )
    # the slider moved, the page recomputes what to draw, and one frame draws it
    change = b.js(
        "const n = window.kgNetwork, s = document.getElementById('conf'), t = [];"
        "for (let i = 0; i < 5; i++) { const t0 = performance.now();"
        " s.value = String(i % 2 ? Number(s.min) : Number(s.min) + 0.01);"
        " s.dispatchEvent(new Event('input')); n.renderer._redraw();"
        " t.push(performance.now() - t0); }"
        "t.sort((a, b) => a - b); return t[2];"
    )
    return {"ready": ready, "frame_ms": frame, "filter_ms": change, "drawn": drawn}


def sweep(sizes: list[str], runs: int, graph: Path | None = None) -> None:
    """Draw time against what is drawn: for each size, N or N/E, a synthetic graph of N nodes
    drawn whole or, with ``graph`` (a graph file kg wrote), that graph's page drawing at most
    N nodes and E relations."""
    from kg.rdf.foreign import load
    from kg.view.page import page

    real = load(graph) if graph is not None else None
    print("nodes drawn | relations drawn | ready (s) | frame (ms) | filter change (ms) | page (MB)")
    with tempfile.TemporaryDirectory(prefix="kg-bench-view-") as tmp:
        for size in sizes:
            n, _, e = size.partition("/")
            g = real if real is not None else synthetic_graph(int(n))
            limit = int(e) if e else 10**9
            html, info = page(g, title=f"{size}", max_nodes=int(n), max_edges=limit)
            path = Path(tmp) / f"sweep-{n}-{e}.html"
            path.write_text(html, encoding="utf-8")
            got = []
            for _ in range(runs):  # a fresh browser each time: nothing cached
                with Browser() as b:
                    got.append(draw_times(b, path))
            print(
                f"{got[0]['drawn']:>11} | {info['shown_edges']:>15} | "
                f"{median(x['ready'] for x in got):9.2f} | "
                f"{median(x['frame_ms'] for x in got):10.0f} | "
                f"{median(x['filter_ms'] for x in got):18.0f} | {len(html.encode()) / 1e6:9.1f}",
                flush=True,
            )


def main(argv: list[str] | None = None) -> None:
    from kg.view.layout import MAX_EDGES, MAX_NODES, communities, importance, layout, network
    from kg.view.page import render

    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.view", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--nodes", type=int, default=5000, help="nodes in the synthetic graph")
    ap.add_argument("--runs", type=int, default=3, help="browser runs per page (median)")
    ap.add_argument("--no-browser", action="store_true", help="Python timings only")
    ap.add_argument(
        "--sweep",
        metavar="N[/E],...",
        help="only time drawing: synthetic graphs of N nodes drawn whole or, with --graph, at "
        "most N nodes and E relations of that graph (the cap's basis)",
    )
    ap.add_argument(
        "--graph",
        type=Path,
        help="with --sweep: a graph file kg wrote (graph.ttl), drawn with each size as its cap",
    )
    args = ap.parse_args(argv)
    if args.sweep:
        sweep(args.sweep.split(","), args.runs, args.graph)
        return
    g = synthetic_graph(args.nodes)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    t_pyvis = _pyvis_from_nx(g)
    start = time.perf_counter()
    importance(g)
    t_rank = time.perf_counter() - start
    start = time.perf_counter()
    layout(g)
    t_layout = time.perf_counter() - start
    start = time.perf_counter()
    communities(g)
    t_louvain = time.perf_counter() - start
    start = time.perf_counter()
    network(g, max_nodes=g.number_of_nodes())
    t_network = time.perf_counter() - start
    t_fill = max(t_network - t_rank - t_layout - t_louvain, 1e-3)
    print(
        f"pyvis from_nx (membership checks, no layout): {t_pyvis:.2f} s; kg's network(): "
        f"{t_network:.2f} s, of which PageRank {t_rank:.2f} s, layout {t_layout:.2f} s, "
        f"Louvain communities {t_louvain:.2f} s and filling pyvis's data {t_fill:.2f} s "
        f"(from_nx / fill: {t_pyvis / t_fill:.0f}x)"
    )
    pages = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-view-") as tmp:
        whole = g.number_of_nodes()
        for name, limit, edges in (
            ("default cut", MAX_NODES, MAX_EDGES),
            ("whole graph", whole, g.number_of_edges()),
        ):
            start = time.perf_counter()
            page = render(g, title=f"synthetic {args.nodes}", max_nodes=limit, max_edges=edges)
            took = time.perf_counter() - start
            path = Path(tmp) / f"{limit}.html"
            path.write_text(page, encoding="utf-8")
            pages[name] = path
            print(
                f"{name} (at most {min(limit, whole)} nodes, {edges} relations): render "
                f"{took:.2f} s, "
                f"page {len(page.encode()) / 1e6:.1f} MB"
            )
        if args.no_browser:
            return
        found = find_chromium()
        if isinstance(found, str):
            print(f"browser: skipped, {found}")
            return
        for name, path in pages.items():
            readies, clicks, errors = [], [], 0
            for _ in range(args.runs):  # a fresh browser each time: nothing cached
                with Browser() as b:
                    ready, click = time_to_click(b, path)
                    drawn = b.js("return window.kgNetwork.body.nodeIndices.length")
                    errors += sum(m["level"] == "SEVERE" for m in b.log()["console"])
                readies.append(ready)
                clicks.append(click)
            print(
                f"chromium, {name}: {drawn} nodes drawn; ready after {median(readies):.2f} s, "
                f"first click answered after {median(clicks):.2f} s (medians of {args.runs}; "
                f"fastest {min(readies):.2f} s / {min(clicks):.2f} s); console errors: {errors}"
            )


if __name__ == "__main__":
    main()
