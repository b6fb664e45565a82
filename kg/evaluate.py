"""Evaluate: score extraction against gold data, entities and relations, with throughput.

Three gold formats are read:

- DocRED / Re-DocRED JSON: a list of documents with ``sents``, ``vertexSet`` and ``labels``;
- CoNLL04 JSON (the SpERT split): a list of sentences with ``tokens``, ``entities`` and
  ``relations``;
- kg's own JSON Lines: one document a line, ``{"id", "text", "entities": [{"name", "type",
  "aliases"}], "relations": [{"subject", "predicate", "object"}]}``, relations by entity name
  and by kg predicate name or Wikidata id.

An entity matches when one of its names (canonical name, aliases, mention texts, folded by
``name_key``: case, accents, punctuation, titles and legal suffixes) equals one of the gold
entity's names; a gold place written "Town, State" is also named by "Town" alone. A literal
matches a gold date whose ISO form is the same. A relation matches when both its entities
match and its Wikidata property is one the gold label accepts. Pre-tokenised text is joined
with spaces.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg import vocab
from kg.errors import FormatError, InputError, KgError
from kg.extract.mentions import extract
from kg.extract.rules import iso_date
from kg.model import ENTITY_TYPES, Block, Document, Entity
from kg.resolve.resolver import name_key, resolve

if TYPE_CHECKING:
    from spacy.language import Language

FORMATS = ("docred", "conll04", "jsonl")
SCORED_TYPES = ("Person", "Organization", "Place")
DOCRED_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
CONLL_TYPES = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}
# CoNLL04 labels as Wikidata properties: the first is kg's reading, the others are accepted too.
CONLL_RELATIONS: dict[str, tuple[str, ...]] = {
    "Work_For": ("P108",),
    "OrgBased_In": ("P159", "P17", "P131"),
    "Live_In": ("P551",),
    "Located_In": ("P131", "P17", "P706"),
    "Kill": ("P157",),  # reversed: the victim is "killed by" the killer
}


@dataclass(frozen=True)
class GoldEntity:
    names: tuple[str, ...]  # every mention text and alias
    type: str | None  # one of SCORED_TYPES, or None when the entity is not scored by type
    literal: bool = False  # a date or number
    spans: tuple[tuple[int, int], ...] = ()  # character offsets of its mentions, where known


@dataclass(frozen=True)
class GoldRelation:
    head: int
    tail: int
    props: tuple[str, ...]  # Wikidata properties that match it
    label: str  # the dataset's own label


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


@dataclass(frozen=True)
class GoldSet:
    name: str
    format: str
    docs: tuple[GoldDoc, ...]
    labels: dict[str, str] = field(default_factory=dict)  # property -> label of its row
    # Which properties count: all of them (None), or the dataset's label space.
    space: frozenset[str] | None = None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    """Scores of one run: entities (typed), relations overall and per label, and speed."""

    name: str
    docs: int
    words: int
    seconds: float
    entities: Counts
    entity_types: dict[str, Counts]
    relations: Counts
    by_relation: dict[str, Counts]
    covered: Counts  # relations whose property kg's vocabulary has

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def table(self, *, per_relation: bool = True, min_support: int = 0) -> str:
        """The scores as a plain-text table (percentages)."""
        rows = [("entities (typed)", self.entities)]
        rows += [(f"  {t}", c) for t, c in sorted(self.entity_types.items())]
        rows.append(("relations (all)", self.relations))
        rows.append(("relations (kg's properties)", self.covered))
        if per_relation:
            for label, c in sorted(self.by_relation.items(), key=lambda x: -(x[1].tp + x[1].fn)):
                if c.tp + c.fn >= min_support or c.tp + c.fp >= max(min_support, 1) * 2:
                    rows.append((f"  {label}", c))
        w = max(len(r[0]) for r in rows)
        lines = [
            f"{self.name}: {self.docs} documents, {self.words} words, "
            f"{self.docs_per_second:.1f} docs/s, {self.words_per_second:.0f} words/s",
            f"{'':{w}}  {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}",
        ]
        for label, c in rows:
            lines.append(
                f"{label:{w}}  {100 * c.precision:6.1f} {100 * c.recall:6.1f} "
                f"{100 * c.f1:6.1f} {c.tp + c.fn:6d} {c.tp + c.fp:6d}"
            )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        def d(c: Counts) -> dict:
            return {
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
            }

        return {
            "name": self.name,
            "docs": self.docs,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "words_per_second": round(self.words_per_second, 1),
            "entities": d(self.entities),
            "entity_types": {k: d(v) for k, v in sorted(self.entity_types.items())},
            "relations": d(self.relations),
            "covered_relations": d(self.covered),
            "by_relation": {k: d(v) for k, v in sorted(self.by_relation.items())},
        }


# -- reading gold data ---------------------------------------------------------------------


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read gold file ({e})") from None
    except json.JSONDecodeError as e:
        raise FormatError(f"{path}: not valid JSON ({e.msg} at line {e.lineno})") from None


def _join(tokens: Sequence[str], base: int) -> tuple[str, list[tuple[int, int]]]:
    """Tokens joined by spaces, and each token's character offsets (shifted by ``base``)."""
    offs, pos = [], base
    for t in tokens:
        offs.append((pos, pos + len(t)))
        pos += len(t) + 1
    return " ".join(tokens), offs


