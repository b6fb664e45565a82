"""Security: document text never runs in the view, the endpoint is read-only and local by
default, query parameters are bound (never pasted), and no document id writes outside the
chosen folders."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.model import Document
from kg.serve import ServeError, free_port, serve
from kg.store.core import Store

# Markup, script and URL payloads: any of them would set window.kgPwned if the page ran it.
PAYLOADS = [
    "<script>window.kgPwned = 1</script>",
    '<img src=x onerror="window.kgPwned = 2">',
    "<svg onload=window.kgPwned=3>",
    "</script><script>window.kgPwned = 4</script>",
    '<iframe srcdoc="<script>parent.kgPwned = 5</script>"></iframe>',
    "javascript:window.kgPwned=6",
    '<a href="javascript:window.kgPwned=7">x</a>',
    "<!--<script>window.kgPwned = 8</script>-->",
    '"><body onload="window.kgPwned = 9">',
    "\u2028</script>\u2029<script>window.kgPwned = 10</script>",
    "<style>@import 'http://evil.example/x.css';</style>",
]


def _evil_documents() -> list[Document]:
    docs = []
    for i, p in enumerate(PAYLOADS):
        text = (
            f"Acme Corp {p} hired Jane Doe {p} in 2019. Globex Inc, a Boston-based startup, "
            f"was founded by John Smith {p}.\nSubscribe {p}\n"
        )
        docs.append(Document(f"evil-{i}", text, title=p, source=p))
    return docs


@pytest.fixture(scope="module")
def evil_graph(pipeline) -> kg.KnowledgeGraph:
    # every fact read asserted, so the view draws each one with its evidence (at kg's threshold
    # the verb rules' facts here are candidates)
    g = kg.build(_evil_documents(), model=pipeline, min_confidence=0.0)
    assert g.relations and any("<" in ev.sentence for r in g.relations for ev in r.evidence)
    return g


def test_document_text_never_runs_in_the_view(evil_graph, tmp_path: Path):
    from benchmarks.view import Browser, find_chromium

    found = find_chromium()
    if isinstance(found, str):
        pytest.skip(found)
    page = evil_graph.to_html(tmp_path / "evil.html", title=PAYLOADS[0] + PAYLOADS[1])
    with Browser() as b:
        b.open(page)
        b.wait("return document.body.dataset.ready === 'true'", 60)
        shown = []
        # show every node's and edge's details: the page's own click handler builds them
        for kind in ("nodes", "edges"):
            ids = b.js(f"return window.kgNetwork.body.data.{kind}.getIds()")
            for i in ids:
                b.js(
                    "window.kgNetwork.body.emitter.emit('click', "
                    f"{{nodes: {json.dumps([i] if kind == 'nodes' else [])}, "
                    f"edges: {json.dumps([i] if kind == 'edges' else [])}}})"
                )
                shown.append(b.js("return document.getElementById('details').textContent"))
        for p in PAYLOADS[:3]:  # and search for the payloads
            b.js(
                "const s = document.getElementById('search'); s.value = arguments[0];"
                "s.dispatchEvent(new Event('input'));",
                p,
            )
        assert b.js("return window.kgPwned === undefined && parent.kgPwned === undefined")
        log = b.log()
    assert log["requests"] == [page.resolve().as_uri()]  # no request: not even the CSS import
    # the payloads are on screen as text
    assert any("<script>window.kgPwned = 1</script>" in s for s in shown), shown[:3]


def test_the_endpoint_is_read_only_and_local_by_default(tmp_path: Path, pipeline):
    st = Store(tmp_path / "store")
    st.build(_evil_documents()[:2], model=pipeline)
    before = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    port = free_port()
    with serve(st, port=port) as ep:
        assert ep.host == "127.0.0.1"
        assert _listening_addresses(port) and all(
            a in ("127.0.0.1", "::1") for a in _listening_addresses(port)
        ), _listening_addresses(port)
        assert _post(ep.update_url, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
        assert _post(ep.query_url, "DELETE WHERE { ?s ?p ?o }")
        assert _post(ep.update_url, "DROP ALL")
        other = _other_address()
        if other is not None:  # from another interface of this machine: nothing listens
            with pytest.raises(OSError), socket.create_connection((other, port), timeout=2):
                pass
    assert st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == before
    with pytest.raises(ServeError, match="not a loopback address"):
        serve(st, host="0.0.0.0", port=free_port())
    res = CliRunner().invoke(main, ["serve", "--store", str(st.path), "--host", "0.0.0.0"])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1
    assert "--allow-remote" in res.output


def _post(url: str, update: str) -> int:
    """POST a SPARQL UPDATE; the HTTP error status (0 if it was accepted)."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(
        url, data=update.encode(), headers={"Content-Type": "application/sparql-update"}
    )
    try:
        with urllib.request.urlopen(req, timeout=30):
            return 0
    except urllib.error.HTTPError as e:
        return e.code


def _listening_addresses(port: int) -> list[str]:
    """Local addresses with a TCP socket listening on ``port`` (from /proc/net/tcp*)."""
    import ipaddress

    found = []
    for name, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.split(":")
            if state != "0A" or int(p, 16) != port:
                continue
            raw = bytes.fromhex(addr)
            # the kernel writes each 32-bit word in host (little-endian) order
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found.append(str(ipaddress.ip_address(raw if width == 8 else raw)))
    return found


