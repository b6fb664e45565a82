"""Where a place, a site or an organization lies, read from a phrase: "the Crane Hospital in
Salem" (a name with "in" and a place), "Lakeview, a small town in Oregon", "Norvale is a
suburb of Chicago" (a name described by a noun of places, with "in" or "of"). Each function
takes the block's reader (kg.extract.rules) and one sentence. An organization "in" a place
lies there (P131) rather than has its head office there: on the tuning parts the head office
was right 16 times in 60, the place 31 in 50."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.defaults import (
    DESCRIBED_IN_CONFIDENCE,
    NAMED_IN_CONFIDENCE,
    PLACE_BESIDE_CONFIDENCE,
)
from kg.extract.links import is_country
from kg.lexicon import COMPASS_WORDS, DIVISION_NOUNS, TYPE_NOUNS
from kg.names import place_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

LOCATED_IN = ("located_in", "country")
COUNTRY = ("country",)
# labels of the names a place may be
PLACE_LABELS = ("GPE", "LOC")
# labels of the names that may lie in a place: places, buildings and sites, organizations
LOCATED_LABELS = ("GPE", "LOC", "FAC", "ORG")
# nouns that say a name is a place ("a town in Oregon"); "capital" is a role noun's
PLACE_NOUNS = frozenset(TYPE_NOUNS["Place"]) - {"capital"}
# the words between a place and the place it lies in, read from the text ("Whitefish in
# northwest Montana", "Perugia in Umbria province", "Haifa in the north of Israel" is not)
_REGION_WORDS = "|".join(sorted(COMPASS_WORDS | {"central", "upstate", "downstate"}))
_IN_WORDS = re.compile(rf"in(?: the)?(?: (?:{_REGION_WORDS}))?")
# the words between the items of a list of names
LIST_GAPS = (",", "and", "or", ", and", ", or")
# nouns that describe a name as a place lying in another ("a hamlet in the town of Guilderland")
DESCRIBED_NOUNS = PLACE_NOUNS | DIVISION_NOUNS
# labels of the names on either side of a noun of divisions ("the Canadian province of
# Alberta"; "the Donetsk region", a run of proper nouns the recogniser left out, is a NAME)
DIVISION_LABELS = ("GPE", "LOC", "NORP", "NAME")
# how the parse hangs a name before such a noun ("Canadian" is an adjective)
_BEFORE_DEPS = ("compound", "amod", "nmod")


def places_in(r: _Reader, sent: Sentence) -> None:
    """ "the Crane Hospital in Salem", "Aiken in South Carolina": a name with "in" a place."""
    dep, lower, head, tm = r.t.dep, r.t.lower, r.t.head, r.tm
    mentions = r.out.mentions
    for i in r._within(r._named_ids, sent):
        if dep[i] != "pobj" or lower[head[i]] != "in" or dep[head[i]] != "prep":
            continue
        owner = head[head[i]]
        a, b = tm.get(owner), tm[i]
        if a is None or a == b or mentions[b].label not in PLACE_LABELS:
            continue
        if mentions[a].label not in LOCATED_LABELS or mentions[a].end > mentions[b].start:
            continue
        for p in with_outer(r, r.sdoc[i]):
            lies_in(r, a, p, NAMED_IN_CONFIDENCE, "named-in", sent)
    # "the Crane Hospital in the town of Salem": the place a noun of divisions names
    for i in r._within(r._division_ids, sent):
        if dep[i] != "pobj" or lower[head[i]] != "in" or dep[head[i]] != "prep":
            continue
        a = tm.get(head[head[i]])
        if a is None or mentions[a].label not in LOCATED_LABELS:
            continue
        for p in named_place(r, r.sdoc[i]):
            if p != a and mentions[a].end <= mentions[p].start:
                lies_in(r, a, p, NAMED_IN_CONFIDENCE, "named-in", sent)


def described_in(r: _Reader, sent: Sentence) -> None:
    """ "Lakeview, a small town in Oregon", "Norvale is a suburb of Chicago", "Westmere is a
    hamlet in the town of Guilderland"."""
    for i in r._within(r._division_ids, sent):
        if r.t.pos[i] != "NOUN":
            continue
        noun = r.sdoc[i]
        a = r._named(noun)
        if a is None:
            continue
        for c in noun.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "of"):
                continue
            for pobj in c.children:
                if pobj.dep_ != "pobj":
                    continue
                for p in named_place(r, pobj):
                    if p != a:
                        lies_in(r, a, p, DESCRIBED_IN_CONFIDENCE, "described-in", sent)


