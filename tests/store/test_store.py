"""The on-disk store: incremental builds, versions switched atomically, one writer at a time."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.errors import InputError, QueryError
from kg.model import Document
from kg.store.core import Store, StoreBusyError, StoreError

from ..conftest import ROOT

A = Document("a", "Acme Corp, a Boston-based startup, hired Jane Doe.")
B = Document("b", "Globex Corporation, based in Springfield, hired John Smith.")
A2 = Document("a", "Initech, a Dallas-based company, hired Peter Gibbons.")  # "a", rewritten

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def quads(st: Store) -> set[str]:
    """Everything in the store's current version, as text."""
    db = ox.Store.read_only(str(st.rdf_path))
    return {str(q) for q in db}


def state(st: Store) -> tuple[str, list[str], set[str]]:
    return st.version, st.documents(), quads(st)


def facts(g: kg.KnowledgeGraph) -> set[tuple]:
    return {(r.key, r.confidence, r.evidence) for r in g.relations}


class Counting:
    """An extractor that records which documents it was asked to parse."""

    def __init__(self, pipeline, fail_after: int | None = None) -> None:
        self.pipeline, self.fail_after, self.seen = pipeline, fail_after, []

    def __call__(self, docs):
        from kg.extract.mentions import extract

        for n, ex in enumerate(extract(docs, self.pipeline)):
            if self.fail_after is not None and n >= self.fail_after:
                raise RuntimeError("extraction failed")
            self.seen.append(ex.document.id)
            yield ex


def test_new_documents_add_and_known_ones_are_not_parsed_again(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    ex = Counting(pipeline)
    r1 = st.build([A], extractor=ex)
    assert ex.seen == ["a"] and r1.parsed == ("a",) and r1.changed
    r2 = st.build([B], extractor=ex)
    assert ex.seen == ["a", "b"], "only the new document is parsed"
    assert r2.parsed == ("b",) and r2.reused == ("a",)
    assert st.documents() == ["a", "b"]
    whole = kg.build([A, B], model=pipeline)
    assert facts(r2.graph) == facts(whole)
    assert {e.name for e in r2.graph.entities} == {e.name for e in whole.entities}
    assert facts(st.knowledge_graph()) == facts(whole)
    names = {d["n"] for d in st.query("SELECT ?n WHERE { ?e kgv:id ?i ; rdfs:label ?n }").dicts()}
    assert names == {e.name for e in whole.entities} and {"Jane Doe", "John Smith"} <= names


def test_the_same_build_twice_changes_nothing(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A, B], model=pipeline)
    before = state(st)
    again = st.build([A, B], model=pipeline)
    assert not again.changed and again.parsed == () and state(st) == before
    again = st.build([B], model=pipeline)  # a subset: nothing is lost either
    assert not again.changed and state(st) == before


def test_rebuilding_a_document_replaces_its_facts_and_keeps_the_others(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A, B], model=pipeline)
    r = st.build([A2], model=pipeline)
    assert r.parsed == ("a",) and st.documents() == ["a", "b"]
    assert facts(r.graph) == facts(kg.build([A2, B], model=pipeline))
    names = {e.name for e in r.graph.entities}
    assert "Jane Doe" not in names and "John Smith" in names and "Peter Gibbons" in names
    sentences = {
        d["s"] for d in st.query("SELECT ?s WHERE { ?e a kgv:Evidence ; kgv:sentence ?s }").dicts()
    }
    assert A.text not in sentences and any(s in A2.text for s in sentences)
    assert r.removed_triples > 0 and r.added_triples > 0


