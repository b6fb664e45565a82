"""`kg serve`: a real SPARQL 1.1 Protocol endpoint (the oxigraph server) on the store, queried
over HTTP on a free loopback port with SPARQLWrapper and plain HTTP requests."""

from __future__ import annotations

import json
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
    if "?entity" in text or "?person" in text:
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
