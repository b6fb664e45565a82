"""A work's year in brackets after its name: "the film Thira (2013)", "his seventh album Light
Years (2000)", "The Wooden Horse (1950)": the year it came out. Reviews, obituaries and
encyclopedias date a work so. Takes the block's reader (kg.extract.rules) and one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import WORK_YEAR_CONFIDENCE
from kg.extract.dates import iso_date
from kg.lexicon import KIND_NOUNS

if TYPE_CHECKING:
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

PUBLISHED = ("publication_date",)
WORK_NOUNS = frozenset(KIND_NOUNS["Work"])
# how far before a name a noun of works may stand ("the album Light Years", "the 1950 film X")
_BEFORE = 3


def work_years(r: _Reader, sent: Sentence) -> None:
    """ "Name (YEAR)" where the name is a work's: the recogniser's label says so, or a noun
    of works describes it ("the film Thira (2013)")."""
    if not r.date_of:
        return  # most blocks name no date
    orth, tm, lemma = r.t.orth, r.tm, r.t.lemma
    mentions = r.out.mentions
    for i in r._within(r._named_ids, sent):
        a = tm[i]
        if tm.get(i + 1) == a or i + 3 >= sent.end:
            continue  # not the name's last word
        if orth[i + 1] != "(" or orth[i + 3] != ")" or i + 2 not in r.date_of:
            continue
        year = iso_date(orth[i + 2])
        if year is None or len(year) != 4 or not orth[i + 2].isdigit():
            continue
        first = i
        while tm.get(first - 1) == a:
            first -= 1
        described = (
            any(lemma[k] in WORK_NOUNS for k in range(max(sent.start, first - _BEFORE), first))
            or r.sdoc[first : i + 1].root.head.lemma_ in WORK_NOUNS
        )
        if mentions[a].label != "WORK_OF_ART" and not described:
            continue
        r.emit(a, year, PUBLISHED, WORK_YEAR_CONFIDENCE, "work-year", sent, r.sdoc[i + 2])