def test_a_rebuild_writes_only_the_parts_that_changed(tmp_path, pipeline, monkeypatch):
    """Adding a document makes the triples of its own part, of the entities and facts, and of
    the documents whose part it changes (here an acronym that the new document defines, which
    then joins its expansion in every document), and no others; the store then holds exactly
    what a store built in one go holds."""
    import kg.rdf.triples

    w1 = Document("w1", "GM cut 2,000 jobs on Monday, the company said.")
    w2 = Document("w2", "General Motors (GM) opened a plant in Ohio.")
    made: set[str] = set()
    real = kg.rdf.triples.parts

    def spy(*args, **kw):
        for part, triple in real(*args, **kw):
            made.add(part)
            yield part, triple

    st = Store(tmp_path / "store")
    st.build([A, w1], model=pipeline)
    monkeypatch.setattr(kg.rdf.triples, "parts", spy)
    r = st.build([w2], model=pipeline)
    assert r.parsed == ("w2",) and r.changed and r.incremental
    # w1's part changed (GM is General Motors now), a's did not
    assert made == {"doc/w1", "doc/w2", "entities"}
    whole = Store(tmp_path / "whole")
    whole.build([A, w1, w2], model=pipeline)
    assert quads(st) == quads(whole)
    assert len(st) == len(whole) == len(quads(st))
    names = {e.name for e in r.graph.entities}
    assert "General Motors" in names and "GM" not in names


def test_replace_and_remove(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A, B], model=pipeline)
    r = st.build([B], model=pipeline, replace=True)
    assert st.documents() == ["b"] and r.removed == ("a",)
    assert st.query("ASK { ?e rdfs:label 'Jane Doe' }").boolean is False
    assert st.query("ASK { ?e rdfs:label 'John Smith' }").boolean is True
    st.update([], remove=["b"], model=pipeline)
    assert st.documents() == [] and st.query(COUNT).dicts()[0]["n"] > 0  # the vocabulary stays


def test_a_failed_build_leaves_the_store_as_it_was(tmp_path, pipeline, monkeypatch):
    st = Store(tmp_path / "store")
    st.build([A], model=pipeline)
    before = state(st)
    with pytest.raises(RuntimeError):
        st.build([B], extractor=Counting(pipeline, fail_after=0))
    assert state(st) == before
    with pytest.raises(InputError):  # bad input: nothing is read, nothing is written
        st.build([tmp_path / "missing.txt"], model=pipeline)
    assert state(st) == before

    # a failure while the new version is written: it is thrown away, CURRENT stays
    from kg.store.layout import Manifest

    def boom(self):
        raise OSError("disk full")

    monkeypatch.setattr(Manifest, "dump", boom)
    with pytest.raises(OSError, match="disk full"):
        st.build([B], model=pipeline)
    monkeypatch.undo()
    assert state(st) == before
    assert sorted(p.name for p in (st.path / "versions").iterdir()) == [before[0]]
    assert st.build([B], model=pipeline).changed  # and the store still builds


def test_a_build_killed_at_any_moment_leaves_old_or_new(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A], model=pipeline)
    before = state(st)
    src = tmp_path / "b.txt"
    src.write_text(B.text, encoding="utf-8")
    outcomes = set()
    for delay in (0.5, 1.5, 3.0, 4.5):
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", str(src), "--store", str(st.path),
             "--out", str(tmp_path / "out"), "-q"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = state(st)
        if now == before:
            outcomes.add("old")
            continue
        outcomes.add("new")
        assert now[1] == ["a", "b"]
        g = st.knowledge_graph()
        assert len(now[2]) == len(st) and {d.id for d in g.documents} == {"a", "b"}
        break
    assert outcomes <= {"old", "new"}
    assert st.query("ASK { ?s ?p ?o }").boolean


def test_a_second_build_fails_clearly_or_waits(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A], model=pipeline)
    before = state(st)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from kg.store.core import Store\n"
         "with Store(sys.argv[1]).lock():\n"
         "    print('locked', flush=True); time.sleep(float(sys.argv[2]))",
         str(st.path), "3"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreBusyError, match=rf"another build .*process {holder.pid}"):
            st.build([B], model=pipeline)
        assert state(st) == before
        res = CliRunner().invoke(
            main, ["build", "-", "--store", str(st.path), "--out", str(tmp_path / "o")],
            input=B.text,
        )  # fmt: skip
        assert res.exit_code != 0 and "another build is writing this store" in res.output
        assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output
        r = st.build([B], model=pipeline, wait=30)  # waits for the holder, then builds
        assert r.changed and st.documents() == ["a", "b"]
    finally:
        holder.kill()
        holder.wait()


