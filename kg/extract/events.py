"""Events news reports, read over spaCy's parse: how far an acquisition has got (announced,
agreed, completed), acquisitions and stakes named by a noun ("Acme's acquisition of Initech",
"a 10% stake in Initech"), and the position a role noun names ("WPP chief executive Martin
Sorrell": position held "chief executive officer", of WPP).

A purchase is owned_by only once completed: "Acme agreed to buy Initech" is the fact Initech
owned_by Acme with status "agreed", which kg records but does not assert (kg.rdf writes no
plain triple for it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import DEAL_NOUN_CONFIDENCE
from kg.extract import times
from kg.lexicon import (
    AGREED_VERBS,
    ANNOUNCED_VERBS,
    COMPLETED_VERBS,
    HOLDING_VERBS,
    POSITION_NAMES,
    POSITION_WORDS,
    SELLING_VERBS,
    STAKE_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

# the clauses through which a governing verb says how far a purchase has got
_GOVERNED = ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "dobj", "pobj", "prep")


def status(verb: Token, governs: bool = False) -> str:
    """How far a purchase (a verb of buying, or a deal noun's verb) has got: what a governing
    verb says ("agreed to buy", "completed the purchase", "plans to buy", "signed a deal to
    buy"), else its own tense: done in the past ("bought", "has acquired") is completed, any
    other ("will buy", "is buying", "buys") announced. ``governs``: the verb is a deal noun's
    ("announced the acquisition of"), so it says how far the deal has got itself."""
    t, depth = verb, 0
    while depth < 4:
        lemma = t.lemma_.lower()
        if lemma in COMPLETED_VERBS:
            return "completed"
        if lemma in AGREED_VERBS:
            return "agreed"
        if lemma in ANNOUNCED_VERBS and (t is not verb or governs):
            return "announced"
        if t.dep_ not in _GOVERNED or t.head.i == t.i:
            break
        t, depth = t.head, depth + 1
    future = any(c.lower_ in ("will", "'ll", "to") and c.dep_ == "aux" for c in verb.children)
    if verb.tag_ in ("VBD", "VBN") and not future:
        return "completed"
    if verb.lemma_.lower() in HOLDING_VERBS and not future:
        return "completed"  # "Acme owns a 10% stake"
    return "announced"


def role_verb(noun: Token) -> Token | None:
    """The verb a role noun is said with: "X is the chief executive" (be), "X stepped down as
    chief executive" (step), "appointed X as chief executive"; None for a noun without one
    ("WPP chief executive Martin Sorrell", "Martin Sorrell, chief executive of WPP")."""
    if noun.dep_ == "attr" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    if noun.dep_ == "oprd":
        return noun.head
    return None


def position(noun: Token, key: str) -> str | None:
    """The name of the position a role noun names, where it is one ("chief executive" ->
    "chief executive officer", "managing director", "chairman"); None for nouns of staff
    and kin ("spokesman", "wife")."""
    if key in POSITION_NAMES:
        return POSITION_NAMES[key]
    if key not in POSITION_WORDS:
        return None
    words = [
        c.lower_
        for c in noun.children
        if c.i < noun.i and c.dep_ in ("amod", "compound") and c.lower_ in POSITION_WORDS
    ]
    if not words:  # a title in capitals the parse hung word by word on the name
        k = noun.i - 1
        while (
            k >= noun.sent.start and noun.doc[k].lower_ in POSITION_WORDS and noun.doc[k].is_title
        ):
            words.insert(0, noun.doc[k].lower_)
            k -= 1
    if (
        words == ["chief", "executive"]
        or words[-2:] == ["chief", "executive"]
        and noun.lower_ == "officer"
    ):
        return POSITION_NAMES["ceo"]
    return " ".join([*words, noun.lower_])


def deals(r: _Reader, sent: Sentence) -> None:
    """ "Acme completed its acquisition of Initech", "the takeover of Initech by Acme", "Acme
    took a 10% stake in Initech": Initech owned_by Acme, with how far the deal has got."""
    for i in r._within(r._deal_ids, sent):
        noun = r.sdoc[i]
        if noun.pos_ != "NOUN":
            continue
        stake = noun.lemma_.lower() in STAKE_NOUNS
        target = _pobj(noun, "in" if stake else "of")
        buyer = _pobj(noun, "by")
        if buyer is None:
            buyer = next((c for c in noun.children if c.dep_ == "poss"), None)
        verb = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass") else None
        if verb is not None and verb.lemma_.lower() in SELLING_VERBS:
            continue  # "sold its stake in": no purchase
        if buyer is not None and buyer.lower_ in ("its", "their", "his", "her") and verb:
            buyer = r.subject(verb)  # "Acme completed its acquisition of ..."
        if buyer is None and verb is not None and noun.dep_ == "dobj":
            buyer = r.subject(verb)
        if target is None or buyer is None:
            continue
        said = times.on_verb(verb, r.date_of, r.published) if verb is not None and r.date_of else []
        state = status(verb, governs=True) if verb is not None else "announced"
        mod = r.modality(verb) if verb is not None else r.modality(noun.head)
        rule = f"deal:{noun.lemma_.lower()}"
        for owned in r.refs(target):
            for owner in r.refs(buyer):
                if isinstance(owned, int) and isinstance(owner, int):
                    began = "acquire" if state == "completed" else ""
                    when = times.roles(said, began, "owned_by") if said else ()
                    conf = DEAL_NOUN_CONFIDENCE
                    r.emit(owned, owner, ("owned_by",), conf, rule, sent, None, mod, when, state)


def _pobj(noun: Token, prep: str) -> Token | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None
