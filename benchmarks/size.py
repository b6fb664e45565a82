"""Size: a large folder of text, and one document longer than spaCy's max_length, built whole.

The folder holds news-style pages (benchmarks.corpus) up to the size asked for, and one document
that is a single paragraph longer than the pipeline's ``max_length`` (1,000,000 characters),
which spaCy refuses to parse in one piece. kg cuts kept blocks longer than
``kg.ingest.blocks.MAX_BLOCK`` into pieces; this checks that the build goes through and that every
offset kg reports still points at the right characters of the file on disk, read back here
without kg: each mention's text, each evidence sentence, and the subject and object spans.

    python -m benchmarks.size [--mb 50] [--jobs 2] [--big-chars 1200000] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import pages
from kg.extract import pipeline as nlp
from kg.graph import KnowledgeGraph
from kg.ingest.blocks import MAX_BLOCK, segment
from kg.model import Entity, Evidence, Relation
from kg.resolve.infer import CHAINS, DEMONYM_OBJECTS, DEMONYM_SUBJECTS
from kg.run.local import build
from kg.run.stats import BuildStats

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


# The kinds of offset check_offsets compares with the file on disk.
KINDS = ("mention", "evidence_sentence", "plain_span", "composed_span", "span_before_sentence")
EXAMPLES = 3  # mismatches kept of each kind, to show what went wrong


def check_offsets(g: KnowledgeGraph) -> dict[str, Any]:
    """Compare every offset of ``g`` with the files on disk; count what matched and what not.

    Each kind is counted apart (``checked``, ``mismatched``), with a few ``examples`` of each
    mismatch: the document, the offsets, the characters on disk there and what was expected.
    A mention must read its own text; an evidence sentence its sentence. The subject and object
    spans of a fact must each be exactly the place of a mention of that entity in that document
    and read that mention's text; for a fact composed from two (rule ``a + b``), the place of a
    mention of the subject, the object or an entity on the chain between them.
    """
    check = _OffsetCheck({d.id: Path(d.source).read_bytes().decode("utf-8") for d in g.documents})
    on_paths = _chain_members(g)
    for e in g.entities:
        for m in e.mentions:
            check.mention(e.id, m.doc_id, m.start, m.end, m.text)
    for r in g.relations + g.flagged:
        for ev in r.evidence:
            check.same(
                "evidence_sentence",
                ev.doc_id,
                ev.start,
                ev.end,
                {ev.sentence},
                {ev.sentence},
                rule=ev.rule,
            )
            composed = " + " in ev.rule
            for role, ent, span in (
                ("subject", r.subject, ev.subject_span),
                ("object", r.object, ev.object_span),
            ):
                if isinstance(ent, Entity):
                    # the premises of a composed fact share the entity in the middle: each
                    # span names the subject, the object or an entity on the chain between them
                    ids = on_paths(r) if composed else {ent.id}
                    check.span(ev, span, ids, composed=composed, role=role, entity=ent.id)
    return check.result()


class _OffsetCheck:
    """The counts and first mismatches of offsets compared with the texts on disk."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.checked = dict.fromkeys(KINDS, 0)
        self.mismatched = dict.fromkeys(KINDS, 0)
        self.examples: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
        # (document id, start, end) -> {entity id: mention text}; (entity id, document id) ->
        # the texts of its mentions there
        self.at: dict[tuple[str, int, int], dict[str, str]] = {}
        self.entity_names: dict[tuple[str, str], set[str]] = {}

    def same(
        self,
        kind: str,
        doc_id: str,
        start: int,
        end: int,
        want: set[str],
        shown: set[str],
        **about: Any,
    ) -> None:
        """Count one offset of ``kind``: right when the text there is one of ``want``."""
        self.checked[kind] += 1
        found = self.files[doc_id][start:end]
        if found in want:
            return
        self.mismatched[kind] += 1
        if len(self.examples[kind]) < EXAMPLES:
            self.examples[kind].append(
                {
                    "doc": doc_id,
                    "offsets": [start, end],
                    "on_disk": found[:200],
                    "expected": sorted(w[:200] for w in shown)[:5],
                    **about,
                }
            )

    def mention(self, entity: str, doc_id: str, start: int, end: int, text: str) -> None:
        """Check a mention and remember where it is, for the spans of facts."""
        self.at.setdefault((doc_id, start, end), {})[entity] = text
        self.entity_names.setdefault((entity, doc_id), set()).add(text)
        self.same("mention", doc_id, start, end, {text}, {text}, entity=entity)

    def span(
        self, ev: Evidence, span: tuple[int, int], ids: set[str], *, composed: bool, **about: Any
    ) -> None:
        """Check a subject or object span: the place of a mention of one of ``ids``."""
        here = self.at.get((ev.doc_id, span[0], span[1]), {})
        want = {text for i, text in here.items() if i in ids}
        shown = set().union(*(self.entity_names.get((i, ev.doc_id), ()) for i in ids))
        # "The company ..." points at the name it stands for, in an earlier sentence
        kind = (
            "span_before_sentence"
            if span[0] < ev.start
            else "composed_span"
            if composed
            else "plain_span"
        )
        about["sentence"] = [ev.start, ev.end]
        self.same(kind, ev.doc_id, span[0], span[1], want, shown, rule=ev.rule, **about)

    def result(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "mismatched": self.mismatched,
            "mismatches": sum(self.mismatched.values()),
            "examples": {k: v for k, v in self.examples.items() if v},
        }


def _chain_members(g: KnowledgeGraph) -> Callable[[Relation], set[str]]:
    """For a composed fact X -> Z, the ids of X, Z and every entity on a path from X to Z
    along the facts chains are made of (kg.resolve's CHAINS, and a nationality word's facts,
    which its country shares, and back): the premises name only those. A premise may be a
    candidate, below the threshold of the fact it gives."""
    preds = {p for chain in CHAINS for p in chain} | {*DEMONYM_OBJECTS, *DEMONYM_SUBJECTS}
    out: dict[str, set[str]] = {}
    into: dict[str, set[str]] = {}
    for r in (*g.relations, *g.candidates):
        if not isinstance(r.object, Entity):
            continue
        ends = [(r.subject.id, r.object.id)] if r.predicate in preds else []
        if r.predicate == "demonym_of":  # the word's facts are its country's, and back
            ends = [(r.subject.id, r.object.id), (r.object.id, r.subject.id)]
        for a, b in ends:
            out.setdefault(a, set()).add(b)
            into.setdefault(b, set()).add(a)

    def reach(start: str, edges: dict[str, set[str]]) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for n in edges.get(todo.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return seen

    def members(r: Relation) -> set[str]:
        assert isinstance(r.object, Entity)
        return reach(r.subject.id, out) & reach(r.object.id, into)

    return members


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
    ap = argparse.ArgumentParser(prog="python -m benchmarks.size", description=__doc__)
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
