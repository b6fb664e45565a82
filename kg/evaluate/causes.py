"""Why a gold fact was missed: where the recall is lost before the relation model or after.

A fact can be read only between two kg entities the scorer matches to its two gold entities
(``kg.evaluate.match.Matcher``). Each gold fact no prediction matches gets one cause, the first
that holds:

- ``missing``: one of its entities is named by no kg entity (for a date or number: by no
  literal kg read); ``missing-span`` when a kg mention overlaps one of its gold mentions all the
  same (found, but its name read with other bounds), ``missing-none`` when nothing does;
  ``missing-date`` when the only ones missing are dates written in a form kg's date reader
  reads (``iso_date``): kg keeps no date that no fact has, so whether it found it is not known;
- ``elsewhere``: both are named, but a kg entity naming one is scored as another gold entity
  (merged with it, or its names shared), or both gold entities are one kg entity;
- ``no-fact``: both are kg entities of their own and no fact joins them;
- ``other-predicate``: a fact joins them, with another property (or the other way round).

Each missing argument is also counted by its gold kind (PER, ORG, LOC, TIME, NUM, MISC).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from kg.evaluate.gold import GoldDoc, GoldEntity
from kg.extract.dates import iso_date
from kg.model import Entity, Relation

if TYPE_CHECKING:
    from kg.evaluate.match import Matcher

CAUSES = (
    "missing-span",
    "missing-none",
    "missing-date",
    "elsewhere",
    "no-fact",
    "other-predicate",
)


class Missed(NamedTuple):
    """A gold fact's cause, with its entities' first names, for reading."""

    cause: str
    doc: str
    label: str
    head: str
    tail: str
    note: str  # the missing argument's kind and the kg mention over it, if any


def fn_causes(
    g: GoldDoc,
    match: Matcher,
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    hit: set[int],
) -> tuple[Counter[str], list[Missed]]:
    """(counts by cause and by missing kind, each missed fact) of one document's gold facts
    outside ``hit`` (the indexes of those a prediction matched)."""
    entities, relations = list(entities), list(relations)
    named: set[int] = set()  # gold entities some kg entity or literal names
    scored: set[int] = set()  # gold entities some kg entity is scored as
    for e in entities:
        named |= match.entities(e)
        i = match.entity(e)
        if i is not None:
            scored.add(i)
    joined: set[frozenset[int]] = set()  # gold entity pairs some fact joins, any property
    for r in relations:
        if not isinstance(r.object, Entity):
            v = match.value(r.object)
            if v is not None:
                named.add(v)
                scored.add(v)
        h = match.entity(r.subject)
        t = match.entity(r.object) if isinstance(r.object, Entity) else match.value(r.object)
        if h is not None and t is not None:
            joined.add(frozenset((h, t)))
    spans = [(m.start, m.end, m.text) for e in entities for m in e.mentions]
    counts: Counter[str] = Counter()
    missed: list[Missed] = []
    for n, r in enumerate(g.relations):
        if n in hit:
            continue
        note = ""
        lost = [i for i in (r.head, r.tail) if i not in named]
        if lost:
            over = [_over(g, i, spans) for i in lost]
            cause = "missing-span" if any(over) else "missing-none"
            if all(_readable_date(g.entities[i]) for i in lost):
                cause = "missing-date"
            for i in lost:
                counts[f"kind {g.entities[i].kind or '?'}"] += 1
            note = "; ".join(
                f"{g.entities[i].kind} {g.entities[i].names[0]!r}" + (f" ~ {o!r}" if o else "")
                for i, o in zip(lost, over, strict=True)
            )
        elif r.head not in scored or r.tail not in scored or r.head == r.tail:
            cause = "elsewhere"
        elif frozenset((r.head, r.tail)) in joined:
            cause = "other-predicate"
        else:
            cause = "no-fact"
        counts[cause] += 1
        head, tail = g.entities[r.head].names[0], g.entities[r.tail].names[0]
        missed.append(Missed(cause, g.id, r.label, head, tail, note))
    return counts, missed


def _readable_date(e: GoldEntity) -> bool:
    return e.literal and any(iso_date(n) for n in e.names)


def _over(g: GoldDoc, i: int, spans: list[tuple[int, int, str]]) -> str:
    """The text of a kg mention overlapping one of gold entity ``i``'s mentions ("" if none)."""
    for a, b in g.entities[i].spans:
        for s, e, text in spans:
            if s < b and a < e:
                return text
    return ""


def causes_table(counts: Counter[str], missed: list[Missed], examples: int = 0) -> str:
    """The missed facts by cause (with ``examples`` of each), then the missing arguments by
    kind."""
    total = sum(counts[c] for c in CAUSES)
    lines = [f"missed gold facts by cause: {total}"]
    for c in CAUSES:
        lines.append(f"  {c:16} {counts[c]:6d}  {100 * counts[c] / max(total, 1):5.1f}%")
        for m in [m for m in missed if m.cause == c][:examples]:
            note = f"  [{m.note}]" if m.note else ""
            lines.append(f"      {m.label}: {m.head} -> {m.tail}{note}  ({m.doc})")
    kinds = sorted((k for k in counts if k.startswith("kind ")), key=lambda k: -counts[k])
    by_kind = ", ".join(f"{k[5:]} {counts[k]}" for k in kinds)
    lines.append(f"missing arguments by gold kind: {by_kind}")
    return "\n".join(lines)
