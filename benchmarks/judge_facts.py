"""The facts to judge by hand: what kg's rules read where no gold can say whether it is right.

    python -m benchmarks.judge_facts [--bench DIR] --dump OUT.jsonl [--model-sample N]
        [--model-top C] [--parts P,...]

Reads the texts of each part as benchmarks.extraction reads them (CoNLL04 train+dev and test,
Re-DocRED dev_revised 0-399 and 400-499, each gold document one paragraph) and the saved pages
of ``bench/html`` as kg reads them (kg.ingest), split into a tuned-on part and the held-out
quarter of benchmarks.ingest (a CRC-32 of the file name). Every fact is kept whatever its
confidence (min_confidence 0), and one JSON line is written per fact to judge:

- on the html pages, every fact read by rules alone (no relation model among its readings,
  no inference): those pages have no fact gold at all;
- on CoNLL04 and Re-DocRED, the facts read by rules alone whose predicate that part's gold
  cannot judge: a property outside the part's label space, none at all, or a post held as text
  (kg.train.calibrate.judged), which benchmarks.extraction never counts;
- with ``--model-sample N``, N facts the relation model read, drawn (seeded) from the held-out
  html pages, to measure the model on news;
- with ``--model-top C``, every fact the relation model read (alone or with rules) on all the
  html pages whose calibrated confidence is C or more (parts html-tune-model-top and
  html-held-model-top): what a user of kg sees asserted on news.

The confidence is kept out of the lines to judge (so it is not in view while judging): it is
written beside them, to OUT with ``.confidence.jsonl`` for ``.jsonl``, by key.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.ingest import held_out
from kg import vocab
from kg.errors import KgError
from kg.evaluate import as_document, read_conll04, read_docred
from kg.extract import pipeline as kg_nlp
from kg.extract.mentions import extract
from kg.ingest import read
from kg.model import Document, Entity, Relation
from kg.resolve import resolve
from kg.resolve.calibration import calibrate, rules_only, source
from kg.train.calibrate import judged

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
PARTS = ("html-tune", "html-held", "conll04-tune", "conll04-held", "redocred-tune", "redocred-held")
MODEL_PART = "html-held-model"  # the sample of model facts on the held-out pages
# the model's confident facts on every page, by the page's split
TOP_PARTS = {"html-tune": "html-tune-model-top", "html-held": "html-held-model-top"}
SEED = 0  # the model sample's draw: fixed, so the same code gives the same sample


@dataclass(frozen=True)
class Part:
    """One part's documents, and the properties its gold judges (None: no fact gold)."""

    name: str
    docs: tuple[Document, ...]
    space: frozenset[str] | None


def html_parts(bench: Path) -> list[Part]:
    """The saved pages as kg reads them, tuned-on and held-out; a page kg cannot read is
    left out, as a build leaves it out."""
    expected = json.loads((bench / "html" / "expected.json").read_text(encoding="utf-8"))
    tune: list[Document] = []
    held: list[Document] = []
    for name in sorted(expected):
        try:
            docs = read([str(bench / "html" / "pages" / name)])
        except KgError:
            continue
        for d in docs:
            doc = replace(d, id=name)
            (held if held_out(name) else tune).append(doc)
    return [Part("html-tune", tuple(tune), None), Part("html-held", tuple(held), None)]


def gold_parts(bench: Path) -> list[Part]:
    """CoNLL04 and Re-DocRED as benchmarks.extraction reads them, each with its label space."""
    c, r = bench / "conll04", bench / "re-docred" / "dev_revised.json"
    train, dev, test = (read_conll04(c / f"{s}.json") for s in ("train", "dev", "test"))
    tune_r, held_r = read_docred(r, slice(0, 400)), read_docred(r, slice(400, 500))
    out = []
    for name, golds in (
        ("conll04-tune", (train, dev)),
        ("conll04-held", (test,)),
        ("redocred-tune", (tune_r,)),
        ("redocred-held", (held_r,)),
    ):
        docs = tuple(as_document(g) for gold in golds for g in gold.docs)
        out.append(Part(name, docs, golds[0].space))
    return out


def gold_judges(r: Relation, space: frozenset[str] | None) -> bool:
    """Whether the part's gold says if ``r`` is right, as benchmarks.extraction scores it."""
    if r.wikidata is None or not judged(r.predicate):
        return False
    return space is None or r.wikidata in space


def family(r: Relation) -> str:
    """What read the fact (kg.resolve.calibration.source): a rule family, "rules" for several,
    "model", "model+rules" or "inferred"."""
    return source(e.rule for e in r.evidence)


def by_rules(r: Relation) -> bool:
    """Whether rules alone read the fact: no model among its readings, and not inferred."""
    src = family(r)
    return rules_only(src) and src != "inferred"


def key_of(part: str, doc: str, line: dict) -> str:
    """A stable key: the same fact of the same text always gets the same one."""
    obj = line["object"] if line.get("of") is None else f"{line['object']} of {line['of']}"
    return "|".join((part, doc, line["subject"], line["predicate"], obj, line["rule"]))


