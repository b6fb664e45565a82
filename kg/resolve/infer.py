"""Inference: facts that follow from others by the meaning of the Wikidata properties
(inverse properties, chains of places, implications such as "located in" a country ->
"country", a nationality word's facts as its country's), and how several readings of one fact
combine."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from kg import vocab
from kg.defaults import (
    INFERENCE_ROUNDS,
    INFERRED,
    MAX_CONFIDENCE,
    MIN_PREMISE,
    MIN_SHARED_PREMISE,
)
from kg.extract.links import is_country, is_territory
from kg.extract.types import is_nationality
from kg.resolve.records import (
    EV_CONFIDENCE,
    EV_HEDGED,
    EV_OBJECT_SPAN,
    EV_RULE,
    EV_SUBJECT_SPAN,
    EntityRecord,
    Ev,
)

# property -> its inverse: X part_of Y gives Y has_part X.
INVERSES = {
    "part_of": "has_part",
    "has_part": "part_of",
    "participant": "participant_in",
    "participant_in": "participant",
    "follows": "followed_by",
    "followed_by": "follows",
    "sibling": "sibling",
    "spouse": "spouse",
    "father": "child",
    "mother": "child",
    "capital": "capital_of",
    "capital_of": "capital",
    "performer": "notable_work",
    "author": "notable_work",
    "composer": "notable_work",
    "director": "notable_work",
    "characters": "present_in_work",
    "contains": "located_in",
    "subsidiary": "parent_organization",
    "parent_organization": "subsidiary",
    "owned_by": "owner_of",
    "owner_of": "owned_by",
    "replaces": "replaced_by",
    "replaced_by": "replaces",
}


class Chain(NamedTuple):
    """X ``first`` Y and Y ``then`` Z give X ``gives`` Z."""

    first: str
    then: str
    gives: str


# A nationality word ("Canadian") and the country it names ("Canada", linked by demonym_of)
# share their facts of these predicates as objects ("a Canadian city": located in both) ...
DEMONYM_OBJECTS = (
    "country",
    "located_in",
    "country_of_citizenship",
    "applies_to_jurisdiction",
    "country_of_origin",
    "basin_country",
)
# ... and of these as subjects. Re-DocRED's gold holds a word's fact for its country 86-100 %
# of the time (documents 0-399), a country's for its word 53-63 %; DWIE's news annotates a
# fact through the word ("in0-x") beside the country's: copied both ways, its facts' F1 (even
# half) went from 26.1 to 28.1, Re-DocRED 300-399's from 29.4 to 29.8.
DEMONYM_SUBJECTS = (
    "contains",
    "part_of",
    "has_part",
    "member_of",
    "head_of_state",  # "French President X": the word's head is France's
    "head_of_government",
)
# A country's facts its word takes: those the word says of a person, a place or a body ("a
# French actor", "a German city", "a Canadian law"), which Re-DocRED and DWIE's news both
# annotate through the word. Not a place's country, origin or basin ("Beijing country
# Chinese") nor what a country contains or is part of ("Chinese contains Beijing"): the word
# is no place, and on Re-DocRED 0-399 those copies were right 4 times in 27 where asserted.
# With the word kept out of "country" and "located in" implications below, Re-DocRED 0-399's
# asserted facts right 91.8 % -> 93.2 % (2,312 / 207 -> 2,303 / 169), relation F1 63.8 ->
# 64.0; DWIE's news 86.2 % -> 87.0 %, 33.2 -> 33.3; CoNLL04 train + dev 93.3 % -> 93.7 %.
TO_WORD_OBJECTS = ("country_of_citizenship", "located_in", "applies_to_jurisdiction")
TO_WORD_SUBJECTS = ("member_of",)
# The rule a word's fact given to its country is named by, and the one a country's fact given
# to its word is: the evidence says which way the fact went.
DEMONYM_RULE = "demonym_of"
TO_WORD_RULE = "demonym_of to the word"

CHAINS = (
    Chain("located_in", "located_in", "located_in"),
    Chain("located_in", "country", "country"),
    # a mountain range, island or lake lies where the land under it does
    Chain("located_on_terrain", "located_in", "located_in"),
    Chain("located_on_terrain", "country", "country"),
    # an organization lies where its head office does
    Chain("headquarters_location", "located_in", "located_in"),
    Chain("headquarters_location", "country", "country"),
    # a person born in a country's town, or in a country's political party, is its citizen
    Chain("place_of_birth", "country", "country_of_citizenship"),
    Chain("member_of_political_party", "country", "country_of_citizenship"),
)


class Implies(NamedTuple):
    """X ``premise`` Y gives X ``gives`` Y (Y ``gives`` X where ``inverse``), where ``when``
    holds: "country" (the object, Y, names a country), "subject country" (X does), "place"
    (the subject is a place or an organization, the object no nationality word) or ""
    (always)."""

    premise: str
    gives: str
    when: str = ""
    inverse: bool = False


IMPLIES = (
    # Wikidata's P17 follows P131 to a country: a place in a country is of that country
    Implies("located_in", "country", "country"),
    # and a place or organization of a country lies in it (the country is the last entity of
    # its located-in chain), not in the country's word: "Treasure Island located in American"
    # was wrong 7 times in 7 on Re-DocRED 0-399
    Implies("country", "located_in", "place"),
    # a capital lies in what it is the capital of
    Implies("capital_of", "located_in"),
    # a country's head of state, or of government, is its citizen (Re-DocRED 0-399's gold
    # holds the citizenship of 50 of 52 heads of state, 54 of 70 heads of government)
    Implies("head_of_state", "country_of_citizenship", "subject country", inverse=True),
    Implies("head_of_government", "country_of_citizenship", "subject country", inverse=True),
)

# a fact's key: (subject entity id, predicate, object entity id or literal)
Key = tuple


def ev_order(e: Ev) -> tuple:
    """A total order of evidence: kg.model.Evidence's fields but the sentence, which its
    offsets decide (the reported date, times and status as their text: an inverse fact's
    readings of one sentence differ in these alone)."""
    return (e[0], e[2], e[3], e[4], e[5], e[6], e[7], e[8], repr(e[9:]))


# the rule an inverse is given by, before its premise's predicate ("inverse of parent_organization")
INVERSE_OF = "inverse of "


def ev_inferred(e: Ev) -> bool:
    rule = e[EV_RULE]
    return rule.startswith(INVERSE_OF) or " + " in rule


def combine(evs: Iterable[Ev]) -> tuple[tuple[Ev, ...], float]:
    """A fact's evidence, once each and in a total order, and its confidence."""
    ordered = tuple(sorted(set(evs), key=ev_order))
    # readings are independent: each lowers the chance all are wrong; inferences from the
    # same premises are not, so they count once, by the best of them
    miss = 1.0
    for e in ordered:
        if not ev_inferred(e):
            miss *= 1.0 - e[EV_CONFIDENCE]
    miss *= 1.0 - max((e[EV_CONFIDENCE] for e in ordered if ev_inferred(e)), default=0.0)
    return ordered, round(min(MAX_CONFIDENCE, 1.0 - miss), 3)