def read_docred(path: str | Path, docs: slice | None = None) -> GoldSet:
    """DocRED / Re-DocRED documents (optionally a slice of them, e.g. ``slice(400, 500)``)."""
    path = Path(path)
    data = _read_json(path)
    if not isinstance(data, list) or (data and "vertexSet" not in data[0]):
        raise FormatError(f"{path}: not DocRED JSON (expected a list of documents with vertexSet)")
    first = (docs.start or 0) if docs else 0
    out = []
    for n, d in enumerate(data[docs] if docs else data, first):
        try:
            sent_text, offsets, pos = [], [], 0
            for s in d["sents"]:
                t, o = _join(s, pos)
                sent_text.append(t)
                offsets.append(o)
                pos += len(t) + 1
            text = " ".join(sent_text)
            ents = []
            for v in d["vertexSet"]:
                spans = tuple(
                    (
                        offsets[m["sent_id"]][m["pos"][0]][0],
                        offsets[m["sent_id"]][m["pos"][1] - 1][1],
                    )
                    for m in v
                )
                names = tuple(dict.fromkeys(text[a:b] for a, b in spans))
                t = v[0]["type"]
                ents.append(GoldEntity(names, DOCRED_TYPES.get(t), t in ("TIME", "NUM"), spans))
            rels = tuple(
                GoldRelation(lab["h"], lab["t"], (lab["r"],), lab["r"]) for lab in d["labels"]
            )
        except (KeyError, IndexError, TypeError) as e:
            raise FormatError(f"{path}: document {n} is not valid DocRED ({e!r})") from None
        out.append(GoldDoc(f"{path.stem}-{n}", text, tuple(ents), rels))
    info = path.with_name("rel_info.json")
    labels = json.loads(info.read_text(encoding="utf-8")) if info.is_file() else {}
    names = {p: f"{p} {lab}" for p, lab in labels.items()}
    return GoldSet(path.stem, "docred", tuple(out), names, None)


def read_conll04(path: str | Path) -> GoldSet:
    """CoNLL04 sentences (SpERT JSON); labels map to Wikidata as in ``CONLL_RELATIONS``."""
    path = Path(path)
    data = _read_json(path)
    if not isinstance(data, list) or (data and "tokens" not in data[0]):
        raise FormatError(f"{path}: not CoNLL04 JSON (expected a list of sentences with tokens)")
    out = []
    for n, d in enumerate(data):
        try:
            text, offs = _join(d["tokens"], 0)
            ents = []
            for e in d["entities"]:
                a, b = offs[e["start"]][0], offs[e["end"] - 1][1]
                ents.append(GoldEntity((text[a:b],), CONLL_TYPES.get(e["type"]), False, ((a, b),)))
            rels = []
            for r in d["relations"]:
                label = r["type"]
                if label not in CONLL_RELATIONS:
                    raise KeyError(label)
                h, t = (r["tail"], r["head"]) if label == "Kill" else (r["head"], r["tail"])
                rels.append(GoldRelation(h, t, CONLL_RELATIONS[label], label))
        except (KeyError, IndexError, TypeError) as e:
            raise FormatError(f"{path}: sentence {n} is not valid CoNLL04 ({e!r})") from None
        out.append(GoldDoc(f"{path.stem}-{n}", text, tuple(ents), tuple(rels)))
    labels = {ps[0]: label for label, ps in CONLL_RELATIONS.items()}
    space = frozenset(p for ps in CONLL_RELATIONS.values() for p in ps)
    return GoldSet(f"conll04-{path.stem}", "conll04", tuple(out), labels, space)


