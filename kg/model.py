"""The small, frozen things users hold: documents, mentions, entities, relations, quotes and
evidence."""

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
    # "headline", "heading", "item", "paragraph", "table" (a row of a table), "dateline",
    # "byline", "author" (an author box) or "furniture"
    kind: str
    reason: str = ""  # why a furniture block was dropped, e.g. "language: es (0.97)"


BLOCK_KINDS = (
    "headline", "heading", "item", "paragraph", "table", "dateline", "byline", "author",
    "furniture",
)  # fmt: skip
# Blocks that carry the article's metadata: their names are mentions, but no fact is read
# from them ("WASHINGTON (Reuters) -" does not say that Reuters is in Washington).
METADATA_KINDS = frozenset({"dateline", "byline"})


@dataclass(frozen=True)
class Document:
    """One input text. Offsets everywhere in kg are character offsets into ``text``."""

    id: str
    text: str
    source: str | None = None  # the path it was read from, relative where possible
    title: str | None = None  # the headline, without the site's suffix
    blocks: tuple[Block, ...] = ()
    authors: tuple[str, ...] = ()  # from the page's markup, a byline or an author box
    date: str | None = None  # publication date, ISO 8601 ("2026-06-03" or "2026-06-03T14:35")
    site: str | None = None  # the publisher: the site's name or the wire agency
    language: str | None = None  # ISO 639-1 code of the main text
    url: str | None = None  # the canonical URL
    description: str | None = None
    encoding: str | None = None  # how the file was encoded ("utf-8", "cp1252", "utf-16", ...)
    place: str | None = None  # the dateline's place ("WASHINGTON", "SIALKOT, Pakistan")

    @property
    def headline(self) -> str | None:
        return self.title

    @property
    def is_news(self) -> bool:
        """Whether the document reads as a news article (a dateline, a byline or a date)."""
        return bool(self.place or self.authors or self.date)

    @property
    def kept(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind != "furniture")

    @property
    def dropped(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "furniture")


@dataclass(frozen=True)
class Skipped:
    """An input left out of a build, and why: a bad file, an unreadable folder, a bad record."""

    path: str  # the file or folder, with ":LINE" for a JSON Lines record
    reason: str


@dataclass
class ReadReport:
    """What reading a corpus left out: every skipped input, and the files of other kinds."""

    skipped: list[Skipped] = field(default_factory=list)
    other_kinds: dict[str, int] = field(default_factory=dict)  # suffix -> count

    def other_kinds_line(self) -> str:
        """'12 files of other kinds left out: .sgm 10, .pdf 2', or '' when there were none."""
        n = sum(self.other_kinds.values())
        if not n:
            return ""
        kinds = sorted(self.other_kinds.items(), key=lambda kv: (-kv[1], kv[0]))
        listed = ", ".join(f"{k} {v}" for k, v in kinds)
        return f"{n} file{'' if n == 1 else 's'} of other kinds left out: {listed}"

    def as_dict(self) -> dict[str, object]:
        return {
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "other_kinds": dict(sorted(self.other_kinds.items())),
        }


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


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker: quoted (``direct``) or reported ("X said that ...",
    "according to X, ..."). The evidence's subject span is where the speaker is named (a
    name, or the "he" or "the minister" its rule resolved), its object span the words."""

    speaker: Entity
    text: str
    direct: bool
    evidence: Evidence
