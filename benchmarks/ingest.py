"""Ingest quality and speed on public data, for this code and an older checkout in one run.

    python -m benchmarks.ingest [--bench DIR] [--old CHECKOUT] [--json FILE] [--skip-conll]
                                [--rounds N] [--jobs N]

HTML (``bench/html``: 145 saved pages with must-keep and must-drop snippets): the share of
must-keep snippets kept and of must-drop snippets left out (a snippet is kept when it appears
in the text of the document's kept blocks, whitespace collapsed), the share of pages with a
title, with an author and with a date among the pages whose markup carries one (see
``MARKUP_AUTHOR`` and ``MARKUP_DATE``), and pages per second (one process, decoding included,
the libraries loaded before the clock starts), by the wall clock and by the process's CPU time:
on a shared machine the wall clock counts other processes' work too. Apart from those, figures
of their own: pages per wall-clock second of a build's ingest of the pages' folder (``kg build``'s
read, kg.run.read) with ``--jobs 1`` and with ``--jobs N`` (2 by default), and the machine's
load average beside them. They say what the machine's cores give together, not a per-CPU
figure; an older checkout whose build reads in its parent process whatever ``--jobs`` says is
measured as such.

CoNLL-2003 dev (``bench/conll03/dev.txt``: 216 Reuters documents; each document's tokens joined
with spaces, its sentences with newlines): entity P/R/F1 for PER, ORG and LOC over
document-level sets of (normalised name, type), kg's against bare spaCy's on the same texts
with the same model, and how many blocks ingest dropped as furniture.

Each checkout is measured in a subprocess of its own (``PYTHONPATH`` set to it), so the old
code and the new are compared in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"

# What counts as "the markup carries an author / a date": a structured field a machine can
# read (JSON-LD, Open Graph, schema.org microdata, meta tags, rel=author, <time datetime>).
# Pages without any of these are left out of the author and date shares.
MARKUP_AUTHOR = re.compile(
    r"""<meta[^>]+(?:name|property)=["'](?:author|article:author|dc\.creator|sailthru\.author|"""
    r"""parsely-author)["']|"author"\s*:|itemprop=["']author["']|rel=["']author["']""",
    re.I,
)
MARKUP_DATE = re.compile(
    r"""<meta[^>]+(?:name|property|itemprop)=["'](?:article:published_time|date|pubdate|"""
    r"""dc\.date|datePublished|publish-date|og:published_time|sailthru\.date|parsely-pub-date)"""
    r"""["']|"datePublished"\s*:|itemprop=["']datePublished["']|<time[^>]+datetime=""",
    re.I,
)
TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
KG_TYPES = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}


def _collapse(s: str) -> str:
    return " ".join(s.split())


def kept_text(doc: Any) -> str:
    return _collapse(" ".join(doc.text[b.start : b.end] for b in doc.kept))


def held_out(name: str) -> bool:
    """Whether a page of ``bench/html`` is in the held-out quarter: chosen by a digest of its
    file name, so the split is fixed, blind to the pages' content and the same in every
    checkout. Ingest's rules and numbers are tuned on the other pages."""
    return zlib.crc32(name.encode("utf-8")) % 4 == 0


def _read_pages(pages: Path, names: list[str], rounds: int) -> tuple[dict[str, Any], float, float]:
    """Each page read as kg reads it; the wall-clock and CPU seconds of the fastest round (on a
    shared machine the fastest is the one least slowed by other work)."""
    from kg.errors import KgError
    from kg.ingest import read

    _warm_up(read, KgError)
    docs: dict[str, Any] = {}
    best = (float("inf"), float("inf"))
    for _ in range(max(1, rounds)):
        t0, cpu0 = time.perf_counter(), time.process_time()
        for name in names:
            try:
                docs[name] = read([str(pages / name)])[0]
            except KgError:
                docs[name] = None
        best = min(best, (time.process_time() - cpu0, time.perf_counter() - t0))
    return docs, best[1], best[0]


def _read_build(pages: Path, jobs: int, rounds: int) -> float:
    """Wall-clock seconds of the fastest round of a build's ingest of the folder of pages with
    ``--jobs`` (``kg build``'s read: kg.run.read.read; a checkout without it reads in the
    build's parent process whatever the jobs, with kg.ingest.read). The pool's start is timed,
    as a build pays it; the libraries and models are already loaded, as after a first page."""
    try:
        from kg.run.read import read as build_read
    except ImportError:  # a checkout from before the build read in processes
        from kg.ingest import read as serial

        def build_read(sources: list[str], jobs: int) -> Any:
            return serial(sources)

    best = float("inf")
    for _ in range(max(1, rounds)):
        t0 = time.perf_counter()
        build_read([str(pages)], jobs=jobs)
        best = min(best, time.perf_counter() - t0)
    return best


