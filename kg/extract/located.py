"""Where a place or an organization is, read from a phrase: "the Crane Hospital in Salem"
(a name with "in" and a place), "Lakeview, a small town in Oregon", "Acme, a bank in Leeds"
(a name described by a noun of places or organizations, with "in" or, for a place, "of":
"a suburb of Chicago"). Each function takes the block's reader (kg.extract.rules) and one
sentence; the types of the entities decide among the predicates, as for every rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import DESCRIBED_IN_CONFIDENCE, NAMED_IN_CONFIDENCE
from kg.lexicon import TYPE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

# labels of the names a place may be
PLACE_LABELS = ("GPE", "LOC")
# labels of the names that may lie in a place: places, buildings and sites, organizations
LOCATED_LABELS = ("GPE", "LOC", "FAC", "ORG")
# nouns that say a name is a place ("a town in Oregon") or an organization ("a bank in Leeds")
PLACE_NOUNS = frozenset(TYPE_NOUNS["Place"]) - {"capital"}  # "capital": a role noun's
ORG_NOUNS = frozenset(TYPE_NOUNS["Organization"])
KIND_NOUNS = PLACE_NOUNS | ORG_NOUNS


def _preds(label: str) -> tuple[str, ...]:
    """An organization in a place has its seat there; a place, a site, lies in it."""
    if label == "ORG":
        return ("headquarters_location", "located_in")
    return ("located_in", "country")


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
            r.emit(a, p, _preds(mentions[a].label), NAMED_IN_CONFIDENCE, "named-in", sent)


def described_in(r: _Reader, sent: Sentence) -> None:
    """ "Lakeview, a small town in Oregon", "Acme is a bank in Leeds", "a suburb of Chicago"."""
    lemma, pos = r.t.lemma, r.t.pos
    for i in r._within(r._kind_ids, sent):
        if pos[i] != "NOUN":
            continue
        noun = r.sdoc[i]
        place = lemma[i] in PLACE_NOUNS
        preps = ("in", "of") if place else ("in",)
        a = r._named(noun)
        if a is None:
            continue
        preds = ("located_in", "country") if place else ("headquarters_location", "located_in")
        for c in noun.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for pobj in c.children:
                if pobj.dep_ == "pobj" and pobj.i in r.tm:
                    if r.out.mentions[r.tm[pobj.i]].label not in PLACE_LABELS:
                        continue
                    for p in with_outer(r, pobj):
                        r.emit(a, p, preds, DESCRIBED_IN_CONFIDENCE, "described-in", sent)


def with_outer(r: _Reader, tok: Token) -> list[int]:
    """The place a token names and the place in apposition after it ("Aiken, S.C.")."""
    out = [r.tm[tok.i]]
    for c in tok.children:
        m = r.tm.get(c.i)
        if c.dep_ == "appos" and m is not None and r.out.mentions[m].label in PLACE_LABELS:
            out.append(m)
    return out