def read_jsonl(path: str | Path) -> GoldSet:
    """kg's own gold format: one JSON document a line (see the module docstring)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read gold file ({e})") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise FormatError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        try:
            out.append(_jsonl_doc(d, n))
        except (KeyError, TypeError, AttributeError) as e:
            raise FormatError(
                f"{path}:{n}: a gold line needs 'text', 'entities' [{{'name', 'type'}}] and "
                f"'relations' [{{'subject', 'predicate', 'object'}}] ({e!r})"
            ) from None
        except (ValueError, KgError) as e:  # a bad type or predicate name
            raise FormatError(f"{path}:{n}: {e}") from None
    return GoldSet(path.stem, "jsonl", tuple(out), {}, None)


def _jsonl_doc(d: dict, n: int) -> GoldDoc:
    text = d["text"]
    if not isinstance(text, str):
        raise TypeError("'text' must be a string")
    ents: list[GoldEntity] = []
    index: dict[str, int] = {}
    for e in d.get("entities", []):
        names = (e["name"], *e.get("aliases", []))
        etype = e.get("type")
        if etype is not None and etype not in ENTITY_TYPES:
            raise ValueError(
                f"entity {e['name']!r} has unknown type {etype!r}; valid types: "
                + ", ".join(ENTITY_TYPES)
            )
        for name in names:
            index[name_key(name)] = len(ents)
        ents.append(GoldEntity(tuple(names), etype if etype in SCORED_TYPES else None))
    rels = []
    for r in d.get("relations", []):
        pred = r["predicate"]
        prop = pred if pred in vocab.BY_WIKIDATA or pred.startswith("P") else None
        if prop is None:
            prop = vocab.predicate(pred).wikidata  # raises with the valid names
        ends = []
        for side in ("subject", "object"):
            val = str(r[side])
            k = name_key(val)
            if k not in index:  # a literal (a date or number) or an entity named only here
                index[k] = len(ents)
                ents.append(GoldEntity((val,), None, iso_date(val) is not None))
            ends.append(index[k])
        rels.append(GoldRelation(ends[0], ends[1], (prop,), prop))
    return GoldDoc(str(d.get("id", f"line-{n}")), text, tuple(ents), tuple(rels))


def read_gold(path: str | Path, fmt: str | None = None, docs: slice | None = None) -> GoldSet:
    """Gold data in any of FORMATS; the format is guessed from the file when not given."""
    path = Path(path)
    if fmt is None:
        if path.suffix == ".jsonl":
            fmt = "jsonl"
        else:
            data = _read_json(path)
            first = data[0] if isinstance(data, list) and data else {}
            fmt = "docred" if "vertexSet" in first else "conll04" if "tokens" in first else None
            if fmt is None:
                raise FormatError(
                    f"{path}: cannot tell the gold format; valid formats: {', '.join(FORMATS)}"
                )
    if fmt == "docred":
        return read_docred(path, docs)
    gold = read_conll04(path) if fmt == "conll04" else read_jsonl(path) if fmt == "jsonl" else None
    if gold is None:
        raise FormatError(f"unknown gold format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    if docs is not None:
        gold = GoldSet(gold.name, gold.format, gold.docs[docs], gold.labels, gold.space)
    return gold


# -- scoring ---------------------------------------------------------------------------------


def as_document(g: GoldDoc) -> Document:
    """The gold text as one kg Document of one paragraph (benchmark text has no furniture)."""
    return Document(id=g.id, text=g.text, blocks=(Block(0, len(g.text), "paragraph"),))


def _keys(e: Entity) -> set[str]:
    return {name_key(s) for s in (e.name, *e.aliases, *(m.text for m in e.mentions))} - {""}


class _Matcher:
    """Which gold entity a predicted entity or literal is."""

    def __init__(self, g: GoldDoc) -> None:
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_date: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(g.entities):
            for name in e.names:
                self.by_name[name_key(name)].append(i)
                town, comma, _ = name.partition(",")
                if comma and e.type == "Place" and town.strip():
                    # "Salisbury , N.C": a place qualified by its state is named by the town
                    self.by_name[name_key(town)].append(i)
                if e.literal:
                    iso = iso_date(name)
                    if iso:
                        self.by_date[iso].append(i)
        self.gold = g

    def entities(self, e: Entity, typed: bool = False) -> set[int]:
        """Every gold entity that shares a name with ``e`` (of its type, when ``typed``)."""
        return {
            i
            for k in _keys(e)
            for i in self.by_name.get(k, ())
            if not self.gold.entities[i].literal
            and (not typed or self.gold.entities[i].type == e.type)
        }

    def entity(self, e: Entity, typed: bool = False) -> int | None:
        hits: dict[int, int] = defaultdict(int)
        for k in _keys(e):
            for i in self.by_name.get(k, ()):
                if not self.gold.entities[i].literal:
                    hits[i] += 1
        if typed:
            hits = {i: n for i, n in hits.items() if self.gold.entities[i].type == e.type}
        if not hits:
            return None
        # prefer the gold entity of the same type, then the one with most shared names
        return max(hits, key=lambda i: (self.gold.entities[i].type == e.type, hits[i], -i))

    def value(self, v: object) -> int | None:
        s = str(v)
        hits = self.by_date.get(s) or [
            i for i in self.by_name.get(name_key(s), ()) if self.gold.entities[i].literal
        ]
        return hits[0] if hits else None


def label_of(gold: GoldSet, prop: str, subject_type: str) -> str:
    """The row a property is counted in: the dataset's label where it has one."""
    if gold.format == "conll04" and prop in ("P17", "P131"):
        return "OrgBased_In" if subject_type == "Organization" else "Located_In"
    return gold.labels.get(prop, prop)


