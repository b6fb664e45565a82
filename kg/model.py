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
class Time:
    """A time as a text states it: an ISO 8601 value as precise as the text is ("2019",
    "2019-03", "2019-03-05") and that precision ("year", "month" or "day")."""

    value: str
    precision: str

    @classmethod
    def of(cls, value: str) -> Time:
        """The time of an ISO value, its precision read from its length."""
        return cls(value, {4: "year", 7: "month"}.get(len(value), "day"))


# What a time says of a fact: when it began (Wikidata's start time, P580), when it ended (end
# time, P582), or when it happened (point in time, P585).
TIME_ROLES = ("start", "end", "when")
# What became of an acquisition or a stake: announced, agreed, or completed (only then is the
# bought thing owned by the buyer); a departure's fact "ended".
STATUSES = ("announced", "agreed", "completed", "ended")


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
    reported: str | None = None  # the document's publication date: when this was reported
    # the times the sentence attaches to the fact: (role, time), role one of TIME_ROLES
    times: tuple[tuple[str, Time], ...] = ()
    status: str | None = None  # one of STATUSES, where the sentence gives one


@dataclass(frozen=True)
class Relation:
    """A typed fact ``subject predicate object`` with the evidence for it."""

    subject: Entity
    predicate: str  # a name from kg.vocab.PREDICATES
    object: Entity | str | int | float  # an Entity, or a literal (ISO date string, number)
    wikidata: str | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    # the time qualifiers the evidence gives: the earliest start, the latest end, the
    # earliest point in time
    start: Time | None = None
    end: Time | None = None
    when: Time | None = None
    status: str | None = None  # the furthest status the evidence reports (STATUSES)
    of: Entity | None = None  # the organisation a position held is of (Wikidata's P642)

    @property
    def is_literal(self) -> bool:
        return not isinstance(self.object, Entity)

    @property
    def key(self) -> tuple[str, str, str]:
        obj = self.object.id if isinstance(self.object, Entity) else repr(self.object)
        if self.of is not None:  # "chief executive officer" of one company and of another
            obj = f"{obj} of {self.of.id}"
        return (self.subject.id, self.predicate, obj)

    @property
    def reported(self) -> str | None:
        """The earliest publication date among the documents that report the fact."""
        return min((e.reported for e in self.evidence if e.reported), default=None)


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker: quoted (``direct``) or reported ("X said that ...",
    "according to X, ..."). The evidence's subject span is where the speaker is named (a
    name, or the "he" or "the minister" its rule resolved), its object span the words."""

    speaker: Entity
    text: str
    direct: bool
    evidence: Evidence


def qualifiers(evidence: tuple[Evidence, ...]) -> dict[str, object]:
    """A fact's time qualifiers and status from its evidence: the earliest start, the latest
    end, the earliest point in time, and the furthest status (``Relation``'s fields)."""
    out: dict[str, object] = {}
    if not any(e.times or e.status for e in evidence):
        return out  # most facts: no time, no status
    for role, pick in (("start", min), ("end", max), ("when", min)):
        times = [t for e in evidence for r, t in e.times if r == role]
        if times:
            out[role] = pick(times, key=lambda t: t.value)
    statuses = [e.status for e in evidence if e.status]
    if statuses:
        out["status"] = max(statuses, key=STATUSES.index)
    return out
