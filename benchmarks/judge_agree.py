"""A second judge of the judged facts: a blind sample, and how far two judges agree.

    python -m benchmarks.judge_agree --sample      # the sample to judge, without judgments
    python -m benchmarks.judge_agree               # agreement, Cohen's kappa, disagreements

The sample is drawn (seeded) from benchmarks/data/facts_judged.jsonl, stratified by source:
PER_SOURCE lines of the html pages (every html part), of CoNLL04 and of Re-DocRED, leaving
out ``demonym_of`` (a nationality word read as its country, right almost always, which would
only inflate the agreement). ``--sample`` prints each line without the first judge's
judgment and why, so the second judge reads the facts blind; the second judgments are
kept in facts_judged_second.jsonl (key, judgment, why).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
FIRST = DATA / "facts_judged.jsonl"
SECOND = DATA / "facts_judged_second.jsonl"
SOURCES = ("html", "conll04", "redocred")
PER_SOURCE = 50  # 150 lines in all: enough for a kappa to two decimals' worth of meaning
SEED = 0
HIDDEN = ("judgment", "why")  # what the second judge must not see
# the parts the sample is drawn from: those of the first judging (benchmarks.judge_facts's
# PARTS and MODEL_PART), so lines judged later (the model-top parts) leave the sample as it was
SAMPLED = (
    "html-tune",
    "html-held",
    "conll04-tune",
    "conll04-held",
    "redocred-tune",
    "redocred-held",
    "html-held-model",
)
# the lines the file held when the second judge read the sample (judgments are only ever
# appended): lines judged later of the sampled parts (the ninth round's) leave it as it was
FIRST_LINES = 967


def source_of(part: str) -> str:
    """The text source of a part: "html-held-model" -> "html"."""
    return part.split("-", 1)[0]


def sample(
    lines: Sequence[dict],
    per_source: int = PER_SOURCE,
    seed: int = SEED,
    first: int | None = FIRST_LINES,
) -> list[dict]:
    """The stratified sample: per_source lines of each source, demonym_of left out, in the
    file's order (so the sample reads page by page), drawn from the ``first`` lines alone."""
    rng = random.Random(seed)
    drawn: set[str] = set()
    for src in SOURCES:
        pool = [
            x["key"]
            for x in lines[:first]
            if x["part"] in SAMPLED
            and source_of(x["part"]) == src
            and x["predicate"] != "demonym_of"
        ]
        drawn.update(rng.sample(pool, min(per_source, len(pool))))
    return [x for x in lines if x["key"] in drawn]


def blind(line: dict) -> dict:
    """The line as the second judge sees it: no first judgment, no why."""
    return {k: v for k, v in line.items() if k not in HIDDEN}


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two judges' labels of the same items: agreement beyond chance."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def pairs(first: Iterable[dict], second: Iterable[dict]) -> list[tuple[dict, dict]]:
    """(first judge's line, second judge's line) of every key both judged."""
    by_key = {x["key"]: x for x in first}
    return [(by_key[y["key"]], y) for y in second if y["key"] in by_key]


def report(both: Sequence[tuple[dict, dict]]) -> str:
    """Agreement share, kappa (over every label, unclear included) and the disagreements."""
    a = [x["judgment"] for x, _ in both]
    b = [y["judgment"] for _, y in both]
    same = sum(x == y for x, y in zip(a, b, strict=True))
    out = [
        f"{len(both)} lines judged twice: {same} agree ({same / len(both):.0%}), "
        f"Cohen's kappa {cohen_kappa(a, b):.2f}",
        f"first judge {dict(Counter(a))}, second judge {dict(Counter(b))}",
    ]
    for src in SOURCES:
        sub = [(x, y) for x, y in both if source_of(x["part"]) == src]
        if sub:
            ok = sum(x["judgment"] == y["judgment"] for x, y in sub)
            out.append(f"  {src}: {ok}/{len(sub)} agree")
    for x, y in both:
        if x["judgment"] != y["judgment"]:
            out.append(
                f"- {x['key']}\n    first {x['judgment']}: {x.get('why', '')}\n"
                f"    second {y['judgment']}: {y.get('why', '')}"
            )
    return "\n".join(out)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(s) for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.judge_agree", description=__doc__)
    ap.add_argument("--sample", action="store_true", help="print the sample, blind")
    args = ap.parse_args(argv)
    first = read_lines(FIRST)
    if args.sample:
        for x in sample(first):
            print(json.dumps(blind(x), ensure_ascii=False))
        return 0
    if not SECOND.is_file():
        print(f"{SECOND.name}: no second judgments yet", file=sys.stderr)
        return 2
    print(report(pairs(first, read_lines(SECOND))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
