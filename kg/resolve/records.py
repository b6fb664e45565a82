"""What resolution hands on and what a Resolver keeps between batches.

The store pickles a Resolver with each version: ``_Name``, ``_Fact``, ``EntityRecord``,
``Snapshot`` and ``Merge`` are part of that file's format (their names too, which older stores
refer to through kg.resolve.resolver).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from kg import vocab
from kg.model import Entity, Evidence, Quote, Relation, qualifiers


@dataclass(frozen=True)
class Merge:
    """One line of the merge log: which names became one entity, by which rule, and why."""

    entity_id: str
    name: str
    merged: tuple[str, ...]
    rule: str
    reason: str


@dataclass(frozen=True)
class Resolution:
    """What resolution gives: the entities, the facts between them and the merge log."""

    entities: list[Entity]
    relations: list[Relation]
    merges: list[Merge]
    flagged: list[Relation]  # negated statements: read, recorded, not asserted
    rejected: int  # facts whose types fit none of their predicates
    quotes: list[Quote] = field(default_factory=list)


# Evidence as resolution keeps it: a plain tuple in kg.model.Evidence's field order, made an
# Evidence only for the result (a corpus holds a great many, and the store pickles them). The
# EV_ constants name its places.
Ev = tuple
EV_DOC, EV_SENTENCE, EV_START, EV_END, EV_SUBJECT_SPAN, EV_OBJECT_SPAN = 0, 1, 2, 3, 4, 5
EV_RULE, EV_CONFIDENCE, EV_HEDGED = 6, 7, 8
# the document's publication date, the times the sentence gives and the status it reports
EV_REPORTED, EV_TIMES, EV_STATUS = 9, 10, 11


@dataclass
class _Name:
    """One name key over the corpus: what resolution reads of its mentions, summed in corpus
    order, so that documents added at the end give the sums one pass over all would give."""

    first: str  # the text of its first mention
    count: int = 0
    votes: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    labels: Counter[str] = field(default_factory=Counter)
    spellings: Counter[str] = field(default_factory=Counter)  # for the canonical name
    texts: set[str] = field(default_factory=set)  # for the aliases
    mentions: list[tuple[str, int, int, str]] = field(default_factory=list)
    # the (document, start) of its mentions in a headline (the document's first line or a
    # title block): a surname there may come before the full name that introduces it
    headlined: set[tuple[str, int]] = field(default_factory=set)


class _Fact(NamedTuple):
    """A fact as read, between name keys (resolution decides their entities)."""

    subject: str  # name key
    object: str | None  # name key, or None for a literal
    literal: str | None
    predicates: tuple[str, ...]
    negated: bool
    evidence: Ev
    of: str | None = None  # a position held: the name key of the organisation it is of
    # an object that is a nationality word: the name key of its country, which the fact is
    # about once a document names the country (kg.resolve.demonyms)
    country: str | None = None


# A position held's literal and the entity it is of, joined into one fact key ("chief executive
# officer" of WPP and of Acme are two facts); kg.model.Relation holds them apart again.
OF_SEP = "\x1f"


class QuoteRecord(NamedTuple):
    """A quotation as read, its speaker a name key, or the entity type a pronoun or role
    stands for and the name keys before it that may be the one meant, nearest first."""

    speaker: str  # name key, or "" where ``refer`` says what to look for
    refer: str
    candidates: tuple[str, ...]
    text: str
    direct: bool
    evidence: Ev


class EntityRecord(NamedTuple):
    """An entity without its mentions: what the entities' RDF is made from."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    keys: tuple[str, ...]  # the name keys it was resolved from
    untyped: bool  # named only by the proper-noun finder and typed by nothing


@dataclass
class Snapshot:
    """One result of a Resolver, before it is made into kg.model objects."""

    entities: dict[str, EntityRecord]  # every entity, before names without a type are dropped
    kept: dict[str, EntityRecord]  # the entities of the result
    relations: dict[tuple, tuple[tuple[Ev, ...], float]]  # (subject, predicate, object) ->
    flagged: dict[tuple, tuple[tuple[Ev, ...], float]]  # (evidence, confidence)
    merges: list[Merge]
    rejected: int
    key_entity: dict[str, str]
    quotes: list[tuple[str, QuoteRecord]] = field(default_factory=list)  # (speaker id, quote)


def relation(
    key: tuple,
    evs: Sequence[Ev],
    conf: float,
    entity: Callable[[str], Entity | None],
    *,
    with_evidence: bool = True,
) -> Relation:
    """The Relation of a fact group: its entities (``entity`` gives each by id), its object
    (a position held's organisation split off its literal into ``of``), its qualifiers from
    its evidence, and the evidence itself unless ``with_evidence`` is False."""
    sid, pred, okey = key
    obj = entity(okey) or okey
    of = None
    if isinstance(obj, str) and OF_SEP in obj:
        obj, of_id = obj.split(OF_SEP, 1)
        of = entity(of_id)
    evidence = tuple(Evidence(*e) for e in evs)
    subject = entity(sid)
    assert subject is not None, sid
    return Relation(
        subject,
        pred,
        obj,
        vocab.PREDICATES[pred].wikidata,
        conf,
        evidence if with_evidence else (),
        of=of,
        **qualifiers(evidence),  # type: ignore[arg-type]
    )