def _shares(
    names: list[str], expected: dict[str, Any], docs: dict[str, Any], raws: dict[str, bytes]
) -> dict[str, Any]:
    """Must-keep, must-drop, title, author and date shares over ``names``."""
    keep = drop = keep_n = drop_n = titles = 0
    authors = dates = with_author = with_date = 0
    for name in names:
        exp, doc = expected[name], docs[name]
        text = kept_text(doc) if doc is not None else ""
        keep_n += len(exp.get("with", []))
        drop_n += len(exp.get("without", []))
        keep += sum(_collapse(s) in text for s in exp.get("with", []))
        drop += sum(_collapse(s) not in text for s in exp.get("without", []))
        titles += bool(doc is not None and doc.title)
        head = raws[name].decode("utf-8", "replace")
        if MARKUP_AUTHOR.search(head):
            with_author += 1
            authors += bool(doc is not None and getattr(doc, "authors", ()))
        if MARKUP_DATE.search(head):
            with_date += 1
            dates += bool(doc is not None and getattr(doc, "date", None))
    return {
        "pages": len(names),
        "must_keep_kept": keep / max(1, keep_n),
        "must_keep_snippets": keep_n,
        "must_drop_left_out": drop / max(1, drop_n),
        "must_drop_snippets": drop_n,
        "title": titles / max(1, len(names)),
        "author": authors / max(1, with_author),
        "pages_with_author_markup": with_author,
        "date": dates / max(1, with_date),
        "pages_with_date_markup": with_date,
    }


