"""SPARQL benchmark: the query library on a synthetic graph shaped like kg's output.

    python -m benchmarks.sparql [--entities N] [--seed S] [--rdflib-runs K] [--keep DIR]

It makes a KnowledgeGraph of synthetic documents, entities, facts and evidence (the same
dataclasses kg.build returns, written by the same kg.rdf code), at least a million triples by
default; loads it into the embedded store (Oxigraph on disk, the named graphs of a kg store)
and into rdflib's in-memory Graph (what ``KnowledgeGraph.query`` uses); then runs every query
in queries/ on both through kg's own query functions and reports, from this one run:

- load time of each engine;
- the p50 latency of each query on each engine, and their ratio;
- the ratio for the whole query set (the sum of the p50s).

The store's queries run before rdflib's graph is loaded, so that each engine is timed in a
process that holds only its own data. It also checks that both engines return the same rows.
The default size runs in a few minutes on 2 cores, most of it rdflib's; rdflib runs a query
``--rdflib-runs`` times (default 3) but only once when one run takes longer than 5 s (its p50
is then that run).
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kg import vocab
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Mention, Relation

if TYPE_CHECKING:
    from rdflib import Graph

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"

FIRST = "Ada Alan Grace Linus Ken Barbara Edsger Frances Tim Margaret Dennis Radia Guido".split()
LAST = "Lovelace Turing Hopper Torvalds Thompson Liskov Dijkstra Allen Lee Hamilton".split()
ORG_WORDS = "Acme Globex Initech Umbrella Stark Wayne Tyrell Cyberdyne Soylent Hooli".split()
ORG_SUFFIX = ["Corp", "Labs", "Group", "Inc", "Systems", "AI"]
PLACES = "Boston Paris Lagos Lima Osaka Oslo Quito Dakar Perth Austin Turin Porto".split()
PRODUCTS = "Spark Muse Nova Atlas Orion Pulse Echo Vega Lumen Flux".split()
TYPE_SHARE = [("Person", 0.35), ("Organization", 0.3), ("Place", 0.15), ("Product", 0.2)]
RULES = ["appos", "nsubj-dobj", "compound", "poss", "prep-of", "acl"]


def synthetic(n_entities: int, *, seed: int = 0) -> KnowledgeGraph:
    """A graph with ``n_entities`` entities, about 1.6 facts per entity and 12 per document,
    each fact with one or two evidence sentences; predicates chosen to fit their types."""
    rnd = random.Random(seed)
    n_docs = max(1, n_entities // 8)
    docs = [
        Document(f"doc-{i:06d}", "", f"corpus/doc-{i:06d}.txt", f"Story {i}") for i in range(n_docs)
    ]
    entities = [_entity(rnd, i, docs) for i in range(n_entities)]
    by_type: dict[str, list[Entity]] = {t: [] for t, _ in TYPE_SHARE}
    for e in entities:
        by_type[e.type].append(e)
    relations, flagged = _relations(rnd, by_type, docs, int(n_entities * 1.6))
    return KnowledgeGraph(entities, relations, docs, flagged=flagged)


def _entity(rnd: random.Random, i: int, docs: list[Document]) -> Entity:
    """Entity ``i``: a type drawn by TYPE_SHARE, a name of that type, one to four mentions."""
    etype = rnd.choices([t for t, _ in TYPE_SHARE], [w for _, w in TYPE_SHARE])[0]
    if etype == "Person":
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}"
        aliases = (name.split()[1] + f" {i}",) if rnd.random() < 0.4 else ()
    elif etype == "Organization":
        name = f"{rnd.choice(ORG_WORDS)} {i} {rnd.choice(ORG_SUFFIX)}"
        aliases = (name.rsplit(" ", 1)[0],) if rnd.random() < 0.3 else ()
    elif etype == "Place":
        name, aliases = f"{rnd.choice(PLACES)} {i}", ()
    else:
        name, aliases = f"{rnd.choice(PRODUCTS)} {i}", ()
    mentions = []
    for _ in range(rnd.randint(1, 4)):
        d = rnd.randrange(len(docs))
        start = rnd.randrange(0, 5000)
        mentions.append(Mention(docs[d].id, start, start + len(name), name))
    mentions = sorted(set(mentions), key=lambda m: (m.doc_id, m.start))
    return Entity(f"e{i}", name, etype, aliases, tuple(mentions))


def _relations(
    rnd: random.Random, by_type: dict[str, list[Entity]], docs: list[Document], target: int
) -> tuple[list[Relation], list[Relation]]:
    """``target`` distinct facts whose ends fit their predicate's types, and about 2 % more
    that are flagged (denied)."""
    preds = [p for p in vocab.PREDICATES.values() if "*" not in p.domain and "*" not in p.range]
    relations: dict[tuple, Relation] = {}
    flagged: list[Relation] = []
    while len(relations) < target:
        p = rnd.choice(preds)
        subjects = [e for t in p.domain for e in by_type.get(t, [])]
        if not subjects:
            continue
        s = rnd.choice(subjects)
        if p.literal:
            obj: Entity | str = (
                f"{rnd.randint(1950, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            )
        else:
            objects = [e for t in p.range for e in by_type.get(t, [])]
            if not objects:
                continue
            obj = rnd.choice(objects)
            if obj is s:
                continue
        evs = _evidence(rnd, docs, s, p.label, obj)
        miss = 1.0
        for ev in evs:
            miss *= 1 - ev.confidence
        rel = Relation(s, p.name, obj, p.wikidata, round(min(0.99, 1 - miss), 3), tuple(evs))
        if rnd.random() < 0.02:
            flagged.append(rel)
        else:
            relations[rel.key] = rel
    return list(relations.values()), flagged


def _evidence(
    rnd: random.Random, docs: list[Document], s: Entity, label: str, obj: Entity | str
) -> list[Evidence]:
    """One evidence sentence (seven facts in ten) or two, in random documents."""
    evs = []
    for _ in range(1 if rnd.random() < 0.7 else 2):
        d = docs[rnd.randrange(len(docs))].id
        start = rnd.randrange(0, 5000)
        sentence = f"{s.name} {label} {obj.name if isinstance(obj, Entity) else obj}."
        conf = round(rnd.uniform(0.4, 0.95), 2)
        evs.append(
            Evidence(
                d, sentence, start, start + len(sentence), (start, start + len(s.name)),
                (start + 5, start + 10), rnd.choice(RULES), conf, rnd.random() < 0.05,
            )
        )  # fmt: skip
    return evs


def _params(g: KnowledgeGraph) -> dict[str, dict[str, str]]:
    """Parameters for the library's parameterised queries: a well-connected entity, a busy
    document."""
    from collections import Counter

    count: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for r in g.relations:
        count[r.subject.name] += 1
        for ev in r.evidence:
            docs[ev.doc_id] += 1
    return {
        "facts_about.rq": {"name": count.most_common(1)[0][0]},
        "facts_from_document.rq": {"doc": docs.most_common(1)[0][0]},
        "low_confidence_facts.rq": {"threshold": "0.5"},
    }


def _rows(res) -> list[tuple[str, ...]]:
    if res.boolean is not None:
        return [(str(res.boolean),)]
    if res.graph is not None:
        return sorted((str(s), str(p), str(o)) for s, p, o in res.graph)
    return [tuple("" if x is None else str(x) for x in row) for row in res.rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.sparql", description=__doc__.split("\n")[0]
    )
    ap.add_argument(
        "--entities", type=int, default=17000, help="entities (default 17000: ~1.1M triples)"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--store-runs", type=int, default=7, help="runs of each query on the store")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="runs of each query on rdflib")
    ap.add_argument("--min-triples", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, default=None, help="keep the data files in DIR")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="kg-bench-sparql-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    """Make the graph, time the store, then rdflib; 1 when the engines disagree."""
    t0 = time.perf_counter()
    g = synthetic(args.entities, seed=args.seed)
    nq, nt, n = _write(g, work, t0)
    if n < args.min_triples:
        print(f"error: only {n:,} triples; raise --entities", file=sys.stderr)
        return 2
    db_path = work / "oxigraph"
    ox_load = _load_store(nq, db_path)
    print(f"load, embedded store (Oxigraph, on disk, N-Quads): {ox_load:8.1f} s")
    # each engine is measured in a process state of its own: the store's queries run before
    # rdflib's million-triple graph is in memory, as in a program that embeds the store;
    # rdflib's afterwards, with only its graph loaded
    params = _params(g)
    del g
    gc.collect()
    queries = [(q, q.read_text(encoding="utf-8")) for q in sorted(QUERY_DIR.glob("*.rq"))]
    store = _time_store(db_path, queries, params, args.store_runs)

    from rdflib import Graph

    t0 = time.perf_counter()
    rg = Graph()
    rg.parse(str(nt), format="nt")
    rdf_load = time.perf_counter() - t0
    print(f"load, rdflib in memory (N-Triples):                {rdf_load:8.1f} s")
    print(f"load ratio rdflib / store: {rdf_load / ox_load:.1f}x")
    gc.collect()
    print()
    mismatches = _compare(rg, queries, params, store, args.rdflib_runs)
    if mismatches:
        print(f"engines disagree on: {', '.join(mismatches)}")
    else:
        print("both engines returned the same rows for every query")
    return 0 if not mismatches else 1


def _write(g: KnowledgeGraph, work: Path, t0: float) -> tuple[Path, Path, int]:
    """The graph as N-Quads (for the store) and N-Triples (for rdflib), and its triple count."""
    import pyoxigraph as ox

    from kg.rdf.triples import quads as rdf_quads

    quads = [q for _, q in rdf_quads(g, base=g.base)]
    n_graphs = len({q.graph_name for q in quads})
    nq, nt = work / "graph.nq", work / "graph.nt"
    ox.serialize(quads, str(nq), format=ox.RdfFormat.N_QUADS)
    ox.serialize((q.triple for q in quads), str(nt), format=ox.RdfFormat.N_TRIPLES)
    n = len(quads)
    del quads
    gen = time.perf_counter() - t0
    print(
        f"synthetic graph: {len(g.documents)} documents, {len(g.entities)} entities, "
        f"{len(g.relations)} facts (+{len(g.flagged)} denied), {n:,} triples "
        f"in {n_graphs} named graphs; made in {gen:.1f} s"
    )
    return nq, nt, n


def _load_store(nq: Path, db_path: Path) -> float:
    """Seconds to bulk-load the N-Quads into a fresh on-disk store and optimise it."""
    import pyoxigraph as ox

    shutil.rmtree(db_path, ignore_errors=True)
    t0 = time.perf_counter()
    db = ox.Store(str(db_path))
    db.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    db.optimize()  # as kg's store does after writing a version
    db.flush()
    del db
    gc.collect()
    return time.perf_counter() - t0


Queries = list[tuple[Path, str]]
Timed = dict[str, tuple[float, list[tuple[str, ...]]]]  # query file -> (p50, rows)


def _time_store(db_path: Path, queries: Queries, params: dict, runs: int) -> Timed:
    """Each query's p50 and rows on the store, opened once as an embedding program would."""
    import pyoxigraph as ox

    from kg.query.sparql import query_store

    db = ox.Store.read_only(str(db_path))
    out: Timed = {}
    for path, text in queries:
        prm = params.get(path.name, {})
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            res = query_store(db, text, params=prm, source=path.name)
            times.append(time.perf_counter() - t0)
        out[path.name] = (statistics.median(times), _rows(res))
    del db
    return out


