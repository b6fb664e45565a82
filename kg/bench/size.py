"""Size: a large folder of text, and one document longer than spaCy's max_length, built whole.

The folder holds news-style pages (kg.bench.corpus) up to the size asked for, and one document
that is a single paragraph longer than the pipeline's ``max_length`` (1,000,000 characters),
which spaCy refuses to parse in one piece. kg cuts kept blocks longer than
``kg.ingest.MAX_BLOCK`` into pieces; this checks that the build goes through and that every
offset kg reports still points at the right characters of the file on disk, read back here
without kg: each mention's text, each evidence sentence, and the subject and object spans.

    python -m kg.bench.size [--mb 50] [--jobs 2] [--big-chars 1200000] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .. import nlp
from ..build import BuildStats, build
from ..graph import KnowledgeGraph
from ..ingest import MAX_BLOCK, segment
from ..model import Entity
from .corpus import pages

BIG_NAME = "one-long-paragraph.txt"


def article_text(chars: int, *, seed: int = 7) -> str:
    """One paragraph of at least ``chars`` characters: the article paragraphs of generated
    pages (no headlines or furniture), joined with spaces into a single line."""
    parts: list[str] = []
    total = 0
    for p in pages(10**9, seed=seed):
        for b in segment(p.text):
            if b.kind == "paragraph":
                parts.append(p.text[b.start : b.end])
                total += b.end - b.start + 1
        if total >= chars:
            return " ".join(parts)
    raise AssertionError("unreachable: pages() is endless")


def make_corpus(folder: Path, mb: float, *, big_chars: int, seed: int = 1) -> dict[str, Any]:
    """Pages in folders of 100 until ``mb`` megabytes, plus the long single-paragraph file."""
    folder.mkdir(parents=True, exist_ok=True)
    big = article_text(big_chars)
    (folder / BIG_NAME).write_text(big, encoding="utf-8")
    size, files = len(big.encode("utf-8")), 1
    for i, p in enumerate(pages(10**9, seed=seed)):
        if size >= mb * 1_000_000:
            break
        sub = folder / f"{i // 100:04d}"
        sub.mkdir(exist_ok=True)
        data = p.text.encode("utf-8")
        (sub / p.name).write_bytes(data)
        size += len(data)
        files += 1
    return {"files": files, "bytes": size, "big_chars": len(big)}


def check_offsets(g: KnowledgeGraph) -> dict[str, int]:
    """Compare every offset of ``g`` with the files on disk; count what matched and what not."""
    files = {d.id: Path(d.source).read_bytes().decode("utf-8") for d in g.documents}
    counts = {"mentions": 0, "evidence": 0, "spans": 0, "spans_before_sentence": 0}
    counts["composed_spans"] = 0
    counts["mismatches"] = 0

    def same(doc_id: str, start: int, end: int, text: str | tuple[str, ...]) -> None:
        want = (text,) if isinstance(text, str) else text
        counts["mismatches"] += files[doc_id][start:end] not in want

    doc_names: dict[str, set[str]] = {d.id: set() for d in g.documents}
    entity_names: dict[tuple[str, str], set[str]] = {}  # (entity id, document id) -> names
    for e in g.entities:
        for m in e.mentions:
            doc_names[m.doc_id].add(m.text)
            entity_names.setdefault((e.id, m.doc_id), set()).add(m.text)
            counts["mentions"] += 1
            same(m.doc_id, m.start, m.end, m.text)
    for r in g.relations + g.flagged:
        for ev in r.evidence:
            counts["evidence"] += 1
            same(ev.doc_id, ev.start, ev.end, ev.sentence)
            for ent, span in ((r.subject, ev.subject_span), (r.object, ev.object_span)):
                # "The company ..." points at the name it stands for, in an earlier sentence
                counts["spans_before_sentence"] += span[0] < ev.start
                if not isinstance(ent, Entity):
                    continue
                counts["spans"] += 1
                if " + " in ev.rule:  # a fact composed from two: spans name the middle entity
                    counts["composed_spans"] += 1
                    same(ev.doc_id, span[0], span[1], tuple(doc_names[ev.doc_id]))
                else:
                    names = entity_names.get((ent.id, ev.doc_id), set())
                    same(ev.doc_id, span[0], span[1], tuple(names))
    return counts


def run(folder: Path, *, jobs: int = 1, model: Any = None) -> dict[str, Any]:
    """Build ``folder`` and check it; what was read, what it cost, and whether offsets hold."""
    stats = BuildStats()
    t0 = time.perf_counter()
    g = build([folder], model=model, jobs=jobs, stats=stats)
    wall = time.perf_counter() - t0
    big = next(d for d in g.documents if d.source and d.source.endswith(BIG_NAME))
    kept = [b for d in g.documents for b in d.kept]
    limit = nlp.load(model).max_length
    far = [ev for r in g.relations for ev in r.evidence if ev.doc_id == big.id and ev.start > limit]
    return {
        "documents": len(g.documents),
        "characters": sum(len(d.text) for d in g.documents),
        "big_document_chars": len(big.text),
        "spacy_max_length": limit,
        "big_document_pieces": len(big.kept),
        "longest_kept_block": max(b.end - b.start for b in kept),
        "max_block": MAX_BLOCK,
        "entities": len(g.entities),
        "relations": len(g.relations),
        "evidence_beyond_max_length_in_big_document": len(far),
        "offsets": check_offsets(g),
        "seconds": round(wall, 1),
        "mb_per_minute": round(sum(len(d.text) for d in g.documents) / 1e6 / wall * 60, 2),
        "stage_seconds": {k: round(v, 1) for k, v in stats.seconds.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "jobs": jobs,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m kg.bench.size", description=__doc__)
    ap.add_argument("--mb", type=float, default=50, help="size of the folder (default 50 MB)")
    ap.add_argument("--jobs", type=int, default=2, help="parsing processes (default 2)")
    ap.add_argument(
        "--big-chars", type=int, default=1_200_000, help="length of the one long document"
    )
    ap.add_argument("--work", type=Path, default=None, help="folder for the corpus (kept)")
    a = ap.parse_args(argv)
    work = a.work or Path(tempfile.mkdtemp(prefix="kg-size-"))
    try:
        made = make_corpus(work / "corpus", a.mb, big_chars=a.big_chars)
        print(f"corpus: {made['files']} files, {made['bytes'] / 1e6:.1f} MB", flush=True)
        result = {"corpus": made, **run(work / "corpus", jobs=a.jobs)}
        print(json.dumps(result, indent=1))
    finally:
        if a.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