def html_scores(bench: Path, rounds: int = 1, jobs: int = 0) -> dict[str, Any]:
    """Must-keep, must-drop, title, author and date shares (over all pages, the tuned-on part
    and the held-out part), pages per second in one process (by CPU time and wall clock) and,
    with ``jobs``, pages per wall-clock second read by that many processes."""
    expected = json.loads((bench / "html" / "expected.json").read_text(encoding="utf-8"))
    pages = bench / "html" / "pages"
    names = list(expected)
    raws = {name: (pages / name).read_bytes() for name in names}
    docs, seconds, cpu = _read_pages(pages, names, rounds)
    out = _shares(names, expected, docs, raws)
    out["tuned_on"] = _shares([n for n in names if not held_out(n)], expected, docs, raws)
    out["held_out"] = _shares([n for n in names if held_out(n)], expected, docs, raws)
    out["pages_per_second"] = len(names) / seconds
    out["pages_per_cpu_second"] = len(names) / cpu
    out["cpu_ms_per_page"] = 1000 * cpu / len(names)
    out["empty"] = sum(d is None for d in docs.values())
    if jobs > 1:
        out["jobs"] = jobs
        out["build_pages_per_second"] = len(names) / _read_build(pages, 1, rounds)
        out["pages_per_second_jobs"] = len(names) / _read_build(pages, jobs, rounds)
        out["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return out


# A page with a short article: reading it loads what a first short page would load inside the
# timed run, once per process (trafilatura's fallbacks, jusText's stop lists of every language).
WARM_UP = (
    "<html><head><title>Warm up</title></head><body><nav><a href='/'>Home</a></nav><div>"
    "<p>A short note of a few words, too short for an article.</p></div></body></html>"
)


def _warm_up(read: Any, error: type[Exception]) -> None:
    """Load the libraries and models ingest loads once per process, before the clock starts."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "warm-up.html"
        page.write_text(WARM_UP, encoding="utf-8")
        try:
            read([str(page)])
        except error:
            pass  # a page with no article: the libraries are loaded all the same


def misses(bench: Path) -> list[str]:
    """On the tuned-on pages only (never the held-out quarter's snippets): each must-drop
    snippet still kept and each must-keep snippet lost, a line each ("drop"/"keep", page,
    snippet), for reading the errors."""
    from kg.errors import KgError
    from kg.ingest import read

    expected = json.loads((bench / "html" / "expected.json").read_text(encoding="utf-8"))
    pages = bench / "html" / "pages"
    out: list[str] = []
    for name in (n for n in expected if not held_out(n)):
        try:
            text = kept_text(read([str(pages / name)])[0])
        except KgError:
            text = ""
        exp = expected[name]
        out += [f"drop\t{name}\t{s}" for s in exp.get("without", []) if _collapse(s) in text]
        out += [f"keep\t{name}\t{s}" for s in exp.get("with", []) if _collapse(s) not in text]
    return out


def conll_documents(path: Path) -> list[tuple[str, set[tuple[str, str]]]]:
    """(text, gold set of (normalised name, type)) for each CoNLL-2003 document."""
    docs: list[tuple[list[list[str]], set[tuple[str, str]]]] = []
    sent: list[str] = []
    name: list[str] = []
    label = ""

    def close_name() -> None:
        nonlocal name, label
        if name and label in ("PER", "ORG", "LOC"):
            docs[-1][1].add((normalise(" ".join(name)), label))
        name, label = [], ""

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            close_name()
            docs.append(([], set()))
            continue
        if not line.strip():
            close_name()
            if sent:
                docs[-1][0].append(sent)
            sent = []
            continue
        token, *_, tag = line.split()
        sent.append(token)
        if tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            close_name()
            name, label = [token], tag[2:]
        elif tag.startswith("I-"):
            name.append(token)
        else:
            close_name()
    close_name()
    if sent:
        docs[-1][0].append(sent)
    return [("\n".join(" ".join(s) for s in sents) + "\n", gold) for sents, gold in docs]


def normalise(name: str) -> str:
    name = re.sub(r"\s+'s$|'s$", "", name.strip())
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    return " ".join(name.casefold().split())


def prf(found: list[set[Any]], gold: list[set[Any]]) -> dict[str, float]:
    tp = sum(len(f & g) for f, g in zip(found, gold, strict=True))
    nf, ng = sum(map(len, found)), sum(map(len, gold))
    p, r = tp / max(1, nf), tp / max(1, ng)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r)}


def _demonyms(data: Path) -> set[str]:
    """kg's nationality words ("russian", "europeans"), which it links to places: the rows of
    kind 'demonym' of its places table (data/demonyms.tsv in older checkouts)."""
    places, old = data / "places.tsv", data / "demonyms.tsv"
    path = places if places.is_file() else old
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or (path == places and cols[-1] != "demonym"):
            continue
        w = normalise(cols[0])
        words |= {w, w + "s"}
    return words


def conll_scores(bench: Path) -> dict[str, Any]:
    """kg's and bare spaCy's entity scores on CoNLL-2003 dev, and the blocks dropped."""
    import kg

    try:
        from kg.extract import pipeline as kg_nlp
    except ImportError:  # an older checkout, before the packages per stage
        from kg import nlp as kg_nlp  # type: ignore[no-redef]

    docs = conll_documents(bench / "conll03" / "dev.txt")
    texts = [t for t, _ in docs]
    gold = [g for _, g in docs]
    nlp = kg_nlp.load()
    bare = [
        {(normalise(e.text), TYPES[e.label_]) for e in d.ents if e.label_ in TYPES}
        for d in nlp.pipe(texts)
    ]
    sources = [kg.from_text(t, doc_id=f"conll-{n}") for n, t in enumerate(texts)]
    t0 = time.perf_counter()
    g = kg.build(sources, model=nlp)
    seconds = time.perf_counter() - t0
    demonyms = _demonyms(Path(kg.__file__).parent / "data")
    found: list[set[tuple[str, str]]] = [set() for _ in texts]
    for e in g.entities:
        if e.type not in KG_TYPES:
            continue
        # kg also links a demonym ("Russian") to its place, which CoNLL (MISC) and spaCy (NORP)
        # do not count as a name: those mentions are left out on both sides
        for m in e.mentions:
            if normalise(m.text) not in demonyms:
                found[int(m.doc_id.split("-")[1])].add((normalise(m.text), KG_TYPES[e.type]))
    dropped = [b for d in g.documents for b in d.dropped]
    return {
        "documents": len(texts),
        "kg": prf(found, gold),
        "spacy": prf(bare, gold),
        "dropped_blocks": len(dropped),
        "dropped_reasons": sorted({b.reason for b in dropped})[:10],
        "build_seconds": seconds,
    }


def measure(bench: Path, conll: bool, jobs: int = 0) -> dict[str, Any]:
    import kg

    out: dict[str, Any] = {
        "kg": str(Path(kg.__file__).parent),
        "html": html_scores(bench, jobs=jobs),
    }
    if conll:
        out["conll03"] = conll_scores(bench)
    return out


def _in_subprocess(checkout: Path, bench: Path, conll: bool, jobs: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    # this file run as a script, from its own folder: the checkout's kg is the only one in reach
    args = [sys.executable, str(Path(__file__).resolve()), "--measure", "--bench", str(bench)]
    args += ["--jobs", str(jobs)]
    if not conll:
        args.append("--skip-conll")
    res = subprocess.run(
        args, env=env, cwd=Path(__file__).parent, capture_output=True, text=True, check=False
    )
    if res.returncode != 0:
        return {"error": res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "failed"}
    return json.loads(res.stdout)


_SPEED = ("pages_per_second", "pages_per_cpu_second", "cpu_ms_per_page")


def compare(
    checkouts: dict[str, Path], bench: Path, conll: bool, rounds: int, jobs: int = 0
) -> dict[str, Any]:
    """Each checkout measured in its own process, the checkouts taking turns ``rounds`` times,
    so that a slow spell of the machine falls on both; each keeps its fastest round's speed
    (the quality figures are the same in every round; CoNLL is measured in the first)."""
    results: dict[str, dict[str, Any]] = {}
    for r in range(max(1, rounds)):
        for name, checkout in checkouts.items():
            res = _in_subprocess(checkout, bench, conll and r == 0, jobs)
            if name not in results or "error" in res:
                results.setdefault(name, res)
                continue
            best, html = results[name]["html"], res["html"]
            if html["pages_per_cpu_second"] > best["pages_per_cpu_second"]:
                best.update({k: html[k] for k in _SPEED})
            for key in ("build_pages_per_second", "pages_per_second_jobs"):
                if html.get(key, 0) > best.get(key, 0):
                    best[key] = html[key]
    return results


_HTML_ROWS = [
    ("must-keep kept", "must_keep_kept", "{:.1%}"),
    ("must-drop left out", "must_drop_left_out", "{:.1%}"),
    ("title", "title", "{:.1%}"),
    ("author (pages with markup)", "author", "{:.1%}"),
    ("date (pages with markup)", "date", "{:.1%}"),
]


def _table(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    h = next(iter(results.values())).get("html", {})
    rows: list[tuple[str, Any, str]] = []
    for part, label in (("", "all"), ("tuned_on", "tuned on"), ("held_out", "held out")):
        n = (h.get(part) if part else h or {}).get("pages")
        for what, key, fmt in _HTML_ROWS:
            rows.append((f"html {what}, {label} ({n})", (part, key), fmt))
    rows += [
        ("html pages/second (wall clock)", ("", "pages_per_second"), "{:.1f}"),
        ("html pages/second (CPU time)", ("", "pages_per_cpu_second"), "{:.1f}"),
        ("html CPU milliseconds a page", ("", "cpu_ms_per_page"), "{:.1f}"),
        ("html pages with no text", ("", "empty"), "{}"),
        (
            "build's ingest: pages/second (wall clock, --jobs 1)",
            ("", "build_pages_per_second"),
            "{:.1f}",
        ),
        (
            f"build's ingest: pages/second (wall clock, --jobs {h.get('jobs')})",
            ("", "pages_per_second_jobs"),
            "{:.1f}",
        ),
        ("load average (1 minute) at the end", ("", "load_average"), "{:.1f}"),
    ]
    lines = [f"{'':52}" + "".join(f"{n:>10}" for n in names)]
    for label, (part, key), fmt in rows:
        vals = []
        for n in names:
            html = results[n].get("html", {})
            vals.append((html.get(part, {}) if part else html).get(key))
        cells = "".join(f"{fmt.format(v) if v is not None else '-':>10}" for v in vals)
        lines.append(f"{label:52}{cells}")
    for n in names:
        if "error" in results[n]:
            lines.append(f"[{n}] failed: {results[n]['error']}")
        c = results[n].get("conll03")
        if c:
            lines.append(
                f"conll03 dev [{n}]: kg F1 {c['kg']['f1']:.3f} (P {c['kg']['precision']:.3f} "
                f"R {c['kg']['recall']:.3f}), bare spaCy F1 {c['spacy']['f1']:.3f}, "
                f"blocks dropped as furniture {c['dropped_blocks']}"
            )
    lines.append(
        f"(author and date shares count the {h.get('pages_with_author_markup')} and "
        f"{h.get('pages_with_date_markup')} pages whose markup carries an author or a date "
        "field; the held-out pages are a fixed quarter chosen by a digest of the file name)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--old", type=Path, default=None, help="an older checkout to compare with")
    ap.add_argument("--json", type=Path, default=None, help="write the results here too")
    ap.add_argument("--skip-conll", action="store_true", help="HTML only (a minute faster)")
    ap.add_argument(
        "--rounds", type=int, default=1, help="times each checkout reads the pages, in turns"
    )
    ap.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="processes reading the pages at once for the wall-clock figure (as kg build --jobs;"
        " 0 or 1: not measured)",
    )
    ap.add_argument(
        "--misses",
        action="store_true",
        help="list the must-drop snippets still kept and the must-keep snippets lost, on the"
        " tuned-on pages only (this checkout)",
    )
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not (args.bench / "html" / "expected.json").is_file():
        print(f"benchmark data not found at {args.bench}", file=sys.stderr)
        return 2
    if args.misses:
        print("\n".join(misses(args.bench)))
        return 0
    if args.measure:  # one checkout, in this process
        print(json.dumps(measure(args.bench, not args.skip_conll, args.jobs)))
        return 0
    checkouts = {"old": args.old} if args.old is not None else {}
    checkouts["new"] = ROOT
    results = compare(checkouts, args.bench, not args.skip_conll, args.rounds, args.jobs)
    print(_table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