def _compare(rg: Graph, queries: Queries, params: dict, store: Timed, runs: int) -> list[str]:
    """Time each query on rdflib, print the table against the store; the queries whose rows
    differ between the engines."""
    from kg.query.sparql import query

    head = f"{'query':34} {'rows':>7} {'store p50 ms':>13} {'rdflib p50 ms':>14} {'ratio':>8}"
    print(head)
    print("-" * len(head))
    total_ox = total_rdf = 0.0
    mismatches = []
    for path, text in queries:
        prm = params.get(path.name, {})
        times_rdf = []
        res_rdf = None
        for _ in range(runs):
            t0 = time.perf_counter()
            res_rdf = query(rg, text, params=prm, source=path.name)
            times_rdf.append(time.perf_counter() - t0)
            if times_rdf[-1] > 5:  # a slow query's p50 is its one run
                break
        (p_ox, rows_ox), p_rdf = store[path.name], statistics.median(times_rdf)
        total_ox += p_ox
        total_rdf += p_rdf
        if sorted(rows_ox) != sorted(_rows(res_rdf)):
            mismatches.append(path.name)
        print(
            f"{path.name:34} {len(rows_ox):7d} {p_ox * 1000:13.1f} {p_rdf * 1000:14.1f} "
            f"{p_rdf / p_ox:7.1f}x"
        )
    print("-" * len(head))
    print(
        f"{'whole query set (sum of p50s)':34} {'':7} {total_ox * 1000:13.1f} "
        f"{total_rdf * 1000:14.1f} {total_rdf / total_ox:7.1f}x"
    )
    return mismatches


if __name__ == "__main__":
    raise SystemExit(main())