def test_two_builds_at_once_both_land(tmp_path):
    store = tmp_path / "store"
    srcs = []
    for doc in (A, B):
        p = tmp_path / f"{doc.id}.txt"
        p.write_text(doc.text, encoding="utf-8")
        srcs.append(p)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "build",
                str(p),
                "--store",
                str(store),
                "--out",
                str(tmp_path / f"out-{p.stem}"),
                "--wait",
                "120",
                "-q",
            ],
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for p in srcs
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()
    st = Store(store)
    assert sorted(st.documents()) == ["a", "b"]
    assert len(quads(st)) == len(st)


def test_queries_on_the_store(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A], model=pipeline)
    before = state(st)
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        st.query("SELECT ?x\nWHERE { ?x ?y }")
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    t0 = time.monotonic()
    with pytest.raises(QueryError, match="longer than the 1 s timeout"):
        st.query(slow, timeout=1)
    assert time.monotonic() - t0 < 10
    with pytest.raises(QueryError, match="SPARQL UPDATE"):
        st.query("PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }")
    assert state(st) == before
    res = st.query("CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a schema:Person ; rdfs:label ?n }")
    assert res.form == "CONSTRUCT" and sorted(str(o) for _, _, o in res.graph) == ["Jane Doe"]
    res = st.query("DESCRIBE ?e WHERE { ?e rdfs:label 'Acme Corp' }")
    assert res.form == "DESCRIBE"
    assert {str(s) for s, _, _ in res.graph} == {"https://example.org/kg/entity/acme-corp"}
    assert "Acme Corp" in {str(o) for _, _, o in res.graph}


def test_bad_store_folders(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "nope").query("ASK {}")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "f.txt").write_text("x")
    with pytest.raises(StoreError, match="not a kg store"):
        Store(tmp_path / "junk").build([A])
    assert sorted(p.name for p in (tmp_path / "junk").iterdir()) == ["f.txt"]


def test_cli_build_goes_to_the_store_and_query_reads_it(tmp_path, pipeline):
    out = tmp_path / "out"
    seeds = ROOT / "seeds"
    files = sorted(seeds.glob("*.txt"))
    res = CliRunner().invoke(main, ["build", str(files[0]), "--out", str(out)])
    assert res.exit_code == 0 and "1 document parsed" in res.output
    res = CliRunner().invoke(main, ["build", str(seeds), "--out", str(out)])
    assert res.exit_code == 0 and "1 document parsed, 1 kept" in res.output, res.output
    fresh = tmp_path / "fresh"
    assert CliRunner().invoke(main, ["build", str(seeds), "--out", str(fresh)]).exit_code == 0
    for name in ("graph.ttl", "graph.json"):  # incremental or not, the same graph
        assert (out / name).read_bytes() == (fresh / name).read_bytes()
    q = "SELECT ?e WHERE { ?e a schema:Organization }"
    res = CliRunner().invoke(main, ["query", q, "--store", str(out / "store"), "-f", "csv"])
    assert res.exit_code == 0 and "https://example.org/kg/entity/meta\n" in res.output
    mem = tmp_path / "mem"
    res = CliRunner().invoke(main, ["build", str(seeds), "--out", str(mem), "--no-store", "-q"])
    assert res.exit_code == 0 and not (mem / "store").exists()
    assert (mem / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


def test_kg_query_timeout_is_one_line_and_the_store_stays(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A], model=pipeline)
    before = state(st)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    for where in (["--store", str(st.path)], ["--graph", str(tmp_path / "g.ttl")]):
        if where[0] == "--graph":
            st.knowledge_graph().write_rdf(tmp_path / "g.ttl")
        res = CliRunner().invoke(main, ["query", slow, *where, "--timeout", "1"])
        assert res.exit_code != 0 and "timeout" in res.output
        assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output
    assert state(st) == before
    res = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--store", str(st.path)])
    assert res.exit_code == 0 and res.output.strip() == "true"


