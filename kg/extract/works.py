"""A work's year in brackets after its name: "the film Thira (2013)", "his seventh album Light
Years (2000)", "The Wooden Horse (1950)", or on the noun of works that describes it: "X is a
1936 British film", "X, a 1994 film", "the 1969 film X": the year it came out. Reviews,
obituaries and encyclopedias date a work so. Takes the block's reader (kg.extract.rules) and
one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import (
    RECORD_LABEL_CONFIDENCE,
    RELEASE_DATE_CONFIDENCE,
    STAR_CONFIDENCE,
    WORK_KIND_YEAR_CONFIDENCE,
    WORK_YEAR_CONFIDENCE,
)
from kg.extract.dates import iso_date
from kg.lexicon import KIND_NOUNS, RECORD_NOUNS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

PUBLISHED = ("publication_date",)
CAST = ("cast_member",)
RECORD_LABEL = ("record_label",)
# the recogniser's labels of names that are works or products whatever noun describes them
_WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})
WORK_NOUNS = frozenset(KIND_NOUNS["Work"])
# names a noun of works cannot stand for ("Jane Doe, a 1990 film star" is the star's)
_NOT_WORKS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
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


# how a bare year hangs from the noun it dates ("a 1936 film", "the 1969 film")
_YEAR_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod"})


def kind_years(r: _Reader, sent: Sentence) -> None:
    """A year on a noun of works that stands for a name by copula or apposition ("X is a 1936
    British film", "X, a 1994 film") or that a name follows in apposition ("the 1969 film
    X"): the year the work came out. A decade ("a 1970s film") or a full date is no year."""
    if not r.date_of:
        return
    orth, sdoc = r.t.orth, r.sdoc
    for i in range(sent.start, sent.end):
        if i not in r.date_of or len(orth[i]) != 4 or not orth[i].isdigit():
            continue
        tok = sdoc[i]
        noun = tok.head
        if tok.dep_ not in _YEAR_DEPS or noun.pos_ != "NOUN" or noun.lemma_ not in WORK_NOUNS:
            continue
        if len(r.date_of[i]) != 1:
            continue  # "the 12 May 1936 film" is no year alone
        name = r._name_token(noun)
        if name is None:
            name = next((c for c in noun.children if c.dep_ == "appos" and c.i in r.tm), None)
        if name is None or not _whole(r, name, noun):
            continue
        a = r.tm[name.i]
        if r.out.mentions[a].label in _NOT_WORKS:
            continue
        r.emit(a, orth[i], PUBLISHED, WORK_KIND_YEAR_CONFIDENCE, "work-year:kind", sent, tok)


def _whole(r: _Reader, name: Token, noun: Token) -> bool:
    """Whether the mention at ``name`` spans the whole phrase the parse makes of it (a leading
    "the" and the work's noun in apposition to it aside): a title the recogniser cut ("Song"
    of "Song of Freedom", "Present Danger" of "Clear and Present Danger") would take the
    work's year to a wrong name."""
    apposed = {t.i for t in noun.subtree} if noun.head.i == name.i else set()
    words = [
        t
        for t in name.subtree
        if t.i not in apposed and not (t.dep_ in ("det", "punct") and t.i < name.i)
    ]
    while words[-1].is_punct and words[-1].i > name.i:  # "X, a 1994 film,": not X's comma
        words.pop()
    m = r.out.mentions[r.tm[name.i]]
    first, last = words[0], words[-1]
    return m.start <= r.offset + first.idx and r.offset + last.idx + len(last) <= m.end


def releases(r: _Reader, sent: Sentence) -> None:
    """ "The album was released on 4 June 1996 by Elektra Records", "X, published in 2001",
    "Elektra released X in 1996": when a work or a product came out (a date on the verb), and
    a record's label (the company that released it, where a noun of recorded music describes
    it). Only a work's or a product's name: "released the hostages on Monday" dates nothing."""
    for verb, roles in _verbs(r, sent, r._release_ids):
        mod = r.modality(verb)
        for a, record in (w for t in roles.get("obj", []) for w in _works(r, t)):
            for d in roles.get("date", []):
                r.emit(a, r.ref(d), PUBLISHED, RELEASE_DATE_CONFIDENCE, "released", sent, d, mod)
            for b in _labelled(r, roles.get("subj", []) if record else [], "ORG"):
                r.emit(a, b, RECORD_LABEL, RECORD_LABEL_CONFIDENCE, "released", sent, None, mod)


def stars(r: _Reader, sent: Sentence) -> None:
    """ "Anna Berg starred in Dark Harbor", "the film, Dark Harbor, stars Anna Berg": the
    people who act in a work. Only a work's name (as ``releases`` reads it): "starred in
    Paris", "starred in the final" name no work."""
    for verb, roles in _verbs(r, sent, r._star_ids):
        mod = r.modality(verb)
        for work, people in (("prep:in", "subj"), ("subj", "obj")):
            for a, _ in (w for t in roles.get(work, []) for w in _works(r, t)):
                for b in _labelled(r, roles.get(people, []), "PERSON"):
                    r.emit(a, b, CAST, STAR_CONFIDENCE, "starred", sent, None, mod)


def _verbs(r: _Reader, sent: Sentence, ids: list[int]) -> Iterator[tuple[Token, dict]]:
    """The sentence's verbs among the block's tokens ``ids`` (found once a block by the
    reader), each with its roles (``_Reader.roles``)."""
    for i in r._within(ids, sent):
        if r.t.pos[i] == "VERB":
            verb = r.sdoc[i]
            yield verb, r.roles(verb)


def _labelled(r: _Reader, toks: list[Token], label: str) -> Iterator[int]:
    """The mentions of the recogniser's ``label`` that ``toks`` (and their conjuncts) name."""
    for b in (b for t in toks for b in r.refs(t)):
        if isinstance(b, int) and r.out.mentions[b].label == label:
            yield b


def _works(r: _Reader, tok: Token) -> Iterator[tuple[int, bool]]:
    """The works and products ``tok`` and its conjuncts name ("the album", by copula or
    apposition, stands for its name), each with whether a noun of recorded music describes it."""
    for t in (tok, *tok.conjuncts):
        name = t if t.i in r.tm else _apposed(r, t) if t.pos_ == "NOUN" else None
        if name is None:
            continue
        nouns = {t.lemma_} if t.pos_ == "NOUN" and t is not name else set()
        nouns |= {c.lemma_ for c in name.children if c.dep_ in ("compound", "appos")}
        if name.dep_ == "appos":  # "the album, Load"
            nouns.add(name.head.lemma_)
        a = r.tm[name.i]
        if r.out.mentions[a].label in _WORK_LABELS or nouns & WORK_NOUNS:
            yield a, bool(nouns & RECORD_NOUNS)


def _apposed(r: _Reader, noun: Token) -> Token | None:
    """The name a noun of a work stands for: "the album, Load" (a name in apposition to it),
    "Load, the album" and "Load is the album" (``_Reader._name_token``)."""
    name = next((c for c in noun.children if c.dep_ == "appos" and c.i in r.tm), None)
    return name if name is not None else r._name_token(noun)
