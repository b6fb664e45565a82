"""Times attached to a fact: the time expressions the parse hangs on a fact's verb ("in 2019",
"last year", "on Tuesday", "since March", "until 2020", "one year after X appointed Y"), read
as dates against the document's publication date, each with its precision.

A date written out ("March 2019") is read by kg.extract.dates; a relative one ("last year",
"on Tuesday", "two years ago") by dateparser (BSD), with the publication date as its
RELATIVE_BASE, English only (no language detection) and cached, since a corpus repeats its
few relative phrases and dateparser costs about a millisecond a call (a second on the first).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from kg.extract.dates import iso_date
from kg.lexicon import (
    BEGINNING_VERBS,
    ENDING_VERBS,
    NUMBER_WORDS,
    START_PREPOSITIONS,
    TIME_AT_PREPOSITIONS,
    TIME_END_PREPOSITIONS,
    TIME_MARKS,
    TIME_UNITS,
)
from kg.model import Time
from kg.vocab import STATES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# dateparser's periods and the precision kg keeps of each ("this week": the day, no finer)
_PERIODS = {"year": "year", "month": "month", "week": "day", "day": "day"}
_FORMS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


class Said(NamedTuple):
    """A time expression on a verb: what it marks ("start", "end" or "at") and its time."""

    mark: str
    time: Time


def base(date: str | None) -> datetime | None:
    """A publication date ("2026-06-03" or "2026-06-03T14:35") as a datetime; None if none."""
    if not date:
        return None
    try:
        return datetime.fromisoformat(date[:16])
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def resolve(text: str, published: str | None) -> Time | None:
    """The time a time expression names, a relative one read against ``published``.

    >>> resolve("March 2019", None), resolve("last year", "2026-06-03")
    (Time(value='2019-03', precision='month'), Time(value='2025', precision='year'))
    """
    words = text.strip()
    if re.search(r"\b(1[5-9]\d\d|20\d\d)\b", words):
        iso = iso_date(words)
        return Time.of(iso) if iso else None
    when = base(published)
    if when is None or not re.search(r"[a-z]", words.lower()):
        return None
    data = _parser(when).get_date_data(words)
    precision = _PERIODS.get(data.period or "")
    if data.date_obj is None or precision is None:
        return None
    return Time(data.date_obj.strftime(_FORMS[precision]), precision)


@lru_cache(maxsize=64)
def _parser(when: datetime):
    from dateparser.date import DateDataParser  # loads its language data on first use

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": when,
            "PREFER_DATES_FROM": "past",  # news reports "on Tuesday" after the Tuesday
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def shifted(length: str, sign: int, published: str | None, ref: Time | None) -> Time | None:
    """The time ``length`` ("one year", "18 months") before (``sign`` -1) or after (+1) the
    reference: ``ref``, else the publication date. Its precision is the reference's ("two years
    after March 2019": March 2021), or from the publication date the unit's ("one year after":
    a year, not a day a year before publication)."""
    m = re.fullmatch(r"(?:(\d+)|([a-z]+))\s+(year|month|week|day)s?", length.strip().lower())
    if not m:
        return None
    n = int(m[1]) if m[1] else NUMBER_WORDS.get(m[2])
    if n is None:
        return None
    start = base(_padded(ref.value) if ref is not None else published)
    if start is None:
        return None
    unit = m[3]
    if unit == "year":
        moved = start.replace(year=start.year + sign * n, day=min(start.day, 28))
    elif unit == "month":
        months = start.year * 12 + start.month - 1 + sign * n
        moved = start.replace(year=months // 12, month=months % 12 + 1, day=min(start.day, 28))
    else:
        moved = start + timedelta(days=sign * n * (7 if unit == "week" else 1))
    precision = ref.precision if ref is not None else TIME_UNITS[unit]
    return Time(moved.strftime(_FORMS[precision]), precision)


# the labels of a date on its verb without a preposition: "last year", "Tuesday", "two years
# ago" (spaCy makes "ago" the adverb the date hangs on)
_BARE = ("npadvmod", "tmod", "advmod")


def _padded(value: str) -> str:
    """An ISO year or year-month as a full date ("2019" -> "2019-01-01"): a date to shift."""
    return value + "-01" * ((10 - len(value)) // 3)


def on_verb(verb: Token, date_of: dict[int, Span], published: str | None) -> list[Said]:
    """The times the parse attaches to ``verb``: dates after one of the time prepositions,
    bare dates ("last year", "Tuesday"), and a length before "after" or "before" ("one year
    after X appointed Y"), counted from the time of the clause the verb's clause hangs from.
    An infinitive takes the times of the verb it completes ("agreed on Tuesday to buy")."""
    out = _own(verb, date_of, published)
    if not out and verb.dep_ == "xcomp":
        out = _own(verb.head, date_of, published)
    return out


def _own(
    verb: Token, date_of: dict[int, Span], published: str | None, lengths: bool = True
) -> list[Said]:
    """A verb's own dates, after a time preposition or bare; with ``lengths``, a length
    before "after" or "before" counted from the time of the clause the verb hangs from."""
    out: list[Said] = []
    marks = [c for c in verb.children if c.dep_ in ("mark", "prep") and c.lower_ in TIME_MARKS]
    lengths_of: list[str] = []
    for c in verb.children:
        if c.dep_ == "prep" and (mark := _mark(c.lower_)):
            for p in c.children:
                if p.dep_ == "pobj" and p.i in date_of:
                    t = resolve(date_of[p.i].text, published)
                    if t is not None:
                        out.append(Said(mark, t))
        elif c.dep_ in _BARE and c.i in date_of:
            if marks:  # "one year after ...": a length, not a date
                lengths_of.append(date_of[c.i].text)
            elif (t := resolve(date_of[c.i].text, published)) is not None:
                out.append(Said("at", t))
    if lengths and lengths_of and not out:  # a date of the verb's own is surer than a length
        ref = _clause_time(verb, date_of, published)
        t = shifted(lengths_of[0], TIME_MARKS[marks[0].lower_], published, ref)
        if t is not None:
            out.append(Said("at", t))
    return out


def _mark(prep: str) -> str | None:
    if prep in START_PREPOSITIONS:
        return "start"
    if prep in TIME_END_PREPOSITIONS:
        return "end"
    return "at" if prep in TIME_AT_PREPOSITIONS else None


def _clause_time(verb: Token, date_of: dict[int, Span], published: str | None) -> Time | None:
    """The time of the clause ``verb``'s clause hangs from, where that clause gives one (else
    None: the publication date, the time news reports in)."""
    head = verb.head
    if head.i == verb.i:
        return None
    said = [s for s in _own(head, date_of, published, lengths=False) if s.mark == "at"]
    return said[0].time if said else None


def roles(said: list[Said], lemma: str, predicate: str) -> tuple[tuple[str, Time], ...]:
    """The fact's time qualifiers from its verb's times: a start or an end as marked; a time
    "at" is the start of a state a verb begins ("hired in 2019"), the end of one it ends ("left
    in 2020"), and otherwise when the fact happened or held."""
    out = []
    for s in said:
        role = {"start": "start", "end": "end"}.get(s.mark)
        if role is None:
            state = predicate in STATES
            if state and lemma in BEGINNING_VERBS:
                role = "start"
            elif state and lemma in ENDING_VERBS:
                role = "end"
            else:
                role = "when"
        out.append((role, s.time))
    return tuple(dict.fromkeys(out))