def score_doc(
    gold: GoldSet, g: GoldDoc, entities: Iterable[Entity], relations: Iterable
) -> tuple[dict[str, Counts], dict[str, Counts], Counts]:
    """(typed entity counts per type, relation counts per label, covered) for one document."""
    match = _Matcher(g)
    per_type: dict[str, Counts] = defaultdict(Counts)
    found: set[int] = set()
    for e in entities:
        if e.type not in SCORED_TYPES:
            continue
        hits = match.entities(e, typed=True)
        if not hits:
            per_type[e.type].fp += 1
        found |= hits
    for i, e in enumerate(g.entities):
        if e.type in SCORED_TYPES:
            c = per_type[e.type]
            if i in found:
                c.tp += 1
            else:
                c.fn += 1

    gold_props: dict[tuple[int, int, str], int] = {}
    for n, r in enumerate(g.relations):
        for p in r.props:
            gold_props.setdefault((r.head, r.tail, p), n)
    predicted: dict[tuple, tuple[str, str]] = {}  # key -> (label, property)
    for r in relations:
        if r.wikidata is None or (gold.space is not None and r.wikidata not in gold.space):
            continue
        h = match.entity(r.subject)
        t = match.entity(r.object) if isinstance(r.object, Entity) else match.value(r.object)
        key = (h, t, r.wikidata) if h is not None and t is not None else ("unmatched", r.key)
        predicted.setdefault(key, (label_of(gold, r.wikidata, r.subject.type), r.wikidata))
    hit: set[int] = set()
    by_label: dict[str, Counts] = defaultdict(Counts)
    covered = Counts()
    for key, (label, prop) in predicted.items():
        n = gold_props.get(key)
        if n is None:
            by_label[label].fp += 1
            covered.fp += int(prop in vocab.BY_WIKIDATA)
        else:
            hit.add(n)
    for n, r in enumerate(g.relations):
        c = by_label[r.label if gold.format == "conll04" else gold.labels.get(r.label, r.label)]
        if n in hit:
            c.tp += 1
        else:
            c.fn += 1
        if r.props[0] in vocab.BY_WIKIDATA:
            covered.tp += int(n in hit)
            covered.fn += int(n not in hit)
    return dict(per_type), dict(by_label), covered


def evaluate(
    gold: GoldSet,
    nlp: Language,
    *,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    relation_model: object = "default",
    type_model: object = "default",
) -> Report:
    """Run extraction and resolution on each gold document and score the result.

    ``relation_model`` and ``type_model`` are passed to ``kg.extract.mentions.extract`` (None: rules
    and spaCy alone).
    """
    docs = [as_document(g) for g in gold.docs]
    t0 = time.perf_counter()
    results = []
    exs = extract(
        docs,
        nlp,
        batch_size=batch_size,
        progress=progress,
        relation_model=relation_model,  # type: ignore[arg-type]
        type_model=type_model,  # type: ignore[arg-type]
    )
    for ex in exs:
        res = resolve([ex])
        results.append((res.entities, res.relations))
    seconds = time.perf_counter() - t0
    ent, rel, covered = Counts(), Counts(), Counts()
    types: dict[str, Counts] = defaultdict(Counts)
    props: dict[str, Counts] = defaultdict(Counts)
    for g, (ents, rels) in zip(gold.docs, results, strict=True):
        per_type, per_label, cov = score_doc(gold, g, ents, rels)
        covered.add(cov)
        for k, c in per_type.items():
            types[k].add(c)
            ent.add(c)
        for k, c in per_label.items():
            props[k].add(c)
            rel.add(c)
    words = sum(len(g.text.split()) for g in gold.docs)
    return Report(gold.name, len(docs), words, seconds, ent, dict(types), rel, dict(props), covered)