def test_documents_added_in_steps_give_the_store_one_build_gives(tmp_path, pipeline):
    """Each addition resolves and writes only what the new documents touch, and the store
    then holds, quad for quad, what a store built from all of them in one go holds; a
    document whose content changed makes the next build resolve everything again."""
    from benchmarks.corpus import pages

    docs = [kg.from_text(p.text, doc_id=p.name) for p in pages(12, seed=3)]
    st = Store(tmp_path / "steps")
    first = st.build(docs[:6], model=pipeline)
    assert not first.incremental
    for lo, hi in ((6, 7), (7, 10), (10, 12)):
        r = st.build(docs[lo:hi], model=pipeline)
        assert r.incremental and r.parsed == tuple(d.id for d in docs[lo:hi])
    whole = Store(tmp_path / "whole")
    w = whole.build(docs, model=pipeline)
    assert quads(st) == quads(whole) and len(st) == len(whole)
    assert st._manifest().digests == whole._manifest().digests
    assert r.graph.to_json() == w.graph.to_json()
    changed = Document(docs[0].id, docs[0].text + " Jane Doe joined Initech in Dallas.")
    again = st.build([changed], model=pipeline)
    assert not again.incremental and again.parsed == (docs[0].id,)


def test_an_addition_reads_no_kept_extraction_of_a_document_it_was_given(tmp_path, pipeline):
    """Given all its sources again and one new, a build parses the new one and takes the
    others as given: a damaged extraction of a given document stops nothing."""
    st = Store(tmp_path / "store")
    st.build([A, B], model=pipeline)
    for f in (st.path / "extractions").glob("*.pickle"):
        f.write_bytes(b"damaged")
    new = Document("c", "Initech, a Dallas-based company, hired Peter Gibbons.")
    r = st.build([A, B, new], model=pipeline)
    assert r.incremental and r.parsed == ("c",)
    assert facts(r.graph) == facts(kg.build([A, B, new], model=pipeline))


# Where the kg before the package move kept the classes a store pickles.
OLD_PATHS = {
    b"kg.extract.records": b"kg.extract",
    b"kg.resolve.resolver": b"kg.resolve",
    b"kg.resolve.records": b"kg.resolve",
}


def as_older_kg(path) -> None:
    """Rewrite a pickle as the kg before the package move wrote it: its classes named by their
    old modules (protocol 2 names each class in a plain GLOBAL opcode: c<module>\\n<name>\\n)."""
    import pickle

    data = pickle.dumps(pickle.loads(path.read_bytes()), protocol=2)
    for new, old in OLD_PATHS.items():
        data = data.replace(b"c" + new + b"\n", b"c" + old + b"\n")
    path.write_bytes(data)


def test_a_store_of_an_older_kg_opens_builds_and_says_so_once(tmp_path, pipeline):
    """A store whose extraction cache and resolver name kg's classes by their paths before the
    package move still answers; its next build parses those documents again (one notice),
    and then holds, quad for quad, what a store built with this kg holds."""
    from kg.store.cache import OlderKgError
    from kg.store.layout import STATE

    C = Document("c", "Initech, a Dallas-based company, hired Peter Gibbons.")
    st = Store(tmp_path / "store")
    st.build([A, B], model=pipeline)
    held = quads(st)
    files = [*(st.path / "extractions").glob("*.pickle"), st.path / "versions" / st.version / STATE]
    assert len(files) == 3
    for f in files:
        as_older_kg(f)
    with pytest.raises(OlderKgError, match=r"kg\.(extract|resolve)\.\w+: written by an older kg"):
        st.cache.load(st._manifest().documents["a"])
    # opened as it is: queries, and the graph read from the older entries
    assert quads(st) == held and st.query("ASK { ?e rdfs:label 'Jane Doe' }").boolean
    assert facts(st.knowledge_graph()) == facts(kg.build([A, B], model=pipeline))

    src = tmp_path / "c.txt"
    src.write_text(C.text, encoding="utf-8")
    args = ["build", str(src), "--store", str(st.path), "--out", str(tmp_path / "out")]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert _said(res) == ["kg: extraction cache from an older kg: 2 documents parsed again"]
    assert "store: " in res.stdout and "(3 documents parsed, 0 kept, 0 removed;" in res.stdout
    assert st.documents() == ["a", "b", "c"]  # nothing lost
    whole = Store(tmp_path / "whole")
    whole.build([A, B, src], model=pipeline)
    assert quads(st) == quads(whole)
    again = CliRunner().invoke(main, args)  # now all of this kg's: no notice, nothing parsed
    assert again.exit_code == 0 and _said(again) == []
    assert "(0 documents parsed, 3 kept, 0 removed; +0 -0 triples)" in again.stdout


