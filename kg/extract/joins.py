"""Where the recogniser cut one name in two, the pieces as one name again; and where it ended a
name on a function word, the name without it. The small model ends a name before its "of"
complement ("the Circuit Court of" and "Cook County", "the Bay of" and "Biscay") and leaves a
person's given name out of the name ("Émile" before "Coornaert"), which the run of proper nouns
then reads as a name of its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kg.extract.plain_words import is_word
from kg.extract.tokens import Tokens
from kg.extract.types import is_nationality
from kg.lexicon import (
    CALLING_TITLES,
    COURTESY_TITLES,
    DEGREE_TITLES,
    HONORIFICS,
    KIND_NOUNS,
    MONTHS,
    NAME_PARTICLES,
    NOUN_TYPE,
    ORG_SUFFIXES,
    ORG_TRAILING_TITLES,
    PORTFOLIO_WORDS,
    ROYAL_TITLES,
    TITLE_WORDS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

# the labels of names an "of" complement ends ("the Bank of England", "the City of Edmonton"),
# and of the names such a complement may be; not a person's ("Tony Day of Cape Town": the
# person is from the place, the two are two names)
_OF_HEADS = frozenset({"ORG", "GPE", "LOC", "FAC", "NAME"})
_OF_COMPLEMENTS = frozenset({"ORG", "GPE", "LOC", "FAC", "NAME"})
# the fine tags of a word no name ends with: a preposition, a conjunction, a determiner, "to"
_OPEN_TAGS = frozenset({"IN", "CC", "DT", "TO"})
# words that title a person or name a thing's kind, never a given name: a run of them before a
# person's name is a title ("President", "Police Officer"), not the first part of the name
_NOT_GIVEN = (
    TITLES
    | HONORIFICS
    | TITLE_WORDS
    | COURTESY_TITLES
    | ORG_TRAILING_TITLES
    | CALLING_TITLES
    | frozenset(KIND_NOUNS["Person"])
)


# the titles a person's name loses: not the courtesy titles ("Frau Merkel", "Ms Ilves"), which
# vote the name a person where they begin it, and which name keys fold anyway, nor a ruler's
# ("King Abdullah"), which resolution joins to the name without it where a document writes both
_LEADING_TITLES = _NOT_GIVEN - COURTESY_TITLES - ROYAL_TITLES


# the titles of an office held "of" or "for" a body or a place ("the Bishop of Pittsburgh",
# "Minister of Fisheries", "Chief Executive Officer of Power Corporation"): such a title names
# a person, its complement the body. Not a ruler's, a peer's or a courtesy title, after which
# things are named ("Prince of Asturias Prize", "King of Prussia", "Lord of the Rings",
# "Doctor of Philosophy"), "state" or "district" ("District of Columbia"), "general"
# ("Attorney General" ends a title, "General of" begins none), nor words that qualify a title
# ("the", "former").
_OFFICE_WORDS = (
    (_NOT_GIVEN | frozenset("archbishop executive officer".split()))
    - ROYAL_TITLES
    - COURTESY_TITLES
    - frozenset(
        "state district general the former late ex justice lord lady dame sir father doctor "
        "hon senor senora signor signora".split()
    )
)


def office_start(start: int, end: int, t: Tokens) -> int:
    """The start of a body's or place's name at tokens ``start:end`` past an office's title and
    its "of" or "for" ("Bishop of Pittsburgh" is Pittsburgh's, "Minister for Trade" the
    portfolio's): the title names the office's holder, not the body."""
    k = start
    while k < end and (
        t.lower[k] in _OFFICE_WORDS
        or (k > start and t.orth[k] in ("-", "–"))
        or (k == start and t.lower[k] == "co" and k + 1 < end and t.orth[k + 1] in ("-", "–"))
    ):
        k += 1
    if k == start or k >= end - 1 or t.lower[k] not in ("of", "for"):
        return start
    k += 1
    while k < end - 1 and t.lower[k] == "the":
        k += 1
    return k


def title_start(start: int, end: int, t: Tokens) -> int:
    """The start of a person's name at tokens ``start:end`` past the titles it begins with
    ("Spokesman KK Khumalo", "General Pervez Musharraf", "Sen. Robert Kennedy"): the
    title is no part of the name, and the word before the name still votes it a person. A
    courtesy title or a ruler's stays ("Frau Merkel", "King Abdullah"); a doctor's or a
    professor's only before a full name ("Dr Anthony Fauci", not "Dr Dre")."""
    while end - start > 1:
        word = t.lower[start].rstrip(".")
        if not (word in _LEADING_TITLES or (word in DEGREE_TITLES and end - start > 2)):
            break
        start += 1
    return start


def open_end(end: int, start: int, t: Tokens) -> int:
    """The end of the name at tokens ``start:end`` without the lower-case function words it
    ends on ("Senate Committee on", "Chihuahua and"): no name ends with one."""
    while end - start > 1 and t.tag[end - 1] in _OPEN_TAGS and t.is_lower[end - 1]:
        end -= 1
    return end


def join_next(found: Sequence[Span], label: Callable[[Span, Span], str | None]) -> list[Span]:
    """The names ``found`` (in order), each joined to the name before it (as it stands, joined
    or not) where ``label(before, name)`` gives the joined name's label; None keeps them apart."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in found:
        joined = label(out[-1], ent) if out else None
        if joined is None:
            out.append(ent)
        else:
            out[-1] = Span(ent.doc, out[-1].start, ent.end, label=joined)
    return out


def of_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where one ends on a lower-case "of" (and "the") and the
    next name follows at once, the two as one name of the first's label: "the Circuit Court
    of" and "Cook County", "the Bay of" and "Biscay". A person's name is left apart."""

    def label(prev: Span, ent: Span) -> str | None:
        joined = (
            ent.start == prev.end
            and prev.label_ in _OF_HEADS
            and ent.label_ in _OF_COMPLEMENTS
            and _ends_on_of(prev, t)
        )
        return prev.label_ if joined else None

    return join_next(found, label)


# the labels of names an ordinal in figures begins: not a country's or a city's ("the 30th U.S.
# president" is the 30th president)
_NUMBERED_UNITS = frozenset({"ORG", "LOC", "FAC", "NAME"})
# an ordinal written in figures: "5th", "21st", "101st"
_FIGURED = re.compile(r"\d+(st|nd|rd|th)")


def ordinal_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where an ordinal written in figures comes at once before
    a name that is no person's, country's or city's, the two as one name of the name's label:
    "the 5th U.S. Circuit Court of Appeals", "the 12th Brigade", "the 9th District" (the
    recogniser reads the ordinal apart). An ordinal in words ("the first Philippine
    Commission") says which one, not a name's part."""

    def label(prev: Span, ent: Span) -> str | None:
        joined = (
            prev.label_ == "ORDINAL"
            and ent.start == prev.end
            and ent.label_ in _NUMBERED_UNITS
            and figured(prev.text)
            and t.title[ent.start]
        )
        return ent.label_ if joined else None

    return join_next(found, label)


def figured(word: str) -> bool:
    """Whether ``word`` is an ordinal written in figures ("5th", "21st")."""
    return _FIGURED.fullmatch(word) is not None


def _ends_on_of(span: Span, t: Tokens) -> bool:
    k = span.end - 1
    if k > span.start and t.lower[k] == "the":
        k -= 1
    return k > span.start and t.lower[k] == "of"


def hyphen_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a hyphen written without spaces joins a name the
    recogniser labelled to a run of proper nouns it left out, the two as one name of the
    first's label: "Saxony" and "Anhalt" are "Saxony-Anhalt", as a run of proper nouns
    alone is joined so ("ITAR-TASS")."""

    def label(prev: Span, ent: Span) -> str | None:
        k = prev.end
        joined = (
            ent.label_ == "NAME"
            # not a person's: "the Putin-Aso meeting" is two persons'
            and prev.label_ not in ("NAME", "PERSON")
            and ent.start == k + 1
            and t.orth[k] == "-"
            and t.end_char[k - 1] == t.idx[k]
            and t.end_char[k] == t.idx[k + 1]
        )
        return prev.label_ if joined else None

    return join_next(found, label)


def given_name_joins(
    found: Sequence[Span], t: Tokens, words: frozenset[str] = frozenset()
) -> list[Span]:
    """The names ``found`` (in order), where a run of proper nouns the recogniser left out
    (NAME) comes at once before a person's name in one sentence, the two as one person's
    name: the small model cuts given names it has not seen ("Émile" and "Coornaert", "Cecil"
    and "Taylor"). Not a run with a title or a kind's word ("President", "Police Officer"),
    a month, nor a word in capitals ("BART Director"). Before a full name, only one word that
    is no word of the language (``words``): "Anatoly" and "Borisovich Chubais", "Janice" and
    "Denise Rosemond", but "Anatomist Jeffrey Laitman" has a title."""

    def label(prev: Span, ent: Span) -> str | None:
        joined = (
            ent.label_ == "PERSON"
            and (len(ent) == 1 or _unknown_word(prev, ent, t, words))
            and prev.label_ == "NAME"
            and ent.start == prev.end
            and not t.sent_start[ent.start]
            and may_be_given(prev, t)
        )
        return "PERSON" if joined else None

    return join_next(found, label)


def _unknown_word(span: Span, ent: Span, t: Tokens, words: frozenset[str]) -> bool:
    """Whether ``span`` is one word that ``words`` (the language's, lower case) lack, before
    a full name ``ent`` without figures ("Samsung" before "Galaxy Tab S4", a product the
    recogniser took for a person's name, stays apart)."""
    return (
        bool(words)
        and len(span) == 1
        and not is_word(t.lower[span.start], words)
        and all(t.alpha[k] or t.orth[k].endswith(".") for k in range(ent.start, ent.end))
    )


def may_be_given(span: Span, t: Tokens) -> bool:
    """Whether the words of ``span`` may be a given name's: capitalised, not all capitals
    (initials aside: "J.R.R."; a surname's particle after the first), no title, kind's word,
    suffix or month."""
    for k in range(span.start, span.end):
        w = t.orth[k]
        word = t.lower[k].rstrip(".")
        if k > span.start and w in NAME_PARTICLES:
            continue  # "Darly Alves da" before "Silva"
        if not w[:1].isupper() or (len(word) > 1 and w.isupper() and "." not in w):
            return False
        if not_given(word):
            return False
    return True


def not_given(word: str) -> bool:
    """Whether ``word`` (lower case) is a title, a kind's word, a suffix, a month, a
    portfolio's word or a nationality: never a part of a person's name."""
    return (
        word in _NOT_GIVEN
        or word in ORG_SUFFIXES
        or word in NOUN_TYPE
        or word in MONTHS
        or word in PORTFOLIO_WORDS
        or is_nationality(word)
    )
