"""Gold data: the dataclasses a gold set is made of, and one reader per gold format.

- DocRED / Re-DocRED JSON: a list of documents with ``sents``, ``vertexSet`` and ``labels``;
- CoNLL04 JSON (the SpERT split): a list of sentences with ``tokens``, ``entities`` and
  ``relations``;
- kg's own JSON Lines: one document a line, ``{"id", "text", "entities": [{"name", "type",
  "aliases"}], "relations": [{"subject", "predicate", "object"}]}``, relations by entity name
  and by kg predicate name or Wikidata id.

Pre-tokenised text is joined with spaces.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg import vocab
from kg.errors import FormatError, InputError, KgError
from kg.extract.dates import iso_date
from kg.model import ENTITY_TYPES, Block, Document
from kg.names import name_key

FORMATS = ("docred", "conll04", "jsonl")
SCORED_TYPES = ("Person", "Organization", "Place")
DOCRED_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
CONLL_TYPES = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}
# CoNLL04's entity types in DocRED's names, the kinds a missed fact's arguments are counted by
CONLL_KINDS = {"Peop": "PER", "Org": "ORG", "Loc": "LOC", "Other": "MISC"}
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
    kind: str = ""  # the dataset's own type (PER, ORG, LOC, TIME, NUM, MISC), where it has one


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
                ents.append(GoldEntity(names, DOCRED_TYPES.get(t), t in ("TIME", "NUM"), spans, t))
            rels = tuple(
                GoldRelation(lab["h"], lab["t"], (lab["r"],), lab["r"]) for lab in d["labels"]
            )
        except (KeyError, IndexError, TypeError) as e:
            raise FormatError(f"{path}: document {n} is not valid DocRED ({e!r})") from None
        out.append(GoldDoc(f"{path.stem}-{n}", text, tuple(ents), rels))
    info = path.with_name("rel_info.json")
    labels = json.loads(info.read_text(encoding="utf-8")) if info.is_file() else {}
    names = {p: f"{p} {lab}" for p, lab in labels.items()}
    # a property outside the dataset's relation types (kg's "director/manager", P1037) can be
    # neither right nor missed there: only the dataset's own are counted, as for CoNLL04
    return GoldSet(path.stem, "docred", tuple(out), names, frozenset(labels) or None)


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
                t = e["type"]
                kind = CONLL_KINDS.get(t, t)
                ents.append(GoldEntity((text[a:b],), CONLL_TYPES.get(t), False, ((a, b),), kind))
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


def as_document(g: GoldDoc) -> Document:
    """The gold text as one kg Document of one paragraph (benchmark text has no furniture)."""
    return Document(id=g.id, text=g.text, blocks=(Block(0, len(g.text), "paragraph"),))
