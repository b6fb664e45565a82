"""The verb rules' table: which verbs say which facts, between which of their arguments, and
how sure each reading is (kg.extract.rules applies it)."""

from __future__ import annotations

from typing import NamedTuple

from kg.defaults import TEAM_PLAYER_CONFIDENCE
from kg.lexicon import PLAYING_VERBS


class VerbRule(NamedTuple):
    """A verb's reading: the roles of the fact's subject and object, its predicates in order of
    preference, and its confidence."""

    subject: str
    object: str
    predicates: tuple[str, ...]
    confidence: float


# verb lemma -> (role of the fact's subject, role of its object, predicates in preference).
# Roles: "subj" the doer, "obj" what is done to (a passive's subject too), "prep:X" the object
# of preposition X, "date" a date attached to the verb, "unit" what is done to where its name is
# a unit's ("TBD Lab"). Each confidence rates its construction.
VERB_RULES: dict[str, list[VerbRule]] = {}
TEAM_PREDICATE = "member_of_sports_team"


def _rule(lemmas: str, a: str, b: str, preds: str, conf: float) -> None:
    for lemma in lemmas.split():
        VERB_RULES.setdefault(lemma, []).append(VerbRule(a, b, tuple(preds.split()), conf))


_rule(
    "found cofound co-found establish form start create incorporate",
    "obj",
    "subj",
    "founded_by",
    0.8,
)
# "The agency was created in 1965": inception's domain (organizations and products) keeps
# "created jobs in 2020" and "created a character in 1938" out
_rule(
    "found cofound co-found establish form start incorporate launch create",
    "obj",
    "date",
    "inception",
    0.8,
)
_rule("launch create", "obj", "subj", "founded_by", 0.65)
# "Acme established the Acme AI Lab": a unit (its name ends in "Lab", "Division", ...) that an
# organization founds is part of it; the object's role "unit" is such a name. A little below
# founding itself (0.8): a unit one founds may stand apart from it (a joint venture, a fund).
_rule(
    "found cofound co-found establish form start create launch",
    "unit",
    "subj",
    "parent_organization",
    0.75,
)
_rule(
    "release unveil launch develop build introduce ship debut design create roll unveil announce",
    "obj",
    "subj",
    "developer",
    0.75,
)
_rule("manufacture produce make assemble", "obj", "subj", "manufacturer developer", 0.7)
_rule("appoint name tap promote elect nominate choose select", "obj", "subj", "appointed_by", 0.8)
_rule("appoint name hire tap recruit promote poach", "obj", "subj", "employer", 0.7)
_rule("lead head run oversee manage direct chair helm", "obj", "subj", "director_manager", 0.75)
# "Doe heads Acme": who heads an organization works for it, as "Doe, the head of Acme" reads
# (the leader nouns' "holder" fact); a little below heading itself. Not "lead" ("led the
# rebels", "led the team to the title") nor "oversee" (a regulator oversees what it is not of).
_rule("head run manage direct chair helm", "subj", "obj", "employer", 0.7)
_rule("acquire buy purchase own", "obj", "subj", "owned_by", 0.75)
# departures: the employment they end (status "ended", and an end time where one is given)
_rule("leave quit exit", "subj", "obj", "employer", 0.7)
_rule("resign retire depart step", "subj", "prep:from", "employer", 0.7)
# successions ("X succeeded Y as chief executive", "Y was replaced by X")
_rule("succeed replace", "subj", "obj", "replaces", 0.75)

# "Acme appointed Jane Doe as chief executive, replacing John Smith": a succession hung from a
# verb of appointment is the appointee's, the verb's object, not the appointing body's.
SUCCEEDING = frozenset({"succeed", "replace"})
APPOINTING = frozenset("appoint name tap promote elect nominate choose select hire recruit".split())
# mergers ("X merged into Y", "X was merged into Y")
_rule("merge", "subj", "prep:into", "merged_into", 0.75)
_rule("merge", "obj", "prep:into", "merged_into", 0.75)
_rule("work", "subj", "prep:for", "employer", 0.8)
_rule("work teach", "subj", "prep:at", "employer", 0.75)
# "has covered education for the AP", "writes for The Guardian": a journalist's employer. On the
# tuning parts the rules alone read 1 such fact (right): too few to measure, so a little below
# "works for" (0.8).
_rule("cover write report", "subj", "prep:for", "employer", 0.7)
_rule("join", "subj", "obj", "employer member_of", 0.65)
# "scored for Hamburg", "signed for Everton": the team the subject plays for (kg.extract.rules
# names these readings "team:", the family of the players' nouns, kg.extract.roles.players)
_rule(" ".join(sorted(PLAYING_VERBS)), "subj", "prep:for", TEAM_PREDICATE, TEAM_PLAYER_CONFIDENCE)
_rule("bear", "obj", "prep:in", "place_of_birth", 0.85)
_rule("bear", "obj", "date", "date_of_birth", 0.85)
_rule("die", "subj", "date", "date_of_death", 0.8)
# "died in Lyon": the place of death (a date after "in" is the date's rule's, above); a little
# below "born in" (0.85): "died in Iraq" of a soldier may name a country, not the town
_rule("die", "subj", "prep:in", "place_of_death", 0.75)
_rule("live reside", "subj", "prep:in", "residence", 0.8)
_rule("move relocate", "subj", "prep:to", "residence", 0.5)
_rule("base headquarter", "obj", "prep:in", "headquarters_location", 0.85)
_rule("locate situate", "obj", "prep:in", "located_in headquarters_location", 0.75)
# "a trio consisting of A, B and C", "the alliance comprises A and B", "a board composed of A
# and B": the whole's parts (the parts' "part of" is inferred); a place's places are places it
# contains ("the town consists of Old Ostrava and New Ostrava"). Below the founding verbs
# (0.8): "consists of" lists kinds as often as named members.
_rule("consist", "subj", "prep:of", "contains has_part", 0.7)
_rule("comprise", "subj", "obj", "contains has_part", 0.7)
_rule("compose comprise", "obj", "prep:of", "contains has_part", 0.7)  # "is comprised of"
_rule("marry wed", "subj", "obj", "spouse", 0.8)
_rule("marry wed", "obj", "subj", "spouse", 0.8)
_rule("marry", "obj", "prep:to", "spouse", 0.8)
_rule("study graduate", "subj", "prep:at", "educated_at", 0.75)
_rule("graduate", "subj", "prep:from", "educated_at", 0.75)
_rule("attend", "subj", "obj", "educated_at", 0.6)
_rule("kill murder assassinate shoot slay stab strangle execute", "obj", "subj", "killed_by", 0.8)
# "beaten to death", "clubbed to death", "hacked to death": verbs of wounding that kill only
# where a fatal word says so (kg.extract.killings.fatal); "X beat Y" alone is a win.
FATAL_ONLY = frozenset("beat bludgeon club hack".split())
_rule(" ".join(sorted(FATAL_ONLY)), "obj", "subj", "killed_by", 0.8)
