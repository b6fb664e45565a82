"""Where the recogniser cut an organization's name in two, the pieces as one name again: a
body's name ends before its "of", "for" or "on" complement ("the Federal Reserve Bank" and
"New York", "the Carnegie Foundation" and "the Advancement of Teaching"), before "and" ("the
Czechoslovak Song" and "Dance Ensemble"), after a nationality ("Chinese" and "Foreign
Ministry"), a wire service's or a newspaper's name in capitals falls in pieces ("YOMIURI" and
"SHIMBUN"), and a university's campus follows its system's name after a comma or "at" ("the
University of California, Berkeley", "the University of Texas at Austin"). And where it ran a
body into the body it belongs to ("the Kansas City Chiefs of the National Football League"),
the two apart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.joins import join_next
from kg.extract.links import is_country
from kg.extract.plain_words import is_word
from kg.extract.tokens import Tokens
from kg.extract.types import CITIES, COUNTRIES, is_nationality, is_party
from kg.lexicon import (
    CAMPUS_LINKS,
    HONORIFICS,
    KIND_TYPE,
    MEDIUM_WORDS,
    NATIONAL_BODY_HEADS,
    ORG_FOR_HEADS,
    ORG_HEAD_NOUNS,
    ORG_OF_HEADS,
    ORG_SUFFIXES,
    ROLE_NOUNS,
    TITLES,
)
from kg.names import name_key, subdivision_of

if TYPE_CHECKING:
    from spacy.tokens import Span

# the labels of a body's name a complement may follow: the recogniser's, or a run of proper
# nouns it left out
_BODY_LABELS = frozenset({"ORG", "NAME"})
# what an "of" complement may name: a place ("the Bank of New York"), not a body ("the
# National Executive Committee of the African National Congress": a unit and its parent);
# what a "for" or "on" complement may name: the body's work ("the Foundation for the
# Advancement of Teaching"), not a place, whom the body works for ("a grant from the Ford
# Foundation for Kenya")
_OF_COMPLEMENTS = frozenset({"NAME", "GPE", "LOC"})
_FOR_COMPLEMENTS = frozenset({"ORG", "NAME"})
_LINKS = {"of": _OF_COMPLEMENTS, "for": _FOR_COMPLEMENTS, "on": _FOR_COMPLEMENTS}


def head_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a body's name ends in a head noun that takes a
    complement ("Bank", "Diocese", "Foundation", "Committee") and "of", "for" or "on" (and
    "the") and a name follow at once, the two as one organization's name. A complement that
    is itself a body ("the Siberian Branch of the Russian Academy of Sciences") stays a name
    of its own: the unit and its parent are two."""
    return join_next(found, lambda prev, ent: "ORG" if _complement(prev, ent, t) else None)


def campus_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a university's name "University of X" is
    followed by a comma or "at" and a town's name, the two as one organization's name: the
    campus ("the University of California, Berkeley", "the University of Texas at Austin").
    Not a country's or a state's name ("the University of Toronto, Canada": where it is)."""

    def label(prev: Span, ent: Span) -> str | None:
        # the comma or "at" after the name, or the comma the recogniser took into it
        k = prev.end - 1 if t.lower[prev.end - 1] == "," else prev.end
        joined = (
            prev.label_ == "ORG"
            and ent.label_ == "GPE"
            and ent.start == k + 1
            and t.lower[k] in CAMPUS_LINKS
            and k - prev.start >= 3
            and t.lower[k - 3 : k - 1] == ["university", "of"]
            and not is_country(ent.text)
            and subdivision_of(name_key(ent.text)) is None
        )
        return "ORG" if joined else None

    return join_next(found, label)


def _complement(prev: Span, ent: Span, t: Tokens) -> bool:
    """Whether ``ent`` is the complement of the body's name ``prev``, which may end on the
    "of", "for" or "on" itself ("the Senate Committee on" and "Veterans Affairs")."""
    if prev.label_ not in _BODY_LABELS or prev.end > ent.start:
        return False
    k = prev.end
    if len(prev) > 1 and t.lower[k - 1] in _LINKS and t.is_lower[k - 1]:
        k -= 1
    if (k == prev.end and k >= ent.start) or not t.is_lower[k]:
        return False
    allowed = _LINKS.get(t.lower[k])
    if allowed is None or ent.label_ not in allowed:
        return False
    # an "of" complement follows the head itself; a "for" one may follow the head's own "of"
    # complement ("the Court of Appeals for the Third Circuit")
    if t.lower[k] == "of":
        if t.lower[k - 1] not in ORG_OF_HEADS:
            return False
    elif not any(t.lower[x] in ORG_FOR_HEADS for x in range(prev.start, k)):
        return False
    gap = range(max(k + 1, prev.end), ent.start)
    if len(gap) > 1 or any(t.lower[x] != "the" for x in gap) or t.sent_start[ent.start]:
        return False
    words = [x for x in range(ent.start, ent.end) if t.lower[x] != "the"]
    return bool(words) and t.title[words[0]] and not any(t.lower[x] in ORG_SUFFIXES for x in words)


# the heads of a body's name whose first words "and" may join: those that take a complement,
# and a unit's ("the Caribbean Air and Marine Branch", "the Plans and Operations Division")
_AND_HEADS = ORG_OF_HEADS | frozenset({"branch", "division", "section", "unit", "command"})


def and_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a name no body's is followed by "and" (or "&")
    and a body's name of two words that ends in a head noun, the two as one
    organization's name: "the Czechoslovak Song" and "Dance Ensemble", "Fish" and "Wildlife
    Service" (the recogniser and the run of proper nouns both stop at "and"). Not where the
    second begins with "the" ("Microsoft and the Gates Foundation": two names) or is longer
    ("An Bord Pleanála and Dublin City Council": a name of its own), nor after a person's or
    a place's name."""

    def label(prev: Span, ent: Span) -> str | None:
        joined = (
            prev.label_ in _BODY_LABELS
            and ent.label_ in _BODY_LABELS
            and ent.start == prev.end + 1
            and t.lower[prev.end] in ("and", "&")
            and not t.sent_start[ent.start]
            and t.title[ent.start]
            and ent.end - ent.start == 2
            and t.lower[ent.end - 1] in _AND_HEADS
            and not any(t.lower[x] in ORG_SUFFIXES for x in range(prev.start, prev.end))
            and all(t.title[x] or t.lower[x] == "the" for x in range(prev.start, prev.end))
        )
        return "ORG" if joined else None

    return join_next(found, label)


