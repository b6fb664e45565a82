"""The dates of a life in brackets after a person's name: "Ahmet Kaya (28 October 1957 – 16
November 2000) was a singer" gives the date of birth and the date of death. Obituaries and
encyclopedias write a life so; the two dates hang from the name itself, not from a year
elsewhere in the sentence. "Jan Visser (born 3 May 1960 in Lyon)" gives the date and the place
of birth. Takes the block's reader (kg.extract.rules) and one sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.defaults import LIFESPAN_CONFIDENCE, LIFESPAN_MIN_YEARS
from kg.extract.dates import iso_date, precision
from kg.lexicon import MONTHS

if TYPE_CHECKING:
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

BIRTH, DEATH = ("date_of_birth",), ("date_of_death",)
BIRTHPLACE = ("place_of_birth",)
# the recogniser's labels of a place of birth
_PLACES = frozenset({"GPE", "LOC"})
# words between the two dates of a life
DASHES = frozenset({"–", "-", "—", "to"})
# the recogniser's labels of a name a life may follow: a person's, and an organization's where
# both dates give the day ("Anthony Steel (21 May 1920 – 21 March 2001)", which spaCy's small
# model labels an organization; the type model makes it a person later)
_LIVES = frozenset({"PERSON", "ORG"})
# tokens of a bracket after a name, at most: a longer one holds more than a life
MAX_BRACKET = 16


def lifespans(r: _Reader, sent: Sentence) -> None:
    """ "Name (date – date)": the person's dates of birth and death."""
    if not r.date_of:
        return  # most blocks name no date
    orth, tm = r.t.orth, r.tm
    mentions = r.out.mentions
    for i in r._within(r._named_ids, sent):
        a = tm[i]
        label = mentions[a].label
        if tm.get(i + 1) == a or label not in _LIVES:
            continue  # not the name's last word, or no person's
        if i + 1 >= sent.end or orth[i + 1] != "(":
            continue
        last = min(sent.end, i + MAX_BRACKET)
        close = next((k for k in range(i + 2, last) if orth[k] == ")"), None)
        if close is None:
            continue
        if orth[i + 2].lower() == "born" and label == "PERSON":
            _born(r, a, i + 3, close, sent)
            continue
        dates = _two_dates(r, i + 2, close)
        if dates is None:
            continue
        (born, b_tok), (died, d_tok) = dates
        if label != "PERSON" and not (precision(born) == precision(died) == "day"):
            continue  # "Acme (1990 – 2010)": a body's years; a life is dated to the day
        r.emit(a, born, BIRTH, LIFESPAN_CONFIDENCE, "lifespan", sent, r.sdoc[b_tok])
        r.emit(a, died, DEATH, LIFESPAN_CONFIDENCE, "lifespan", sent, r.sdoc[d_tok])


def _born(r: _Reader, a: int, start: int, end: int, sent: Sentence) -> None:
    """ "Jane Doe (born 3 May 1960 in Lyon)": the date of birth where a date comes first, and
    the place a name after "in" gives. Read off the bracket, not the parse: the parse of a
    bracket between a name and its verb often hangs the name from "born" and loses the date's
    subject."""
    orth = r.t.orth
    k = start
    while k < end and (k in r.date_of or _day(orth[k], r.t.pos[k]) or orth[k] == ","):
        k += 1
    dated = [j for j in range(start, k) if j in r.date_of]
    born = iso_date(" ".join(orth[dated[0] : dated[-1] + 1])) if dated else None
    if born is not None and _plain(" ".join(orth[start:k]).rstrip(", ")):
        r.emit(a, born, BIRTH, LIFESPAN_CONFIDENCE, "lifespan:born", sent, r.sdoc[dated[0]])
    if k + 1 < end and orth[k] == "in" and (b := r.tm.get(k + 1)) is not None:
        if r.out.mentions[b].label in _PLACES:
            r.emit(a, b, BIRTHPLACE, LIFESPAN_CONFIDENCE, "lifespan:born", sent)


def _two_dates(r: _Reader, start: int, end: int) -> tuple[tuple[str, int], ...] | None:
    """The two dates (ISO, a token of each) of tokens ``start`` to ``end`` when they are a
    date, a dash and a date and nothing else (a day spaCy left out of a date counts: "3 May
    1901 – 12 June 1980"); None otherwise ("born 1957", "? – after 1612", "mayor 1920-1930")."""
    orth, pos = r.t.orth, r.t.pos
    dated = [k for k in range(start, end) if k in r.date_of]
    if not dated:
        return None
    for k in range(start, end):
        if k not in r.date_of and orth[k] not in DASHES and not _day(orth[k], pos[k]):
            return None
    parts = _split(" ".join(orth[start:end]))
    if parts is None:
        return None
    return ((parts[0], dated[0]), (parts[1], dated[-1]))


def _day(word: str, pos: str) -> bool:
    return pos == "NUM" and word.isdigit() and len(word) <= 2


def _split(text: str) -> tuple[str, str] | None:
    """The two dates of one date phrase that holds both ("1950-2010")."""
    parts = re.split(r"\s*[–—-]\s*|\s+to\s+", text.strip())
    if len(parts) != 2 or not all(map(_plain, parts)):
        return None
    born, died = iso_date(parts[0]), iso_date(parts[1])
    if born is None or died is None or int(died[:4]) - int(born[:4]) < LIFESPAN_MIN_YEARS:
        return None  # "Lynn Harrell (1986–1993)" after a post: a tenure
    return born, died


def _plain(date: str) -> bool:
    """Whether a date is days, months and years alone ("after 1612", "c. 1600" are not)."""
    words = date.replace(",", " ").split()
    return bool(words) and all(w.isdigit() or w.lower().rstrip(".") in MONTHS for w in words)
