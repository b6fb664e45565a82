"""Entities on news the extraction was never tuned on: CoNLL-2003 dev and DWIE train
(``../shared/bench``). Measured only: nothing shipped is trained or tuned on either.

    python -m benchmarks.news [--bench DIR] [--json FILE]

- CoNLL-2003 dev: person, organization and place names as document-level sets of (name key,
  type), kg's against bare spaCy's (the same model's own entities) on the same text; kg's
  nationality words are left out, as spaCy's NORP names and CoNLL's MISC are.
- DWIE train: a person, organization or place counts as found when a kg entity of its type
  carries one of its mentions (per document). kg's nationality words ("German"), linked to
  their country, are not counted where DWIE marks the same words as an adjectival reference
  to a country (``type::gpe0-x``), which it annotates as no entity of its own; the count of
  them is printed. Splits: a DWIE entity whose mentions several kg
  entities carry; wrong merges: a kg entity carrying mentions of several DWIE entities. Across
  documents, DWIE's Wikipedia links say which entities of different documents are one: the
  same counts over one resolution of all the documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from kg.evaluate import Counts
from kg.evaluate.clusters import best_span
from kg.extract import pipeline as kg_nlp
from kg.extract.mentions import extract
from kg.extract.types import is_nationality
from kg.model import Block, Document
from kg.names import name_key
from kg.resolve import resolve

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
CONLL_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
SPACY_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place"}
DWIE_TYPES = {
    "type::person": "Person",
    "type::organization": "Organization",
    "type::location": "Place",
}


def read_conll03(path: Path) -> list[tuple[str, set[tuple[str, str]]]]:
    """Each document's text (tokens by spaces, sentences by newlines) and its gold set."""
    docs: list[tuple[list[list[str]], set[tuple[str, str]]]] = []
    sent: list[str] = []
    name: list[str] = []
    kind = ""

    def close() -> None:
        nonlocal name, kind
        if name and kind in CONLL_TYPES:
            docs[-1][1].add((name_key(" ".join(name)), CONLL_TYPES[kind]))
        name, kind = [], ""

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append(([], set()))
            continue
        if not line.strip():
            close()
            if sent:
                docs[-1][0].append(sent)
                sent = []
            continue
        tok, *_, tag = line.split()
        if tag.startswith("B-") or tag == "O" or tag[2:] != kind:
            close()
        if tag != "O":
            name.append(tok)
            kind = tag[2:]
        sent.append(tok)
    close()
    if sent:
        docs[-1][0].append(sent)
    return [("\n".join(" ".join(s) for s in ss), gold) for ss, gold in docs if ss]


def _document(i: int, text: str) -> Document:
    return Document(id=f"n{i}", text=text, blocks=(Block(0, len(text), "paragraph"),))


def conll03(bench: Path, nlp) -> dict[str, Counts]:
    docs = read_conll03(bench / "conll03" / "dev.txt")
    ours, bare = Counts(), Counts()
    exs = extract([_document(i, t) for i, (t, _) in enumerate(docs)], nlp)
    for (_text, gold), ex, sdoc in zip(docs, exs, nlp.pipe(t for t, _ in docs), strict=True):
        # kg's mentions of nationality words ("Russian") are left out, as spaCy's NORP names
        # and CoNLL's MISC are (benchmarks.ingest scores them so too)
        got = {
            (name_key(m.text), e.type)
            for e in resolve([ex]).entities
            if e.type in CONLL_TYPES.values()
            for m in e.mentions
            if not is_nationality(m.text)
        }
        spacy_set = {
            (name_key(x.text), SPACY_TYPES[x.label_]) for x in sdoc.ents if x.label_ in SPACY_TYPES
        }
        for counts, pred in ((ours, got), (bare, spacy_set)):
            counts.tp += len(pred & gold)
            counts.fp += len(pred - gold)
            counts.fn += len(gold - pred)
    return {"kg": ours, "bare spaCy": bare}


def _dwie_gold(doc: dict) -> tuple[dict[int, str], dict[tuple[int, int], int], dict[int, str]]:
    """A DWIE document's scored entities (concept -> type), its mentions' spans (-> concept)
    and the concepts' Wikipedia links."""
    types, links = {}, {}
    for c in doc["concepts"]:
        t = next((DWIE_TYPES[x] for x in c["tags"] if x in DWIE_TYPES), None)
        if t and "type::entity" in c["tags"]:
            types[c["concept"]] = t
            if c.get("link"):
                links[c["concept"]] = c["link"]
    spans = {(m["begin"], m["end"]): m["concept"] for m in doc["mentions"]}
    return types, spans, links


