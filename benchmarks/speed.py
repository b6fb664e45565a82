"""Speed and scale of a build, against bare spaCy on the same texts, in one run.

    python -m benchmarks.speed [--docs 2000] [--jobs 1,2] [--corpus DIR] [--json FILE]

Each measurement runs in a fresh process (so peak memory is its own), one after the other:

1. **spaCy alone**: ``nlp.pipe`` with the pipeline kg loads (same model, same components,
   kg's gazetteer included) but with the attribute ruler as spaCy loads it (kg's looks its
   patterns up, kg.extract.attributes, to the same output: that saving is kg's), doing
   nothing with the Docs, over the blocks kg parses and over the documents' whole texts;
2. **kg's build** with ``--jobs N`` for each N asked for: ingest, spaCy, extraction,
   resolution, graph, RDF and HTML, writing graph.ttl, graph.json and graph.html as
   ``kg build`` does;
3. **an incremental build** (when kg.store.core is there): a store that holds the corpus takes
   10 new documents;
4. **spaCy alone** over the blocks again, right after the first build: a machine's speed
   drifts over minutes, so kg's build is compared with the mean of the runs around it.

The model is loaded before the clock starts in every measurement. The report gives documents
and words per second, peak memory (resident set), each stage's share of the time, the ratio
of kg's throughput to spaCy's (and to each spaCy run alone), and the speed-up of N processes
over one. The corpus is generated (benchmarks.corpus) unless ``--corpus`` names a folder of
documents.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kg.run.stats import STAGES

INCREMENT = 10  # documents added to the built store


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: the peak so far is the best there is
        return _peak_mb()


# -- the measurements, each run in a child process ----------------------------------------------


def measure_spacy(corpus: Path, *, whole: bool = True) -> dict[str, Any]:
    """Bare ``nlp.pipe`` over the very blocks kg parses (the kept paragraphs, headings and
    items, page furniture left out), which is the spaCy work a kg build cannot avoid; and,
    with ``whole``, over the documents' whole texts."""
    from kg.extract import pipeline as nlp
    from kg.ingest import clean_text
    from kg.run.parse import BATCH_SIZE, iter_documents

    pipeline = nlp.load(indexed=False)  # spaCy's own attribute ruler, as users load it
    docs = list(iter_documents([corpus]))
    texts = [d.text for d in docs]
    blocks = [clean_text(d, b) for d in docs for b in d.kept]
    out: dict[str, Any] = {
        "documents": len(docs),
        "words": sum(len(t.split()) for t in texts),
        "block_words": sum(len(t.split()) for t in blocks),
        "components": pipeline.pipe_names,
    }
    runs = (("seconds_blocks", blocks), ("seconds", texts))
    for name, items in runs if whole else runs[:1]:
        t0 = time.perf_counter()
        for _ in pipeline.pipe(items, batch_size=BATCH_SIZE):
            pass
        out[name] = time.perf_counter() - t0
    out["peak_mb"] = _peak_mb()
    return out


def measure_kg(corpus: Path, jobs: int, out: Path, *, incremental: bool) -> dict[str, Any]:
    """kg's whole build, timed by stage; then, with ``incremental``, 10 documents more."""
    from kg.extract import pipeline as nlp
    from kg.run.local import assemble, extractions, write
    from kg.run.stats import BuildStats

    nlp.load()
    stats = BuildStats()
    rss: list[tuple[int, float]] = []
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        if done[0] % 100 < n:
            rss.append((done[0], round(_rss_mb(), 1)))

    t0 = time.perf_counter()
    exs = extractions([corpus], jobs=jobs, progress=progress, stats=stats)
    g = assemble(exs, stats=stats)
    write(g, out, stats=stats)
    seconds = time.perf_counter() - t0
    result: dict[str, Any] = {
        "seconds": seconds,
        "documents": stats.documents,
        "words": stats.words,
        "stages": stats.seconds,
        "entities": len(g.entities),
        "relations": len(g.relations),
        "text_mb": sum(len(d.text.encode()) for d in g.documents) / 2**20,
        "rss_during_parse": rss,
        "peak_mb": _peak_mb(),
        "workers_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN) if jobs > 1 else 0.0,
        "ttl_mb": (out / "graph.ttl").stat().st_size / 2**20,
    }
    if incremental:
        result["incremental"] = _incremental(exs, seconds, out)
    return result


