"""The relation model's dev F1 for variants of its features, without reading the documents
again: the tuning parts' labelled candidate pairs are read once and cached.

    python -m benchmarks.relation_dev [--cache FILE] [--drop PREFIX ...] [--only PREFIX ...]

Fits as kg.train chooses its epochs (CoNLL04 train and Re-DocRED 0-299, the mean of RUNS seeded
fits) and prints, per number of epochs, the pair F1 on CoNLL04 dev and Re-DocRED 300-399 with
the thresholds chosen there: the numbers ``python -m kg.train`` prints, never a held-out part.
``--drop`` leaves out the features starting with any prefix given ("bname:" "aname:"), so
that features added to kg.extract.features under a prefix of their own can be weighed one
by one on one cache; ``--only`` keeps, of the features starting with "X" (the prefix to give
features on trial), those starting with a prefix given. The cache is kg's code as it was when
it was written: delete it after changing the rules or the features. About a minute a variant
on two cores, the first run a minute and a half more.
"""

from __future__ import annotations

import argparse
import pickle
import time
from dataclasses import replace
from pathlib import Path

from kg.extract import pipeline as kg_nlp
from kg.train import choose_epochs
from kg.train.fit import DEFAULT_BENCH, Part, classes_of, read_parts

CACHE = Path("out") / "relation_dev.pkl"  # out/ is the build's folder, never committed
TRIAL = "X"  # the prefix of features on trial, kept only with --only


def parts(bench: Path, cache: Path) -> dict[str, Part]:
    if cache.is_file():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    t0 = time.perf_counter()
    data = read_parts(bench, kg_nlp.load(None), t0)
    # the gold sets and typed names are not needed to score pairs
    data = {n: replace(p, typed=[], gold=None) for n, p in data.items()}
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as fh:
        pickle.dump(data, fh)
    return data


def kept(data: dict[str, Part], drop: tuple[str, ...], only: tuple[str, ...]) -> dict[str, Part]:
    def keep(f: str) -> bool:
        if f.startswith(drop):
            return False
        return not f.startswith(TRIAL) or f.startswith(only)

    return {
        n: replace(
            p, examples=[replace(e, features=list(filter(keep, e.features))) for e in p.examples]
        )
        for n, p in data.items()
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.relation_dev")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--drop", nargs="*", default=[], help="leave out features with these prefixes")
    ap.add_argument("--only", nargs="*", default=[], help=f"of the '{TRIAL}' features, keep these")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    data = kept(parts(args.bench, args.cache), tuple(args.drop), tuple(args.only))
    classes = classes_of([e for part in data.values() for e in part.examples])
    epochs, _ = choose_epochs(data, classes, args.seed)
    print(f"epochs {epochs} chosen")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
