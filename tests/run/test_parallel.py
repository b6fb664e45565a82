"""The streamed build, --jobs N, and the benchmark corpus generator."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from benchmarks import corpus
from kg import ingest
from kg.cli import main
from kg.errors import ConfigError, InputError
from kg.extract import pipeline as nlp
from kg.run.local import write
from kg.run.parallel import extract_parallel
from kg.run.parse import iter_documents
from kg.run.stats import STAGES, BuildStats


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pages")
    corpus.write(d, 10, seed=3)
    return d


@pytest.fixture(scope="module")
def single(pages_dir, tmp_path_factory) -> tuple[kg.KnowledgeGraph, Path, BuildStats]:
    out = tmp_path_factory.mktemp("single")
    stats = BuildStats()
    g = kg.build([pages_dir], stats=stats)
    write(g, out, stats=stats)
    return g, out, stats


# -- the corpus generator --------------------------------------------------------------------


def test_corpus_is_the_same_for_the_same_seed_and_differs_for_another():
    a, b, c = (list(corpus.pages(5, seed=s)) for s in (1, 1, 2))
    assert a == b
    assert a != c


def test_corpus_pages_are_news_with_furniture_that_ingest_drops():
    docs = [ingest.from_text(p.text) for p in corpus.pages(20, seed=5)]
    words = [len(d.text.split()) for d in docs]
    assert 150 < sum(words) / len(words) < 600  # news-article length
    assert all(d.dropped for d in docs)  # every page carries widgets at least
    reasons = {b.reason.split(" (")[0].split(":")[0] for d in docs for b in d.dropped}
    assert {"social or comment widget", "language"} <= reasons


# -- streaming ingest ----------------------------------------------------------------------


def test_iter_documents_gives_what_ingest_read_gives(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Acme Corp hired Jane Doe.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nGlobex acquired Initech.\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    sources = [tmp_path, "Raw text about Paris.", tmp_path / "b.md"]  # b.md twice: id -2
    assert list(iter_documents(sources)) == ingest.read(sources)


def test_iter_documents_reads_one_file_at_a_time(tmp_path):
    (tmp_path / "1.txt").write_text("Acme Corp hired Jane Doe.\n", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01 binary")
    from kg.ingest.sources import ReadOptions

    docs = iter_documents([tmp_path], options=ReadOptions(strict=True, root=tmp_path))
    assert next(docs).id == "1"  # read before the bad file is reached
    with pytest.raises(InputError, match="2.txt: binary file"):
        next(docs)


def test_empty_folder_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="holds no readable documents"):
        list(iter_documents([tmp_path]))


# -- stats -------------------------------------------------------------------------------------


def test_stats_count_the_documents_and_time_every_stage(single, pages_dir):
    g, _, stats = single
    texts = [p.read_text(encoding="utf-8") for p in sorted(pages_dir.rglob("*.txt"))]
    assert stats.documents == len(texts) == len(g.documents) == 10
    assert stats.words == sum(len(t.split()) for t in texts)
    assert set(stats.seconds) == set(STAGES)
    assert all(stats.seconds[s] > 0 for s in STAGES)


# -- several processes ---------------------------------------------------------------------------


def test_jobs_2_writes_byte_identical_files(single, pages_dir, tmp_path):
    g1, out1, _ = single
    stats = BuildStats()
    g2 = kg.build([pages_dir], jobs=2, stats=stats)
    write(g2, tmp_path, stats=stats)
    for name in ("graph.ttl", "graph.json", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out1 / name).read_bytes(), name
    assert stats.documents == 10 and stats.seconds["spacy"] > 0  # the workers' time comes back


def test_a_build_freezes_what_it_keeps_and_thaws_it(single, pages_dir, monkeypatch, tmp_path):
    """While documents are parsed, what the build has kept is frozen out of the collector's
    way (every FREEZE_EVERY documents) and thawed at the end; the results do not change, and
    objects a caller froze stay frozen."""
    import gc

    from kg.run import memory as B

    frozen: list[int] = []
    freeze = gc.freeze

    def counting_freeze() -> None:
        freeze()
        frozen.append(gc.get_freeze_count())

    monkeypatch.setattr(B, "FREEZE_EVERY", 3)
    monkeypatch.setattr(gc, "freeze", counting_freeze)
    g = kg.build([pages_dir])
    assert len(frozen) == 3 and all(n > 0 for n in frozen)  # after documents 3, 6 and 9
    assert gc.get_freeze_count() == 0
    assert g.to_json() == single[0].to_json()
    from kg.store.core import Store  # kg build's own path, through the store, does the same

    report = Store(tmp_path / "store").update(ingest.read([pages_dir]))
    assert len(frozen) == 6 and gc.get_freeze_count() == 0
    assert report.graph.to_json() == g.to_json()

    held = [[] for _ in range(3)]  # a caller that froze objects of its own
    freeze()
    try:
        kg.build([pages_dir])
        assert len(frozen) == 6  # nothing more frozen
        assert gc.get_freeze_count() > 0  # and the caller's not thawed
    finally:
        gc.unfreeze()
    del held


def test_parallel_extraction_keeps_order_and_reports_progress(pages_dir):
    docs = ingest.read([pages_dir])
    seen: list[int] = []
    exs = list(extract_parallel(docs, jobs=2, chunk=3, progress=seen.append))
    assert [ex.document.id for ex in exs] == [d.id for d in docs]
    assert sum(seen) == len(docs) and len(seen) == 4  # chunks of 3, 3, 3 and 1


def test_jobs_must_be_positive():
    with pytest.raises(ConfigError, match="jobs must be 1 or more"):
        kg.build(["Acme Corp hired Jane Doe."], jobs=0)


def test_cli_jobs(single, pages_dir, tmp_path):
    _, out1, _ = single
    r = CliRunner().invoke(
        main, ["build", str(pages_dir), "--no-store", "--jobs", "2", "--out", str(tmp_path)]
    )
    assert r.exit_code == 0, r.output
    assert "documents: 10" in r.output
    assert (tmp_path / "graph.json").read_bytes() == (out1 / "graph.json").read_bytes()
    bad = CliRunner().invoke(main, ["build", str(pages_dir), "--jobs", "0"])
    assert bad.exit_code != 0 and "--jobs" in bad.output and "Traceback" not in bad.output


def test_only_the_components_kg_reads_are_kept(pipeline):
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("textcat")
    blank.add_pipe("ner")
    assert nlp.keep_used(blank) == ["sentencizer", "textcat"]
    assert blank.pipe_names == ["ner"]
    assert set(pipeline.pipe_names) - {"kg_gazetteer"} <= nlp.USED_COMPONENTS


def test_the_speed_benchmark_runs_small(tmp_path, capsys):
    """The speed benchmark's own code path at a tiny size, with its report (its timings are
    not checked): spaCy alone, the build, and 10 documents added to two stores, each taken
    as an addition, not a full resolution."""
    import json

    from benchmarks.speed import main as bench

    bench(["--docs", "12", "--jobs", "1", "--json", str(tmp_path / "r.json")])
    out = capsys.readouterr().out
    r = json.loads((tmp_path / "r.json").read_text())
    assert r["corpus"]["documents"] == 12 and r["kg"]["1"]["documents"] == 12
    assert set(r["kg"]["1"]["stages"]) == set(STAGES)
    assert r["spacy_after"]["seconds_blocks"] > 0  # spaCy again after kg's build, for drift
    mean = (r["spacy"]["seconds_blocks"] + r["spacy_after"]["seconds_blocks"]) / 2
    assert r["ratio_kg_to_spacy_blocks"] == pytest.approx(mean / r["kg"]["1"]["seconds"])
    inc = r["kg"]["1"]["incremental"]
    assert [x["store_documents"] for x in inc["runs"]] == [3, 12]
    assert all(x["incremental"] and x["parsed"] == 10 for x in inc["runs"])
    assert "kg throughput / spaCy over the same blocks" in out and "incremental: 10" in out


def test_every_mode_parses_through_kg_run_with_one_batch_size(monkeypatch, tmp_path, pipeline):
    """kg.build and the store parse through kg.run.parse, with its BATCH_SIZE: the store keeps
    no parse of its own."""
    from kg.run import parse
    from kg.store.core import Store

    seen: list[int] = []
    real = parse.extract

    def spy(docs, nlp, *, batch_size, **kw):
        seen.append(batch_size)
        return real(docs, nlp, batch_size=batch_size, **kw)

    monkeypatch.setattr(parse, "extract", spy)
    g = kg.build(["Acme Corp hired Jane Doe."], model=pipeline)
    r = Store(tmp_path / "store").build(["Acme Corp hired Jane Doe."], model=pipeline)
    assert seen == [parse.BATCH_SIZE, parse.BATCH_SIZE]
    assert r.parsed == tuple(d.id for d in g.documents) and r.graph.to_json() == g.to_json()


# -- a worker that dies ----------------------------------------------------------------------


def _workers(pid: int) -> list[int]:
    """The forked worker processes of ``pid``: its children running the same command line."""
    proc = Path("/proc")
    own = (proc / str(pid) / "cmdline").read_bytes()
    kids = []
    for task in (proc / str(pid) / "task").iterdir():
        kids += [int(k) for k in (task / "children").read_text().split()]
    return [k for k in kids if (proc / str(k) / "cmdline").read_bytes() == own]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_a_worker_killed_with_sigkill_ends_the_build_in_seconds_and_the_store_is_unchanged(
    tmp_path,
):
    import os
    import signal
    import subprocess
    import sys
    import time

    from kg.store.core import Store

    small, big, out = tmp_path / "small", tmp_path / "big", tmp_path / "out"
    small.mkdir()
    (small / "a.txt").write_text("Acme Corp hired Jane Doe.\n", encoding="utf-8")
    corpus.write(big, 300, seed=7)
    assert CliRunner().invoke(main, ["build", str(small), "--out", str(out)]).exit_code == 0
    store = out / "store"
    before = (Store(store).documents(), sorted(p.name for p in store.iterdir()))

    cmd = [sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(out), "--jobs", "2"]
    build = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while len(first := set(_workers(build.pid))) < 2:
            assert build.poll() is None, build.communicate()
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.02)
        # the build reads its files in one pool of workers, then parses them in another: the
        # parse's workers are new ones, unless the read was over before the first look (then
        # the first pool is still there seconds later: reading 300 small files takes less)
        target, seen = None, time.monotonic()
        while target is None:
            assert build.poll() is None, build.communicate()
            assert time.monotonic() < deadline, "the parse's workers never started"
            kids = set(_workers(build.pid))
            if kids - first:
                target = min(kids - first)
            elif kids and time.monotonic() > seen + 3:
                target = min(kids)
            time.sleep(0.02)
        time.sleep(0.5)  # a worker in the middle of a chunk
        os.kill(target, signal.SIGKILL)
        killed = time.monotonic()
        _, err = build.communicate(timeout=60)
        took = time.monotonic() - killed
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    assert build.returncode == 1
    assert took < 10
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "a worker process of --jobs 2 died" in lines[0], err
    assert "Traceback" not in err
    assert (Store(store).documents(), sorted(p.name for p in store.iterdir())) == before
