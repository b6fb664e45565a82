"""Where a person lives, read from a phrase: "Tom Baker, a mechanic from Fresno", "the singer
Lara Voss is from Tulsa" (a person "from" a place, by apposition or copula), and "Carl Imber's
hometown of Dover", and the place of one's home ("died at his home in Larchmont", "Sohn's
New Jersey home"). "Jane Doe of Dayton" and "a Dayton resident" are the "of" phrases' and the
role nouns' (kg.extract.phrases, kg.extract.roles); "a Fargo native" is a place of birth. Each
function takes the block's reader (kg.extract.rules) and one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import RESIDENCE_PHRASE_CONFIDENCE
from kg.extract.links import is_country
from kg.extract.located import PLACE_LABELS, with_outer
from kg.extract.modality import PLAIN
from kg.extract.tokens import SUBJ
from kg.lexicon import HOME_NOUNS, LOCAL_PERSON_NOUNS, PARTY_NORP_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

RESIDENCE = ("residence",)
CITIZENSHIP = ("country_of_citizenship",)
# nouns of the town a person comes from ("his hometown of Dover"), and those that are one
# after "home" ("his home state of Ohio", "her home town")
HOMETOWN_NOUNS = frozenset({"hometown", "home-town"})
HOME_PLACE_NOUNS = frozenset({"town", "city", "state", "county", "village", "country"})
# the marks inside a title ("Gov.", "Secretary-General")
DOTS = (".", "-")


def residences(r: _Reader, sent: Sentence) -> None:
    """The person "from" a place, and the hometown "of" a place, of the sentence's places."""
    dep, head, lower, lemma, tm = r.t.dep, r.t.head, r.t.lower, r.t.lemma, r.tm
    mentions = r.out.mentions
    for i in r._within(r._named_ids, sent):
        if mentions[tm[i]].label not in PLACE_LABELS:
            continue
        if dep[i] == "compound" and lemma[head[i]] in HOME_NOUNS and head[i] not in tm:
            _home(r, r.sdoc[head[i]], i, sent)  # "Sohn's New Jersey home"
            continue
        home = _home_appositive(r, r.sdoc[i])  # "Beaumont, Richardson's hometown"
        if home is not None:
            _hometown(r, home, i, sent)
            continue
        if dep[i] != "pobj":
            continue
        prep = head[i]
        if lower[prep] == "in" and lemma[head[prep]] in HOME_NOUNS and dep[prep] == "prep":
            _home(r, r.sdoc[head[prep]], i, sent)  # "his home in Larchmont"
            continue
        if dep[prep] != "prep" or lower[prep] not in ("from", "of"):
            continue
        gov = r.sdoc[head[prep]]
        if lower[prep] == "from":
            person, rule = _from_whom(r, gov), "residence:from"
        elif _is_hometown(gov):
            _hometown(r, gov, i, sent)
            continue
        else:
            continue
        if person is None or mentions[person].label != "PERSON":
            continue
        mod = r.modality(gov) if gov.pos_ in ("VERB", "AUX") else PLAIN  # "is not from"
        for p in with_outer(r, r.sdoc[i]):
            # "a pastor from Nigeria": a person from a country is its citizen
            preds = CITIZENSHIP if is_country(mentions[p].text) else RESIDENCE
            r.emit(person, p, preds, RESIDENCE_PHRASE_CONFIDENCE, rule, sent, None, mod)


def local_people(r: _Reader, sent: Sentence) -> None:
    """A person a town's name describes by trade or office: "Richard Taylor, an Atlanta
    architect", "Doe is a Dayton woman" (a noun in apposition or predicated), "Louisiana Gov.
    Earl Long", "Tempe plastic surgeon Richard Pavese" (a title before the name) live there.
    Not a country's ("a U.S. diplomat", "Israeli Prime Minister X"): one may serve it
    abroad, and kg reads citizenship from those."""
    t, tm, mentions = r.t, r.tm, r.out.mentions
    for i in r._within(r._named_ids, sent):
        place = tm[i]
        # a town or state, not a region ("the Middle East correspondent" covers it)
        if tm.get(i + 1) == place or mentions[place].label != "GPE":
            continue  # the place's last word only
        if is_country(mentions[place].text):
            continue
        k, nouns = i + 1, []
        while k < sent.end and (t.pos[k] in ("NOUN", "PROPN") or t.lower[k] in DOTS):
            if k in tm and mentions[tm[k]].label != "NAME":  # a title is a mention of its own
                break
            if t.lower[k] not in DOTS:
                nouns.append(k)
            k += 1
        # "an Atlanta architect", "Chicago Mayor": one to three words, the last the person's
        if not nouns or len(nouns) > 3 or t.lemma[nouns[-1]].rstrip(".") not in LOCAL_PERSON_NOUNS:
            continue
        person = tm[k] if k < sent.end and k in tm else r._named(r.sdoc[nouns[-1]])
        if person is None or mentions[person].label != "PERSON":
            continue
        r.emit(person, place, RESIDENCE, RESIDENCE_PHRASE_CONFIDENCE, "residence:local", sent)


