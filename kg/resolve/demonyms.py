"""A fact whose object is a nationality word ("Marta Ilves, an Estonian engineer": citizenship
of "Estonian") is a fact about the country the places table says the word names ("Estonia").
The word's own mention stays an entity of its own, linked to the country (``demonym_of``):
merged into the country it cost Re-DocRED's mention pairs and DWIE's precision (see
docs/benchmarks.md); only the fact moves.
"""

from __future__ import annotations

from kg.extract.records import RawMention
from kg.names import name_key, place_name
from kg.resolve.records import _Name

# The predicates whose object, when a nationality word, is its country: the country a person
# is a citizen of, a thing is in, made in or comes from ("the Estonian city of Tartu").
COUNTRY_PREDICATES = frozenset(
    {"country_of_citizenship", "country", "country_of_origin", "located_in"}
)


def country_object(m: RawMention, predicates: tuple[str, ...]) -> str | None:
    """The country a fact of ``predicates`` whose object is the mention ``m`` is about, where
    ``m`` is a nationality word the places table knows; else None."""
    if not COUNTRY_PREDICATES.intersection(predicates):
        return None
    place = place_name(m.text, m.label)
    return place[0] if place is not None and place[1] == "demonym" else None


def country_name(names: dict[str, _Name], country: str, doc: str) -> str:
    """The name key of ``country``, made from the places table where no document has named it
    yet: a place with no mention of its own (the nationality word stays the word's entity, not
    an alias of the country's, as it is not merged)."""
    key = name_key(country)
    n = names.get(key)
    if n is None:
        n = names[key] = _Name(country)
        n.votes["Place"] += 1.0  # the places table's, as one label's vote
    n.docs.add(doc)
    return key
