"""The relation rules that read a phrase rather than a verb's arguments: possessives ("Meta's
TBD Lab"), "X-based", head offices ("Acme's Leeds headquarters"), places in apposition ("Palo
Alto, California"), "of" phrases ("John Smith of Acme") and "X leading Y" read from the words.
Each takes the block's reader (kg.extract.rules) and one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import (
    BASED_CONFIDENCE,
    COUNTRY_BEFORE_CONFIDENCE,
    HEADQUARTERS_CONFIDENCE,
    LEADING_CONFIDENCE,
    OF_PHRASE_CONFIDENCE,
    PLACE_APPOSITION_CONFIDENCE,
    POSSESSIVE_CONFIDENCE,
)
from kg.extract import located
from kg.extract.links import is_country
from kg.extract.tokens import SUBJ
from kg.extract.types import is_party, leaning
from kg.lexicon import KIND_NOUNS, LEAD_FORMS, TYPE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.records import RawMention
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence


# what a possessive says, in order of preference (types decide): a unit of the owner, its
# product, a site in a place ("Ohio's Delmont Bank"), a person working for the owner
# ("Acme's Ray Ortiz": a person an organization has is its staff)
POSSESSED = ("parent_organization", "developer", "located_in", "employer")


def possessives(r: _Reader, sent: Sentence) -> None:
    """ "Meta's TBD Lab", "Google's Android", "Acme's Ray Ortiz"."""
    dep, head, tm = r.t.dep, r.t.head, r.tm
    for i in r._within(r._poss_ids, sent):
        if dep[i] != "poss" or i not in tm or head[i] not in tm:
            continue
        owner, owned = tm[i], tm[head[i]]
        if owner != owned:
            r.emit(owned, owner, POSSESSED, POSSESSIVE_CONFIDENCE, "possessive", sent)


def based(r: _Reader, sent: Sentence) -> None:
    """ "a UK-based company", "the Paris-based startup Mistral"."""
    lower = r.t.lower
    for i in r._within(r._based_ids, sent):
        if lower[i] != "based" or i < 2 or r.sdoc[i - 1].text not in "-–":
            continue
        place = r.ref(r.sdoc[i - 2])
        noun = r.sdoc[i].head
        # "Tellurian, a Houston-based LNG company": the company is the name it is in
        # apposition to, not the name qualifying the noun
        appos = noun.dep_ == "appos" and noun.pos_ == "NOUN"
        org = r.ref(noun.head) if appos else None
        if org is None:
            org = r.ref(noun)
        if org is None and noun.dep_ == "appos":
            org = r.ref(noun.head)
        if org is None and noun.dep_ == "attr" and noun.head.lemma_ == "be":
            org = r.ref(next((c for c in noun.head.children if c.dep_ in SUBJ), None))
        r.emit(org, place, ("headquarters_location",), BASED_CONFIDENCE, "x-based", sent)


# nouns of organizations, which a place's name before them says where they are ("a Toledo bank")
ORG_NOUNS = frozenset(TYPE_NOUNS["Organization"]) | frozenset(KIND_NOUNS["Organization"])


def place_kinds(r: _Reader, sent: Sentence) -> None:
    """ "Delmont Bank, a Toledo bank", "Acme is a Chicago law firm": an organization described
    by a noun of organizations that a place's name qualifies is based there, as "a
    Toledo-based bank" is; in a country, of it ("Acme, a U.S. company")."""
    dep, head, tm, mentions = r.t.dep, r.t.head, r.tm, r.out.mentions
    for i in r._within(r._named_ids, sent):
        noun = r.sdoc[head[i]]
        if dep[i] != "compound" or noun.i in tm or noun.pos_ != "NOUN":
            continue
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i not in tm:
            noun = noun.head  # "a Chicago law firm": the place qualifies the firm
        if noun.lemma_ not in ORG_NOUNS or mentions[tm[i]].label not in located.PLACE_LABELS:
            continue
        org = r._named(noun)
        if org is None or mentions[org].label != "ORG":
            continue
        place = tm[i]
        preds = located.COUNTRY if is_country(mentions[place].text) else ("headquarters_location",)
        r.emit(org, place, preds, BASED_CONFIDENCE, "x-based:noun", sent)