def possessed_people(r: _Reader, sent: Sentence) -> None:
    """A person a place's possessive names, or whose trade or office it qualifies:
    "Rochester's Peter McWalters", "Ohio's governor, Richard Celeste", "Pittsburgh's
    superintendent, Richard Wallace" live there; a country's are its citizens ("Japan's prime
    minister, Morihiro Hosokawa")."""
    head, tm, mentions = r.t.head, r.tm, r.out.mentions
    for i in r._within(r._poss_ids, sent):
        place = tm.get(i)
        if place is None or mentions[place].label != "GPE":
            continue
        owned = r.sdoc[head[i]]
        if owned.i in tm:
            person: int | None = tm[owned.i]
        elif owned.lemma_.lower() in LOCAL_PERSON_NOUNS:
            person = r._named(owned)
            if person is None:  # "Ohio's governor, Richard Celeste"
                name = next((c for c in owned.children if c.dep_ == "appos" and c.i in tm), None)
                person = tm[name.i] if name is not None else None
        else:
            continue
        if person is None or person == place or mentions[person].label != "PERSON":
            continue
        preds = CITIZENSHIP if is_country(mentions[place].text) else RESIDENCE
        r.emit(person, place, preds, RESIDENCE_PHRASE_CONFIDENCE, "residence:possessive", sent)


def _from_whom(r: _Reader, gov: Token) -> int | None:
    """The person a "from" tells of: a noun in apposition to or predicated of a name ("Tom
    Baker, a mechanic from Fresno", "Baker is a mechanic from Fresno"), or the subject of
    "be" ("Lara Voss is from Tulsa"). A name's own "from" ("Tom Baker from Fresno") is the
    "of" phrases' rule; a verb's "from" ("flew from Fresno", "came from Fresno") tells where
    someone was, not where they live."""
    # "a Republican from Chicago": a party's word as the noun, a member of it
    member = gov.lower_ in PARTY_NORP_WORDS and gov.dep_ in ("appos", "attr")
    if (gov.pos_ == "NOUN" and gov.i not in r.tm) or member:
        tok = r._name_token(gov)
        if tok is None:
            tok = next((c for c in gov.children if c.dep_ == "appos" and c.i in r.tm), None)
        return r.tm[tok.i] if tok is not None else None
    if gov.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in gov.children):
        subj = next((c for c in gov.children if c.dep_ in SUBJ), None)
        got = r.ref(subj)
        return got if isinstance(got, int) else None
    return None


def _is_hometown(noun: Token) -> bool:
    """Whether a noun is a hometown: "hometown", or a "home town", "home state"."""
    if noun.pos_ != "NOUN":
        return False
    if noun.lemma_ in HOMETOWN_NOUNS:
        return True
    return noun.lemma_ in HOME_PLACE_NOUNS and any(
        c.dep_ in ("compound", "amod") and c.lower_ == "home" for c in noun.children
    )


def _home_appositive(r: _Reader, place: Token) -> Token | None:
    """The hometown noun a place's name stands for by apposition or copula: "Beaumont, Texas,
    Richardson's hometown", "Richardson's hometown, Beaumont", "Dover is Imber's hometown"."""
    tok = place
    while tok.dep_ == "appos" and tok.head.i in r.tm and tok.head.i != tok.i:
        tok = tok.head  # "Beaumont, Texas, ...": the first place of the chain
    for c in tok.children:
        if c.dep_ == "appos" and _is_hometown(c):
            return c
    if place.dep_ == "appos" and _is_hometown(place.head):
        return place.head
    if place.dep_ in SUBJ and place.head.lemma_ == "be":
        return next((c for c in place.head.children if c.dep_ == "attr" and _is_hometown(c)), None)
    return None


def _hometown(r: _Reader, noun: Token, place: int, sent: Sentence) -> None:
    """A person's hometown: its possessive, a name ("Imber's hometown of Dover") or "his" or
    "her" for the subject of the verb it hangs from ("vanished near her hometown of Belen")."""
    person = _possessor(r, noun)
    if person is None or r.out.mentions[person].label != "PERSON":
        return
    mentions = r.out.mentions
    copula = noun.head if noun.dep_ == "attr" and noun.head.pos_ in ("VERB", "AUX") else None
    mod = r.modality(copula) if copula is not None else PLAIN  # "Dover is not X's hometown"
    for p in with_outer(r, r.sdoc[place]):
        preds = CITIZENSHIP if is_country(mentions[p].text) else RESIDENCE
        r.emit(person, p, preds, RESIDENCE_PHRASE_CONFIDENCE, "residence:hometown", sent, None, mod)


def _possessor(r: _Reader, noun: Token) -> int | None:
    """The person whose home the noun is: its possessive, a name ("Sohn's New Jersey home"),
    or "his" or "her" standing for the subject of the verb the noun hangs from ("died at his
    home in Larchmont"; "their" may be several)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.i in r.tm:
        return r.tm[owner.i]
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.dep_ in ("dobj", "obj") and verb.pos_ == "NOUN":
        verb = verb.head  # "won the caucuses in his home state": the verb of the object
    if owner.lower_ in ("his", "her") and verb.pos_ in ("VERB", "AUX"):
        got = r.ref(r.subject(verb))
        return got if isinstance(got, int) else None
    return None


def _home(r: _Reader, noun: Token, place: int, sent: Sentence) -> None:
    """A person's home in a place: the home's owner is its possessive, a name ("Sohn's New
    Jersey home") or "his" or "her" standing for the subject of the verb it hangs from
    ("Harrington died at his home in Larchmont"); a home of no one named ("a home in
    Larchmont") says nothing. The owner's label is not asked: spaCy reads many a surname
    alone as an organization, and resolution keeps a residence of a person alone."""
    if noun.pos_ != "NOUN":
        return
    person = _possessor(r, noun)
    if person is None or r.out.mentions[person].label in PLACE_LABELS:  # "Ohio's home of the blues"
        return
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    mod = r.modality(verb) if verb.pos_ in ("VERB", "AUX") else PLAIN
    for p in with_outer(r, r.sdoc[place]):
        r.emit(person, p, RESIDENCE, RESIDENCE_PHRASE_CONFIDENCE, "residence:home", sent, None, mod)
