"""Where the recogniser cut a name short at its end or its start, the whole name again: a
person's name it read in two pieces ("Muhammaed Yasir" and "Ahmed Taher", "John Marshall" and
"Harlan", "Kengo" wa "Dondo"), a ruler's number after the name ("Carol I", "Frederick III"),
the year an event's name begins with ("2002" and "Winter Olympics"), a place's division before
its "of" ("the Province of Potosí"), a product's model number ("Windows 10"); and where it ran
a person's name into the phrase after it ("Lucien Favre six games"), the name alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.defaults import MAX_JOINED_PERSON_WORDS, MAX_LINK_CHARS
from kg.extract.joins import join_next, may_be_given, not_given
from kg.extract.plain_words import is_word
from kg.extract.tokens import Tokens
from kg.extract.types import CITIES, COUNTRIES
from kg.lexicon import DIVISION_NOUNS, EVENT_SUFFIXES, NAME_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Span

# a ruler's or a pope's number: "II" to "XXXIX" ("I" alone may be the pronoun, see _regnal)
_ROMAN = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")
# the tags of what may follow a ruler's "I" ("Carol I in 1914", "Constantine I of Greece",
# "Leopold I ,"): not a verb, after which "I" is the pronoun ("told Smith I was")
_AFTER_FIRST = frozenset({"IN", ",", ".", ":", "-RRB-", "-LRB-", "HYPH", "``", "''", "POS"})
# a year in figures that an event's name begins with ("the 2002 Winter Olympics")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# the last words of an event's name that a year begins: a competition's or a festival's
# ("the 2002 Winter Olympics", "the 1992 Winter Olympic Games"), not a war's ("the 1982
# Falklands War" is the Falklands War)
_EVENT_ENDS = EVENT_SUFFIXES | frozenset({"games"})
# the labels the recogniser gives an event's year read apart ("the 2002" as an event)
_YEAR_LABELS = frozenset({"EVENT", "DATE", "CARDINAL"})
# the divisions whose "of" complement is the rest of a place's name ("the Province of Potosí",
# "the Metropolitan City of Bari"); not "state", "country", "area" or "district", which a
# document writes as often for the place itself ("the State of Texas" is Texas) or a court's
# circuit ("the Northern District of New York")
PLACE_OF_HEADS = DIVISION_NOUNS - frozenset({"state", "country", "area", "district", "capital"})


def person_joins(found: Sequence[Span], t: Tokens, words: frozenset[str]) -> list[Span]:
    """The names ``found`` (in order), where a person's name of two words or more is followed
    at once in its sentence by another person's name that shares no word with it
    ("Muhammaed Yasir" and "Ahmed Taher"), or a person's name by a run of proper nouns the
    recogniser left out that may be a surname: no word of the language, title, kind's word,
    month or nationality ("John Marshall" and "Harlan II"); the two as one person's name.
    ``words``: the language's words (``plain_words.english_words``): a run that is one ("Obama
    Slams") is a headline's verb as often as a surname."""

    def label(prev: Span, ent: Span) -> str | None:
        if (
            prev.label_ != "PERSON"
            or ent.start != prev.end
            or t.lower[prev.end - 1] in ("'s", "’s")  # "Lucio Fulci 's" before a film's title
            or t.sent_start[ent.start]
            or ent.end - prev.start > MAX_JOINED_PERSON_WORDS
        ):
            return None
        if ent.label_ == "PERSON":
            mine = {t.lower[k] for k in range(prev.start, prev.end)}
            joined = len(prev) > 1 and not mine & set(t.lower[ent.start : ent.end])
        else:
            joined = ent.label_ == "NAME" and _surname(ent, t, words)
        return "PERSON" if joined else None

    return join_next(found, label)