def division_of(r: _Reader, sent: Sentence) -> None:
    """ "the Donetsk region of Ukraine", "the Canadian province of Alberta": a noun of
    divisions between two places, one named before it and one by its "of". The one that is a
    country (or a nationality word) holds the other; neither or both, no fact ("the California
    town of Ojai": the parse reads both ways alike)."""
    mentions = r.out.mentions
    for i in r._within(r._division_ids, sent):
        noun = r.sdoc[i]
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DIVISION_NOUNS:
            continue
        before = [r.tm[c.i] for c in noun.children if c.dep_ in _BEFORE_DEPS and c.i in r.tm]
        of = [
            r.tm[p.i]
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.i in r.tm
        ]
        if len(before) != 1 or len(of) != 1 or before[0] == of[0]:
            continue
        a, b = before[0], of[0]
        if not all(mentions[m].label in DIVISION_LABELS for m in (a, b)):
            continue
        country_a, country_b = is_country(mentions[a].text), is_country(mentions[b].text)
        if country_a != country_b:
            inner, outer = (b, a) if country_a else (a, b)
            lies_in(r, inner, outer, DESCRIBED_IN_CONFIDENCE, "described-in:division", sent)


def named_place(r: _Reader, tok: Token) -> list[int]:
    """The places a token names: a place's name, with the place in apposition after it
    ("Aiken, S.C."), or a noun of divisions with the name its "of" or a name before it gives
    ("the U.S. state of Oregon", "the town of Guilderland, Albany County", "the Lazio
    region")."""
    m = r.tm.get(tok.i)
    if m is not None:
        return with_outer(r, tok) if r.out.mentions[m].label in PLACE_LABELS else []
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DIVISION_NOUNS:
        return []
    # the noun says the name is a place, whatever the recogniser's label ("the town of Salem")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            of = next((p for p in c.children if p.dep_ == "pobj"), None)
            return [r.tm[of.i]] if of is not None and of.i in r.tm else []
    for c in tok.children:
        if c.dep_ == "compound" and c.i in r.tm:
            return [r.tm[c.i]]
    return []


def lies_in(r: _Reader, a: int, b: int, conf: float, rule: str, sent: Sentence) -> None:
    """``a`` lies in place ``b``: located in it, and where ``b`` is a country, in that
    country too (Wikidata's "country", P17, beside "located in", P131: "Malatya, Turkey")."""
    r.emit(a, b, LOCATED_IN, conf, rule, sent)
    if is_country(r.out.mentions[b].text):
        r.emit(a, b, COUNTRY, conf, rule, sent)


def with_outer(r: _Reader, tok: Token) -> list[int]:
    """The place a token names and the place in apposition after it ("Aiken, S.C.")."""
    out = [r.tm[tok.i]]
    for c in tok.children:
        m = r.tm.get(c.i)
        if c.dep_ == "appos" and m is not None and r.out.mentions[m].label in PLACE_LABELS:
            out.append(m)
    return out


