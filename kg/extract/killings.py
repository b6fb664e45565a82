"""Killings named by nouns: "Lincoln's assassin, John Wilkes Booth", "Jane Doe's killer",
"the killer of Jane Doe", "Kennedy assassin X", "X was convicted of the murder of Y", "X,
charged with the killing of Y", "X was executed for the shooting death of Y", and "the murder
of Y by X". Verbs of killing ("X shot Y", "Y was killed by
X", "X pleaded guilty to killing Y") are the verb rules' (kg.extract.verbs). Each function
takes the block's reader (kg.extract.rules) and one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import KILLER_NOUN_CONFIDENCE, KILLING_NOUN_CONFIDENCE
from kg.extract import roles
from kg.extract.modality import PLAIN
from kg.lexicon import ACCUSING_VERBS, FATAL_WORDS, KILLER_NOUNS, VIOLENT_DEATH_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.modality import Modality
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

KILLED_BY = ("killed_by",)


def killings(r: _Reader, sent: Sentence) -> None:
    """The facts of the sentence's nouns of killers and killings."""
    pos, lemmas = r.t.pos, r.t.lemma
    for i in r._within(r._kill_ids, sent):
        if pos[i] not in ("NOUN", "PROPN") and lemmas[i] not in KILLER_NOUNS:
            continue  # the tagger takes "assassin" before a name for a verb
        noun = r.sdoc[i]
        if lemmas[i] == "death" and not any(c.lower_ in VIOLENT_DEATH_WORDS for c in noun.children):
            continue  # "the shooting death of X" is a killing; "the death of X" need not be
        if lemmas[i] in KILLER_NOUNS:
            holder = roles.holder_of(r, noun)
            killers = list(r.refs(holder))
            victims = list(roles.orgs_of(r, noun, holder, "PERSON"))
            rule, conf = "killer-noun", KILLER_NOUN_CONFIDENCE
        else:
            killers = [x for t in _accused(r, noun) or _by(noun) for x in r.refs(t)]
            victims = [x for t in _of(noun) or _victim_owner(r, noun) for x in r.refs(t)]
            rule, conf = "killing-noun", KILLING_NOUN_CONFIDENCE
        mod = _modality(r, noun)
        for v in victims:
            for k in killers:
                if isinstance(v, int) and isinstance(k, int):
                    r.emit(v, k, KILLED_BY, conf, rule, sent, None, mod)


def fatal(verb: Token) -> bool:
    """Whether a verb of wounding says the wound killed: "fatally shot", "shot Doe dead", "was
    stabbed to death"."""
    for c in verb.children:
        if c.lower_ in FATAL_WORDS and c.dep_ != "prep":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children):
            return True
    return False


def _of(noun: Token) -> list[Token]:
    """The objects of the noun's "of" ("the murder of Jane Doe")."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]  # fmt: skip


def _by(noun: Token) -> list[Token]:
    """The objects of a killing noun's "by", the killer ("the murder of Jane Doe by John
    Roe", "Doe's murder by her neighbour, John Roe"), the parse hanging it from the noun or
    from the one killed ("of Jane Doe by John Roe")."""
    heads = [noun, *_of(noun)]
    return [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"]  # fmt: skip


def _victim_owner(r: _Reader, noun: Token) -> list[Token]:
    """The possessive of a killing noun without "of", the one killed ("was convicted of
    Kennedy's murder"); where the noun has "of", its possessive is the killer (``_accused``)."""
    return [c for c in noun.children if c.dep_ == "poss" and c.i in r.tm]


def _accused(r: _Reader, noun: Token) -> list[Token]:
    """Who committed the killing the noun names: its possessive ("Doe's murder of Smith"), or
    who a verb of the courts charges with it ("Doe was convicted of the murder of Smith",
    "police charged Doe with the killing", "Doe confessed to the murder")."""
    owner = [c for c in noun.children if c.dep_ == "poss" and c.i in r.tm]
    if owner and _of(noun):  # "Doe's murder of Smith"; "Smith's murder" names the victim
        return owner
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        gov = noun.head.head
    elif noun.dep_ in ("dobj", "obj"):  # "committed the murder of"
        gov = noun.head
    else:
        return []
    top = gov
    while top.pos_ == "ADJ" and top.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
        top = top.head  # "found guilty of", "pleaded guilty to"
    if top.lemma_.lower() not in ACCUSING_VERBS:
        return []
    doer = r.doer(gov)
    return [doer] if doer is not None else []


def _modality(r: _Reader, noun: Token) -> Modality:
    """The modality of the verb the noun hangs from ("was not convicted of the murder")."""
    head = noun
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return r.modality(head)
        if head.head is head:
            break
        head = head.head
    return PLAIN