def country_bodies(r: _Reader, sent: Sentence) -> None:
    """ "Germany's Adidas", "Britain's Guardian newspaper", "the US Justice Department": a
    country's name as the possessive of an organization's name (or of a noun of
    organizations that names it), or right before it as part of its phrase, is its country.
    A nationality word before a name is the nationality rules' (kg.extract.nationality)."""
    dep, head, tm, mentions = r.t.dep, r.t.head, r.tm, r.out.mentions
    for i in r._within(r._named_ids, sent):
        c = tm[i]
        country = mentions[c]
        if country.label != "GPE" or tm.get(i + 1) == c or not is_country(country.text):
            continue  # the name's last word only ("South Korea's")
        if dep[i] == "poss":
            noun = r.sdoc[head[i]]
            org = tm.get(noun.i)
            if org is None and noun.pos_ == "NOUN" and noun.lemma_ in ORG_NOUNS:
                # "Britain's Guardian newspaper", "France's weather agency, Meteo France"
                org = next((tm[k.i] for k in noun.children if k.dep_ == "compound" and k.i in tm),
                           None) or _appos_name(r, noun)  # fmt: skip
        elif dep[i] == "compound" and head[i] > i:
            org = tm.get(i + 1)  # "the US Justice Department": the next word starts the name
            if org is None or mentions[org].start - r.offset != r.sdoc[i + 1].idx:
                continue
            if tm.get(head[i]) != org:
                continue
        else:
            continue
        if org is not None and org != c and _is_org(mentions[org]):
            r.emit(org, c, located.COUNTRY, COUNTRY_BEFORE_CONFIDENCE, "country-before", sent)


def _is_org(m: RawMention) -> bool:
    """Whether a name is an organization's by its votes so far, whatever its label: "Meteo
    France", which spaCy labels a person, is; a singer or a player news names by the country
    they stand for ("Italy's Franca Rossi"), which spaCy may label an organization, is not."""
    return leaning(m) == "Organization"


def _appos_name(r: _Reader, noun: Token) -> int | None:
    """The name in apposition to a noun: "the agency, Meteo France"."""
    return next((r.tm[k.i] for k in noun.children if k.dep_ == "appos" and k.i in r.tm), None)


# labels of the names that may be a head office's place ("the Leeds headquarters")
PLACE_LABELS = ("GPE", "LOC", "FAC")


def headquarters(r: _Reader, sent: Sentence) -> None:
    """ "Acme's Leeds headquarters", "the headquarters of Acme in Leeds", "Acme has its
    headquarters in Leeds", "Acme's headquarters are in Leeds"."""
    for i in r._within(r._hq_ids, sent):
        noun = r.sdoc[i]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        owners, places = _hq_names(r, noun)
        for o in owners:
            for p in places:
                r.emit(
                    o, p, ("headquarters_location",), HEADQUARTERS_CONFIDENCE, "headquarters",
                    sent,
                )  # fmt: skip


def _hq_names(r: _Reader, noun: Token) -> tuple[list[int], list[int]]:
    """The names of a head office's organization and of its place, from the noun's own words
    (its possessive, "of", "in", a name before it) and the verb it hangs from ("has its
    headquarters in", "headquarters are in")."""
    owners: list[int] = []
    places: list[int] = []
    mentions = r.out.mentions
    for c in noun.children:
        m = r.tm.get(c.i)
        if c.dep_ == "poss" and m is not None:
            owners.append(m)
        elif c.dep_ == "poss" and c.lower_ in ("its", "their"):
            owners += [x for x in r.refs(r.subject(noun.head)) if isinstance(x, int)]
        elif c.dep_ == "compound" and m is not None:
            (places if _is_place(mentions[m]) else owners).append(m)
        elif c.dep_ == "prep" and c.lower_ in ("of", "in"):
            got = [x for p in c.children if p.dep_ == "pobj" for x in r.refs(p)]
            (owners if c.lower_ == "of" else places).extend(x for x in got if isinstance(x, int))
    verb = noun.head
    if noun.dep_ in ("nsubj", "dobj", "obj") and verb.pos_ in ("VERB", "AUX"):
        # "headquarters are in Leeds", "has its headquarters in Leeds", "moved ... to Leeds"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "to"):
                got = [x for p in c.children if p.dep_ == "pobj" for x in r.refs(p)]
                places.extend(x for x in got if isinstance(x, int))
    if owners and not places:
        places = _after_in(r, noun)
    return list(dict.fromkeys(owners)), list(dict.fromkeys(places))


