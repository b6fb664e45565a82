"""Dates: a date phrase spaCy found, read as an ISO 8601 date, year-month or year."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.lexicon import (
    DATE_TRIGGERS,
    DATES_ON_THE_KIND,
    DATES_ON_THE_NAME,
    END_PREPOSITIONS,
    MONTHS,
    START_PREPOSITIONS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def iso_date(text: str) -> str | None:
    """An ISO 8601 date (or year, or year-month) for a date phrase; None when it has none.

    >>> iso_date("March 3, 1971"), iso_date("in Sept. 2019"), iso_date("1998"), iso_date("June")
    ('1971-03-03', '2019-09', '1998', None)
    """
    s = text.lower().replace(",", " ").replace(".", " ")
    year = _YEAR.search(s)
    if not year:
        return None
    words = s.split()
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next((int(w) for w in _DAY.findall(s) if 1 <= int(w) <= 31), None)
    if month and day:
        return f"{year.group(1)}-{month:02d}-{day:02d}"
    if month:
        return f"{year.group(1)}-{month:02d}"
    return year.group(1)


def with_day(date: Span) -> Span:
    """A date phrase with the day the recogniser left out before its month: in "born 17
    September 1965" it tags "17" a number and "September 1965" a date, which alone reads
    1965-09."""
    i = date.start
    if i == 0 or date[0].lower_ not in MONTHS:
        return date
    day = date.doc[i - 1]
    if day.tag_ != "CD" or not day.text.isdigit() or not 1 <= int(day.text) <= 31:
        return date
    return date.doc[i - 1 : date.end]


# How far up the parse a date's word and the subject's word may be from the word they share.
_HOPS = 3


def anchor(date: Span) -> tuple[Token, str]:
    """The word a date hangs from in the parse, past its preposition, and that preposition
    ("" for none): "founded in 1998" -> (founded, "in")."""
    root = date.root
    head = root.head
    prep = ""
    if head.dep_ == "prep" or head.pos_ == "ADP":
        prep = head.lower_
        head = head.head
    return head, prep


def attached(date: Span, subject: Span, predicate: str) -> bool:
    """Whether a date states ``predicate`` of ``subject``: it hangs in the parse from a word
    that carries the predicate, and that word is tied to the subject (its verb, a clause on
    it, a noun it owns), or, for the dates of a life or a span, from the subject's name itself.

    A year elsewhere in the sentence ("an alliance agreed in 2000") states nothing.
    """
    word, prep = anchor(date)
    if word.i == date.root.i:
        return False
    if subject.start <= word.i < subject.end:
        return predicate in DATES_ON_THE_NAME
    if not prep and word.pos_ in ("NOUN", "PROPN") and predicate in DATES_ON_THE_KIND:
        # "X is a 2004 film", "X, a 2004 album": the year on the noun that describes X
        if date.root.dep_ in ("nummod", "compound", "amod", "npadvmod") and _tied(word, subject):
            return True
    triggers = DATE_TRIGGERS.get(predicate)
    if triggers is None:
        return False
    carried = word.lemma_.lower() in triggers or word.lower_ in triggers
    if predicate == "start_time":
        carried = carried or (prep in START_PREPOSITIONS and word.pos_ in ("VERB", "AUX"))
    if predicate == "end_time":
        carried = carried or (prep in END_PREPOSITIONS and word.pos_ in ("VERB", "AUX"))
    return carried and _tied(word, subject)


def _tied(word: Token, subject: Span) -> bool:
    """The word and the subject's name are a few steps apart in the parse: the name is the
    word's subject or object ("Acme was founded"), the word a clause on the name ("Acme,
    founded in"), or a noun the name owns ("Acme's founding")."""
    ups = {}
    t, k = subject.root, 0
    while k <= _HOPS:
        ups[t.i] = k
        if t.head.i == t.i:
            break
        t, k = t.head, k + 1
    t, k = word, 0
    while k <= _HOPS:
        if t.i in ups and ups[t.i] + k <= _HOPS + 1:
            return True
        if t.head.i == t.i:
            break
        t, k = t.head, k + 1
    return False


def precision(iso: str) -> str:
    """How precise an ISO date from ``iso_date`` is: "year", "month" or "day".

    >>> precision("1998"), precision("2019-09"), precision("1971-03-03")
    ('year', 'month', 'day')
    """
    return {4: "year", 7: "month"}.get(len(iso), "day")