def split_person_joins(found: Sequence[Span], t: Tokens, words: frozenset[str]) -> list[Span]:
    """The names ``found`` (in order), where the recogniser cut one person's name into two
    pieces of two labels that follow at once in one sentence, the first a compound of the
    second: "Thiago" (a place) and "Alcantara" (a person), "Pep" and "Guardiola" (an
    organization), "Deniz" (a place) and "Yucel" (an organization). A piece not labelled a
    person's is one word that is no word of the language, title nor place (``_surname``):
    "Toyota" and "Prius sales", "Berlin" and "Schmidt" stay apart; a first piece the
    recogniser left out may be a given name that is a word ("Pep"). Two such words are a
    person's name far more often than anything else's. ``words``: the language's words
    (``plain_words.english_words``)."""

    def label(prev: Span, ent: Span) -> str | None:
        if (
            prev.label_ == ent.label_
            or ent.start != prev.end
            or t.sent_start[ent.start]
            or ent.end - prev.start > MAX_JOINED_PERSON_WORDS
            or t.dep[prev.end - 1] != "compound"
            or not ent.start <= t.head[prev.end - 1] < ent.end
        ):
            return None
        # a given name the recogniser left out may be a word too ("Pep", "Rich")
        given = prev.label_ in ("PERSON", "NAME") and len(prev) == 1 and may_be_given(prev, t)
        pieces = [x for x in (prev, ent) if x.label_ != "PERSON" and not (x is prev and given)]
        if not all(len(x) == 1 and _surname(x, t, words) for x in pieces):
            return None
        return "PERSON"

    return join_next(found, label)


def _surname(span: Span, t: Tokens, words: frozenset[str]) -> bool:
    """Whether the run of proper nouns ``span`` may be a surname: capitalised words that are
    no words of the language, titles or places, and a ruler's number."""
    for k in range(span.start, span.end):
        w = t.orth[k]
        if k > span.start and _ROMAN.fullmatch(w) and w:
            continue
        low = t.lower[k]
        if (
            not w[:1].isupper()
            or w.isupper()
            or not t.alpha[k]
            or not_given(low)
            or is_word(low, words)
            or low in CITIES
            or low in COUNTRIES
        ):
            return False
    return True


def regnal(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), a person's or a run of proper nouns with the ruler's or
    pope's number in Roman figures that follows at once ("King Carol I", "Elector Frederick
    III", "Pope Benedict XVI"), which the recogniser leaves out. "I" only before a
    preposition or punctuation: before a verb it is the pronoun."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in found:
        if out and out[-1].start <= ent.start and ent.end <= out[-1].end:
            continue  # the number, read as a name of its own, taken into the name before
        k = ent.end
        if ent.label_ in ("PERSON", "NAME") and k < t.n and _regnal(k, t):
            ent = Span(ent.doc, ent.start, k + 1, label=ent.label_)
        out.append(ent)
    return out


def _regnal(k: int, t: Tokens) -> bool:
    w = t.orth[k]
    if not w or not _ROMAN.fullmatch(w) or t.idx[k] == t.end_char[k - 1]:
        return False
    if not t.title[k - 1] or t.sent_start[k]:
        return False
    if w != "I":
        return True
    return k + 1 >= t.n or t.tag[k + 1] in _AFTER_FIRST


