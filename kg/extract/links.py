"""Whether the text links a name to a country it names in the same sentence.

A country named in the same sentence as a person or a company says nothing by itself: "Jane
Doe met the French minister" makes her no French citizen. The relation model reads such pairs
too; a citizenship, country or location fact whose object is a country stands only where the
text ties the two: a nationality adjective on the name ("the German chancellor Angela Merkel"),
"X-born", "citizen of", "Town, Country", an apposition, or a short phrase without a verb
between them ("Siemens of Germany", "a bank in France").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.types import is_nationality
from kg.lexicon import (
    CITIZEN_NOUNS,
    CONTINENTS,
    COUNTRY_PREDICATES,
    DEPENDENT_TERRITORIES,
    LINKING_VERBS,
)
from kg.names import place_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# arcs of the parse between the two names beyond which no phrase ties them
MAX_ARCS = 3


def is_country(text: str) -> bool:
    """Whether ``text`` names a country (a name, alias or code of kg's places table) or is a
    nationality word standing for one; a city is no country."""
    row = _place_row(text)
    return (row is not None and row[1] != "city") or is_nationality(text)


def is_territory(text: str) -> bool:
    """Whether ``text`` names a territory another state holds ("Puerto Rico"), which the places
    table holds as a country but is no place's country."""
    row = _place_row(text)
    return row is not None and row[0] in DEPENDENT_TERRITORIES


def _place_row(text: str) -> tuple[str, str] | None:
    """The places table's row for a place's name, spaces squashed and "the" left out."""
    t = " ".join(text.split())
    return place_name(t[4:] if t.casefold().startswith("the ") else t, "GPE")


def is_continent(text: str) -> bool:
    """Whether ``text`` names a continent ("Africa", "European"), which the places table holds
    beside the countries."""
    row = place_name(" ".join(text.split()), "LOC") or place_name(text, "NORP")
    return row is not None and row[0] in CONTINENTS


def needs_link(predicate: str, object_text: str) -> bool:
    """Whether a fact of ``predicate`` to an object written ``object_text`` needs the text
    to tie the two (a country, or a nationality word standing for one)."""
    return predicate in COUNTRY_PREDICATES and is_country(object_text)


def linked(subject: Span, obj: Span) -> bool:
    """Whether the sentence ties the subject's name to the country's (see the module doc)."""
    if subject.sent.start != obj.sent.start:
        return False
    doc = subject.doc
    # "German-born", "French-based"
    if obj.end + 1 < len(doc) and doc[obj.end].text == "-" and doc[obj.end + 1].lower_ == "born":
        return True
    if obj.end < len(doc) and doc[obj.end].lower_ in ("-born",):
        return True
    # "Leeds, England": the country right after the name and a comma
    if obj.start >= 2 and doc[obj.start - 1].text == "," and subject.end == obj.start - 1:
        return True
    path = dep_path(subject.root, obj.root)
    if path is None or len(path) - 1 > MAX_ARCS:
        return False
    inner = path[1:-1]
    # "citizen of France", "a national of Peru"
    if any(t.lemma_.lower() in CITIZEN_NOUNS for t in inner):
        return True
    # a phrase of nouns and prepositions, or a verb that places the subject ("based in")
    return all(t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() in LINKING_VERBS for t in inner)


def dep_path(a: Token, b: Token) -> list[Token] | None:
    """The tokens on the parse's path from ``a`` to ``b``, both included."""
    ups = [a]
    while ups[-1].head.i != ups[-1].i and len(ups) <= 8:
        ups.append(ups[-1].head)
    at = {t.i: k for k, t in enumerate(ups)}
    down = [b]
    while down[-1].i not in at:
        if down[-1].head.i == down[-1].i or len(down) > 8:
            return None
        down.append(down[-1].head)
    meet = at[down[-1].i]
    return ups[: meet + 1] + list(reversed(down[:-1]))