def _said(res) -> list[str]:
    """What a command said on standard error besides its progress lines."""
    return [ln for ln in res.stderr.splitlines() if not re.match(r"kg: \d+/\d+ documents, ", ln)]


# -- files others can read, caches that do not grow for ever, the store kg query reads -----


def test_output_files_respect_the_umask(tmp_path, pipeline):
    old = os.umask(0o022)
    try:
        Store(tmp_path / "store").build([A], model=pipeline)
        kg.run.local.write(kg.build([A], model=pipeline), tmp_path / "out")
    finally:
        os.umask(old)
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "LOCK"]
    modes = {str(p.relative_to(tmp_path)): oct(p.stat().st_mode & 0o777) for p in files}
    assert {m for m in modes.values()} == {"0o644"}, modes


def test_extractions_no_version_names_are_pruned(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([A], model=pipeline)
    first = set(st.cache.folder.iterdir())
    (st.cache.folder / "0123.99.tmp").write_bytes(b"left by a killed build")
    st.build([A2], model=pipeline)  # "a" rewritten: its first extraction is the previous one's
    assert first < set(st.cache.folder.iterdir())
    st.build([B], model=pipeline)  # the first extraction is now named by no kept version
    kept = {p.name for p in st.cache.folder.iterdir()}
    assert len(kept) == 2 and not first & set(st.cache.folder.iterdir())
    assert st.documents() == ["a", "b"] and st.knowledge_graph().documents


def test_kg_query_says_which_store_it_reads_when_none_is_named(tmp_path, pipeline, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Store(tmp_path / "out" / "store").build([A], model=pipeline)
    res = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }"])
    assert res.exit_code == 0, res.output
    assert res.stderr == "kg: reading out/store (v000001; --store picks another)\n"
    assert res.stdout == "true\n"
    named = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--store", "out/store"])
    assert named.stderr == "" and named.stdout == "true\n"


def test_kg_query_has_a_default_timeout(tmp_path, pipeline, monkeypatch):
    from kg.query.results import QUERY_TIMEOUT

    seen = []
    monkeypatch.setattr(Store, "query", lambda self, q, **kw: seen.append(kw["timeout"]))
    monkeypatch.setattr("kg.query.results.format_result", lambda res, out, **kw: "")
    Store(tmp_path / "store").build([A], model=pipeline)
    for extra in ([], ["--timeout", "5"], ["--timeout", "0"]):
        args = ["query", "ASK {}", "--store", str(tmp_path / "store"), *extra]
        assert CliRunner().invoke(main, args).exit_code == 0
    assert seen == [QUERY_TIMEOUT, 5.0, None] and QUERY_TIMEOUT == 60


def test_a_store_another_build_is_making_is_not_refused(tmp_path, pipeline):
    """Two builds begun at once on a new store: the first's marker is written through a
    temporary file, which the second may see a moment before the marker itself."""
    store = tmp_path / "store"
    store.mkdir()
    (store / "lock").touch()
    (store / ".kg-store.json.x1y2.tmp").write_text("{}")
    assert Store(store).build([A], model=pipeline).changed
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / ".kg-store.json.notes").write_text("x")
    with pytest.raises(StoreError, match="not a kg store"):
        Store(tmp_path / "other").build([A], model=pipeline)


def test_a_countrys_copy_of_its_words_fact_is_as_sure_in_steps_as_in_one_build(tmp_path, pipeline):
    """A country's copy of its nationality word's fact is worth the word's fact
    (kg.resolve.calibration.as_sure_as_word) whether the store adds its document alone or
    with the others."""
    docs = [
        Document("w", "Israel said rockets hit the Israeli city of Sderot on Monday."),
        Document("x", "Initech, a Dallas-based company, hired Peter Gibbons."),
    ]
    st = Store(tmp_path / "steps")
    st.build(docs[1:], model=pipeline)
    r = st.build(docs[:1], model=pipeline)
    whole = Store(tmp_path / "whole")
    w = whole.build(docs, model=pipeline)
    assert quads(st) == quads(whole) and r.graph.to_json() == w.graph.to_json()
    copied = {(r.subject.name, r.predicate, r.object.name) for r in w.graph.relations}
    assert ("Sderot", "country", "Israel") in copied
