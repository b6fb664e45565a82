"""Places and bodies a person's public office names, and a resident's place, read as an
employer.

News names an official with the place the office serves: "Colorado Governor Richard Lamm",
"U.S. President Joe Biden". The place is the office's jurisdiction, no employer. A
legislator's party before the noun is their party ("the Labour MP": membership, not an
employer) and the seat after "for" their constituency ("MP for Newcastle Central": no
employer). A name before "resident" or "native" is a place ("Throgs Neck resident Dennise
Laboy"), whatever its label: no employer. A name of a job title is no organization ("Kathy
Pham, Computer Scientist and Product Leader at Mozilla"): no employer either; nor is a body's
bare noun before a post ("David Udell, Group President, Hyatt Hotels"): no fact.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.links import is_country
from kg.extract.ranges import a_people
from kg.extract.records import DocExtraction, RawFact
from kg.extract.tokens import Tokens
from kg.lexicon import (
    GENERIC_BODY_NOUNS,
    LEADER_NOUNS,
    LEGISLATOR_NOUNS,
    OFFICE_NOUNS,
    ORG_SUFFIXES,
    PUBLIC_ATTORNEY_WORDS,
    RESIDENT_NOUNS,
    STAFF_NOUNS,
)

# the dependencies by which a place's name modifies the noun of an office before a name
_MODIFIER = frozenset({"compound", "amod", "nmod", "npadvmod"})
# labels of a name that is a place
_PLACE_LABELS = frozenset({"GPE", "LOC"})
PARTY = "member_of_political_party"
# the nouns of a person's post that end a job title ("Computer Scientist", "Principal
# Consultant"); not a unit's ("Research Lab", "Marine Branch"), which ends a body's name
_POST_NOUNS = frozenset(LEADER_NOUNS) | frozenset(STAFF_NOUNS) | {"founder", "cofounder"}


def settle(out: DocExtraction, tab: Tokens, offset: int, facts_from: int) -> None:
    """Mend the block's facts (those from ``facts_from``) that read an office's place as an
    employer, a legislator's party or seat as an employer, a resident's
    place as an employer, or a job title as an organization."""
    kept = out.facts[:facts_from]
    for f in out.facts[facts_from:]:
        ends = (f.subject, f.object) if isinstance(f.object, int) else (f.subject,)
        if any(_title_word(out, tab, offset, i) for i in ends):
            continue
        if isinstance(f.object, int):
            f = _mended(out, tab, offset, f)
        if f.predicates:
            kept.append(f)
    out.facts[:] = kept


def _mended(out: DocExtraction, tab: Tokens, offset: int, f: RawFact) -> RawFact:
    """The fact without the predicates its object's use in the sentence rules out."""
    preds = f.predicates
    if "employer" not in preds and "residence" not in preds:
        return f
    o = out.mentions[f.object]  # type: ignore[index]
    span = tab.char_span(o.start - offset, o.end - offset)
    if span is None:
        return f
    held, noun = _held_by(tab, span)
    place = o.label in _PLACE_LABELS
    drop: set[str] = set()
    if place and _an_office(tab, noun, o.text):
        drop.add("employer")
    # a country's office ("U.S. President X", "Taiwanese President X") says no home: one may
    # serve it abroad (kg.extract.residence reads a town's or a state's office as one)
    if (is_country(o.text) or a_people((o.text, o.label))) and _an_office(tab, noun, o.text):
        drop.add("residence")
    body = bool(set(o.text.casefold().split()) & GENERIC_BODY_NOUNS)
    if held in LEGISLATOR_NOUNS and "employer" in preds and not body:
        # "the Labour MP": their party; "the MP for Newcastle Central": their seat
        by_for = tab.lower[tab.head[tab.root(*span)]] == "for"
        preds = tuple(dict.fromkeys(PARTY if p == "employer" and not by_for else p for p in preds))
        drop |= {"employer"} if by_for else set()
    if held in RESIDENT_NOUNS or _job_title(o.text):
        drop.add("employer")
    if not drop and preds == f.predicates:
        return f
    return replace(f, predicates=tuple(p for p in preds if p not in drop))


def _held_by(tab: Tokens, span: tuple[int, int]) -> tuple[str, int]:
    """The lower-cased noun the name modifies ("Colorado Governor", "the Labour MP") or whose
    "for" it follows ("MP for Newcastle Central"), and its token; ("", -1) for none."""
    root = tab.root(*span)
    head = tab.head[root]
    if tab.dep[root] == "pobj" and tab.lower[head] == "for" and tab.head[head] != head:
        noun = tab.head[head]
        return tab.lower[noun].rstrip("."), noun
    if tab.dep[root] in _MODIFIER and not span[0] <= head < span[1] and head > root:
        return tab.lower[head].rstrip("."), head
    return "", -1


def _an_office(tab: Tokens, noun: int, place: str) -> bool:
    """Whether token ``noun``, which the place's name modifies, names a public office:
    "attorney" only as "District Attorney", "Attorney General" or a country's ("U.S.
    Attorney"), since "a Boston attorney" practises there."""
    if noun < 0 or tab.lower[noun].rstrip(".") not in OFFICE_NOUNS:
        return False
    if tab.lower[noun] != "attorney":
        return True
    beside = [tab.lower[i] for i in (noun - 1, noun + 1) if 0 <= i < tab.n]
    return is_country(place) or bool(set(beside) & PUBLIC_ATTORNEY_WORDS)


def _title_word(out: DocExtraction, tab: Tokens, offset: int, i: int) -> bool:
    """Whether mention ``i`` is a body's bare noun that begins a post's title ("David Udell,
    Group President, Hyatt Hotels": no organization "Group")."""
    m = out.mentions[i]
    if m.text.casefold() not in ORG_SUFFIXES:
        return False
    span = tab.char_span(m.start - offset, m.end - offset)
    return span is not None and span[1] < tab.n and tab.lower[span[1]] in _POST_NOUNS


def _job_title(text: str) -> bool:
    """Whether an organization's name is a job title: two words or more ending in the noun of
    a post ("Computer Scientist", "Founder & Principal Consultant"), not "The Economist"."""
    words = text.split()
    return len(words) >= 2 and words[0].casefold() != "the" and words[-1].casefold() in _POST_NOUNS
