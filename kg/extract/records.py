"""What extraction hands to resolution: a document's mentions and facts before resolution, and
the candidate pairs the relation model scored (kept for training)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.model import Document, Time

# The relation model's rule: a pair read within one sentence, and one named only in different
# sentences, which are right at different rates for one probability (kg.resolve.calibration).
MODEL, MODEL_ACROSS = "model", "model:across"


@dataclass(slots=True)
class Candidate:
    """An ordered pair of names (and the mentions that stand for them) with its features."""

    subject: int  # mention index
    object: int | str  # mention index, or an ISO date
    object_span: tuple[int, int]
    sentence: tuple[int, int]  # document offsets of the sentence (or passage) it was read in
    features: list[str]
    names: tuple[tuple[str, ...], tuple[str, ...]]  # the pair's mention texts, for training
    # the verbs on the path joining them (token indexes in the block), for hedges and negation
    verbs: tuple[int, ...] = ()


@dataclass
class RawMention:
    """A name in a document, before resolution decides which entity it is."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    votes: Counter[str] = field(default_factory=Counter)
    zone: str = "body"  # "body", or "title" for headings and list-item labels
    sent: tuple[int, int] = (0, 0)
    kind: str = ""  # the noun the text describes it by ("X, a town in ..."), if any
    surface: str = ""  # the document's own characters at start:end (text is the tidied name)
    team: bool = False  # the words around it use it for a sports team ("Stuttgart coach")
    # a town's name not where something is ("he led Mainz to promotion", not "in Mainz"): a
    # team's in a sports report, where spaCy reads it as a person's or an organization's
    # (kg.extract.types.sports_teams)
    town: bool = False
    alias: str = ""  # another name the text gives it: a body's words ("China's foreign ministry")
    # one capitalised word of the language where its capital says nothing ("Clashes" first in
    # a sentence, "Attack" in a title-case headline; kg.extract.plain_words)
    plain: str = ""  # "", or kg.extract.plain_words.HEADLINE or FIRST
    # the type model's move of the label's vote (kg.extract.types.model_votes): the type it
    # moved to and the weight it gave ("": none), so a document-level cue can take it back
    moved: str = ""
    moved_weight: float = 0.0
    # within a credit that ends a line ("(AP, AFP)", kg.extract.credits.end_credits): the
    # story's source, which makes no fact with its people and places and defines no acronym
    credit: bool = False


@dataclass(frozen=True)
class RawFact:
    """A fact between two mentions (indexes into the document's mentions) or a literal."""

    subject: int
    predicates: tuple[str, ...]  # in order of preference; resolution keeps the first that fits
    object: int | str
    rule: str
    confidence: float
    sentence: tuple[int, int]
    object_span: tuple[int, int]
    hedged: bool = False
    negated: bool = False
    # the times attached to the fact's word, resolved against the publication date:
    # (role, time), role one of kg.model.TIME_ROLES
    times: tuple[tuple[str, Time], ...] = ()
    status: str | None = None  # an acquisition's or a departure's (kg.model.STATUSES)
    of: int | None = None  # a position held: the mention of the organisation it is of


@dataclass(frozen=True)
class RawQuote:
    """Words attributed to a speaker, before resolution decides the speaker's entity.

    The speaker is a mention (an index), or, for "he said" or "the ministry said", the type
    of entity it stands for (``refer``) and the mentions before it that may be the one meant,
    nearest first (``candidates``): resolution takes the first whose entity has that type.
    """

    speaker: int | None
    text: str
    direct: bool
    rule: str
    confidence: float
    sentence: tuple[int, int]  # document offsets of the passage: attribution and words
    speaker_span: tuple[int, int]
    quote_span: tuple[int, int]
    refer: str = ""  # "Person" or "Organization" where ``speaker`` is None
    candidates: tuple[int, ...] = ()
    # a body of a place the speaker is (kg.extract.bodies), until the document's end gives
    # it a mention: its index among the bodies read
    body: int = -1


@dataclass
class DocExtraction:
    document: Document
    mentions: list[RawMention] = field(default_factory=list)
    facts: list[RawFact] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # kept for training
    mention_features: list[list[str]] = field(default_factory=list)  # likewise
    quotes: list[RawQuote] = field(default_factory=list)
    # what kg.extract.quotes keeps between a document's paragraphs while it reads them
    reading: object = None
