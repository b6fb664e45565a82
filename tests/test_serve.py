"""`kg serve`: a real SPARQL 1.1 Protocol endpoint (the oxigraph server) on the store, queried
over HTTP on a free loopback port with SPARQLWrapper and plain HTTP requests."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.serve import ServeError, free_port, serve
from kg.store.core import Store, StoreBusyError

from .conftest import ROOT

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
# Queries that compare candidates' confidences with ?min_confidence. No seeds' fact reaches
# kg's threshold (tests/test_seeds.py says why), so their answers at it are empty: each is also
# asked with LOW written for it, as `kg query --min-confidence` writes it, where the seeds'
# right facts answer (0.32 to 0.68) and none of the known wrong readings (0.21 to 0.28).
MIN_CONFIDENCE = re.compile(r"[?$]min_confidence\b")
LOW = 0.3
# queries with no ?min_confidence, which the seeds answer only with candidates, left out
NONE_ASSERTED = {
    "people_and_employers.rq": "the seeds' employer facts are candidates",
    "appointments.rq": "the seeds' appointments are candidates (0.604, under 0.61)",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline) -> Store:
    st = Store(tmp_path_factory.mktemp("serve") / "store")
    st.build([ROOT / "seeds"], model=pipeline)
    return st


@pytest.fixture(scope="module")
def endpoint(store):
    with serve(store, port=free_port()) as ep:
        yield ep


def quads(st: Store) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(st.rdf_path))}


def over_http(url: str, query: str) -> dict:
    client = SPARQLWrapper.SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(SPARQLWrapper.JSON)
    return client.query().convert()


def kg_query(store: Store, *args: str) -> str:
    res = CliRunner().invoke(main, ["query", *args, "--store", str(store.path)])
    assert res.exit_code == 0, res.output
    return res.output


def canonical(results: dict) -> tuple:
    if "boolean" in results:
        return ("boolean", results["boolean"])
    rows = results["results"]["bindings"]
    return (results["head"]["vars"], [json.dumps(r, sort_keys=True) for r in rows])


@pytest.mark.parametrize("path", QUERIES, ids=[q.name for q in QUERIES])
def test_the_endpoint_answers_as_kg_query(store, endpoint, path):
    text = path.read_text(encoding="utf-8")
    remote = over_http(endpoint.query_url, text)
    local = json.loads(kg_query(store, str(path), "--format", "json"))
    assert canonical(remote) == canonical(local)
    if MIN_CONFIDENCE.search(text):
        remote = over_http(endpoint.query_url, MIN_CONFIDENCE.sub(repr(LOW), text))
        args = ["--format", "json", "--min-confidence", str(LOW)]
        assert canonical(remote) == canonical(json.loads(kg_query(store, str(path), *args)))
    if path.name in NONE_ASSERTED:
        assert not remote["results"]["bindings"], NONE_ASSERTED[path.name]
    elif "?entity" in text or "?person" in text:
        assert remote["results"]["bindings"], "the seeds answer this one"


def test_ask_and_construct_over_http(store, endpoint):
    ask = "PREFIX kgv: <https://example.org/kg/vocab#> ASK { ?s kgv:employer ?o }"
    assert over_http(endpoint.query_url, ask)["boolean"] is store.query(ask).boolean
    ask = "PREFIX schema: <https://schema.org/> ASK { ?s a schema:Person }"
    assert over_http(endpoint.query_url, ask)["boolean"] is True
    construct = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/> "
        "CONSTRUCT { ?s rdfs:label ?n } WHERE { ?s a schema:Organization ; rdfs:label ?n }"
    )
    url = endpoint.query_url + "?" + urllib.parse.urlencode({"query": construct})
    req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as r:
        remote = Graph().parse(data=r.read().decode("utf-8"), format="nt")
    local = Graph().parse(data=kg_query(store, construct), format="turtle")
    assert len(remote) >= 1 and set(remote) == set(local)


def test_updates_are_refused_and_the_store_is_untouched(store, endpoint):
    before = quads(store)
    for url, body, ctype in [
        (endpoint.update_url, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
         "application/sparql-update"),
        (endpoint.url + "/store?default", "<http://x/a> <http://x/b> <http://x/c> .",
         "application/n-triples"),
    ]:  # fmt: skip
        req = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": ctype})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=30)
        assert err.value.code == 403
    assert quads(store) == before


def test_a_syntax_error_over_http(endpoint):
    url = endpoint.query_url + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y }"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(url, timeout=30)
    assert err.value.code == 400 and "1:" in err.value.read().decode()


def test_only_loopback_unless_asked(store):
    with pytest.raises(ServeError, match="not a loopback address"):
        serve(store, host="0.0.0.0", port=free_port())


def test_updates_when_enabled_hold_the_store(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build(["Acme Corp, a Boston-based startup, hired Jane Doe."], model=pipeline)
    with serve(st, port=free_port(), allow_update=True) as ep:
        body = b"INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
        req = urllib.request.Request(
            ep.update_url, data=body, headers={"Content-Type": "application/sparql-update"}
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.status in (200, 204)
        ask = "ASK { <http://x/a> <http://x/b> <http://x/c> }"
        assert over_http(ep.query_url, ask)["boolean"] is True
        with pytest.raises(StoreBusyError):
            st.build(["Globex hired John Smith."], model=pipeline)
    assert st.query(ask).boolean is True  # the update landed in the store
    assert st.build(["Globex hired John Smith."], model=pipeline).changed  # and builds go on


def test_kg_serve_command(store):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store.path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in line and "read-only" in line
        q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?n { ?e rdfs:label ?n }"
        found = over_http(f"http://127.0.0.1:{port}/query", q)["results"]["bindings"]
        assert {"Meta", "Alexandr Wang"} <= {b["n"]["value"] for b in found}
    finally:
        proc.terminate()
        assert proc.wait(10) == 0 or proc.returncode is not None
    with pytest.raises(OSError):  # the server went with it
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


# a cross product of the seeds' triples with itself four times: it would run for hours
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_query_past_the_timeout_is_stopped(store):
    before = quads(store)
    with serve(store, port=free_port(), timeout=1) as ep:
        first = ep.process
        url = ep.query_url + "?" + urllib.parse.urlencode({"query": ENDLESS})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(url, timeout=60)
        assert err.value.code == 503
        assert "longer than the endpoint's 1 s timeout" in err.value.read().decode()
        assert first.poll() is not None  # the server running the query is gone
        # and a fresh one answers the next query at the same address
        ask = "ASK { ?e <http://www.w3.org/2000/01/rdf-schema#label> 'Meta' }"
        assert over_http(ep.query_url, ask)["boolean"] is True
    assert quads(store) == before


def test_a_bad_timeout_is_refused(store):
    with pytest.raises(ServeError, match="--timeout -1: the timeout must be a positive"):
        serve(store, port=free_port(), timeout=-1)


# -- the endpoint beside builds, and under bad requests --------------------------------------


def _raw(port: int, request: bytes, wait: float = 10) -> bytes:
    """What the endpoint answers to ``request`` sent as bytes on a fresh connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


