"""Bodies of a place that speak with no name of their own: "China's foreign ministry said",
"the Chinese foreign ministry said", "the Israeli army said", then "the ministry said".

Such a body is an organisation named by its owner's nationality word (or name, for a country
without one or a city) and its words ("Chinese Foreign Ministry", whichever of the country's
name or nationality word the text used), one per document; the text's own words are an alias
("China's foreign ministry"). A capital before a state's body names its country ("Seoul's
unification ministry"); a government is its country ("the Swiss government"). Its mention is
made only where a quotation is given to it, at the document's end (``settle``): a body that
does not speak ("the French army") is no entity, and the blocks' facts never see it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.records import RawMention
from kg.extract.types import is_nationality
from kg.lexicon import BODY_ADJECTIVES, BODY_NOUNS, BODY_PHRASES, CITY_BODIES, PORTFOLIO_WORDS
from kg.names import PLACES, capitals, name_key, place_name, places

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction
    from kg.extract.tokens import Tokens

# how a nationality adjective ends, where the places table also holds the noun ("Danish",
# "Dane"; "Spanish", "Spaniard")
_ADJECTIVE_ENDINGS = ("ish", "ese", "an", "ic", "i", "ch", "ss")
# the words a body's phrase may hold between its owner and its head ("foreign", "defence")
_MODIFIERS = frozenset({"compound", "amod"})


def body_head(tab: Tokens, s: int) -> bool:
    """Whether token ``s`` heads a body's phrase ("ministry", "central bank")."""
    if tab.lemma[s] in BODY_NOUNS or tab.lower[s] in BODY_NOUNS:
        return True
    return s > 0 and f"{tab.lower[s - 1]} {tab.lower[s]}" in BODY_PHRASES


def phrase(
    out: DocExtraction,
    tab: Tokens,
    s: int,
    offset: int,
    token_mention: dict[int, int],
    whole: frozenset[str] = frozenset(),
    holder: int = -1,
) -> tuple[str, tuple[int, int], str] | None:
    """The body the noun ``s`` heads where a place owns it: its name ("Chinese Foreign
    Ministry"), the document offsets of its phrase and the phrase's words ("China's foreign
    ministry"); None where no place comes before its words, or a name does ("Xinhua news
    agency", "the Siemens army of lawyers"). A body of ``whole`` ("the Swiss government")
    speaks for its country: its name is the country's, its words no alias. ``holder``: the
    noun the body's phrase is set before, to which the parse may hang the place ("a Chinese
    foreign ministry spokesman": "Chinese" of "spokesman")."""
    if not body_head(tab, s):
        return None
    owner, place = -1, ""
    kids = list(tab.children[s])
    if holder >= 0:
        kids += [c for c in tab.children[holder] if c < s]
    for c in kids:
        if c < s and tab.dep[c] in ("poss", "amod", "compound", "nmod"):
            found = _place(out, tab, c, token_mention, tab.lemma[s] not in CITY_BODIES)
            if found:
                owner, place = c, found
    if owner < 0:
        return None
    m = token_mention.get(owner)
    end = owner if m is None else max(i for i, k in token_mention.items() if k == m)
    start = owner if m is None else min(i for i, k in token_mention.items() if k == m)
    words: list[str] = []
    first = s
    for i in range(end + 1, s + 1):
        if tab.lower[i] in ("'s", "'", "’s", "’"):
            continue
        if i in token_mention or not tab.orth[i].isalpha():
            return None  # another name, a number: not the place's own body
        if i < s and tab.dep[i] not in _MODIFIERS:
            return None
        if i < s and tab.pos[i] == "ADJ" and not _named_by(tab.lower[i]):
            continue  # "China's new foreign ministry": the ministry's name has no "new"
        first = min(first, i)
        words.append(tab.lower[i])
    if not words:
        return None
    # the body's mention is its own words, not its owner's name ("foreign ministry" of
    # "China's foreign ministry"), which stays the place's; its alias the whole phrase
    a, b = offset + tab.idx[first], offset + tab.end_char[s]
    if words == [tab.lower[s]] and tab.lemma[s] in whole and place in _countries():
        return place, (a, b), ""
    name = " ".join([_demonyms().get(place, place), *(w.capitalize() for w in words)])
    return name, (a, b), " ".join(out.document.text[offset + tab.idx[start] : b].split())


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Each country's nationality word in the places table ("China": "Chinese"); of several,
    an adjective's ending first ("Danish", not "Dane"; "Spanish", not "Spaniard"), then the
    longest."""
    out: dict[str, str] = {}
    rank: dict[str, tuple[bool, int]] = {}
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        country, _, kind = rest.partition("\t")
        r = (word.endswith(_ADJECTIVE_ENDINGS), len(word))
        if kind == "demonym" and (country not in rank or r > rank[country]):
            out[country], rank[country] = word, r
    return out


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The countries of the places table (not its cities)."""
    return frozenset(c for c, kind in places().values() if kind != "city")


