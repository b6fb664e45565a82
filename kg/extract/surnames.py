"""Surnames the tagger missed: a capitalised word read as a common noun ("Ilves told
reporters", tagged a plural at a sentence's start) that ends a full name the document wrote
before ("Marta Ilves") is a name of its own, so that its mentions vote with the full name's and
a quotation or a fact can be its."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.lexicon import MONTHS, NOUN_TYPE, ORG_SUFFIXES, STOPLIST, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def surnames_seen(
    sdoc: Doc, t: Tokens, before: Sequence[RawMention], found: Sequence[Span]
) -> list[Span]:
    """Capitalised words the tagger did not read as proper nouns ("Ilves told reporters",
    tagged a plural at a sentence's start) that are the last word of a full name the document
    wrote before them ("Marta Ilves"): the name's surname, a name of its own (NAME, so the
    type model and the words around it type it). A lexicon's word that ends a name ("Bank" of
    "World Bank") is no surname."""
    cands = [
        i
        for i in range(t.n)
        if t.title[i]
        and t.alpha[i]
        and not t.ent[i]
        and not t.stop[i]
        and t.tag[i] not in ("NNP", "NNPS")
        and not _common(t.lower[i])
    ]
    if not cands:
        return []
    # the last word of each full name, and where it ends (0: in an earlier block)
    ends: dict[str, int] = {}
    for m in before:
        if " " in m.text and m.votes:
            ends.setdefault(m.text.rsplit(None, 1)[-1], 0)
    for e in found:
        if len(e) > 1:
            w = t.orth[e.end - 1]
            ends[w] = min(ends.get(w, e.end), e.end)
    from spacy.tokens import Span

    taken = {k for e in found for k in range(e.start, e.end)}
    return [
        Span(sdoc, i, i + 1, label="NAME")
        for i in cands
        if ends.get(t.orth[i], t.n + 1) <= i and i not in taken and t.orth[i].istitle()
    ]


def _common(word: str) -> bool:
    """A word of the lexicon's lists, which ends names of things, not persons."""
    return (
        word in ORG_SUFFIXES
        or word in NOUN_TYPE
        or word in TITLE_WORDS
        or word in STOPLIST
        or word in MONTHS
    )