DOCS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kgv:Document }"


def test_the_endpoint_follows_each_new_version_of_the_store(tmp_path, pipeline):
    import time

    st = Store(tmp_path / "store")
    st.build(["Acme Corp, a Boston-based startup, hired Jane Doe."], model=pipeline)
    texts = ["Globex hired John Smith.", "Initech hired Peter Gibbons.", "Hooli hired Gavin."]
    with serve(st, port=free_port()) as ep:
        seen = [int(over_http(ep.query_url, DOCS)["results"]["bindings"][0]["n"]["value"])]
        for text in texts:  # three builds: the first version's folder is long gone after
            st.build([text], model=pipeline)
            t0 = time.monotonic()
            n = int(over_http(ep.query_url, DOCS)["results"]["bindings"][0]["n"]["value"])
            assert time.monotonic() - t0 < 1
            seen.append(n)
        assert seen == [1, 2, 3, 4]
        assert not (st.path / "versions" / "v000001").exists()
        assert ep.process.poll() is None


def test_kg_serve_killed_with_sigkill_leaves_no_server_and_the_port_is_free(store):
    import os
    import signal
    import time
    from pathlib import Path

    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store.path)]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert "read-only" in proc.stdout.readline()
        kids = []
        for task in Path(f"/proc/{proc.pid}/task").iterdir():
            kids += [int(k) for k in (task / "children").read_text().split()]
        servers = [k for k in kids if b"oxigraph" in Path(f"/proc/{k}/cmdline").read_bytes()]
        assert len(servers) == 1
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{servers[0]}").exists() and time.monotonic() < deadline:
            with open(f"/proc/{servers[0]}/stat") as f:  # a zombie of init's is gone too
                if f.read().split(") ")[1].startswith("Z"):
                    break
            time.sleep(0.05)
        else:
            assert not Path(f"/proc/{servers[0]}").exists(), "the oxigraph server outlived kg"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with serve(store, port=port) as ep:  # the port is free again, and serves
        assert over_http(ep.query_url, "ASK { ?s ?p ?o }")["boolean"] is True


