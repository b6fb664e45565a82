"""A nationality word before a person's name: "French President Paul Roux", "the Swiss banker
Eva Lind" (the person's citizenship). The words between may only be nouns, adjectives and
titles of the same phrase; a verb, a preposition or a comma ends it ("a Chinese court
sentenced Jane Doe" ties nothing). Before an organization's name through a noun of bodies
("the German carmaker Brenner Motors", "Swiss daily Le Matin") it is the organization's
country, where the name's type votes say organization (kg.defaults.NATIONALITY_ORG_CONFIDENCE).
Takes the block's reader (kg.extract.rules) and one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import (
    NATIONALITY_CONFIDENCE,
    NATIONALITY_NOUN_CONFIDENCE,
    NATIONALITY_ORG_CONFIDENCE,
)
from kg.extract.located import PLACE_NOUNS
from kg.extract.modality import PLAIN
from kg.extract.types import is_nationality, leaning
from kg.lexicon import KIND_TYPE, TEAM_TITLES, TITLES

if TYPE_CHECKING:
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

# words of the phrase between the nationality and the name, at most
MAX_BETWEEN = 3
CITIZENSHIP = ("country_of_citizenship",)
COUNTRY = ("country",)


def nationalities(r: _Reader, sent: Sentence) -> None:
    """ "French President Paul Roux", "the Swiss banker Eva Lind"."""
    mentions, tm, t = r.out.mentions, r.tm, r.t
    done: set[int] = set()
    for i in r._within(r._named_ids, sent):
        b = tm[i]
        if b in done or mentions[b].label != "NORP" or not is_nationality(mentions[b].text):
            continue
        done.add(b)
        _described(r, i, b, sent)
        _predicated(r, i, b, sent)
        k = i
        while k < sent.end and tm.get(k) == b:
            k += 1  # past the nationality's words
        noun = ""  # the phrase's last word so far: its head before the name
        for _ in range(MAX_BETWEEN + 1):
            if k >= sent.end:
                break
            a = tm.get(k)
            title = t.lower[k].rstrip(".") in TITLES  # "President", a name of its own
            if a is not None and mentions[a].label == "NAME":  # "Finance Minister", a name
                title = title or mentions[a].text.split()[-1].lower() in TITLES
            if a is not None and a != b and not title:
                if mentions[a].label == "PERSON" and not _no_person(noun):
                    r.emit(a, b, CITIZENSHIP, NATIONALITY_CONFIDENCE, "nationality", sent)
                elif noun and _no_person(noun) and leaning(mentions[a]) == "Organization":
                    r.emit(a, b, COUNTRY, NATIONALITY_ORG_CONFIDENCE, "nationality-org", sent)
                break
            # a capitalised word of a title spaCy tags a proper noun and names nothing:
            # "Israeli Prime Minister X", "Greek Finance Minister X"
            office = a is None and t.pos[k] == "PROPN" and t.dep[k] == "compound"
            if t.pos[k] not in ("NOUN", "ADJ") and not title and not office:
                break
            noun = t.lower[k]
            k += 1


def _no_person(noun: str) -> bool:
    """Whether the noun before a name says it is no person's, whatever the recogniser's
    label: "Dutch toymaker Brenner Toys", "Swiss daily Le Matin", "defending Italian
    champions Juventus" (a body's country, which is no citizenship)."""
    one = noun[:-1] if noun.endswith("s") and noun[:-1] in KIND_TYPE else noun  # "makers"
    return noun in TEAM_TITLES or KIND_TYPE.get(one, "Person") != "Person"


def _described(r: _Reader, i: int, b: int, sent: Sentence) -> None:
    """ "Jane Doe, a British journalist", "Karl Stein is a German footballer" (a person's
    citizenship), "Hamburg is a German city" (a place's country): the nationality word on a
    noun in apposition to or predicated of the name, a place's where the noun says it is
    one whatever spaCy's label. An organization takes nothing ("Acme, a German carmaker"), as
    above."""
    t = r.t
    if t.dep[i] not in ("amod", "compound") or t.pos[t.head[i]] != "NOUN" or t.head[i] in r.tm:
        return
    tok = r._name_token(r.sdoc[t.head[i]])
    a = r.tm.get(tok.i) if tok is not None else None
    if a is None or a == b:
        return
    m = r.out.mentions[a]
    # the votes so far, not the label alone: "Marta Ilves, an Estonian engineer", which spaCy
    # labels an organization, is a person by the noun that describes her
    label = "PERSON" if leaning(m) == "Person" else m.label
    noun = t.head[i]
    mod = r.modality(t.head[noun]) if t.dep[noun] == "attr" else PLAIN  # "is not a German"
    if label == "PERSON":
        preds = CITIZENSHIP
    elif label in ("GPE", "LOC") or t.lemma[noun] in PLACE_NOUNS:  # "a Norwegian town"
        preds = COUNTRY
    else:
        return
    r.emit(a, b, preds, NATIONALITY_NOUN_CONFIDENCE, "nationality-noun", sent, None, mod)


def _predicated(r: _Reader, i: int, b: int, sent: Sentence) -> None:
    """ "Karl Stein is German", "Stein, who is Israeli, said": a nationality word said of a
    person by "be" (of the name a relative clause hangs from, for "who"); "is not German" is
    negated."""
    t = r.t
    verb = r.sdoc[t.head[i]]
    if t.dep[i] != "acomp" or verb.lemma_ != "be":
        return
    subj = r.subject(verb)
    if subj is not None and subj.lower_ == "who" and verb.dep_ == "relcl":
        subj = verb.head
    a = r.tm.get(subj.i) if subj is not None else None
    if a is None or a == b or r.out.mentions[a].label != "PERSON":
        return
    mod = r.modality(verb)
    r.emit(a, b, CITIZENSHIP, NATIONALITY_NOUN_CONFIDENCE, "nationality-be", sent, None, mod)