def infer(
    grouped: dict[Key, tuple[Ev, ...]],
    entities: Mapping[str, EntityRecord],
    confs: dict[Key, float],
) -> dict[Key, list[Ev]]:
    """The inverse and chained facts that follow from ``grouped`` (whose order is the order
    the premises are tried in); their evidence is their premises'. ``confs`` holds each
    fact's best reading."""
    run = _Inference(grouped, entities, confs)
    for _ in range(INFERENCE_ROUNDS):  # chains of chains, a few steps deep
        if not run.step():
            break
    return run.inferred


class _Inference:
    def __init__(
        self,
        grouped: dict[Key, tuple[Ev, ...]],
        entities: Mapping[str, EntityRecord],
        confs: dict[Key, float],
    ) -> None:
        self.entities, self.confs = entities, confs
        self.inferred: dict[Key, list[Ev]] = {}
        self.facts: dict[Key, Sequence[Ev]] = dict(grouped)  # read and inferred

    def conf(self, key: Key) -> float:
        """A fact's best reading."""
        c = self.confs.get(key)
        if c is None:
            c = self.confs[key] = max(e[EV_CONFIDENCE] for e in self.facts[key])
        return c

    def step(self) -> bool:
        """One pass over the facts between entities; whether it inferred any."""
        changed = False
        every = [k for k in self.facts if isinstance(k[2], str) and k[2] in self.entities]
        facts = [k for k in every if self.conf(k) >= MIN_PREMISE]
        by_subject: dict[tuple[str, str], list[Key]] = defaultdict(list)
        for k in facts:
            by_subject[(k[0], k[1])].append(k)
        # the facts a nationality word and its country share, down to a lower premise: the
        # word and the country are two names of one place, not a chain of two readings
        shared_subject: dict[tuple[str, str], list[Key]] = defaultdict(list)
        shared_object: dict[tuple[str, str], list[Key]] = defaultdict(list)
        for k in every:
            if self.conf(k) >= MIN_SHARED_PREMISE:
                shared_subject[(k[0], k[1])].append(k)
                shared_object[(k[2], k[1])].append(k)
        for key in facts:
            sid, pred, oid = key
            evs = self.facts[key]
            inv = INVERSES.get(pred)
            if inv:
                c = INFERRED * self.conf(key)
                changed |= self.add((oid, inv, sid), evs, f"{INVERSE_OF}{pred}", c, swap=True)
            for first, then, gives in CHAINS:
                if pred != first:
                    continue
                for key2 in by_subject.get((oid, then), ()):
                    c = INFERRED * self.conf(key) * self.conf(key2)
                    both = (*evs, *self.facts[key2])
                    changed |= self.add((sid, gives, key2[2]), both, f"{first} + {then}", c)
            if pred == "demonym_of":  # the word and its country share their facts
                for a, b, to in ((sid, oid, DEMONYM_RULE), (oid, sid, TO_WORD_RULE)):
                    objs = DEMONYM_OBJECTS if to == DEMONYM_RULE else TO_WORD_OBJECTS
                    subs = DEMONYM_SUBJECTS if to == DEMONYM_RULE else TO_WORD_SUBJECTS
                    shared = [
                        (k, (k[0], k[1], b)) for p in objs for k in shared_object.get((a, p), ())
                    ]
                    shared += [
                        (k, (b, k[1], k[2])) for p in subs for k in shared_subject.get((a, p), ())
                    ]
                    for k, new in shared:
                        c = INFERRED * self.conf(k)
                        rule = f"{k[1]} + {to}"
                        changed |= self.add(new, (*self.facts[k], *evs), rule, c)
            for rule in IMPLIES:
                if pred == rule.premise and self.holds(rule.when, sid, oid):
                    c = INFERRED * self.conf(key)
                    new = (oid, rule.gives, sid) if rule.inverse else (sid, rule.gives, oid)
                    name = f"{pred} + {rule.when or 'always'}"
                    changed |= self.add(new, evs, name, c, swap=rule.inverse)
        return changed

    def holds(self, when: str, sid: str, oid: str) -> bool:
        """Whether an implication's condition (``Implies.when``) holds of a fact's entities."""
        if when == "country":  # a territory another state holds is no place's country
            name = self.entities[oid].name  # nor is a nationality word ("located in American")
            return is_country(name) and not is_territory(name) and not is_nationality(name)
        if when == "subject country":
            return is_country(self.entities[sid].name)
        if when == "place":
            # a nationality word read as a country ("an American film") is no place to lie in
            if is_nationality(self.entities[oid].name):
                return False
            return self.entities[sid].type in (vocab.PLACE, vocab.ORG)
        return not when

    def add(self, key: Key, evs: Sequence[Ev], rule: str, c: float, swap: bool = False) -> bool:
        """Infer the fact ``key`` from premises with evidence ``evs``, where it is new and its
        entities' types fit; whether it was."""
        sid, pred, oid = key
        s, o = self.entities.get(sid), self.entities.get(oid)
        if key in self.facts or s is None or o is None or sid == oid:
            return False
        if not vocab.fits(pred, s.type, o.type):
            return False
        # an inverse fact's subject is its premise's object: the spans change places too, so
        # that subject_span still points at the subject's name and object_span at the object's
        c = round(c, 3)
        a, b = (EV_OBJECT_SPAN, EV_SUBJECT_SPAN) if swap else (EV_SUBJECT_SPAN, EV_OBJECT_SPAN)
        made = [(*e[:EV_SUBJECT_SPAN], e[a], e[b], rule, c, *e[EV_HEDGED:]) for e in evs]
        self.facts[key] = self.inferred[key] = made
        return True
