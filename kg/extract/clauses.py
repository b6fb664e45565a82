"""What the verb rules ask of a clause's parse: whether a verb is passive, the subject a passive
shares with the one it is joined to, the object a verb of founding shares with the verb joined
to it, who succeeds in a succession hung from an appointment, and where a date is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.tokens import ARGUMENTS, SUBJ
from kg.extract.verbs import APPOINTING, SUCCEEDING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def passive(verb: Token) -> bool:
    """Whether a verb is passive: its own passive subject or auxiliary, or a participle joined
    to a passive verb ("was founded in 1990 and sold in 2001"), whose doer is its agent alone."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", *SUBJ) for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def passive_subject(verb: Token) -> Token | None:
    """The passive subject a passive verb shares with the passive it is joined to ("Acme was
    founded in 1990 and acquired by Initech": Acme), if any."""
    if verb.dep_ != "conj" or not passive(verb):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def conjunct_object(verb: Token) -> list[Token]:
    """ "founded and runs Acme": a verb of founding without an object of its own takes the
    object of the verb joined to it, which the parse hangs there."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            got = [t for t in c.children if t.dep_ in ("dobj", "obj")]
            if got:
                return got
    return []


def fronted_participle(verb: Token) -> bool:
    """Whether ``verb`` is a past participle that opens its sentence's clause with no subject
    or auxiliary of its own ("Founded in 1998, Acme ...", "Born in Lyon, Doe ..."): the
    subject of the verb it hangs from is what the participle is done to."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.i < verb.head.i
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children
        )
    )


def after_appointment(verb: Token) -> bool:
    """Whether ``verb`` is a succession hung from a verb of appointment ("appointed Ann Lee
    as chief executive, replacing Tom Hill"), whose subject is the appointee."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.lemma_ in SUCCEEDING
        and verb.head.lemma_ in APPOINTING
    )


def appointee(verb: Token) -> Token | None:
    """The object of the appointment ``verb`` hangs from; None where the parse found none (the
    appointing body is then not read as the successor)."""
    return next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)


def date_span(date_of: dict[int, Span], tok: Token | None, offset: int) -> tuple[int, int]:
    """The document offsets of the date a token is in ((0, 0) for none)."""
    if tok is None or tok.i not in date_of:
        return (0, 0)
    d = date_of[tok.i]
    return (offset + d.start_char, offset + d.end_char)


def apposed_name(noun: Token) -> int | None:
    """The index of the last word of the name a common noun describes in apposition ("Arctic
    Fibre, a company founded in 2011 by ..."): the parser's apposition, or "a"/"an" right after
    the name's comma where the parser hung the noun elsewhere; None otherwise."""
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "appos" and noun.head.i < noun.i:
        return noun.head.i
    first = noun.left_edge
    doc = noun.doc
    if noun.dep_ in ARGUMENTS or first.lower_ not in ("a", "an") or first.i < 2:
        return None
    return first.i - 2 if doc[first.i - 1].text == "," else None