def year_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a year in figures the recogniser read apart
    comes at once before an event's name, or a run of proper nouns that ends in an event's
    word ("Olympics", "Cup", "Championships"), the two as one event's name: "the 2002 Winter
    Olympics", "the 2014 FIFA World Cup". The year tells one Olympics from another; a war's
    year is none of its name ("the 1982 Falklands War")."""

    def label(prev: Span, ent: Span) -> str | None:
        year = [k for k in range(prev.start, prev.end) if t.lower[k] != "the"]
        joined = (
            prev.label_ in _YEAR_LABELS
            and ent.start == prev.end
            and len(year) == 1
            and _YEAR.fullmatch(t.orth[year[0]]) is not None
            and t.orth[ent.start][:1].isupper()
            and t.lower[ent.end - 1] in _EVENT_ENDS
            and ent.label_ in ("EVENT", "NAME", "ORG")
        )
        return "EVENT" if joined else None

    return join_next(found, label)


def division_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a run of proper nouns ends in a place's division
    ("Province", "Town", "Metropolitan City") and "of" and a place's name follow at once, the
    two as one place's name: "the Province of Potosí", "the Town of Maniwaki". Not a body's
    ("the Bank of New York": ``org_joins.head_joins``) nor a division in lower case ("the town
    of Guilderland" names the town "Guilderland")."""

    def label(prev: Span, ent: Span) -> str | None:
        k = prev.end
        joined = (
            prev.label_ == "NAME"
            and ent.label_ in ("GPE", "LOC", "NAME")
            and ent.start == k + 1
            and t.lower[k] == "of"
            and t.is_lower[k]
            and t.title[k - 1]
            and t.lower[k - 1] in PLACE_OF_HEADS
            and t.title[ent.start]
        )
        return "GPE" if joined else None

    return join_next(found, label)


# the labels of names a model's number or letter may follow: a product's, a body's that makes
# it ("the Nexus Q", where the recogniser read "Nexus" as a company) and a run of proper nouns
_MODEL_LABELS = frozenset({"PRODUCT", "ORG", "NAME"})
# a model's code after its name: a letter and figures ("S4", "X1"), or a capital letter alone
# ("Q"); not "A" nor "I", which are words
_MODEL_CODE = re.compile(r"[A-HJ-Z]\d{0,3}")
# a model's number in figures ("Windows 10", "PlayStation 4", "Atari 2600"); a year is none
_MODEL_NUMBER = re.compile(r"\d{1,4}")
# the tags of what may not follow a model's code or number: a noun it counts ("Toyota 15
# cars"), a unit, another name or number (a score: "Chelsea 2 Arsenal 1"), a hyphen
_NOT_AFTER_MODEL = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "NFP", "SYM", "$"})