def test_a_busy_port_is_refused_with_a_clear_message(store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        with pytest.raises(ServeError, match=f"127.0.0.1:{port}: the port is busy"):
            serve(store, port=port)
        res = CliRunner().invoke(main, ["serve", "--store", str(store.path), "--port", str(port)])
        assert res.exit_code == 1 and res.output.startswith(f"Error: 127.0.0.1:{port}: the port")


def test_service_is_refused_unless_allowed(store, endpoint):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    target = listener.getsockname()[1]
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target}/x> {{ ?s ?p ?o }} }}"
    try:
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(
                endpoint.query_url + "?" + urllib.parse.urlencode({"query": q}), timeout=30
            )
        assert err.value.code == 403 and "SERVICE is disabled" in err.value.read().decode()
        listener.settimeout(0.5)
        with pytest.raises(TimeoutError):
            listener.accept()  # nothing came to the address
        # a string or an IRI that says SERVICE is no call
        quoted = "SELECT ?x WHERE { BIND('SERVICE <x>' AS ?x) }"
        assert over_http(endpoint.query_url, quoted)["results"]["bindings"]
    finally:
        listener.close()


@pytest.mark.parametrize(
    "length, status",
    [("abc", b"400"), ("-1", b"400"), ("99999999999", b"413"), ("5", b"400")],
)
def test_bad_content_length_gets_an_answer_not_a_traceback(endpoint, length, status):
    body = b"query=ASK%20%7B%7D"[: 4 if length == "5" else None]
    request = (
        f"POST /query HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode() + body
    if length == "5":  # fewer bytes than announced, then the client stops sending
        with socket.create_connection(("127.0.0.1", endpoint.port), timeout=60) as s:
            s.sendall(request)
            s.shutdown(socket.SHUT_WR)
            answer = s.recv(65536)
    else:
        answer = _raw(endpoint.port, request)
    assert answer.split(b" ")[1] == status, answer


def test_kg_prefixes_are_predefined(store, endpoint):
    q = "SELECT ?n WHERE { ?e rdfs:label ?n ; a schema:Organization } ORDER BY ?n"
    got = [b["n"]["value"] for b in over_http(endpoint.query_url, q)["results"]["bindings"]]
    assert "Meta" in got
    assert canonical(over_http(endpoint.query_url, q)) == canonical(
        json.loads(kg_query(store, q, "--format", "json"))
    )
    # a query that declares a prefix of its own keeps it
    own = "PREFIX rdfs: <http://example.org/other#> ASK { ?e rdfs:label ?n }"
    assert over_http(endpoint.query_url, own)["boolean"] is False


def test_connections_are_bounded(store, monkeypatch):
    monkeypatch.setattr("kg.serve.MAX_CONNECTIONS", 3)
    with serve(store, port=free_port()) as ep:
        idle = [socket.create_connection(("127.0.0.1", ep.port), timeout=10) for _ in range(3)]
        try:
            import time

            time.sleep(0.3)
            answer = _raw(ep.port, b"GET /query?query=ASK%7B%7D HTTP/1.0\r\n\r\n")
            assert answer.startswith(b"HTTP/1.0 503") and b"too many connections" in answer
        finally:
            for s in idle:
                s.close()
        time.sleep(0.3)
        assert over_http(ep.query_url, "ASK { ?s ?p ?o }")["boolean"] is True


def test_a_bounded_soak_queries_while_three_builds_land(tmp_path, pipeline):
    # the full soak (10,000 queries) is `python -m benchmarks.soak`; this is its short form
    from benchmarks import soak

    got = soak.run(queries=3000, threads=8, builds=3, work=tmp_path, pipeline=pipeline, limit=120)
    assert got.failures == [] and got.queries == 3000
    # 2 s here, on shared cores under the test run's own load; the benchmark holds it to 1 s
    assert len(got.follow_seconds) == 3 and max(got.follow_seconds) < 2, got.follow_seconds
    assert got.peak_mb < 400, got.peak_mb


def test_edits_made_through_sparql_update_survive_the_next_builds(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build(["Acme Corp, a Boston-based startup, hired Jane Doe."], model=pipeline)
    entities = f"{st.base}graph/entities"
    edits = [  # kg's prefixes are predefined for updates too
        "INSERT DATA { <http://x/a> <http://x/note> 'in the default graph'^^xsd:string }",
        "INSERT DATA { GRAPH <http://x/mine> { <http://x/b> <http://x/note> 'in my graph' } }",
        f"INSERT DATA {{ GRAPH <{entities}> {{ <http://x/c> <http://x/note> 'in kg graph' }} }}",
    ]
    with serve(st, port=free_port(), allow_update=True) as ep:
        for body in edits:
            req = urllib.request.Request(
                ep.update_url,
                data=body.encode(),
                headers={"Content-Type": "application/sparql-update"},
            )
            with urllib.request.urlopen(req, timeout=30) as r:
                assert r.status in (200, 204)
    kept = "SELECT ?s WHERE { ?s <http://x/note> ?c } ORDER BY ?s"
    assert [str(r[0]) for r in st.query(kept)] == ["http://x/a", "http://x/b", "http://x/c"]
    report = st.build(["Globex hired John Smith."], model=pipeline)
    assert report.changed and any("changed through SPARQL UPDATE" in n for n in report.notices)
    assert [str(r[0]) for r in st.query(kept)] == ["http://x/a", "http://x/b"]
    again = st.build(["Initech hired Peter Gibbons."], model=pipeline)  # incremental again
    assert again.incremental and not any("SPARQL UPDATE" in n for n in again.notices)
    assert [str(r[0]) for r in st.query(kept)] == ["http://x/a", "http://x/b"]
    assert len(st.documents()) == 3


def test_a_large_answer_is_streamed_in_bounded_memory(store):
    import threading

    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store.path)]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0.0]
    done = threading.Event()

    def rss() -> float:  # the front alone: the kg serve process, not its oxigraph server
        with open(f"/proc/{proc.pid}/status") as f:
            return next(int(ln.split()[1]) / 1024 for ln in f if ln.startswith("VmRSS:"))

    def watch() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], rss())

    try:
        assert "read-only" in proc.stdout.readline()
        start = rss()
        threading.Thread(target=watch, daemon=True).start()
        q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 400000"
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": q})
        req = urllib.request.Request(url, headers={"Accept": "text/csv"})
        size = 0
        with urllib.request.urlopen(req, timeout=120) as r:
            while chunk := r.read(1 << 16):
                size += len(chunk)
        done.set()
        assert size > 60_000_000  # an answer larger than the bound below
        assert peak[0] - start < 60, (start, peak[0], size)
    finally:
        done.set()
        proc.terminate()
        proc.wait(10)