def _other_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.254.254.254", 1))  # UDP: no packet is sent
            addr = s.getsockname()[0]
    except OSError:
        return None
    return None if addr.startswith("127.") else addr


INJECTIONS = [
    'Meta" } UNION { ?e ?p ?o } #',
    "Meta' } UNION { ?e ?p ?o } #",
    'Meta"^^<http://www.w3.org/2001/XMLSchema#string> } UNION { ?e ?p ?o } #',
    'Meta\\" } UNION { ?e ?p ?o } #',
    "?e",
    "<https://example.org/kg/entity/meta> } UNION { ?e ?p ?o } #",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline) -> Path:
    from .conftest import SEEDS

    out = tmp_path_factory.mktemp("built")
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    return out


@pytest.mark.parametrize("where", ["--graph", "--store"])
@pytest.mark.parametrize("value", INJECTIONS)
def test_parameters_are_bound_never_pasted(built, where, value):
    target = str(built / "graph.ttl") if where == "--graph" else str(built / "store")
    q = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    base = CliRunner().invoke(main, ["query", q, where, target, "-p", "name=Meta", "-f", "json"])
    assert base.exit_code == 0, base.output
    assert len(json.loads(base.output)["results"]["bindings"]) == 1  # the honest answer
    res = CliRunner().invoke(main, ["query", q, where, target, "-p", f"name={value}", "-f", "json"])
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    # pasted, each value would widen the query to every triple; bound, it matches no label
    assert json.loads(res.output)["results"]["bindings"] == []


def test_no_document_id_writes_outside_the_output_folder(tmp_path: Path, pipeline):
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    lines = [
        {"id": i, "text": "Acme Corp hired Jane Doe in 2019."}
        for i in ("../../escape", "/etc/passwd", "..", "a/../../b", "C:\\x\\y", ".hidden", "")
    ]
    (work / "in" / "docs.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )
    before = {p for p in tmp_path.rglob("*")}
    res = CliRunner().invoke(
        main, ["build", str(work / "in"), "--out", str(work / "out"), "-q", "--jobs", "1"]
    )
    assert res.exit_code == 0, res.output
    created = {p for p in tmp_path.rglob("*")} - before
    assert created and all(p.is_relative_to(work / "out") for p in created), sorted(
        str(p) for p in created if not p.is_relative_to(work / "out")
    )
    ids = sorted(d.id for d in Store(work / "out" / "store").knowledge_graph().documents)
    assert all("/" not in i and "\\" not in i and not i.startswith(".") for i in ids), ids
    assert len(ids) == len(lines)  # distinct, none lost
    # and through the library
    g = kg.build([Document("../../x", "Acme Corp hired Jane Doe.")], model=pipeline)
    assert g.documents[0].id == "x"


class _Planted:
    """Unpickled by plain pickle, this would create the file named by ``path``."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


def test_a_planted_extraction_cache_file_runs_nothing(tmp_path: Path, pipeline):
    import pickle

    st = Store(tmp_path / "store")
    text = Document("acme", "Acme Corp, a Boston-based startup, hired Jane Doe.")
    other = Document("globex", "Globex Corporation, based in Springfield, hired John Smith.")
    st.build([text], model=pipeline)
    cached = sorted((st.path / "extractions").glob("*.pickle"))
    assert len(cached) == 1
    st.build([other], model=pipeline)
    flag = tmp_path / "pwned"
    cached[0].write_bytes(pickle.dumps(_Planted(str(flag))))
    assert pickle.loads(cached[0].read_bytes()) is None and flag.exists()  # the control: it works
    flag.unlink()
    st2 = Store(tmp_path / "store")
    # a changed document makes the build resolve everything, reading the cache of the other
    changed = Document("globex", other.text + " Initech, a Dallas-based company, hired Ann Lee.")
    r = st2.build([text, changed], model=pipeline)
    assert not flag.exists()  # refused: the document was parsed again instead
    assert "acme" in r.parsed and not r.incremental
    assert {e.name for e in st2.knowledge_graph().entities} >= {"Acme Corp", "Jane Doe"}


def test_a_planted_resolver_file_runs_nothing(tmp_path: Path, pipeline):
    """The resolution a store version keeps is read with the same allow-list: a crafted file
    runs nothing, and the build resolves every kept extraction again instead."""
    import pickle

    from kg.store.layout import STATE

    st = Store(tmp_path / "store")
    st.build(["Acme Corp, a Boston-based startup, hired Jane Doe."], model=pipeline)
    state = st.path / "versions" / st.version / STATE
    assert state.is_file()
    flag = tmp_path / "pwned"
    state.write_bytes(pickle.dumps(_Planted(str(flag))))
    r = st.build(["Globex Corporation, based in Springfield, hired John Smith."], model=pipeline)
    assert not flag.exists() and not r.incremental
    assert {e.name for e in r.graph.entities} >= {"Acme Corp", "Jane Doe", "John Smith"}