# the last words of a body another body belongs to: a league a team plays in ("the Kansas City
# Chiefs of the National Football League"), a university a college is part of
_PARENT_WORDS = ORG_SUFFIXES | frozenset({"league"})


def parent_pieces(ent: Span, t: Tokens) -> list[Span]:
    """An organization's name cut before "of the" or "for the" and a body's name that ends
    it, where a name of two words or more comes before: "the Kansas City Chiefs of the
    National Football League", "Queens College of the City University of New York" are a
    body and the one it belongs to, two names. A single word before ("the Council of the
    European Union") is a part named by its whole, one name."""
    if ent.label_ != "ORG":
        return [ent]
    start = ent.start + (t.lower[ent.start] == "the")
    for k in range(start + 2, ent.end - 2):
        if not (
            t.lower[k] in ("of", "for")
            and t.is_lower[k]
            and t.lower[k + 1] == "the"
            and t.is_lower[k + 1]
            and t.title[k + 2]
            and t.title[k - 1]
        ):
            continue
        if any(t.lower[x] in _PARENT_WORDS for x in range(k + 2, ent.end)):
            from spacy.tokens import Span

            return [
                Span(ent.doc, ent.start, k, label="ORG"),
                Span(ent.doc, k + 2, ent.end, label="ORG"),
            ]
        return [ent]
    return [ent]


def _capitals(span: Span, t: Tokens) -> bool:
    """Whether every word of ``span`` is written in capitals."""
    words = [x for x in range(span.start, span.end) if t.alpha[x]]
    return bool(words) and all(t.orth[x].isupper() for x in words)


def capital_joins(found: Sequence[Span], t: Tokens, raw: str) -> list[Span]:
    """The names ``found`` (in order), where two organizations' names or runs of proper nouns
    in capitals follow each other at once on one line, the two as one organization's name: a
    wire report cites its source in capitals, which the recogniser cuts ("YOMIURI" and
    "SHIMBUN", "JINGJI" and "YANJIU"). ``raw``: the block's own characters, whose line breaks
    the parse reads as spaces. A place in capitals before a name is a dateline's, apart."""

    def label(prev: Span, ent: Span) -> str | None:
        joined = (
            ent.start == prev.end
            and prev.label_ in _BODY_LABELS
            and ent.label_ in _BODY_LABELS
            and not t.sent_start[ent.start]
            and "\n" not in raw[t.end_char[prev.end - 1] : t.idx[ent.start]]
            and _capitals(prev, t)
            and _capitals(ent, t)
            and t.span_text(ent.start, ent.end).casefold() not in MEDIUM_WORDS
        )
        return "ORG" if joined else None

    return join_next(found, label)


def _personal(word: str) -> bool:
    """Whether a word (lower case) is a person's role or calling ("bishop", "leader")."""
    return word in ROLE_NOUNS or KIND_TYPE.get(word) == "Person"


