"""What a document's reading of speakers keeps from one statement to the next (``Memory``), the
speaker a statement is given (``Speaker``), and the two ways a speaker is found: a name the
phrase gives (``by_name``), or a name before it that resolution picks (``referred``), the
nearest fitting first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from kg.extract.records import RawMention
from kg.extract.referents import nearest, ranked
from kg.extract.speaker_gender import genders, key
from kg.extract.speaker_names import fitted, titled
from kg.extract.tokens import Tokens
from kg.extract.types import CITIES, COUNTRIES
from kg.names import name_key

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction


class Speaker(NamedTuple):
    mention: int | None
    refer: str
    span: tuple[int, int]  # document offsets of the name, pronoun or role noun
    rule: str
    candidates: tuple[int, ...]
    attribution: tuple[int, int] = (0, 0)  # document offsets of the sentence that says so
    verb: int = -1  # document offset of the verb: another verb, another statement
    body: int = -1  # the body of a place it is, among the document's (kg.extract.bodies)


@dataclass
class Memory:
    """What a document's earlier paragraphs leave for the next: the spans of quoted words
    (a name inside them is no one "he" stands for), the names that were a sentence's subject
    (who "he" most often is), whether the last speaker was someone unnamed ("the officer
    said ... He added" is the officer), and a quotation left open (kg.extract.quotes)."""

    quoted: list[tuple[int, int]] = field(default_factory=list)
    subjects: set[int] = field(default_factory=set)
    # the names a speech verb told it to ("he told Bild", "she told Reuters"): who listened,
    # not whom the next "he" or "it" stands for
    listeners: set[int] = field(default_factory=set)
    unnamed: bool = False
    unnamed_at: int = -1  # where that unnamed speaker spoke
    voice: Speaker | None = None  # the body a spokesperson just spoke for: "he" is it too
    # the body that spoke last, by its name or as a state's body: "a spokesman" with no
    # owner of its own speaks for it ("the foreign ministry said ... A spokesman said")
    body_voice: Speaker | None = None
    # named speakers whose sentence gives their name otherwise (kg.extract.speaker_names)
    renamed: dict[int, str] = field(default_factory=dict)
    last: int = -1  # the mention of the last speaker named
    open: object = None
    # the speaker whose statement or quotation ended the last paragraph: quoted words that
    # stand alone in the next are that speaker's (kg.extract.quote_wire)
    after: Speaker | None = None
    paragraphs: int = 0  # the body's paragraphs read so far (kg.extract.quote_leads)
    lead: str = ""  # the kind of the lead's speaker to be named later, if one waits
    bodies: list[RawMention] = field(default_factory=list)  # kg.extract.bodies
    # the names' genders the document gives (kg.extract.speaker_gender), by how many
    # mentions were read when they were counted
    genders: tuple[int, dict[str, str]] = (-1, {})

    def inside(self, at: int) -> bool:
        """Whether the offset ``at`` lies inside a statement or quotation read before it."""
        return any(a <= at < b for a, b in reversed(self.quoted))


def memory(out: DocExtraction) -> Memory:
    if not isinstance(out.reading, Memory):
        out.reading = Memory()
    return out.reading


def unnamed_last(out: DocExtraction, at: int) -> bool:
    """Whether the last to speak before offset ``at`` was someone unnamed ("one elderly man
    said"), with no name a sentence's subject since: "he" is that one."""
    mem = memory(out)
    if not mem.unnamed:
        return False
    return not any(mem.unnamed_at < out.mentions[m].start < at for m in mem.subjects)


def by_name(
    out: DocExtraction,
    tab: Tokens,
    m: int,
    token_mention: dict[int, int],
    rule: str,
    span: tuple[int, int],
) -> Speaker:
    mention = out.mentions[m]
    memory(out).last = m
    name = fitted(out, tab, m, token_mention)
    if name and name != mention.text:
        memory(out).renamed[m] = name
    return Speaker(m, "", (mention.start, mention.end), rule, (), span)


def referred(
    out: DocExtraction,
    kind: str,
    span: tuple[int, int],
    rule: str,
    title: str = "",
    *,
    named: tuple[str, ...] = (),
    placed: bool = False,
    acting: bool = False,
    only: bool = False,
    gender: str = "",
) -> Speaker:
    """A speaker named before ``span``: the mentions that may be it, nearest first, one per
    name, leaving out names inside quoted words ("'I met Obama,' he said" is not Obama); for
    a role ("the minister"), the nearest name the text gave that title first; ``named``:
    only that one or names with one of these words ("the customs agency": "Customs Agency",
    "General Administration of Customs"); ``placed``: only that one or the last speaker;
    ``acting``: only names that were a sentence's subject or the last speaker; ``only``: with
    ``named``, not the last speaker either. ``named``'s words after the first (the body's
    own, "defence" of "the defence ministry") must be in the name, the last speaker's too;
    ``gender`` ("m" or "f", of "he" or "she"): not a name the document gives the other
    gender, nor a country's or a city's ("Kyiv" the recogniser took for a person)."""
    mem = memory(out)
    near = [k for k in nearest(out, span[0], mem.quoted) if k not in mem.listeners]
    found, acted = ranked(out, mem.last, mem.subjects, near)
    # the last named speaker, if among these: "Europol said ... The agency added"
    last = [mem.last] if mem.last in found else []
    if named:
        # "the defence ministry": its own words name it, and the last speaker, the foreign
        # ministry, is another
        words = named[1:] or named
        word = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words), re.IGNORECASE)
        last = [k for k in last if len(named) == 1 or word.search(out.mentions[k].text)]
        found = [k for k in found if word.search(out.mentions[k].text)] + ([] if only else last)
        if not found:
            mem.last = -1  # a body the text never named spoke last: "the ministry" is it
    elif acting:
        found = acted
    elif placed:
        # "the Swiss foreign minister" is the one the text called so, or the last to speak;
        # the nearest other person is too often someone else
        found = last
    if title:
        found = titled(out, title, span[0], mem.quoted) + found
    if gender:
        found = [k for k in found if _may_be(out, k, gender)]
    if kind == "Person":
        # the first that the recogniser took for a person is who "she" most likely is: when
        # resolution types its entity otherwise ("Heidi Groenstein" as a product), a person
        # named before is not who spoke, and the words are better left out
        first = next((i for i, k in enumerate(found) if out.mentions[k].label == "PERSON"), None)
        found = found if first is None else found[: first + 1]
    return Speaker(None, kind, span, rule, tuple(dict.fromkeys(found)), span)


def _may_be(out: DocExtraction, k: int, gender: str) -> bool:
    """Whether mention ``k`` may be whom "he" (``gender`` "m") or "she" ("f") stands for:
    not a name its document gives the other gender (kg.extract.speaker_gender), nor a
    country's or a city's name that is no person's surname in the document ("Kyiv's
    authority", not "Angus Houston ... Houston said")."""
    mem = memory(out)
    if mem.genders[0] != len(out.mentions):
        mem.genders = (len(out.mentions), genders(out))
    name = out.mentions[k].text
    if mem.genders[1].get(key(name), gender) != gender:
        return False
    place = name_key(name)
    if place in CITIES or place in COUNTRIES:
        return any(
            m.label == "PERSON" and len(m.text.split()) > 1 and key(m.text) == key(name)
            for m in out.mentions
        )
    return True