def fact_line(part: str, doc: str, r: Relation) -> dict:
    """The fields of one fact to judge (no confidence)."""
    obj = r.object
    ev = max(r.evidence, key=lambda e: e.confidence) if r.evidence else None
    line = {
        "part": part,
        "doc": doc,
        "sentence": " ".join(ev.sentence.split()) if ev else "",
        "subject": r.subject.name,
        "subject_type": r.subject.type,
        "predicate": r.predicate,
        "object": obj.name if isinstance(obj, Entity) else str(obj),
        "object_type": obj.type if isinstance(obj, Entity) else literal_type(r),
        "of": r.of.name if r.of is not None else None,
        "rule": "+".join(sorted({e.rule for e in r.evidence})),
        "family": family(r),
        "readings": [[e.rule, round(e.confidence, 4)] for e in r.evidence],
    }
    line["key"] = key_of(part, doc, line)
    return line


def literal_type(r: Relation) -> str:
    """A literal object's kind, from its predicate's range: "date", "number" or "text"."""
    p = vocab.PREDICATES.get(r.predicate)
    kinds = [t for t in (p.range if p else ()) if t in (vocab.DATE, vocab.NUMBER, vocab.TEXT)]
    return kinds[0] if kinds else "literal"


def facts(part: Part, nlp) -> Iterator[tuple[str, Relation, float]]:
    """(document id, raw fact, calibrated confidence) of every fact of the part's documents."""
    for ex in extract(part.docs, nlp):
        res = resolve([ex])
        cal = calibrate(res.relations)
        for r, c in zip(res.relations, cal, strict=True):
            yield ex.document.id, r, c.confidence


def read_by_model(r: Relation) -> bool:
    """Whether the relation model is among the fact's readings (not inferred)."""
    return not by_rules(r) and family(r) != "inferred"


def as_part(line: dict, part: str) -> dict:
    """The line moved to another part, its key made anew."""
    line = {**line, "part": part}
    line["key"] = key_of(part, line["doc"], line)
    return line


def dump(
    parts: list[Part], nlp, model_sample: int, model_top: float | None = None
) -> tuple[list[dict], list[dict]]:
    """The lines to judge and, by key, their confidences (raw and calibrated)."""
    lines: dict[str, dict] = {}
    conf: dict[str, dict] = {}
    model: list[tuple[dict, float, float]] = []

    def keep(line: dict, raw: float, calibrated: float) -> None:
        if line["key"] not in lines:
            lines[line["key"]] = line
            conf[line["key"]] = {"key": line["key"], "confidence": raw, "calibrated": calibrated}

    for part in parts:
        for doc, r, calibrated in facts(part, nlp):
            line = fact_line(part.name, doc, r)
            if by_rules(r) and (part.space is None or not gold_judges(r, part.space)):
                keep(line, r.confidence, calibrated)
            elif part.name == "html-held" and read_by_model(r):
                model.append((line, r.confidence, calibrated))
            if model_top is not None and part.name in TOP_PARTS and read_by_model(r):
                if calibrated >= model_top:
                    keep(as_part(line, TOP_PARTS[part.name]), r.confidence, calibrated)
    drawn = random.Random(SEED).sample(model, min(model_sample, len(model)))
    for line, raw, calibrated in drawn:
        keep(as_part(line, MODEL_PART), raw, calibrated)
    return list(lines.values()), [conf[k] for k in lines]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.judge_facts", description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the bench data folder")
    ap.add_argument("--dump", type=Path, required=True, help="write the facts to judge here")
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated parts to read")
    ap.add_argument(
        "--model-sample", type=int, default=0, metavar="N", help="N model facts (html held out)"
    )
    ap.add_argument(
        "--model-top",
        type=float,
        default=None,
        metavar="C",
        help="every model fact of calibrated confidence C or more (all html pages)",
    )
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        print(f"{args.bench}: no benchmark data folder (pass --bench DIR)", file=sys.stderr)
        return 2
    wanted = set(args.parts.split(","))
    html = set(PARTS[:2])  # the pages are read only when one of their parts is wanted
    found = (html_parts(args.bench) if wanted & html else []) + (
        gold_parts(args.bench) if wanted - html else []
    )
    parts = [p for p in found if p.name in wanted]
    lines, conf = dump(parts, kg_nlp.load(), args.model_sample, args.model_top)
    args.dump.parent.mkdir(parents=True, exist_ok=True)
    with args.dump.open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    side = args.dump.with_name(args.dump.name.removesuffix(".jsonl") + ".confidence.jsonl")
    with side.open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(x) + "\n" for x in conf)
    counts = {
        p: sum(x["part"] == p for x in lines) for p in dict.fromkeys(x["part"] for x in lines)
    }
    print(f"wrote {len(lines)} facts to {args.dump} ({counts}); confidences in {side}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