def nationality_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a nationality adjective comes at once before the
    name of a state's ministry or embassy, the two as one organization's name: "the Chinese
    Foreign Ministry", "the French Embassy" (the recogniser reads the adjective apart, and
    the ministry without it is any country's); and where a faith's or a movement's adjective
    comes before a run of proper nouns the recogniser left out ("Islamic" and "State")."""

    def label(prev: Span, ent: Span) -> str | None:
        if prev.label_ != "NORP" or ent.start != prev.end:
            return None
        words = t.span_text(prev.start, prev.end)
        # "German-Russian": a nationality too
        national = is_nationality(words) or all(map(is_nationality, words.split("-")))
        if national:
            joined = ent.label_ == "ORG" and t.lower[ent.end - 1] in NATIONAL_BODY_HEADS
        else:
            # a faith's or a movement's word before a run of proper nouns the recogniser left
            # out names a body ("Islamic State", "Muslim Brotherhood"), not before a title
            # ("Catholic Bishop John Smith"); before a party's word, the party ("Christian"
            # and "Democrats")
            joined = (
                ent.label_ == "NAME"
                and not any(
                    w.rstrip(".") in TITLES or w.rstrip(".") in HONORIFICS or _personal(w)
                    for w in t.lower[ent.start : ent.end]
                )
            ) or (ent.label_ == "NORP" and is_party(t.span_text(ent.start, ent.end)))
        return "ORG" if joined else None

    return join_next(found, label)


# the most capitalised words a body's coordinated complement may run over after its first part
# ("the American Federation of State" + ", County and Municipal Employees")
_MAX_COORDINATED = 8
# the heads whose complement may be coordinated: those that take one, and the nouns bodies'
# names end in ("the American Federation of State, County and Municipal Employees")
_COORDINATED_HEADS = ORG_FOR_HEADS | ORG_HEAD_NOUNS


def coordinated_joins(found: Sequence[Span], t: Tokens, words: frozenset[str]) -> list[Span]:
    """The names ``found`` (in order), where a body's name ends in a head's "of" or "for"
    complement and the complement goes on with "and" (or commas and "and") and capitalised
    words of the language, the whole as one organization's name: "the National Council for
    Peace" and "Order", "the Moscow School of Painting" and ", Sculpture and Architecture",
    "the American Federation of State, County and Municipal Employees" (the recogniser stops
    at the comma or the "and", and reads the rest as a person, a work or nothing). ``words``:
    the language's words (``plain_words.english_words``): a name that is no word ("the
    Ministry of Defence and NATO"), a place ("and Britain") or a body's own head ("the
    Department of Energy and Congress") is a second name."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in found:
        if out and out[-1].end > ent.start:
            continue  # taken into the name before it
        end = _coordinated_end(ent, t, words) if words else None
        if end is None or any(
            e.start < end < e.end or (e.start >= ent.end and e.label_ == "GPE")
            for e in found
            if e.start < end and e.end > ent.end
        ):
            out.append(ent)
        else:
            out.append(Span(ent.doc, ent.start, end, label="ORG"))
    return out


def _coordinated_end(ent: Span, t: Tokens, words: frozenset[str]) -> int | None:
    """Where the body's name ``ent`` ends with its coordinated complement, or None."""
    if ent.label_ not in _BODY_LABELS:
        return None
    end = ent.end - (t.lower[ent.end - 1] in ("and", "&"))  # "the Hospital for Neurology and"
    link = next((k for k in range(end - 2, ent.start, -1) if t.lower[k] in ("of", "for")), None)
    if link is None or not t.is_lower[link] or t.lower[link - 1] not in _COORDINATED_HEADS:
        return None
    if not all(_plain_title(x, t, words) for x in range(link + 1, end)):
        return None
    k, joined = end, False
    while k < len(t.lower) and k - end <= _MAX_COORDINATED and not joined:
        joined = t.lower[k] in ("and", "&")
        if not joined and t.lower[k] != ",":
            return None
        run = k + 1
        while run < len(t.lower) and _plain_title(run, t, words):
            run += 1
        if run == k + 1:
            return None
        k = run
    if not joined or (k < len(t.lower) and t.title[k]):
        return None
    return k if k - end <= _MAX_COORDINATED else None


def _plain_title(x: int, t: Tokens, words: frozenset[str]) -> bool:
    """Whether token ``x`` is a capitalised word of the language within a sentence, no
    body's head and no place's name ("Order", "Sculpture", "Broadcasting"; not "Congress",
    "Council", nor a country's or a large city's name, "Japan" or "Toyota", which the
    language's words hold too; a town's may be one, "Drama")."""
    return (
        t.title[x]
        and not t.sent_start[x]
        and t.lower[x] not in ORG_HEAD_NOUNS
        and is_word(t.lower[x], words)
        and t.lower[x] not in CITIES
        and t.lower[x] not in COUNTRIES
    )