def _incremental(exs: list, full_seconds: float, out: Path) -> dict[str, Any] | None:
    """10 new documents added to a store of a quarter of the corpus and to one of all of it:
    the cost should follow the 10, not the store. Parsing the 10 alone is timed too."""
    try:
        from kg.store.core import Store
    except ImportError:
        return None
    from benchmarks.corpus import pages
    from kg.extract import pipeline as nlp
    from kg.extract.mentions import extract
    from kg.ingest import from_text

    new = [
        from_text(p.text, doc_id=f"new-{p.name}", source=p.name)
        for p in pages(INCREMENT, seed=987654)
    ]
    t0 = time.perf_counter()
    list(extract(new, nlp.load()))
    parse = time.perf_counter() - t0
    kept = {ex.document.id: ex for ex in exs}
    runs = []
    for n in sorted({max(len(exs) // 4, 1), len(exs)}):
        store = Store(out / f"store-{n}")
        t0 = time.perf_counter()
        # the store is filled with the extractions just made, so only its own work is timed
        store.update([ex.document for ex in exs[:n]], extractor=lambda ds: [kept[d.id] for d in ds])
        fill = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = store.update(new)
        runs.append(
            {
                "store_documents": n,
                "seconds": time.perf_counter() - t0,
                "parsed": len(report.parsed),
                "incremental": report.incremental,
                "added_triples": report.added_triples,
                "fill_seconds": fill,
            }
        )
    return {
        "added_documents": INCREMENT,
        "parse_seconds": parse,
        "runs": runs,
        "full_build_seconds": full_seconds,
    }


def _child(argv: list[str]) -> None:
    kind, corpus = argv[0], Path(argv[1])
    if kind == "spacy":
        r = measure_spacy(corpus, whole=argv[2:] != ["blocks"])
    else:
        r = measure_kg(corpus, int(argv[2]), Path(argv[3]), incremental=argv[4] == "1")
    print("RESULT " + json.dumps(r))


def _run_child(*args: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.speed", "--child", *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    for line in p.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"benchmark step {args[0]} failed:\n{p.stderr[-3000:]}")


# -- the run and its report ------------------------------------------------------------------


def run(corpus: Path, jobs: list[int], work: Path, *, incremental: bool = True) -> dict[str, Any]:
    """All measurements over ``corpus``, one after the other; the report as a dict."""
    load0 = os.getloadavg()
    base = _run_child("spacy", str(corpus))
    kg_runs: dict[int, dict[str, Any]] = {}
    after = None
    for j in jobs:
        inc = "1" if incremental and j == jobs[0] else "0"
        kg_runs[j] = _run_child("kg", str(corpus), str(j), str(work / f"out-{j}"), inc)
        if j == jobs[0]:
            # spaCy over the blocks again, right after: the machine's speed drifts over minutes
            # (a shared VM), and the ratio uses the mean of the runs before and after kg's
            after = _run_child("spacy", str(corpus), "blocks")
    report: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_before": [round(x, 2) for x in load0],
            "load_after": [round(x, 2) for x in os.getloadavg()],
        },
        "corpus": {"path": str(corpus), "documents": base["documents"], "words": base["words"]},
        "spacy": base,
        "kg": {str(j): r for j, r in kg_runs.items()},
    }
    one = kg_runs[jobs[0]]
    assert after is not None
    report["spacy_after"] = after
    blocks = (base["seconds_blocks"] + after["seconds_blocks"]) / 2
    report["ratio_kg_to_spacy_blocks"] = blocks / one["seconds"]
    report["ratio_kg_to_spacy_blocks_before_after"] = [
        base["seconds_blocks"] / one["seconds"],
        after["seconds_blocks"] / one["seconds"],
    ]
    report["ratio_kg_to_spacy"] = base["seconds"] / one["seconds"]
    if 1 in kg_runs:
        report["speedup"] = {
            str(j): kg_runs[1]["seconds"] / r["seconds"] for j, r in kg_runs.items()
        }
    return report


def render(r: dict[str, Any]) -> str:
    """The report as text."""
    c, s = r["corpus"], r["spacy"]
    lines = [
        f"corpus: {c['documents']} documents, {c['words']} words ({c['path']})",
        f"machine: {r['machine']['cpus']} cpus, python {r['machine']['python']}, load average "
        f"{r['machine']['load_before']} before, {r['machine']['load_after']} after",
        f"spaCy components: {', '.join(s['components'])}",
        "",
        *_run_rows(r),
        "",
        "words/s count the documents' words in every row; spaCy over kg's blocks parses "
        f"{s['block_words']} of them (page furniture is left out). Peak: resident MB of the "
        "process (+ each worker's).",
        "kg throughput / spaCy over the same blocks (the mean of spaCy's runs before and after "
        f"kg's): {r['ratio_kg_to_spacy_blocks']:.3f} (against either run: "
        + " and ".join(f"{x:.3f}" for x in r["ratio_kg_to_spacy_blocks_before_after"])
        + ")",
        f"kg throughput / spaCy over the whole texts: {r['ratio_kg_to_spacy']:.3f}",
    ]
    for j, x in r.get("speedup", {}).items():
        if j != "1":
            lines.append(f"--jobs {j} / --jobs 1 throughput: {x:.2f}x")
    for j, k in r["kg"].items():
        total = sum(k["stages"].values())
        shares = ", ".join(f"{st} {100 * k['stages'][st] / total:.1f}%" for st in STAGES)
        lines.append(f"stages (--jobs {j}, share of {total:.1f} s): {shares}")
    k = next(iter(r["kg"].values()))
    lines.append(
        f"graph: {k['entities']} entities, {k['relations']} relations, graph.ttl "
        f"{k['ttl_mb']:.1f} MB; text {k['text_mb']:.1f} MB; resident MB after N documents parsed: "
        + ", ".join(f"{n}: {mb:.0f}" for n, mb in k["rss_during_parse"])
    )
    if k.get("incremental"):
        lines.append(_incremental_line(k["incremental"]))
    return "\n".join(lines)


def _run_rows(r: dict[str, Any]) -> list[str]:
    """The table of runs: spaCy's before and after kg's, and kg's for each --jobs."""
    s, a = r["spacy"], r["spacy_after"]
    lines = [
        f"{'run':<18}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'peak MB':>18}",
        f"{'spaCy, kg blocks':<18}{s['seconds_blocks']:>9.1f}"
        f"{s['documents'] / s['seconds_blocks']:>9.1f}{s['words'] / s['seconds_blocks']:>10.0f}"
        f"{s['peak_mb']:>18.0f}",
        f"{'  the same, after':<18}{a['seconds_blocks']:>9.1f}"
        f"{s['documents'] / a['seconds_blocks']:>9.1f}{s['words'] / a['seconds_blocks']:>10.0f}"
        f"{a['peak_mb']:>18.0f}",
        f"{'spaCy, whole texts':<18}{s['seconds']:>9.1f}{s['documents'] / s['seconds']:>9.1f}"
        f"{s['words'] / s['seconds']:>10.0f}{'':>9}",
    ]
    for j, k in r["kg"].items():
        peak = f"{k['peak_mb']:.0f}"
        if int(j) > 1:
            peak += f" + {j} x {k['workers_peak_mb']:.0f}"
        lines.append(
            f"{'kg build --jobs ' + j:<18}{k['seconds']:>9.1f}{k['documents'] / k['seconds']:>9.1f}"
            f"{k['words'] / k['seconds']:>10.0f}{peak:>18}"
        )
    return lines


def _incremental_line(inc: dict[str, Any]) -> str:
    """What adding documents to a filled store cost, against the full build."""
    return (
        f"incremental: {inc['added_documents']} documents added (parsing them alone "
        f"{inc['parse_seconds']:.1f} s) to a store of "
        + ", to one of ".join(
            f"{x['store_documents']} in {x['seconds']:.1f} s"
            + ("" if x["incremental"] else " (resolved in full)")
            for x in inc["runs"]
        )
        + f"; the full build took {inc['full_build_seconds']:.1f} s; filling the stores "
        + ", ".join(f"{x['fill_seconds']:.1f} s" for x in inc["runs"])
    )


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1:])
        return
    ap = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    ap.add_argument("--docs", type=int, default=2000, help="generated documents (default 2000)")
    ap.add_argument("--corpus", type=Path, help="a folder of documents instead of generated ones")
    ap.add_argument("--jobs", default="1,2", help="process counts to run kg with (default 1,2)")
    ap.add_argument("--json", type=Path, help="also write the report here as JSON")
    ap.add_argument("--no-incremental", action="store_true", help="skip the store measurement")
    a = ap.parse_args(argv)
    jobs = [int(x) for x in a.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        corpus = a.corpus
        if corpus is None:
            from benchmarks.corpus import write

            corpus = work / "corpus"
            write(corpus, a.docs)
        report = run(corpus, jobs, work, incremental=not a.no_incremental)
    print(render(report))
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