def beside(r: _Reader, sent: Sentence) -> None:
    """ "100 miles from Reno, Nev.": a place, a comma and a place, where the parse does not
    make the second an apposition (kg.extract.phrases.places reads those); not in a list
    ("Brazoria, Fort Bend, Galveston and Harris counties")."""
    mentions, off = r.out.mentions, r.offset
    ms = sorted({r.tm[i] for i in r._within(r._named_ids, sent)}, key=lambda m: mentions[m].start)

    def gap(x: int, y: int) -> str:
        return r.text[mentions[x].end - off : mentions[y].start - off].strip()

    for k in range(len(ms) - 1):
        a, b = ms[k], ms[k + 1]
        if mentions[a].label not in PLACE_LABELS or mentions[b].label not in PLACE_LABELS:
            continue
        if is_country(mentions[a].text):
            continue  # "France, Germany": a country lies in no other
        if _IN_WORDS.fullmatch(gap(a, b)) and not (_city(r, a) and _city(r, b)):
            # "Whitefish in northwest Montana", where the parse hangs "in" elsewhere; not two
            # cities ("beat Boston in Chicago": teams)
            lies_in(r, a, b, NAMED_IN_CONFIDENCE, "named-in:words", sent)
            continue
        if gap(a, b) != "," or mentions[b].label != "GPE":
            continue
        tail = r.text[mentions[b].end - off : mentions[b].end - off + 5].lstrip(" ,")
        if tail.startswith(("and ", "or ")) or ends_list(r, b):
            continue
        if k + 2 < len(ms) and gap(b, ms[k + 2]) in LIST_GAPS:
            continue
        if k > 0 and gap(ms[k - 1], a) in LIST_GAPS:
            first = ms[k - 1]
            # "between Salida and Gunnison, Colorado": both lie in the state, where the two
            # are the whole list and no country
            pair = gap(first, a) == "and" and (k < 2 or gap(ms[k - 2], first) not in LIST_GAPS)
            if pair and mentions[first].label in PLACE_LABELS:
                if not is_country(mentions[first].text):
                    lies_in(r, first, b, PLACE_BESIDE_CONFIDENCE, "place-beside:pair", sent)
            continue
        lies_in(r, a, b, PLACE_BESIDE_CONFIDENCE, "place-beside", sent)


# the words that close a list after an item: "Ohio, Texas, and Pennsylvania", "London or Paris"
_LIST_END = re.compile(r"\s*,?\s*(?:and|or)\s+")
_NAME_STARTS = "\"“‘'"


def ends_list(r: _Reader, m: int) -> bool:
    """Whether the name ``m`` is followed by a list's last item ("Ohio, Texas, and
    Pennsylvania", "New York, London, and 'Night Sky'"): a place before it and it are items
    of the list, not a place and the one it lies in. Not where that last item is a place
    with its own place after it ("Reno, Nev., and Boise, Idaho": a list of such pairs), nor
    where what follows is no place ("Dayton, Ohio, and Tom Hale", "and the mayor")."""
    end = r.out.mentions[m].end - r.offset
    close = _LIST_END.match(r.text, end)
    if close is None:
        return False
    span = r.sdoc.char_span(close.end(), close.end() + 1, alignment_mode="expand")
    last = r.tm.get(span.start) if span is not None else None
    if last is None:  # an item named but not recognised ("'Night Sky' variants")
        return r.text[close.end() : close.end() + 1] in _NAME_STARTS
    if r.out.mentions[last].label not in PLACE_LABELS:
        return False
    after = r.out.mentions[last].end - r.offset
    pair = re.match(r",\s*", r.text[after : after + 3])
    if pair is None:
        return True
    span = r.sdoc.char_span(after + pair.end(), after + pair.end() + 1, alignment_mode="expand")
    outer = r.tm.get(span.start) if span is not None else None
    return outer is None or r.out.mentions[outer].label not in PLACE_LABELS


def _city(r: _Reader, m: int) -> bool:
    """Whether a mention names a large city of kg's places table."""
    row = place_name(r.out.mentions[m].text, r.out.mentions[m].label)
    return row is not None and row[1] == "city"