def _after_in(r: _Reader, noun: Token) -> list[int]:
    """The place named right after a head office's "in", read from the words where the parse
    hangs "in" elsewhere ("a briefing at NRC headquarters in nearby Rockville, Md.": from the
    briefing), with the place beside it ("Rockville, Md.")."""
    k = noun.i + 1
    if k >= len(r.sdoc) or r.t.lower[k] != "in":
        return []
    k += 1
    while k < len(r.sdoc) and k not in r.tm and r.t.pos[k] in ("ADJ", "DET"):
        k += 1  # "in nearby Rockville", "in the suburban ..."
    m = r.tm.get(k)
    if m is None or not _is_place(r.out.mentions[m]):
        return []
    out = [m]
    after = r.out.mentions[m].end - r.offset  # "Rockville, Md.": the place beside it too
    for c in r.sdoc[k].head.children if r.sdoc[k].dep_ == "compound" else r.sdoc[k].children:
        n = r.tm.get(c.i)
        if c.dep_ in ("appos", "conj") and n is not None and n != m:
            mention = r.out.mentions[n]
            if _is_place(mention) and r.text[after : mention.start - r.offset].strip() == ",":
                out.append(n)
    return out


def _is_place(m: RawMention) -> bool:
    """Whether a name is a place by its label or, where the label says otherwise ("Leeds"
    labelled a product), by its type votes so far (the places table's)."""
    return m.label in PLACE_LABELS or (bool(m.votes) and max(m.votes, key=m.votes.get) == "Place")


def places(r: _Reader, sent: Sentence) -> None:
    """ "Palo Alto, California": a place in apposition to a place lies in it; not a country
    (a headline's or a list's "Armenia, Azerbaijan")."""
    dep, head, tm = r.t.dep, r.t.head, r.tm
    for i in r._within(r._appos_ids, sent):
        if dep[i] not in ("appos", "npadvmod") or i not in tm:
            continue
        inner, outer = tm.get(head[i]), tm[i]
        if inner is None or inner == outer:
            continue
        mi, mo = r.out.mentions[inner], r.out.mentions[outer]
        between = r.text[mi.end - r.offset : mo.start - r.offset]
        if between.strip() != "," or located.ends_list(r, outer):
            continue  # "suits in Ohio, Texas, and Pennsylvania": a list
        if is_country(mi.text):
            continue  # "Russia, Ukraine still at odds": a country lies in no other
        if mi.label in ("GPE", "LOC") and mo.label == "GPE":
            located.lies_in(r, inner, outer, PLACE_APPOSITION_CONFIDENCE, "place-appos", sent)


def of_phrases(r: _Reader, sent: Sentence) -> None:
    """ "John Smith of Acme", "Jill Marks at Corvin Bank", "Acme of Dallas": a name qualified
    by another, and by the place beside that place ("Jane Doe of Dayton, Ohio")."""
    dep, head, lower, tm = r.t.dep, r.t.head, r.t.lower, r.tm
    for i in r._within(r._named_ids, sent):
        if i not in tm or lower[head[i]] not in ("of", "from", "at"):
            continue
        prep = r.sdoc[head[i]]
        if dep[i] != "pobj":
            continue
        if head[prep.i] not in tm:
            continue
        a, b = tm[head[prep.i]], tm[i]
        if a == b or r.out.mentions[a].end > r.out.mentions[b].start:
            continue  # "University of Chicago": one name
        if is_party(r.out.mentions[a].text):
            continue  # "a Democrat from Ohio": the member is from it, not the party
        mentions = r.out.mentions
        if _is_org(mentions[a]) and mentions[b].label == "GPE" and is_country(mentions[b].text):
            # "OMV of Austria": a firm "of" a country is of it
            r.emit(a, b, located.COUNTRY, COUNTRY_BEFORE_CONFIDENCE, "country-of", sent)
        for o in located.with_outer(r, r.sdoc[i]):  # "Jane Doe of Dayton, Ohio"
            r.emit(
                a, o, ("employer", "headquarters_location", "residence"), OF_PHRASE_CONFIDENCE,
                f"prep:{prep.lower_}", sent,
            )  # fmt: skip


def leading(r: _Reader, sent: Sentence) -> None:
    """ "Wang leading TBD Lab" read from the words, where the parse goes astray."""
    lower = r.t.lower
    for k in r._within(r._lead_ids, sent):
        if not sent.start < k < sent.end - 1 or lower[k] not in LEAD_FORMS:
            continue
        left, right = k - 1, k + 1
        if lower[right] == "the" and k + 2 < sent.end:
            right = k + 2
        a, b = r.tm.get(left), r.tm.get(right)
        if a is not None and b is not None and a != b:
            r.emit(b, a, ("director_manager",), LEADING_CONFIDENCE, "surface:leading", sent)