def _adjectival(doc: dict) -> set[tuple[int, int]]:
    """The spans of DWIE's adjectival references to a country or place ("German": concepts
    tagged ``type::gpe0-x`` and the like), which DWIE annotates as no entity of their own."""
    adj = {c["concept"] for c in doc["concepts"] if any(t.endswith("-x") for t in c["tags"])}
    return {(m["begin"], m["end"]) for m in doc["mentions"] if m["concept"] in adj}


def dwie(bench: Path, nlp) -> dict[str, object]:
    data = json.loads((bench / "dwie" / "train.json").read_text(encoding="utf-8"))
    docs = [_document(i, d["content"]) for i, d in enumerate(data)]
    exs = list(extract(docs, nlp))
    found = Counts()
    splits = merges = nationalities = 0
    for d, ex in zip(data, exs, strict=True):
        types, spans, _ = _dwie_gold(d)
        adjectival = _adjectival(d)
        starts = sorted(spans)
        carried: dict[int, set[int]] = defaultdict(set)  # concept -> kg entities
        typed: set[int] = set()  # concepts a kg entity of their type carries
        for n, e in enumerate(resolve([ex]).entities):
            hit = {spans[s] for m in e.mentions if (s := best_span(starts, m.start, m.end))}
            hit &= set(types)
            for c in hit:
                carried[c].add(n)
                if types[c] == e.type:
                    typed.add(c)
            if e.type in DWIE_TYPES.values() and not any(types[c] == e.type for c in hit):
                # a nationality word, which kg links to its country, where DWIE marks the
                # same words as an adjectival reference to the country: not counted, as
                # CoNLL-2003's MISC and spaCy's NORP are not (above)
                nationality = is_nationality(e.name) and any(
                    (m.start, m.end) in adjectival for m in e.mentions
                )
                nationalities += nationality
                found.fp += not nationality
            merges += len(hit) > 1
        for c in types:
            found.tp += c in typed
            found.fn += c not in typed
            splits += len(carried[c]) > 1
    return {
        "found": found,
        "splits": splits,
        "wrong merges": merges,
        "nationality words not counted": nationalities,
        **_across(data, exs),
    }


def _across(data: list[dict], exs: list) -> dict[str, int]:
    """Splits and wrong merges over one resolution of all the documents, by Wikipedia link."""
    res = resolve(exs)
    doc_index = {f"n{i}": i for i in range(len(data))}
    gold = [_dwie_gold(d) for d in data]
    starts = [sorted(g[1]) for g in gold]
    link_nodes: dict[str, set[str]] = defaultdict(set)
    wrong = 0
    for e in res.entities:
        links = set()
        for m in e.mentions:
            i = doc_index[m.doc_id]
            types, spans, lk = gold[i]
            s = best_span(starts[i], m.start, m.end)
            if s and spans[s] in lk:
                links.add(lk[spans[s]])
        for link in links:
            link_nodes[link].add(e.id)
        wrong += len(links) > 1
    split = sum(len(v) > 1 for v in link_nodes.values())
    return {"linked things": len(link_nodes), "split across": split, "wrongly merged across": wrong}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.news", description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the bench data folder")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores as JSON")
    args = ap.parse_args(argv)
    if not (args.bench / "conll03").is_dir() or not (args.bench / "dwie").is_dir():
        print(f"{args.bench}: no conll03/ and dwie/ here (pass --bench DIR)", file=sys.stderr)
        return 2
    nlp = kg_nlp.load()
    out: dict[str, dict] = {}
    print("CoNLL-2003 dev, PER/ORG/LOC names as document-level sets     P      R     F1")
    for who, c in conll03(args.bench, nlp).items():
        print(f"  {who:58} {100 * c.precision:5.1f} {100 * c.recall:6.1f} {100 * c.f1:6.1f}")
        out.setdefault("conll03", {})[who] = vars(c)
    r = dwie(args.bench, nlp)
    c = r.pop("found")
    print("DWIE train, persons, organizations and places found          P      R     F1")
    print(f"  {'kg':58} {100 * c.precision:5.1f} {100 * c.recall:6.1f} {100 * c.f1:6.1f}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in r.items()))
    out["dwie"] = {"found": vars(c), **r}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
