"""The small, frozen things users hold: documents, mentions, entities, relations and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "Organization", "Place", "Product", "Event", "Work", "Other"]
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Organization",
    "Place",
    "Product",
    "Event",
    "Work",
    "Other",
)


@dataclass(frozen=True)
class Block:
    """A span of a document's text: a heading, list item or paragraph, kept or dropped."""

    start: int
    end: int
    kind: str  # "heading", "item", "paragraph" or "furniture"
    reason: str = ""  # why a furniture block was dropped, e.g. "language: es (sobre, cada)"


@dataclass(frozen=True)
class Document:
    """One input text. Offsets everywhere in kg are character offsets into ``text``."""

    id: str
    text: str
    source: str | None = None  # the path it was read from, relative where possible
    title: str | None = None
    blocks: tuple[Block, ...] = ()

    @property
    def kept(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind != "furniture")

    @property
    def dropped(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "furniture")


@dataclass(frozen=True)
class Mention:
    """One place a name occurs: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """One real thing: a node of the graph."""

    id: str  # stable and IRI-safe
    name: str  # canonical name
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and the two mentions, as document offsets."""

    doc_id: str
    sentence: str
    start: int
    end: int
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    rule: str = ""  # which extraction rule produced it
    confidence: float = 1.0
    hedged: bool = False  # "may", "reportedly", ...: said, but not as a plain fact


@dataclass(frozen=True)
class Relation:
    """A typed fact ``subject predicate object`` with the evidence for it."""

    subject: Entity
    predicate: str  # a name from kg.vocab.PREDICATES
    object: Entity | str | int | float  # an Entity, or a literal (ISO date string, number)
    wikidata: str | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()

    @property
    def is_literal(self) -> bool:
        return not isinstance(self.object, Entity)

    @property
    def key(self) -> tuple[str, str, str]:
        obj = self.object.id if isinstance(self.object, Entity) else repr(self.object)
        return (self.subject.id, self.predicate, obj)