def model_numbers(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a product's name is followed at once by its
    model's number ("Windows 10", "PlayStation 4"), or a product's or a run of proper nouns
    by a model's code in capitals ("Galaxy Tab S4"), the two as one product's name, which the
    recogniser cuts before the number; a name it read as a body's takes a letter alone
    ("Nexus Q"), as a maker's name before a code with figures is the maker's ("the Airbus
    A320"). Not before a noun, which a
    number counts ("Toyota 15 cars"), nor before a name or (a number) a comma, as in a score
    ("Chelsea 2, Arsenal 1"). A year is no model's number."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in found:
        if out and out[-1].start <= ent.start and ent.end <= out[-1].end:
            continue  # the code, read as a name of its own, taken into the name before
        k = ent.end
        while k < t.n - 1 and t.space[k]:
            k += 1  # a space the tokenizer kept ("Nexus\xa0Q"): the code is after it
        if ent.label_ in _MODEL_LABELS and k < t.n and _model(ent, k, t):
            ent = Span(ent.doc, ent.start, k + 1, label="PRODUCT")
        out.append(ent)
    return out


def _model(ent: Span, k: int, t: Tokens) -> bool:
    """Whether token ``k``, apart from the name ``ent`` by a space, is its model's code or
    (after a product's name) number, before what ends the name's phrase."""
    w, last = t.orth[k], ent.end - 1
    if t.sent_start[k] or not t.orth[last][:1].isupper() or t.idx[k] == t.end_char[last]:
        return False
    number = ent.label_ == "PRODUCT" and _MODEL_NUMBER.fullmatch(w) and not _YEAR.fullmatch(w)
    # a maker's name before a code with figures is the maker's ("the Airbus A320")
    code = _MODEL_CODE.fullmatch(w) and (ent.label_ != "ORG" or len(w) == 1)
    if not number and not code:
        return False
    if k + 1 >= t.n:
        return True
    # a comma after a number may end a team's score in a list ("Chelsea 2, Arsenal 1")
    return t.tag[k + 1] not in _NOT_AFTER_MODEL and not (number and t.orth[k + 1] == ",")


def person_end(start: int, end: int, t: Tokens) -> int:
    """The end of a person's name at tokens ``start:end`` before the first word in lower
    case that is no surname's particle ("Lucien Favre six games into the season": the
    recogniser ran the name into the phrase after it). A lower-case word before a capitalised
    one stays ("Kengo wa Dondo"), as does the end of a hyphenated name ("Li Song-ho")."""
    for k in range(start + 1, end):
        if (
            t.alpha[k]
            and t.is_lower[k]
            and t.lower[k] not in NAME_PARTICLES
            and t.orth[k - 1] not in _HYPHENS
            and not (k + 1 < end and t.orth[k + 1][:1].isupper())
        ):
            return k
    return end


_HYPHENS = frozenset({"-", "–"})
# the labels of the name a surname's link may lead to ("Kengo wa" and "Dondo", read as a body)
_LINKED_LABELS = frozenset({"PERSON", "ORG", "NAME", "GPE"})
# the tags of a short word in lower case that links a surname: the tagger's for a name or a
# foreign word ("wa", "e"), not a verb's ("Qian Qichen met President Bill Clinton")
_LINK_TAGS = frozenset({"NNP", "NNPS", "FW", "XX"})
# short words in lower case between two names that link no name: "Smith vs Jones"
_NO_LINKS = frozenset({"vs", "v"})


def linked_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a person's name and a capitalised name follow each
    other with one word in lower case between them that is a surname's particle or a short
    word the tagger reads as a name's or a foreign word ("Jeanne Thérèse" du "Han de
    Martigny", "João Paulo de Leiria" e "Silva", "Kengo" wa "Dondo"), the two as one person's
    name: the recogniser stops at the word it does not know, which the tagger may read as a
    name of its own ("wa") or the start of the next ("e Silva"). "Smith and Jones", "Smith
    vs Jones" and "Qian Qichen met President Bill Clinton" stay apart."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in found:
        if out and out[-1].label_ == "NAME" and len(out) > 1 and _linker_span(out[-1], t):
            prev, link = out[-2], out[-1]
            if _linked(prev, link.start, ent, ent.start, t):
                out[-2:] = [Span(ent.doc, prev.start, ent.end, label="PERSON")]
                continue
        if out:
            prev = out[-1]
            first = ent.start + (ent.label_ == "NAME" and t.is_lower[ent.start])
            if first < ent.end and _linked(prev, first - 1, ent, first, t):
                out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
                continue
        out.append(ent)
    return out


def _linker_span(span: Span, t: Tokens) -> bool:
    """Whether ``span`` is one word in lower case, a linker the tagger read as a name."""
    return len(span) == 1 and t.is_lower[span.start]


def _linked(prev: Span, k: int, ent: Span, first: int, t: Tokens) -> bool:
    """Whether token ``k`` alone lies between the person's name ``prev`` and the capitalised
    word ``first`` of the name ``ent``, and links them as a surname's particle does."""
    return (
        prev.label_ == "PERSON"
        and ent.label_ in _LINKED_LABELS
        and k == prev.end
        and first == k + 1
        and not t.sent_start[first]
        and t.title[first]
        and t.title[k - 1]
        and t.alpha[k]
        and t.is_lower[k]
        and not not_given(t.lower[first])  # "Qian Qichen met President Bill Clinton"
        and (
            t.lower[k] in NAME_PARTICLES
            or (
                len(t.lower[k]) <= MAX_LINK_CHARS
                and t.tag[k] in _LINK_TAGS
                and t.lower[k] not in _NO_LINKS
            )
        )
        and ent.end - prev.start <= MAX_JOINED_PERSON_WORDS
    )
