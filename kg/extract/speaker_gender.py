"""Whether a name is a man's or a woman's, as its own document says: a courtesy title or a
gendered noun before it ("Mrs Ilves", "his wife Anna Rand") or in the appositive after it
("Rand, a mother of two"), a "his" or "her" after it in its sentence that no other person
named comes between ("Rand lost her seat"), a "He" or "She" opening the next sentence when
the name was its sentence's only person. No list of names: "she said" is not given to one
the document calls a man (kg.extract.speaker_memory)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING

from kg.defaults import GENDER_MARGIN, GENDER_WINDOW
from kg.lexicon import FEMALE_WORDS, MALE_WORDS

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction, RawMention

_PLACES = ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")
_PRONOUNS = {"his": "m", "him": "m", "himself": "m", "her": "f", "hers": "f", "herself": "f"}
_OPENERS = {"He": "m", "She": "f"}
_WORD = re.compile(r"[A-Za-z]+")
# the word right before a name ("Mrs. Ilves", "chairwoman Anna Rand")
_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
# an appositive after a name, to its next comma: ", a 51-year-old professor and mother of two"
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:\"“”()]{1,60})")


def key(text: str) -> str:
    """The word a name shares with its shorter mentions: its last ("Anna Rand", "Rand")."""
    words = text.replace("'s", "").split()
    return words[-1].casefold() if words else ""


def genders(out: DocExtraction) -> dict[str, str]:
    """Each person's name key (``key``) the document gives a gender: "m" or "f"."""
    votes: dict[str, Counter[str]] = {}
    # a person's name the recogniser took for a body's too ("Brandt" as an organisation)
    people = [m for m in out.mentions if m.label not in _PLACES]
    names = sorted(out.mentions, key=lambda m: m.start)
    starts = [m.start for m in names]
    text = out.document.text
    for m in people:
        k = key(m.text)
        if not k or _noun(k.rstrip(".")) is not None:
            continue  # a title read as a name of its own ("Mr.")
        cues = votes.setdefault(k, Counter())
        for word in _WORD.findall(m.text)[:1] + _before(text, m.start, m.sent[0]):
            if (g := _noun(word)) is not None:
                cues[g] += 1
        if (a := _APPOSITIVE.match(text, m.end)) is not None:
            for word in _WORD.findall(a.group(1)):
                if (g := _noun(word)) is not None:
                    cues[g] += 1
        # any other name stops it, whatever the recogniser took it for ("Shaw" as a body)
        j = bisect_left(starts, m.end)
        nxt = next((p for p in names[j:] if key(p.text) != k), None)
        stop = min(m.sent[1] or len(text), m.end + GENDER_WINDOW)
        if nxt is not None:
            stop = min(stop, nxt.start)
        # not after a possessive: "Rand's wife said her ..." is the wife's
        after = "" if text[m.end : m.end + 2] in ("'s", "’s") else text[m.end : stop]
        for word in _WORD.findall(after):
            if (g := _PRONOUNS.get(word.lower())) is not None:
                cues[g] += 1
                break
        if _alone(out.mentions, m, k):
            first = _WORD.match(text[m.sent[1] : m.sent[1] + 12].lstrip())
            if first is not None and first.group(0) in _OPENERS:
                cues[_OPENERS[first.group(0)]] += 1
    out_: dict[str, str] = {}
    for k, c in votes.items():
        if c["m"] > 0 and c["m"] >= GENDER_MARGIN * c["f"]:
            out_[k] = "m"
        elif c["f"] > 0 and c["f"] >= GENDER_MARGIN * c["m"]:
            out_[k] = "f"
    return out_


def _before(text: str, start: int, sent: int) -> list[str]:
    """The word right before offset ``start`` in its sentence (from ``sent``), if any."""
    b = _BEFORE.search(text, max(sent, start - 20), start)
    return [b.group(1)] if b is not None else []


def _noun(word: str) -> str | None:
    w = word.lower()
    return "m" if w in MALE_WORDS else "f" if w in FEMALE_WORDS else None


def _alone(people: list[RawMention], m: RawMention, k: str) -> bool:
    """Whether ``m`` (name key ``k``) is the only name its sentence gives but places'."""
    a, b = m.sent
    return b > a and all(
        key(p.text) == k or p.label in _PLACES or not (a <= p.start < b) for p in people
    )
