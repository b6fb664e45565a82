"""Facts on news: kg on DWIE's Deutsche Welle articles (``../shared/bench/dwie/train.json``);
entities on news are `benchmarks.news`.

    python -m benchmarks.news_facts [--bench DIR] [--docs N] [--errors]

Measured only: nothing in kg is trained or tuned on DWIE. DWIE annotates every entity of an
article and the relations between them; its predicates are mapped to Wikidata properties
(``PREDICATES``, with the direction kg reads them in), and only those properties are counted,
so a fact kg reads outside them is neither right nor wrong here. Concepts tagged as roles,
values or times are no named entities, and relations to them are left out. A "-x" predicate
is the same relation through an adjective ("German" for Germany) and maps alike. DWIE's
``agent_of`` (a politician acting for a country) and ``minister_of`` have no kg property and
are not counted. DWIE gives a player's team both as ``member_of`` and ``player_of``: it is
one fact here, counted as ``player_of``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.defaults import MIN_CONFIDENCE
from kg.evaluate import GoldDoc, GoldEntity, GoldRelation, GoldSet, error_table, evaluate
from kg.extract import pipeline as kg_nlp

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"

# DWIE predicate -> (Wikidata properties that match it, whether kg reads it object to subject)
PREDICATES: dict[str, tuple[tuple[str, ...], bool]] = {
    "citizen_of": (("P27",), False),  # person -> country
    "based_in0": (("P17", "P159", "P131"), False),  # organization -> its country
    "based_in1": (("P159", "P131"), False),  # -> its region
    "based_in2": (("P159", "P131"), False),  # -> its city
    "in0": (("P17", "P131"), False),  # place -> its country
    "in1": (("P131",), False),  # -> its region
    "in2": (("P131",), False),  # -> its city
    # player -> team; first, so that kg's P54 is counted in its row
    "player_of": (("P54",), False),
    # person or body -> organization: members, and employees ("a professor at X")
    "member_of": (("P108", "P463", "P102", "P54"), False),
    "agency_of": (("P17",), False),  # a government body -> its country
    "spouse_of": (("P26",), False),
    "head_of": (("P1037", "P169", "P488"), True),  # kg: organization -> its head
    "head_of_state": (("P35",), True),  # kg: country -> its head of state
    "head_of_gov": (("P6",), True),  # kg: country -> its head of government
}
TYPES = {"person": "Person", "organization": "Organization", "location": "Place", "gpe": "Place"}
NOT_NAMES = ("type::role", "type::value", "type::time")


def read_dwie(path: Path, docs: int | None = None) -> GoldSet:
    """DWIE articles as a gold set over the mapped properties."""
    data = json.loads(path.read_text(encoding="utf-8"))[:docs]
    # a property's row is the first DWIE predicate that maps to it
    labels: dict[str, str] = {}
    for pred, (props, _) in PREDICATES.items():
        for p in props:
            labels.setdefault(p, pred)
    return GoldSet("dwie", "dwie", tuple(_doc(d) for d in data), labels, _space())


def _space() -> frozenset[str]:
    return frozenset(p for props, _ in PREDICATES.values() for p in props)


def _doc(d: dict) -> GoldDoc:
    names: dict[int, list[str]] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in d["mentions"]:
        names.setdefault(m["concept"], []).append(m["text"])
        spans.setdefault(m["concept"], []).append((m["begin"], m["end"]))
    index: dict[int, int] = {}
    entities = []
    for c in d["concepts"]:
        tags = c.get("tags") or []
        if c["concept"] not in names or any(t in tags for t in NOT_NAMES):
            continue
        etype = next((TYPES[t[6:]] for t in tags if t[6:] in TYPES), None)
        index[c["concept"]] = len(entities)
        texts = tuple(dict.fromkeys(names[c["concept"]]))
        entities.append(GoldEntity(texts, etype, False, tuple(spans[c["concept"]])))
    rels = []
    # DWIE gives each player's team twice, as member_of and player_of: one fact, counted as
    # player_of, that either's properties read
    players = {(r["s"], r["o"]) for r in d["relations"] if r["p"].startswith("player_of")}
    for r in d["relations"]:
        pred = r["p"].removesuffix("-x")
        if pred not in PREDICATES or r["s"] not in index or r["o"] not in index:
            continue
        props, reverse = PREDICATES[pred]
        if (r["s"], r["o"]) in players:
            if pred == "member_of":
                continue
            if pred == "player_of":
                props = tuple(dict.fromkeys(props + PREDICATES["member_of"][0]))
        s, o = index[r["s"]], index[r["o"]]
        rels.append(GoldRelation(*((o, s) if reverse else (s, o)), props, pred))
    return GoldDoc(f"dwie-{d['id']}", d["content"], tuple(entities), tuple(rels))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.news_facts", description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the bench data folder")
    ap.add_argument("--docs", type=int, default=None, help="the first N articles only")
    ap.add_argument("--errors", action="store_true", help="print the errors with sentences")
    args = ap.parse_args(argv)
    path = args.bench / "dwie" / "train.json"
    if not path.is_file():
        print(f"{path}: no DWIE data (pass --bench DIR)", file=sys.stderr)
        return 2
    rep = evaluate(read_dwie(path, args.docs), kg_nlp.load())
    print(rep.table(min_support=20))
    a = rep.asserted(MIN_CONFIDENCE)
    print(
        f"asserted (confidence >= {MIN_CONFIDENCE}): P {100 * a.precision:.1f} "
        f"R {100 * a.recall:.1f} F1 {100 * a.f1:.1f}, {a.tp + a.fp} facts; "
        f"ECE {rep.reliability()[1]:.3f}"
    )
    if args.errors:
        print(error_table(rep.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