def country_named(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int]
) -> int | None:
    """The mention of the country a government's phrase names by its name ("the US
    government"), which is who speaks, as "Canada's government" is Canada; None."""
    for c in tab.children[s]:
        m = token_mention.get(c)
        if c < s and m is not None and tab.dep[c] in ("compound", "nmod", "amod"):
            row = place_name(out.mentions[m].text, out.mentions[m].label)
            if row is not None and row[1] in ("name", "alias", "code") and out.mentions[m].votes:
                return m
    return None


def _named_by(word: str) -> bool:
    """Whether an adjective is a word of a body's name ("foreign", "central")."""
    return word in PORTFOLIO_WORDS or word in BODY_ADJECTIVES


def _place(
    out: DocExtraction, tab: Tokens, c: int, token_mention: dict[int, int], state: bool
) -> str:
    """The place (a country, or a city for its own bodies) a word before a body names: a
    place's name, or a nationality word; a capital's country for a ``state``'s body; ""."""
    m = token_mention.get(c)
    if m is not None:
        text, label = out.mentions[m].text, out.mentions[m].label
        if label not in ("GPE", "NORP", "LOC", "ORG"):
            return ""
        # the recogniser takes a place before a body for an organisation now and then
        # ("Oslo's foreign ministry"): the table's name of a place is a place's
        if label == "ORG":
            row = place_name(text, "GPE")
            if row is None or row[1] == "code":  # "PA", the news agency
                return ""
            label = "GPE"
    else:
        text, label = tab.orth[c], "NORP" if is_nationality(tab.orth[c]) else "GPE"
        if not tab.orth[c][:1].isupper():
            return ""
    text = text.removeprefix("the ").removeprefix("The ")
    row = place_name(text, label)
    if row is not None and row[1] == "city" and state:
        return capitals().get(name_key(text), row[0])
    return row[0] if row is not None else ""


def settle(out: DocExtraction, bodies: list[RawMention]) -> None:
    """Give the quotations of bodies their mentions: a body's, added to the document's
    mentions where one of its quotations was kept."""
    spoken = sorted({q.body for q in out.quotes if q.body >= 0})
    index = {}
    for k in spoken:
        index[k] = len(out.mentions)
        out.mentions.append(bodies[k])
    out.quotes = [
        dataclasses.replace(q, speaker=index[q.body], refer="", candidates=(), body=-1)
        if q.body >= 0
        else q
        for q in out.quotes
    ]


def mention(
    out: DocExtraction, name: str, span: tuple[int, int], words: str, sent: tuple[int, int]
) -> RawMention:
    """A body's mention: an organisation named ``name``, the text's ``words`` an alias; with
    no words, the country it speaks for."""
    d = out.document
    votes: Counter[str] = Counter({"Organization" if words else "Place": 1.0})
    label = "ORG" if words else "GPE"
    alias = "" if words.casefold() == name.casefold() else words
    return RawMention(
        *(d.id, span[0], span[1], name, label, votes, "body", sent),
        surface=d.text[span[0] : span[1]],
        alias=alias,
    )


def read(
    out: DocExtraction,
    tab: Tokens,
    s: int,
    offset: int,
    token_mention: dict[int, int],
    bodies: list[RawMention],
    whole: frozenset[str] = frozenset(),
    holder: int = -1,
) -> int | None:
    """The index among ``bodies`` (the document's, added to if new) of the body the noun
    ``s`` heads where a place owns it, or None (``whole``, ``holder``: see ``phrase``)."""
    found = phrase(out, tab, s, offset, token_mention, whole, holder)
    if found is None:
        return None
    name, span, words = found
    for k, b in enumerate(bodies):
        if b.text == name:
            return k
    sent = tab.sent(s)
    bodies.append(
        mention(out, name, span, words, (offset + sent.start_char, offset + sent.end_char))
    )
    return len(bodies) - 1


def referred(tab: Tokens, s: int, bodies: list[RawMention], before: int) -> int | None:
    """The body "the ministry" or "the foreign ministry" (the noun ``s``) stands for: the
    last one read before offset ``before`` whose name holds its words."""
    if not body_head(tab, s):
        return None
    words = {tab.lower[c] for c in tab.children[s] if tab.dep[c] in _MODIFIERS} | {tab.lower[s]}
    for k in range(len(bodies) - 1, -1, -1):
        own = set(bodies[k].text.lower().split())
        if bodies[k].start < before and words <= own:
            return k
    return None
